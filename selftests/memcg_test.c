// SPDX-License-Identifier: MIT
/*
 * Kernel memory of Zircon objects, handle tables and VMO pages is charged to
 * the memory cgroup of the process that makes them.  Each test runs a child
 * in a fresh cgroup, in steps, and reads the cgroup's memory.current
 * between the steps.
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

/* A child in its own memory cgroup that runs one step at a time. */
struct cg_child {
	pid_t pid;
	int to_child[2], to_parent[2];
};

/* In the child: the step is done; wait for the parent to say "go on". */
static int cg_sync(struct cg_child *c)
{
	char x = 's';

	return write(c->to_parent[1], &x, 1) == 1 && read(c->to_child[0], &x, 1) == 1 ? 0 : -1;
}

/*
 * Fork @fn into the cgroup.  The child first syncs once (nothing made yet);
 * @fn syncs after each of its steps and returns its exit code.
 */
static int cg_start(struct cg_child *c, int (*fn)(struct cg_child *))
{
	char pid[32], x;

	if (write_str("/sys/fs/cgroup/cgroup.subtree_control", "+memory") ||
	    (mkdir(CG, 0755) && errno != EEXIST) || pipe(c->to_child) || pipe(c->to_parent))
		return -1;
	c->pid = fork();
	if (c->pid < 0)
		return -1;
	if (c->pid == 0) {
		if (read(c->to_child[0], &x, 1) != 1 || cg_sync(c))
			_exit(100);
		_exit(fn(c));
	}
	snprintf(pid, sizeof(pid), "%d", c->pid);
	if (write_str(CG "/cgroup.procs", pid))
		return -1;
	return write(c->to_child[1], "g", 1) == 1 ? 0 : -1;
}

/* In the parent: wait for the child's next sync point; memory.current then. */
static long cg_sample(struct cg_child *c)
{
	char x;
	long value;

	if (read(c->to_parent[0], &x, 1) != 1)
		return -1;
	value = read_long(CG "/memory.current");
	return write(c->to_child[1], "g", 1) == 1 ? value : -1;
}

/* In the parent: the child's exit status, after which the cgroup goes. */
static int cg_finish(struct cg_child *c)
{
	int status = -1;

	waitpid(c->pid, &status, 0);
	rmdir(CG);
	return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

static int make_events(struct cg_child *c)
{
	static zx_handle_t h[EVENTS];

	for (int i = 0; i < EVENTS; i++) {
		if (zx_event_create(0, &h[i]) != ZX_OK)
			return 1;
	}
	if (cg_sync(c) || zx_handle_close_many(h, EVENTS) != ZX_OK || cg_sync(c))
		return 2;
	return 0;
}

TEST(objects_are_charged_to_the_callers_memcg)
{
	struct cg_child c;
	long before, during, after;

	ASSERT_EQ(0, cg_start(&c, make_events));
	before = cg_sample(&c);
	during = cg_sample(&c);
	after = cg_sample(&c);
	ASSERT_EQ(0, cg_finish(&c));

	TH_LOG("memory.current: %ld before, %ld with %d events, %ld after closing",
	       before, during, EVENTS, after);
	ASSERT_GT(before, 0);
	/* At least 64 bytes of object per event plus its handle slot. */
	ASSERT_GT(during - before, (long)EVENTS * 64);
	ASSERT_LT(after, during);
}

static int write_vmo(struct cg_child *c)
{
	static char buf[1 << 20];
	zx_handle_t vmo;

	if (zx_vmo_create(16 << 20, 0, &vmo) != ZX_OK)
		return 1;
	memset(buf, 0x77, sizeof(buf));
	for (int i = 0; i < 16; i++) {
		if (zx_vmo_write(vmo, buf, (uint64_t)i << 20, sizeof(buf)) != ZX_OK)
			return 2;
	}
	return cg_sync(c) ? 3 : 0;
}

TEST(vmo_pages_are_charged_to_the_writer)
{
	struct cg_child c;
	long before, during;

	ASSERT_EQ(0, cg_start(&c, write_vmo));
	before = cg_sample(&c);
	during = cg_sample(&c);
	ASSERT_EQ(0, cg_finish(&c));

	TH_LOG("memory.current: %ld before, %ld after writing 16 MiB to a VMO", before, during);
	/* The 16 MiB of VMO pages (the 1 MiB buffer is charged too). */
	ASSERT_GT(during - before, 16L << 20);
}

TEST_HARNESS_MAIN
