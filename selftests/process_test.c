// SPDX-License-Identifier: MIT
/*
 * zx_process_create, zx_process_start, threads and task lifecycles, with
 * Linux processes behind them (selftests/fsprog/ is the program they run).
 */
#define _GNU_SOURCE
#include <sched.h>
#include <signal.h>
#include <stdint.h>
#include <string.h>
#include <stdlib.h>
#include <sys/ioctl.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <magenta/syscalls.h>

#include "zx_test.h"
#include "launch.h"
#include "../uapi/linux/zircon.h"

#define MODE(m, v) ((uintptr_t)(m) | ((uintptr_t)(v) << 8))

static zx_info_process_t proc_info(zx_handle_t proc)
{
	zx_info_process_t info = {0};

	zx_object_get_info(proc, ZX_INFO_PROCESS, &info, sizeof(info), NULL, NULL);
	return info;
}

/* Linux processes named @comm, zombies included. */
static int tasks_named(const char *comm)
{
	int n = 0;

	zx_test_each_named("/proc", comm, zx_test_count, &n);
	return n;
}

/* Threads named @thread in the Linux processes named @comm. */
static int threads_named(const char *comm, const char *thread)
{
	int n = 0;

	zx_test_each_thread(comm, thread, zx_test_count, &n);
	return n;
}

/* Wait (up to 5 s) until no Linux process is named @comm. */
static int gone(const char *comm)
{
	for (int i = 0; i < 500; i++) {
		if (!tasks_named(comm))
			return 1;
		usleep(10000);
	}
	return 0;
}

TEST(create_errors)
{
	zx_handle_t proc, vmar, ev = zx_test_event(), job = zx_test_job(), ro;

	ASSERT_EQ(ZX_ERR_INVALID_ARGS, zx_process_create(job, "p", 1, 2, &proc, &vmar));
	ASSERT_EQ(ZX_ERR_BAD_HANDLE, zx_process_create(ev ^ 0x10, "p", 1, 0, &proc, &vmar));
	ASSERT_EQ(ZX_ERR_WRONG_TYPE, zx_process_create(ev, "p", 1, 0, &proc, &vmar));
	ASSERT_EQ(ZX_ERR_INVALID_ARGS, zx_process_create(job, NULL, 0, 0, &proc, &vmar));
	ASSERT_EQ(ZX_OK, zx_handle_duplicate(job, ZX_RIGHT_INSPECT, &ro));
	ASSERT_EQ(ZX_ERR_ACCESS_DENIED, zx_process_create(ro, "p", 1, 0, &proc, &vmar));
	ASSERT_EQ(ZX_ERR_INVALID_ARGS, zx_process_create(job, "p", 1, 0, NULL, &vmar));
	ASSERT_EQ(ZX_ERR_INVALID_ARGS, zx_process_create(job, "p", 1, 0, &proc, NULL));
	ASSERT_EQ(ZX_OK, zx_task_kill(job));
	ASSERT_EQ(ZX_ERR_BAD_STATE, zx_process_create(job, "p", 1, 0, &proc, &vmar));
	/* No process was left behind by any of these. */
	zx_handle_close(ro);
	zx_handle_close(job);
	zx_handle_close(ev);
	ASSERT_EQ(0, zx_test_live("objects") > 4 ? -1 : 0);
}

TEST(create_policy_is_the_callers)
{
	zx_policy_basic_v2_t deny = {ZX_POL_NEW_PROCESS, ZX_POL_ACTION_DENY, ZX_POL_OVERRIDE_DENY};
	zx_handle_t job = zx_test_job(), proc, vmar;

	/* Denying NEW_PROCESS in a job the caller is not in changes nothing. */
	ASSERT_EQ(ZX_OK, zx_job_set_policy(job, ZX_JOB_POL_RELATIVE, ZX_JOB_POL_BASIC_V2, &deny, 1));
	ASSERT_EQ(ZX_OK, zx_process_create(job, "allowed", 7, 0, &proc, &vmar));
	zx_handle_close(vmar);
	zx_handle_close(proc);
	zx_handle_close(job);
}

TEST(name_truncated_and_basic_info)
{
	const char *name = "a-name-that-is-much-longer-than-thirty-one-characters-by-far";
	char got[ZX_MAX_NAME_LEN];
	zx_handle_t job = zx_test_job(), proc, vmar;
	zx_info_handle_basic_t b;
	zx_info_vmar_t vi;

	ASSERT_EQ(ZX_OK, zx_process_create(job, name, strlen(name), 0, &proc, &vmar));
	ASSERT_EQ(ZX_OK, zx_object_get_property(proc, ZX_PROP_NAME, got, sizeof(got)));
	ASSERT_EQ(31, strlen(got));
	ASSERT_EQ(0, strncmp(name, got, 31));
	b = zx_test_basic(proc);
	ASSERT_EQ(ZX_OBJ_TYPE_PROCESS, b.type);
	ASSERT_EQ(0x0006D3CFu, b.rights);
	ASSERT_EQ(zx_test_basic(job).koid, b.related_koid);
	ASSERT_EQ(0x0020801Fu, zx_test_basic(vmar).rights);
	ASSERT_EQ(ZX_OK, zx_object_get_info(vmar, ZX_INFO_VMAR, &vi, sizeof(vi), NULL, NULL));
	ASSERT_EQ(0x200000u, vi.base);
	ASSERT_EQ(0, proc_info(proc).flags);
	zx_handle_close(vmar);
	zx_handle_close(proc);
	zx_handle_close(job);
}

TEST(unstarted_dies_with_last_handle)
{
	zx_handle_t job = zx_test_job(), proc, vmar, procs_koid[4];
	size_t actual = 9;
	zx_signals_t seen;

	ASSERT_EQ(ZX_OK, zx_process_create(job, "fleeting", 8, 0, &proc, &vmar));
	ASSERT_EQ(ZX_OK, zx_object_get_info(job, ZX_INFO_JOB_PROCESSES, procs_koid,
					    sizeof(procs_koid), &actual, NULL));
	ASSERT_EQ(1, actual);
	ASSERT_EQ(ZX_ERR_TIMED_OUT, zx_object_wait_one(job, ZX_JOB_NO_PROCESSES, 0, &seen));
	zx_handle_close(proc);
	ASSERT_EQ(ZX_OK, zx_object_wait_one(job, ZX_JOB_NO_PROCESSES, 0, &seen));
	ASSERT_EQ(ZX_OK, zx_object_get_info(job, ZX_INFO_JOB_PROCESSES, procs_koid,
					    sizeof(procs_koid), &actual, NULL));
	ASSERT_EQ(0, actual);
	/* Its root VMAR handle outlives it but maps nothing any more. */
	ASSERT_EQ(ZX_ERR_BAD_STATE, zx_vmar_unmap(vmar, 0x200000, 4096));
	zx_handle_close(vmar);
	zx_handle_close(job);
	ASSERT_TRUE(gone("fleeting"));
}

TEST(registers_at_entry)
{
	zx_handle_t job = zx_test_job(), ch[2], ev = zx_test_event();
	uint64_t regs[FS_NREGS];
	zx_handle_info_t hi;
	struct launched l;
	int64_t code = 77;
	uint32_t n, nh;
	int i;

	ASSERT_EQ(ZX_OK, zx_channel_create(0, &ch[0], &ch[1]));
	ASSERT_EQ(ZX_OK, fs_launch(job, "regs", ch[1], MODE(FS_REGS, 0) | 0xABC00000000ull, &l));
	ASSERT_EQ(ZX_ERR_BAD_HANDLE, zx_handle_close(ch[1]));	/* moved */
	ASSERT_EQ(ZX_OK, zx_object_wait_one(ch[0], ZX_CHANNEL_READABLE, zx_deadline_after(ZX_SEC(30)), NULL));
	ASSERT_EQ(ZX_OK, zx_channel_read(ch[0], 0, regs, NULL, sizeof(regs), 0, &n, &nh));
	ASSERT_EQ(sizeof(regs), n);
	/* rdi: arg1 as a value of the new process's table; rsi: arg2. */
	ASSERT_EQ(3, regs[FS_RDI] & 3);
	ASSERT_GT(regs[FS_RDI], 3);
	ASSERT_EQ(MODE(FS_REGS, 0) | 0xABC00000000ull, regs[FS_RSI]);
	ASSERT_EQ(l.stack + FS_STACK_SIZE, regs[FS_RSP]);
	for (i = 0; i < FS_R15 + 1; i++) {
		if (i == FS_RDI || i == FS_RSI || i == FS_RSP)
			continue;
		ASSERT_EQ(0, regs[i]) TH_LOG("register %d", i);
	}
	ASSERT_EQ(0x202, regs[FS_RFLAGS] & 0xfff);
	ASSERT_EQ(0x1f80, regs[FS_MXCSR] & 0xffffffff);
	ASSERT_EQ(0, regs[FS_FSBASE]);
	/* Started: flags, thread list, thread state. */
	ASSERT_EQ(ZX_INFO_PROCESS_FLAG_STARTED, proc_info(l.proc).flags);
	ASSERT_NE(0, proc_info(l.proc).start_time);
	{
		zx_koid_t koids[4];
		size_t actual = 0;
		zx_info_thread_t ti;

		ASSERT_EQ(ZX_OK, zx_object_get_info(l.proc, ZX_INFO_PROCESS_THREADS, koids,
						    sizeof(koids), &actual, NULL));
		ASSERT_EQ(1, actual);
		ASSERT_EQ(zx_test_basic(l.thread).koid, koids[0]);
		ASSERT_EQ(ZX_OK, zx_object_get_info(l.thread, ZX_INFO_THREAD, &ti, sizeof(ti), NULL, NULL));
		/* Running, or already waiting for the reply. */
		if (ti.state != ZX_THREAD_STATE_BLOCKED_WAIT_ONE)
			ASSERT_EQ(ZX_THREAD_STATE_RUNNING, ti.state);
		ASSERT_EQ(zx_test_basic(l.proc).koid, zx_test_basic(l.thread).related_koid);
	}
	/* The Linux tasks carry the Zircon names. */
	ASSERT_EQ(1, tasks_named("regs"));
	ASSERT_EQ(1, threads_named("regs", "main"));
	/* The reply gives the exit code. */
	ASSERT_EQ(ZX_OK, zx_channel_write(ch[0], 0, &code, sizeof(code), NULL, 0));
	ASSERT_EQ(77, fs_wait_exit(l.proc));
	ASSERT_EQ(ZX_INFO_PROCESS_FLAG_STARTED | ZX_INFO_PROCESS_FLAG_EXITED, proc_info(l.proc).flags);
	ASSERT_EQ(ZX_OK, zx_object_wait_one(l.thread, ZX_THREAD_TERMINATED, 0, NULL));
	/* Its handle table went with it: the channel's other end is closed. */
	ASSERT_EQ(ZX_OK, zx_object_wait_one(ch[0], ZX_CHANNEL_PEER_CLOSED, 0, NULL));
	(void)hi;
	(void)ev;
	zx_handle_close(ev);
	zx_handle_close(ch[0]);
	fs_close(&l);
	zx_handle_close(job);
	ASSERT_TRUE(gone("regs"));
}

TEST(exit_codes)
{
	zx_handle_t job = zx_test_job();
	struct launched l;

	ASSERT_EQ(ZX_OK, fs_launch(job, "exit", ZX_HANDLE_INVALID, MODE(FS_EXIT, 42), &l));
	ASSERT_EQ(42, fs_wait_exit(l.proc));
	fs_close(&l);
	ASSERT_EQ(ZX_OK, fs_launch(job, "exit", ZX_HANDLE_INVALID, MODE(FS_EXIT, -5), &l));
	ASSERT_EQ(-5, fs_wait_exit(l.proc));
	fs_close(&l);
	ASSERT_EQ(ZX_OK, fs_launch(job, "rawexit", ZX_HANDLE_INVALID, MODE(FS_RAW_EXIT, 9), &l));
	ASSERT_EQ(9, fs_wait_exit(l.proc));
	fs_close(&l);
	ASSERT_EQ(ZX_OK, fs_launch(job, "texit", ZX_HANDLE_INVALID, MODE(FS_THREAD_EXIT, 0), &l));
	ASSERT_EQ(0, fs_wait_exit(l.proc));
	fs_close(&l);
	ASSERT_EQ(ZX_OK, fs_launch(job, "crash", ZX_HANDLE_INVALID, MODE(FS_CRASH, 0), &l));
	ASSERT_EQ(ZX_TASK_RETCODE_EXCEPTION_KILL, fs_wait_exit(l.proc));
	fs_close(&l);
	zx_handle_close(job);
	ASSERT_TRUE(gone("crash"));
	ASSERT_TRUE(gone("exit"));
}

TEST(kill_process_and_job)
{
	zx_handle_t job = zx_test_job(), child, ev = zx_test_event();
	struct launched a, b;
	zx_signals_t seen;

	ASSERT_EQ(ZX_OK, zx_job_create(job, 0, &child));
	ASSERT_EQ(ZX_OK, fs_launch(job, "spin-a", ZX_HANDLE_INVALID, MODE(FS_SPIN, 0), &a));
	ASSERT_EQ(ZX_OK, fs_launch(child, "spin-b", ZX_HANDLE_INVALID, MODE(FS_SPIN, 0), &b));
	ASSERT_EQ(ZX_ERR_WRONG_TYPE, zx_task_kill(a.thread));
	ASSERT_EQ(ZX_ERR_WRONG_TYPE, zx_task_kill(ev));
	ASSERT_EQ(ZX_OK, zx_task_kill(a.proc));
	ASSERT_EQ(ZX_TASK_RETCODE_SYSCALL_KILL, fs_wait_exit(a.proc));
	ASSERT_EQ(ZX_OK, zx_task_kill(a.proc));		/* dead already: fine */
	/* Closing every handle of a running process does not stop it. */
	zx_handle_close(b.thread);
	zx_handle_close(b.vmar);
	b.thread = b.vmar = ZX_HANDLE_INVALID;
	usleep(100000);
	ASSERT_EQ(ZX_ERR_TIMED_OUT, zx_object_wait_one(b.proc, ZX_PROCESS_TERMINATED, 0, NULL));
	ASSERT_EQ(ZX_OK, zx_task_kill(job));
	ASSERT_EQ(ZX_TASK_RETCODE_SYSCALL_KILL, fs_wait_exit(b.proc));
	ASSERT_EQ(ZX_OK, zx_object_wait_one(child, ZX_JOB_TERMINATED, zx_deadline_after(ZX_SEC(10)), &seen));
	ASSERT_EQ(ZX_OK, zx_object_wait_one(job, ZX_JOB_TERMINATED | ZX_JOB_NO_PROCESSES | ZX_JOB_NO_JOBS,
					    zx_deadline_after(ZX_SEC(10)), &seen));
	fs_close(&a);
	fs_close(&b);
	zx_handle_close(ev);
	zx_handle_close(child);
	zx_handle_close(job);
	ASSERT_TRUE(gone("spin-a"));
	ASSERT_TRUE(gone("spin-b"));
}

/* Every failure of zx_process_start closes arg1, as the page says. */
TEST(start_errors_close_arg1)
{
	zx_handle_t job = zx_test_job(), ev, ro, other_proc, other_vmar, other_thread, t_ro, p_ro;
	struct launched l = {0};

	ASSERT_EQ(ZX_OK, zx_process_create(job, "start-errors", 12, 0, &l.proc, &l.vmar));
	ASSERT_EQ(ZX_OK, fs_load(&l));
	ASSERT_EQ(ZX_OK, zx_thread_create(l.proc, "t", 1, 0, &l.thread));
	ASSERT_EQ(ZX_OK, zx_process_create(job, "other", 5, 0, &other_proc, &other_vmar));
	ASSERT_EQ(ZX_OK, zx_thread_create(other_proc, "t", 1, 0, &other_thread));
	ASSERT_EQ(ZX_OK, zx_handle_duplicate(l.thread, ZX_RIGHT_INSPECT, &t_ro));
	ASSERT_EQ(ZX_OK, zx_handle_duplicate(l.proc, ZX_RIGHT_INSPECT, &p_ro));

#define START(p, t, e, a) zx_process_start(p, t, e, l.stack + FS_STACK_SIZE, a, MODE(FS_EXIT, 3))
	ev = zx_test_event();
	ASSERT_EQ(ZX_ERR_BAD_HANDLE, START(ev ^ 0x10, l.thread, l.code, ev));
	ASSERT_EQ(ZX_ERR_BAD_HANDLE, zx_handle_close(ev));
	ev = zx_test_event();
	ASSERT_EQ(ZX_ERR_WRONG_TYPE, START(l.thread, l.thread, l.code, ev));
	ASSERT_EQ(ZX_ERR_BAD_HANDLE, zx_handle_close(ev));
	ev = zx_test_event();
	ASSERT_EQ(ZX_ERR_ACCESS_DENIED, START(p_ro, l.thread, l.code, ev));
	ASSERT_EQ(ZX_ERR_BAD_HANDLE, zx_handle_close(ev));
	ev = zx_test_event();
	ASSERT_EQ(ZX_ERR_WRONG_TYPE, START(l.proc, l.proc, l.code, ev));
	ASSERT_EQ(ZX_ERR_BAD_HANDLE, zx_handle_close(ev));
	ev = zx_test_event();
	ASSERT_EQ(ZX_ERR_ACCESS_DENIED, START(l.proc, t_ro, l.code, ev));
	ASSERT_EQ(ZX_ERR_BAD_HANDLE, zx_handle_close(ev));
	ev = zx_test_event();
	ASSERT_EQ(ZX_ERR_ACCESS_DENIED, START(l.proc, other_thread, l.code, ev));
	ASSERT_EQ(ZX_ERR_BAD_HANDLE, zx_handle_close(ev));
	ev = zx_test_event();
	ASSERT_EQ(ZX_OK, zx_handle_replace(ev, ZX_RIGHT_WAIT, &ro));
	ASSERT_EQ(ZX_ERR_ACCESS_DENIED, START(l.proc, l.thread, l.code, ro));
	ASSERT_EQ(ZX_ERR_BAD_HANDLE, zx_handle_close(ro));
	ASSERT_EQ(ZX_ERR_BAD_HANDLE, START(l.proc, l.thread, l.code, 0x7ffffff3));
	ev = zx_test_event();
	ASSERT_EQ(ZX_ERR_INVALID_ARGS, START(l.proc, l.thread, 0xffff800000001000ull, ev));
	ASSERT_EQ(ZX_ERR_BAD_HANDLE, zx_handle_close(ev));
	/* Nothing started so far: a thread of an unstarted process cannot start. */
	ASSERT_EQ(0, proc_info(l.proc).flags);
	ASSERT_EQ(ZX_ERR_BAD_STATE, zx_thread_start(l.thread, l.code, l.stack, 0, 0));
	/* A valid start works after all that, and a second one does not. */
	ASSERT_EQ(ZX_OK, START(l.proc, l.thread, l.code, ZX_HANDLE_INVALID));
	ev = zx_test_event();
	ASSERT_EQ(ZX_ERR_BAD_STATE, START(l.proc, l.thread, l.code, ev));
	ASSERT_EQ(ZX_ERR_BAD_HANDLE, zx_handle_close(ev));
	ASSERT_EQ(3, fs_wait_exit(l.proc));
	/* A thread of a dead process never starts. */
	ASSERT_EQ(ZX_ERR_BAD_STATE, zx_thread_create(l.proc, "late", 4, 0, &ro));
#undef START
	zx_handle_close(t_ro);
	zx_handle_close(p_ro);
	zx_handle_close(other_thread);
	zx_handle_close(other_vmar);
	zx_handle_close(other_proc);
	fs_close(&l);
	zx_handle_close(job);
}

TEST(thread_create_errors)
{
	zx_handle_t job = zx_test_job(), proc, vmar, t, ro, ev = zx_test_event();

	ASSERT_EQ(ZX_OK, zx_process_create(job, "tc", 2, 0, &proc, &vmar));
	ASSERT_EQ(ZX_ERR_INVALID_ARGS, zx_thread_create(proc, "t", 1, 1, &t));
	ASSERT_EQ(ZX_ERR_INVALID_ARGS, zx_thread_create(proc, NULL, 0, 0, &t));
	ASSERT_EQ(ZX_ERR_BAD_HANDLE, zx_thread_create(ev ^ 0x10, "t", 1, 0, &t));
	ASSERT_EQ(ZX_ERR_WRONG_TYPE, zx_thread_create(ev, "t", 1, 0, &t));
	ASSERT_EQ(ZX_OK, zx_handle_duplicate(proc, ZX_RIGHT_INSPECT, &ro));
	ASSERT_EQ(ZX_ERR_ACCESS_DENIED, zx_thread_create(ro, "t", 1, 0, &t));
	ASSERT_EQ(ZX_ERR_NOT_SUPPORTED, zx_thread_create(zx_process_self(), "t", 1, 0, &t));
	ASSERT_EQ(ZX_OK, zx_thread_create(proc, "t", 1, 0, &t));
	ASSERT_EQ(0x0004D2CFu, zx_test_basic(t).rights);
	ASSERT_EQ(ZX_ERR_NOT_SUPPORTED, zx_object_get_info(t, ZX_INFO_TASK_STATS, NULL, 0, NULL, NULL));
	zx_handle_close(t);
	zx_handle_close(ro);
	zx_handle_close(ev);
	zx_handle_close(vmar);
	zx_handle_close(proc);
	zx_handle_close(job);
}

TEST(many_threads_and_futex)
{
	zx_handle_t job = zx_test_job(), ch[2];
	struct launched l;
	int64_t got = 0;
	uint32_t n;

	ASSERT_EQ(ZX_OK, zx_channel_create(0, &ch[0], &ch[1]));
	ASSERT_EQ(ZX_OK, fs_launch(job, "threads", ch[1], MODE(FS_THREADS, 16), &l));
	ASSERT_EQ(ZX_OK, zx_object_wait_one(ch[0], ZX_CHANNEL_READABLE, zx_deadline_after(ZX_SEC(60)), NULL));
	ASSERT_EQ(ZX_OK, zx_channel_read(ch[0], 0, &got, NULL, sizeof(got), 0, &n, NULL));
	ASSERT_EQ(16, got);
	ASSERT_EQ(16, fs_wait_exit(l.proc));
	zx_handle_close(ch[0]);
	fs_close(&l);
	zx_handle_close(job);
	ASSERT_TRUE(gone("threads"));
}

TEST(self_handles_and_echo)
{
	zx_handle_t job = zx_test_job(), ch[2];
	zx_info_handle_basic_t info[2];
	struct launched l;
	char buf[64];
	uint32_t n;
	int i;

	ASSERT_EQ(ZX_OK, zx_channel_create(0, &ch[0], &ch[1]));
	ASSERT_EQ(ZX_OK, fs_launch(job, "self", ch[1], MODE(FS_SELF, 0), &l));
	ASSERT_EQ(ZX_OK, zx_object_wait_one(ch[0], ZX_CHANNEL_READABLE, zx_deadline_after(ZX_SEC(30)), NULL));
	ASSERT_EQ(ZX_OK, zx_channel_read(ch[0], 0, info, NULL, sizeof(info), 0, &n, NULL));
	ASSERT_EQ(zx_test_basic(l.proc).koid, info[0].koid);
	ASSERT_EQ(ZX_OBJ_TYPE_PROCESS, info[0].type);
	ASSERT_EQ(zx_test_basic(l.thread).koid, info[1].koid);
	ASSERT_EQ(info[0].koid, info[1].related_koid);
	ASSERT_EQ(0, fs_wait_exit(l.proc));
	zx_handle_close(ch[0]);
	fs_close(&l);

	ASSERT_EQ(ZX_OK, zx_channel_create(0, &ch[0], &ch[1]));
	ASSERT_EQ(ZX_OK, fs_launch(job, "echoer", ch[1], MODE(FS_ECHO, 0), &l));
	for (i = 0; i < 20; i++) {
		snprintf(buf, sizeof(buf), "message %d", i);
		ASSERT_EQ(ZX_OK, zx_channel_write(ch[0], 0, buf, strlen(buf) + 1, NULL, 0));
		ASSERT_EQ(ZX_OK, zx_object_wait_one(ch[0], ZX_CHANNEL_READABLE,
						    zx_deadline_after(ZX_SEC(30)), NULL));
		memset(buf, 0, sizeof(buf));
		ASSERT_EQ(ZX_OK, zx_channel_read(ch[0], 0, buf, NULL, sizeof(buf), 0, &n, NULL));
		ASSERT_EQ(i, atoi(buf + 8));
	}
	/* Two Linux tasks: the agent and the thread; no spare left over. */
	ASSERT_EQ(1, threads_named("echoer", "echoer"));
	ASSERT_EQ(1, threads_named("echoer", "main"));
	zx_handle_close(ch[0]);		/* the program exits when its peer closes */
	ASSERT_EQ(0, fs_wait_exit(l.proc));
	fs_close(&l);
	zx_handle_close(job);
}

/* Wait (up to 10 s) until @thread's ZX_INFO_THREAD state is @want. */
static uint32_t thread_state_becomes(zx_handle_t thread, uint32_t want)
{
	zx_info_thread_t ti = {0};

	for (int i = 0; i < 1000; i++) {
		if (zx_object_get_info(thread, ZX_INFO_THREAD, &ti, sizeof(ti), NULL, NULL) ||
		    ti.state == want)
			break;
		usleep(10000);
	}
	return ti.state;
}

/* ZX_INFO_THREAD: new, each blocked state the emulation tells, dead. */
TEST(thread_states)
{
	static const struct {
		uint32_t mode, state;
	} cases[] = {
		{MODE(FS_ECHO, 0), ZX_THREAD_STATE_BLOCKED_WAIT_ONE},
		{MODE(FS_SPIN, 0), ZX_THREAD_STATE_BLOCKED_SLEEPING},
		{MODE(FS_BLOCK, 0), ZX_THREAD_STATE_BLOCKED_PORT},
		{MODE(FS_BLOCK, 1), ZX_THREAD_STATE_BLOCKED_WAIT_MANY},
		{MODE(FS_BLOCK, 2), ZX_THREAD_STATE_BLOCKED_CHANNEL},
	};
	zx_handle_t job = zx_test_job(), ch[2], extra;
	zx_info_thread_t ti;
	struct launched l;
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		ASSERT_EQ(ZX_OK, zx_channel_create(0, &ch[0], &ch[1]));
		ASSERT_EQ(ZX_OK, fs_launch(job, "states", ch[1], cases[i].mode, &l));
		ASSERT_EQ(cases[i].state, thread_state_becomes(l.thread, cases[i].state))
			TH_LOG("case %zu", i);
		if (!i) {
			/* A thread not started yet is NEW. */
			ASSERT_EQ(ZX_OK, zx_thread_create(l.proc, "extra", 5, 0, &extra));
			ASSERT_EQ(ZX_OK, zx_object_get_info(extra, ZX_INFO_THREAD, &ti, sizeof(ti),
							    NULL, NULL));
			ASSERT_EQ(ZX_THREAD_STATE_NEW, ti.state);
			zx_handle_close(extra);
		}
		ASSERT_EQ(ZX_OK, zx_task_kill(l.proc));
		ASSERT_EQ(ZX_TASK_RETCODE_SYSCALL_KILL, fs_wait_exit(l.proc));
		ASSERT_EQ(ZX_OK, zx_object_get_info(l.thread, ZX_INFO_THREAD, &ti, sizeof(ti), NULL,
						    NULL));
		ASSERT_EQ(ZX_THREAD_STATE_DEAD, ti.state);
		zx_handle_close(ch[0]);
		fs_close(&l);
	}
	zx_handle_close(job);
}

/* Memory mapped into a process after it started is seen by both sides. */
TEST(map_after_start)
{
	zx_handle_t job = zx_test_job(), vmo, ch[2];
	struct launched l;
	zx_vaddr_t addr;

	ASSERT_EQ(ZX_OK, zx_channel_create(0, &ch[0], &ch[1]));
	ASSERT_EQ(ZX_OK, fs_launch(job, "late-map", ch[1], MODE(FS_ECHO, 0), &l));
	ASSERT_EQ(ZX_OK, zx_vmo_create(8192, 0, &vmo));
	ASSERT_EQ(ZX_OK, zx_vmar_map(l.vmar, ZX_VM_PERM_READ | ZX_VM_PERM_WRITE, 0, vmo, 0, 8192, &addr));
	ASSERT_GE(addr, 0x200000u);
	ASSERT_EQ(ZX_OK, zx_vmar_protect(l.vmar, ZX_VM_PERM_READ, addr, 8192));
	ASSERT_EQ(ZX_OK, zx_vmar_unmap(l.vmar, addr, 8192));
	ASSERT_EQ(ZX_OK, zx_task_kill(l.proc));
	ASSERT_EQ(ZX_TASK_RETCODE_SYSCALL_KILL, fs_wait_exit(l.proc));
	ASSERT_EQ(ZX_ERR_BAD_STATE, zx_vmar_map(l.vmar, ZX_VM_PERM_READ, 0, vmo, 0, 4096, &addr));
	zx_handle_close(vmo);
	zx_handle_close(ch[0]);
	fs_close(&l);
	zx_handle_close(job);
}

/*
 * A creator killed at any point of a launch leaves nothing behind.  (A
 * process that was started keeps running without its creator, as in
 * Zircon, so this one exits by itself.)
 */
TEST(creator_killed_during_launch)
{
	int i;

	for (i = 0; i < 24; i++) {
		struct launched l;
		pid_t pid = fork();

		ASSERT_GE(pid, 0);
		if (pid == 0) {
			fs_launch(zx_job_default(), "victim", ZX_HANDLE_INVALID, MODE(FS_EXIT, 0), &l);
			fs_launch(zx_job_default(), "victim", ZX_HANDLE_INVALID, MODE(FS_EXIT, 0), &l);
			_exit(0);
		}
		usleep(i * 1500);
		kill(pid, SIGKILL);
		waitpid(pid, NULL, 0);
	}
	ASSERT_TRUE(gone("victim"));
	/* This test process itself holds no object: all must go. */
	for (i = 0; i < 500 && zx_test_live("objects"); i++)
		usleep(10000);
	ASSERT_EQ(0, zx_test_live("objects"));
	ASSERT_EQ(0, zx_test_live("handles"));
}

/* A started process creates and starts a process of its own. */
TEST(process_creates_processes)
{
	zx_policy_basic_v2_t deny = {ZX_POL_NEW_PROCESS, ZX_POL_ACTION_DENY, ZX_POL_OVERRIDE_DENY};
	zx_handle_t job = zx_test_job(), denied = zx_test_job(), arg;
	struct launched l;

	ASSERT_EQ(ZX_OK, zx_handle_duplicate(job, ZX_RIGHT_SAME_RIGHTS, &arg));
	ASSERT_EQ(ZX_OK, fs_launch(job, "parent", arg, MODE(FS_SPAWN, 42), &l));
	ASSERT_EQ(42, fs_wait_exit(l.proc));
	fs_close(&l);

	/* ZX_POL_NEW_PROCESS of the caller's job decides, not the target's. */
	ASSERT_EQ(ZX_OK, zx_job_set_policy(denied, ZX_JOB_POL_RELATIVE, ZX_JOB_POL_BASIC_V2, &deny, 1));
	ASSERT_EQ(ZX_OK, zx_handle_duplicate(denied, ZX_RIGHT_SAME_RIGHTS, &arg));
	ASSERT_EQ(ZX_OK, fs_launch(job, "parent", arg, MODE(FS_SPAWN, 43), &l));
	ASSERT_EQ(43, fs_wait_exit(l.proc));
	fs_close(&l);
	ASSERT_EQ(ZX_OK, zx_handle_duplicate(job, ZX_RIGHT_SAME_RIGHTS, &arg));
	ASSERT_EQ(ZX_OK, fs_launch(denied, "parent", arg, MODE(FS_SPAWN, 44), &l));
	ASSERT_EQ(ZX_ERR_ACCESS_DENIED, fs_wait_exit(l.proc));
	fs_close(&l);
	/* A job handle without MANAGE_PROCESS or WRITE. */
	ASSERT_EQ(ZX_OK, zx_handle_duplicate(job, ZX_RIGHT_TRANSFER | ZX_RIGHT_INSPECT, &arg));
	ASSERT_EQ(ZX_OK, fs_launch(job, "parent", arg, MODE(FS_SPAWN, 45), &l));
	ASSERT_EQ(ZX_ERR_ACCESS_DENIED, fs_wait_exit(l.proc));
	fs_close(&l);
	ASSERT_TRUE(gone("grandchild"));
	ASSERT_TRUE(gone("parent"));
	zx_handle_close(denied);
	zx_handle_close(job);
}

/*
 * Maps into an unstarted process do not wait for its agent: the VMAR's
 * records decide, the next VMAR call or the start waits, and a map the
 * agent could not make fails them.
 */
TEST(maps_before_start)
{
	zx_handle_t job = zx_test_job(), proc, vmar, vmo, big, thread;
	struct rlimit lim = {256 << 20, 256 << 20};
	zx_info_task_stats_t st;
	zx_vaddr_t a, b;

	ASSERT_EQ(ZX_OK, zx_process_create(job, "early", 5, 0, &proc, &vmar));
	ASSERT_EQ(ZX_OK, zx_vmo_create(65536, 0, &vmo));
	ASSERT_EQ(ZX_OK, zx_vmar_map(vmar, ZX_VM_PERM_READ | ZX_VM_SPECIFIC, 0x10000, vmo, 0,
				     65536, &a));
	ASSERT_EQ(0x210000u, a);
	ASSERT_EQ(ZX_ERR_ALREADY_EXISTS, zx_vmar_map(vmar, ZX_VM_PERM_READ | ZX_VM_SPECIFIC,
						     0x18000, vmo, 0, 4096, &b));
	ASSERT_EQ(ZX_OK, zx_vmar_map(vmar, ZX_VM_PERM_READ, 0, vmo, 0, 65536, &b));
	ASSERT_TRUE(b + 65536 <= a || b >= a + 65536);
	ASSERT_EQ(ZX_OK, zx_object_get_info(proc, ZX_INFO_TASK_STATS, &st, sizeof(st), NULL, NULL));
	ASSERT_LE(2 * 65536, st.mem_mapped_bytes);
	zx_handle_close(vmar);
	zx_handle_close(proc);

	/* The agent inherits the limit; the map is refused only in it. */
	ASSERT_EQ(0, setrlimit(RLIMIT_AS, &lim));
	ASSERT_EQ(ZX_OK, zx_process_create(job, "early-fail", 10, 0, &proc, &vmar));
	ASSERT_EQ(ZX_OK, zx_vmo_create(1ull << 30, 0, &big));
	ASSERT_EQ(ZX_OK, zx_vmar_map(vmar, ZX_VM_PERM_READ, 0, big, 0, 1ull << 30, &a));
	ASSERT_EQ(ZX_ERR_NO_RESOURCES, zx_vmar_unmap(vmar, a, 4096));
	ASSERT_EQ(ZX_OK, zx_thread_create(proc, "main", 4, 0, &thread));
	ASSERT_EQ(ZX_ERR_NO_RESOURCES, zx_process_start(proc, thread, a, a + 4096, 0, 0));
	ASSERT_EQ(ZX_OK, zx_object_wait_one(proc, ZX_PROCESS_TERMINATED,
					    zx_deadline_after(ZX_SEC(10)), NULL));
	zx_handle_close(thread);
	zx_handle_close(vmar);
	zx_handle_close(proc);
	zx_handle_close(big);
	zx_handle_close(vmo);
	zx_handle_close(job);
	ASSERT_TRUE(gone("early"));
	ASSERT_TRUE(gone("early-fail"));
}

struct policy_count {
	int policy, n;
};

static int count_policy(const char *dir, int id, void *ctx)
{
	struct policy_count *c = ctx;

	(void)dir;
	c->n += sched_getscheduler(id) == c->policy;
	return 0;
}

/* Threads of the Linux processes named @comm whose scheduling policy is @policy. */
static int threads_with_policy(const char *comm, int policy)
{
	struct policy_count c = { policy, 0 };

	zx_test_each_thread(comm, NULL, count_policy, &c);
	return c.n;
}

/* Processes made in advance: what zx_process_create makes from them. */
TEST(pool_processes)
{
	zx_handle_t job = zx_test_job(), ch, peer, bad = zx_test_event(), procs[2];
	int base = zx_test_objects_quiet();
	char got[ZX_MAX_NAME_LEN];
	struct launched a, b;
	size_t actual = 0;

	ASSERT_EQ(ZX_ERR_OUT_OF_RANGE, zx_linux_process_pool(65));
	ASSERT_EQ(ZX_OK, zx_linux_process_pool(3));
	/* Each: a process and its root VMAR, no job yet, a Linux process. */
	ASSERT_EQ(base + 6, zx_test_live("objects"));
	ASSERT_EQ(3, tasks_named("zx-pool"));
	/* Made at idle priority: agent and spare of each. */
	ASSERT_EQ(6, threads_with_policy("zx-pool", SCHED_IDLE));
	ASSERT_EQ(ZX_OK, zx_object_get_info(job, ZX_INFO_JOB_PROCESSES, procs, sizeof(procs),
					    &actual, NULL));
	ASSERT_EQ(0, actual);

	ASSERT_EQ(ZX_OK, zx_channel_create(0, &ch, &peer));
	ASSERT_EQ(ZX_OK, fs_launch(job, "pooled", peer, MODE(FS_ECHO, 0), &a));
	ASSERT_EQ(2, tasks_named("zx-pool"));
	ASSERT_EQ(1, tasks_named("pooled"));
	ASSERT_EQ(1, threads_named("pooled", "main"));
	/* The caller's policy once claimed: agent, thread and the spare made after. */
	ASSERT_EQ(0, threads_with_policy("pooled", SCHED_IDLE));
	ASSERT_LE(2, threads_with_policy("pooled", SCHED_OTHER));
	ASSERT_EQ(ZX_OK, zx_object_get_property(a.proc, ZX_PROP_NAME, got, sizeof(got)));
	ASSERT_EQ(0, strcmp("pooled", got));
	ASSERT_EQ(zx_test_basic(job).koid, zx_test_basic(a.proc).related_koid);
	ASSERT_EQ(ZX_OK, zx_object_get_info(job, ZX_INFO_JOB_PROCESSES, procs, sizeof(procs),
					    &actual, NULL));
	ASSERT_EQ(1, actual);
	ASSERT_EQ(zx_test_basic(a.proc).koid, procs[0]);
	/* A later ZX_PROP_NAME renames the Linux tasks too. */
	ASSERT_EQ(ZX_OK, zx_object_set_property(a.proc, ZX_PROP_NAME, "renamed", 7));
	ASSERT_EQ(ZX_OK, zx_object_set_property(a.thread, ZX_PROP_NAME, "worker", 6));
	ASSERT_EQ(1, tasks_named("renamed"));
	ASSERT_EQ(1, threads_named("renamed", "worker"));
	ASSERT_EQ(ZX_OK, zx_channel_write(ch, 0, "ping", 4, NULL, 0));
	ASSERT_EQ(ZX_OK, zx_object_wait_one(ch, ZX_CHANNEL_READABLE, zx_deadline_after(ZX_SEC(10)),
					    NULL));
	zx_handle_close(ch);
	ASSERT_EQ(0, fs_wait_exit(a.proc));
	fs_close(&a);

	/* Errors are the call's own, with or without a pool. */
	ASSERT_EQ(ZX_ERR_WRONG_TYPE, zx_process_create(bad, "p", 1, 0, &b.proc, &b.vmar));
	ASSERT_EQ(ZX_ERR_INVALID_ARGS, zx_process_create(job, NULL, 0, 0, &b.proc, &b.vmar));
	ASSERT_EQ(ZX_OK, zx_linux_process_pool(3));
	/* A job kill reaches a process made in advance; a blank is in no job. */
	ASSERT_EQ(ZX_OK, fs_launch(job, "pool-spin", ZX_HANDLE_INVALID, MODE(FS_SPIN, 0), &b));
	ASSERT_EQ(ZX_OK, zx_task_kill(job));
	ASSERT_EQ(ZX_TASK_RETCODE_SYSCALL_KILL, fs_wait_exit(b.proc));
	fs_close(&b);
	ASSERT_EQ(ZX_OK, zx_linux_process_pool(2));
	ASSERT_EQ(2, tasks_named("zx-pool"));

	/* An empty pool leaves nothing behind. */
	ASSERT_EQ(ZX_OK, zx_linux_process_pool(0));
	ASSERT_TRUE(gone("zx-pool"));
	ASSERT_TRUE(gone("renamed"));
	ASSERT_TRUE(gone("pool-spin"));
	ASSERT_TRUE(zx_test_objects_settle(base));
	zx_handle_close(bad);
	zx_handle_close(job);
}

struct retire_count {
	int idle, other;
};

/* Count the policies of the tasks that are no Zircon thread (not "main"). */
static int count_retired(const char *dir, int id, void *ctx)
{
	struct retire_count *c = ctx;
	char path[340];
	int policy;

	snprintf(path, sizeof(path), "%s/comm", dir);
	if (zx_test_comm_is(path, "main"))
		return 0;
	policy = sched_getscheduler(id);
	c->idle += policy == SCHED_IDLE;
	c->other += policy == SCHED_OTHER;
	return 0;
}

/* Wait (up to 5 s) until the Linux process @pid is a zombie. */
static int zombie(pid_t pid)
{
	char path[64], buf[256], *state;
	FILE *f;

	snprintf(path, sizeof(path), "/proc/%d/stat", pid);
	for (int i = 0; i < 500; i++, usleep(10000)) {
		f = fopen(path, "r");
		if (!f)
			return 0;
		state = fgets(buf, sizeof(buf), f) ? strrchr(buf, ')') : NULL;
		fclose(f);
		if (state && state[1] == ' ' && state[2] == 'Z')
			return 1;
	}
	return 0;
}

static int first_id(const char *dir, int id, void *ctx)
{
	(void)dir, (void)ctx;
	return id;
}

/*
 * What is left of a killed process, its agent and spare, exits at
 * SCHED_IDLE: Linux's teardown of it does not hold up a waiter.  The test
 * is the agents' subreaper, so each agent stays, a zombie, with the policy
 * it died with.
 */
TEST(killed_process_tears_down_at_idle)
{
	zx_handle_t job = zx_test_job();
	struct retire_count before = {0}, after = {0};
	struct launched l;
	pid_t agent;
	int i;

	ASSERT_EQ(0, prctl(PR_SET_CHILD_SUBREAPER, 1));
	for (i = 0; i < 4; i++) {
		ASSERT_EQ(ZX_OK, fs_launch(job, "retiring", ZX_HANDLE_INVALID, MODE(FS_SPIN, 0), &l));
		agent = zx_test_each_named("/proc", "retiring", first_id, NULL);
		ASSERT_LT(0, agent);
		zx_test_each_thread("retiring", NULL, count_retired, &before);
		ASSERT_EQ(ZX_OK, zx_task_kill(l.proc));
		ASSERT_EQ(ZX_TASK_RETCODE_SYSCALL_KILL, fs_wait_exit(l.proc));
		ASSERT_TRUE(zombie(agent));
		zx_test_each_thread("retiring", NULL, count_retired, &after);
		ASSERT_EQ(agent, waitpid(agent, NULL, 0));
		fs_close(&l);
		ASSERT_TRUE(gone("retiring"));
	}
	/* Each had its agent (and spare) at the caller's policy until the kill. */
	ASSERT_LE(4, before.other);
	ASSERT_EQ(0, before.idle);
	ASSERT_EQ(0, after.other);
	ASSERT_EQ(4, after.idle);
	zx_handle_close(job);
}

/* The euid of the task in @dir, plus one (so that finding it stops the walk). */
static int euid_in(const char *dir, int id, void *ctx)
{
	char path[320], buf[256];
	int ruid, euid = -1;
	FILE *f;

	(void)id, (void)ctx;
	snprintf(path, sizeof(path), "%s/status", dir);
	f = fopen(path, "r");
	while (f && fgets(buf, sizeof(buf), f)) {
		if (sscanf(buf, "Uid: %d %d", &ruid, &euid) == 2)
			break;
	}
	if (f)
		fclose(f);
	return euid + 1;
}

/* The euid of the Linux process named @comm, or -1. */
static int euid_of(const char *comm)
{
	return zx_test_each_named("/proc", comm, euid_in, NULL) - 1;
}

/* A process made in advance is not used once the caller's credentials changed. */
TEST(pool_follows_credentials)
{
	zx_handle_t proc, vmar;
	struct zx_ioc_process_blank bad = {.op = 7};

	zx_handle_t job = zx_test_job(), ev = zx_test_event(), other, dup, p2, v2;
	struct zx_ioc_process_create create = {
		.job = job, .name = (uintptr_t)"x", .name_size = 1,
		.proc_out = (uintptr_t)&p2, .vmar_out = (uintptr_t)&v2,
	};

	ASSERT_EQ(ZX_ERR_INVALID_ARGS, -ioctl(zx_linux_fd(), ZX_IOC_PROCESS_BLANK, &bad));
	/* Only a blank of the caller's own is one; the handle goes either way. */
	create.blank = ev;
	ASSERT_EQ(ZX_ERR_UNAVAILABLE, -ioctl(zx_linux_fd(), ZX_IOC_PROCESS_CREATE, &create));
	ASSERT_EQ(ZX_ERR_BAD_HANDLE, zx_object_get_info(ev, ZX_INFO_HANDLE_VALID, NULL, 0, NULL,
							NULL));
	ASSERT_EQ(ZX_OK, zx_process_create(job, "other", 5, 0, &other, &v2));
	zx_handle_close(v2);
	ASSERT_EQ(ZX_OK, zx_handle_duplicate(other, ZX_RIGHT_SAME_RIGHTS, &dup));
	create.blank = dup;
	ASSERT_EQ(ZX_ERR_UNAVAILABLE, -ioctl(zx_linux_fd(), ZX_IOC_PROCESS_CREATE, &create));
	/* "other" keeps its other handle, so it lives on. */
	ASSERT_EQ(ZX_ERR_TIMED_OUT, zx_object_wait_one(other, ZX_PROCESS_TERMINATED,
						       zx_deadline_after(ZX_MSEC(100)), NULL));
	zx_handle_close(other);
	zx_handle_close(job);
	ASSERT_EQ(0, geteuid());
	ASSERT_EQ(ZX_OK, zx_linux_process_pool(1));
	ASSERT_EQ(0, seteuid(65534));
	ASSERT_EQ(ZX_OK, zx_process_create(zx_job_default(), "nobody", 6, 0, &proc, &vmar));
	ASSERT_EQ(0, seteuid(0));
	ASSERT_EQ(65534, euid_of("nobody"));
	zx_handle_close(vmar);
	zx_handle_close(proc);
	ASSERT_EQ(ZX_OK, zx_linux_process_pool(0));
	ASSERT_TRUE(gone("nobody"));
	ASSERT_TRUE(gone("zx-pool"));
}

/* The Magenta spellings: uint32_t name lengths, a handle required at start. */
TEST(magenta_spellings)
{
	mx_handle_t job, proc, vmar, thread, ev;
	mx_info_process_t info;
	struct launched l;

	ASSERT_EQ(NO_ERROR, mx_job_create(mx_job_default(), 0, &job));
	ASSERT_EQ(NO_ERROR, mx_process_create(job, "mx-proc", 7, 0, &proc, &vmar));
	ASSERT_EQ(NO_ERROR, mx_thread_create(proc, "mx-thread", 9, 0, &thread));
	ASSERT_EQ(ERR_INVALID_ARGS, mx_process_start(proc, thread, 0x1000, 0x2000, MX_HANDLE_INVALID, 0));
	ASSERT_EQ(NO_ERROR, mx_object_get_info(proc, MX_INFO_PROCESS, &info, sizeof(info), NULL, NULL));
	ASSERT_EQ(8, sizeof(info));
	ASSERT_FALSE(info.started);
	ASSERT_EQ(NO_ERROR, mx_task_kill(proc));
	ASSERT_EQ(NO_ERROR, mx_object_get_info(proc, MX_INFO_PROCESS, &info, sizeof(info), NULL, NULL));
	ASSERT_TRUE(info.exited);
	ASSERT_EQ(-1, info.return_code);
	mx_handle_close(thread);
	mx_handle_close(vmar);
	mx_handle_close(proc);

	/* A started one, through the Zircon loader and Magenta's start. */
	l.proc = ZX_HANDLE_INVALID;
	ASSERT_EQ(ZX_OK, zx_process_create((zx_handle_t)job, "mx-run", 6, 0, &l.proc, &l.vmar));
	ASSERT_EQ(ZX_OK, fs_load(&l));
	ASSERT_EQ(NO_ERROR, mx_thread_create((mx_handle_t)l.proc, "t", 1, 0, &thread));
	ASSERT_EQ(NO_ERROR, mx_event_create(0, &ev));
	ASSERT_EQ(NO_ERROR, mx_process_start((mx_handle_t)l.proc, thread, l.code,
					     l.stack + FS_STACK_SIZE, ev, MODE(FS_EXIT, 12)));
	ASSERT_EQ(NO_ERROR, mx_object_wait_one((mx_handle_t)l.proc, MX_PROCESS_TERMINATED,
					       MX_TIME_INFINITE, NULL));
	ASSERT_EQ(NO_ERROR, mx_object_get_info((mx_handle_t)l.proc, MX_INFO_PROCESS, &info,
					       sizeof(info), NULL, NULL));
	ASSERT_EQ(12, info.return_code);
	mx_handle_close(thread);
	zx_handle_close(l.vmar);
	zx_handle_close(l.proc);
	mx_handle_close(job);
}

TEST_HARNESS_MAIN
