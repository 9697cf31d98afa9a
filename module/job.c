// SPDX-License-Identifier: GPL-2.0
/*
 * Jobs: the tree that groups Zircon processes and carries policy.
 *
 * The root job exists from module load until unload.  Every other job holds
 * a reference on its parent, so a parent outlives its children; the parent
 * lists its live children weakly (job->children).  A job is destroyed when
 * its last reference goes: its last handle closed and no child left.  A
 * killed job is dead for good: it and its whole subtree report
 * ZX_TASK_RETCODE_SYSCALL_KILL, assert ZX_JOB_TERMINATED, leave their
 * parents' child lists and refuse new children with ZX_ERR_BAD_STATE.
 *
 * Policy: one byte per condition.  0 is "default" (allow, may be set);
 * otherwise ZX_POL_EXPLICIT | action, which can never change again (a
 * RELATIVE request skips such a condition, an ABSOLUTE one fails with
 * ZX_ERR_ALREADY_EXISTS).  A new job copies its parent's policy.
 *
 * Processes: a job lists its live created processes weakly; each process
 * holds a reference on its job and leaves the list when it ends.  Killing a
 * job kills its processes and those of its whole subtree.
 *
 * Locking: zx_job_lock (a mutex) protects every job's children, processes,
 * sibling, linked, dead, return_code and policy, and every process's
 * job_node and kill_node.  Release takes it to unlink, so a
 * job found on a child list under the lock stays allocated while the lock
 * is held even if its reference count already reached zero; nothing
 * drops a job reference while holding the lock.
 */

#include <linux/capability.h>
#include <linux/mutex.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/uaccess.h>

#include <linux/zircon.h>

#include "zircon.h"
#include "trace.h"

#define ZX_JOB_MAX_DEPTH	32

struct zx_job {
	struct zx_object base;
	struct zx_job *parent;		/* immutable; holds a reference */
	u32 depth;			/* immutable; the root is 0 */
	struct list_head children;	/* zx_job_lock */
	struct list_head processes;	/* zx_job_lock: created processes, weak */
	struct list_head sibling;	/* zx_job_lock: in parent->children */
	bool linked;			/* zx_job_lock: on parent->children */
	bool dead;			/* zx_job_lock */
	s64 return_code;		/* zx_job_lock */
	u8 policy[ZX_POL_MAX];		/* zx_job_lock */
};

/* Signals of a job with no child jobs and no processes. */
#define ZX_JOB_EMPTY	(ZX_JOB_NO_JOBS | ZX_JOB_NO_PROCESSES | ZX_JOB_NO_CHILDREN)

static DEFINE_MUTEX(zx_job_lock);
struct zx_job *zx_root_job;

static const struct zx_object_ops zx_job_ops;

static struct zx_job *to_job(struct zx_object *obj)
{
	return container_of(obj, struct zx_job, base);
}

struct zx_object *zx_job_object(struct zx_job *job)
{
	return &job->base;
}

void zx_job_put(struct zx_job *job)
{
	zx_object_put(&job->base);
}

struct zx_job *zx_job_from_object(struct zx_object *obj)
{
	return to_job(obj);
}

/* zx_job_lock held.  Recompute the NO_* signals of @job. */
static void zx_job_update_empty(struct zx_job *job)
{
	bool no_jobs = list_empty(&job->children);
	bool no_procs = list_empty(&job->processes);
	u32 set = (no_jobs ? ZX_JOB_NO_JOBS : 0) | (no_procs ? ZX_JOB_NO_PROCESSES : 0) |
		  (no_jobs && no_procs ? ZX_JOB_NO_CHILDREN : 0);

	zx_object_update_signals(&job->base, ZX_JOB_EMPTY & ~set, set);
}

/* zx_job_lock held. */
static void zx_job_unlink(struct zx_job *job)
{
	if (!job->linked)
		return;
	list_del_init(&job->sibling);
	job->linked = false;
	zx_job_update_empty(job->parent);
}

/* Add a new process to @job, unless the job is dead. */
int zx_job_add_process(struct zx_job *job, struct zx_process *proc)
{
	int status = ZX_OK;

	mutex_lock(&zx_job_lock);
	if (job->dead) {
		status = ZX_ERR_BAD_STATE;
	} else {
		list_add_tail(&proc->job_node, &job->processes);
		zx_job_update_empty(job);
	}
	mutex_unlock(&zx_job_lock);
	return status;
}

/* @proc ended: take it off its job's list. */
void zx_job_remove_process(struct zx_process *proc)
{
	mutex_lock(&zx_job_lock);
	if (!list_empty(&proc->job_node)) {
		list_del_init(&proc->job_node);
		zx_job_update_empty(proc->job);
		if (proc->job->dead && list_empty(&proc->job->processes))
			zx_object_update_signals(&proc->job->base, 0, ZX_JOB_TERMINATED);
	}
	mutex_unlock(&zx_job_lock);
}

static void zx_job_destroy(struct zx_object *obj)
{
	struct zx_job *job = to_job(obj);

	if (job->parent) {
		mutex_lock(&zx_job_lock);
		zx_job_unlink(job);
		mutex_unlock(&zx_job_lock);
		zx_job_put(job->parent);
	}
	kfree(job);
}

static struct zx_job *zx_job_alloc(struct zx_job *parent)
{
	struct zx_job *job = kzalloc(sizeof(*job), GFP_KERNEL_ACCOUNT);

	if (!job)
		return NULL;
	zx_object_init(&job->base, &zx_job_ops, ZX_JOB_EMPTY);
	INIT_LIST_HEAD(&job->children);
	INIT_LIST_HEAD(&job->processes);
	INIT_LIST_HEAD(&job->sibling);
	return job;
}

/* Create a child of @parent; on failure *status says why. */
struct zx_job *zx_job_create_child(struct zx_job *parent, int *status)
{
	struct zx_job *job;

	if (parent->depth + 1 >= ZX_JOB_MAX_DEPTH) {
		*status = ZX_ERR_OUT_OF_RANGE;
		return NULL;
	}
	job = zx_job_alloc(parent);
	if (!job) {
		*status = ZX_ERR_NO_MEMORY;
		return NULL;
	}
	job->depth = parent->depth + 1;

	mutex_lock(&zx_job_lock);
	if (parent->dead) {
		mutex_unlock(&zx_job_lock);
		/* Not linked and no parent reference yet: destroy frees only. */
		zx_object_put(&job->base);
		*status = ZX_ERR_BAD_STATE;
		return NULL;
	}
	zx_object_get(&parent->base);
	job->parent = parent;
	memcpy(job->policy, parent->policy, sizeof(job->policy));
	list_add_tail(&job->sibling, &parent->children);
	job->linked = true;
	zx_job_update_empty(parent);
	mutex_unlock(&zx_job_lock);
	*status = ZX_OK;
	return job;
}

void zx_job_copy_policy(struct zx_job *job, u8 policy[ZX_POL_MAX])
{
	mutex_lock(&zx_job_lock);
	memcpy(policy, job->policy, ZX_POL_MAX);
	mutex_unlock(&zx_job_lock);
}

/*
 * zx_job_lock held.  Kill @job and its subtree, deepest first.  Their
 * processes go on @procs, each with a reference, for the caller to kill
 * once the lock is dropped.
 */
static void zx_job_kill_locked(struct zx_job *job, struct list_head *procs)
{
	struct zx_job *child, *tmp;
	struct zx_process *proc;

	if (job->dead)
		return;
	job->dead = true;
	job->return_code = ZX_TASK_RETCODE_SYSCALL_KILL;
	list_for_each_entry_safe(child, tmp, &job->children, sibling)
		zx_job_kill_locked(child, procs);
	list_for_each_entry(proc, &job->processes, job_node) {
		zx_object_get(&proc->obj);
		list_add_tail(&proc->kill_node, procs);
	}
	zx_job_unlink(job);
	/* Terminated once its processes are gone too (zx_job_remove_process). */
	zx_object_update_signals(&job->base, 0, ZX_JOB_NO_JOBS |
				 (list_empty(&job->processes) ? ZX_JOB_TERMINATED : 0));
}

static void zx_job_kill(struct zx_job *job)
{
	struct zx_process *proc, *tmp;
	LIST_HEAD(procs);

	mutex_lock(&zx_job_lock);
	zx_job_kill_locked(job, &procs);
	mutex_unlock(&zx_job_lock);
	list_for_each_entry_safe(proc, tmp, &procs, kill_node) {
		zx_process_kill(proc, ZX_TASK_RETCODE_SYSCALL_KILL);
		zx_object_put(&proc->obj);
	}
	trace_zx_job_kill(job->base.koid);
}

int zx_job_init(void)
{
	zx_root_job = zx_job_alloc(NULL);
	if (!zx_root_job)
		return -ENOMEM;
	zx_object_set_name(&zx_root_job->base, "root", 4);
	return 0;
}

void zx_job_exit(void)
{
	zx_job_put(zx_root_job);
}

int zx_sys_root_job(struct zx_process *proc, struct zx_ioc_root_job *a)
{
	if (a->reserved)
		return ZX_ERR_INVALID_ARGS;
	if (!capable(CAP_SYS_ADMIN))
		return ZX_ERR_ACCESS_DENIED;
	return zx_handle_install_user(proc, &zx_root_job->base,
				      ZX_DEFAULT_JOB_RIGHTS, a->out);
}

int zx_sys_job_create(struct zx_process *proc, struct zx_ioc_job_create *a)
{
	struct zx_handle_ref ref;
	struct zx_job *job;
	int status;

	if (a->options)
		return ZX_ERR_INVALID_ARGS;
	status = zx_handle_get(proc, a->parent, ZX_OBJ_TYPE_JOB, 0, &ref);
	if (status)
		return status;
	/* Current Zircon wants MANAGE_JOB; older Zircon took WRITE. */
	if (!(ref.rights & (ZX_RIGHT_MANAGE_JOB | ZX_RIGHT_WRITE))) {
		status = ZX_ERR_ACCESS_DENIED;
		goto out;
	}
	job = zx_job_create_child(to_job(ref.obj), &status);
	if (!job)
		goto out;
	status = zx_handle_install_user(proc, &job->base, ZX_DEFAULT_JOB_RIGHTS, a->out);
	zx_job_put(job);
out:
	zx_object_put(ref.obj);
	return status;
}

int zx_sys_task_kill(struct zx_process *proc, struct zx_ioc_handle *a)
{
	struct zx_handle_ref ref;
	int status;

	if (a->reserved)
		return ZX_ERR_INVALID_ARGS;
	status = zx_handle_lookup(proc, a->handle, &ref);
	if (status)
		return status;
	if (zx_object_type(ref.obj) != ZX_OBJ_TYPE_JOB &&
	    zx_object_type(ref.obj) != ZX_OBJ_TYPE_PROCESS) {
		status = ZX_ERR_WRONG_TYPE;	/* threads too, as in current Zircon */
	} else if (!(ref.rights & ZX_RIGHT_DESTROY)) {
		status = ZX_ERR_ACCESS_DENIED;
	} else if (ref.obj == &zx_root_job->base) {
		/* Zircon reboots when its root job dies; we do not. */
		status = ZX_ERR_NOT_SUPPORTED;
	} else if (zx_object_type(ref.obj) == ZX_OBJ_TYPE_PROCESS) {
		/* A host is a Linux program: kill it with kill(2). */
		if (to_process(ref.obj)->host)
			status = ZX_ERR_NOT_SUPPORTED;
		else
			zx_process_kill(to_process(ref.obj), ZX_TASK_RETCODE_SYSCALL_KILL);
	} else {
		zx_job_kill(to_job(ref.obj));
	}
	zx_object_put(ref.obj);
	return status;
}

/*
 * Apply @n basic policies to a copy of @policy; the caller commits the copy
 * only when every entry was accepted.
 */
static int zx_policy_set(u8 *policy, u32 mode, u32 cond, u32 action, u32 flags)
{
	u8 entry;

	if (action >= ZX_POL_ACTION_MAX)
		return ZX_ERR_NOT_SUPPORTED;
	if (flags > ZX_POL_OVERRIDE_DENY)
		return ZX_ERR_INVALID_ARGS;
	entry = policy[cond];
	if (entry & ZX_POL_EXPLICIT) {
		if ((entry & ZX_POL_ACTION_BITS) == action)
			return ZX_OK;
		return mode == ZX_JOB_POL_ABSOLUTE ? ZX_ERR_ALREADY_EXISTS : ZX_OK;
	}
	/* An entry that allows overriding stays "default" for later calls. */
	if (flags == ZX_POL_OVERRIDE_ALLOW && action == ZX_POL_ACTION_ALLOW)
		policy[cond] = 0;
	else
		policy[cond] = ZX_POL_EXPLICIT | action;
	return ZX_OK;
}

static bool zx_policy_is_new_object(u32 cond)
{
	return cond >= ZX_POL_NEW_VMO && cond < ZX_POL_MAX &&
	       cond != ZX_POL_AMBIENT_MARK_VMO_EXEC;
}

static int zx_policy_apply(u8 *policy, u32 mode, const u32 *entry, bool v2)
{
	u32 cond = entry[0], action = entry[1], flags = v2 ? entry[2] : 0;
	int status;
	u32 c;

	/* A V1 entry can never be overridden later. */
	if (!v2)
		flags = ZX_POL_OVERRIDE_DENY;
	if (cond >= ZX_POL_MAX)
		return ZX_ERR_INVALID_ARGS;
	if (cond != ZX_POL_NEW_ANY)
		return zx_policy_set(policy, mode, cond, action, flags);
	for (c = 0; c < ZX_POL_MAX; c++) {
		if (!zx_policy_is_new_object(c))
			continue;
		status = zx_policy_set(policy, mode, c, action, flags);
		if (status)
			return status;
	}
	return ZX_OK;
}

int zx_sys_job_set_policy(struct zx_process *proc, struct zx_ioc_job_set_policy *a)
{
	bool v2 = a->topic == ZX_JOB_POL_BASIC_V2;
	size_t esize = v2 ? 3 * sizeof(u32) : 2 * sizeof(u32);
	u32 entries[32][3];
	u8 policy[ZX_POL_MAX];
	struct zx_handle_ref ref;
	struct zx_job *job;
	int status;
	u32 i;

	if (a->topic == ZX_JOB_POL_TIMER_SLACK)
		return ZX_ERR_NOT_SUPPORTED;
	if (a->topic != ZX_JOB_POL_BASIC_V1 && !v2)
		return ZX_ERR_INVALID_ARGS;
	if (a->options != ZX_JOB_POL_RELATIVE && a->options != ZX_JOB_POL_ABSOLUTE)
		return ZX_ERR_INVALID_ARGS;
	if (!a->policy || !a->count || a->count > ARRAY_SIZE(entries))
		return ZX_ERR_INVALID_ARGS;
	for (i = 0; i < a->count; i++) {
		if (copy_from_user(entries[i], u64_to_user_ptr(a->policy + i * esize), esize))
			return ZX_ERR_INVALID_ARGS;
	}

	status = zx_handle_get(proc, a->handle, ZX_OBJ_TYPE_JOB, ZX_RIGHT_SET_POLICY, &ref);
	if (status)
		return status;
	job = to_job(ref.obj);
	if (a->count > ZX_POL_MAX) {
		status = ZX_ERR_OUT_OF_RANGE;
		goto out;
	}

	mutex_lock(&zx_job_lock);
	if (!list_empty(&job->children) || !list_empty(&job->processes) ||
	    job == zx_root_job) {
		status = ZX_ERR_BAD_STATE;
		goto unlock;
	}
	memcpy(policy, job->policy, sizeof(policy));
	for (i = 0; i < a->count && !status; i++)
		status = zx_policy_apply(policy, a->options, entries[i], v2);
	if (!status)
		memcpy(job->policy, policy, sizeof(policy));
unlock:
	mutex_unlock(&zx_job_lock);
out:
	zx_object_put(ref.obj);
	return status;
}

/* zx_info_job_t */
struct zx_info_job {
	s64 return_code;
	u8 exited;
	u8 kill_on_oom;
	u8 debugger_attached;
	u8 padding1[5];
};

/* ZX_INFO_JOB_CHILDREN: the koids of @ctx's child jobs. */
static size_t zx_job_fill_children(void *ctx, u64 *koids, size_t cap)
{
	struct zx_job *job = ctx, *child;
	size_t n = 0;

	mutex_lock(&zx_job_lock);
	list_for_each_entry(child, &job->children, sibling) {
		if (n < cap)
			koids[n] = child->base.koid;
		n++;
	}
	mutex_unlock(&zx_job_lock);
	return n;
}

/* ZX_INFO_JOB_PROCESSES: the koids of @ctx's processes. */
static size_t zx_job_fill_processes(void *ctx, u64 *koids, size_t cap)
{
	struct zx_job *job = ctx;
	struct zx_process *proc;
	size_t n = 0;

	mutex_lock(&zx_job_lock);
	list_for_each_entry(proc, &job->processes, job_node) {
		if (n < cap)
			koids[n] = proc->obj.koid;
		n++;
	}
	mutex_unlock(&zx_job_lock);
	return n;
}

static int zx_job_get_info(struct zx_object *obj, u32 rights, u32 topic,
			   struct zx_info_args *args)
{
	struct zx_job *job = to_job(obj);
	struct zx_info_job info = {};

	switch (topic) {
	case ZX_INFO_JOB:
		if (!(rights & ZX_RIGHT_INSPECT))
			return ZX_ERR_ACCESS_DENIED;
		mutex_lock(&zx_job_lock);
		info.exited = job->dead;
		info.return_code = job->dead ? job->return_code : 0;
		mutex_unlock(&zx_job_lock);
		return zx_info_reply_one(args, &info, sizeof(info));
	case ZX_INFO_JOB_CHILDREN:
		if (!(rights & ZX_RIGHT_ENUMERATE))
			return ZX_ERR_ACCESS_DENIED;
		return zx_info_reply_koid_list(args, zx_job_fill_children, job);
	case ZX_INFO_JOB_PROCESSES:
		if (!(rights & ZX_RIGHT_ENUMERATE))
			return ZX_ERR_ACCESS_DENIED;
		return zx_info_reply_koid_list(args, zx_job_fill_processes, job);
	default:
		return ZX_ERR_NOT_SUPPORTED;
	}
}

static u64 zx_job_related_koid(struct zx_object *obj)
{
	struct zx_job *job = to_job(obj);

	return job->parent ? job->parent->base.koid : 0;
}

static const struct zx_object_ops zx_job_ops = {
	.type = ZX_OBJ_TYPE_JOB,
	.user_signals = ZX_USER_SIGNAL_ALL,
	.has_name = true,
	.destroy = zx_job_destroy,
	.related_koid = zx_job_related_koid,
	.get_info = zx_job_get_info,
};
