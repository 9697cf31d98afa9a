// SPDX-License-Identifier: GPL-2.0
/*
 * Zircon processes.
 *
 * Two kinds of process share struct zx_process:
 *  - A host process is a Linux program that opened /dev/zircon.  The open
 *    file owns it and binds it to the opener's thread group.  It gets a
 *    default job of its own (a child of the root job) whose policy it
 *    captures, but it is not one of that job's processes: no job kill
 *    reaches a host.  It ends when its file is released.
 *  - A created process (zx_process_create) is a new, empty Linux process run
 *    by its agent (agent.c).  It is one of its job's processes, its threads
 *    are Linux threads of the agent's thread group, and its root VMAR is that
 *    group's address space.
 *
 * States (struct zx_process.state): INITIAL until zx_process_start,
 * RUNNING, DYING once its tasks are being killed, DEAD when it ended.  An
 * unstarted process ends when its last handle goes or it is killed; a
 * started one when its last thread is dead (its agent and spares, killed
 * by then, may take a moment longer), which happens when its last thread
 * exits (return code 0), it calls zx_process_exit (its code), it is killed
 * (ZX_TASK_RETCODE_SYSCALL_KILL, also for its job's kill), or it crashes
 * (ZX_TASK_RETCODE_EXCEPTION_KILL).  A blank process (ZX_IOC_PROCESS_BLANK,
 * for libzx's pool) is an unstarted one in no job yet, which a later
 * zx_process_create claims.  Ending destroys
 * its handle table and root VMAR, marks its threads dead, asserts
 * ZX_PROCESS_TERMINATED and takes it off its job.
 *
 * Locking: proc->lock (a mutex) protects the fields so marked in zircon.h.
 * It nests outside zx_handle_table.lock and zx_object.lock, and is never
 * held together with zx_job_lock.
 */

#include <linux/anon_inodes.h>
#include <linux/fcntl.h>
#include <linux/file.h>
#include <linux/mm.h>
#include <linux/pid.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/sched/task.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/timekeeping.h>
#include <linux/uaccess.h>

#include <linux/zircon.h>

#include "zircon.h"
#include "trace.h"

static struct zx_process *zx_process_alloc(struct zx_job *job)
{
	struct zx_process *proc = kzalloc(sizeof(*proc), GFP_KERNEL_ACCOUNT);

	if (!proc)
		return NULL;
	zx_object_init(&proc->obj, &zx_process_ops, 0);
	zx_handle_table_init(&proc->table);
	proc->ht = &proc->table;
	INIT_LIST_HEAD(&proc->shared_node);
	mutex_init(&proc->lock);
	INIT_LIST_HEAD(&proc->threads);
	INIT_LIST_HEAD(&proc->requests);
	INIT_LIST_HEAD(&proc->spares);
	INIT_LIST_HEAD(&proc->job_node);
	INIT_LIST_HEAD(&proc->kill_node);
	spin_lock_init(&proc->req_lock);
	init_waitqueue_head(&proc->wq);
	init_waitqueue_head(&proc->agent_wq);
	init_waitqueue_head(&proc->spare_wq);
	zx_object_get(zx_job_object(job));
	proc->job = job;
	zx_job_copy_policy(job, proc->policy);
	return proc;
}

/* A host process for the opener of /dev/zircon. */
struct zx_process *zx_process_open(void)
{
	struct zx_process *proc;
	struct zx_job *job;
	int status;

	job = zx_job_create_child(zx_root_job, &status);
	if (!job)
		return ERR_PTR(status == ZX_ERR_NO_MEMORY ? -ENOMEM : -EINVAL);
	zx_object_set_name(zx_job_object(job), current->comm, sizeof(current->comm));
	proc = zx_process_alloc(job);
	zx_job_put(job);		/* the process holds it now, or nobody */
	if (!proc)
		return ERR_PTR(-ENOMEM);
	proc->host = true;
	proc->agent_gone = true;
	zx_object_set_name(&proc->obj, current->comm, sizeof(current->comm));
	status = zx_handle_install(proc, zx_job_object(job), ZX_DEFAULT_JOB_RIGHTS,
				   &proc->default_job);
	if (status) {
		zx_process_file_release(proc);
		return ERR_PTR(-ENOMEM);
	}
	proc->tgid = get_pid(task_tgid(current));
	proc->state = ZX_PROCESS_RUNNING;
	return proc;
}

/*
 * End @proc: see the comment at the top.  Any caller holds a reference.
 * Runs once; later calls return at once.
 */
static void zx_process_terminate(struct zx_process *proc)
{
	struct zx_object *vmar;
	struct zx_thread *t, *tmp;
	struct file *agent_file;
	struct zx_shared *shared;
	LIST_HEAD(threads);

	mutex_lock(&proc->lock);
	if (proc->state == ZX_PROCESS_DEAD) {
		mutex_unlock(&proc->lock);
		return;
	}
	proc->state = ZX_PROCESS_DEAD;
	list_splice_init(&proc->threads, &threads);
	vmar = proc->root_vmar;
	proc->root_vmar = NULL;
	agent_file = proc->agent_file;
	proc->agent_file = NULL;
	shared = proc->shared;		/* set by now, if ever */
	mutex_unlock(&proc->lock);

	zx_agent_fail_all(proc);
	list_for_each_entry_safe(t, tmp, &threads, node) {
		list_del_init(&t->node);
		zx_thread_died(t);
		zx_object_put(&t->obj);
	}
	if (vmar) {
		zx_vmar_root_kill(vmar);
		zx_object_put(vmar);
	}
	if (shared)
		zx_shared_leave(proc);	/* the group's table goes with its last */
	else
		zx_handle_table_destroy(proc);
	zx_object_update_signals(&proc->obj, 0, ZX_PROCESS_TERMINATED);
	trace_zx_process_exit(proc->obj.koid, proc->tgid ? pid_nr(proc->tgid) : 0,
			      proc->return_code);
	if (!proc->host)
		zx_job_remove_process(proc);
	if (agent_file)
		fput(agent_file);
}

/* The descriptor of @proc (its /dev/zircon or its agent's) is closed for good. */
void zx_process_file_release(struct zx_process *proc)
{
	/* A created process whose agent never bound has no task to wait for. */
	if (proc->host || !proc->tgid)
		zx_process_terminate(proc);
	zx_object_put(&proc->obj);
}

/* Lock held.  The first reason a process ends gives its return code. */
static void zx_process_set_code(struct zx_process *proc, s64 code)
{
	if (!proc->return_code_set) {
		proc->return_code = code;
		proc->return_code_set = true;
	}
}

/* zx_task_kill, a job kill, or the last handle of an unstarted process. */
void zx_process_kill(struct zx_process *proc, s64 code)
{
	bool now = false, signal = false;

	mutex_lock(&proc->lock);
	switch (proc->state) {
	case ZX_PROCESS_INITIAL:
		now = true;
		fallthrough;
	case ZX_PROCESS_RUNNING:
		zx_process_set_code(proc, code);
		proc->state = ZX_PROCESS_DYING;
		signal = proc->tgid && !proc->agent_gone;
		break;
	default:
		break;
	}
	mutex_unlock(&proc->lock);
	if (signal) {
		zx_agent_retire(proc);
		kill_pid(proc->tgid, SIGKILL, 1);
	}
	if (now)
		zx_process_terminate(proc);
}

/*
 * A bound task of @proc died: its @agent, the thread @t, or a spare (neither).
 * Runs from the task's exit hook, with a reference on @proc.
 */
void zx_process_task_exited(struct zx_process *proc, struct task_struct *task,
			    struct zx_thread *t, bool agent)
{
	struct signal_struct *sig = task->signal;
	bool kill = false, listed = false, end;
	int code;

	mutex_lock(&proc->lock);
	if (sig->flags & SIGNAL_GROUP_EXIT) {
		/* exit_group() or a fatal signal took the whole group. */
		code = sig->group_exit_code;
		if ((code & 0x7f) == SIGKILL)
			zx_process_set_code(proc, ZX_TASK_RETCODE_SYSCALL_KILL);
		else if (code & 0x7f)
			zx_process_set_code(proc, ZX_TASK_RETCODE_EXCEPTION_KILL);
		else
			zx_process_set_code(proc, (code >> 8) & 0xff);
	}
	if (t) {
		/* A dead thread leaves the list (its handles may keep it). */
		if (!list_empty(&t->node)) {
			list_del_init(&t->node);
			listed = true;
		}
		if (!--proc->live_threads && proc->state == ZX_PROCESS_RUNNING) {
			/* The last thread left: the process exits with 0. */
			zx_process_set_code(proc, 0);
			proc->state = ZX_PROCESS_DYING;
			kill = true;
		}
	} else if (agent) {
		proc->agent_gone = true;
		if (proc->state == ZX_PROCESS_INITIAL || proc->state == ZX_PROCESS_RUNNING) {
			/* Killed from outside the emulation. */
			zx_process_set_code(proc, ZX_TASK_RETCODE_SYSCALL_KILL);
			proc->state = ZX_PROCESS_DYING;
			kill = true;
		}
	}
	/*
	 * A started process ends with its last thread: its agent and spares,
	 * killed, run no code of its any more, and their exits change nothing.
	 */
	end = !--proc->live_tasks ||
	      (t && !proc->live_threads && proc->state == ZX_PROCESS_DYING);
	mutex_unlock(&proc->lock);

	if (t)
		zx_thread_died(t);
	else if (agent)
		zx_agent_fail_all(proc);
	if (listed)
		zx_object_put(&t->obj);		/* the list's reference */
	if (kill) {
		zx_agent_retire(proc);
		kill_pid(proc->tgid, SIGKILL, 1);
	}
	if (end)
		zx_process_terminate(proc);
}

/* Check a ZX_POL_NEW_* condition against the policy this process captured. */
int zx_process_check_policy(struct zx_process *proc, u32 condition)
{
	u8 action = proc->policy[condition] & ZX_POL_ACTION_BITS;

	/* ALLOW_EXCEPTION allows; its debugger exception is not emulated. */
	if (action == ZX_POL_ACTION_ALLOW || action == ZX_POL_ACTION_ALLOW_EXCEPTION)
		return ZX_OK;
	return ZX_ERR_ACCESS_DENIED;
}

/*
 * Copy a process or thread name: NULL is refused even with size 0, the size
 * is clamped to ZX_MAX_NAME_LEN, and the name ends at the first NUL or after
 * ZX_MAX_NAME_LEN - 1 characters.
 */
int zx_process_copy_name(u64 uname, u64 size, char name[ZX_MAX_NAME_LEN])
{
	memset(name, 0, ZX_MAX_NAME_LEN);
	if (!uname)
		return ZX_ERR_INVALID_ARGS;
	size = min_t(u64, size, ZX_MAX_NAME_LEN - 1);
	if (copy_from_user(name, u64_to_user_ptr(uname), size))
		return ZX_ERR_INVALID_ARGS;
	return ZX_OK;
}

/*
 * Make a process in @job (a blank, with @maker set, only refers to it),
 * with a root VMAR that covers only the private part with @restricted.
 * On success *@out and *@vmar hold a reference each: once the process is on
 * the job's list, a job kill may end it (and drop its root VMAR) at any time.
 */
int zx_process_new(struct zx_job *job, const char *name, struct zx_process *maker,
		   bool restricted, struct zx_process **out, struct zx_object **vmar)
{
	struct zx_process *np;
	int status;

	np = zx_process_alloc(job);
	if (!np)
		return ZX_ERR_NO_MEMORY;
	zx_object_set_name(&np->obj, name, ZX_MAX_NAME_LEN);
	np->creator_cred = get_current_cred();
	np->root_vmar = zx_vmar_create_root(np, restricted, &status);
	if (!np->root_vmar)
		goto err;
	*vmar = zx_object_get(np->root_vmar);
	if (maker) {
		np->blank = true;
		np->maker = maker->obj.koid;
		status = ZX_OK;
	} else {
		status = zx_job_add_process(job, np);
	}
	if (status) {
		zx_object_put(*vmar);
		goto err;
	}
	*out = np;
	return ZX_OK;
err:
	zx_process_terminate(np);
	zx_object_put(&np->obj);
	return status;
}

/* Make the descriptor of @np its agent-to-be binds with, and reserve its number. */
int zx_process_agent_file(struct zx_process *np, int *fd, struct file **file)
{
	*fd = get_unused_fd_flags(O_CLOEXEC);
	if (*fd < 0)
		return ZX_ERR_NO_RESOURCES;
	zx_object_get(&np->obj);		/* the file's */
	*file = anon_inode_getfile("[zircon-process]", &zx_fops, np, O_RDWR);
	if (IS_ERR(*file)) {
		zx_object_put(&np->obj);
		put_unused_fd(*fd);
		return ZX_ERR_NO_MEMORY;
	}
	return ZX_OK;
}

/*
 * Give the caller of a process-creating call handles to @np and @vmar
 * (written to @out->proc_out and @out->vmar_out) and @np's agent
 * descriptor @file, reserved as @fd (written to @out->fd_out; none for a
 * claimed blank).  On failure all of it is undone but @np, which the
 * caller kills.
 */
int zx_process_hand_out(struct zx_process *proc, struct zx_process *np,
			struct zx_object *vmar, struct file *file, int fd,
			const struct zx_ioc_process_create *out)
{
	char name[ZX_MAX_NAME_LEN];
	u32 hproc = 0, hvmar = 0;
	int status;

	status = zx_handle_install(proc, &np->obj, ZX_DEFAULT_PROCESS_RIGHTS, &hproc);
	if (!status)
		status = zx_handle_install(proc, vmar, ZX_DEFAULT_VMAR_RIGHTS |
					   ZX_RIGHT_READ | ZX_RIGHT_WRITE | ZX_RIGHT_EXECUTE,
					   &hvmar);
	if (!status && (put_user(hproc, (u32 __user *)u64_to_user_ptr(out->proc_out)) ||
			put_user(hvmar, (u32 __user *)u64_to_user_ptr(out->vmar_out)) ||
			(file && put_user(fd, (int __user *)u64_to_user_ptr(out->fd_out)))))
		status = ZX_ERR_INVALID_ARGS;
	if (status) {
		if (hvmar)
			zx_handle_close(proc, hvmar);
		if (hproc)
			zx_handle_close(proc, hproc);	/* ends it: never started */
		if (file) {
			fput(file);
			put_unused_fd(fd);
		}
		return status;
	}
	if (file)
		fd_install(fd, file);
	zx_object_get_name(&np->obj, name);
	trace_zx_process_create(zx_job_object(np->job)->koid, np->obj.koid, name);
	return ZX_OK;
}

/*
 * Claim the blank @blank (a handle the caller took) as a new process named
 * @name in @job.  ZX_ERR_UNAVAILABLE: it cannot be used; see the uapi header.
 */
static int zx_process_claim(struct zx_process *proc, struct zx_handle_ref *blank,
			    struct zx_job *job, const char *name, struct zx_process **out,
			    struct zx_object **vmar)
{
	struct zx_process *np = to_process(blank->obj);
	int status = ZX_OK;

	if (blank->obj->ops != &zx_process_ops)
		return ZX_ERR_UNAVAILABLE;
	mutex_lock(&np->lock);
	if (!np->blank || np->maker != proc->obj.koid || np->state != ZX_PROCESS_INITIAL ||
	    !np->root_vmar || !zx_agent_ready(np) || READ_ONCE(np->req_closed) ||
	    !zx_agent_cred_within(np, current_cred())) {
		status = ZX_ERR_UNAVAILABLE;
	} else {
		/* Nothing reads job or policy of a blank: nobody else names it. */
		np->blank = false;
		np->blank_job = np->job;
		zx_object_get(zx_job_object(job));
		np->job = job;
		zx_job_copy_policy(job, np->policy);
		*vmar = zx_object_get(np->root_vmar);
	}
	mutex_unlock(&np->lock);
	if (status)
		return status;
	zx_object_set_name(&np->obj, name, ZX_MAX_NAME_LEN);
	zx_task_rename(np->tgid, &np->obj);
	zx_agent_adopt_sched(np);
	status = zx_job_add_process(job, np);
	if (status) {
		zx_object_put(*vmar);
		return status;
	}
	zx_object_get(&np->obj);
	*out = np;
	return ZX_OK;
}

int zx_sys_process_create(struct zx_process *proc, struct zx_ioc_process_create *a)
{
	struct zx_handle_ref ref, blank = {};
	char name[ZX_MAX_NAME_LEN];
	struct zx_object *vmar, *svmar = NULL;
	struct zx_process *np;
	struct file *file = NULL;
	int status, fd = -1;

	/* The blank is consumed whatever happens. */
	if (a->blank && zx_handle_take(proc, a->blank, &blank))
		blank.obj = NULL;
	if (a->reserved || a->options & ~ZX_PROCESS_SHARED) {
		status = ZX_ERR_INVALID_ARGS;
		goto out_blank;
	}
	status = zx_process_check_policy(proc, ZX_POL_NEW_PROCESS);
	if (!status)
		status = zx_process_copy_name(a->name, a->name_size, name);
	if (!status)
		status = zx_handle_get(proc, a->job, ZX_OBJ_TYPE_JOB, 0, &ref);
	if (status)
		goto out_blank;
	/* Current Zircon wants MANAGE_PROCESS; older Zircon and Magenta WRITE. */
	if (!(ref.rights & (ZX_RIGHT_MANAGE_PROCESS | ZX_RIGHT_WRITE))) {
		status = ZX_ERR_ACCESS_DENIED;
		goto out_job;
	}
	if (!a->blank)
		status = zx_process_new(zx_job_from_object(ref.obj), name, NULL, a->options, &np,
					&vmar);
	else if (blank.obj && !a->options)
		status = zx_process_claim(proc, &blank, zx_job_from_object(ref.obj), name, &np,
					  &vmar);
	else
		status = ZX_ERR_UNAVAILABLE;
	if (status)
		goto out_job;

	/* A shared group's first process: the caller gets the shared region. */
	if (a->options) {
		status = zx_shared_create(np, &svmar);
		if (status)
			goto out_kill;
	}
	if (!a->blank) {
		status = zx_process_agent_file(np, &fd, &file);
		if (status)
			goto out_kill;
	}
	status = zx_process_hand_out(proc, np, svmar ? svmar : vmar, file, fd, a);
	if (status)
		goto out_kill;
	if (svmar)
		zx_object_put(svmar);
	zx_object_put(vmar);
	zx_object_put(&np->obj);
	zx_object_put(ref.obj);
	if (blank.obj)
		zx_handle_ref_release(&blank);
	return ZX_OK;

out_kill:
	zx_process_kill(np, ZX_TASK_RETCODE_SYSCALL_KILL);
	if (svmar)
		zx_object_put(svmar);
	zx_object_put(vmar);
	zx_object_put(&np->obj);
out_job:
	zx_object_put(ref.obj);
out_blank:
	/* An unclaimed blank ends with its last handle, like any unstarted process. */
	if (blank.obj)
		zx_handle_ref_release(&blank);
	return status;
}

/* ZX_IOC_PROCESS_BLANK: see the uapi header. */
int zx_sys_process_blank(struct zx_process *proc, struct zx_ioc_process_blank *a)
{
	struct zx_handle_ref ref;
	struct zx_object *vmar;
	struct zx_process *np;
	struct file *file = NULL;
	u32 value = 0;
	int status, fd;

	if (a->op == ZX_BLANK_WAIT) {
		status = zx_handle_get(proc, a->handle, ZX_OBJ_TYPE_PROCESS, 0, &ref);
		if (status)
			return status;
		np = to_process(ref.obj);
		if (!np->maker)
			status = ZX_ERR_INVALID_ARGS;
		else if (wait_event_killable(np->wq, zx_agent_ready(np)))
			status = ZX_ERR_INTERNAL_INTR_RETRY;
		else if (READ_ONCE(np->req_closed))
			status = ZX_ERR_BAD_STATE;
		zx_object_put(ref.obj);
		return status;
	}
	if (a->op != ZX_BLANK_MAKE || a->handle)
		return ZX_ERR_INVALID_ARGS;
	status = zx_process_new(proc->job, "zx-pool", proc, false, &np, &vmar);
	if (status)
		return status;
	zx_object_put(vmar);
	status = zx_process_agent_file(np, &fd, &file);
	if (status)
		file = NULL;
	else
		status = zx_handle_install(proc, &np->obj, ZX_DEFAULT_PROCESS_RIGHTS, &value);
	if (!status && (put_user(value, (u32 __user *)u64_to_user_ptr(a->handle_out)) ||
			put_user(fd, (int __user *)u64_to_user_ptr(a->fd_out))))
		status = ZX_ERR_INVALID_ARGS;
	if (status) {
		if (value)
			zx_handle_close(proc, value);
		if (file) {
			fput(file);
			put_unused_fd(fd);
		}
		zx_process_kill(np, ZX_TASK_RETCODE_SYSCALL_KILL);
	} else {
		fd_install(fd, file);
	}
	zx_object_put(&np->obj);
	return status;
}

int zx_sys_process_start(struct zx_process *proc, struct zx_ioc_process_start *a)
{
	struct zx_handle_ref pref, tref, aref = {};
	struct zx_process *np;
	struct zx_thread *t;
	u32 value = 0;
	int status;

	/* Every failure closes arg1, as the page says. */
	status = a->reserved ? ZX_ERR_INVALID_ARGS :
		 zx_handle_get(proc, a->process, ZX_OBJ_TYPE_PROCESS, ZX_RIGHT_WRITE, &pref);
	if (status) {
		zx_handle_close(proc, a->arg1);
		return status;
	}
	status = zx_handle_get(proc, a->thread, ZX_OBJ_TYPE_THREAD, ZX_RIGHT_WRITE, &tref);
	if (status) {
		zx_handle_close(proc, a->arg1);
		goto out_proc;
	}
	if (a->arg1) {
		status = zx_handle_take(proc, a->arg1, &aref);
		if (status)
			goto out_thread;
	}
	np = to_process(pref.obj);
	t = to_thread(tref.obj);
	if (t->proc != np || (aref.obj && !(aref.rights & ZX_RIGHT_TRANSFER))) {
		status = ZX_ERR_ACCESS_DENIED;
		goto out_arg;
	}
	if (aref.obj) {
		status = zx_handle_install(np, aref.obj, aref.rights, &value);
		if (status)
			goto out_arg;
	}

	mutex_lock(&np->lock);
	if (np->state != ZX_PROCESS_INITIAL || t->state != ZX_THREAD_NEW) {
		status = ZX_ERR_BAD_STATE;
	} else {
		status = zx_thread_start_locked(t, a->entry, a->stack, value, a->arg2);
		if (!status) {
			np->state = ZX_PROCESS_RUNNING;
			np->start_time = ktime_get_ns();
		}
	}
	mutex_unlock(&np->lock);
	if (!status) {
		trace_zx_process_start(np->obj.koid, t->obj.koid, a->entry, value);
		/* The maps made before the start are done first. */
		status = zx_agent_settle(np);
		if (!status)
			status = zx_agent_start_thread(np, t, false);
		if (status)
			zx_process_kill(np, ZX_TASK_RETCODE_SYSCALL_KILL);
	} else if (value) {
		zx_handle_close(np, value);
	}
out_arg:
	if (aref.obj)
		zx_handle_ref_release(&aref);
out_thread:
	zx_object_put(tref.obj);
out_proc:
	zx_object_put(pref.obj);
	return status;
}

/* zx_process_exit(): the calling process ends with @retcode. */
int zx_sys_process_exit(struct zx_process *proc, struct zx_ioc_process_exit *a)
{
	if (proc->host)
		return ZX_ERR_NOT_SUPPORTED;	/* a host ends with exit() */
	mutex_lock(&proc->lock);
	zx_process_set_code(proc, a->retcode);
	if (proc->state == ZX_PROCESS_RUNNING)
		proc->state = ZX_PROCESS_DYING;
	mutex_unlock(&proc->lock);
	zx_agent_retire(proc);
	kill_pid(proc->tgid, SIGKILL, 1);
	return ZX_OK;			/* the caller dies on its way out */
}

/* Lock held.  Install a handle to @obj once and remember its value. */
static int zx_self_handle(struct zx_process *proc, struct zx_object *obj, u32 rights,
			  u32 *value)
{
	if (!*value || !zx_handle_names(proc, *value, obj))
		return zx_handle_install(proc, obj, rights, value);
	return ZX_OK;
}

int zx_sys_self(struct zx_process *proc, struct zx_ioc_self *a)
{
	struct zx_thread *t;
	int status;

	if (a->reserved)
		return ZX_ERR_INVALID_ARGS;
	t = zx_thread_current(proc);
	mutex_lock(&proc->lock);
	status = zx_self_handle(proc, &proc->obj, ZX_DEFAULT_PROCESS_RIGHTS, &proc->self_value);
	a->process = proc->self_value;
	a->thread = 0;
	if (!status && t) {
		status = zx_self_handle(proc, &t->obj, ZX_DEFAULT_THREAD_RIGHTS, &t->self_value);
		a->thread = t->self_value;
	}
	a->vmar = 0;
	if (!status && proc->root_vmar) {
		status = zx_self_handle(proc, proc->root_vmar, ZX_DEFAULT_VMAR_RIGHTS |
					ZX_RIGHT_READ | ZX_RIGHT_WRITE | ZX_RIGHT_EXECUTE,
					&proc->self_vmar);
		a->vmar = proc->self_vmar;
	}
	mutex_unlock(&proc->lock);
	if (t)
		zx_object_put(&t->obj);
	return status;
}

/* zx_vmar_root_self() of a host: its own address space, made on first use. */
int zx_sys_vmar_root(struct zx_process *proc, struct zx_ioc_vmar_root *a)
{
	struct zx_object *vmar;
	int status;

	if (a->reserved)
		return ZX_ERR_INVALID_ARGS;
	mutex_lock(&proc->lock);
	if (!proc->root_vmar && proc->host && proc->state != ZX_PROCESS_DEAD)
		proc->root_vmar = zx_vmar_create_root(NULL, false, &status);
	vmar = proc->root_vmar;
	if (vmar)
		zx_object_get(vmar);
	mutex_unlock(&proc->lock);
	if (!vmar)
		return proc->host ? ZX_ERR_NO_MEMORY : ZX_ERR_BAD_STATE;
	status = zx_handle_install_user(proc, vmar, ZX_DEFAULT_VMAR_RIGHTS | ZX_RIGHT_READ |
					ZX_RIGHT_WRITE | ZX_RIGHT_EXECUTE, a->out);
	zx_object_put(vmar);
	return status;
}

int zx_sys_startup(struct zx_process *proc, struct zx_ioc_startup *a)
{
	if (a->reserved[0] || a->reserved[1])
		return ZX_ERR_INVALID_ARGS;
	a->default_job = proc->default_job;
	a->reserved0 = 0;
	a->process_koid = proc->obj.koid;
	return ZX_OK;
}

/* zx_info_process_t and its first version */
struct zx_info_process {
	s64 return_code;
	s64 start_time;
	u32 flags;
	u8 padding1[4];
};

struct zx_info_process_v1 {
	s64 return_code;
	u8 started;
	u8 exited;
	u8 debugger_attached;
	u8 padding1[5];
};

/* zx_info_task_stats_t */
struct zx_info_task_stats {
	u64 mem_mapped_bytes;
	u64 mem_private_bytes;
	u64 mem_shared_bytes;
	u64 mem_scaled_shared_bytes;
	u64 mem_fractional_scaled_shared_bytes;
};

/* ZX_INFO_PROCESS_THREADS: the koids of @ctx's running threads. */
static size_t zx_process_fill_threads(void *ctx, u64 *koids, size_t cap)
{
	struct zx_process *proc = ctx;
	struct zx_thread *t;
	size_t n = 0;

	mutex_lock(&proc->lock);
	list_for_each_entry(t, &proc->threads, node) {
		if (t->state != ZX_THREAD_RUNNING_STATE)
			continue;
		if (n < cap)
			koids[n] = t->obj.koid;
		n++;
	}
	mutex_unlock(&proc->lock);
	return n;
}

/* Memory of the process's Linux address space, from its RSS counters. */
static void zx_process_task_stats(struct zx_process *proc, struct zx_info_task_stats *st)
{
	struct task_struct *task = NULL;
	struct mm_struct *mm = NULL;

	/* Count the maps handed to the agent of an unstarted process too. */
	if (!proc->host && zx_agent_settle(proc))
		return;
	if (proc->tgid)
		task = get_pid_task(proc->tgid, PIDTYPE_PID);
	if (task) {
		mm = get_task_mm(task);
		put_task_struct(task);
	}
	if (!mm)
		return;
	st->mem_mapped_bytes = (u64)mm->total_vm << PAGE_SHIFT;
	st->mem_private_bytes = (u64)get_mm_counter(mm, MM_ANONPAGES) << PAGE_SHIFT;
	st->mem_shared_bytes = ((u64)get_mm_counter(mm, MM_FILEPAGES) +
				get_mm_counter(mm, MM_SHMEMPAGES)) << PAGE_SHIFT;
	st->mem_scaled_shared_bytes = st->mem_shared_bytes;
	mmput(mm);
}

static int zx_process_get_info(struct zx_object *obj, u32 rights, u32 topic,
			       struct zx_info_args *args)
{
	struct zx_process *proc = to_process(obj);
	struct zx_info_task_stats stats = {};
	struct zx_info_process_v1 v1 = {};
	struct zx_info_process info = {};

	switch (topic) {
	case ZX_INFO_PROCESS:
	case ZX_INFO_PROCESS_V1:
		if (!(rights & ZX_RIGHT_INSPECT))
			return ZX_ERR_ACCESS_DENIED;
		mutex_lock(&proc->lock);
		if (proc->state != ZX_PROCESS_INITIAL)
			info.flags |= ZX_INFO_PROCESS_FLAG_STARTED;
		if (proc->state == ZX_PROCESS_DEAD || proc->state == ZX_PROCESS_DYING)
			info.flags |= ZX_INFO_PROCESS_FLAG_EXITED;
		if (proc->state == ZX_PROCESS_DEAD)
			info.return_code = proc->return_code;
		info.start_time = proc->start_time;
		mutex_unlock(&proc->lock);
		if (topic == ZX_INFO_PROCESS)
			return zx_info_reply_one(args, &info, sizeof(info));
		v1.return_code = info.return_code;
		v1.started = !!(info.flags & ZX_INFO_PROCESS_FLAG_STARTED);
		v1.exited = !!(info.flags & ZX_INFO_PROCESS_FLAG_EXITED);
		return zx_info_reply_one(args, &v1, sizeof(v1));
	case ZX_INFO_PROCESS_THREADS:
		if (!(rights & ZX_RIGHT_ENUMERATE))
			return ZX_ERR_ACCESS_DENIED;
		return zx_info_reply_koid_list(args, zx_process_fill_threads, proc);
	case ZX_INFO_TASK_STATS:
	case ZX_INFO_TASK_STATS_V1:
		if (!(rights & ZX_RIGHT_INSPECT))
			return ZX_ERR_ACCESS_DENIED;
		zx_process_task_stats(proc, &stats);
		return zx_info_reply_one(args, &stats, topic == ZX_INFO_TASK_STATS ?
					 sizeof(stats) : 4 * sizeof(u64));
	default:
		return ZX_ERR_NOT_SUPPORTED;
	}
}

static void zx_process_on_zero_handles(struct zx_object *obj)
{
	struct zx_process *proc = to_process(obj);

	/* An unstarted process goes with its last handle; a started one runs on. */
	if (!proc->host && READ_ONCE(proc->state) == ZX_PROCESS_INITIAL)
		zx_process_kill(proc, ZX_TASK_RETCODE_SYSCALL_KILL);
}

static void zx_process_destroy(struct zx_object *obj)
{
	struct zx_process *proc = to_process(obj);

	if (proc->creator_cred)
		put_cred(proc->creator_cred);
	if (proc->blank_job)
		zx_job_put(proc->blank_job);
	zx_job_put(proc->job);
	if (proc->shared)
		zx_shared_put(proc->shared);
	put_pid(proc->tgid);
	kfree(proc);
}

/* A created process's Linux name follows its Zircon name; a host's is its own. */
static void zx_process_renamed(struct zx_object *obj)
{
	struct zx_process *proc = to_process(obj);
	struct pid *pid = NULL;

	mutex_lock(&proc->lock);
	if (!proc->host && proc->tgid)
		pid = get_pid(proc->tgid);
	mutex_unlock(&proc->lock);
	if (pid)
		zx_task_rename(pid, obj);
	put_pid(pid);
}

static u64 zx_process_related_koid(struct zx_object *obj)
{
	return zx_job_object(to_process(obj)->job)->koid;
}

const struct zx_object_ops zx_process_ops = {
	.type = ZX_OBJ_TYPE_PROCESS,
	.user_signals = ZX_USER_SIGNAL_ALL,
	.has_name = true,
	.destroy = zx_process_destroy,
	.on_zero_handles = zx_process_on_zero_handles,
	.related_koid = zx_process_related_koid,
	.renamed = zx_process_renamed,
	.get_info = zx_process_get_info,
};
