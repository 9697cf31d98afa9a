// SPDX-License-Identifier: MIT
/*
 * Ports: user packets, zx_object_wait_async (once, edge, timestamps),
 * zx_port_cancel, cancellation by close, and every documented error.
 */
#include <pthread.h>
#include <unistd.h>

#include "zx_test.h"

static zx_handle_t port(void)
{
	zx_handle_t p = ZX_HANDLE_INVALID;

	zx_port_create(0, &p);
	return p;
}

static zx_port_packet_t user_packet(uint64_t key, uint64_t word)
{
	zx_port_packet_t pkt = { .key = key, .type = 77, .status = -3 };

	pkt.user.u64[0] = word;
	pkt.user.u64[3] = ~word;
	return pkt;
}

TEST(create)
{
	zx_handle_t p = ZX_HANDLE_INVALID;
	int handles;

	ASSERT_EQ(ZX_ERR_INVALID_ARGS, zx_port_create(2, &p));
	ASSERT_EQ(ZX_HANDLE_INVALID, p);
	ASSERT_EQ(ZX_OK, zx_port_create(0, &p));
	ASSERT_EQ(ZX_OBJ_TYPE_PORT, zx_test_basic(p).type);
	ASSERT_EQ(ZX_DEFAULT_PORT_RIGHTS, zx_test_basic(p).rights);
	/* Ports cannot be waited on. */
	ASSERT_EQ(ZX_ERR_ACCESS_DENIED, zx_object_wait_one(p, 1, 0, NULL));
	handles = zx_test_live("handles");
	ASSERT_EQ(ZX_ERR_INVALID_ARGS, zx_port_create(0, (zx_handle_t *)8));
	ASSERT_EQ(handles, zx_test_live("handles"));
	zx_handle_close(p);
}

TEST(user_packets_in_order)
{
	zx_handle_t p = port();
	zx_port_packet_t in, out;

	for (uint64_t i = 0; i < 5; i++) {
		in = user_packet(100 + i, i * 3);
		ASSERT_EQ(ZX_OK, zx_port_queue(p, &in));
	}
	for (uint64_t i = 0; i < 5; i++) {
		ASSERT_EQ(ZX_OK, zx_port_wait(p, ZX_TIME_INFINITE, &out));
		ASSERT_EQ(100 + i, out.key);
		ASSERT_EQ(ZX_PKT_TYPE_USER, out.type);
		ASSERT_EQ(-3, out.status);
		ASSERT_EQ(i * 3, out.user.u64[0]);
		ASSERT_EQ(~(i * 3), out.user.u64[3]);
	}
	ASSERT_EQ(ZX_ERR_TIMED_OUT, zx_port_wait(p, 0, &out));
	ASSERT_EQ(ZX_ERR_TIMED_OUT, zx_port_wait(p, zx_deadline_after(ZX_MSEC(5)), &out));
	zx_handle_close(p);
}

TEST(queue_and_wait_errors)
{
	zx_handle_t p = port(), ro, wo, ev = zx_test_event();
	zx_port_packet_t pkt = user_packet(1, 2);

	ASSERT_EQ(ZX_ERR_BAD_HANDLE, zx_port_queue(0x1113, &pkt));
	ASSERT_EQ(ZX_ERR_WRONG_TYPE, zx_port_queue(ev, &pkt));
	ASSERT_EQ(ZX_ERR_WRONG_TYPE, zx_port_wait(ev, 0, &pkt));
	ASSERT_EQ(ZX_ERR_INVALID_ARGS, zx_port_queue(p, (zx_port_packet_t *)8));
	ASSERT_EQ(ZX_OK, zx_handle_duplicate(p, ZX_RIGHT_READ, &ro));
	ASSERT_EQ(ZX_OK, zx_handle_duplicate(p, ZX_RIGHT_WRITE, &wo));
	ASSERT_EQ(ZX_ERR_ACCESS_DENIED, zx_port_queue(ro, &pkt));
	ASSERT_EQ(ZX_ERR_ACCESS_DENIED, zx_port_wait(wo, 0, &pkt));
	ASSERT_EQ(ZX_OK, zx_port_queue(wo, &pkt));
	ASSERT_EQ(ZX_OK, zx_port_wait(ro, 0, &pkt));
	zx_handle_close(ro);
	zx_handle_close(wo);
	zx_handle_close(ev);
	zx_handle_close(p);
}

TEST(user_packet_limit)
{
	zx_handle_t p = port();
	zx_port_packet_t pkt = user_packet(1, 2);
	zx_status_t status = ZX_OK;
	int n = 0;

	while (n < 20000 && (status = zx_port_queue(p, &pkt)) == ZX_OK)
		n++;
	ASSERT_EQ(ZX_ERR_SHOULD_WAIT, status);
	ASSERT_EQ(16384, n);
	ASSERT_EQ(ZX_OK, zx_port_wait(p, 0, &pkt));
	ASSERT_EQ(ZX_OK, zx_port_queue(p, &pkt));
	zx_handle_close(p);
}

struct port_waiter {
	zx_handle_t port;
	zx_status_t status;
	zx_port_packet_t pkt;
};

static void *port_wait_thread(void *arg)
{
	struct port_waiter *w = arg;

	w->status = zx_port_wait(w->port, ZX_TIME_INFINITE, &w->pkt);
	return NULL;
}

TEST(wait_across_threads)
{
	struct port_waiter w = { .port = port(), .status = 99 };
	zx_port_packet_t pkt = user_packet(42, 7);
	pthread_t t;

	ASSERT_EQ(0, pthread_create(&t, NULL, port_wait_thread, &w));
	usleep(30 * 1000);
	ASSERT_EQ(99, w.status);
	ASSERT_EQ(ZX_OK, zx_port_queue(w.port, &pkt));
	pthread_join(t, NULL);
	ASSERT_EQ(ZX_OK, w.status);
	ASSERT_EQ(42u, w.pkt.key);
	zx_handle_close(w.port);
}

TEST(wait_async_once)
{
	zx_handle_t p = port(), ev = zx_test_event();
	zx_port_packet_t pkt;

	ASSERT_EQ(ZX_OK, zx_object_wait_async(ev, p, 9, ZX_EVENT_SIGNALED | ZX_USER_SIGNAL_0, 0));
	ASSERT_EQ(ZX_ERR_TIMED_OUT, zx_port_wait(p, 0, &pkt));
	ASSERT_EQ(ZX_OK, zx_object_signal(ev, 0, ZX_USER_SIGNAL_0 | ZX_USER_SIGNAL_1));
	ASSERT_EQ(ZX_OK, zx_port_wait(p, 0, &pkt));
	ASSERT_EQ(9u, pkt.key);
	ASSERT_EQ(ZX_PKT_TYPE_SIGNAL_ONE, pkt.type);
	ASSERT_EQ(ZX_OK, pkt.status);
	ASSERT_EQ(ZX_EVENT_SIGNALED | ZX_USER_SIGNAL_0, pkt.signal.trigger);
	ASSERT_EQ(ZX_USER_SIGNAL_0 | ZX_USER_SIGNAL_1, pkt.signal.observed);
	ASSERT_EQ(1u, pkt.signal.count);
	ASSERT_EQ(0, pkt.signal.timestamp);
	/* Once: no second packet. */
	ASSERT_EQ(ZX_OK, zx_object_signal(ev, ZX_USER_SIGNAL_0, 0));
	ASSERT_EQ(ZX_OK, zx_object_signal(ev, 0, ZX_USER_SIGNAL_0));
	ASSERT_EQ(ZX_ERR_TIMED_OUT, zx_port_wait(p, 0, &pkt));
	/* Already satisfied: the packet comes at once. */
	ASSERT_EQ(ZX_OK, zx_object_wait_async(ev, p, 10, ZX_USER_SIGNAL_1, 0));
	ASSERT_EQ(ZX_OK, zx_port_wait(p, 0, &pkt));
	ASSERT_EQ(10u, pkt.key);
	zx_handle_close(ev);
	zx_handle_close(p);
}

TEST(wait_async_edge_and_timestamp)
{
	zx_handle_t p = port(), ev = zx_test_event();
	zx_port_packet_t pkt;
	zx_time_t before, after;

	ASSERT_EQ(ZX_OK, zx_object_signal(ev, 0, ZX_EVENT_SIGNALED));
	ASSERT_EQ(ZX_OK, zx_object_wait_async(ev, p, 1, ZX_EVENT_SIGNALED,
					      ZX_WAIT_ASYNC_EDGE | ZX_WAIT_ASYNC_TIMESTAMP));
	/* Already asserted: an edge wait does not fire, not even on other bits. */
	ASSERT_EQ(ZX_OK, zx_object_signal(ev, 0, ZX_USER_SIGNAL_2));
	ASSERT_EQ(ZX_ERR_TIMED_OUT, zx_port_wait(p, 0, &pkt));
	ASSERT_EQ(ZX_OK, zx_object_signal(ev, ZX_EVENT_SIGNALED, 0));
	ASSERT_EQ(ZX_ERR_TIMED_OUT, zx_port_wait(p, 0, &pkt));
	before = zx_clock_get_monotonic();
	ASSERT_EQ(ZX_OK, zx_object_signal(ev, 0, ZX_EVENT_SIGNALED));
	after = zx_clock_get_monotonic();
	ASSERT_EQ(ZX_OK, zx_port_wait(p, 0, &pkt));
	ASSERT_EQ(1u, pkt.key);
	ASSERT_GE(pkt.signal.timestamp, before);
	ASSERT_LE(pkt.signal.timestamp, after);
	zx_handle_close(ev);
	zx_handle_close(p);
}

TEST(wait_async_errors)
{
	zx_handle_t p = port(), ev = zx_test_event(), nowait, nowrite;

	ASSERT_EQ(ZX_ERR_INVALID_ARGS, zx_object_wait_async(ev, p, 1, 1, 8));
	ASSERT_EQ(ZX_ERR_BAD_HANDLE, zx_object_wait_async(ev, 0x5553, 1, 1, 0));
	ASSERT_EQ(ZX_ERR_BAD_HANDLE, zx_object_wait_async(0x5553, p, 1, 1, 0));
	ASSERT_EQ(ZX_ERR_WRONG_TYPE, zx_object_wait_async(ev, ev, 1, 1, 0));
	ASSERT_EQ(ZX_OK, zx_handle_duplicate(ev, ZX_RIGHT_SIGNAL, &nowait));
	ASSERT_EQ(ZX_ERR_ACCESS_DENIED, zx_object_wait_async(nowait, p, 1, 1, 0));
	ASSERT_EQ(ZX_OK, zx_handle_duplicate(p, ZX_RIGHT_READ, &nowrite));
	ASSERT_EQ(ZX_ERR_ACCESS_DENIED, zx_object_wait_async(ev, nowrite, 1, 1, 0));
	ASSERT_EQ(ZX_ERR_ACCESS_DENIED, zx_port_cancel(nowrite, ev, 1));
	zx_handle_close(nowait);
	zx_handle_close(nowrite);
	zx_handle_close(ev);
	zx_handle_close(p);
}

TEST(closing_the_handle_cancels_the_async_wait)
{
	zx_handle_t p = port(), ev = zx_test_event(), dup;
	zx_port_packet_t pkt;

	ASSERT_EQ(ZX_OK, zx_handle_duplicate(ev, ZX_RIGHT_SAME_RIGHTS, &dup));
	ASSERT_EQ(ZX_OK, zx_object_wait_async(ev, p, 1, ZX_EVENT_SIGNALED, 0));
	ASSERT_EQ(ZX_OK, zx_object_wait_async(dup, p, 2, ZX_EVENT_SIGNALED, 0));
	ASSERT_EQ(ZX_OK, zx_handle_close(ev));
	ASSERT_EQ(ZX_OK, zx_object_signal(dup, 0, ZX_EVENT_SIGNALED));
	/* Only the wait through the open handle delivers. */
	ASSERT_EQ(ZX_OK, zx_port_wait(p, 0, &pkt));
	ASSERT_EQ(2u, pkt.key);
	ASSERT_EQ(ZX_ERR_TIMED_OUT, zx_port_wait(p, 0, &pkt));
	zx_handle_close(dup);
	zx_handle_close(p);
}

TEST(port_cancel)
{
	zx_handle_t p = port(), ev = zx_test_event(), other = zx_test_event();
	zx_port_packet_t pkt;

	ASSERT_EQ(ZX_OK, zx_object_wait_async(ev, p, 5, ZX_EVENT_SIGNALED, 0));
	ASSERT_EQ(ZX_OK, zx_object_wait_async(ev, p, 6, ZX_EVENT_SIGNALED, 0));
	ASSERT_EQ(ZX_ERR_NOT_FOUND, zx_port_cancel(p, ev, 7));
	ASSERT_EQ(ZX_ERR_NOT_FOUND, zx_port_cancel(p, other, 5));
	ASSERT_EQ(ZX_OK, zx_port_cancel(p, ev, 5));
	ASSERT_EQ(ZX_ERR_NOT_FOUND, zx_port_cancel(p, ev, 5));
	ASSERT_EQ(ZX_OK, zx_object_signal(ev, 0, ZX_EVENT_SIGNALED));
	ASSERT_EQ(ZX_OK, zx_port_wait(p, 0, &pkt));
	ASSERT_EQ(6u, pkt.key);
	ASSERT_EQ(ZX_ERR_TIMED_OUT, zx_port_wait(p, 0, &pkt));
	/* A packet already queued is withdrawn too. */
	ASSERT_EQ(ZX_OK, zx_object_wait_async(ev, p, 8, ZX_EVENT_SIGNALED, 0));
	ASSERT_EQ(ZX_OK, zx_port_cancel(p, ev, 8));
	ASSERT_EQ(ZX_ERR_TIMED_OUT, zx_port_wait(p, 0, &pkt));
	ASSERT_EQ(ZX_ERR_BAD_HANDLE, zx_port_cancel(p, 0x3333, 8));
	zx_handle_close(other);
	zx_handle_close(ev);
	zx_handle_close(p);
}

TEST(job_termination_through_a_port)
{
	zx_handle_t p = port(), job;
	zx_port_packet_t pkt;

	ASSERT_EQ(ZX_OK, zx_job_create(zx_job_default(), 0, &job));
	ASSERT_EQ(ZX_OK, zx_object_wait_async(job, p, 77, ZX_JOB_TERMINATED, 0));
	ASSERT_EQ(ZX_OK, zx_task_kill(job));
	ASSERT_EQ(ZX_OK, zx_port_wait(p, zx_deadline_after(ZX_SEC(5)), &pkt));
	ASSERT_EQ(77u, pkt.key);
	ASSERT_TRUE(pkt.signal.observed & ZX_JOB_TERMINATED);
	zx_handle_close(job);
	zx_handle_close(p);
}

TEST(closing_the_port_frees_everything)
{
	zx_handle_t p, ev, ev2;
	zx_port_packet_t pkt = user_packet(1, 1);
	int objects, handles;

	ASSERT_NE(ZX_HANDLE_INVALID, zx_job_default());
	objects = zx_test_live("objects");
	handles = zx_test_live("handles");
	p = port();
	ev = zx_test_event();
	ev2 = zx_test_event();
	ASSERT_EQ(ZX_OK, zx_object_wait_async(ev, p, 1, ZX_EVENT_SIGNALED, 0));
	ASSERT_EQ(ZX_OK, zx_object_wait_async(ev2, p, 2, ZX_EVENT_SIGNALED, 0));
	ASSERT_EQ(ZX_OK, zx_object_signal(ev2, 0, ZX_EVENT_SIGNALED));
	ASSERT_EQ(ZX_OK, zx_port_queue(p, &pkt));
	/* One armed wait, one fired packet, one user packet. */
	ASSERT_EQ(ZX_OK, zx_handle_close(p));
	ASSERT_EQ(ZX_OK, zx_object_signal(ev, 0, ZX_EVENT_SIGNALED));
	zx_handle_close(ev);
	zx_handle_close(ev2);
	ASSERT_EQ(objects, zx_test_live("objects"));
	ASSERT_EQ(handles, zx_test_live("handles"));
}

TEST_HARNESS_MAIN
