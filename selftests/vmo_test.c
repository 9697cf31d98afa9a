// SPDX-License-Identifier: MIT
/*
 * VMOs: create, read, write, sizes, op_range, snapshot children,
 * replace_as_executable, names, and every documented error.
 */
#include <stdlib.h>
#include <unistd.h>

#include "zx_test.h"

#define PAGE 4096u

static zx_handle_t vmo(uint64_t size, uint32_t options)
{
	zx_handle_t h = ZX_HANDLE_INVALID;

	zx_vmo_create(size, options, &h);
	return h;
}

static uint64_t size_of(zx_handle_t h)
{
	uint64_t size = 0xdead;

	zx_vmo_get_size(h, &size);
	return size;
}

/* Is [offset, offset + len) of @h all @byte? */
static int all_bytes(zx_handle_t h, uint64_t offset, size_t len, unsigned char byte)
{
	unsigned char *buf = malloc(len);
	int ok = buf && zx_vmo_read(h, buf, offset, len) == ZX_OK;

	for (size_t i = 0; ok && i < len; i++)
		ok = buf[i] == byte;
	free(buf);
	return ok;
}

static void fill(zx_handle_t h, uint64_t offset, size_t len, unsigned char byte)
{
	unsigned char *buf = malloc(len);

	memset(buf, byte, len);
	zx_vmo_write(h, buf, offset, len);
	free(buf);
}

TEST(create_rounds_to_pages)
{
	zx_handle_t a = vmo(1, 0), b = vmo(0, 0), c = vmo(PAGE * 3, 0);
	zx_info_handle_basic_t info = zx_test_basic(a);

	ASSERT_EQ(ZX_OBJ_TYPE_VMO, info.type);
	ASSERT_EQ(ZX_DEFAULT_VMO_RIGHTS, info.rights);
	ASSERT_EQ(PAGE, size_of(a));
	ASSERT_EQ(0u, size_of(b));
	ASSERT_EQ(PAGE * 3, size_of(c));
	/* Zero-filled. */
	ASSERT_TRUE(all_bytes(c, 0, PAGE * 3, 0));
	zx_handle_close(a);
	zx_handle_close(b);
	zx_handle_close(c);
}

TEST(create_errors)
{
	zx_handle_t h = ZX_HANDLE_INVALID;
	int handles;

	ASSERT_EQ(ZX_ERR_INVALID_ARGS, zx_vmo_create(PAGE, 1, &h));
	ASSERT_EQ(ZX_ERR_INVALID_ARGS, zx_vmo_create(PAGE, 0x100, &h));
	ASSERT_EQ(ZX_ERR_OUT_OF_RANGE, zx_vmo_create(UINT64_MAX, 0, &h));
	ASSERT_EQ(ZX_ERR_OUT_OF_RANGE, zx_vmo_create(UINT64_MAX - PAGE + 2, 0, &h));
	ASSERT_EQ(ZX_HANDLE_INVALID, h);
	ASSERT_NE(ZX_HANDLE_INVALID, zx_job_default());
	handles = zx_test_live("handles");
	ASSERT_EQ(ZX_ERR_INVALID_ARGS, zx_vmo_create(PAGE, 0, (zx_handle_t *)8));
	ASSERT_EQ(ZX_ERR_INVALID_ARGS, zx_vmo_create(PAGE, 0, NULL));
	ASSERT_EQ(handles, zx_test_live("handles"));
}

TEST(read_write_round_trip)
{
	zx_handle_t h = vmo(PAGE * 4, 0);
	char out[6000], in[6000];

	for (size_t i = 0; i < sizeof(out); i++)
		out[i] = (char)(i * 7 + 3);
	ASSERT_EQ(ZX_OK, zx_vmo_write(h, out, 1000, sizeof(out)));
	ASSERT_EQ(ZX_OK, zx_vmo_read(h, in, 1000, sizeof(in)));
	ASSERT_EQ(0, memcmp(in, out, sizeof(in)));
	ASSERT_TRUE(all_bytes(h, 0, 1000, 0));
	/* Zero-length transfers at the very end are fine. */
	ASSERT_EQ(ZX_OK, zx_vmo_read(h, in, PAGE * 4, 0));
	ASSERT_EQ(ZX_OK, zx_vmo_write(h, out, PAGE * 4 - 10, 10));
	zx_handle_close(h);
}

TEST(read_write_errors)
{
	zx_handle_t h = vmo(PAGE, 0), ro, wo, ev = zx_test_event();
	char buf[16] = { 0 };

	ASSERT_EQ(ZX_ERR_OUT_OF_RANGE, zx_vmo_read(h, buf, PAGE - 8, 16));
	ASSERT_EQ(ZX_ERR_OUT_OF_RANGE, zx_vmo_write(h, buf, PAGE + 1, 0));
	ASSERT_EQ(ZX_ERR_OUT_OF_RANGE, zx_vmo_write(h, buf, UINT64_MAX - 4, 16));
	ASSERT_EQ(ZX_ERR_INVALID_ARGS, zx_vmo_read(h, NULL, 0, 16));
	ASSERT_EQ(ZX_ERR_INVALID_ARGS, zx_vmo_read(h, (void *)8, 0, 16));
	ASSERT_EQ(ZX_ERR_INVALID_ARGS, zx_vmo_write(h, (void *)8, 0, 16));
	ASSERT_EQ(ZX_ERR_BAD_HANDLE, zx_vmo_read(0x7003, buf, 0, 16));
	ASSERT_EQ(ZX_ERR_WRONG_TYPE, zx_vmo_read(ev, buf, 0, 16));
	ASSERT_EQ(ZX_OK, zx_handle_duplicate(h, ZX_RIGHT_READ, &ro));
	ASSERT_EQ(ZX_OK, zx_handle_duplicate(h, ZX_RIGHT_WRITE, &wo));
	ASSERT_EQ(ZX_ERR_ACCESS_DENIED, zx_vmo_write(ro, buf, 0, 16));
	ASSERT_EQ(ZX_ERR_ACCESS_DENIED, zx_vmo_read(wo, buf, 0, 16));
	ASSERT_EQ(ZX_OK, zx_vmo_read(ro, buf, 0, 16));
	ASSERT_EQ(ZX_OK, zx_vmo_write(wo, buf, 0, 16));
	zx_handle_close(ro);
	zx_handle_close(wo);
	zx_handle_close(ev);
	zx_handle_close(h);
}

TEST(get_size_errors)
{
	zx_handle_t h = vmo(PAGE, 0), bare, ev = zx_test_event();
	uint64_t size;

	/* No right is needed to read the size. */
	ASSERT_EQ(ZX_OK, zx_handle_duplicate(h, ZX_RIGHT_NONE, &bare));
	ASSERT_EQ(ZX_OK, zx_vmo_get_size(bare, &size));
	ASSERT_EQ(PAGE, size);
	ASSERT_EQ(ZX_ERR_INVALID_ARGS, zx_vmo_get_size(h, (uint64_t *)8));
	ASSERT_EQ(ZX_ERR_WRONG_TYPE, zx_vmo_get_size(ev, &size));
	ASSERT_EQ(ZX_ERR_BAD_HANDLE, zx_vmo_get_size(0x1237, &size));
	zx_handle_close(bare);
	zx_handle_close(ev);
	zx_handle_close(h);
}

TEST(set_size)
{
	zx_handle_t fixed = vmo(PAGE, 0), h = vmo(PAGE, ZX_VMO_RESIZABLE), ro;

	ASSERT_EQ(ZX_ERR_UNAVAILABLE, zx_vmo_set_size(fixed, PAGE * 2));
	ASSERT_EQ(ZX_OK, zx_vmo_set_size(h, PAGE * 3 + 1));
	ASSERT_EQ(PAGE * 4, size_of(h));
	fill(h, 0, PAGE * 4, 0xab);
	/* Shrinking zeroes from the requested size to the end of its page. */
	ASSERT_EQ(ZX_OK, zx_vmo_set_size(h, 100));
	ASSERT_EQ(PAGE, size_of(h));
	ASSERT_TRUE(all_bytes(h, 0, 100, 0xab));
	ASSERT_TRUE(all_bytes(h, 100, PAGE - 100, 0));
	/* What was cut off comes back as zeroes. */
	ASSERT_EQ(ZX_OK, zx_vmo_set_size(h, PAGE * 2));
	ASSERT_TRUE(all_bytes(h, PAGE, PAGE, 0));
	ASSERT_EQ(ZX_ERR_OUT_OF_RANGE, zx_vmo_set_size(h, UINT64_MAX));
	ASSERT_EQ(ZX_OK, zx_handle_duplicate(h, ZX_RIGHT_READ, &ro));
	ASSERT_EQ(ZX_ERR_ACCESS_DENIED, zx_vmo_set_size(ro, PAGE));
	zx_handle_close(ro);
	zx_handle_close(h);
	zx_handle_close(fixed);
}

TEST(large_sparse_vmo)
{
	uint64_t size = 1ull << 32;
	zx_handle_t h = vmo(size, 0);
	char buf[8] = "sparse!";

	ASSERT_NE(ZX_HANDLE_INVALID, h);
	ASSERT_EQ(ZX_OK, zx_vmo_write(h, buf, size - sizeof(buf), sizeof(buf)));
	memset(buf, 0, sizeof(buf));
	ASSERT_EQ(ZX_OK, zx_vmo_read(h, buf, size - sizeof(buf), sizeof(buf)));
	ASSERT_STREQ("sparse!", buf);
	zx_handle_close(h);
}

TEST(op_range)
{
	zx_handle_t h = vmo(PAGE * 4, 0), ro;

	fill(h, 0, PAGE * 4, 0x5a);
	ASSERT_EQ(ZX_OK, zx_vmo_op_range(h, ZX_VMO_OP_COMMIT, 0, PAGE * 4, NULL, 0));
	ASSERT_TRUE(all_bytes(h, 0, PAGE * 4, 0x5a));
	ASSERT_EQ(ZX_OK, zx_vmo_op_range(h, ZX_VMO_OP_DECOMMIT, PAGE, PAGE, NULL, 0));
	ASSERT_TRUE(all_bytes(h, PAGE, PAGE, 0));
	ASSERT_TRUE(all_bytes(h, 0, PAGE, 0x5a));
	ASSERT_TRUE(all_bytes(h, PAGE * 2, PAGE * 2, 0x5a));
	ASSERT_EQ(ZX_ERR_INVALID_ARGS, zx_vmo_op_range(h, ZX_VMO_OP_DECOMMIT, 1, PAGE, NULL, 0));
	/* ZERO takes any range. */
	ASSERT_EQ(ZX_OK, zx_vmo_op_range(h, ZX_VMO_OP_ZERO, PAGE * 2 + 10, 20, NULL, 0));
	ASSERT_TRUE(all_bytes(h, PAGE * 2 + 10, 20, 0));
	ASSERT_TRUE(all_bytes(h, PAGE * 2, 10, 0x5a));
	ASSERT_TRUE(all_bytes(h, PAGE * 2 + 30, 10, 0x5a));

	ASSERT_EQ(ZX_ERR_OUT_OF_RANGE, zx_vmo_op_range(h, ZX_VMO_OP_COMMIT, PAGE * 3, PAGE * 2,
						       NULL, 0));
	ASSERT_EQ(ZX_ERR_OUT_OF_RANGE, zx_vmo_op_range(h, ZX_VMO_OP_ZERO, UINT64_MAX, 2, NULL, 0));
	ASSERT_EQ(ZX_ERR_NOT_SUPPORTED, zx_vmo_op_range(h, ZX_VMO_OP_LOCK, 0, PAGE, NULL, 0));
	ASSERT_EQ(ZX_ERR_NOT_SUPPORTED, zx_vmo_op_range(h, ZX_VMO_OP_UNLOCK, 0, PAGE, NULL, 0));
	ASSERT_EQ(ZX_ERR_INVALID_ARGS, zx_vmo_op_range(h, 5, 0, PAGE, NULL, 0));
	ASSERT_EQ(ZX_ERR_INVALID_ARGS, zx_vmo_op_range(h, 99, 0, PAGE, NULL, 0));
	ASSERT_EQ(ZX_OK, zx_vmo_op_range(h, ZX_VMO_OP_CACHE_SYNC, 0, PAGE, NULL, 0));
	ASSERT_EQ(ZX_ERR_INVALID_ARGS, zx_vmo_op_range(h, ZX_VMO_OP_CACHE_CLEAN, 0, 0, NULL, 0));
	ASSERT_EQ(ZX_ERR_OUT_OF_RANGE, zx_vmo_op_range(h, ZX_VMO_OP_CACHE_CLEAN, PAGE * 4, 1,
						       NULL, 0));

	ASSERT_EQ(ZX_OK, zx_handle_duplicate(h, ZX_RIGHT_READ, &ro));
	ASSERT_EQ(ZX_ERR_ACCESS_DENIED, zx_vmo_op_range(ro, ZX_VMO_OP_COMMIT, 0, PAGE, NULL, 0));
	ASSERT_EQ(ZX_ERR_ACCESS_DENIED, zx_vmo_op_range(ro, ZX_VMO_OP_DECOMMIT, 0, PAGE, NULL, 0));
	ASSERT_EQ(ZX_ERR_ACCESS_DENIED, zx_vmo_op_range(ro, ZX_VMO_OP_ZERO, 0, PAGE, NULL, 0));
	ASSERT_EQ(ZX_ERR_ACCESS_DENIED, zx_vmo_op_range(ro, ZX_VMO_OP_CACHE_INVALIDATE, 0, PAGE,
							NULL, 0));
	ASSERT_EQ(ZX_OK, zx_vmo_op_range(ro, ZX_VMO_OP_CACHE_CLEAN_INVALIDATE, 0, PAGE, NULL, 0));
	ASSERT_EQ(ZX_ERR_BAD_HANDLE, zx_vmo_op_range(0x4447, ZX_VMO_OP_COMMIT, 0, PAGE, NULL, 0));
	zx_handle_close(ro);
	zx_handle_close(h);
}

TEST(snapshot_child)
{
	zx_handle_t parent = vmo(PAGE * 4, 0), child, grandchild;
	zx_signals_t observed;

	ASSERT_EQ(ZX_OK, zx_object_wait_one(parent, ZX_VMO_ZERO_CHILDREN, 0, &observed));
	fill(parent, 0, PAGE * 2, 0x11);
	ASSERT_EQ(ZX_OK, zx_vmo_create_child(parent, ZX_VMO_CHILD_SNAPSHOT_AT_LEAST_ON_WRITE,
					     PAGE, PAGE * 6, &child));
	ASSERT_EQ(PAGE * 6, size_of(child));
	/* The child starts as the parent's range; past the parent's end: zeroes. */
	ASSERT_TRUE(all_bytes(child, 0, PAGE, 0x11));
	ASSERT_TRUE(all_bytes(child, PAGE, PAGE * 5, 0));
	ASSERT_EQ(ZX_ERR_TIMED_OUT, zx_object_wait_one(parent, ZX_VMO_ZERO_CHILDREN, 0, NULL));

	/* Writes never cross between them. */
	fill(child, 0, 16, 0x22);
	ASSERT_TRUE(all_bytes(parent, PAGE, 16, 0x11));
	fill(parent, PAGE * 2, PAGE, 0x33);
	ASSERT_TRUE(all_bytes(child, PAGE, PAGE, 0));

	ASSERT_EQ(ZX_OK, zx_vmo_create_child(child, ZX_VMO_CHILD_SNAPSHOT, 0, PAGE, &grandchild));
	ASSERT_TRUE(all_bytes(grandchild, 0, 16, 0x22));
	/* A snapshot gets WRITE and loses EXECUTE. */
	ASSERT_EQ(ZX_DEFAULT_VMO_RIGHTS, zx_test_basic(grandchild).rights);
	/* Children of children cannot decommit. */
	ASSERT_EQ(ZX_ERR_NOT_SUPPORTED, zx_vmo_op_range(child, ZX_VMO_OP_DECOMMIT, 0, PAGE,
							NULL, 0));
	ASSERT_EQ(ZX_ERR_UNAVAILABLE, zx_vmo_set_size(child, PAGE));

	zx_handle_close(grandchild);
	zx_handle_close(child);
	/* The last child gone: ZERO_CHILDREN again. */
	ASSERT_EQ(ZX_OK, zx_object_wait_one(parent, ZX_VMO_ZERO_CHILDREN, 0, NULL));
	zx_handle_close(parent);
}

TEST(child_options_and_rights)
{
	zx_handle_t parent = vmo(PAGE, 0), child = ZX_HANDLE_INVALID, weak, ro;
	char c = 1;

	ASSERT_EQ(ZX_ERR_INVALID_ARGS, zx_vmo_create_child(parent, 0, 0, PAGE, &child));
	ASSERT_EQ(ZX_ERR_INVALID_ARGS, zx_vmo_create_child(parent, ZX_VMO_CHILD_SNAPSHOT |
							   ZX_VMO_CHILD_SNAPSHOT_AT_LEAST_ON_WRITE,
							   0, PAGE, &child));
	ASSERT_EQ(ZX_ERR_INVALID_ARGS, zx_vmo_create_child(parent, ZX_VMO_CHILD_SNAPSHOT |
							   ZX_VMO_CHILD_NO_WRITE |
							   ZX_VMO_CHILD_RESIZABLE, 0, PAGE, &child));
	ASSERT_EQ(ZX_ERR_INVALID_ARGS, zx_vmo_create_child(parent, ZX_VMO_CHILD_SNAPSHOT | 1u << 9,
							   0, PAGE, &child));
	ASSERT_EQ(ZX_ERR_INVALID_ARGS, zx_vmo_create_child(parent, ZX_VMO_CHILD_SNAPSHOT, 100,
							   PAGE, &child));
	ASSERT_EQ(ZX_ERR_OUT_OF_RANGE, zx_vmo_create_child(parent, ZX_VMO_CHILD_SNAPSHOT, 0,
							   UINT64_MAX, &child));
	ASSERT_EQ(ZX_ERR_NOT_SUPPORTED, zx_vmo_create_child(parent, ZX_VMO_CHILD_SLICE, 0, PAGE,
							    &child));
	ASSERT_EQ(ZX_OK, zx_handle_duplicate(parent, ZX_RIGHT_READ, &weak));
	ASSERT_EQ(ZX_ERR_ACCESS_DENIED, zx_vmo_create_child(weak, ZX_VMO_CHILD_SNAPSHOT, 0, PAGE,
							    &child));
	ASSERT_EQ(ZX_HANDLE_INVALID, child);

	/* NO_WRITE: no WRITE right on the child. */
	ASSERT_EQ(ZX_OK, zx_vmo_create_child(parent, ZX_VMO_CHILD_SNAPSHOT | ZX_VMO_CHILD_NO_WRITE,
					     0, PAGE, &ro));
	ASSERT_EQ(0u, zx_test_basic(ro).rights & ZX_RIGHT_WRITE);
	ASSERT_EQ(ZX_ERR_ACCESS_DENIED, zx_vmo_write(ro, &c, 0, 1));
	/* RESIZABLE: the child may change size. */
	ASSERT_EQ(ZX_OK, zx_vmo_create_child(parent, ZX_VMO_CHILD_SNAPSHOT |
					     ZX_VMO_CHILD_RESIZABLE, 0, PAGE, &child));
	ASSERT_EQ(ZX_OK, zx_vmo_set_size(child, PAGE * 8));
	zx_handle_close(child);
	zx_handle_close(ro);
	zx_handle_close(weak);
	zx_handle_close(parent);
}

TEST(replace_as_executable)
{
	zx_handle_t h = vmo(PAGE, 0), x, ev = zx_test_event(), h2;

	ASSERT_EQ(0u, zx_test_basic(h).rights & ZX_RIGHT_EXECUTE);
	ASSERT_EQ(ZX_OK, zx_vmo_replace_as_executable(h, ZX_HANDLE_INVALID, &x));
	ASSERT_EQ(ZX_DEFAULT_VMO_RIGHTS | ZX_RIGHT_EXECUTE, zx_test_basic(x).rights);
	ASSERT_EQ(ZX_ERR_BAD_HANDLE, zx_handle_close(h));
	/* The source handle is consumed even when the call fails. */
	ASSERT_EQ(ZX_OK, zx_handle_duplicate(x, ZX_RIGHT_SAME_RIGHTS, &h2));
	ASSERT_EQ(ZX_ERR_WRONG_TYPE, zx_vmo_replace_as_executable(h2, ev, &h));
	ASSERT_EQ(ZX_ERR_BAD_HANDLE, zx_handle_close(h2));
	ASSERT_EQ(ZX_OK, zx_handle_duplicate(x, ZX_RIGHT_SAME_RIGHTS, &h2));
	ASSERT_EQ(ZX_ERR_BAD_HANDLE, zx_vmo_replace_as_executable(h2, 0x777b, &h));
	ASSERT_EQ(ZX_ERR_BAD_HANDLE, zx_handle_close(h2));
	ASSERT_EQ(ZX_ERR_WRONG_TYPE, zx_vmo_replace_as_executable(ev, ZX_HANDLE_INVALID, &h));
	ASSERT_EQ(ZX_ERR_BAD_HANDLE, zx_handle_close(ev));
	ASSERT_EQ(ZX_ERR_BAD_HANDLE, zx_vmo_replace_as_executable(0x3333, ZX_HANDLE_INVALID, &h));
	zx_handle_close(x);
}

TEST(names_and_leaks)
{
	char name[ZX_MAX_NAME_LEN];
	zx_handle_t h, child;
	int objects, handles;

	ASSERT_NE(ZX_HANDLE_INVALID, zx_job_default());
	objects = zx_test_live("objects");
	handles = zx_test_live("handles");
	h = vmo(PAGE, 0);
	ASSERT_EQ(ZX_OK, zx_object_set_property(h, ZX_PROP_NAME, "heap", 4));
	ASSERT_EQ(ZX_OK, zx_object_get_property(h, ZX_PROP_NAME, name, sizeof(name)));
	ASSERT_STREQ("heap", name);
	ASSERT_EQ(ZX_OK, zx_vmo_create_child(h, ZX_VMO_CHILD_SNAPSHOT, 0, PAGE, &child));
	/* The parent lives on while its child does. */
	zx_handle_close(h);
	ASSERT_EQ(objects + 2, zx_test_live("objects"));
	zx_handle_close(child);
	ASSERT_EQ(objects, zx_test_live("objects"));
	ASSERT_EQ(handles, zx_test_live("handles"));
}

TEST(info_vmo)
{
	zx_handle_t h = vmo(PAGE * 8, ZX_VMO_RESIZABLE), child, bare, ev = zx_test_event();
	zx_info_vmo_t info;
	zx_info_vmo_v1_t v1;
	size_t actual, avail;
	char page[PAGE];

	ASSERT_EQ(120u, sizeof(info));
	ASSERT_EQ(104u, sizeof(v1));
	ASSERT_EQ(ZX_OK, zx_object_set_property(h, ZX_PROP_NAME, "info", 4));
	ASSERT_EQ(ZX_OK, zx_object_get_info(h, ZX_INFO_VMO, &info, sizeof(info), &actual, &avail));
	ASSERT_EQ(1u, actual);
	ASSERT_EQ(zx_test_basic(h).koid, info.koid);
	ASSERT_STREQ("info", info.name);
	ASSERT_EQ(PAGE * 8, info.size_bytes);
	ASSERT_EQ(0u, info.parent_koid);
	ASSERT_EQ(0u, info.num_children);
	ASSERT_EQ(ZX_INFO_VMO_TYPE_PAGED | ZX_INFO_VMO_RESIZABLE | ZX_INFO_VMO_VIA_HANDLE,
		  info.flags);
	ASSERT_EQ(ZX_DEFAULT_VMO_RIGHTS, info.handle_rights);
	ASSERT_EQ(0u, info.committed_bytes);
	/* Writing commits pages. */
	memset(page, 1, sizeof(page));
	ASSERT_EQ(ZX_OK, zx_vmo_write(h, page, PAGE * 2, PAGE));
	ASSERT_EQ(ZX_OK, zx_vmo_write(h, page, PAGE * 5, PAGE));
	ASSERT_EQ(ZX_OK, zx_object_get_info(h, ZX_INFO_VMO, &info, sizeof(info), NULL, NULL));
	ASSERT_EQ(PAGE * 2, info.committed_bytes);

	ASSERT_EQ(ZX_OK, zx_vmo_create_child(h, ZX_VMO_CHILD_SNAPSHOT, 0, PAGE * 8, &child));
	ASSERT_EQ(ZX_OK, zx_object_get_info(h, ZX_INFO_VMO_V1, &v1, sizeof(v1), NULL, NULL));
	ASSERT_EQ(1u, v1.num_children);
	ASSERT_EQ(ZX_OK, zx_object_get_info(child, ZX_INFO_VMO, &info, sizeof(info), NULL, NULL));
	ASSERT_EQ(zx_test_basic(h).koid, info.parent_koid);
	ASSERT_TRUE(info.flags & ZX_INFO_VMO_IS_COW_CLONE);
	/* The eager copy skipped the holes: only the two written pages. */
	ASSERT_EQ(PAGE * 2, info.committed_bytes);

	ASSERT_EQ(ZX_ERR_BUFFER_TOO_SMALL, zx_object_get_info(h, ZX_INFO_VMO, &info, sizeof(v1),
							       &actual, &avail));
	ASSERT_EQ(0u, actual);
	ASSERT_EQ(1u, avail);
	ASSERT_EQ(ZX_OK, zx_handle_duplicate(h, ZX_RIGHT_READ, &bare));
	ASSERT_EQ(ZX_ERR_ACCESS_DENIED, zx_object_get_info(bare, ZX_INFO_VMO, &info, sizeof(info),
							    NULL, NULL));
	ASSERT_EQ(ZX_ERR_WRONG_TYPE, zx_object_get_info(ev, ZX_INFO_VMO, &info, sizeof(info),
							 NULL, NULL));
	zx_handle_close(bare);
	zx_handle_close(ev);
	zx_handle_close(child);
	zx_handle_close(h);
}

TEST_HARNESS_MAIN
