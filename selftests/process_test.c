// SPDX-License-Identifier: MIT
/*
 * zx_process_create, zx_process_start, threads and task lifecycles, with
 * Linux processes behind them (selftests/fsprog/ is the program they run).
 */
#include <signal.h>
#include <stdint.h>
#include <string.h>
#include <dirent.h>
#include <unistd.h>

#include "zx_test.h"
#include "launch.h"

#define MODE(m, v) ((uintptr_t)(m) | ((uintptr_t)(v) << 8))

static zx_handle_t new_job(void)
{
	zx_handle_t job = ZX_HANDLE_INVALID;

	zx_job_create(zx_job_default(), 0, &job);
	return job;
}

static zx_info_process_t proc_info(zx_handle_t proc)
{
	zx_info_process_t info = {0};

	zx_object_get_info(proc, ZX_INFO_PROCESS, &info, sizeof(info), NULL, NULL);
	return info;
}

/*
 * Linux tasks named @comm under @dir ("/proc": processes, zombies included;
 * "/proc/PID/task": the threads of one).
 */
static int named_in(const char *top, const char *comm)
{
	char path[300], buf[64];
	struct dirent *d;
	int n = 0;
	DIR *dir = opendir(top);

	while (dir && (d = readdir(dir))) {
		FILE *f;

		snprintf(path, sizeof(path), "%s/%s/comm", top, d->d_name);
		f = fopen(path, "r");
		if (!f)
			continue;
		if (fgets(buf, sizeof(buf), f) && !strncmp(buf, comm, strlen(comm)) &&
		    buf[strlen(comm)] == '\n')
			n++;
		fclose(f);
	}
	if (dir)
		closedir(dir);
	return n;
}

static int tasks_named(const char *comm)
{
	return named_in("/proc", comm);
}

/* Threads named @thread in the Linux processes named @comm. */
static int threads_named(const char *comm, const char *thread)
{
	char path[300], buf[64];
	struct dirent *d;
	int n = 0;
	DIR *dir = opendir("/proc");

	while (dir && (d = readdir(dir))) {
		FILE *f;

		snprintf(path, sizeof(path), "/proc/%s/comm", d->d_name);
		f = fopen(path, "r");
		if (!f)
			continue;
		if (fgets(buf, sizeof(buf), f) && !strncmp(buf, comm, strlen(comm)) &&
		    buf[strlen(comm)] == '\n') {
			snprintf(path, sizeof(path), "/proc/%s/task", d->d_name);
			n += named_in(path, thread);
		}
		fclose(f);
	}
	if (dir)
		closedir(dir);
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
	zx_handle_t proc, vmar, ev = zx_test_event(), job = new_job(), ro;

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
	zx_handle_t job = new_job(), proc, vmar;

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
	zx_handle_t job = new_job(), proc, vmar;
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
	zx_handle_t job = new_job(), proc, vmar, procs_koid[4];
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
	zx_handle_t job = new_job(), ch[2], ev = zx_test_event();
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
	zx_handle_t job = new_job();
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
	zx_handle_t job = new_job(), child, ev = zx_test_event();
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

TEST_HARNESS_MAIN
