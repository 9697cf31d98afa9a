// SPDX-License-Identifier: MIT
/*
 * VMARs on the calling process's own address space: zx_vmar_root_self,
 * zx_vmar_map, zx_vmar_unmap, zx_vmar_protect, ZX_INFO_VMAR; shared pages
 * between mappings and processes; and that memory the VMAR did not map is
 * never touched.
 */
#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#include "zx_test.h"

#define PAGE 4096u

static zx_handle_t vmo(uint64_t size)
{
	zx_handle_t h = ZX_HANDLE_INVALID;

	zx_vmo_create(size, 0, &h);
	return h;
}

static zx_vaddr_t map(zx_handle_t v, uint32_t perms, uint64_t off, size_t len)
{
	zx_vaddr_t addr = 0;

	if (zx_vmar_map(zx_vmar_root_self(), perms, 0, v, off, len, &addr) != ZX_OK)
		return 0;
	return addr;
}

/* Does touching @addr (reading, or writing when @write) kill a child? */
static int faults(volatile char *addr, int write)
{
	int status;
	pid_t pid = fork();

	if (pid == 0) {
		if (write)
			*addr = 1;
		else
			(void)*addr;
		_exit(0);
	}
	waitpid(pid, &status, 0);
	return WIFSIGNALED(status) && (WTERMSIG(status) == SIGSEGV || WTERMSIG(status) == SIGBUS);
}

#define RW (ZX_VM_PERM_READ | ZX_VM_PERM_WRITE)

TEST(root_vmar)
{
	zx_handle_t root = zx_vmar_root_self();
	zx_info_vmar_t info;

	ASSERT_NE(ZX_HANDLE_INVALID, root);
	ASSERT_EQ(root, zx_vmar_root_self());
	ASSERT_EQ(ZX_OBJ_TYPE_VMAR, zx_test_basic(root).type);
	ASSERT_EQ(ZX_DEFAULT_VMAR_RIGHTS | ZX_RIGHT_READ | ZX_RIGHT_WRITE | ZX_RIGHT_EXECUTE,
		  zx_test_basic(root).rights);
	ASSERT_EQ(ZX_OK, zx_object_get_info(root, ZX_INFO_VMAR, &info, sizeof(info), NULL, NULL));
	ASSERT_EQ(0x200000u, info.base);
	ASSERT_EQ(0x7FFFFEFFF000u - 0x200000u, info.len);
	/* VMARs have no WAIT right. */
	ASSERT_EQ(ZX_ERR_ACCESS_DENIED, zx_object_wait_one(root, 1, 0, NULL));
}

TEST(mappings_share_the_vmo_pages)
{
	zx_handle_t v = vmo(PAGE * 2);
	char *a = (char *)map(v, RW, 0, PAGE * 2), *b = (char *)map(v, ZX_VM_PERM_READ, PAGE, PAGE);
	char buf[6] = { 0 };
	zx_info_vmar_t info;

	ASSERT_NE(NULL, a);
	ASSERT_NE(NULL, b);
	zx_object_get_info(zx_vmar_root_self(), ZX_INFO_VMAR, &info, sizeof(info), NULL, NULL);
	ASSERT_GE((uintptr_t)a, info.base);
	ASSERT_LE((uintptr_t)a + PAGE * 2, info.base + info.len);
	strcpy(a + PAGE, "hello");
	ASSERT_STREQ("hello", b);
	ASSERT_EQ(ZX_OK, zx_vmo_read(v, buf, PAGE, 5));
	ASSERT_STREQ("hello", buf);
	ASSERT_EQ(ZX_OK, zx_vmo_write(v, "world", PAGE, 5));
	ASSERT_STREQ("world", a + PAGE);
	/* A read-only mapping cannot be written. */
	ASSERT_TRUE(faults(b, 1));
	ASSERT_FALSE(faults(b, 0));
	ASSERT_EQ(ZX_OK, zx_vmar_unmap(zx_vmar_root_self(), (zx_vaddr_t)a, PAGE * 2));
	ASSERT_EQ(ZX_OK, zx_vmar_unmap(zx_vmar_root_self(), (zx_vaddr_t)b, PAGE));
	zx_handle_close(v);
}

TEST(specific_never_replaces_foreign_memory)
{
	zx_handle_t v = vmo(PAGE), root = zx_vmar_root_self();
	char *anon = mmap(NULL, PAGE * 3, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS,
			  -1, 0);
	zx_vaddr_t addr;
	size_t off = (uintptr_t)anon - 0x200000;

	ASSERT_NE(MAP_FAILED, anon);
	strcpy(anon + PAGE, "mine");
	ASSERT_EQ(ZX_ERR_ALREADY_EXISTS, zx_vmar_map(root, RW | ZX_VM_SPECIFIC, off + PAGE, v, 0,
						     PAGE, &addr));
	ASSERT_EQ(ZX_ERR_ALREADY_EXISTS, zx_vmar_map(root, RW | ZX_VM_SPECIFIC_OVERWRITE,
						     off + PAGE, v, 0, PAGE, &addr));
	ASSERT_STREQ("mine", anon + PAGE);
	/* Unmap and protect leave memory the VMAR did not map alone. */
	ASSERT_EQ(ZX_ERR_NOT_FOUND, zx_vmar_unmap(root, (zx_vaddr_t)anon, PAGE * 3));
	ASSERT_EQ(ZX_ERR_NOT_FOUND, zx_vmar_protect(root, ZX_VM_PERM_READ, (zx_vaddr_t)anon, PAGE));
	ASSERT_STREQ("mine", anon + PAGE);
	/* A free spot is fine, and the address is exactly the one asked for. */
	munmap(anon + PAGE, PAGE);
	ASSERT_EQ(ZX_OK, zx_vmar_map(root, RW | ZX_VM_SPECIFIC, off + PAGE, v, 0, PAGE, &addr));
	ASSERT_EQ((zx_vaddr_t)anon + PAGE, addr);
	/* An unmap over ours and foreign pages takes only ours. */
	ASSERT_EQ(ZX_OK, zx_vmar_unmap(root, (zx_vaddr_t)anon, PAGE * 3));
	ASSERT_TRUE(faults(anon + PAGE, 0));
	anon[0] = 1;
	anon[PAGE * 2] = 2;
	munmap(anon, PAGE * 3);
	zx_handle_close(v);
}

TEST(specific_overwrite_replaces_our_own_mapping)
{
	zx_handle_t v1 = vmo(PAGE * 2), v2 = vmo(PAGE), root = zx_vmar_root_self();
	char *a = (char *)map(v1, RW, 0, PAGE * 2);
	zx_vaddr_t addr;

	ASSERT_NE(NULL, a);
	zx_vmo_write(v2, "two", 0, 4);
	strcpy(a, "one");
	strcpy(a + PAGE, "keep");
	ASSERT_EQ(ZX_OK, zx_vmar_map(root, RW | ZX_VM_SPECIFIC_OVERWRITE, (uintptr_t)a - 0x200000,
				     v2, 0, PAGE, &addr));
	ASSERT_EQ((zx_vaddr_t)a, addr);
	ASSERT_STREQ("two", a);
	ASSERT_STREQ("keep", a + PAGE);
	ASSERT_EQ(ZX_OK, zx_vmar_unmap(root, (zx_vaddr_t)a, PAGE * 2));
	zx_handle_close(v1);
	zx_handle_close(v2);
}

TEST(map_rights)
{
	zx_handle_t v = vmo(PAGE), nomap, ro, x, root = zx_vmar_root_self(), rvmar, ev;
	zx_vaddr_t addr;

	ASSERT_EQ(ZX_OK, zx_handle_duplicate(v, ZX_DEFAULT_VMO_RIGHTS & ~ZX_RIGHT_MAP, &nomap));
	ASSERT_EQ(ZX_ERR_ACCESS_DENIED, zx_vmar_map(root, ZX_VM_PERM_READ, 0, nomap, 0, PAGE,
						    &addr));
	ASSERT_EQ(ZX_OK, zx_handle_duplicate(v, ZX_RIGHT_MAP | ZX_RIGHT_READ, &ro));
	ASSERT_EQ(ZX_ERR_ACCESS_DENIED, zx_vmar_map(root, RW, 0, ro, 0, PAGE, &addr));
	/* New VMOs cannot be mapped executable... */
	ASSERT_EQ(ZX_ERR_ACCESS_DENIED, zx_vmar_map(root, ZX_VM_PERM_READ | ZX_VM_PERM_EXECUTE, 0,
						    v, 0, PAGE, &addr));
	/* ...until zx_vmo_replace_as_executable. */
	ASSERT_EQ(ZX_OK, zx_handle_duplicate(v, ZX_RIGHT_SAME_RIGHTS, &x));
	ASSERT_EQ(ZX_OK, zx_vmo_replace_as_executable(x, ZX_HANDLE_INVALID, &x));
	ASSERT_EQ(ZX_OK, zx_vmar_map(root, ZX_VM_PERM_READ | ZX_VM_PERM_EXECUTE, 0, x, 0, PAGE,
				     &addr));
	ASSERT_EQ(ZX_OK, zx_vmar_unmap(root, addr, PAGE));
	/* The VMAR handle's rights bound the permissions too. */
	ASSERT_EQ(ZX_OK, zx_handle_duplicate(root, ZX_DEFAULT_VMAR_RIGHTS | ZX_RIGHT_READ, &rvmar));
	ASSERT_EQ(ZX_ERR_ACCESS_DENIED, zx_vmar_map(rvmar, RW, 0, v, 0, PAGE, &addr));
	ASSERT_EQ(ZX_OK, zx_vmar_map(rvmar, ZX_VM_PERM_READ, 0, v, 0, PAGE, &addr));
	ASSERT_EQ(ZX_ERR_ACCESS_DENIED, zx_vmar_protect(rvmar, RW, addr, PAGE));
	ASSERT_EQ(ZX_OK, zx_vmar_unmap(rvmar, addr, PAGE));
	ev = zx_test_event();
	ASSERT_EQ(ZX_ERR_WRONG_TYPE, zx_vmar_map(ev, ZX_VM_PERM_READ, 0, v, 0, PAGE, &addr));
	ASSERT_EQ(ZX_ERR_WRONG_TYPE, zx_vmar_map(root, 0, 0, ev, 0, PAGE, &addr));
	ASSERT_EQ(ZX_ERR_BAD_HANDLE, zx_vmar_map(root, 0, 0, 0x1233, 0, PAGE, &addr));
	zx_handle_close(ev);
	zx_handle_close(rvmar);
	zx_handle_close(x);
	zx_handle_close(ro);
	zx_handle_close(nomap);
	zx_handle_close(v);
}

TEST(map_invalid_args)
{
	zx_handle_t v = vmo(PAGE), root = zx_vmar_root_self();
	zx_vaddr_t addr;
	int handles = zx_test_live("handles");

	ASSERT_EQ(ZX_ERR_INVALID_ARGS, zx_vmar_map(root, RW, 0, v, 0, 0, &addr));
	ASSERT_EQ(ZX_ERR_INVALID_ARGS, zx_vmar_map(root, ZX_VM_PERM_WRITE, 0, v, 0, PAGE, &addr));
	ASSERT_EQ(ZX_ERR_INVALID_ARGS, zx_vmar_map(root, RW, 0, v, 100, PAGE, &addr));
	ASSERT_EQ(ZX_ERR_INVALID_ARGS, zx_vmar_map(root, RW, PAGE, v, 0, PAGE, &addr));
	ASSERT_EQ(ZX_ERR_INVALID_ARGS, zx_vmar_map(root, RW | ZX_VM_SPECIFIC, 100, v, 0, PAGE,
						   &addr));
	ASSERT_EQ(ZX_ERR_INVALID_ARGS, zx_vmar_map(root, RW | (1u << 20), 0, v, 0, PAGE, &addr));
	/* Outside the root VMAR (its top 16 MiB belong to the emulation). */
	ASSERT_EQ(ZX_ERR_INVALID_ARGS, zx_vmar_map(root, RW | ZX_VM_SPECIFIC,
						   0x7FFFFEFFF000u - 0x200000u, v, 0, PAGE,
						   &addr));
	ASSERT_EQ(ZX_ERR_OUT_OF_RANGE, zx_vmar_map(root, RW, 0, v, UINT64_MAX & ~4095ull,
						   PAGE * 2, &addr));
	/* A bad out pointer leaves nothing mapped behind. */
	ASSERT_EQ(ZX_ERR_INVALID_ARGS, zx_vmar_map(root, RW, 0, v, 0, PAGE, (zx_vaddr_t *)8));
	ASSERT_EQ(handles, zx_test_live("handles"));
	ASSERT_EQ(ZX_ERR_INVALID_ARGS, zx_vmar_unmap(root, 0x200001, PAGE));
	ASSERT_EQ(ZX_ERR_INVALID_ARGS, zx_vmar_unmap(root, 0x200000, 0));
	ASSERT_EQ(ZX_ERR_INVALID_ARGS, zx_vmar_unmap(root, 0x1000, PAGE));
	ASSERT_EQ(ZX_ERR_INVALID_ARGS, zx_vmar_protect(root, ZX_VM_PERM_WRITE, 0x200000, PAGE));
	zx_handle_close(v);
}

TEST(partial_unmap_and_protect)
{
	zx_handle_t v = vmo(PAGE * 3), root = zx_vmar_root_self();
	char *a = (char *)map(v, RW, 0, PAGE * 3);

	ASSERT_NE(NULL, a);
	strcpy(a, "p0");
	strcpy(a + PAGE * 2, "p2");
	ASSERT_EQ(ZX_OK, zx_vmar_unmap(root, (zx_vaddr_t)a + PAGE, PAGE));
	ASSERT_TRUE(faults(a + PAGE, 0));
	ASSERT_STREQ("p0", a);
	ASSERT_STREQ("p2", a + PAGE * 2);
	/* The hole is not ours any more: protect across it fails. */
	ASSERT_EQ(ZX_ERR_NOT_FOUND, zx_vmar_protect(root, ZX_VM_PERM_READ, (zx_vaddr_t)a,
						    PAGE * 3));
	ASSERT_EQ(ZX_OK, zx_vmar_protect(root, ZX_VM_PERM_READ, (zx_vaddr_t)a + PAGE * 2, PAGE));
	ASSERT_TRUE(faults(a + PAGE * 2, 1));
	ASSERT_FALSE(faults(a, 1));
	ASSERT_STREQ("p2", a + PAGE * 2);
	ASSERT_EQ(ZX_OK, zx_vmar_protect(root, RW, (zx_vaddr_t)a + PAGE * 2, PAGE));
	ASSERT_FALSE(faults(a + PAGE * 2, 1));
	/* Beyond what the rights at map time allowed. */
	ASSERT_EQ(ZX_ERR_ACCESS_DENIED, zx_vmar_protect(root, RW | ZX_VM_PERM_EXECUTE,
							(zx_vaddr_t)a, PAGE));
	ASSERT_EQ(ZX_OK, zx_vmar_unmap(root, (zx_vaddr_t)a, PAGE * 3));
	ASSERT_EQ(ZX_ERR_NOT_FOUND, zx_vmar_unmap(root, (zx_vaddr_t)a, PAGE * 3));
	zx_handle_close(v);
}

TEST(snapshot_child_mapping_does_not_leak_writes)
{
	zx_handle_t parent = vmo(PAGE), child;
	char *p, *c;

	zx_vmo_write(parent, "orig", 0, 5);
	ASSERT_EQ(ZX_OK, zx_vmo_create_child(parent, ZX_VMO_CHILD_SNAPSHOT_AT_LEAST_ON_WRITE, 0,
					     PAGE, &child));
	p = (char *)map(parent, RW, 0, PAGE);
	c = (char *)map(child, RW, 0, PAGE);
	ASSERT_STREQ("orig", c);
	strcpy(c, "kid");
	ASSERT_STREQ("orig", p);
	zx_vmar_unmap(zx_vmar_root_self(), (zx_vaddr_t)p, PAGE);
	zx_vmar_unmap(zx_vmar_root_self(), (zx_vaddr_t)c, PAGE);
	zx_handle_close(child);
	zx_handle_close(parent);
}

TEST(map_range_commits_pages)
{
	zx_handle_t v = vmo(PAGE * 4);
	zx_info_vmo_t info;
	zx_vaddr_t a = map(v, RW | ZX_VM_MAP_RANGE, 0, PAGE * 4);

	ASSERT_NE(0u, a);
	ASSERT_EQ(ZX_OK, zx_object_get_info(v, ZX_INFO_VMO, &info, sizeof(info), NULL, NULL));
	ASSERT_EQ(PAGE * 4, info.committed_bytes);
	zx_vmar_unmap(zx_vmar_root_self(), a, PAGE * 4);
	zx_handle_close(v);
}

TEST(two_processes_map_one_vmo)
{
	zx_handle_t v = vmo(PAGE), dup;
	volatile char *mine = (volatile char *)map(v, RW, 0, PAGE);
	int fd, status;
	pid_t pid;

	ASSERT_NE(NULL, mine);
	ASSERT_EQ(ZX_OK, zx_handle_duplicate(v, ZX_RIGHT_SAME_RIGHTS, &dup));
	ASSERT_EQ(ZX_OK, zx_linux_handle_to_fd(dup, 0, &fd));
	/* Drop the inherited view so the child only sees its own mapping. */
	pid = fork();
	ASSERT_GE(pid, 0);
	if (pid == 0) {
		zx_handle_t h;
		volatile char *theirs;

		munmap((void *)mine, PAGE);
		if (zx_linux_fd_to_handle(fd, &h) != ZX_OK)
			_exit(1);
		theirs = (volatile char *)map(h, RW, 0, PAGE);
		if (!theirs)
			_exit(2);
		while (theirs[0] != 'P')	/* the parent's write, seen here */
			usleep(1000);
		theirs[1] = 'C';
		_exit(0);
	}
	close(fd);
	mine[0] = 'P';
	ASSERT_EQ(pid, waitpid(pid, &status, 0));
	ASSERT_EQ(0, WEXITSTATUS(status));
	ASSERT_EQ('C', mine[1]);
	zx_vmar_unmap(zx_vmar_root_self(), (zx_vaddr_t)mine, PAGE);
	zx_handle_close(v);
}

TEST(vmar_of_another_process_is_not_supported_yet)
{
	zx_handle_t root = zx_vmar_root_self(), dup, v = vmo(PAGE);
	int fd, status;
	pid_t pid;

	ASSERT_EQ(ZX_OK, zx_handle_duplicate(root, ZX_RIGHT_SAME_RIGHTS, &dup));
	ASSERT_EQ(ZX_OK, zx_linux_handle_to_fd(dup, 0, &fd));
	ASSERT_EQ(ZX_OK, zx_handle_duplicate(v, ZX_RIGHT_SAME_RIGHTS, &dup));
	pid = fork();
	ASSERT_GE(pid, 0);
	if (pid == 0) {
		zx_handle_t theirs, mv;
		zx_vaddr_t addr;

		if (zx_linux_fd_to_handle(fd, &theirs) || zx_vmo_create(PAGE, 0, &mv))
			_exit(1);
		_exit(zx_vmar_map(theirs, RW, 0, mv, 0, PAGE, &addr) == ZX_ERR_NOT_SUPPORTED ?
		      0 : 2);
	}
	close(fd);
	ASSERT_EQ(pid, waitpid(pid, &status, 0));
	ASSERT_EQ(0, WEXITSTATUS(status));
	zx_handle_close(dup);
	zx_handle_close(v);
}

static int valid_handle(zx_handle_t h)
{
	return zx_object_get_info(h, ZX_INFO_HANDLE_VALID, NULL, 0, NULL, NULL) == ZX_OK;
}

/* Is [addr, addr + len) taken (by anything) in the Linux address space? */
static int taken(zx_vaddr_t addr, size_t len)
{
	void *p = mmap((void *)addr, len, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS |
		       MAP_FIXED_NOREPLACE, -1, 0);

	if (p == MAP_FAILED)
		return errno == EEXIST;
	munmap(p, len);
	return 0;
}

#define CAN_RW (ZX_VM_CAN_MAP_READ | ZX_VM_CAN_MAP_WRITE)

TEST(sub_region_places_and_reserves)
{
	zx_handle_t root = zx_vmar_root_self(), child, v = vmo(PAGE * 4);
	zx_vaddr_t base, a, b;
	zx_info_vmar_t info;

	ASSERT_EQ(ZX_OK, zx_vmar_allocate(root, CAN_RW | ZX_VM_CAN_MAP_SPECIFIC, 0, PAGE * 8,
					  &child, &base));
	ASSERT_EQ(ZX_OK, zx_object_get_info(child, ZX_INFO_VMAR, &info, sizeof(info), NULL, NULL));
	ASSERT_EQ(base, info.base);
	ASSERT_EQ(PAGE * 8, info.len);
	ASSERT_EQ(ZX_DEFAULT_VMAR_RIGHTS | ZX_RIGHT_READ | ZX_RIGHT_WRITE,
		  zx_test_basic(child).rights);
	/* The whole range is reserved against Linux's own placement. */
	ASSERT_TRUE(taken(base, PAGE));
	ASSERT_TRUE(taken(base + PAGE * 7, PAGE));
	ASSERT_TRUE(faults((char *)base, 0));

	/* First fit, then exactly where asked. */
	ASSERT_EQ(ZX_OK, zx_vmar_map(child, RW, 0, v, 0, PAGE * 2, &a));
	ASSERT_EQ(base, a);
	ASSERT_EQ(ZX_OK, zx_vmar_map(child, RW | ZX_VM_SPECIFIC, PAGE * 4, v, PAGE * 2, PAGE * 2,
				     &b));
	ASSERT_EQ(base + PAGE * 4, b);
	strcpy((char *)a, "front");
	ASSERT_EQ(ZX_OK, zx_vmo_write(v, "back", PAGE * 2, 5));
	ASSERT_STREQ("back", (char *)b);
	ASSERT_EQ(ZX_ERR_ALREADY_EXISTS, zx_vmar_map(child, RW | ZX_VM_SPECIFIC, PAGE, v, 0,
						     PAGE * 2, &a));
	ASSERT_EQ(ZX_ERR_NO_RESOURCES, zx_vmar_map(child, RW, 0, v, 0, PAGE * 3, &a));
	ASSERT_EQ(ZX_ERR_ACCESS_DENIED, zx_vmar_map(child, ZX_VM_PERM_READ | ZX_VM_PERM_EXECUTE,
						    0, v, 0, PAGE, &a));
	ASSERT_EQ(ZX_ERR_INVALID_ARGS, zx_vmar_map(child, RW | ZX_VM_SPECIFIC, PAGE * 8, v, 0,
						   PAGE, &a));

	/* Unmapping puts the reservation back. */
	ASSERT_EQ(ZX_OK, zx_vmar_unmap(child, base, PAGE * 2));
	ASSERT_TRUE(faults((char *)base, 0));
	ASSERT_TRUE(taken(base, PAGE));
	/* Destroying gives the range back to Linux and ends the region. */
	ASSERT_EQ(ZX_OK, zx_vmar_destroy(child));
	ASSERT_FALSE(taken(base, PAGE * 8));
	ASSERT_EQ(ZX_ERR_BAD_STATE, zx_vmar_destroy(child));
	ASSERT_EQ(ZX_ERR_BAD_STATE, zx_vmar_map(child, RW, 0, v, 0, PAGE, &a));
	ASSERT_EQ(ZX_ERR_BAD_STATE, zx_vmar_unmap(child, base, PAGE));
	zx_handle_close(child);
	zx_handle_close(v);
}

TEST(nested_regions)
{
	zx_handle_t root = zx_vmar_root_self(), outer, inner, v = vmo(PAGE);
	zx_vaddr_t obase, ibase, a;

	ASSERT_EQ(ZX_OK, zx_vmar_allocate(root, CAN_RW | ZX_VM_CAN_MAP_SPECIFIC, 0, PAGE * 16,
					  &outer, &obase));
	/* Children are bounded by their parent. */
	ASSERT_EQ(ZX_ERR_ACCESS_DENIED, zx_vmar_allocate(outer, ZX_VM_CAN_MAP_EXECUTE, 0, PAGE,
							 &inner, &ibase));
	ASSERT_EQ(ZX_OK, zx_vmar_allocate(outer, ZX_VM_CAN_MAP_READ | ZX_VM_SPECIFIC, PAGE * 8,
					  PAGE * 4, &inner, &ibase));
	ASSERT_EQ(obase + PAGE * 8, ibase);
	/* No SPECIFIC inside a region without CAN_MAP_SPECIFIC. */
	ASSERT_EQ(ZX_ERR_ACCESS_DENIED, zx_vmar_map(inner, ZX_VM_PERM_READ | ZX_VM_SPECIFIC, 0, v,
						    0, PAGE, &a));
	ASSERT_EQ(ZX_ERR_ACCESS_DENIED, zx_vmar_map(inner, RW, 0, v, 0, PAGE, &a));
	ASSERT_EQ(ZX_OK, zx_vmar_map(inner, ZX_VM_PERM_READ, 0, v, 0, PAGE, &a));
	ASSERT_EQ(ibase, a);
	/* The sibling space in the parent is taken by the child. */
	ASSERT_EQ(ZX_ERR_ALREADY_EXISTS, zx_vmar_map(outer, RW | ZX_VM_SPECIFIC, PAGE * 9, v, 0,
						     PAGE, &a));
	ASSERT_EQ(ZX_ERR_ALREADY_EXISTS, zx_vmar_allocate(outer, ZX_VM_CAN_MAP_READ |
							  ZX_VM_SPECIFIC, PAGE * 10, PAGE,
							  &v, &a));
	/* An unmap across a child's edge is refused; one covering it ends it. */
	ASSERT_EQ(ZX_ERR_INVALID_ARGS, zx_vmar_unmap(outer, obase + PAGE * 7, PAGE * 2));
	ASSERT_EQ(ZX_OK, zx_vmar_unmap(outer, obase + PAGE * 8, PAGE * 4));
	ASSERT_EQ(ZX_ERR_BAD_STATE, zx_vmar_map(inner, ZX_VM_PERM_READ, 0, v, 0, PAGE, &a));
	ASSERT_TRUE(faults((char *)ibase, 0));
	ASSERT_TRUE(taken(ibase, PAGE));	/* still the outer region's */
	ASSERT_EQ(ZX_OK, zx_vmar_destroy(outer));
	ASSERT_FALSE(taken(obase, PAGE * 16));
	zx_handle_close(inner);
	zx_handle_close(outer);
	zx_handle_close(v);
}

TEST(foreign_memory_inside_a_region_is_never_replaced)
{
	zx_handle_t root = zx_vmar_root_self(), child, v = vmo(PAGE);
	zx_vaddr_t base, a;
	char *foreign;

	ASSERT_EQ(ZX_OK, zx_vmar_allocate(root, CAN_RW | ZX_VM_CAN_MAP_SPECIFIC, 0, PAGE * 2,
					  &child, &base));
	/* The program replaces part of the reservation with its own memory. */
	foreign = mmap((void *)base, PAGE, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
	ASSERT_EQ((void *)base, foreign);
	strcpy(foreign, "foreign");
	/* First fit would pick that page: refused rather than clobbered. */
	ASSERT_EQ(ZX_ERR_BAD_STATE, zx_vmar_map(child, RW, 0, v, 0, PAGE, &a));
	ASSERT_EQ(ZX_ERR_BAD_STATE, zx_vmar_map(child, RW | ZX_VM_SPECIFIC, 0, v, 0, PAGE, &a));
	ASSERT_EQ(ZX_ERR_BAD_STATE, zx_vmar_map(child, RW | ZX_VM_SPECIFIC_OVERWRITE, 0, v, 0,
						PAGE, &a));
	ASSERT_STREQ("foreign", foreign);
	/* The untouched page is still usable. */
	ASSERT_EQ(ZX_OK, zx_vmar_map(child, RW | ZX_VM_SPECIFIC, PAGE, v, 0, PAGE, &a));
	ASSERT_EQ(base + PAGE, a);
	/* Destroying leaves the foreign page alone. */
	ASSERT_EQ(ZX_OK, zx_vmar_destroy(child));
	ASSERT_STREQ("foreign", foreign);
	munmap(foreign, PAGE * 2);
	zx_handle_close(child);
	zx_handle_close(v);
}

TEST(region_outlives_its_handle)
{
	zx_handle_t root = zx_vmar_root_self(), child, v = vmo(PAGE);
	zx_vaddr_t base, a;

	ASSERT_EQ(ZX_OK, zx_vmar_allocate(root, CAN_RW, 0, PAGE * 2, &child, &base));
	ASSERT_EQ(ZX_OK, zx_vmar_map(child, RW, 0, v, 0, PAGE, &a));
	strcpy((char *)a, "stays");
	ASSERT_EQ(ZX_OK, zx_handle_close(child));
	ASSERT_STREQ("stays", (char *)a);
	ASSERT_TRUE(taken(base + PAGE, PAGE));
	/* It goes with an unmap of the parent that covers it. */
	ASSERT_EQ(ZX_OK, zx_vmar_unmap(root, base, PAGE * 2));
	ASSERT_FALSE(taken(base, PAGE * 2));
	zx_handle_close(v);
}

TEST(allocate_and_destroy_errors)
{
	zx_handle_t root = zx_vmar_root_self(), child, weak, ev = zx_test_event();
	char *anon = mmap(NULL, PAGE, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	zx_vaddr_t addr;

	ASSERT_EQ(ZX_ERR_INVALID_ARGS, zx_vmar_allocate(root, CAN_RW, 0, 0, &child, &addr));
	ASSERT_EQ(ZX_ERR_INVALID_ARGS, zx_vmar_allocate(root, ZX_VM_PERM_READ, 0, PAGE, &child,
							&addr));
	ASSERT_EQ(ZX_ERR_INVALID_ARGS, zx_vmar_allocate(root, CAN_RW, PAGE, PAGE, &child, &addr));
	ASSERT_EQ(ZX_ERR_ALREADY_EXISTS, zx_vmar_allocate(root, CAN_RW | ZX_VM_SPECIFIC,
							  (uintptr_t)anon - 0x200000, PAGE,
							  &child, &addr));
	ASSERT_EQ(ZX_ERR_WRONG_TYPE, zx_vmar_allocate(ev, CAN_RW, 0, PAGE, &child, &addr));
	ASSERT_EQ(ZX_OK, zx_handle_duplicate(root, ZX_DEFAULT_VMAR_RIGHTS | ZX_RIGHT_READ, &weak));
	ASSERT_EQ(ZX_ERR_ACCESS_DENIED, zx_vmar_allocate(weak, CAN_RW, 0, PAGE, &child, &addr));
	ASSERT_EQ(ZX_ERR_NOT_SUPPORTED, zx_vmar_destroy(root));
	ASSERT_EQ(ZX_OK, zx_vmar_allocate(root, ZX_VM_CAN_MAP_READ, 0, PAGE, &child, &addr));
	zx_handle_close(weak);
	ASSERT_EQ(ZX_OK, zx_handle_duplicate(child, ZX_RIGHT_INSPECT, &weak));
	ASSERT_EQ(ZX_ERR_ACCESS_DENIED, zx_vmar_destroy(weak));
	ASSERT_EQ(ZX_ERR_WRONG_TYPE, zx_vmar_destroy(ev));
	/* A bad out pointer leaves no region behind. */
	{
		int objects = zx_test_live("objects");
		zx_handle_t lost;

		ASSERT_EQ(ZX_ERR_INVALID_ARGS, zx_vmar_allocate(root, CAN_RW, 0, PAGE, &lost,
								(zx_vaddr_t *)8));
		ASSERT_EQ(objects, zx_test_live("objects"));
		ASSERT_FALSE(valid_handle(lost));
	}
	ASSERT_EQ(ZX_OK, zx_vmar_destroy(child));
	zx_handle_close(child);
	zx_handle_close(weak);
	zx_handle_close(ev);
	munmap(anon, PAGE);
}

TEST(deep_tree_is_destroyed_without_recursion)
{
	zx_handle_t root = zx_vmar_root_self(), top, cur, next;
	zx_vaddr_t base, addr;
	int objects, depth;

	objects = zx_test_live("objects");
	ASSERT_EQ(ZX_OK, zx_vmar_allocate(root, ZX_VM_CAN_MAP_READ, 0, PAGE * 4, &top, &base));
	cur = top;
	for (depth = 0; depth < 1000; depth++) {
		ASSERT_EQ(ZX_OK, zx_vmar_allocate(cur, ZX_VM_CAN_MAP_READ, 0, PAGE * 4, &next,
						  &addr));
		ASSERT_EQ(base, addr);
		if (cur != top)
			zx_handle_close(cur);	/* the parent keeps it */
		cur = next;
	}
	ASSERT_EQ(objects + 1001, zx_test_live("objects"));
	ASSERT_EQ(ZX_OK, zx_vmar_destroy(top));
	ASSERT_EQ(ZX_ERR_BAD_STATE, zx_vmar_allocate(cur, ZX_VM_CAN_MAP_READ, 0, PAGE, &next,
						     &addr));
	zx_handle_close(cur);
	zx_handle_close(top);
	ASSERT_EQ(objects, zx_test_live("objects"));
	ASSERT_FALSE(taken(base, PAGE * 4));
}

TEST_HARNESS_MAIN
