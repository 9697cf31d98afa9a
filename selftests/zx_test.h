/* SPDX-License-Identifier: MIT */
/* Helpers shared by the zircon.ko selftests. */
#ifndef ZX_TEST_H
#define ZX_TEST_H

#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <zircon/linux.h>
#include <zircon/process.h>
#include <zircon/status.h>
#include <zircon/syscalls.h>

#include "kselftest_harness.h"

/* Live objects and handles as the module counts them (debugfs). */
static inline int zx_test_live(const char *what)
{
	char key[32];
	int value, found = -1;
	FILE *f = fopen("/sys/kernel/debug/zircon/objects", "r");

	if (!f)
		return -1;
	while (fscanf(f, "%31s %d", key, &value) == 2) {
		if (!strcmp(key, what))
			found = value;
	}
	fclose(f);
	return found;
}

static inline zx_info_handle_basic_t zx_test_basic(zx_handle_t h)
{
	zx_info_handle_basic_t info = {0};

	zx_object_get_info(h, ZX_INFO_HANDLE_BASIC, &info, sizeof(info), NULL, NULL);
	return info;
}

static inline zx_handle_t zx_test_event(void)
{
	zx_handle_t ev = ZX_HANDLE_INVALID;

	zx_event_create(0, &ev);
	return ev;
}

/* A new child of the default job. */
static inline zx_handle_t zx_test_job(void)
{
	zx_handle_t job = ZX_HANDLE_INVALID;

	zx_job_create(zx_job_default(), 0, &job);
	return job;
}

/*
 * Wait (up to 20 s: tearing down dozens of processes under emulation takes
 * seconds) until the module counts @n live objects.
 */
static inline int zx_test_objects_settle(int n)
{
	for (int i = 0; i < 2000; i++) {
		if (zx_test_live("objects") == n)
			return 1;
		usleep(10000);
	}
	return 0;
}

#endif /* ZX_TEST_H */
