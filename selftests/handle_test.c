// SPDX-License-Identifier: MIT
/*
 * Handles: close, close_many, duplicate, replace, handle values, the
 * per-process limit, bad out pointers, and the binding of /dev/zircon to the
 * thread group that opened it.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#include "zx_test.h"
#include "../uapi/linux/zircon.h"

TEST(close_invalid_is_ok)
{
	ASSERT_EQ(ZX_OK, zx_handle_close(ZX_HANDLE_INVALID));
}

TEST(close_twice_is_bad_handle)
{
	zx_handle_t ev = zx_test_event();

	ASSERT_NE(ZX_HANDLE_INVALID, ev);
	ASSERT_EQ(ZX_OK, zx_handle_close(ev));
	ASSERT_EQ(ZX_ERR_BAD_HANDLE, zx_handle_close(ev));
}

TEST(close_garbage_values)
{
	ASSERT_EQ(ZX_ERR_BAD_HANDLE, zx_handle_close(1));
	ASSERT_EQ(ZX_ERR_BAD_HANDLE, zx_handle_close(3));
	ASSERT_EQ(ZX_ERR_BAD_HANDLE, zx_handle_close(0xfffffffc));
	ASSERT_EQ(ZX_ERR_BAD_HANDLE, zx_handle_close(0xffffffff));
}

TEST(handle_values_look_like_zircon)
{
	zx_handle_t h[64];
	int i, j, sequential = 0;

	for (i = 0; i < 64; i++) {
		h[i] = zx_test_event();
		ASSERT_NE(ZX_HANDLE_INVALID, h[i]);
		ASSERT_EQ(ZX_HANDLE_FIXED_BITS_MASK, h[i] & ZX_HANDLE_FIXED_BITS_MASK);
		ASSERT_EQ(0u, h[i] & 0x80000000u);
		for (j = 0; j < i; j++)
			ASSERT_NE(h[j], h[i]);
		if (i && h[i] == h[i - 1] + 4)
			sequential++;
	}
	/* Not a counter: consecutive values are not a fixed stride apart. */
	ASSERT_LT(sequential, 4);
	ASSERT_EQ(ZX_OK, zx_handle_close_many(h, 64));
}

TEST(close_many)
{
	zx_handle_t h[4] = { zx_test_event(), ZX_HANDLE_INVALID, zx_test_event(),
			     zx_test_event() };

	ASSERT_EQ(ZX_OK, zx_handle_close_many(h, 4));
	for (int i = 0; i < 4; i++)
		ASSERT_EQ(ZX_ERR_BAD_HANDLE, zx_object_get_info(h[i] ? h[i] : 1,
				ZX_INFO_HANDLE_VALID, NULL, 0, NULL, NULL));
	ASSERT_EQ(ZX_OK, zx_handle_close_many(NULL, 0));
}

TEST(close_many_closes_the_valid_ones_and_reports_bad)
{
	zx_handle_t ev = zx_test_event();
	zx_handle_t h[2] = { ev, 0x7ffffffb };

	ASSERT_EQ(ZX_ERR_BAD_HANDLE, zx_handle_close_many(h, 2));
	ASSERT_EQ(ZX_ERR_BAD_HANDLE, zx_handle_close(ev));
}

TEST(close_many_bad_pointer)
{
	ASSERT_EQ(ZX_ERR_INVALID_ARGS, zx_handle_close_many((zx_handle_t *)8, 2));
}

TEST(duplicate_same_rights)
{
	zx_handle_t ev = zx_test_event(), dup;
	zx_info_handle_basic_t a, b;

	ASSERT_EQ(ZX_OK, zx_handle_duplicate(ev, ZX_RIGHT_SAME_RIGHTS, &dup));
	ASSERT_NE(ev, dup);
	a = zx_test_basic(ev);
	b = zx_test_basic(dup);
	ASSERT_EQ(a.koid, b.koid);
	ASSERT_EQ(ZX_DEFAULT_EVENT_RIGHTS, b.rights);
	ASSERT_EQ(ZX_OBJ_TYPE_EVENT, b.type);
	ASSERT_EQ(ZX_OK, zx_handle_close(ev));
	/* The object lives on through the duplicate. */
	ASSERT_EQ(ZX_OK, zx_object_signal(dup, 0, ZX_EVENT_SIGNALED));
	ASSERT_EQ(ZX_OK, zx_handle_close(dup));
}

TEST(duplicate_fewer_rights)
{
	zx_handle_t ev = zx_test_event(), dup, dup2;

	ASSERT_EQ(ZX_OK, zx_handle_duplicate(ev, ZX_RIGHT_WAIT | ZX_RIGHT_TRANSFER, &dup));
	ASSERT_EQ(ZX_RIGHT_WAIT | ZX_RIGHT_TRANSFER, zx_test_basic(dup).rights);
	/* No DUPLICATE right left. */
	ASSERT_EQ(ZX_ERR_ACCESS_DENIED, zx_handle_duplicate(dup, ZX_RIGHT_SAME_RIGHTS, &dup2));
	/* No SIGNAL right left. */
	ASSERT_EQ(ZX_ERR_ACCESS_DENIED, zx_object_signal(dup, 0, ZX_EVENT_SIGNALED));
	zx_handle_close(dup);
	zx_handle_close(ev);
}

TEST(duplicate_more_rights_is_invalid_args)
{
	zx_handle_t ev = zx_test_event(), dup = ZX_HANDLE_INVALID;

	ASSERT_EQ(ZX_ERR_INVALID_ARGS,
		  zx_handle_duplicate(ev, ZX_DEFAULT_EVENT_RIGHTS | ZX_RIGHT_WRITE, &dup));
	ASSERT_EQ(ZX_HANDLE_INVALID, dup);
	zx_handle_close(ev);
}

TEST(duplicate_bad_handle)
{
	zx_handle_t dup;

	ASSERT_EQ(ZX_ERR_BAD_HANDLE, zx_handle_duplicate(0x7fffff03, ZX_RIGHT_SAME_RIGHTS, &dup));
}

TEST(duplicate_bad_out_pointer_leaks_nothing)
{
	zx_handle_t ev = zx_test_event();
	int handles = zx_test_live("handles");

	ASSERT_EQ(ZX_ERR_INVALID_ARGS,
		  zx_handle_duplicate(ev, ZX_RIGHT_SAME_RIGHTS, (zx_handle_t *)16));
	ASSERT_EQ(ZX_ERR_INVALID_ARGS, zx_handle_duplicate(ev, ZX_RIGHT_SAME_RIGHTS, NULL));
	ASSERT_EQ(handles, zx_test_live("handles"));
	zx_handle_close(ev);
}

TEST(replace_moves_the_handle)
{
	zx_handle_t ev = zx_test_event(), out;
	zx_koid_t koid = zx_test_basic(ev).koid;

	ASSERT_EQ(ZX_OK, zx_handle_replace(ev, ZX_RIGHT_WAIT, &out));
	ASSERT_EQ(ZX_ERR_BAD_HANDLE, zx_handle_close(ev));
	ASSERT_EQ(koid, zx_test_basic(out).koid);
	ASSERT_EQ(ZX_RIGHT_WAIT, zx_test_basic(out).rights);
	ASSERT_EQ(ZX_OK, zx_handle_close(out));
}

TEST(replace_needs_no_right)
{
	zx_handle_t ev = zx_test_event(), bare, out;

	ASSERT_EQ(ZX_OK, zx_handle_replace(ev, ZX_RIGHT_NONE, &bare));
	ASSERT_EQ(ZX_OK, zx_handle_replace(bare, ZX_RIGHT_SAME_RIGHTS, &out));
	ASSERT_EQ(ZX_RIGHT_NONE, zx_test_basic(out).rights);
	zx_handle_close(out);
}

TEST(replace_failure_still_invalidates_the_source)
{
	zx_handle_t ev = zx_test_event(), out = ZX_HANDLE_INVALID;

	ASSERT_EQ(ZX_ERR_INVALID_ARGS, zx_handle_replace(ev, ZX_RIGHT_WRITE, &out));
	ASSERT_EQ(ZX_HANDLE_INVALID, out);
	ASSERT_EQ(ZX_ERR_BAD_HANDLE, zx_handle_close(ev));
	ASSERT_EQ(ZX_ERR_BAD_HANDLE, zx_handle_replace(ev, ZX_RIGHT_SAME_RIGHTS, &out));
}

TEST(handle_basic_info)
{
	zx_handle_t ev = zx_test_event();
	zx_info_handle_basic_t info;
	size_t actual = 9, avail = 9;

	ASSERT_EQ(ZX_OK, zx_object_get_info(ev, ZX_INFO_HANDLE_BASIC, &info, sizeof(info),
					    &actual, &avail));
	ASSERT_EQ(1u, actual);
	ASSERT_EQ(1u, avail);
	ASSERT_GE(info.koid, ZX_KOID_FIRST);
	ASSERT_EQ(ZX_OBJ_TYPE_EVENT, info.type);
	ASSERT_EQ(0u, info.related_koid);
	ASSERT_EQ(ZX_ERR_BUFFER_TOO_SMALL, zx_object_get_info(ev, ZX_INFO_HANDLE_BASIC, &info,
							       sizeof(info) - 1, &actual, &avail));
	ASSERT_EQ(0u, actual);
	ASSERT_EQ(1u, avail);
	ASSERT_EQ(ZX_ERR_INVALID_ARGS, zx_object_get_info(ev, ZX_INFO_HANDLE_BASIC, (void *)8,
							   sizeof(info), NULL, NULL));
	ASSERT_EQ(ZX_ERR_INVALID_ARGS, zx_object_get_info(ev, ZX_INFO_HANDLE_BASIC, &info,
							   sizeof(info), (size_t *)8, NULL));
	ASSERT_EQ(ZX_ERR_INVALID_ARGS, zx_object_get_info(ev, ZX_INFO_HANDLE_BASIC, &info,
							   sizeof(info), NULL, (size_t *)8));
	ASSERT_EQ(ZX_OK, zx_object_get_info(ev, ZX_INFO_HANDLE_VALID, NULL, 0, NULL, NULL));
	ASSERT_EQ(ZX_ERR_NOT_SUPPORTED, zx_object_get_info(ev, 0x7777, &info, sizeof(info),
							    NULL, NULL));
	zx_handle_close(ev);
	ASSERT_EQ(ZX_ERR_BAD_HANDLE, zx_object_get_info(ev, ZX_INFO_HANDLE_VALID, NULL, 0,
							 NULL, NULL));
}

TEST(koids_increase_and_are_never_reused)
{
	zx_handle_t a = zx_test_event();
	zx_koid_t ka = zx_test_basic(a).koid;
	zx_handle_t b;

	zx_handle_close(a);
	b = zx_test_event();
	ASSERT_GT(zx_test_basic(b).koid, ka);
	zx_handle_close(b);
}

static void set_max_handles(const char *value)
{
	int fd = open("/sys/module/zircon/parameters/max_handles", O_WRONLY);

	if (fd >= 0) {
		if (write(fd, value, strlen(value)) < 0)
			perror("max_handles");
		close(fd);
	}
}

TEST(handle_limit_gives_no_resources)
{
	zx_handle_t h[40];
	zx_status_t status = ZX_OK;
	int n = 0;

	/* This process already holds its default job handle. */
	set_max_handles("32");
	while (n < 40) {
		status = zx_event_create(0, &h[n]);
		if (status != ZX_OK)
			break;
		n++;
	}
	set_max_handles("65536");
	ASSERT_EQ(ZX_ERR_NO_RESOURCES, status);
	ASSERT_EQ(31, n);
	ASSERT_EQ(ZX_OK, zx_handle_close_many(h, n));
}

TEST(nothing_leaks_after_close)
{
	zx_handle_t ev, job, dup;
	int objects, handles;

	/* Open first: opening creates this process's default job. */
	ASSERT_NE(ZX_HANDLE_INVALID, zx_job_default());
	objects = zx_test_live("objects");
	handles = zx_test_live("handles");
	ASSERT_GE(objects, 1);
	ev = zx_test_event();
	ASSERT_EQ(ZX_OK, zx_job_create(zx_job_default(), 0, &job));
	ASSERT_EQ(ZX_OK, zx_handle_duplicate(job, ZX_RIGHT_SAME_RIGHTS, &dup));
	ASSERT_EQ(objects + 2, zx_test_live("objects"));
	ASSERT_EQ(handles + 3, zx_test_live("handles"));
	zx_handle_close(ev);
	zx_handle_close(job);
	zx_handle_close(dup);
	ASSERT_EQ(objects, zx_test_live("objects"));
	ASSERT_EQ(handles, zx_test_live("handles"));
}

TEST(fork_child_cannot_use_parent_file)
{
	/* A second descriptor for the same open file, which libzx's fork
	 * handler does not close in the child.
	 */
	int fd = dup(zx_linux_fd());
	pid_t pid;
	int status;

	ASSERT_GE(fd, 0);
	pid = fork();
	ASSERT_GE(pid, 0);
	if (pid == 0) {
		struct zx_ioc_event_create a = { 0 };
		zx_handle_t ev = ZX_HANDLE_INVALID;

		a.out = (uintptr_t)&ev;
		/* The inherited descriptor belongs to the parent. */
		if (ioctl(fd, ZX_IOC_EVENT_CREATE, &a) != -1 || errno != EBADFD)
			_exit(1);
		/* libzx itself opens a fresh one in the child. */
		if (zx_event_create(0, &ev) != ZX_OK || ev == ZX_HANDLE_INVALID)
			_exit(2);
		if (zx_linux_process_koid() == 0)
			_exit(3);
		_exit(0);
	}
	close(fd);
	ASSERT_EQ(pid, waitpid(pid, &status, 0));
	ASSERT_TRUE(WIFEXITED(status));
	ASSERT_EQ(0, WEXITSTATUS(status));
}

TEST(each_opener_is_its_own_process)
{
	zx_koid_t mine = zx_linux_process_koid();
	int fd = open("/dev/zircon", O_RDWR | O_CLOEXEC);
	struct zx_ioc_startup s = { 0 };

	ASSERT_GE(fd, 0);
	ASSERT_EQ(0, ioctl(fd, ZX_IOC_STARTUP, &s));
	ASSERT_NE(mine, s.process_koid);
	ASSERT_NE(0u, s.default_job);
	/* Handles are per table: ours means nothing there (values are
	 * scrambled with a random per-table mask, so they coincide only
	 * with probability 2^-29).
	 */
	ASSERT_NE(s.default_job, zx_job_default());
	ASSERT_EQ(-ZX_ERR_BAD_HANDLE, ioctl(fd, ZX_IOC_HANDLE_CLOSE,
					    (unsigned long)zx_job_default()));
	ASSERT_EQ(0, ioctl(fd, ZX_IOC_HANDLE_CLOSE, (unsigned long)s.default_job));
	ASSERT_EQ(ZX_OK, zx_object_get_info(zx_job_default(), ZX_INFO_HANDLE_VALID, NULL, 0,
					    NULL, NULL));
	close(fd);
}

TEST(ioctl_abi_rejects_bad_blocks)
{
	int fd = zx_linux_fd();
	struct zx_ioc_handle a = { .handle = 3, .reserved = 1 };
	struct zx_ioc_startup s = { .reserved = { 1, 0 } };
	struct zx_ioc_event_create ev = { .reserved = 1 };
	struct zx_ioc_signal sig = { .handle = zx_job_default(), .reserved = 1 };
	struct zx_ioc_root_job root = { .reserved = 1 };

	ASSERT_EQ(-1, ioctl(fd, _IO(ZX_IOC_MAGIC, 0x7f)));
	ASSERT_EQ(ENOTTY, errno);
	ASSERT_EQ(-1, ioctl(fd, ZX_IOC_TASK_KILL, (void *)8));
	ASSERT_EQ(EFAULT, errno);
	ASSERT_EQ(-ZX_ERR_INVALID_ARGS, ioctl(fd, ZX_IOC_TASK_KILL, &a));
	ASSERT_EQ(-ZX_ERR_INVALID_ARGS, ioctl(fd, ZX_IOC_EVENT_CREATE, &ev));
	ASSERT_EQ(-ZX_ERR_INVALID_ARGS, ioctl(fd, ZX_IOC_OBJECT_SIGNAL, &sig));
	ASSERT_EQ(-ZX_ERR_INVALID_ARGS, ioctl(fd, ZX_IOC_ROOT_JOB, &root));
	/* Close takes the value itself, which must fit in 32 bits. */
	ASSERT_EQ(-ZX_ERR_INVALID_ARGS, ioctl(fd, ZX_IOC_HANDLE_CLOSE, 1UL << 32 | 3));
	ASSERT_EQ(-ZX_ERR_BAD_HANDLE, ioctl(fd, ZX_IOC_HANDLE_CLOSE, 7UL));
	ASSERT_EQ(-ZX_ERR_INVALID_ARGS, ioctl(fd, ZX_IOC_STARTUP, &s));
	ASSERT_EQ(0, ioctl(fd, ZX_IOC_NOP));
}

TEST_HARNESS_MAIN
