// SPDX-License-Identifier: MIT
/* zx_futex_wait, zx_futex_wake, zx_futex_requeue, and every error they name. */
#include <pthread.h>
#include <unistd.h>

#include "zx_test.h"

static zx_futex_t word, other;
static int woken;

static void *waiter(void *arg)
{
	zx_status_t st = zx_futex_wait((zx_futex_t *)arg, 0, ZX_HANDLE_INVALID, ZX_TIME_INFINITE);

	if (st == ZX_OK)
		__atomic_fetch_add(&woken, 1, __ATOMIC_SEQ_CST);
	return NULL;
}

TEST(wait_errors)
{
	char buf[8] __attribute__((aligned(4)));
	zx_time_t t0;

	word = 5;
	ASSERT_EQ(ZX_ERR_BAD_STATE, zx_futex_wait(&word, 4, ZX_HANDLE_INVALID, ZX_TIME_INFINITE));
	t0 = zx_clock_get_monotonic();
	ASSERT_EQ(ZX_ERR_TIMED_OUT, zx_futex_wait(&word, 5, ZX_HANDLE_INVALID,
						  zx_deadline_after(ZX_MSEC(20))));
	ASSERT_GE(zx_clock_get_monotonic() - t0, ZX_MSEC(20));
	ASSERT_EQ(ZX_ERR_TIMED_OUT, zx_futex_wait(&word, 5, ZX_HANDLE_INVALID, 0));
	ASSERT_EQ(ZX_ERR_INVALID_ARGS, zx_futex_wait(NULL, 0, ZX_HANDLE_INVALID, 0));
	ASSERT_EQ(ZX_ERR_INVALID_ARGS, zx_futex_wait((zx_futex_t *)(buf + 1), 0,
						     ZX_HANDLE_INVALID, 0));
	ASSERT_EQ(ZX_ERR_INVALID_ARGS, zx_futex_wait((zx_futex_t *)8, 0, ZX_HANDLE_INVALID, 0));
	ASSERT_EQ(ZX_ERR_INVALID_ARGS, zx_futex_wake(NULL, 1));
	ASSERT_EQ(ZX_ERR_INVALID_ARGS, zx_futex_wake((zx_futex_t *)(buf + 2), 1));
	ASSERT_EQ(ZX_OK, zx_futex_wake(&word, 1));	/* nobody waits: fine */
}

TEST(wake_and_requeue)
{
	pthread_t t[4];
	int i;

	word = 0;
	other = 0;
	woken = 0;
	for (i = 0; i < 4; i++)
		ASSERT_EQ(0, pthread_create(&t[i], NULL, waiter, &word));
	usleep(200000);
	ASSERT_EQ(ZX_ERR_INVALID_ARGS, zx_futex_requeue(&word, 1, 0, &word, 1, ZX_HANDLE_INVALID));
	ASSERT_EQ(ZX_ERR_INVALID_ARGS, zx_futex_requeue(&word, 1, 0, NULL, 1, ZX_HANDLE_INVALID));
	ASSERT_EQ(ZX_ERR_BAD_STATE, zx_futex_requeue(&word, 1, 7, &other, 1, ZX_HANDLE_INVALID));
	/* Wake one, move the other three to "other". */
	ASSERT_EQ(ZX_OK, zx_futex_requeue(&word, 1, 0, &other, UINT32_MAX, ZX_HANDLE_INVALID));
	usleep(200000);
	ASSERT_EQ(1, __atomic_load_n(&woken, __ATOMIC_SEQ_CST));
	/* Waking "word" finds nobody now; waking "other" finds the three. */
	ASSERT_EQ(ZX_OK, zx_futex_wake(&word, UINT32_MAX));
	usleep(100000);
	ASSERT_EQ(1, __atomic_load_n(&woken, __ATOMIC_SEQ_CST));
	ASSERT_EQ(ZX_OK, zx_futex_wake(&other, 2));
	usleep(200000);
	ASSERT_EQ(3, __atomic_load_n(&woken, __ATOMIC_SEQ_CST));
	ASSERT_EQ(ZX_OK, zx_futex_wake(&other, UINT32_MAX));
	for (i = 0; i < 4; i++)
		pthread_join(t[i], NULL);
	ASSERT_EQ(4, woken);
}

TEST_HARNESS_MAIN
