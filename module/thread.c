// SPDX-License-Identifier: GPL-2.0
/*
 * Zircon threads.
 *
 * A thread object is made by zx_thread_create in a created process and
 * gets its Linux thread only when it starts: zx_process_start (the first
 * thread) or zx_thread_start (the others, once the process runs) record the
 * registers it starts with and hand the thread to a spare, a Linux thread
 * the process's agent cloned in advance, which takes them on (agent.c).
 * The Linux thread is the Zircon thread from then on; its death, however
 * it happens, is seen by its exit hook.
 *
 * States: NEW, STARTING (waiting for a spare), RUNNING (listed by
 * ZX_INFO_PROCESS_THREADS, asserting ZX_THREAD_RUNNING), DEAD (asserting
 * ZX_THREAD_TERMINATED).  A thread is on its process's thread list, which
 * holds a reference, from creation until the thread dies or the process
 * ends.
 *
 * ZX_INFO_THREAD tells the blocked states of a running thread from its
 * Linux thread: one that sleeps in futex() is BLOCKED_FUTEX, in
 * nanosleep() or clock_nanosleep() BLOCKED_SLEEPING, and in the module's
 * wait_one, wait_many, port_wait or channel_call ioctl BLOCKED_WAIT_ONE,
 * _WAIT_MANY, _PORT or _CHANNEL; sleeping anywhere else (a Linux system
 * call, a page fault) is RUNNING.  It is a snapshot, as in Zircon.
 *
 * Locking: the owning process's lock protects state, pid, self_value and the
 * start registers.
 */

#include <linux/pid.h>
#include <linux/sched.h>
#include <linux/rcupdate.h>
#include <linux/sched/task_stack.h>
#include <asm/thread_info.h>
#include <asm/syscall.h>
#include <asm/unistd.h>
#include <linux/slab.h>
#include <linux/uaccess.h>

#include <linux/zircon.h>

#include "vmar.h"
#include "trace.h"

int zx_sys_thread_create(struct zx_process *proc, struct zx_ioc_thread_create *a)
{
	char name[ZX_MAX_NAME_LEN];
	struct zx_handle_ref ref;
	struct zx_process *owner;
	struct zx_thread *t;
	int status;

	if (a->options)
		return ZX_ERR_INVALID_ARGS;
	status = zx_process_copy_name(a->name, a->name_size, name);
	if (status)
		return status;
	status = zx_handle_get(proc, a->process, ZX_OBJ_TYPE_PROCESS, 0, &ref);
	if (status)
		return status;
	owner = to_process(ref.obj);
	/* Current Zircon wants MANAGE_THREAD; older Zircon and Magenta WRITE. */
	if (!(ref.rights & (ZX_RIGHT_MANAGE_THREAD | ZX_RIGHT_WRITE))) {
		status = ZX_ERR_ACCESS_DENIED;
		goto out;
	}
	if (owner->host) {
		status = ZX_ERR_NOT_SUPPORTED;	/* a host's threads are its own */
		goto out;
	}
	t = kzalloc(sizeof(*t), GFP_KERNEL_ACCOUNT);
	if (!t) {
		status = ZX_ERR_NO_MEMORY;
		goto out;
	}
	zx_object_init(&t->obj, &zx_thread_ops, 0);
	zx_object_set_name(&t->obj, name, sizeof(name));
	t->proc = owner;
	zx_object_get(&owner->obj);
	mutex_lock(&owner->lock);
	if (owner->state == ZX_PROCESS_DEAD || owner->state == ZX_PROCESS_DYING || owner->blank) {
		status = ZX_ERR_BAD_STATE;
	} else {
		list_add_tail(&t->node, &owner->threads);
		zx_object_get(&t->obj);		/* the list's */
	}
	mutex_unlock(&owner->lock);
	if (!status) {
		status = zx_handle_install_user(proc, &t->obj, ZX_DEFAULT_THREAD_RIGHTS, a->out);
		trace_zx_thread_create(owner->obj.koid, t->obj.koid, name);
	}
	zx_object_put(&t->obj);
out:
	zx_object_put(ref.obj);
	return status;
}

/* The process's lock held.  Record the registers and mark @t starting. */
int zx_thread_start_locked(struct zx_thread *t, u64 entry, u64 stack, u64 arg1, u64 arg2)
{
	/* Entry 0 is allowed (it faults); a kernel address is not. */
	if (entry >= ZX_VMAR_TOP)
		return ZX_ERR_INVALID_ARGS;
	t->entry = entry;
	t->stack = stack;
	t->arg1 = arg1;
	t->arg2 = arg2;
	t->state = ZX_THREAD_STARTING;
	return ZX_OK;
}

int zx_sys_thread_start(struct zx_process *proc, struct zx_ioc_thread_start *a)
{
	struct zx_handle_ref ref;
	struct zx_process *owner;
	struct zx_thread *t;
	int status;

	if (a->reserved)
		return ZX_ERR_INVALID_ARGS;
	status = zx_handle_get(proc, a->thread, ZX_OBJ_TYPE_THREAD, ZX_RIGHT_WRITE, &ref);
	if (status)
		return status;
	t = to_thread(ref.obj);
	owner = t->proc;
	mutex_lock(&owner->lock);
	/* Only zx_process_start starts the first thread. */
	if (owner->state != ZX_PROCESS_RUNNING || t->state != ZX_THREAD_NEW)
		status = ZX_ERR_BAD_STATE;
	else
		status = zx_thread_start_locked(t, a->entry, a->stack, a->arg1, a->arg2);
	mutex_unlock(&owner->lock);
	if (!status) {
		trace_zx_thread_start(owner->obj.koid, t->obj.koid, a->entry, a->arg1);
		status = zx_agent_start_thread(owner, t, true);
		if (status) {
			mutex_lock(&owner->lock);
			if (t->state == ZX_THREAD_STARTING)
				t->state = ZX_THREAD_NEW;
			mutex_unlock(&owner->lock);
		}
	}
	zx_object_put(ref.obj);
	return status;
}

/* @t is dead, or will never run: its process ended. */
void zx_thread_died(struct zx_thread *t)
{
	enum zx_thread_state old;

	mutex_lock(&t->proc->lock);
	old = t->state;
	t->state = ZX_THREAD_DEAD;
	mutex_unlock(&t->proc->lock);
	if (old == ZX_THREAD_DEAD)
		return;
	zx_object_update_signals(&t->obj, ZX_THREAD_RUNNING, ZX_THREAD_TERMINATED);
	trace_zx_thread_exit(t->proc->obj.koid, t->obj.koid, t->pid ? pid_nr(t->pid) : 0);
}

/* The Zircon thread the caller is, with a reference, or NULL. */
struct zx_thread *zx_thread_current(struct zx_process *proc)
{
	struct pid *pid = task_pid(current);
	struct zx_thread *t, *found = NULL;

	if (proc->host)
		return NULL;
	mutex_lock(&proc->lock);
	list_for_each_entry(t, &proc->threads, node) {
		if (t->pid == pid) {
			found = t;
			zx_object_get(&t->obj);
			break;
		}
	}
	mutex_unlock(&proc->lock);
	return found;
}

/* zx_info_thread_t */
struct zx_info_thread {
	u32 state;
	u32 wait_exception_channel_type;
	u64 cpu_affinity_mask[8];
};

/*
 * The registers a sleeping @task entered the kernel with, or NULL.  Its
 * stack is freed once it is dead, even while its task_struct is pinned
 * (put_task_stack, which would let us pin the stack, is not exported), and
 * task->stack is then cleared: read the pointer once, under rcu_read_lock,
 * which every way of freeing a stack waits for (or keeps it mapped in a
 * per-CPU cache), and find the registers at its top as task_pt_regs does.
 */
static struct pt_regs *zx_task_regs_rcu(struct task_struct *task)
{
	unsigned long stack = (unsigned long)READ_ONCE(task->stack);

	if (!stack || (READ_ONCE(task->flags) & PF_EXITING))
		return NULL;
	return (struct pt_regs *)(stack + THREAD_SIZE - TOP_OF_KERNEL_STACK_PADDING) - 1;
}

/* A running thread's state: RUNNING, or what its Linux thread sleeps in. */
static u32 zx_thread_blocked_state(struct pid *pid)
{
	u32 state = ZX_THREAD_STATE_RUNNING;
	struct task_struct *task;
	unsigned long args[6];
	struct pt_regs *regs;

	rcu_read_lock();
	task = pid_task(pid, PIDTYPE_PID);
	regs = task && !task_is_running(task) ? zx_task_regs_rcu(task) : NULL;
	if (regs) {
		switch (syscall_get_nr(task, regs)) {
		case __NR_futex:
			state = ZX_THREAD_STATE_BLOCKED_FUTEX;
			break;
		case __NR_nanosleep:
		case __NR_clock_nanosleep:
			state = ZX_THREAD_STATE_BLOCKED_SLEEPING;
			break;
		case __NR_ioctl:
			syscall_get_arguments(task, regs, args);
			if (args[1] == ZX_IOC_OBJECT_WAIT_ONE)
				state = ZX_THREAD_STATE_BLOCKED_WAIT_ONE;
			else if (args[1] == ZX_IOC_OBJECT_WAIT_MANY)
				state = ZX_THREAD_STATE_BLOCKED_WAIT_MANY;
			else if (args[1] == ZX_IOC_PORT_WAIT)
				state = ZX_THREAD_STATE_BLOCKED_PORT;
			else if (args[1] == ZX_IOC_CHANNEL_CALL)
				state = ZX_THREAD_STATE_BLOCKED_CHANNEL;
			break;
		}
	}
	rcu_read_unlock();
	return state;
}

static int zx_thread_get_info(struct zx_object *obj, u32 rights, u32 topic,
			      struct zx_info_args *args)
{
	struct zx_thread *t = to_thread(obj);
	struct zx_info_thread info = {};
	struct pid *pid = NULL;

	if (topic != ZX_INFO_THREAD)
		return ZX_ERR_NOT_SUPPORTED;
	if (!(rights & ZX_RIGHT_INSPECT))
		return ZX_ERR_ACCESS_DENIED;
	mutex_lock(&t->proc->lock);
	switch (t->state) {
	case ZX_THREAD_NEW:
		info.state = ZX_THREAD_STATE_NEW;
		break;
	case ZX_THREAD_DEAD:
		info.state = ZX_THREAD_STATE_DEAD;
		break;
	default:
		info.state = t->proc->state == ZX_PROCESS_DYING ? ZX_THREAD_STATE_DYING :
			     ZX_THREAD_STATE_RUNNING;
		if (info.state == ZX_THREAD_STATE_RUNNING && t->pid)
			pid = get_pid(t->pid);
		break;
	}
	mutex_unlock(&t->proc->lock);
	if (pid) {
		info.state = zx_thread_blocked_state(pid);
		put_pid(pid);
	}
	info.cpu_affinity_mask[0] = ~0ULL;
	return zx_info_reply_one(args, &info, sizeof(info));
}

static void zx_thread_destroy(struct zx_object *obj)
{
	struct zx_thread *t = to_thread(obj);

	put_pid(t->pid);
	zx_object_put(&t->proc->obj);
	kfree(t);
}

/* A started thread's Linux name follows its Zircon name. */
static void zx_thread_renamed(struct zx_object *obj)
{
	struct zx_thread *t = to_thread(obj);
	struct pid *pid;

	mutex_lock(&t->proc->lock);
	pid = get_pid(t->pid);
	mutex_unlock(&t->proc->lock);
	if (pid)
		zx_task_rename(pid, obj);
	put_pid(pid);
}

static u64 zx_thread_related_koid(struct zx_object *obj)
{
	return to_thread(obj)->proc->obj.koid;
}

const struct zx_object_ops zx_thread_ops = {
	.type = ZX_OBJ_TYPE_THREAD,
	.user_signals = ZX_USER_SIGNAL_ALL,
	.has_name = true,
	.destroy = zx_thread_destroy,
	.related_koid = zx_thread_related_koid,
	.renamed = zx_thread_renamed,
	.get_info = zx_thread_get_info,
};
