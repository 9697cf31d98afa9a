// SPDX-License-Identifier: MIT
/*
 * Events, zx_object_signal, zx_object_wait_one and zx_object_wait_many:
 * deadlines, cancellation by close, waits across threads, and waits
 * interrupted by POSIX signals.
 */
#include <pthread.h>
#include <signal.h>
#include <sys/time.h>
#include <unistd.h>

#include "zx_test.h"

TEST(event_create_errors)
{
	zx_handle_t ev = ZX_HANDLE_INVALID;
	int handles;

	ASSERT_EQ(ZX_ERR_INVALID_ARGS, zx_event_create(1, &ev));
	ASSERT_EQ(ZX_HANDLE_INVALID, ev);
	ASSERT_NE(ZX_HANDLE_INVALID, zx_job_default());
	handles = zx_test_live("handles");
	ASSERT_EQ(ZX_ERR_INVALID_ARGS, zx_event_create(0, (zx_handle_t *)32));
	ASSERT_EQ(ZX_ERR_INVALID_ARGS, zx_event_create(0, NULL));
	ASSERT_EQ(handles, zx_test_live("handles"));
}

TEST(event_rights_and_type)
{
	zx_handle_t ev;

	ASSERT_EQ(ZX_OK, zx_event_create(0, &ev));
	ASSERT_EQ(ZX_DEFAULT_EVENT_RIGHTS, zx_test_basic(ev).rights);
	ASSERT_EQ(ZX_OBJ_TYPE_EVENT, zx_test_basic(ev).type);
	zx_handle_close(ev);
}

TEST(signal_set_and_clear)
{
	zx_handle_t ev = zx_test_event();
	zx_signals_t observed = 0xdead;

	ASSERT_EQ(ZX_ERR_TIMED_OUT, zx_object_wait_one(ev, ZX_EVENT_SIGNALED, 0, &observed));
	ASSERT_EQ(0u, observed);
	ASSERT_EQ(ZX_OK, zx_object_signal(ev, 0, ZX_EVENT_SIGNALED | ZX_USER_SIGNAL_3));
	ASSERT_EQ(ZX_OK, zx_object_wait_one(ev, ZX_EVENT_SIGNALED, 0, &observed));
	ASSERT_EQ(ZX_EVENT_SIGNALED | ZX_USER_SIGNAL_3, observed);
	ASSERT_EQ(ZX_OK, zx_object_signal(ev, ZX_EVENT_SIGNALED, 0));
	ASSERT_EQ(ZX_OK, zx_object_wait_one(ev, ZX_USER_SIGNAL_3, ZX_TIME_INFINITE, &observed));
	ASSERT_EQ(ZX_USER_SIGNAL_3, observed);
	/* Only SIGNALED and the user signals belong to user space. */
	ASSERT_EQ(ZX_ERR_INVALID_ARGS, zx_object_signal(ev, 0, ZX_CHANNEL_READABLE));
	ASSERT_EQ(ZX_ERR_INVALID_ARGS, zx_object_signal(ev, ZX_SIGNAL_HANDLE_CLOSED, 0));
	ASSERT_EQ(ZX_ERR_BAD_HANDLE, zx_object_signal(0x1113, 0, ZX_EVENT_SIGNALED));
	/* The NULL observed pointer is allowed. */
	ASSERT_EQ(ZX_OK, zx_object_wait_one(ev, ZX_USER_SIGNAL_3, 0, NULL));
	zx_handle_close(ev);
}

TEST(signal_on_a_job_takes_user_signals_only)
{
	zx_handle_t job;
	zx_signals_t observed;

	ASSERT_EQ(ZX_OK, zx_job_create(zx_job_default(), 0, &job));
	ASSERT_EQ(ZX_OK, zx_object_signal(job, 0, ZX_USER_SIGNAL_0));
	ASSERT_EQ(ZX_OK, zx_object_wait_one(job, ZX_USER_SIGNAL_0, 0, &observed));
	ASSERT_EQ(ZX_ERR_INVALID_ARGS, zx_object_signal(job, 0, ZX_JOB_TERMINATED));
	zx_handle_close(job);
}

TEST(signal_and_wait_need_rights)
{
	zx_handle_t ev = zx_test_event(), nosig, nowait;
	zx_wait_item_t item;

	ASSERT_EQ(ZX_OK, zx_handle_duplicate(ev, ZX_RIGHT_WAIT, &nosig));
	ASSERT_EQ(ZX_OK, zx_handle_duplicate(ev, ZX_RIGHT_SIGNAL, &nowait));
	ASSERT_EQ(ZX_ERR_ACCESS_DENIED, zx_object_signal(nosig, 0, ZX_EVENT_SIGNALED));
	ASSERT_EQ(ZX_ERR_ACCESS_DENIED, zx_object_wait_one(nowait, ZX_EVENT_SIGNALED, 0, NULL));
	item = (zx_wait_item_t){ nowait, ZX_EVENT_SIGNALED, 0 };
	ASSERT_EQ(ZX_ERR_ACCESS_DENIED, zx_object_wait_many(&item, 1, 0));
	zx_handle_close(nosig);
	zx_handle_close(nowait);
	zx_handle_close(ev);
}

TEST(wait_one_deadline)
{
	zx_handle_t ev = zx_test_event();
	zx_time_t start = zx_clock_get_monotonic();
	zx_signals_t observed = 1;

	ASSERT_EQ(ZX_ERR_TIMED_OUT, zx_object_wait_one(ev, ZX_EVENT_SIGNALED,
						       zx_deadline_after(ZX_MSEC(20)), &observed));
	ASSERT_GE(zx_clock_get_monotonic() - start, ZX_MSEC(20));
	ASSERT_EQ(0u, observed);
	/* A deadline in the past only polls. */
	ASSERT_EQ(ZX_ERR_TIMED_OUT, zx_object_wait_one(ev, ZX_EVENT_SIGNALED, -5, NULL));
	ASSERT_EQ(ZX_ERR_BAD_HANDLE, zx_object_wait_one(0x2003, ZX_EVENT_SIGNALED, 0, NULL));
	ASSERT_EQ(ZX_ERR_INVALID_ARGS, zx_object_wait_one(ev, 0, 0, (zx_signals_t *)8));
	zx_handle_close(ev);
}

struct waiter {
	zx_handle_t handle;
	zx_signals_t signals;
	zx_status_t status;
	zx_signals_t observed;
};

static void *wait_thread(void *arg)
{
	struct waiter *w = arg;

	w->status = zx_object_wait_one(w->handle, w->signals, ZX_TIME_INFINITE, &w->observed);
	return NULL;
}

TEST(wait_across_threads)
{
	struct waiter w[8];
	pthread_t t[8];
	zx_handle_t ev = zx_test_event();

	for (int i = 0; i < 8; i++) {
		w[i] = (struct waiter){ ev, ZX_USER_SIGNAL_1, 99, 0 };
		ASSERT_EQ(0, pthread_create(&t[i], NULL, wait_thread, &w[i]));
	}
	usleep(50 * 1000);
	for (int i = 0; i < 8; i++)
		ASSERT_EQ(99, w[i].status);
	ASSERT_EQ(ZX_OK, zx_object_signal(ev, 0, ZX_USER_SIGNAL_1));
	for (int i = 0; i < 8; i++) {
		pthread_join(t[i], NULL);
		ASSERT_EQ(ZX_OK, w[i].status);
		ASSERT_EQ(ZX_USER_SIGNAL_1, w[i].observed);
	}
	zx_handle_close(ev);
}

TEST(closing_the_handle_cancels_the_wait)
{
	struct waiter w, other;
	pthread_t t, t2;
	zx_handle_t ev = zx_test_event(), dup;

	ASSERT_EQ(ZX_OK, zx_handle_duplicate(ev, ZX_RIGHT_SAME_RIGHTS, &dup));
	w = (struct waiter){ ev, ZX_EVENT_SIGNALED, 99, 0 };
	other = (struct waiter){ dup, ZX_EVENT_SIGNALED, 99, 0 };
	ASSERT_EQ(0, pthread_create(&t, NULL, wait_thread, &w));
	ASSERT_EQ(0, pthread_create(&t2, NULL, wait_thread, &other));
	usleep(50 * 1000);
	ASSERT_EQ(ZX_OK, zx_handle_close(ev));
	pthread_join(t, NULL);
	ASSERT_EQ(ZX_ERR_CANCELED, w.status);
	/* The wait through the other handle goes on. */
	usleep(20 * 1000);
	ASSERT_EQ(99, other.status);
	ASSERT_EQ(ZX_OK, zx_object_signal(dup, 0, ZX_EVENT_SIGNALED));
	pthread_join(t2, NULL);
	ASSERT_EQ(ZX_OK, other.status);
	zx_handle_close(dup);
}

TEST(job_kill_wakes_a_waiter)
{
	struct waiter w;
	pthread_t t;
	zx_handle_t job;

	ASSERT_EQ(ZX_OK, zx_job_create(zx_job_default(), 0, &job));
	w = (struct waiter){ job, ZX_JOB_TERMINATED, 99, 0 };
	ASSERT_EQ(0, pthread_create(&t, NULL, wait_thread, &w));
	usleep(20 * 1000);
	ASSERT_EQ(ZX_OK, zx_task_kill(job));
	pthread_join(t, NULL);
	ASSERT_EQ(ZX_OK, w.status);
	ASSERT_TRUE(w.observed & ZX_JOB_TERMINATED);
	zx_handle_close(job);
}

static void on_alarm(int sig)
{
	(void)sig;
}

TEST(wait_survives_posix_signals)
{
	struct sigaction sa = { .sa_handler = on_alarm };	/* no SA_RESTART */
	struct itimerval it = { { 0, 5000 }, { 0, 5000 } };
	zx_handle_t ev = zx_test_event();
	zx_time_t start = zx_clock_get_monotonic();
	zx_wait_item_t item = { ev, ZX_EVENT_SIGNALED, 0 };

	ASSERT_EQ(0, sigaction(SIGALRM, &sa, NULL));
	ASSERT_EQ(0, setitimer(ITIMER_REAL, &it, NULL));
	ASSERT_EQ(ZX_ERR_TIMED_OUT, zx_object_wait_one(ev, ZX_EVENT_SIGNALED,
						       zx_deadline_after(ZX_MSEC(60)), NULL));
	ASSERT_GE(zx_clock_get_monotonic() - start, ZX_MSEC(60));
	ASSERT_EQ(ZX_ERR_TIMED_OUT, zx_object_wait_many(&item, 1, zx_deadline_after(ZX_MSEC(30))));
	it = (struct itimerval){ 0 };
	setitimer(ITIMER_REAL, &it, NULL);
	zx_handle_close(ev);
}

TEST(wait_many)
{
	zx_handle_t a = zx_test_event(), b = zx_test_event();
	zx_wait_item_t items[2] = {
		{ a, ZX_EVENT_SIGNALED, 0xdead },
		{ b, ZX_USER_SIGNAL_0, 0xdead },
	};

	ASSERT_EQ(ZX_ERR_TIMED_OUT, zx_object_wait_many(items, 2, zx_deadline_after(ZX_MSEC(5))));
	ASSERT_EQ(0u, items[0].pending);
	ASSERT_EQ(0u, items[1].pending);
	ASSERT_EQ(ZX_OK, zx_object_signal(b, 0, ZX_USER_SIGNAL_0 | ZX_EVENT_SIGNALED));
	ASSERT_EQ(ZX_OK, zx_object_wait_many(items, 2, ZX_TIME_INFINITE));
	ASSERT_EQ(0u, items[0].pending);
	ASSERT_EQ(ZX_USER_SIGNAL_0 | ZX_EVENT_SIGNALED, items[1].pending);
	zx_handle_close(a);
	zx_handle_close(b);
}

struct many_waiter {
	zx_wait_item_t items[2];
	zx_status_t status;
};

static void *wait_many_thread(void *arg)
{
	struct many_waiter *w = arg;

	w->status = zx_object_wait_many(w->items, 2, ZX_TIME_INFINITE);
	return NULL;
}

TEST(wait_many_across_threads_and_cancel)
{
	zx_handle_t a = zx_test_event(), b = zx_test_event();
	struct many_waiter w = { { { a, ZX_EVENT_SIGNALED, 0 }, { b, ZX_EVENT_SIGNALED, 0 } }, 99 };
	pthread_t t;

	ASSERT_EQ(0, pthread_create(&t, NULL, wait_many_thread, &w));
	usleep(20 * 1000);
	ASSERT_EQ(ZX_OK, zx_object_signal(b, 0, ZX_EVENT_SIGNALED));
	pthread_join(t, NULL);
	ASSERT_EQ(ZX_OK, w.status);
	ASSERT_EQ(ZX_EVENT_SIGNALED, w.items[1].pending);

	ASSERT_EQ(ZX_OK, zx_object_signal(b, ZX_EVENT_SIGNALED, 0));
	w.status = 99;
	ASSERT_EQ(0, pthread_create(&t, NULL, wait_many_thread, &w));
	usleep(20 * 1000);
	ASSERT_EQ(ZX_OK, zx_handle_close(a));
	pthread_join(t, NULL);
	ASSERT_EQ(ZX_ERR_CANCELED, w.status);
	zx_handle_close(b);
}

TEST(wait_many_errors)
{
	zx_wait_item_t items[ZX_WAIT_MANY_MAX_ITEMS + 1];
	zx_handle_t ev = zx_test_event();
	zx_time_t start;

	for (size_t i = 0; i <= ZX_WAIT_MANY_MAX_ITEMS; i++)
		items[i] = (zx_wait_item_t){ ev, ZX_EVENT_SIGNALED, 0 };
	ASSERT_EQ(ZX_ERR_OUT_OF_RANGE, zx_object_wait_many(items, ZX_WAIT_MANY_MAX_ITEMS + 1, 0));
	ASSERT_EQ(ZX_ERR_TIMED_OUT, zx_object_wait_many(items, ZX_WAIT_MANY_MAX_ITEMS, 0));
	items[1].handle = 0x5553;
	ASSERT_EQ(ZX_ERR_BAD_HANDLE, zx_object_wait_many(items, 2, 0));
	ASSERT_EQ(ZX_ERR_INVALID_ARGS, zx_object_wait_many((zx_wait_item_t *)8, 2, 0));
	/* No items: a sleep until the deadline. */
	start = zx_clock_get_monotonic();
	ASSERT_EQ(ZX_ERR_TIMED_OUT, zx_object_wait_many(NULL, 0, zx_deadline_after(ZX_MSEC(10))));
	ASSERT_GE(zx_clock_get_monotonic() - start, ZX_MSEC(10));
	zx_handle_close(ev);
}

TEST(no_objects_leak_from_waits)
{
	int objects, handles;
	zx_handle_t ev;

	ASSERT_NE(ZX_HANDLE_INVALID, zx_job_default());
	objects = zx_test_live("objects");
	handles = zx_test_live("handles");
	ev = zx_test_event();
	ASSERT_EQ(ZX_ERR_TIMED_OUT, zx_object_wait_one(ev, ZX_EVENT_SIGNALED, 0, NULL));
	zx_handle_close(ev);
	ASSERT_EQ(objects, zx_test_live("objects"));
	ASSERT_EQ(handles, zx_test_live("handles"));
}

TEST_HARNESS_MAIN
