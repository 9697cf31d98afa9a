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
 *  - CLONE for zx_process_start and zx_thread_start: the agent returns to
 *    the trampoline, which calls clone(CLONE_VM | CLONE_THREAD | ...) and
 *    comes back with ZX_IOC_AGENT_PARK: the agent with the new thread's id
 *    (it parks again once the child took the thread on), the child with 0:
 *    it binds to the thread being started, gets its registers and returns
 *    straight to the thread's entry point with every other register zero.
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
 * cloning and every request's done, queued and orphan flags; proc->lock is
 * taken outside it, never inside.
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
	ZX_AGENT_CLONE,
};

struct zx_agent_req {
	struct list_head node;		/* req_lock: on proc->requests */
	enum zx_agent_op op;		/* immutable, as are the arguments */
	struct file *file;		/* MMAP: holds a reference, or NULL */
	u64 addr, len, offset;
	unsigned long prot, flags;
	struct zx_thread *thread;	/* CLONE: holds a reference */
	long result;			/* req_lock */
	bool queued, done, orphan;	/* req_lock */
};

static struct file *zx_trampoline_file;
static struct workqueue_struct *zx_agent_wq;

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
		queue_work(zx_agent_wq, &hook->rearm);	/* ran early: re-arm */
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
		queue_work(zx_agent_wq, &hook->rearm);
}

/* --- requests ------------------------------------------------------------ */

static void zx_req_free(struct zx_agent_req *req)
{
	if (!req)
		return;
	if (req->file)
		fput(req->file);
	if (req->thread)
		zx_object_put(&req->thread->obj);
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
 * Hand @req to the agent and wait for its result (a Linux return value).
 * A killed caller gets -EINTR if the agent never took the request, or
 * -EINPROGRESS if it is under way (and will be carried out).
 */
static long zx_agent_call(struct zx_process *proc, struct zx_agent_req *req)
{
	long ret;

	spin_lock(&proc->req_lock);
	if (proc->req_closed) {
		spin_unlock(&proc->req_lock);
		zx_req_free(req);
		return -ESRCH;
	}
	req->queued = true;
	list_add_tail(&req->node, &proc->requests);
	spin_unlock(&proc->req_lock);
	wake_up_all(&proc->wq);

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
	orphan = req->orphan;
	spin_unlock(&proc->req_lock);
	if (orphan)
		zx_req_free(req);
	wake_up_all(&proc->wq);
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
		req = closed ? proc->active : NULL;
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

	if (req)
		req->op = op;
	return req;
}

long zx_agent_mmap(struct zx_process *proc, struct file *file, u64 addr, u64 len,
		   unsigned long prot, unsigned long flags, u64 offset)
{
	struct zx_agent_req *req = zx_req_alloc(ZX_AGENT_MMAP);

	if (!req)
		return -ENOMEM;
	req->file = file ? get_file(file) : NULL;
	req->addr = addr;
	req->len = len;
	req->prot = prot;
	req->flags = flags;
	req->offset = offset;
	return zx_agent_call(proc, req);
}

long zx_agent_munmap(struct zx_process *proc, u64 addr, u64 len)
{
	struct zx_agent_req *req = zx_req_alloc(ZX_AGENT_MUNMAP);

	if (!req)
		return -ENOMEM;
	req->addr = addr;
	req->len = len;
	return zx_agent_call(proc, req);
}

/* Have the agent create the Linux thread of @t, which is STARTING. */
int zx_agent_clone(struct zx_process *proc, struct zx_thread *t)
{
	struct zx_agent_req *req = zx_req_alloc(ZX_AGENT_CLONE);
	long ret;

	if (!req)
		return ZX_ERR_NO_MEMORY;
	req->thread = t;
	zx_object_get(&t->obj);
	ret = zx_agent_call(proc, req);
	/* A caller killed while the agent clones: the thread starts anyway. */
	if (ret == -EINPROGRESS)
		return ZX_OK;
	if (ret) {
		/*
		 * The new thread may have run, and ended its process, before
		 * the agent got back to the module: it started all the same.
		 */
		mutex_lock(&proc->lock);
		if (t->pid)
			ret = 0;
		mutex_unlock(&proc->lock);
	}
	if (!ret)
		return ZX_OK;
	if (ret == -EAGAIN || ret == -ENOMEM)
		return ZX_ERR_NO_RESOURCES;
	return ret == -EINTR ? ZX_ERR_INTERNAL_INTR_RETRY : ZX_ERR_BAD_STATE;
}

/* Wait until @proc's agent serves (ZX_OK) or never will (ZX_ERR_BAD_STATE). */
int zx_agent_wait_bound(struct zx_process *proc)
{
	if (wait_event_killable(proc->wq, READ_ONCE(proc->bound) ||
				READ_ONCE(proc->req_closed)))
		return ZX_ERR_INTERNAL_INTR_RETRY;
	return READ_ONCE(proc->req_closed) ? ZX_ERR_BAD_STATE : ZX_OK;
}

/* --- the agent's side ---------------------------------------------------- */

/* Take the next request, if any, into *@out. */
static bool zx_agent_next(struct zx_process *proc, struct zx_agent_req **out)
{
	struct zx_agent_req *req = NULL;

	spin_lock(&proc->req_lock);
	if (!proc->active && !list_empty(&proc->requests)) {
		req = list_first_entry(&proc->requests, struct zx_agent_req, node);
		list_del(&req->node);
		req->queued = false;
		proc->active = req;
		if (req->op == ZX_AGENT_CLONE)
			proc->cloning = req->thread;
	}
	spin_unlock(&proc->req_lock);
	*out = req;
	return req;
}

/* Serve requests until a CLONE sends the agent to the trampoline. */
static int zx_agent_serve(struct zx_process *proc)
{
	struct zx_agent_req *req;
	long ret;

	for (;;) {
		int err = wait_event_state(proc->wq, zx_agent_next(proc, &req),
					   (TASK_KILLABLE | TASK_NOLOAD | TASK_FREEZABLE));

		if (err)
			return ZX_ERR_INTERNAL_INTR_RETRY;	/* SIGKILL: it dies */
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
		zx_req_complete(proc, req, ret);
	}
}

static void zx_agent_exited(struct zx_exit_hook *hook)
{
	struct zx_process *proc = container_of(hook, struct zx_process, agent_hook);

	zx_process_task_exited(proc, hook->task, NULL);
	zx_object_put(&proc->obj);
}

static void zx_thread_exited(struct zx_exit_hook *hook)
{
	struct zx_thread *t = container_of(hook, struct zx_thread, hook);

	zx_process_task_exited(t->proc, hook->task, t);
	zx_object_put(&t->obj);
}

/* Name the calling Linux task after @obj, as far as TASK_COMM_LEN goes. */
static void zx_agent_set_comm(struct zx_object *obj)
{
	char name[ZX_MAX_NAME_LEN];

	zx_object_get_name(obj, name);
	task_lock(current);
	strscpy_pad(current->comm, name, sizeof(current->comm));
	task_unlock(current);
}

/* A new thread: take on the thread the agent is cloning and go to its entry. */
static int zx_agent_thread_bind(struct zx_process *proc)
{
	struct pt_regs *regs = current_pt_regs();
	struct zx_thread *t;
	int status = ZX_OK;

	spin_lock(&proc->req_lock);
	t = proc->cloning;
	if (t)
		zx_object_get(&t->obj);
	spin_unlock(&proc->req_lock);
	if (!t)
		return ZX_ERR_BAD_STATE;

	mutex_lock(&proc->lock);
	if (t->state != ZX_THREAD_STARTING || t->pid) {
		status = ZX_ERR_BAD_STATE;
	} else {
		t->pid = get_pid(task_pid(current));
		t->state = ZX_THREAD_RUNNING_STATE;
		proc->live_tasks++;
		proc->live_threads++;
	}
	mutex_unlock(&proc->lock);
	if (status) {
		zx_object_put(&t->obj);
		return status;
	}
	zx_exit_hook_arm(&t->hook, zx_thread_exited);	/* takes our reference */
	zx_agent_set_comm(&t->obj);

	start_thread(regs, t->entry, t->stack);
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
	regs->di = t->arg1;
	regs->si = t->arg2;
	regs->flags = X86_EFLAGS_IF | X86_EFLAGS_FIXED;
	zx_object_update_signals(&t->obj, 0, ZX_THREAD_RUNNING);

	spin_lock(&proc->req_lock);
	if (proc->cloning == t)
		proc->cloning = NULL;
	spin_unlock(&proc->req_lock);
	wake_up_all(&proc->wq);
	return ZX_OK;			/* rax = 0 too */
}

/* ZX_IOC_AGENT_PARK: back from the trampoline's clone. */
int zx_agent_park(struct zx_process *proc, unsigned long arg)
{
	struct zx_agent_req *req;
	long ret = (long)arg;

	if (task_pid(current) != proc->tgid)
		return zx_agent_thread_bind(proc);
	spin_lock(&proc->req_lock);
	req = proc->active;
	spin_unlock(&proc->req_lock);
	if (!req || req->op != ZX_AGENT_CLONE)
		return ZX_ERR_BAD_STATE;
	if (ret > 0) {
		/* The child runs: wait until it took the thread on. */
		if (wait_event_killable(proc->wq, !READ_ONCE(proc->cloning)))
			return ZX_ERR_INTERNAL_INTR_RETRY;
		ret = 0;
	} else if (!ret) {
		ret = -EINVAL;
	}
	zx_req_complete(proc, req, ret);
	return zx_agent_serve(proc);
}

/* Same user, no more capabilities than the creator, and alone. */
static bool zx_agent_may_bind(const struct cred *creator)
{
	const struct cred *cred = current_cred();

	return creator && uid_eq(cred->euid, creator->euid) &&
	       gid_eq(cred->egid, creator->egid) &&
	       cap_issubset(cred->cap_permitted, creator->cap_permitted) &&
	       get_nr_threads(current) == 1;
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
	if (proc->tgid || proc->state != ZX_PROCESS_INITIAL) {
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
	zx_agent_set_comm(&proc->obj);
	if (vmar)
		zx_vmar_root_bind(vmar, current->mm);
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

	zx_agent_wq = alloc_workqueue("zircon_agent", 0, 0);
	if (!zx_agent_wq)
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
	destroy_workqueue(zx_agent_wq);
	return -ENOMEM;
}

void zx_agent_exit(void)
{
	destroy_workqueue(zx_agent_wq);
	fput(zx_trampoline_file);
}
