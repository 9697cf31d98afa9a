// SPDX-License-Identifier: MIT
/*
 * Channels: messages of bytes and handles, signals, peer closure, handle
 * transfer (and its failures, which consume every handle), read_etc, call,
 * and that nothing in flight leaks.
 */
#include <pthread.h>
#include <stdio.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#include "zx_test.h"
#include "../uapi/linux/zircon.h"

/* The start of x86-64 Linux's direct map: never a user address. */
#define KERNEL_ADDRESS 0xffff888000000000UL

#define SIG_MASK (ZX_CHANNEL_READABLE | ZX_CHANNEL_WRITABLE | ZX_CHANNEL_PEER_CLOSED)

static zx_signals_t signals_of(zx_handle_t h)
{
	zx_signals_t observed = 0;

	zx_object_wait_one(h, 0xffffffff, 0, &observed);
	return observed & SIG_MASK;
}

static int valid(zx_handle_t h)
{
	return zx_object_get_info(h, ZX_INFO_HANDLE_VALID, NULL, 0, NULL, NULL) == ZX_OK;
}

FIXTURE(chan) {
	zx_handle_t a, b;
	int objects, handles;
};

FIXTURE_SETUP(chan)
{
	ASSERT_NE(ZX_HANDLE_INVALID, zx_job_default());
	self->objects = zx_test_live("objects");
	self->handles = zx_test_live("handles");
	ASSERT_EQ(ZX_OK, zx_channel_create(0, &self->a, &self->b));
}

FIXTURE_TEARDOWN(chan)
{
	zx_handle_close(self->a);
	zx_handle_close(self->b);
	/* Nothing in flight or anywhere else is left behind. */
	EXPECT_EQ(self->objects, zx_test_live("objects"));
	EXPECT_EQ(self->handles, zx_test_live("handles"));
}

TEST_F(chan, create)
{
	zx_info_handle_basic_t a = zx_test_basic(self->a), b = zx_test_basic(self->b);
	zx_handle_t x = ZX_HANDLE_INVALID, y = ZX_HANDLE_INVALID;

	ASSERT_EQ(ZX_OBJ_TYPE_CHANNEL, a.type);
	ASSERT_EQ(ZX_DEFAULT_CHANNEL_RIGHTS, a.rights);
	ASSERT_EQ(b.koid, a.related_koid);
	ASSERT_EQ(a.koid, b.related_koid);
	ASSERT_EQ(ZX_CHANNEL_WRITABLE, signals_of(self->a));
	ASSERT_EQ(ZX_ERR_INVALID_ARGS, zx_channel_create(1, &x, &y));
	ASSERT_EQ(ZX_ERR_INVALID_ARGS, zx_channel_create(0, &x, (zx_handle_t *)8));
	ASSERT_EQ(ZX_ERR_INVALID_ARGS, zx_channel_create(0, NULL, &y));
	/* No DUPLICATE right on channels. */
	ASSERT_EQ(ZX_ERR_ACCESS_DENIED, zx_handle_duplicate(self->a, ZX_RIGHT_SAME_RIGHTS, &x));
}

TEST_F(chan, bytes_in_order)
{
	char buf[64];
	uint32_t nb = 99, nh = 99;

	ASSERT_EQ(ZX_ERR_SHOULD_WAIT, zx_channel_read(self->b, 0, buf, NULL, sizeof(buf), 0,
						     &nb, &nh));
	ASSERT_EQ(ZX_OK, zx_channel_write(self->a, 0, "one", 3, NULL, 0));
	ASSERT_EQ(ZX_OK, zx_channel_write(self->a, 0, "second", 6, NULL, 0));
	ASSERT_EQ(ZX_OK, zx_channel_write(self->a, 0, NULL, 0, NULL, 0));
	ASSERT_EQ(ZX_CHANNEL_READABLE | ZX_CHANNEL_WRITABLE, signals_of(self->b));
	ASSERT_EQ(ZX_CHANNEL_WRITABLE, signals_of(self->a));
	ASSERT_EQ(ZX_OK, zx_channel_read(self->b, 0, buf, NULL, sizeof(buf), 0, &nb, &nh));
	ASSERT_EQ(3u, nb);
	ASSERT_EQ(0u, nh);
	ASSERT_EQ(0, memcmp(buf, "one", 3));
	ASSERT_EQ(ZX_OK, zx_channel_read(self->b, 0, buf, NULL, sizeof(buf), 0, &nb, NULL));
	ASSERT_EQ(6u, nb);
	ASSERT_EQ(0, memcmp(buf, "second", 6));
	ASSERT_EQ(ZX_OK, zx_channel_read(self->b, 0, NULL, NULL, 0, 0, &nb, NULL));
	ASSERT_EQ(0u, nb);
	ASSERT_EQ(ZX_CHANNEL_WRITABLE, signals_of(self->b));
	/* Both directions. */
	ASSERT_EQ(ZX_OK, zx_channel_write(self->b, 0, "back", 4, NULL, 0));
	ASSERT_EQ(ZX_OK, zx_channel_read(self->a, 0, buf, NULL, sizeof(buf), 0, &nb, NULL));
	ASSERT_EQ(4u, nb);
}

TEST_F(chan, buffer_too_small_keeps_or_discards)
{
	zx_handle_t ev = zx_test_event(), got;
	char buf[8];
	uint32_t nb = 0, nh = 0;

	ASSERT_EQ(ZX_OK, zx_channel_write(self->a, 0, "0123456789", 10, &ev, 1));
	ASSERT_EQ(ZX_ERR_BUFFER_TOO_SMALL, zx_channel_read(self->b, 0, buf, &got, sizeof(buf), 1,
							   &nb, &nh));
	ASSERT_EQ(10u, nb);
	ASSERT_EQ(1u, nh);
	ASSERT_EQ(ZX_ERR_BUFFER_TOO_SMALL, zx_channel_read(self->b, 0, buf, NULL, 64, 0, &nb, &nh));
	/* Still queued; MAY_DISCARD drops it (and the handle in it). */
	ASSERT_TRUE(signals_of(self->b) & ZX_CHANNEL_READABLE);
	ASSERT_EQ(ZX_ERR_BUFFER_TOO_SMALL, zx_channel_read(self->b, ZX_CHANNEL_READ_MAY_DISCARD,
							   buf, NULL, 0, 0, &nb, &nh));
	ASSERT_EQ(ZX_ERR_SHOULD_WAIT, zx_channel_read(self->b, 0, buf, NULL, 64, 0, NULL, NULL));
	ASSERT_EQ(ZX_ERR_INVALID_ARGS, zx_channel_read(self->b, 2, buf, NULL, 64, 0, NULL, NULL));
}

TEST_F(chan, handles_move)
{
	zx_handle_t ev = zx_test_event(), vmo, got[2];
	zx_koid_t kev = zx_test_basic(ev).koid;
	zx_handle_info_t info[2];
	zx_handle_t pair[2] = { ev, 0 };
	uint32_t nb, nh;
	char c;

	ASSERT_EQ(ZX_OK, zx_vmo_create(4096, 0, &vmo));
	pair[1] = vmo;
	ASSERT_EQ(ZX_OK, zx_object_signal(ev, 0, ZX_USER_SIGNAL_5));
	ASSERT_EQ(ZX_OK, zx_channel_write(self->a, 0, "h", 1, pair, 2));
	ASSERT_FALSE(valid(ev));
	ASSERT_FALSE(valid(vmo));
	ASSERT_EQ(ZX_OK, zx_channel_read(self->b, 0, &c, got, 1, 2, &nb, &nh));
	ASSERT_EQ('h', c);
	ASSERT_EQ(2u, nh);
	ASSERT_EQ(kev, zx_test_basic(got[0]).koid);
	ASSERT_EQ(ZX_DEFAULT_EVENT_RIGHTS, zx_test_basic(got[0]).rights);
	ASSERT_EQ(ZX_OK, zx_object_wait_one(got[0], ZX_USER_SIGNAL_5, 0, NULL));
	ASSERT_EQ(ZX_OBJ_TYPE_VMO, zx_test_basic(got[1]).type);

	/* read_etc reports type and rights. */
	ASSERT_EQ(ZX_OK, zx_channel_write(self->b, 0, NULL, 0, got, 2));
	ASSERT_EQ(ZX_OK, zx_channel_read_etc(self->a, 0, NULL, info, 0, 2, &nb, &nh));
	ASSERT_EQ(ZX_OBJ_TYPE_EVENT, info[0].type);
	ASSERT_EQ(ZX_DEFAULT_EVENT_RIGHTS, info[0].rights);
	ASSERT_EQ(ZX_OBJ_TYPE_VMO, info[1].type);
	ASSERT_EQ(kev, zx_test_basic(info[0].handle).koid);
	zx_handle_close(info[0].handle);
	zx_handle_close(info[1].handle);
}

TEST_F(chan, write_failures_consume_every_handle)
{
	zx_handle_t ev = zx_test_event(), ev2 = zx_test_event(), ev3 = zx_test_event(), weak;
	zx_handle_t list[3];
	char buf[1];

	/* A handle without TRANSFER. */
	ASSERT_EQ(ZX_OK, zx_handle_duplicate(ev2, ZX_RIGHT_WAIT, &weak));
	list[0] = ev;
	list[1] = weak;
	ASSERT_EQ(ZX_ERR_ACCESS_DENIED, zx_channel_write(self->a, 0, "x", 1, list, 2));
	ASSERT_FALSE(valid(ev));
	ASSERT_FALSE(valid(weak));
	/* An invalid one. */
	list[0] = ev2;
	list[1] = 0x7777777b;
	ASSERT_EQ(ZX_ERR_BAD_HANDLE, zx_channel_write(self->a, 0, "x", 1, list, 2));
	ASSERT_FALSE(valid(ev2));
	/* A repeated one. */
	list[0] = ev3;
	list[1] = ev3;
	ASSERT_EQ(ZX_ERR_BAD_HANDLE, zx_channel_write(self->a, 0, "x", 1, list, 2));
	ASSERT_FALSE(valid(ev3));
	/* The channel itself. */
	ASSERT_EQ(ZX_ERR_NOT_SUPPORTED, zx_channel_write(self->a, 0, "x", 1, &self->a, 1));
	ASSERT_FALSE(valid(self->a));
	self->a = ZX_HANDLE_INVALID;
	/* Its last handle went with the failed write: the peer is closed. */
	ASSERT_EQ(ZX_ERR_PEER_CLOSED, zx_channel_read(self->b, 0, buf, NULL, 1, 0, NULL, NULL));
}

TEST_F(chan, write_errors)
{
	zx_handle_t ro, ev = zx_test_event(), list[65];
	static char big[ZX_CHANNEL_MAX_MSG_BYTES + 1];

	ASSERT_EQ(ZX_ERR_BAD_HANDLE, zx_channel_write(0x3337, 0, "x", 1, NULL, 0));
	ASSERT_EQ(ZX_ERR_WRONG_TYPE, zx_channel_write(ev, 0, "x", 1, NULL, 0));
	ASSERT_EQ(ZX_ERR_INVALID_ARGS, zx_channel_write(self->a, 1, "x", 1, NULL, 0));
	ASSERT_EQ(ZX_ERR_INVALID_ARGS, zx_channel_write(self->a, 0, (void *)8, 1, NULL, 0));
	ASSERT_EQ(ZX_ERR_INVALID_ARGS, zx_channel_write(self->a, 0, "x", 1, (zx_handle_t *)8, 1));
	ASSERT_EQ(ZX_ERR_OUT_OF_RANGE, zx_channel_write(self->a, 0, big, sizeof(big), NULL, 0));
	ASSERT_EQ(ZX_OK, zx_channel_write(self->a, 0, big, sizeof(big) - 1, NULL, 0));
	for (int i = 0; i < 65; i++)
		list[i] = ev;
	ASSERT_EQ(ZX_ERR_OUT_OF_RANGE, zx_channel_write(self->a, 0, "x", 1, list, 65));
	ASSERT_EQ(ZX_OK, zx_handle_replace(self->a, ZX_RIGHT_READ | ZX_RIGHT_TRANSFER, &ro));
	self->a = ro;
	ASSERT_EQ(ZX_ERR_ACCESS_DENIED, zx_channel_write(ro, 0, "x", 1, NULL, 0));
	zx_handle_close(ev);
}

TEST_F(chan, read_errors)
{
	zx_handle_t wo, ev = zx_test_event();
	char buf[4];

	ASSERT_EQ(ZX_ERR_BAD_HANDLE, zx_channel_read(0x3337, 0, buf, NULL, 4, 0, NULL, NULL));
	ASSERT_EQ(ZX_ERR_WRONG_TYPE, zx_channel_read(ev, 0, buf, NULL, 4, 0, NULL, NULL));
	ASSERT_EQ(ZX_OK, zx_handle_replace(self->b, ZX_RIGHT_WRITE, &wo));
	self->b = wo;
	ASSERT_EQ(ZX_ERR_ACCESS_DENIED, zx_channel_read(wo, 0, buf, NULL, 4, 0, NULL, NULL));
	ASSERT_EQ(ZX_OK, zx_channel_write(wo, 0, "abc", 3, NULL, 0));
	ASSERT_EQ(ZX_ERR_INVALID_ARGS, zx_channel_read(self->a, 0, (void *)8, NULL, 4, 0, NULL,
						       NULL));
	ASSERT_EQ(ZX_OK, zx_channel_write(wo, 0, "abc", 3, NULL, 0));
	ASSERT_EQ(ZX_ERR_INVALID_ARGS, zx_channel_read(self->a, 0, buf, NULL, 4, 0,
						       (uint32_t *)8, NULL));
	/* Both sizes wanted, one pointer bad, user or kernel. */
	for (int i = 0; i < 4; i++) {
		uint32_t *bad = i < 2 ? (uint32_t *)8 : (uint32_t *)KERNEL_ADDRESS;
		uint32_t nb = 0, nh = 0;

		ASSERT_EQ(ZX_OK, zx_channel_write(wo, 0, "abc", 3, NULL, 0));
		ASSERT_EQ(ZX_ERR_INVALID_ARGS,
			  zx_channel_read(self->a, 0, buf, NULL, 4, 0, i % 2 ? bad : &nb,
					  i % 2 ? &nh : bad));
	}
	/* A kernel address for the bytes, in and out. */
	ASSERT_EQ(ZX_ERR_INVALID_ARGS,
		  zx_channel_write(wo, 0, (void *)KERNEL_ADDRESS, 4, NULL, 0));
	ASSERT_EQ(ZX_OK, zx_channel_write(wo, 0, "abc", 3, NULL, 0));
	ASSERT_EQ(ZX_ERR_INVALID_ARGS, zx_channel_read(self->a, 0, (void *)KERNEL_ADDRESS, NULL,
						       4, 0, NULL, NULL));
	zx_handle_close(ev);
}

/*
 * Sizes around the module's small-copy (256 bytes) and small-message (512
 * bytes with the header) bounds, from and to unaligned buffers, two queued
 * at a time so that a reused message buffer is sometimes too small and
 * sometimes larger than needed, some carrying a handle after the bytes.
 */
TEST_F(chan, sizes_round_trip_unaligned)
{
	static const uint32_t sizes[] = { 0, 1, 7, 8, 9, 63, 64, 65, 255, 256, 257, 300, 447,
					  448, 449, 470, 511, 512, 513, 4095, 4096, 65536 };
	static uint8_t out[65536 + 8], in[65536 + 8];
	const int n = sizeof(sizes) / sizeof(sizes[0]);
	uint32_t nb, nh;
	zx_handle_t ev, got;

	for (int i = 0; i < n * 2; i++) {
		uint32_t first = sizes[i % n], second = sizes[(i * 7 + 3) % n];
		int with_handle = i % 3 == 0;

		for (uint32_t k = 0; k < first + 1; k++)
			out[k + 1] = (uint8_t)(k * 31 + i);
		ev = with_handle ? zx_test_event() : ZX_HANDLE_INVALID;
		ASSERT_EQ(ZX_OK, zx_channel_write(self->a, 0, out + 1, first, &ev, with_handle));
		ASSERT_EQ(ZX_OK, zx_channel_write(self->a, 0, out + 5, second, NULL, 0));

		memset(in, 0xee, sizeof(in));
		got = ZX_HANDLE_INVALID;
		ASSERT_EQ(ZX_OK, zx_channel_read(self->b, 0, in + 3, &got, first, 1, &nb, &nh));
		ASSERT_EQ(first, nb);
		ASSERT_EQ((uint32_t)with_handle, nh);
		ASSERT_EQ(0, memcmp(in + 3, out + 1, first));
		/* Nothing past the message is written. */
		ASSERT_EQ(0xee, in[3 + first]);
		if (with_handle) {
			ASSERT_EQ(ZX_OBJ_TYPE_EVENT, zx_test_basic(got).type);
			ASSERT_EQ(ZX_OK, zx_handle_close(got));
		}
		ASSERT_EQ(ZX_OK, zx_channel_read(self->b, 0, in + 7, NULL, second, 0, &nb, NULL));
		ASSERT_EQ(second, nb);
		ASSERT_EQ(0, memcmp(in + 7, out + 5, second));
	}
}

/*
 * A buffer that runs into an unmapped page is a bad pointer, whether the
 * fault comes on the first byte or the last, in a small copy or a large
 * one: the write queues nothing and the read reports INVALID_ARGS.
 */
TEST_F(chan, buffers_into_an_unmapped_page)
{
	static const uint32_t sizes[] = { 8, 64, 200, 256, 1000 };
	long page = sysconf(_SC_PAGESIZE);
	uint8_t *map = mmap(NULL, 2 * page, PROT_READ | PROT_WRITE,
			    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	uint8_t *end = map + page;

	ASSERT_NE(MAP_FAILED, map);
	ASSERT_EQ(0, munmap(end, page));
	for (unsigned int i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
		uint32_t size = sizes[i];

		/* Only the last byte, then every byte, out of reach. */
		ASSERT_EQ(ZX_ERR_INVALID_ARGS,
			  zx_channel_write(self->a, 0, end - size + 1, size, NULL, 0));
		ASSERT_EQ(ZX_ERR_INVALID_ARGS, zx_channel_write(self->a, 0, end, size, NULL, 0));
		ASSERT_EQ(ZX_CHANNEL_WRITABLE, signals_of(self->b));

		ASSERT_EQ(ZX_OK, zx_channel_write(self->a, 0, map, size, NULL, 0));
		ASSERT_EQ(ZX_ERR_INVALID_ARGS,
			  zx_channel_read(self->b, 0, end - size + 1, NULL, size, 0, NULL, NULL));
		ASSERT_EQ(ZX_OK, zx_channel_write(self->a, 0, map, size, NULL, 0));
		ASSERT_EQ(ZX_ERR_INVALID_ARGS,
			  zx_channel_read(self->b, 0, end, NULL, size, 0, NULL, NULL));
		/* The bytes that fit were the reader's to get; the message is gone. */
		ASSERT_EQ(ZX_CHANNEL_WRITABLE, signals_of(self->b));
	}
	munmap(map, page);
}

/* build/selftests/ioctl32 makes ioctl @cmd from a 32-bit process: its exit code. */
static int ioctl32(unsigned long cmd)
{
	char arg[24];
	int status;
	pid_t pid;

	snprintf(arg, sizeof(arg), "%lu", cmd);
	pid = fork();
	if (pid == 0) {
		execl(IOCTL32, IOCTL32, arg, (char *)NULL);
		_exit(127);
	}
	if (pid < 0 || waitpid(pid, &status, 0) != pid || !WIFEXITED(status))
		return -1;
	return WEXITSTATUS(status);
}

/*
 * The register calls read x86-64 registers, so a 32-bit caller cannot make
 * them: ENOTTY, not a call on whatever its registers held.  Its calls with
 * an argument block still work.
 */
TEST(register_calls_refuse_32bit_callers)
{
	ASSERT_EQ(0, ioctl32(ZX_IOC_NOP));
	ASSERT_EQ(0, ioctl32(ZX_IOC_HANDLE_CLOSE));	/* of ZX_HANDLE_INVALID */
	ASSERT_EQ(ENOTTY, ioctl32(ZX_IOC_CHANNEL_WRITE));
	ASSERT_EQ(ENOTTY, ioctl32(ZX_IOC_CHANNEL_READ));
	ASSERT_EQ(ENOTTY, ioctl32(ZX_IOC_CHANNEL_READ_ETC));
}

TEST_F(chan, peer_closed)
{
	char buf[8];
	zx_signals_t observed;

	ASSERT_EQ(ZX_OK, zx_channel_write(self->a, 0, "last", 4, NULL, 0));
	ASSERT_EQ(ZX_OK, zx_handle_close(self->a));
	self->a = ZX_HANDLE_INVALID;
	ASSERT_EQ(ZX_OK, zx_object_wait_one(self->b, ZX_CHANNEL_PEER_CLOSED, 0, &observed));
	ASSERT_EQ(ZX_CHANNEL_READABLE | ZX_CHANNEL_PEER_CLOSED, observed & SIG_MASK);
	ASSERT_EQ(ZX_ERR_PEER_CLOSED, zx_channel_write(self->b, 0, "x", 1, NULL, 0));
	/* What was queued can still be read; then PEER_CLOSED. */
	ASSERT_EQ(ZX_OK, zx_channel_read(self->b, 0, buf, NULL, sizeof(buf), 0, NULL, NULL));
	ASSERT_EQ(ZX_ERR_PEER_CLOSED, zx_channel_read(self->b, 0, buf, NULL, sizeof(buf), 0, NULL,
						      NULL));
}

TEST_F(chan, peer_closed_write_still_consumes_handles)
{
	zx_handle_t ev = zx_test_event();

	zx_handle_close(self->b);
	self->b = ZX_HANDLE_INVALID;
	ASSERT_EQ(ZX_ERR_PEER_CLOSED, zx_channel_write(self->a, 0, "x", 1, &ev, 1));
	ASSERT_FALSE(valid(ev));
}

TEST_F(chan, closing_with_queued_handles_frees_them)
{
	zx_handle_t ev = zx_test_event(), c, d, vmo;
	zx_signals_t observed;

	ASSERT_EQ(ZX_OK, zx_vmo_create(1 << 20, 0, &vmo));
	ASSERT_EQ(ZX_OK, zx_channel_write(self->a, 0, "1", 1, &ev, 1));
	ASSERT_EQ(ZX_OK, zx_channel_write(self->a, 0, "2", 1, &vmo, 1));
	/* A channel end in flight inside another channel: closing the outer
	 * one closes it too, and its peer sees PEER_CLOSED.
	 */
	ASSERT_EQ(ZX_OK, zx_channel_create(0, &c, &d));
	ASSERT_EQ(ZX_OK, zx_channel_write(self->a, 0, "3", 1, &c, 1));
	ASSERT_EQ(0u, signals_of(d) & ZX_CHANNEL_PEER_CLOSED);
	ASSERT_EQ(ZX_OK, zx_handle_close(self->b));
	self->b = ZX_HANDLE_INVALID;
	ASSERT_EQ(ZX_OK, zx_object_wait_one(d, ZX_CHANNEL_PEER_CLOSED, zx_deadline_after(ZX_SEC(5)),
					    &observed));
	zx_handle_close(d);
}

struct server {
	zx_handle_t ch;
	int replies;
};

static void *echo_server(void *arg)
{
	struct server *s = arg;
	char buf[128];
	uint32_t nb;

	for (int i = 0; i < s->replies; i++) {
		if (zx_object_wait_one(s->ch, ZX_CHANNEL_READABLE, ZX_TIME_INFINITE, NULL) ||
		    zx_channel_read(s->ch, 0, buf, NULL, sizeof(buf), 0, &nb, NULL))
			return NULL;
		memcpy(buf + nb, "!", 1);
		zx_channel_write(s->ch, 0, buf, nb + 1, NULL, 0);
	}
	return NULL;
}

TEST_F(chan, call)
{
	struct server s = { self->b, 2 };
	char req[16] = "....hello", reply[32] = { 0 };
	zx_channel_call_args_t args = {
		.wr_bytes = req, .wr_num_bytes = 9, .rd_bytes = reply, .rd_num_bytes = sizeof(reply),
	};
	uint32_t nb = 0, nh = 9;
	pthread_t t;

	ASSERT_EQ(0, pthread_create(&t, NULL, echo_server, &s));
	ASSERT_EQ(ZX_OK, zx_channel_call(self->a, 0, zx_deadline_after(ZX_SEC(10)), &args, &nb,
					 &nh));
	ASSERT_EQ(10u, nb);
	ASSERT_EQ(0u, nh);
	ASSERT_EQ(0, memcmp(reply + 4, "hello!", 6));
	/* The kernel set a transaction id with the top bit. */
	ASSERT_TRUE(((unsigned char)reply[3]) & 0x80);
	/* A reply that does not fit. */
	args.rd_num_bytes = 4;
	ASSERT_EQ(ZX_ERR_BUFFER_TOO_SMALL, zx_channel_call(self->a, 0,
							   zx_deadline_after(ZX_SEC(10)), &args,
							   &nb, &nh));
	ASSERT_EQ(10u, nb);
	pthread_join(t, NULL);
	/* No server: time out.  Too short to carry an id: INVALID_ARGS. */
	args.rd_num_bytes = sizeof(reply);
	ASSERT_EQ(ZX_ERR_TIMED_OUT, zx_channel_call(self->a, 0, zx_deadline_after(ZX_MSEC(20)),
						    &args, &nb, &nh));
	args.wr_num_bytes = 3;
	ASSERT_EQ(ZX_ERR_INVALID_ARGS, zx_channel_call(self->a, 0, ZX_TIME_INFINITE, &args, &nb,
						       &nh));
	/* The unanswered request is still in the server's queue: drain it. */
	ASSERT_EQ(ZX_OK, zx_channel_read(self->b, 0, reply, NULL, sizeof(reply), 0, NULL, NULL));
}

static void *close_later(void *arg)
{
	usleep(30 * 1000);
	zx_handle_close(*(zx_handle_t *)arg);
	return NULL;
}

TEST_F(chan, call_sees_peer_closed)
{
	char req[8] = "....";
	zx_channel_call_args_t args = { .wr_bytes = req, .wr_num_bytes = 4 };
	pthread_t t;

	ASSERT_EQ(0, pthread_create(&t, NULL, close_later, &self->b));
	ASSERT_EQ(ZX_ERR_PEER_CLOSED, zx_channel_call(self->a, 0, ZX_TIME_INFINITE, &args, NULL,
						      NULL));
	pthread_join(t, NULL);
	self->b = ZX_HANDLE_INVALID;
}

static void *close_caller_later(void *arg)
{
	usleep(30 * 1000);
	zx_handle_close(*(zx_handle_t *)arg);
	return NULL;
}

TEST_F(chan, closing_the_callers_handle_cancels_the_call)
{
	char req[8] = "....";
	zx_channel_call_args_t args = { .wr_bytes = req, .wr_num_bytes = 4 };
	pthread_t t;

	ASSERT_EQ(0, pthread_create(&t, NULL, close_caller_later, &self->a));
	ASSERT_EQ(ZX_ERR_CANCELED, zx_channel_call(self->a, 0, ZX_TIME_INFINITE, &args, NULL,
						   NULL));
	pthread_join(t, NULL);
	self->a = ZX_HANDLE_INVALID;
	/* The request itself was delivered before the close. */
	ASSERT_EQ(ZX_OK, zx_channel_read(self->b, 0, req, NULL, sizeof(req), 0, NULL, NULL));
}

TEST_F(chan, wait_async_on_readable)
{
	zx_handle_t port;
	zx_port_packet_t pkt;

	ASSERT_EQ(ZX_OK, zx_port_create(0, &port));
	ASSERT_EQ(ZX_OK, zx_object_wait_async(self->b, port, 3, ZX_CHANNEL_READABLE, 0));
	ASSERT_EQ(ZX_OK, zx_channel_write(self->a, 0, "x", 1, NULL, 0));
	ASSERT_EQ(ZX_OK, zx_port_wait(port, zx_deadline_after(ZX_SEC(5)), &pkt));
	ASSERT_EQ(3u, pkt.key);
	ASSERT_TRUE(pkt.signal.observed & ZX_CHANNEL_READABLE);
	zx_handle_close(port);
}

TEST_HARNESS_MAIN
