// SPDX-License-Identifier: MIT
/*
 * Across Zircon processes: handles moved into file descriptors and back
 * (zx_linux_handle_to_fd / zx_linux_fd_to_handle), and two Linux processes
 * that each opened /dev/zircon sharing a VMO (mapped on both sides) and an
 * event over a channel.
 */
#include <fcntl.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include "zx_test.h"

static int valid(zx_handle_t h)
{
	return zx_object_get_info(h, ZX_INFO_HANDLE_VALID, NULL, 0, NULL, NULL) == ZX_OK;
}

TEST(handle_fd_round_trip)
{
	zx_handle_t ev = zx_test_event(), back, weak;
	zx_info_handle_basic_t before = zx_test_basic(ev);
	int fd = -1, devnull = open("/dev/null", O_RDONLY);
	int objects, handles;

	objects = zx_test_live("objects");
	handles = zx_test_live("handles");
	ASSERT_EQ(ZX_OK, zx_linux_handle_to_fd(ev, O_CLOEXEC, &fd));
	ASSERT_GE(fd, 0);
	ASSERT_FALSE(valid(ev));
	ASSERT_EQ(FD_CLOEXEC, fcntl(fd, F_GETFD) & FD_CLOEXEC);
	ASSERT_EQ(ZX_OK, zx_linux_fd_to_handle(fd, &back));
	ASSERT_EQ(before.koid, zx_test_basic(back).koid);
	ASSERT_EQ(before.rights, zx_test_basic(back).rights);
	/* A box gives its handle out once. */
	ASSERT_EQ(ZX_ERR_BAD_STATE, zx_linux_fd_to_handle(fd, &weak));
	close(fd);

	ASSERT_EQ(ZX_ERR_WRONG_TYPE, zx_linux_fd_to_handle(devnull, &weak));
	ASSERT_EQ(ZX_ERR_BAD_HANDLE, zx_linux_fd_to_handle(9999, &weak));
	ASSERT_EQ(ZX_ERR_BAD_HANDLE, zx_linux_fd_to_handle(-1, &weak));
	ASSERT_EQ(ZX_ERR_BAD_HANDLE, zx_linux_handle_to_fd(0x4447, 0, &fd));
	ASSERT_EQ(ZX_ERR_INVALID_ARGS, zx_linux_handle_to_fd(back, O_NONBLOCK, &fd));
	ASSERT_EQ(ZX_ERR_INVALID_ARGS, zx_linux_handle_to_fd(back, 0, (int *)8));
	ASSERT_TRUE(valid(back));
	/* TRANSFER is needed, and a refused handle stays put. */
	ASSERT_EQ(ZX_OK, zx_handle_duplicate(back, ZX_RIGHT_WAIT, &weak));
	ASSERT_EQ(ZX_ERR_ACCESS_DENIED, zx_linux_handle_to_fd(weak, 0, &fd));
	ASSERT_TRUE(valid(weak));
	zx_handle_close(weak);

	/* Closing a full box closes the handle in it. */
	ASSERT_EQ(ZX_OK, zx_linux_handle_to_fd(back, 0, &fd));
	close(fd);
	close(devnull);
	ASSERT_EQ(objects - 1, zx_test_live("objects"));
	ASSERT_EQ(handles - 1, zx_test_live("handles"));
}

/* The child: import the channel end, then serve one request. */
static int child_main(int chfd)
{
	zx_handle_t ch, got[2];
	zx_koid_t koid;
	uint32_t nb, nh;
	char msg[64];

	if (zx_linux_fd_to_handle(chfd, &ch) != ZX_OK)
		return 10;
	if (zx_object_wait_one(ch, ZX_CHANNEL_READABLE, zx_deadline_after(ZX_SEC(20)), NULL) ||
	    zx_channel_read(ch, 0, &koid, got, sizeof(koid), 2, &nb, &nh) || nh != 2)
		return 11;
	/* The same objects, seen from another process. */
	if (zx_test_basic(got[0]).koid != koid || zx_test_basic(got[1]).type != ZX_OBJ_TYPE_EVENT)
		return 12;
	/* Write through a mapping of the VMO that came over the channel. */
	{
		zx_vaddr_t addr;

		if (zx_vmar_map(zx_vmar_root_self(), ZX_VM_PERM_READ | ZX_VM_PERM_WRITE, 0, got[0],
				0, 4096, &addr))
			return 15;
		snprintf(msg, sizeof(msg), "written by pid %d", getpid());
		strcpy((char *)addr + 100, msg);
	}
	if (zx_object_signal(got[1], 0, ZX_USER_SIGNAL_3))
		return 13;
	/* Send the event back; exit without closing anything. */
	if (zx_channel_write(ch, 0, "ok", 2, &got[1], 1))
		return 14;
	return 0;
}

TEST(two_processes_share_a_vmo_and_an_event)
{
	zx_handle_t a, b, vmo, ev, dup, got;
	int fd, status;
	zx_koid_t vkoid;
	uint32_t nb, nh;
	char text[64] = { 0 }, ok[2];
	pid_t pid;

	ASSERT_EQ(ZX_OK, zx_channel_create(0, &a, &b));
	ASSERT_EQ(ZX_OK, zx_vmo_create(4096, 0, &vmo));
	ASSERT_EQ(ZX_OK, zx_event_create(0, &ev));
	ASSERT_EQ(ZX_OK, zx_linux_handle_to_fd(b, 0, &fd));
	pid = fork();
	ASSERT_GE(pid, 0);
	if (pid == 0)
		_exit(child_main(fd));
	close(fd);

	vkoid = zx_test_basic(vmo).koid;
	ASSERT_EQ(ZX_OK, zx_handle_duplicate(vmo, ZX_RIGHT_SAME_RIGHTS, &dup));
	zx_handle_t send[2] = { dup, ZX_HANDLE_INVALID };
	ASSERT_EQ(ZX_OK, zx_handle_duplicate(ev, ZX_RIGHT_SAME_RIGHTS, &send[1]));
	ASSERT_EQ(ZX_OK, zx_channel_write(a, 0, &vkoid, sizeof(vkoid), send, 2));

	ASSERT_EQ(ZX_OK, zx_object_wait_one(ev, ZX_USER_SIGNAL_3, zx_deadline_after(ZX_SEC(20)),
					    NULL));
	ASSERT_EQ(ZX_OK, zx_object_wait_one(a, ZX_CHANNEL_READABLE, zx_deadline_after(ZX_SEC(20)),
					    NULL));
	ASSERT_EQ(ZX_OK, zx_channel_read(a, 0, ok, &got, sizeof(ok), 1, &nb, &nh));
	ASSERT_EQ(zx_test_basic(ev).koid, zx_test_basic(got).koid);
	ASSERT_EQ(ZX_OK, zx_vmo_read(vmo, text, 100, sizeof(text) - 1));
	ASSERT_EQ(0, strncmp(text, "written by pid ", 15));
	ASSERT_EQ(pid, atoi(text + 15));
	/* And through a mapping on this side. */
	{
		zx_vaddr_t addr;

		ASSERT_EQ(ZX_OK, zx_vmar_map(zx_vmar_root_self(), ZX_VM_PERM_READ, 0, vmo, 0, 4096,
					     &addr));
		ASSERT_STREQ(text, (char *)addr + 100);
		ASSERT_EQ(ZX_OK, zx_vmar_unmap(zx_vmar_root_self(), addr, 4096));
	}

	ASSERT_EQ(pid, waitpid(pid, &status, 0));
	ASSERT_EQ(0, WEXITSTATUS(status));
	/* The child's exit closed its table, and so its channel end. */
	ASSERT_EQ(ZX_OK, zx_object_wait_one(a, ZX_CHANNEL_PEER_CLOSED, zx_deadline_after(ZX_SEC(5)),
					    NULL));
	zx_handle_close(got);
	zx_handle_close(a);
	zx_handle_close(vmo);
	zx_handle_close(ev);
}

TEST_HARNESS_MAIN
