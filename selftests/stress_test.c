// SPDX-License-Identifier: MIT
/*
 * Races: threads create, duplicate, close, wait on and signal a shared set
 * of handles, while others build job trees and kill them.  The run must end
 * with every wait accounted for (OK, TIMED_OUT, CANCELED or BAD_HANDLE),
 * no unexpected status, and the module's live object and handle counts back
 * where they started; vmtest fails the run on any kernel complaint.
 */
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <unistd.h>

#include "zx_test.h"
#include "launch.h"

#define SLOTS 64
#define RUN_NS ZX_MSEC(1500)

static _Atomic zx_handle_t slots[SLOTS];
static atomic_int unexpected;
/* Per thread kind: operations done, and waits ended by a concurrent close. */
static atomic_int done_churn, done_waits, done_signals, done_jobs, done_kills, canceled;
static atomic_int done_async, packets;
static zx_time_t stop_at;

static unsigned int next_rand(unsigned int *s)
{
	*s = *s * 1103515245u + 12345u;
	return *s >> 8;
}

static void expect_at(int line, zx_status_t status, zx_status_t a, zx_status_t b,
		      zx_status_t c)
{
	if (status != ZX_OK && status != a && status != b && status != c) {
		atomic_fetch_add(&unexpected, 1);
		fprintf(stderr, "# line %d: unexpected %s\n", line, zx_status_get_string(status));
	}
}

#define expect(status, a, b, c) expect_at(__LINE__, (status), (a), (b), (c))

static void *churn(void *arg)
{
	unsigned int seed = (unsigned int)(uintptr_t)arg;

	while (zx_clock_get_monotonic() < stop_at) {
		atomic_fetch_add(&done_churn, 1);
		unsigned int i = next_rand(&seed) % SLOTS;
		zx_handle_t h = ZX_HANDLE_INVALID, old;

		switch (next_rand(&seed) % 3) {
		case 0:
			expect(zx_event_create(0, &h), 0, 0, 0);
			old = atomic_exchange(&slots[i], h);
			expect(zx_handle_close(old), ZX_ERR_BAD_HANDLE, 0, 0);
			break;
		case 1:
			old = atomic_load(&slots[i]);
			if (zx_handle_duplicate(old, ZX_RIGHT_SAME_RIGHTS, &h) == ZX_OK) {
				old = atomic_exchange(&slots[(i + 1) % SLOTS], h);
				expect(zx_handle_close(old), ZX_ERR_BAD_HANDLE, 0, 0);
			}
			break;
		default:
			old = atomic_exchange(&slots[i], ZX_HANDLE_INVALID);
			expect(zx_handle_close(old), ZX_ERR_BAD_HANDLE, 0, 0);
			break;
		}
	}
	return NULL;
}

static void *waiter(void *arg)
{
	unsigned int seed = (unsigned int)(uintptr_t)arg;

	while (zx_clock_get_monotonic() < stop_at) {
		zx_wait_item_t items[3];
		zx_status_t st;

		atomic_fetch_add(&done_waits, 1);
		for (int k = 0; k < 3; k++)
			items[k] = (zx_wait_item_t){ atomic_load(&slots[next_rand(&seed) % SLOTS]),
						     ZX_EVENT_SIGNALED, 0 };
		if (next_rand(&seed) & 1)
			st = zx_object_wait_one(items[0].handle, ZX_EVENT_SIGNALED,
						zx_deadline_after(ZX_MSEC(2)), NULL);
		else
			st = zx_object_wait_many(items, 3, zx_deadline_after(ZX_MSEC(2)));
		expect(st, ZX_ERR_TIMED_OUT, ZX_ERR_CANCELED, ZX_ERR_BAD_HANDLE);
		if (st == ZX_ERR_CANCELED)
			atomic_fetch_add(&canceled, 1);
	}
	return NULL;
}

static void *signaller(void *arg)
{
	unsigned int seed = (unsigned int)(uintptr_t)arg;

	while (zx_clock_get_monotonic() < stop_at) {
		zx_handle_t h = atomic_load(&slots[next_rand(&seed) % SLOTS]);

		atomic_fetch_add(&done_signals, 1);
		expect(zx_object_signal(h, next_rand(&seed) & 1 ? 0 : ZX_EVENT_SIGNALED,
					next_rand(&seed) & 1 ? ZX_EVENT_SIGNALED : 0),
		       ZX_ERR_BAD_HANDLE, 0, 0);
	}
	return NULL;
}

/* Async waits on the churning handles; the port is sometimes closed armed. */
static void *async_waiter(void *arg)
{
	unsigned int seed = (unsigned int)(uintptr_t)arg;
	zx_handle_t port = ZX_HANDLE_INVALID;

	while (zx_clock_get_monotonic() < stop_at) {
		zx_port_packet_t pkt;
		zx_handle_t h = atomic_load(&slots[next_rand(&seed) % SLOTS]);

		if (port == ZX_HANDLE_INVALID)
			expect(zx_port_create(0, &port), 0, 0, 0);
		atomic_fetch_add(&done_async, 1);
		expect(zx_object_wait_async(h, port, next_rand(&seed) % 4, ZX_EVENT_SIGNALED,
					    next_rand(&seed) & 1 ? ZX_WAIT_ASYNC_EDGE : 0),
		       ZX_ERR_BAD_HANDLE, 0, 0);
		if (next_rand(&seed) % 4 == 0)
			expect(zx_port_cancel(port, h, next_rand(&seed) % 4),
			       ZX_ERR_NOT_FOUND, ZX_ERR_BAD_HANDLE, 0);
		while (zx_port_wait(port, 0, &pkt) == ZX_OK)
			atomic_fetch_add(&packets, 1);
		if (next_rand(&seed) % 16 == 0) {
			zx_handle_close(port);
			port = ZX_HANDLE_INVALID;
		}
	}
	zx_handle_close(port);
	return NULL;
}

/* Handles from the shared slots travel through channels that get closed. */
static atomic_int done_msgs;

static void *messenger(void *arg)
{
	unsigned int seed = (unsigned int)(uintptr_t)arg;

	while (zx_clock_get_monotonic() < stop_at) {
		zx_handle_t a, b, h, got[2];
		uint32_t nh = 0;
		char c = 'm';

		expect(zx_channel_create(0, &a, &b), 0, 0, 0);
		for (int i = next_rand(&seed) % 4; i >= 0; i--) {
			h = atomic_exchange(&slots[next_rand(&seed) % SLOTS], ZX_HANDLE_INVALID);
			expect(zx_channel_write(a, 0, &c, 1, h ? &h : NULL, h ? 1 : 0),
			       ZX_ERR_BAD_HANDLE, 0, 0);
			atomic_fetch_add(&done_msgs, 1);
		}
		if (next_rand(&seed) & 1 &&
		    zx_channel_read(b, 0, &c, got, 1, 2, NULL, &nh) == ZX_OK && nh)
			zx_handle_close(got[0]);
		/* Whatever is still queued dies with the channel. */
		zx_handle_close(next_rand(&seed) & 1 ? a : b);
		zx_handle_close(a);
		zx_handle_close(b);
	}
	return NULL;
}

/* Two threads share a sub-region: allocate, map, unmap and destroy in it. */
static _Atomic zx_handle_t region;
static atomic_int done_vmar;

static void *vmar_churn(void *arg)
{
	unsigned int seed = (unsigned int)(uintptr_t)arg;
	zx_handle_t vmo;

	expect(zx_vmo_create(4096 * 4, 0, &vmo), 0, 0, 0);
	while (zx_clock_get_monotonic() < stop_at) {
		zx_handle_t r = atomic_load(&region), sub;
		zx_vaddr_t addr, base;

		atomic_fetch_add(&done_vmar, 1);
		switch (next_rand(&seed) % 4) {
		case 0:
			/* Not touched: the other thread may unmap it at once. */
			expect(zx_vmar_map(r, ZX_VM_PERM_READ | ZX_VM_PERM_WRITE, 0, vmo, 0, 4096,
					   &addr), ZX_ERR_BAD_STATE, ZX_ERR_NO_RESOURCES,
			       ZX_ERR_BAD_HANDLE);
			break;
		case 1:
			if (zx_vmar_allocate(r, ZX_VM_CAN_MAP_READ, 0, 4096 * 2, &sub, &base) ==
			    ZX_OK) {
				expect(zx_vmar_map(sub, ZX_VM_PERM_READ, 0, vmo, 0, 4096, &addr),
				       ZX_ERR_BAD_STATE, 0, 0);
				expect(zx_vmar_destroy(sub), ZX_ERR_BAD_STATE, 0, 0);
				zx_handle_close(sub);
			}
			break;
		case 2: {
			zx_info_vmar_t info;

			zx_status_t st;

			if (zx_object_get_info(r, ZX_INFO_VMAR, &info, sizeof(info), NULL, NULL))
				break;
			st = zx_vmar_unmap(r, info.base + 4096 * (next_rand(&seed) % 64), 4096 * 2);
			/* r may have been replaced and closed since. */
			if (st != ZX_ERR_BAD_HANDLE)
				expect(st, ZX_ERR_NOT_FOUND, ZX_ERR_BAD_STATE, ZX_ERR_INVALID_ARGS);
			break;
		}
		default:
			if (next_rand(&seed) % 64 == 0) {
				zx_handle_t fresh, old;

				if (zx_vmar_allocate(zx_vmar_root_self(), ZX_VM_CAN_MAP_READ |
						     ZX_VM_CAN_MAP_WRITE, 0, 4096 * 64, &fresh,
						     &base) == ZX_OK) {
					old = atomic_exchange(&region, fresh);
					expect(zx_vmar_destroy(old), ZX_ERR_BAD_STATE, 0, 0);
					zx_handle_close(old);
				}
			}
			break;
		}
	}
	zx_handle_close(vmo);
	return NULL;
}

static _Atomic zx_handle_t tree;

static void *job_builder(void *arg)
{
	unsigned int seed = (unsigned int)(uintptr_t)arg;

	while (zx_clock_get_monotonic() < stop_at) {
		zx_handle_t parent = atomic_load(&tree), child;
		zx_handle_t dup;

		if (zx_handle_duplicate(parent, ZX_RIGHT_SAME_RIGHTS, &dup) != ZX_OK)
			continue;
		atomic_fetch_add(&done_jobs, 1);
		for (int depth = next_rand(&seed) % 5; depth >= 0; depth--) {
			zx_status_t s = zx_job_create(dup, 0, &child);

			expect(s, ZX_ERR_BAD_STATE, 0, 0);
			zx_handle_close(dup);
			if (s != ZX_OK)
				break;
			dup = child;
		}
		zx_handle_close(dup);
	}
	return NULL;
}

static void *job_killer(void *arg)
{
	while (zx_clock_get_monotonic() < stop_at) {
		zx_handle_t fresh, old;

		atomic_fetch_add(&done_kills, 1);
		expect(zx_job_create(zx_job_default(), 0, &fresh), 0, 0, 0);
		old = atomic_exchange(&tree, fresh);
		expect(zx_task_kill(old), 0, 0, 0);
		zx_handle_close(old);
	}
	return NULL;
}

static atomic_int done_procs;

/*
 * Launch processes in the job the killer is about to kill, and kill, close
 * or let them exit on their own, racing the job kills.
 */
static void *proc_churn(void *arg)
{
	unsigned int seed = (unsigned int)(uintptr_t)arg;

	while (zx_clock_get_monotonic() < stop_at) {
		zx_handle_t job;
		struct launched l;
		zx_status_t st;

		if (zx_handle_duplicate(atomic_load(&tree), ZX_RIGHT_SAME_RIGHTS, &job) != ZX_OK)
			continue;
		st = fs_launch(job, "churned", ZX_HANDLE_INVALID,
			       next_rand(&seed) % 2 ? FS_SPIN : FS_EXIT, &l);
		zx_handle_close(job);
		/* The job may be killed at any step of the launch. */
		expect(st, ZX_ERR_BAD_STATE, 0, 0);
		atomic_fetch_add(&done_procs, 1);
		if (next_rand(&seed) % 2)
			expect(zx_task_kill(l.proc), ZX_ERR_BAD_HANDLE, 0, 0);
		/* Give the job killer a chance, then end it for sure. */
		if (l.proc && zx_object_wait_one(l.proc, ZX_PROCESS_TERMINATED,
						 zx_deadline_after(ZX_MSEC(50)), NULL)) {
			expect(zx_task_kill(l.proc), 0, 0, 0);
			expect(zx_object_wait_one(l.proc, ZX_PROCESS_TERMINATED,
						  zx_deadline_after(ZX_SEC(30)), NULL), 0, 0, 0);
		}
		fs_close(&l);
	}
	return NULL;
}

TEST(concurrent_handles_waits_and_kills)
{
	void *(*fns[])(void *) = { churn, churn, churn, waiter, waiter, signaller,
				   job_builder, job_builder, job_killer, async_waiter,
				   async_waiter, messenger, vmar_churn, vmar_churn, proc_churn };
	pthread_t t[sizeof(fns) / sizeof(fns[0])];
	int objects, handles;
	zx_handle_t first;

	ASSERT_NE(ZX_HANDLE_INVALID, zx_job_default());
	/* Made on first use, and kept until the process exits. */
	ASSERT_NE(ZX_HANDLE_INVALID, zx_vmar_root_self());
	objects = zx_test_live("objects");
	handles = zx_test_live("handles");
	ASSERT_EQ(ZX_OK, zx_job_create(zx_job_default(), 0, &first));
	atomic_store(&tree, first);
	{
		zx_handle_t r;
		zx_vaddr_t base;

		ASSERT_EQ(ZX_OK, zx_vmar_allocate(zx_vmar_root_self(), ZX_VM_CAN_MAP_READ |
						  ZX_VM_CAN_MAP_WRITE, 0, 4096 * 64, &r, &base));
		atomic_store(&region, r);
	}
	stop_at = zx_clock_get_monotonic() + RUN_NS;
	for (size_t i = 0; i < sizeof(fns) / sizeof(fns[0]); i++)
		ASSERT_EQ(0, pthread_create(&t[i], NULL, fns[i], (void *)(uintptr_t)(i * 7919 + 1)));
	for (size_t i = 0; i < sizeof(fns) / sizeof(fns[0]); i++)
		pthread_join(t[i], NULL);

	TH_LOG("churn %d, waits %d (%d cancelled by a close), signals %d, job trees %d, kills %d",
	       done_churn, done_waits, canceled, done_signals, done_jobs, done_kills);
	TH_LOG("async waits %d, packets %d, channel messages %d, vmar ops %d", done_async, packets,
	       done_msgs, done_vmar);
	ASSERT_EQ(0, atomic_load(&unexpected));
	/* Every kind of thread got real work done. */
	ASSERT_GT(done_churn, 100);
	ASSERT_GT(done_waits, 100);
	ASSERT_GT(done_signals, 100);
	ASSERT_GT(done_jobs, 20);
	ASSERT_GT(done_kills, 20);
	ASSERT_GT(done_async, 100);
	ASSERT_GT(packets, 10);
	ASSERT_GT(done_msgs, 100);
	ASSERT_GT(done_vmar, 100);
	ASSERT_GT(done_procs, 5);
	for (int i = 0; i < SLOTS; i++)
		zx_handle_close(atomic_load(&slots[i]));
	zx_handle_close(atomic_load(&tree));
	zx_vmar_destroy(atomic_load(&region));
	zx_handle_close(atomic_load(&region));
	/*
	 * A process's last references go a moment after it asserted
	 * ZX_PROCESS_TERMINATED (its tasks' exit hooks finish), so allow that.
	 */
	for (int i = 0; i < 500 && zx_test_live("objects") != objects; i++)
		usleep(10000);
	ASSERT_EQ(objects, zx_test_live("objects"));
	ASSERT_EQ(handles, zx_test_live("handles"));
}

TEST_HARNESS_MAIN
