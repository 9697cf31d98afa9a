// SPDX-License-Identifier: MIT
/*
 * zx_status_get_string, the clock calls, and the Magenta-era header.  This
 * test links against libzx.so (the others use libzx.a).
 */
#include <magenta/syscalls.h>

#include "zx_test.h"

TEST(status_strings)
{
	ASSERT_STREQ("ZX_OK", zx_status_get_string(ZX_OK));
	ASSERT_STREQ("ZX_ERR_BAD_HANDLE", zx_status_get_string(ZX_ERR_BAD_HANDLE));
	ASSERT_STREQ("ZX_ERR_ACCESS_DENIED", zx_status_get_string(-30));
	ASSERT_STREQ("(UNKNOWN)", zx_status_get_string(-9999));
	ASSERT_STREQ("(UNKNOWN)", zx_status_get_string(5));
}

TEST(constant_values_match_zircon)
{
	ASSERT_EQ(0x0007DFCFu, ZX_DEFAULT_JOB_RIGHTS);
	ASSERT_EQ(0x0006D3CFu, ZX_DEFAULT_PROCESS_RIGHTS);
	ASSERT_EQ(0x0004D2CFu, ZX_DEFAULT_THREAD_RIGHTS);
	ASSERT_EQ(0x0000D0EFu, ZX_DEFAULT_VMO_RIGHTS);
	ASSERT_EQ(0x00208003u, ZX_DEFAULT_VMAR_RIGHTS);
	ASSERT_EQ(0x0000F00Eu, ZX_DEFAULT_CHANNEL_RIGHTS);
	ASSERT_EQ(0x0000D003u, ZX_DEFAULT_EVENT_RIGHTS);
	ASSERT_EQ(0x10000003u, ZX_INFO_PROCESS);
	ASSERT_EQ(0x1000000Cu, ZX_INFO_TASK_STATS);
	ASSERT_EQ(32u, sizeof(zx_info_handle_basic_t));
	ASSERT_EQ(16u, sizeof(zx_info_job_t));
	ASSERT_EQ(12u, sizeof(zx_wait_item_t));
}

TEST(clock_and_deadlines)
{
	zx_time_t a = zx_clock_get_monotonic(), b, d;

	ASSERT_GT(a, 0);
	ASSERT_EQ(ZX_OK, zx_nanosleep(zx_deadline_after(ZX_MSEC(5))));
	b = zx_clock_get_monotonic();
	ASSERT_GE(b - a, ZX_MSEC(5));
	d = zx_deadline_after(ZX_SEC(1));
	ASSERT_GE(d, b + ZX_SEC(1));
	ASSERT_EQ(ZX_TIME_INFINITE, zx_deadline_after(ZX_TIME_INFINITE));
	ASSERT_EQ(ZX_OK, zx_nanosleep(0));
	ASSERT_EQ(ZX_OK, zx_nanosleep(-1));
}

TEST(magenta_spelling)
{
	mx_handle_t ev, job, dup;
	mx_signals_t observed = 0;
	mx_info_handle_basic_t info;

	ASSERT_EQ(NO_ERROR, mx_event_create(0, &ev));
	ASSERT_GT(ev, 0);
	ASSERT_EQ(ERR_TIMED_OUT, mx_object_wait_one(ev, MX_EVENT_SIGNALED,
						    mx_deadline_after(MX_MSEC(1)), &observed));
	ASSERT_EQ(NO_ERROR, mx_object_signal(ev, 0, MX_EVENT_SIGNALED));
	ASSERT_EQ(NO_ERROR, mx_object_wait_one(ev, MX_EVENT_SIGNALED, MX_TIME_INFINITE,
					       &observed));
	ASSERT_EQ(MX_EVENT_SIGNALED, observed);
	ASSERT_EQ(NO_ERROR, mx_handle_duplicate(ev, MX_RIGHT_SAME_RIGHTS, &dup));
	ASSERT_EQ(NO_ERROR, mx_object_get_info(dup, MX_INFO_HANDLE_BASIC, &info, sizeof(info),
					       NULL, NULL));
	ASSERT_EQ(MX_OBJ_TYPE_EVENT, info.type);
	ASSERT_EQ(NO_ERROR, mx_handle_close(dup));
	ASSERT_EQ(ERR_BAD_HANDLE, mx_handle_close(dup));
	ASSERT_EQ(NO_ERROR, mx_job_create(mx_job_default(), 0, &job));
	ASSERT_EQ(NO_ERROR, mx_task_kill(job));
	ASSERT_EQ(NO_ERROR, mx_object_wait_one(job, MX_TASK_TERMINATED, MX_TIME_INFINITE, NULL));
	ASSERT_EQ(NO_ERROR, mx_handle_close(job));
	ASSERT_EQ(NO_ERROR, mx_handle_close(ev));
	ASSERT_GT(mx_time_get(0), 0u);
}

TEST_HARNESS_MAIN
