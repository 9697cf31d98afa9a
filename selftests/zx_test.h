/* SPDX-License-Identifier: MIT */
/* Helpers shared by the zircon.ko selftests. */
#ifndef ZX_TEST_H
#define ZX_TEST_H

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
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

/* Does the comm file @path hold the name @comm (any name when @comm is NULL)? */
static inline int zx_test_comm_is(const char *path, const char *comm)
{
	char buf[64];
	size_t len;
	FILE *f;
	int same;

	if (!comm)
		return 1;
	f = fopen(path, "r");
	if (!f)
		return 0;
	len = strlen(comm);
	same = fgets(buf, sizeof(buf), f) && !strncmp(buf, comm, len) && buf[len] == '\n';
	fclose(f);
	return same;
}

typedef int (*zx_test_task_fn)(const char *dir, int id, void *ctx);

/*
 * Call @fn for each Linux task named @comm under @top ("/proc": processes,
 * zombies included; "/proc/PID/task": the threads of one) with its /proc
 * directory and id.  A non-zero return stops the walk and is returned.
 */
static inline int zx_test_each_named(const char *top, const char *comm, zx_test_task_fn fn,
				     void *ctx)
{
	char path[300];
	struct dirent *d;
	DIR *dir = opendir(top);
	int ret = 0;

	while (dir && !ret && (d = readdir(dir))) {
		if (d->d_name[0] < '0' || d->d_name[0] > '9')
			continue;	/* "self", "." and ".." */
		snprintf(path, sizeof(path), "%s/%s/comm", top, d->d_name);
		if (!zx_test_comm_is(path, comm))
			continue;
		snprintf(path, sizeof(path), "%s/%s", top, d->d_name);
		ret = fn(path, atoi(d->d_name), ctx);
	}
	if (dir)
		closedir(dir);
	return ret;
}

struct zx_test_walk {
	const char *thread;
	zx_test_task_fn fn;
	void *ctx;
};

static inline int zx_test_walk_threads(const char *dir, int id, void *ctx)
{
	struct zx_test_walk *w = ctx;
	char path[320];

	(void)id;
	snprintf(path, sizeof(path), "%s/task", dir);
	return zx_test_each_named(path, w->thread, w->fn, w->ctx);
}

/* zx_test_each_named over the threads named @thread (NULL: all) of the processes named @comm. */
static inline int zx_test_each_thread(const char *comm, const char *thread, zx_test_task_fn fn,
				      void *ctx)
{
	struct zx_test_walk w = { thread, fn, ctx };

	return zx_test_each_named("/proc", comm, zx_test_walk_threads, &w);
}

/* A zx_test_task_fn that counts, in the int @ctx points to. */
static inline int zx_test_count(const char *dir, int id, void *ctx)
{
	(void)dir, (void)id;
	++*(int *)ctx;
	return 0;
}

/* A new child of the default job. */
static inline zx_handle_t zx_test_job(void)
{
	zx_handle_t job = ZX_HANDLE_INVALID;

	zx_job_create(zx_job_default(), 0, &job);
	return job;
}

/*
 * The number of live objects once it has stayed the same for half a second
 * (waiting up to 20 s): what an earlier test's processes leave while their
 * Linux tasks finish exiting must not count as this test's.
 */
static inline int zx_test_objects_quiet(void)
{
	int n = zx_test_live("objects"), same = 0;

	for (int i = 0; i < 2000 && same < 50; i++) {
		int now;

		usleep(10000);
		now = zx_test_live("objects");
		same = now == n ? same + 1 : 0;
		n = now;
	}
	return n;
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
	fprintf(stderr, "# objects: %d live, %d expected\n", zx_test_live("objects"), n);
	return 0;
}

#endif /* ZX_TEST_H */
