// SPDX-License-Identifier: GPL-2.0
/*
 * Zircon processes.
 *
 * For now a Zircon process is a Linux thread group that opened /dev/zircon:
 * the open file owns one struct zx_process, bound to the opener's thread
 * group (ioctls from any other thread group are refused in main.c).  At open
 * the process gets a default job, a new child of the root job, and a handle
 * to it; it captures that job's policy, as a Zircon process captures its
 * job's policy at creation.  Everything here is immutable after open except
 * the handle table, which has its own lock (handle.c).
 */

#include <linux/pid.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/slab.h>
#include <linux/string.h>

#include <linux/zircon.h>

#include "zircon.h"

struct zx_process *zx_process_open(void)
{
	struct zx_process *proc;
	struct zx_job *job;
	int status;

	proc = kzalloc(sizeof(*proc), GFP_KERNEL_ACCOUNT);
	if (!proc)
		return ERR_PTR(-ENOMEM);
	proc->koid = zx_next_koid();
	zx_handle_table_init(&proc->table);

	job = zx_job_create_child(zx_root_job, &status);
	if (!job)
		goto err_free;
	zx_object_set_name(zx_job_object(job), current->comm, sizeof(current->comm));
	zx_job_copy_policy(job, proc->policy);
	proc->job = job;
	status = zx_handle_install(proc, zx_job_object(job), ZX_DEFAULT_JOB_RIGHTS,
				   &proc->default_job);
	if (status)
		goto err_job;
	proc->tgid = get_pid(task_tgid(current));
	return proc;

err_job:
	zx_handle_table_destroy(proc);
	zx_job_put(job);
err_free:
	kfree(proc);
	return ERR_PTR(status == ZX_ERR_NO_MEMORY ? -ENOMEM : -EINVAL);
}

void zx_process_release(struct zx_process *proc)
{
	zx_handle_table_destroy(proc);
	if (proc->root_vmar)
		zx_object_put(proc->root_vmar);
	zx_job_put(proc->job);
	put_pid(proc->tgid);
	kfree(proc);
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

/* zx_vmar_root_self(): the root VMAR, made on first use. */
int zx_sys_vmar_root(struct zx_process *proc, struct zx_ioc_vmar_root *a)
{
	struct zx_object *vmar = READ_ONCE(proc->root_vmar);
	int status;

	if (a->reserved)
		return ZX_ERR_INVALID_ARGS;
	if (!vmar) {
		vmar = zx_vmar_create_root(&status);
		if (!vmar)
			return status;
		if (cmpxchg(&proc->root_vmar, NULL, vmar)) {
			zx_object_put(vmar);
			vmar = READ_ONCE(proc->root_vmar);
		}
	}
	return zx_handle_install_user(proc, vmar, ZX_DEFAULT_VMAR_RIGHTS | ZX_RIGHT_READ |
				      ZX_RIGHT_WRITE | ZX_RIGHT_EXECUTE, a->out);
}

int zx_sys_startup(struct zx_process *proc, struct zx_ioc_startup *a)
{
	if (a->reserved[0] || a->reserved[1])
		return ZX_ERR_INVALID_ARGS;
	a->default_job = proc->default_job;
	a->reserved0 = 0;
	a->process_koid = proc->koid;
	return ZX_OK;
}
