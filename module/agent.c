// SPDX-License-Identifier: GPL-2.0
/*
 * The agent: the Linux task that runs a created process.
 *
 * zx_process_create makes the process object and a descriptor of it.
 * libzx starts a tiny static helper (lib/agent.S) with that descriptor as
 * ZX_AGENT_FD; the helper calls ZX_IOC_AGENT_BIND and from then on is the
 * process's agent, the leader of its thread group.  Binding checks that the
 * binder is single-threaded and has no more credentials than the creator.
 * The agent then empties its own address space (the helper's code is gone:
 * any later failure must kill it), maps the trampoline page at
 * ZX_TRAMPOLINE_ADDR in the range the emulation reserves, and parks in the
 * module for good (TASK_KILLABLE | TASK_NOLOAD | TASK_FREEZABLE: no load,
 * no hung-task report, freezable), serving requests that must run in the
 * process's own context:
 *  - MMAP and MUNMAP for the VMAR calls of other processes, done with
 *    vm_mmap and vm_munmap by the agent itself, so with the process's own
 *    credentials, limits and security checks;
 *  - SPARE: the agent returns to the trampoline, which calls
 *    clone(CLONE_VM | CLONE_THREAD | ...) and comes back with
 *    ZX_IOC_AGENT_PARK: the agent with the new thread's id (it parks again
 *    once the child registered), the child with 0: it becomes a *spare*, a
 *    Linux thread parked in the module until a Zircon thread starts on it.
 * zx_process_start and zx_thread_start take a spare (asking for one if
 * there is none), mark the thread running and wake the spare, which sets
 * its registers and returns straight to the thread's entry point with every
 * other register zero.  The agent makes one spare right after binding, so
 * that zx_process_start does not wait for a clone, and a new one whenever
 * zx_thread_start took one: a process that starts threads keeps one spare.
 * A requester waits killably; if it gives up, a request the agent already
 * holds is freed by the agent (orphan).
 *
 * Death: each bound task (the agent and every thread) carries an exit hook,
 * a task_work.  It fires when it runs in a task that is exiting or has a
 * fatal signal pending (the task never runs user code again).  A task_work
 * also runs before other signals are delivered or when another one is
 * queued; then the hook is put back from a work item, and if that fails the
 * task is past running task_works, that is, exiting.  When
 * the last task's hook ran, the process ends (process.c).  The helper is an
 * orphan (libzx starts it through a short-lived middle process), so the init
 * process reaps it and its creator gets no SIGCHLD.
 *
 * Locking: proc->req_lock (a spinlock) protects the request queue, active,
 * the spare list and the fields after it in struct zx_process, every
 * request's done, queued and orphan flags, and each spare's thread;
 * proc->lock is taken outside it, never inside.
 */

#include <linux/file.h>
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/mman.h>
#include <linux/pid.h>
#include <linux/ptrace.h>
#include <linux/sched.h>
#include <linux/sched/mm.h>
#include <linux/sched/signal.h>
#include <linux/sched/task.h>
#include <linux/sched/task_stack.h>
#include <linux/shmem_fs.h>
#include <linux/signal.h>
#include <linux/slab.h>
#include <linux/task_work.h>
#include <uapi/linux/sched/types.h>
#include <asm/processor.h>

#include <linux/zircon.h>

#include "vmar.h"
#include "trace.h"

/* The trampoline (trampoline.S) hard-codes these. */
static_assert(ZX_IOC_AGENT_PARK == 0xB99F);
static_assert(ZX_IOC_AGENT_BIND == 0xB99E);	/* lib/agent.S */
static_assert(ZX_AGENT_FD == 3);

enum zx_agent_op {
	ZX_AGENT_MMAP,
	ZX_AGENT_MUNMAP,
	ZX_AGENT_SPARE,
};

/* A Linux thread of a created process, parked until a Zircon thread starts on it. */
struct zx_spare {
	struct zx_exit_hook hook;	/* from registration to death */
	struct zx_process *proc;	/* holds a reference once registered */
	struct list_head node;		/* req_lock: on proc->spares while free */
	struct zx_thread *thread;	/* req_lock: set once, holds a reference */
};

struct zx_agent_req {
	struct list_head node;		/* req_lock: on proc->requests */
	enum zx_agent_op op;		/* immutable, as are the arguments */
	struct file *file;		/* MMAP: holds a reference, or NULL */
	u64 addr, len, offset;
	unsigned long prot, flags;
	struct zx_spare *spare;		/* SPARE: owned until the new thread takes it */
	long result;			/* req_lock */
	bool queued, done, orphan;	/* req_lock */
	bool early;			/* immutable: counted in proc->early_maps */
};

static struct file *zx_trampoline_file;
static struct workqueue_struct *zx_rearm_wq;

/* --- exit hooks ---------------------------------------------------------- */

static void zx_exit_hook_fire(struct zx_exit_hook *hook)
{
	struct task_struct *task = hook->task;

	hook->exited(hook);		/* may free the hook */
	put_task_struct(task);
}

static void zx_exit_hook_run(struct callback_head *cb)
{
	struct zx_exit_hook *hook = container_of(cb, struct zx_exit_hook, cb);

	/*
	 * A task with SIGKILL pending or its group exiting never returns to
	 * user mode: it is as good as dead, and firing now spares re-arming
	 * it over and over while its exit runs.
	 */
	if ((current->flags & PF_EXITING) || fatal_signal_pending(current) ||
	    (current->signal->flags & SIGNAL_GROUP_EXIT))
		zx_exit_hook_fire(hook);
	else
		queue_work(zx_rearm_wq, &hook->rearm);	/* ran early: re-arm */
}

static void zx_exit_hook_rearm(struct work_struct *work)
{
	struct zx_exit_hook *hook = container_of(work, struct zx_exit_hook, rearm);

	if (task_work_add(hook->task, &hook->cb, TWA_NONE))
		zx_exit_hook_fire(hook);	/* past exit_task_work(): gone */
}

/* Arm @hook on the calling task; @exited runs once when it dies. */
void zx_exit_hook_arm(struct zx_exit_hook *hook, void (*exited)(struct zx_exit_hook *))
{
	hook->exited = exited;
	hook->task = get_task_struct(current);
	init_task_work(&hook->cb, zx_exit_hook_run);
	INIT_WORK(&hook->rearm, zx_exit_hook_rearm);
	if (task_work_add(current, &hook->cb, TWA_NONE))
		queue_work(zx_rearm_wq, &hook->rearm);
}

/* --- requests ------------------------------------------------------------ */

static void zx_req_free(struct zx_agent_req *req)
{
	if (!req)
		return;
	if (req->file)
		fput(req->file);
	kfree(req->spare);
	kfree(req);
}

static bool zx_req_done(struct zx_process *proc, struct zx_agent_req *req)
{
	bool done;

	spin_lock(&proc->req_lock);
	done = req->done;
	spin_unlock(&proc->req_lock);
	return done;
}

/*
 * Hand @req to the agent: 0, or -ESRCH when no agent will serve it (the
 * request is freed), or -ENOMEM for a NULL request (no memory for it).
 * zx_agent_wait() must follow a success.
 */
static long zx_agent_queue(struct zx_process *proc, struct zx_agent_req *req, bool sync)
{
	if (!req)
		return -ENOMEM;
	spin_lock(&proc->req_lock);
	if (proc->req_closed) {
		spin_unlock(&proc->req_lock);
		zx_req_free(req);
		return -ESRCH;
	}
	req->queued = true;
	list_add_tail(&req->node, &proc->requests);
	spin_unlock(&proc->req_lock);
	/* A caller that waits right away lets the agent run on its CPU. */
	if (sync)
		__wake_up_sync(&proc->agent_wq, TASK_NORMAL);
	else
		wake_up(&proc->agent_wq);
	return 0;
}

long zx_agent_send(struct zx_process *proc, struct zx_agent_req *req)
{
	return zx_agent_queue(proc, req, false);
}

/*
 * Wait for the result of @req, sent to @proc's agent (a Linux return
 * value), and free it.  A killed caller gets -EINTR if the agent never took
 * the request, or -EINPROGRESS if it is under way (and will be carried out).
 */
long zx_agent_wait(struct zx_process *proc, struct zx_agent_req *req)
{
	long ret;

	if (wait_event_killable(proc->wq, zx_req_done(proc, req))) {
		spin_lock(&proc->req_lock);
		if (!req->done && req->queued) {
			list_del(&req->node);
		} else if (!req->done) {
			/* The agent holds it: it still runs, and frees it. */
			req->orphan = true;
			spin_unlock(&proc->req_lock);
			return -EINPROGRESS;
		}
		spin_unlock(&proc->req_lock);
		zx_req_free(req);
		return -EINTR;
	}
	ret = req->result;
	zx_req_free(req);
	return ret;
}

static long zx_agent_call(struct zx_process *proc, struct zx_agent_req *req)
{
	long ret = zx_agent_queue(proc, req, true);

	return ret ? ret : zx_agent_wait(proc, req);
}

static void zx_req_complete(struct zx_process *proc, struct zx_agent_req *req, long result)
{
	bool orphan;

	spin_lock(&proc->req_lock);
	if (proc->active == req) {
		proc->active = NULL;
		proc->cloning = NULL;
	}
	req->result = result;
	req->done = true;
	if (req->op == ZX_AGENT_SPARE && req->orphan)
		proc->spare_queued = false;	/* also when failed unserved */
	if (req->early) {
		proc->early_maps--;
		if (IS_ERR_VALUE(result) && !proc->early_error)
			proc->early_error = result;
	}
	orphan = req->orphan;
	spin_unlock(&proc->req_lock);
	if (orphan)
		zx_req_free(req);
	/* The agent goes back to waiting: the requester may run on its CPU. */
	__wake_up_sync(&proc->wq, TASK_NORMAL);
}

/*
 * Fail the queued requests, and once the agent can serve no more (it died
 * or never bound) the one it held too, and refuse new ones.
 */
void zx_agent_fail_all(struct zx_process *proc)
{
	bool closed = READ_ONCE(proc->agent_gone) || !READ_ONCE(proc->tgid);
	struct zx_agent_req *req;

	for (;;) {
		spin_lock(&proc->req_lock);
		if (closed)
			proc->req_closed = true;
		/*
		 * Take the dead agent's request off it here: the agent's exit
		 * hook and the process's end may both get here at once.
		 */
		req = closed ? proc->active : NULL;
		if (req) {
			proc->active = NULL;
			proc->cloning = NULL;
		}
		if (!req && !list_empty(&proc->requests)) {
			req = list_first_entry(&proc->requests, struct zx_agent_req, node);
			list_del(&req->node);
			req->queued = false;
		}
		spin_unlock(&proc->req_lock);
		if (!req)
			break;
		zx_req_complete(proc, req, -ESRCH);
	}
	wake_up_all(&proc->wq);
}

static struct zx_agent_req *zx_req_alloc(enum zx_agent_op op)
{
	struct zx_agent_req *req = kzalloc(sizeof(*req), GFP_KERNEL_ACCOUNT);

	if (!req)
		return NULL;
	req->op = op;
	if (op == ZX_AGENT_SPARE) {
		req->spare = kzalloc(sizeof(*req->spare), GFP_KERNEL_ACCOUNT);
		if (!req->spare) {
			kfree(req);
			return NULL;
		}
	}
	return req;
}

/* An MMAP request (with no @file: an anonymous one), or NULL. */
struct zx_agent_req *zx_agent_req_mmap(struct file *file, u64 addr, u64 len,
					unsigned long prot, unsigned long flags, u64 offset)
{
	struct zx_agent_req *req = zx_req_alloc(ZX_AGENT_MMAP);

	if (!req)
		return NULL;
	req->file = file ? get_file(file) : NULL;
	req->addr = addr;
	req->len = len;
	req->prot = prot;
	req->flags = flags;
	req->offset = offset;
	return req;
}

long zx_agent_mmap(struct zx_process *proc, struct file *file, u64 addr, u64 len,
		   unsigned long prot, unsigned long flags, u64 offset)
{
	return zx_agent_call(proc, zx_agent_req_mmap(file, addr, len, prot, flags, offset));
}

/* A MUNMAP request, or NULL. */
struct zx_agent_req *zx_agent_req_munmap(u64 addr, u64 len)
{
	struct zx_agent_req *req = zx_req_alloc(ZX_AGENT_MUNMAP);

	if (req) {
		req->addr = addr;
		req->len = len;
	}
	return req;
}

long zx_agent_munmap(struct zx_process *proc, u64 addr, u64 len)
{
	return zx_agent_call(proc, zx_agent_req_munmap(addr, len));
}

/* req_lock held.  Is the agent about to make a spare, or making one? */
static bool zx_spare_coming(struct zx_process *proc)
{
	return proc->spare_wanted || proc->spare_queued || proc->cloning || proc->registering;
}

/* Is there a spare, or none coming? */
static bool zx_spare_settled_for_start(struct zx_process *proc)
{
	bool settled;

	spin_lock(&proc->req_lock);
	settled = !list_empty(&proc->spares) || proc->req_closed || !zx_spare_coming(proc);
	spin_unlock(&proc->req_lock);
	return settled;
}

/*
 * Start @t, which is STARTING, on a spare of @proc, waiting for the one the
 * agent is making or asking for one if there is none.  On success the
 * thread is running: its Linux thread is on its way to the entry point.
 * @refill: have the agent make the next one.
 */
int zx_agent_start_thread(struct zx_process *proc, struct zx_thread *t, bool refill)
{
	struct zx_spare *s;
	bool coming;
	int status;
	long ret;

	for (;;) {
		mutex_lock(&proc->lock);
		status = t->state == ZX_THREAD_STARTING ? ZX_OK : ZX_ERR_BAD_STATE;
		spin_lock(&proc->req_lock);
		s = list_first_entry_or_null(&proc->spares, struct zx_spare, node);
		coming = zx_spare_coming(proc);
		if (!status && s) {
			list_del_init(&s->node);
			zx_object_get(&t->obj);
			s->thread = t;
			proc->spare_wanted |= refill;
		}
		spin_unlock(&proc->req_lock);
		if (!status && s) {
			t->pid = get_pid(task_pid(s->hook.task));
			t->state = ZX_THREAD_RUNNING_STATE;
			proc->live_threads++;
			/* Before the thread can die and clear it. */
			zx_object_update_signals(&t->obj, 0, ZX_THREAD_RUNNING);
		}
		mutex_unlock(&proc->lock);
		if (status)
			return status;
		if (s) {
			wake_up_all(&proc->spare_wq);
			if (refill)
				wake_up(&proc->agent_wq);
			return ZX_OK;
		}
		if (coming) {
			/* One is on its way: asking for another would leave one over. */
			if (wait_event_killable(proc->wq, zx_spare_settled_for_start(proc)))
				return ZX_ERR_INTERNAL_INTR_RETRY;
			continue;
		}
		ret = zx_agent_call(proc, zx_req_alloc(ZX_AGENT_SPARE));
		if (ret == -EAGAIN || ret == -ENOMEM)
			return ZX_ERR_NO_RESOURCES;
		if (ret == -EINTR || ret == -EINPROGRESS)
			return ZX_ERR_INTERNAL_INTR_RETRY;
		if (ret)
			return ZX_ERR_BAD_STATE;
	}
}

/*
 * Queue a map for @proc, if it is unstarted, without waiting for it: 0, or
 * -EBUSY when the process runs (the caller must wait).  No thread runs
 * before zx_process_start, which waits for these maps (zx_agent_settle).
 */
long zx_agent_mmap_early(struct zx_process *proc, struct file *file, u64 addr, u64 len,
			 unsigned long prot, unsigned long flags, u64 offset)
{
	struct zx_agent_req *req = zx_agent_req_mmap(file, addr, len, prot, flags, offset);
	long ret = 0;

	if (!req)
		return -ENOMEM;
	req->early = true;
	req->orphan = true;		/* nobody waits: the agent frees it */
	mutex_lock(&proc->lock);
	spin_lock(&proc->req_lock);
	if (proc->state != ZX_PROCESS_INITIAL) {
		ret = -EBUSY;
	} else if (proc->req_closed) {
		ret = -ESRCH;
	} else {
		proc->early_maps++;
		req->queued = true;
		list_add_tail(&req->node, &proc->requests);
	}
	spin_unlock(&proc->req_lock);
	mutex_unlock(&proc->lock);
	if (ret) {
		zx_req_free(req);
		return ret;
	}
	wake_up(&proc->agent_wq);
	return 0;
}

/* Has the agent bound and done every early map, or will it never serve? */
static bool zx_agent_settled(struct zx_process *proc, long *early_error)
{
	bool settled;

	spin_lock(&proc->req_lock);
	settled = proc->req_closed || (READ_ONCE(proc->bound) && !proc->early_maps);
	*early_error = proc->early_error;
	spin_unlock(&proc->req_lock);
	return settled;
}

/*
 * Wait until @proc's agent serves and did every early map (ZX_OK), or never
 * will (ZX_ERR_BAD_STATE).  An early map that failed fails every later call
 * with its status: the address space is not what the VMARs say any more.
 */
int zx_agent_settle(struct zx_process *proc)
{
	long err = 0;

	if (wait_event_killable(proc->wq, zx_agent_settled(proc, &err)))
		return ZX_ERR_INTERNAL_INTR_RETRY;
	if (READ_ONCE(proc->req_closed))
		return ZX_ERR_BAD_STATE;
	return err ? zx_errno_status(err) : ZX_OK;
}

/*
 * Take the next request, if any, into *@out; with none queued, and a spare
 * wanted, set *@spare instead.
 */
static bool zx_agent_next(struct zx_process *proc, struct zx_agent_req **out, bool *spare)
{
	struct zx_agent_req *req = NULL;

	spin_lock(&proc->req_lock);
	if (!proc->active && !list_empty(&proc->requests)) {
		req = list_first_entry(&proc->requests, struct zx_agent_req, node);
		list_del(&req->node);
		req->queued = false;
		proc->active = req;
		if (req->op == ZX_AGENT_SPARE) {
			proc->cloning = req->spare;
			if (req->orphan)
				proc->spare_queued = false;
		}
	} else if (!proc->active && proc->spare_wanted) {
		proc->spare_wanted = false;
		proc->spare_queued = true;	/* by zx_agent_queue_spare, next */
		*spare = true;
	}
	spin_unlock(&proc->req_lock);
	*out = req;
	return req || *spare;
}

/* Queue a SPARE request nobody waits for. */
static void zx_agent_queue_spare(struct zx_process *proc)
{
	struct zx_agent_req *req = zx_req_alloc(ZX_AGENT_SPARE);

	spin_lock(&proc->req_lock);
	if (req && !proc->req_closed) {
		req->orphan = true;
		req->queued = true;
		list_add_tail(&req->node, &proc->requests);
		req = NULL;
	} else {
		proc->spare_queued = false;	/* a thread start asks itself */
	}
	spin_unlock(&proc->req_lock);
	if (req)
		zx_req_free(req);
	wake_up_all(&proc->wq);		/* thread starts waiting for it */
}

/* Serve requests until a SPARE sends the agent to the trampoline. */
static int zx_agent_serve(struct zx_process *proc)
{
	struct zx_agent_req *req;
	long ret;

	for (;;) {
		bool spare = false;
		int err = wait_event_state(proc->agent_wq, zx_agent_next(proc, &req, &spare),
					   (TASK_KILLABLE | TASK_NOLOAD | TASK_FREEZABLE));

		if (err)
			return ZX_ERR_INTERNAL_INTR_RETRY;	/* SIGKILL: it dies */
		if (spare) {
			zx_agent_queue_spare(proc);
			continue;
		}
		switch (req->op) {
		case ZX_AGENT_MMAP:
			ret = vm_mmap(req->file, req->addr, req->len, req->prot, req->flags,
				      req->offset);
			break;
		case ZX_AGENT_MUNMAP:
			ret = vm_munmap(req->addr, req->len);
			break;
		default:
			current_pt_regs()->ip = ZX_TRAMPOLINE_ADDR;
			return ZX_OK;
		}
		/*
		 * A killed agent's mmap-lock wait gives up (-EINTR): report
		 * what it is, a process that no longer serves anything.
		 */
		if (IS_ERR_VALUE(ret) && fatal_signal_pending(current))
			ret = -ESRCH;
		zx_req_complete(proc, req, ret);
	}
}

static void zx_agent_exited(struct zx_exit_hook *hook)
{
	struct zx_process *proc = container_of(hook, struct zx_process, agent_hook);

	zx_process_task_exited(proc, hook->task, NULL, true);
	zx_object_put(&proc->obj);
}

/* A spare died: as a spare, or as the thread it became. */
static void zx_spare_exited(struct zx_exit_hook *hook)
{
	struct zx_spare *s = container_of(hook, struct zx_spare, hook);
	struct zx_process *proc = s->proc;
	struct zx_thread *t;

	spin_lock(&proc->req_lock);
	list_del_init(&s->node);
	t = s->thread;
	spin_unlock(&proc->req_lock);
	zx_process_task_exited(proc, hook->task, t, false);
	if (t)
		zx_object_put(&t->obj);
	zx_object_put(&proc->obj);
	kfree(s);
}

/* Set the calling thread's registers for @t's start. */
static void zx_spare_set_regs(struct zx_process *proc, struct zx_thread *t)
{
	struct pt_regs *regs = current_pt_regs();
	u64 entry, stack, arg1, arg2;

	mutex_lock(&proc->lock);
	entry = t->entry;
	stack = t->stack;
	arg1 = t->arg1;
	arg2 = t->arg2;
	mutex_unlock(&proc->lock);

	start_thread(regs, entry, stack);
	regs->r15 = 0;
	regs->r14 = 0;
	regs->r13 = 0;
	regs->r12 = 0;
	regs->bp = 0;
	regs->bx = 0;
	regs->r11 = 0;
	regs->r10 = 0;
	regs->r9 = 0;
	regs->r8 = 0;
	regs->cx = 0;
	regs->dx = 0;
	regs->di = arg1;
	regs->si = arg2;
	regs->flags = X86_EFLAGS_IF | X86_EFLAGS_FIXED;
}

/*
 * The thread the agent just cloned: become a spare, park until a thread
 * starts on it, then return straight to that thread's entry point.
 */
static int zx_spare_park(struct zx_process *proc)
{
	struct zx_spare *s;
	int err;

	spin_lock(&proc->req_lock);
	s = proc->cloning;
	if (s) {
		/* cloning is set only while its SPARE request is active. */
		proc->active->spare = NULL;
		proc->cloning = NULL;
		proc->registering++;
	}
	spin_unlock(&proc->req_lock);
	if (!s)
		return ZX_ERR_BAD_STATE;

	s->proc = proc;
	zx_object_get(&proc->obj);
	INIT_LIST_HEAD(&s->node);
	mutex_lock(&proc->lock);
	proc->live_tasks++;
	mutex_unlock(&proc->lock);
	zx_exit_hook_arm(&s->hook, zx_spare_exited);
	spin_lock(&proc->req_lock);
	list_add_tail(&s->node, &proc->spares);
	proc->registering--;
	spin_unlock(&proc->req_lock);
	wake_up_all(&proc->wq);

	/* s lives until this task's exit hook ran. */
	err = wait_event_state(proc->spare_wq, READ_ONCE(s->thread),
			       (TASK_KILLABLE | TASK_NOLOAD | TASK_FREEZABLE));
	if (err)
		return ZX_ERR_INTERNAL_INTR_RETRY;	/* SIGKILL: it dies */
	zx_task_rename(task_pid(current), &s->thread->obj);
	zx_spare_set_regs(proc, s->thread);
	return ZX_OK;			/* rax = 0 too */
}

/* Has the thread the agent cloned registered as a spare? */
static bool zx_spare_settled(struct zx_process *proc)
{
	bool settled;

	spin_lock(&proc->req_lock);
	settled = !proc->cloning && !proc->registering;
	spin_unlock(&proc->req_lock);
	return settled;
}

/* ZX_IOC_AGENT_PARK: back from the trampoline's clone. */
int zx_agent_park(struct zx_process *proc, unsigned long arg)
{
	struct zx_agent_req *req;
	long ret = (long)arg;

	if (task_pid(current) != proc->tgid)
		return zx_spare_park(proc);
	spin_lock(&proc->req_lock);
	req = proc->active;
	spin_unlock(&proc->req_lock);
	if (!req || req->op != ZX_AGENT_SPARE)
		return ZX_ERR_BAD_STATE;
	if (ret > 0) {
		/* The child runs: wait until it is on the spare list. */
		if (wait_event_killable(proc->wq, zx_spare_settled(proc)))
			return ZX_ERR_INTERNAL_INTR_RETRY;
		ret = 0;
	} else if (!ret) {
		ret = -EINVAL;
	}
	zx_req_complete(proc, req, ret);
	return zx_agent_serve(proc);
}

/* Same user and no more capabilities than @limit. */
static bool zx_cred_within(const struct cred *cred, const struct cred *limit)
{
	return limit && uid_eq(cred->euid, limit->euid) && gid_eq(cred->egid, limit->egid) &&
	       cap_issubset(cred->cap_permitted, limit->cap_permitted);
}

/* Same user, no more capabilities than the creator, and alone. */
static bool zx_agent_may_bind(const struct cred *creator)
{
	return zx_cred_within(current_cred(), creator) && get_nr_threads(current) == 1;
}

/* Has @proc's agent, which is bound, no more credentials than @limit? */
bool zx_agent_cred_within(struct zx_process *proc, const struct cred *limit)
{
	struct task_struct *task;
	bool ok = false;

	rcu_read_lock();
	task = pid_task(proc->tgid, PIDTYPE_PID);
	if (task)
		ok = zx_cred_within(__task_cred(task), limit);
	rcu_read_unlock();
	return ok;
}

/* Is @proc's agent serving, with a spare ready, or will it never serve? */
bool zx_agent_ready(struct zx_process *proc)
{
	bool ready;

	spin_lock(&proc->req_lock);
	ready = proc->req_closed || (READ_ONCE(proc->bound) && !list_empty(&proc->spares));
	spin_unlock(&proc->req_lock);
	return ready;
}

/* Give @proc's agent and spares, the tasks that are no Zircon thread, @attr. */
static void zx_agent_set_sched(struct zx_process *proc, const struct sched_attr *attr)
{
	struct task_struct *tasks[4];
	struct zx_spare *s;
	int n = 0;

	tasks[n] = get_pid_task(proc->tgid, PIDTYPE_PID);
	if (tasks[n])
		n++;
	spin_lock(&proc->req_lock);
	list_for_each_entry(s, &proc->spares, node) {
		if (n == ARRAY_SIZE(tasks))
			break;
		tasks[n++] = get_task_struct(s->hook.task);
	}
	spin_unlock(&proc->req_lock);
	while (n--) {
		sched_setattr_nocheck(tasks[n], attr);
		put_task_struct(tasks[n]);
	}
}

/*
 * A claimed blank runs as a process its claimer just made would: its agent
 * and spares take the calling thread's scheduling policy and nice value
 * (libzx makes blanks at SCHED_IDLE, off the path of the launches).  A
 * deadline policy is not handed on: they get SCHED_NORMAL.
 */
void zx_agent_adopt_sched(struct zx_process *proc)
{
	struct sched_attr attr = {
		.size = sizeof(attr),
		.sched_policy = current->policy,
		.sched_nice = task_nice(current),
		.sched_priority = current->rt_priority,
	};

	if (attr.sched_policy == SCHED_DEADLINE) {
		attr.sched_policy = SCHED_NORMAL;
		attr.sched_priority = 0;
	}
	zx_agent_set_sched(proc, &attr);
}

/*
 * @proc is about to be killed: its agent and spares run no Zircon code any
 * more, and what is left of them is Linux's teardown (the agent, the
 * thread-group leader, usually exits last and frees the address space).
 * That work runs at SCHED_IDLE, so it does not hold up whoever waited for
 * ZX_PROCESS_TERMINATED on the same CPU.
 */
void zx_agent_retire(struct zx_process *proc)
{
	struct sched_attr attr = {
		.size = sizeof(attr),
		.sched_policy = SCHED_IDLE,
	};

	zx_agent_set_sched(proc, &attr);
}

/* Name the Linux task @pid after @obj, as far as TASK_COMM_LEN goes. */
void zx_task_rename(struct pid *pid, struct zx_object *obj)
{
	char name[ZX_MAX_NAME_LEN];
	struct task_struct *task;

	zx_object_get_name(obj, name);
	rcu_read_lock();
	task = pid_task(pid, PIDTYPE_PID);
	if (task) {
		task_lock(task);
		strscpy_pad(task->comm, name, sizeof(task->comm));
		task_unlock(task);
	}
	rcu_read_unlock();
}

/* Empty the helper's address space and map the trampoline. */
static int zx_agent_empty(void)
{
	unsigned long addr;

	if (vm_munmap(0, TASK_SIZE))
		return ZX_ERR_INTERNAL;
	current->mm->context.vdso = NULL;
	addr = vm_mmap(zx_trampoline_file, ZX_TRAMPOLINE_ADDR, PAGE_SIZE,
		       PROT_READ | PROT_EXEC, MAP_SHARED | MAP_FIXED, 0);
	if (addr != ZX_TRAMPOLINE_ADDR)
		return ZX_ERR_NO_RESOURCES;
	/* exec reset rseq; the libc-free helper registered nothing else. */
	current->clear_child_tid = NULL;
	current->robust_list = NULL;
	current->sas_ss_sp = 0;
	current->sas_ss_size = 0;
	current->sas_ss_flags = SS_DISABLE;
	return ZX_OK;
}

/* ZX_IOC_AGENT_BIND: the helper becomes @proc's agent and never returns. */
int zx_agent_bind(struct zx_process *proc, struct file *file)
{
	struct zx_object *vmar;
	int status = ZX_OK;

	if (proc->host)
		return ZX_ERR_NOT_SUPPORTED;
	mutex_lock(&proc->lock);
	/* zx_process_start may come first: it waits for the agent. */
	if (proc->tgid || (proc->state != ZX_PROCESS_INITIAL &&
			   proc->state != ZX_PROCESS_RUNNING)) {
		status = ZX_ERR_BAD_STATE;
	} else if (!zx_agent_may_bind(proc->creator_cred)) {
		status = ZX_ERR_ACCESS_DENIED;
	} else {
		proc->tgid = get_pid(task_tgid(current));
		proc->live_tasks++;
		proc->agent_file = get_file(file);
		put_cred(proc->creator_cred);
		proc->creator_cred = NULL;
	}
	vmar = proc->root_vmar;
	if (vmar)
		zx_object_get(vmar);
	mutex_unlock(&proc->lock);
	if (status)
		goto out;
	zx_object_get(&proc->obj);
	zx_exit_hook_arm(&proc->agent_hook, zx_agent_exited);

	status = zx_agent_empty();
	if (status) {
		/* The helper's code is gone: it must not return to it. */
		force_sig(SIGKILL);
		goto out;
	}
	zx_task_rename(task_pid(current), &proc->obj);
	if (vmar)
		zx_vmar_root_bind(vmar, current->mm);
	spin_lock(&proc->req_lock);
	proc->spare_wanted = true;	/* for zx_process_start */
	spin_unlock(&proc->req_lock);
	WRITE_ONCE(proc->bound, true);
	wake_up_all(&proc->wq);
	trace_zx_process_bind(proc->obj.koid, task_tgid_nr(current));
out:
	if (vmar)
		zx_object_put(vmar);
	return status ? status : zx_agent_serve(proc);
}

int zx_agent_init(void)
{
	size_t len = zx_trampoline_end - zx_trampoline_start;
	loff_t pos = 0;

	zx_rearm_wq = alloc_workqueue("zircon_agent", 0, 0);
	if (!zx_rearm_wq)
		return -ENOMEM;
	zx_trampoline_file = shmem_file_setup("zircon-trampoline", PAGE_SIZE, VM_NORESERVE);
	if (IS_ERR(zx_trampoline_file))
		goto err;
	if (kernel_write(zx_trampoline_file, zx_trampoline_start, len, &pos) != len) {
		fput(zx_trampoline_file);
		goto err;
	}
	return 0;
err:
	destroy_workqueue(zx_rearm_wq);
	return -ENOMEM;
}

void zx_agent_exit(void)
{
	destroy_workqueue(zx_rearm_wq);
	fput(zx_trampoline_file);
}
