// SPDX-License-Identifier: MIT
/*
 * Kernel memory of Zircon objects and handle tables is charged to the
 * memory cgroup of the process that makes them: a child in a fresh cgroup
 * makes many events and the cgroup's memory.current grows accordingly, then
 * shrinks again when the handles are closed.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "zx_test.h"

#define CG "/sys/fs/cgroup/zx-memcg-test"
#define EVENTS 20000

static long read_long(const char *path)
{
	char buf[64] = { 0 };
	int fd = open(path, O_RDONLY);
	ssize_t n;

	if (fd < 0)
		return -1;
	n = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	return n > 0 ? atol(buf) : -1;
}

static int write_str(const char *path, const char *s)
{
	int fd = open(path, O_WRONLY);
	ssize_t n;

	if (fd < 0)
		return -1;
	n = write(fd, s, strlen(s));
	close(fd);
	return n == (ssize_t)strlen(s) ? 0 : -1;
}

TEST(objects_are_charged_to_the_callers_memcg)
{
	int to_child[2], to_parent[2];
	long before, during, after;
	char pid[32], c;
	pid_t child;
	int status;

	ASSERT_EQ(0, write_str("/sys/fs/cgroup/cgroup.subtree_control", "+memory"));
	ASSERT_TRUE(mkdir(CG, 0755) == 0 || errno == EEXIST);
	ASSERT_EQ(0, pipe(to_child));
	ASSERT_EQ(0, pipe(to_parent));
	child = fork();
	ASSERT_GE(child, 0);
	if (child == 0) {
		static zx_handle_t h[EVENTS];

		/* Wait until we are in the cgroup, then open and fill. */
		if (read(to_child[0], &c, 1) != 1 || zx_job_default() == ZX_HANDLE_INVALID)
			_exit(1);
		if (write(to_parent[1], "o", 1) != 1 || read(to_child[0], &c, 1) != 1)
			_exit(2);
		for (int i = 0; i < EVENTS; i++) {
			if (zx_event_create(0, &h[i]) != ZX_OK)
				_exit(3);
		}
		if (write(to_parent[1], "f", 1) != 1 || read(to_child[0], &c, 1) != 1)
			_exit(4);
		if (zx_handle_close_many(h, EVENTS) != ZX_OK)
			_exit(5);
		if (write(to_parent[1], "c", 1) != 1 || read(to_child[0], &c, 1) != 1)
			_exit(6);
		_exit(0);
	}
	snprintf(pid, sizeof(pid), "%d", child);
	ASSERT_EQ(0, write_str(CG "/cgroup.procs", pid));
	ASSERT_EQ(1, write(to_child[1], "g", 1));
	ASSERT_EQ(1, read(to_parent[0], &c, 1));
	before = read_long(CG "/memory.current");
	ASSERT_EQ(1, write(to_child[1], "g", 1));
	ASSERT_EQ(1, read(to_parent[0], &c, 1));
	during = read_long(CG "/memory.current");
	ASSERT_EQ(1, write(to_child[1], "g", 1));
	ASSERT_EQ(1, read(to_parent[0], &c, 1));
	after = read_long(CG "/memory.current");
	ASSERT_EQ(1, write(to_child[1], "g", 1));
	ASSERT_EQ(child, waitpid(child, &status, 0));
	ASSERT_EQ(0, WEXITSTATUS(status));
	rmdir(CG);

	TH_LOG("memory.current: %ld before, %ld with %d events, %ld after closing",
	       before, during, EVENTS, after);
	ASSERT_GT(before, 0);
	/* At least 64 bytes of object per event plus its handle slot. */
	ASSERT_GT(during - before, (long)EVENTS * 64);
	ASSERT_LT(after, during);
}

TEST(vmo_pages_are_charged_to_the_writer)
{
	int to_child[2], to_parent[2];
	long before, during;
	char pid[32], c;
	pid_t child;
	int status;

	ASSERT_EQ(0, write_str("/sys/fs/cgroup/cgroup.subtree_control", "+memory"));
	ASSERT_TRUE(mkdir(CG, 0755) == 0 || errno == EEXIST);
	ASSERT_EQ(0, pipe(to_child));
	ASSERT_EQ(0, pipe(to_parent));
	child = fork();
	ASSERT_GE(child, 0);
	if (child == 0) {
		static char buf[1 << 20];
		zx_handle_t vmo;

		if (read(to_child[0], &c, 1) != 1 || zx_vmo_create(16 << 20, 0, &vmo) != ZX_OK)
			_exit(1);
		if (write(to_parent[1], "o", 1) != 1 || read(to_child[0], &c, 1) != 1)
			_exit(2);
		memset(buf, 0x77, sizeof(buf));
		for (int i = 0; i < 16; i++) {
			if (zx_vmo_write(vmo, buf, (uint64_t)i << 20, sizeof(buf)) != ZX_OK)
				_exit(3);
		}
		if (write(to_parent[1], "w", 1) != 1 || read(to_child[0], &c, 1) != 1)
			_exit(4);
		_exit(0);
	}
	snprintf(pid, sizeof(pid), "%d", child);
	ASSERT_EQ(0, write_str(CG "/cgroup.procs", pid));
	ASSERT_EQ(1, write(to_child[1], "g", 1));
	ASSERT_EQ(1, read(to_parent[0], &c, 1));
	before = read_long(CG "/memory.current");
	ASSERT_EQ(1, write(to_child[1], "g", 1));
	ASSERT_EQ(1, read(to_parent[0], &c, 1));
	during = read_long(CG "/memory.current");
	ASSERT_EQ(1, write(to_child[1], "g", 1));
	ASSERT_EQ(child, waitpid(child, &status, 0));
	ASSERT_EQ(0, WEXITSTATUS(status));
	rmdir(CG);

	TH_LOG("memory.current: %ld before, %ld after writing 16 MiB to a VMO", before, during);
	/* The 16 MiB of VMO pages (the 1 MiB buffer is charged too). */
	ASSERT_GT(during - before, 16L << 20);
}

TEST_HARNESS_MAIN
