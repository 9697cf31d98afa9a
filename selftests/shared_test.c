// SPDX-License-Identifier: MIT
/*
 * Shared process groups: zx_process_create with ZX_PROCESS_SHARED and
 * zx_process_create_shared.  The members run the freestanding test program
 * (fsprog/) and talk to the test through a control block in the shared
 * region, which the test maps into its own address space too.
 */
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "zx_test.h"
#include "launch.h"

#define MODE(m, v) ((uintptr_t)(m) | ((uintptr_t)(v) << 8))

#define SHARED_BASE	0x0000400000001000ULL
#define SPLIT		(1ULL << 46)
#define RW		(ZX_VM_PERM_READ | ZX_VM_PERM_WRITE)

static int64_t return_code(zx_handle_t proc)
{
	zx_info_process_t info = {0};

	zx_object_get_info(proc, ZX_INFO_PROCESS, &info, sizeof(info), NULL, NULL);
	return info.return_code;
}

/* A VMO of one page whose first word is @value. */
static zx_handle_t word_vmo(uint32_t value)
{
	zx_handle_t vmo = ZX_HANDLE_INVALID;

	zx_vmo_create(4096, 0, &vmo);
	zx_vmo_write(vmo, &value, 0, sizeof(value));
	return vmo;
}

/*
 * A group for a test: its first process (never started), the shared
 * region's VMAR, and a control page mapped both there and here.
 */
struct group {
	zx_handle_t job, proto, shared, ctl_vmo;
	zx_vaddr_t ctl_there;
	struct fs_ctl *ctl;
};

static zx_status_t group_make(struct group *g, zx_handle_t job)
{
	zx_vaddr_t here;
	zx_status_t st;

	memset(g, 0, sizeof(*g));
	g->job = job;
	st = zx_process_create(job, "proto", 5, ZX_PROCESS_SHARED, &g->proto, &g->shared);
	if (st == ZX_OK)
		st = zx_vmo_create(4096, 0, &g->ctl_vmo);
	if (st == ZX_OK)
		st = zx_vmar_map(g->shared, RW, 0, g->ctl_vmo, 0, 4096, &g->ctl_there);
	if (st == ZX_OK)
		st = zx_vmar_map(zx_vmar_root_self(), RW, 0, g->ctl_vmo, 0, 4096, &here);
	if (st == ZX_OK)
		g->ctl = (struct fs_ctl *)here;
	return st;
}

/* Control block @i of the page, as seen here and in the members. */
static struct fs_ctl *ctl_here(struct group *g, int i)
{
	return &g->ctl[i * 2];
}

static uintptr_t ctl_there(struct group *g, int i)
{
	return g->ctl_there + (uintptr_t)i * 2 * sizeof(struct fs_ctl);
}

static void go(struct fs_ctl *ctl)
{
	__atomic_store_n(&ctl->go, 1, __ATOMIC_SEQ_CST);
	zx_futex_wake((const zx_futex_t *)&ctl->go, UINT32_MAX);
}

static void group_close(struct group *g)
{
	zx_vmar_unmap(zx_vmar_root_self(), (zx_vaddr_t)g->ctl, 4096);
	zx_handle_close(g->ctl_vmo);
	zx_handle_close(g->shared);
	zx_handle_close(g->proto);
}

/* A new member of @g named @name, started in mode @arg2 with @arg1. */
static zx_status_t member(struct group *g, const char *name, zx_handle_t arg1, uintptr_t arg2,
			  struct launched *l)
{
	zx_status_t st;

	memset(l, 0, sizeof(*l));
	st = zx_process_create_shared(g->proto, 0, name, strlen(name), &l->proc, &l->vmar);
	if (st != ZX_OK) {
		zx_handle_close(arg1);
		return st;
	}
	return fs_start(l, arg1, arg2);
}

TEST(create_shared_errors)
{
	zx_handle_t job = zx_test_job(), ev = zx_test_event(), proc, vmar, ro, plain, pvmar, gone;
	int base = (zx_vmar_root_self(), zx_test_objects_quiet());
	zx_info_handle_basic_t basic;
	zx_info_vmar_t vinfo;
	char name[ZX_MAX_NAME_LEN];
	struct group g;

	ASSERT_EQ(ZX_OK, group_make(&g, job));
	/* The first process's VMAR is the shared region. */
	ASSERT_EQ(ZX_OK, zx_object_get_info(g.shared, ZX_INFO_VMAR, &vinfo, sizeof(vinfo), 0, 0));
	ASSERT_EQ(SHARED_BASE, vinfo.base);
	ASSERT_EQ(0x00007FFFFEFFF000ULL - SHARED_BASE, vinfo.len);

	ASSERT_EQ(ZX_ERR_INVALID_ARGS, zx_process_create_shared(g.proto, 1, "m", 1, &proc, &vmar));
	ASSERT_EQ(ZX_OK, zx_event_create(0, &gone));
	ASSERT_EQ(ZX_OK, zx_handle_close(gone));
	ASSERT_EQ(ZX_ERR_BAD_HANDLE, zx_process_create_shared(gone, 0, "m", 1, &proc, &vmar));
	ASSERT_EQ(ZX_ERR_WRONG_TYPE, zx_process_create_shared(ev, 0, "m", 1, &proc, &vmar));
	ASSERT_EQ(ZX_ERR_WRONG_TYPE, zx_process_create_shared(job, 0, "m", 1, &proc, &vmar));
	ASSERT_EQ(ZX_OK, zx_handle_duplicate(g.proto, ZX_DEFAULT_PROCESS_RIGHTS &
					     ~ZX_RIGHT_MANAGE_PROCESS, &ro));
	ASSERT_EQ(ZX_ERR_ACCESS_DENIED, zx_process_create_shared(ro, 0, "m", 1, &proc, &vmar));
	/* A process that was not made for sharing. */
	ASSERT_EQ(ZX_OK, zx_process_create(job, "plain", 5, 0, &plain, &pvmar));
	ASSERT_EQ(ZX_ERR_INVALID_ARGS, zx_process_create_shared(plain, 0, "m", 1, &proc, &vmar));
	ASSERT_EQ(ZX_ERR_INVALID_ARGS, zx_process_create_shared(g.proto, 0, NULL, 0, &proc, &vmar));
	ASSERT_EQ(ZX_ERR_INVALID_ARGS, zx_process_create_shared(g.proto, 0, "m", 1, NULL, &vmar));
	ASSERT_EQ(ZX_ERR_INVALID_ARGS, zx_process_create_shared(g.proto, 0, "m", 1, &proc, NULL));

	/* Success: the name is truncated, the job is the first process's. */
	ASSERT_EQ(ZX_OK, zx_process_create_shared(g.proto, 0,
						  "a-member-with-a-name-longer-than-31-chars",
						  41, &proc, &vmar));
	ASSERT_EQ(ZX_OK, zx_object_get_property(proc, ZX_PROP_NAME, name, sizeof(name)));
	ASSERT_EQ(0, strcmp(name, "a-member-with-a-name-longer-tha"));
	basic = zx_test_basic(proc);
	ASSERT_EQ(zx_test_basic(job).koid, basic.related_koid);
	ASSERT_EQ(ZX_DEFAULT_PROCESS_RIGHTS, basic.rights);
	/* Its VMAR is its private region, below the shared one. */
	ASSERT_EQ(ZX_OK, zx_object_get_info(vmar, ZX_INFO_VMAR, &vinfo, sizeof(vinfo), 0, 0));
	ASSERT_EQ(0x200000ULL, vinfo.base);
	ASSERT_EQ(SPLIT - 0x200000ULL, vinfo.len);
	zx_handle_close(vmar);
	/* A member made by create_shared can seed another. */
	{
		zx_handle_t p2, v2;

		ASSERT_EQ(ZX_OK, zx_process_create_shared(proc, 0, "m2", 2, &p2, &v2));
		zx_handle_close(v2);
		zx_handle_close(p2);
	}

	/* Every member gone: the shared state is no longer valid. */
	ASSERT_EQ(ZX_OK, zx_handle_close(proc));	/* unstarted: it ends */
	ASSERT_EQ(ZX_OK, zx_task_kill(g.proto));
	ASSERT_EQ(ZX_ERR_BAD_STATE, zx_process_create_shared(g.proto, 0, "m", 1, &proc, &vmar));
	{
		zx_handle_t vmo = word_vmo(1);
		zx_vaddr_t addr;

		ASSERT_EQ(ZX_ERR_BAD_STATE, zx_vmar_map(g.shared, RW, 0, vmo, 0, 4096, &addr));
		zx_handle_close(vmo);
	}
	/* A group whose first process cannot be handed out is not left behind. */
	ASSERT_EQ(ZX_ERR_INVALID_ARGS, zx_process_create(job, "p", 1, ZX_PROCESS_SHARED, NULL,
							 &vmar));
	ASSERT_EQ(ZX_ERR_INVALID_ARGS, zx_process_create(job, "p", 1, ZX_PROCESS_SHARED, &proc,
							 NULL));
	/* ZX_PROCESS_SHARED is the only option. */
	ASSERT_EQ(ZX_ERR_INVALID_ARGS, zx_process_create(job, "p", 1, 2, &proc, &vmar));

	zx_handle_close(ro);
	zx_handle_close(pvmar);
	zx_handle_close(plain);
	group_close(&g);
	/* A dead job takes no member. */
	ASSERT_EQ(ZX_OK, group_make(&g, job));
	ASSERT_EQ(ZX_OK, zx_task_kill(job));
	ASSERT_EQ(ZX_ERR_BAD_STATE, zx_process_create_shared(g.proto, 0, "m", 1, &proc, &vmar));
	group_close(&g);
	zx_handle_close(job);
	zx_handle_close(ev);
	ASSERT_TRUE(zx_test_objects_settle(base - 2));
}

/* ZX_POL_NEW_PROCESS of the caller's job decides, not the group's. */
TEST(create_shared_policy_is_the_callers)
{
	zx_policy_basic_v2_t deny = {ZX_POL_NEW_PROCESS, ZX_POL_ACTION_DENY, ZX_POL_OVERRIDE_DENY};
	zx_handle_t job = zx_test_job(), denied = zx_test_job(), allowed = zx_test_job(), dup;
	struct launched l;
	struct group g;

	/* Denied in the group's job too: that job's policy plays no part. */
	ASSERT_EQ(ZX_OK, zx_job_set_policy(job, ZX_JOB_POL_RELATIVE, ZX_JOB_POL_BASIC_V2, &deny, 1));
	ASSERT_EQ(ZX_OK, group_make(&g, job));
	ASSERT_EQ(ZX_OK, zx_job_set_policy(denied, ZX_JOB_POL_RELATIVE, ZX_JOB_POL_BASIC_V2,
					   &deny, 1));
	ASSERT_EQ(ZX_OK, zx_handle_duplicate(g.proto, ZX_RIGHT_SAME_RIGHTS, &dup));
	ASSERT_EQ(ZX_OK, fs_launch(denied, "sharer", dup, MODE(FS_SHARE, 0), &l));
	ASSERT_EQ(ZX_ERR_ACCESS_DENIED, fs_wait_exit(l.proc));
	fs_close(&l);
	/* The same from a job that allows it. */
	ASSERT_EQ(ZX_OK, zx_handle_duplicate(g.proto, ZX_RIGHT_SAME_RIGHTS, &dup));
	ASSERT_EQ(ZX_OK, fs_launch(allowed, "sharer", dup, MODE(FS_SHARE, 0), &l));
	ASSERT_EQ(ZX_OK, fs_wait_exit(l.proc));
	fs_close(&l);
	group_close(&g);
	zx_task_kill(job);
	zx_handle_close(job);
	zx_handle_close(denied);
	zx_handle_close(allowed);
}

#define MANY 64

/*
 * 64 members: a mapping made before they joined is replayed to each, and
 * one made after they started reaches every one.
 */
TEST(many_members_see_the_shared_region)
{
	static struct launched l[MANY];
	zx_handle_t job = zx_test_job(), data = word_vmo(0x5a5a);
	int base = (zx_vmar_root_self(), zx_test_objects_quiet());
	zx_vaddr_t addr;
	struct group g;
	int i;

	ASSERT_EQ(ZX_OK, group_make(&g, job));
	ctl_here(&g, 0)->op = FS_OP_READ;
	for (i = 0; i < MANY; i++)
		ASSERT_EQ(ZX_OK, member(&g, "member", ZX_HANDLE_INVALID,
					MODE(FS_WATCH, ctl_there(&g, 0)), &l[i]));
	/* After every start: the agents of all 64 map it. */
	ASSERT_EQ(ZX_OK, zx_vmar_map(g.shared, ZX_VM_PERM_READ, 0, data, 0, 4096, &addr));
	ASSERT_LE(SHARED_BASE, addr);
	ctl_here(&g, 0)->addr = addr;
	go(ctl_here(&g, 0));
	for (i = 0; i < MANY; i++) {
		ASSERT_EQ(0x5a5a, fs_wait_exit(l[i].proc));
		fs_close(&l[i]);
	}
	/* A member still sees it after the others left. */
	ASSERT_EQ(ZX_OK, member(&g, "late", ZX_HANDLE_INVALID, MODE(FS_WATCH, ctl_there(&g, 0)),
				&l[0]));
	ASSERT_EQ(0x5a5a, fs_wait_exit(l[0].proc));
	fs_close(&l[0]);
	group_close(&g);
	zx_handle_close(data);
	zx_handle_close(job);
	ASSERT_TRUE(zx_test_objects_settle(base - 2));
}

/* Unmapping and protecting after the members started reach them too. */
TEST(unmap_and_protect_reach_running_members)
{
	zx_handle_t job = zx_test_job(), a = word_vmo(7), b = word_vmo(8);
	struct launched l[4];
	zx_vaddr_t pa, pb;
	struct group g;
	int i;

	ASSERT_EQ(ZX_OK, group_make(&g, job));
	ASSERT_EQ(ZX_OK, zx_vmar_map(g.shared, RW, 0, a, 0, 4096, &pa));
	ASSERT_EQ(ZX_OK, zx_vmar_map(g.shared, RW, 0, b, 0, 4096, &pb));
	*ctl_here(&g, 0) = (struct fs_ctl){.op = FS_OP_WRITE, .addr = pa, .value = 9};
	*ctl_here(&g, 1) = (struct fs_ctl){.op = FS_OP_READ, .addr = pb};
	for (i = 0; i < 4; i++)
		ASSERT_EQ(ZX_OK, member(&g, "changed", ZX_HANDLE_INVALID,
					MODE(FS_WATCH, ctl_there(&g, i / 2)), &l[i]));
	ASSERT_EQ(ZX_OK, zx_vmar_protect(g.shared, ZX_VM_PERM_READ, pa, 4096));
	ASSERT_EQ(ZX_OK, zx_vmar_unmap(g.shared, pb, 4096));
	go(ctl_here(&g, 0));
	go(ctl_here(&g, 1));
	for (i = 0; i < 4; i++) {
		ASSERT_EQ(ZX_TASK_RETCODE_EXCEPTION_KILL, fs_wait_exit(l[i].proc));
		fs_close(&l[i]);
	}
	group_close(&g);
	zx_handle_close(a);
	zx_handle_close(b);
	zx_handle_close(job);
}

/* What a member maps in its own (restricted) region, only it sees. */
TEST(restricted_regions_are_private)
{
	zx_handle_t job = zx_test_job(), x1 = word_vmo(111), x2 = word_vmo(222);
	const uint64_t off = 1ULL << 30;
	struct launched l[3];
	zx_vaddr_t r1, r2;
	struct group g;
	int i;

	ASSERT_EQ(ZX_OK, group_make(&g, job));
	for (i = 0; i < 3; i++) {
		memset(&l[i], 0, sizeof(l[i]));
		ASSERT_EQ(ZX_OK, zx_process_create_shared(g.proto, 0, "private", 7, &l[i].proc,
							  &l[i].vmar));
	}
	ASSERT_EQ(ZX_OK, zx_vmar_map(l[0].vmar, ZX_VM_PERM_READ | ZX_VM_SPECIFIC, off, x1, 0, 4096,
				     &r1));
	ASSERT_EQ(ZX_OK, zx_vmar_map(l[1].vmar, ZX_VM_PERM_READ | ZX_VM_SPECIFIC, off, x2, 0, 4096,
				     &r2));
	ASSERT_EQ(r1, r2);
	*ctl_here(&g, 0) = (struct fs_ctl){.op = FS_OP_READ, .addr = r1};
	for (i = 0; i < 3; i++)
		ASSERT_EQ(ZX_OK, fs_start(&l[i], ZX_HANDLE_INVALID, MODE(FS_WATCH, ctl_there(&g, 0))));
	go(ctl_here(&g, 0));
	ASSERT_EQ(111, fs_wait_exit(l[0].proc));
	ASSERT_EQ(222, fs_wait_exit(l[1].proc));
	ASSERT_EQ(ZX_TASK_RETCODE_EXCEPTION_KILL, fs_wait_exit(l[2].proc));
	for (i = 0; i < 3; i++)
		fs_close(&l[i]);
	group_close(&g);
	zx_handle_close(x1);
	zx_handle_close(x2);
	zx_handle_close(job);
}

/* Ask an FS_LOOKUP process about a handle value. */
static struct fs_lookup ask(zx_handle_t ch, zx_handle_t value)
{
	struct fs_lookup reply = {.status = 1};
	uint32_t n;

	zx_channel_write(ch, 0, &value, sizeof(value), NULL, 0);
	zx_object_wait_one(ch, ZX_CHANNEL_READABLE | ZX_CHANNEL_PEER_CLOSED, ZX_TIME_INFINITE, NULL);
	zx_channel_read(ch, 0, &reply, NULL, sizeof(reply), 0, &n, NULL);
	return reply;
}

/* Members share one handle table, which outlives each of them. */
TEST(members_share_a_handle_table)
{
	zx_handle_t job = zx_test_job(), c1, p1, c2, p2, c3, p3;
	struct launched m1, m2, outsider;
	zx_handle_t v2;
	zx_koid_t end2;
	struct fs_lookup r;
	struct group g;

	ASSERT_EQ(ZX_OK, group_make(&g, job));
	ASSERT_EQ(ZX_OK, zx_channel_create(0, &c1, &p1));
	ASSERT_EQ(ZX_OK, zx_channel_create(0, &c2, &p2));
	ASSERT_EQ(ZX_OK, zx_channel_create(0, &c3, &p3));
	ASSERT_EQ(ZX_OK, member(&g, "lookup1", p1, MODE(FS_LOOKUP, 0), &m1));
	ASSERT_EQ(ZX_OK, member(&g, "lookup2", p2, MODE(FS_LOOKUP, 0), &m2));
	ASSERT_EQ(ZX_OK, fs_launch(job, "outsider", p3, MODE(FS_LOOKUP, 0), &outsider));
	/* m2's value of its channel end names the same end in m1... */
	r = ask(c2, ZX_HANDLE_INVALID);
	ASSERT_EQ(0, r.status);
	v2 = (zx_handle_t)r.koid;
	end2 = zx_test_basic(c2).related_koid;
	r = ask(c1, v2);
	ASSERT_EQ(ZX_OK, r.status);
	ASSERT_EQ(end2, r.koid);
	/* ...but not in a process outside the group. */
	ASSERT_EQ(ZX_ERR_BAD_HANDLE, ask(c3, v2).status);
	/* m2 exits; its handles stay in the table the others still use. */
	zx_handle_close(c2);
	ASSERT_EQ(0, fs_wait_exit(m2.proc));
	r = ask(c1, v2);
	ASSERT_EQ(ZX_OK, r.status);
	ASSERT_EQ(end2, r.koid);
	zx_handle_close(c1);
	zx_handle_close(c3);
	ASSERT_EQ(0, fs_wait_exit(m1.proc));
	ASSERT_EQ(0, fs_wait_exit(outsider.proc));
	fs_close(&m1);
	fs_close(&m2);
	fs_close(&outsider);
	group_close(&g);
	zx_handle_close(job);
}

/* Is the thread in @dir blocked in futex() (202 on x86-64)? */
static int blocked_in_futex(const char *dir, int id, void *ctx)
{
	char path[320], buf[32];
	FILE *f;
	int yes;

	(void)id, (void)ctx;
	snprintf(path, sizeof(path), "%s/syscall", dir);
	f = fopen(path, "r");
	if (!f)
		return 0;
	yes = fgets(buf, sizeof(buf), f) && !strncmp(buf, "202 ", 4);
	fclose(f);
	return yes;
}

/* Is a thread named @thread of a process named @comm blocked in futex()? */
static int in_futex(const char *comm, const char *thread)
{
	return zx_test_each_thread(comm, thread, blocked_in_futex, NULL);
}

/* zx_futex_wake in one member wakes a zx_futex_wait in another. */
TEST(futex_wake_across_members)
{
	zx_handle_t job = zx_test_job();
	struct launched waiter, waker;
	struct group g;
	int i;

	ASSERT_EQ(ZX_OK, group_make(&g, job));
	/* The waker writes 77 to a word nobody else writes, then wakes the waiter. */
	*ctl_here(&g, 0) = (struct fs_ctl){.op = FS_OP_READ,
					   .addr = ctl_there(&g, 0) + sizeof(struct fs_ctl),
					   .value = 77};
	ASSERT_EQ(ZX_OK, member(&g, "fwaiter", ZX_HANDLE_INVALID,
				MODE(FS_WATCH, ctl_there(&g, 0)), &waiter));
	for (i = 0; i < 1000 && !in_futex("fwaiter", "main"); i++)
		usleep(10000);
	ASSERT_TRUE(in_futex("fwaiter", "main"));
	{
		zx_info_thread_t ti = {0};

		ASSERT_EQ(ZX_OK, zx_object_get_info(waiter.thread, ZX_INFO_THREAD, &ti, sizeof(ti),
						    NULL, NULL));
		ASSERT_EQ(ZX_THREAD_STATE_BLOCKED_FUTEX, ti.state);
	}
	ASSERT_EQ(ZX_ERR_TIMED_OUT, zx_object_wait_one(waiter.proc, ZX_PROCESS_TERMINATED,
						       zx_deadline_after(ZX_MSEC(50)), NULL));
	/* Only the other member touches the words. */
	ASSERT_EQ(ZX_OK, member(&g, "fwaker", ZX_HANDLE_INVALID,
				MODE(FS_WAKE, ctl_there(&g, 0)), &waker));
	ASSERT_EQ(0, fs_wait_exit(waker.proc));
	ASSERT_EQ(77, fs_wait_exit(waiter.proc));
	fs_close(&waiter);
	fs_close(&waker);
	group_close(&g);
	zx_handle_close(job);
}

/* A member that crashes ends alone; the group goes on. */
TEST(member_crash_leaves_the_others_running)
{
	zx_handle_t job = zx_test_job();
	struct launched spinner, crasher, after;
	struct group g;

	ASSERT_EQ(ZX_OK, group_make(&g, job));
	ASSERT_EQ(ZX_OK, member(&g, "spinner", ZX_HANDLE_INVALID, MODE(FS_SPIN, 0), &spinner));
	ASSERT_EQ(ZX_OK, member(&g, "crasher", ZX_HANDLE_INVALID, MODE(FS_CRASH, 0), &crasher));
	ASSERT_EQ(ZX_TASK_RETCODE_EXCEPTION_KILL, fs_wait_exit(crasher.proc));
	ASSERT_EQ(ZX_ERR_TIMED_OUT, zx_object_wait_one(spinner.proc, ZX_PROCESS_TERMINATED,
						       zx_deadline_after(ZX_MSEC(100)), NULL));
	/* Linux places a running member's own mappings below the shared region. */
	{
		zx_handle_t vmo;
		zx_vaddr_t addr;

		ASSERT_EQ(ZX_OK, zx_vmo_create(1 << 20, 0, &vmo));
		ASSERT_EQ(ZX_OK, zx_vmar_map(spinner.vmar, RW, 0, vmo, 0, 1 << 20, &addr));
		ASSERT_LE(0x200000ULL, addr);
		ASSERT_GE(SPLIT - (1 << 20), addr);
		ASSERT_EQ(ZX_OK, zx_vmar_unmap(spinner.vmar, addr, 1 << 20));
		ASSERT_EQ(ZX_OK, zx_vmar_map(spinner.vmar, RW, 0, vmo, 0, 4096, &addr));
		ASSERT_GE(SPLIT - 4096, addr);
		zx_handle_close(vmo);
	}
	/* Even with the first process gone too. */
	ASSERT_EQ(ZX_OK, zx_task_kill(g.proto));
	ASSERT_EQ(ZX_OK, member(&g, "after", ZX_HANDLE_INVALID, MODE(FS_EXIT, 5), &after));
	ASSERT_EQ(5, fs_wait_exit(after.proc));
	ASSERT_EQ(ZX_OK, zx_task_kill(spinner.proc));
	ASSERT_EQ(ZX_TASK_RETCODE_SYSCALL_KILL, fs_wait_exit(spinner.proc));
	fs_close(&spinner);
	fs_close(&crasher);
	fs_close(&after);
	group_close(&g);
	zx_handle_close(job);
}

/* Killing the job ends every member and with them the group. */
TEST(job_kill_ends_the_group)
{
	zx_handle_t job = zx_test_job(), proc, vmar, vmo = word_vmo(1);
	int base = (zx_vmar_root_self(), zx_test_objects_quiet());
	struct launched l[3];
	zx_vaddr_t addr;
	struct group g;
	int i;

	ASSERT_EQ(ZX_OK, group_make(&g, job));
	for (i = 0; i < 3; i++)
		ASSERT_EQ(ZX_OK, member(&g, "killed", ZX_HANDLE_INVALID, MODE(FS_SPIN, 0), &l[i]));
	ASSERT_EQ(ZX_OK, zx_task_kill(job));
	for (i = 0; i < 3; i++) {
		ASSERT_EQ(ZX_TASK_RETCODE_SYSCALL_KILL, fs_wait_exit(l[i].proc));
		fs_close(&l[i]);
	}
	ASSERT_EQ(ZX_OK, zx_object_wait_one(g.proto, ZX_PROCESS_TERMINATED, ZX_TIME_INFINITE, NULL));
	ASSERT_EQ(ZX_TASK_RETCODE_SYSCALL_KILL, return_code(g.proto));
	ASSERT_EQ(ZX_ERR_BAD_STATE, zx_process_create_shared(g.proto, 0, "m", 1, &proc, &vmar));
	ASSERT_EQ(ZX_ERR_BAD_STATE, zx_vmar_map(g.shared, RW, 0, vmo, 0, 4096, &addr));
	group_close(&g);
	zx_handle_close(vmo);
	zx_handle_close(job);
	ASSERT_TRUE(zx_test_objects_settle(base - 2));
}

/* Members that all exit end the group too. */
TEST(group_ends_with_its_last_member)
{
	zx_handle_t job = zx_test_job(), proc, vmar;
	struct launched l[2];
	struct group g;
	int i;

	ASSERT_EQ(ZX_OK, group_make(&g, job));
	for (i = 0; i < 2; i++)
		ASSERT_EQ(ZX_OK, member(&g, "exiting", ZX_HANDLE_INVALID, MODE(FS_EXIT, i), &l[i]));
	ASSERT_EQ(ZX_OK, zx_process_create_shared(g.proto, 0, "m", 1, &proc, &vmar));
	zx_handle_close(vmar);
	zx_handle_close(proc);
	ASSERT_EQ(ZX_OK, zx_handle_close(g.proto));	/* never started: it ends */
	g.proto = l[0].proc;
	for (i = 0; i < 2; i++)
		ASSERT_EQ(i, fs_wait_exit(l[i].proc));
	ASSERT_EQ(ZX_ERR_BAD_STATE, zx_process_create_shared(l[1].proc, 0, "m", 1, &proc, &vmar));
	fs_close(&l[1]);
	zx_handle_close(l[0].thread);
	zx_handle_close(l[0].vmar);
	group_close(&g);		/* closes l[0].proc */
	zx_handle_close(job);
}

struct churn {
	struct group *g;
	int rounds;
	zx_status_t status;
};

/* Map and unmap pages through the shared region, over and over. */
static void *churn_maps(void *arg)
{
	struct churn *c = arg;
	zx_handle_t vmo = word_vmo(9);
	zx_vaddr_t addr;

	for (int i = 0; i < c->rounds && !c->status; i++) {
		c->status = zx_vmar_map(c->g->shared, RW, 0, vmo, 0, 4096, &addr);
		if (!c->status)
			c->status = zx_vmar_unmap(c->g->shared, addr, 4096);
	}
	zx_handle_close(vmo);
	return NULL;
}

/* Members join, start and are killed while the region changes. */
TEST(members_come_and_go_while_the_region_changes)
{
	zx_handle_t job = zx_test_job();
	int base = (zx_vmar_root_self(), zx_test_objects_quiet());
	struct churn c = {.rounds = 150};
	struct launched l;
	pthread_t thread;
	struct group g;
	int i;

	ASSERT_EQ(ZX_OK, group_make(&g, job));
	c.g = &g;
	ASSERT_EQ(0, pthread_create(&thread, NULL, churn_maps, &c));
	for (i = 0; i < 12; i++) {
		/* Each takes its mmap lock all along: a kill finds the agent waiting for it. */
		ASSERT_EQ(ZX_OK, member(&g, "churn", ZX_HANDLE_INVALID, MODE(FS_SPIN, 1), &l));
		if (i % 3 == 0) {
			/* Some are left running for the job kill. */
			fs_close(&l);
			continue;
		}
		ASSERT_EQ(ZX_OK, zx_task_kill(l.proc));
		ASSERT_EQ(ZX_TASK_RETCODE_SYSCALL_KILL, fs_wait_exit(l.proc));
		fs_close(&l);
	}
	pthread_join(thread, NULL);
	ASSERT_EQ(ZX_OK, c.status);
	/* The region's records are all gone again: nothing maps over a leftover. */
	ASSERT_EQ(ZX_OK, member(&g, "last", ZX_HANDLE_INVALID, MODE(FS_EXIT, 4), &l));
	ASSERT_EQ(4, fs_wait_exit(l.proc));
	fs_close(&l);
	ASSERT_EQ(ZX_OK, zx_task_kill(job));
	group_close(&g);
	zx_handle_close(job);
	ASSERT_TRUE(zx_test_objects_settle(base - 1));
}

TEST_HARNESS_MAIN
