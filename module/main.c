// SPDX-License-Identifier: GPL-2.0
/*
 * zircon.ko: Zircon kernel objects on Linux.
 *
 * /dev/zircon is a misc device, mode 0666: opening it needs no privilege,
 * since authority comes only from handles.  Each open file is one Zircon
 * process (process.c) bound to the opening thread group; zx_process_create
 * makes more files of the same kind, each bound to a created process's
 * thread group once its agent binds (agent.c).  Every ioctl copies
 * its argument block in (with the block's exact size), runs a handler that
 * returns a Zircon status, and copies the block back out only for the one
 * call that has out fields in it.  See uapi/linux/zircon.h for the return
 * convention.
 *
 * debugfs "zircon/objects" reports live objects and handles, so tests can
 * prove that nothing leaks.
 */

#include <linux/compat.h>
#include <linux/debugfs.h>
#include <linux/fs.h>
#include <linux/limits.h>
#include <linux/miscdevice.h>
#include <linux/module.h>
#include <linux/pid.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/seq_file.h>
#include <linux/uaccess.h>

#include <linux/zircon.h>

#include "zircon.h"

#define CREATE_TRACE_POINTS
#include "trace.h"

union zx_ioc_args {
	struct zx_ioc_startup startup;
	struct zx_ioc_root_job root_job;
	struct zx_ioc_handle handle;
	struct zx_ioc_handle_close_many close_many;
	struct zx_ioc_handle_dup dup;
	struct zx_ioc_get_info get_info;
	struct zx_ioc_property property;
	struct zx_ioc_signal signal;
	struct zx_ioc_wait_one wait_one;
	struct zx_ioc_wait_many wait_many;
	struct zx_ioc_job_create job_create;
	struct zx_ioc_job_set_policy set_policy;
	struct zx_ioc_event_create event_create;
	struct zx_ioc_vmo_create vmo_create;
	struct zx_ioc_vmo_rw vmo_rw;
	struct zx_ioc_vmo_size vmo_size;
	struct zx_ioc_vmo_op_range vmo_op;
	struct zx_ioc_vmo_child vmo_child;
	struct zx_ioc_vmo_exec vmo_exec;
	struct zx_ioc_port_create port_create;
	struct zx_ioc_port_queue port_queue;
	struct zx_ioc_port_wait port_wait;
	struct zx_ioc_port_cancel port_cancel;
	struct zx_ioc_wait_async wait_async;
	struct zx_ioc_channel_create channel_create;
	struct zx_ioc_channel_call channel_call;
	struct zx_ioc_handle_fd handle_fd;
	struct zx_ioc_vmar_root vmar_root;
	struct zx_ioc_vmar_map vmar_map;
	struct zx_ioc_vmar_range vmar_range;
	struct zx_ioc_vmar_allocate vmar_allocate;
	struct zx_ioc_process_create process_create;
	struct zx_ioc_process_start process_start;
	struct zx_ioc_process_exit process_exit;
	struct zx_ioc_thread_create thread_create;
	struct zx_ioc_thread_start thread_start;
	struct zx_ioc_self self;
	struct zx_ioc_process_blank blank;
};

static int zx_open(struct inode *inode, struct file *file)
{
	struct zx_process *proc = zx_process_open();

	if (IS_ERR(proc))
		return PTR_ERR(proc);
	file->private_data = proc;
	return nonseekable_open(inode, file);
}

static int zx_release(struct inode *inode, struct file *file)
{
	zx_process_file_release(file->private_data);
	return 0;
}

/* Not a Zircon status: the argument block could not be copied. */
#define ZX_FAULT	INT_MIN

/*
 * Copy in the argument block with its exact (compile-time) size, so that
 * hardened usercopy needs no run-time check, and call the handler.
 */
#define ZX_CALL(field, handler)						\
	(copy_from_user(&a.field, argp, sizeof(a.field)) ? ZX_FAULT :	\
	 handler(proc, &a.field))

/* A handler's status as the ioctl's return value. */
static long zx_ret(int status)
{
	if (status == ZX_FAULT)
		return -EFAULT;
	if (status == ZX_ERR_INTERNAL_INTR_RETRY)
		return -ERESTARTSYS;
	return -status;
}

/*
 * A channel register call (uapi/linux/zircon.h): its arguments are the
 * system call's third to sixth, then r12 and r13 as saved on entry.
 */
static long zx_channel_reg_call(struct zx_process *proc, unsigned int cmd)
{
	const struct pt_regs *regs = current_pt_regs();
	struct zx_channel_args a;

	if (in_compat_syscall())
		return -ENOTTY;
	a = (struct zx_channel_args){
		.handle = lower_32_bits(regs->dx),
		.options = upper_32_bits(regs->dx),
		.bytes = regs->r10,
		.handles = regs->r8,
		.num_bytes = lower_32_bits(regs->r9),
		.num_handles = upper_32_bits(regs->r9),
	};
	if (cmd == ZX_IOC_CHANNEL_WRITE)
		return zx_ret(zx_sys_channel_write(proc, &a));
	a.actual_bytes = regs->r12;
	a.actual_handles = regs->r13;
	return zx_ret(zx_sys_channel_read(proc, &a, cmd == ZX_IOC_CHANNEL_READ_ETC));
}

static long zx_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	struct zx_process *proc = file->private_data;
	void __user *argp = (void __user *)arg;
	/* ZX_CALL fills the one member a handler uses: no need to clear it first. */
	union zx_ioc_args a __uninitialized;
	int status;

	if (unlikely(task_tgid(current) != READ_ONCE(proc->tgid))) {
		/* Only the helper that becomes a created process's agent. */
		if (cmd != ZX_IOC_AGENT_BIND)
			return -EBADFD;
		return zx_ret(zx_agent_bind(proc, file));
	}

	/* The register calls, the hottest, skip the search through the switch. */
	if (cmd == ZX_IOC_CHANNEL_WRITE || cmd == ZX_IOC_CHANNEL_READ ||
	    cmd == ZX_IOC_CHANNEL_READ_ETC)
		return zx_channel_reg_call(proc, cmd);

	switch (cmd) {
	case ZX_IOC_NOP:
		return 0;
	case ZX_IOC_HANDLE_CLOSE:
		status = zx_sys_handle_close(proc, arg);
		break;
	case ZX_IOC_STARTUP:
		status = ZX_CALL(startup, zx_sys_startup);
		if (!status && copy_to_user(argp, &a.startup, sizeof(a.startup)))
			status = ZX_FAULT;
		break;
	case ZX_IOC_ROOT_JOB:
		status = ZX_CALL(root_job, zx_sys_root_job);
		break;
	case ZX_IOC_HANDLE_CLOSE_MANY:
		status = ZX_CALL(close_many, zx_sys_handle_close_many);
		break;
	case ZX_IOC_HANDLE_DUPLICATE:
		status = ZX_CALL(dup, zx_sys_handle_duplicate);
		break;
	case ZX_IOC_HANDLE_REPLACE:
		status = ZX_CALL(dup, zx_sys_handle_replace);
		break;
	case ZX_IOC_OBJECT_GET_INFO:
		status = ZX_CALL(get_info, zx_sys_object_get_info);
		break;
	case ZX_IOC_OBJECT_GET_PROPERTY:
		status = ZX_CALL(property, zx_sys_object_get_property);
		break;
	case ZX_IOC_OBJECT_SET_PROPERTY:
		status = ZX_CALL(property, zx_sys_object_set_property);
		break;
	case ZX_IOC_OBJECT_SIGNAL:
		status = ZX_CALL(signal, zx_sys_object_signal);
		break;
	case ZX_IOC_OBJECT_WAIT_ONE:
		status = ZX_CALL(wait_one, zx_sys_object_wait_one);
		break;
	case ZX_IOC_OBJECT_WAIT_MANY:
		status = ZX_CALL(wait_many, zx_sys_object_wait_many);
		break;
	case ZX_IOC_JOB_CREATE:
		status = ZX_CALL(job_create, zx_sys_job_create);
		break;
	case ZX_IOC_JOB_SET_POLICY:
		status = ZX_CALL(set_policy, zx_sys_job_set_policy);
		break;
	case ZX_IOC_TASK_KILL:
		status = ZX_CALL(handle, zx_sys_task_kill);
		break;
	case ZX_IOC_EVENT_CREATE:
		status = ZX_CALL(event_create, zx_sys_event_create);
		break;
	case ZX_IOC_VMO_CREATE:
		status = ZX_CALL(vmo_create, zx_sys_vmo_create);
		break;
	case ZX_IOC_VMO_READ:
		status = ZX_CALL(vmo_rw, zx_sys_vmo_read);
		break;
	case ZX_IOC_VMO_WRITE:
		status = ZX_CALL(vmo_rw, zx_sys_vmo_write);
		break;
	case ZX_IOC_VMO_GET_SIZE:
		status = ZX_CALL(vmo_size, zx_sys_vmo_get_size);
		break;
	case ZX_IOC_VMO_SET_SIZE:
		status = ZX_CALL(vmo_size, zx_sys_vmo_set_size);
		break;
	case ZX_IOC_VMO_OP_RANGE:
		status = ZX_CALL(vmo_op, zx_sys_vmo_op_range);
		break;
	case ZX_IOC_VMO_CREATE_CHILD:
		status = ZX_CALL(vmo_child, zx_sys_vmo_create_child);
		break;
	case ZX_IOC_VMO_REPLACE_AS_EXECUTABLE:
		status = ZX_CALL(vmo_exec, zx_sys_vmo_replace_as_executable);
		break;
	case ZX_IOC_PORT_CREATE:
		status = ZX_CALL(port_create, zx_sys_port_create);
		break;
	case ZX_IOC_PORT_QUEUE:
		status = ZX_CALL(port_queue, zx_sys_port_queue);
		break;
	case ZX_IOC_PORT_WAIT:
		status = ZX_CALL(port_wait, zx_sys_port_wait);
		break;
	case ZX_IOC_PORT_CANCEL:
		status = ZX_CALL(port_cancel, zx_sys_port_cancel);
		break;
	case ZX_IOC_OBJECT_WAIT_ASYNC:
		status = ZX_CALL(wait_async, zx_sys_object_wait_async);
		break;
	case ZX_IOC_VMAR_ROOT:
		status = ZX_CALL(vmar_root, zx_sys_vmar_root);
		break;
	case ZX_IOC_VMAR_MAP:
		status = ZX_CALL(vmar_map, zx_sys_vmar_map);
		break;
	case ZX_IOC_VMAR_UNMAP:
		status = ZX_CALL(vmar_range, zx_sys_vmar_unmap);
		break;
	case ZX_IOC_VMAR_PROTECT:
		status = ZX_CALL(vmar_range, zx_sys_vmar_protect);
		break;
	case ZX_IOC_VMAR_ALLOCATE:
		status = ZX_CALL(vmar_allocate, zx_sys_vmar_allocate);
		break;
	case ZX_IOC_VMAR_DESTROY:
		status = ZX_CALL(handle, zx_sys_vmar_destroy);
		break;
	case ZX_IOC_HANDLE_TO_FD:
		status = ZX_CALL(handle_fd, zx_sys_handle_to_fd);
		break;
	case ZX_IOC_FD_TO_HANDLE:
		status = ZX_CALL(handle_fd, zx_sys_fd_to_handle);
		break;
	case ZX_IOC_CHANNEL_CREATE:
		status = ZX_CALL(channel_create, zx_sys_channel_create);
		break;
	case ZX_IOC_CHANNEL_CALL:
		status = ZX_CALL(channel_call, zx_sys_channel_call);
		break;
	case ZX_IOC_PROCESS_CREATE:
		status = ZX_CALL(process_create, zx_sys_process_create);
		break;
	case ZX_IOC_PROCESS_START:
		status = ZX_CALL(process_start, zx_sys_process_start);
		break;
	case ZX_IOC_PROCESS_EXIT:
		status = ZX_CALL(process_exit, zx_sys_process_exit);
		break;
	case ZX_IOC_THREAD_CREATE:
		status = ZX_CALL(thread_create, zx_sys_thread_create);
		break;
	case ZX_IOC_THREAD_START:
		status = ZX_CALL(thread_start, zx_sys_thread_start);
		break;
	case ZX_IOC_PROCESS_BLANK:
		status = ZX_CALL(blank, zx_sys_process_blank);
		break;
	case ZX_IOC_PROCESS_CREATE_SHARED:
		status = ZX_CALL(process_create, zx_sys_process_create_shared);
		break;
	case ZX_IOC_SELF:
		status = ZX_CALL(self, zx_sys_self);
		if (!status && copy_to_user(argp, &a.self, sizeof(a.self)))
			status = ZX_FAULT;
		break;
	case ZX_IOC_AGENT_PARK:
		status = zx_agent_park(proc, arg);
		break;
	default:
		return -ENOTTY;
	}
	return zx_ret(status);
}

const struct file_operations zx_fops = {
	.owner = THIS_MODULE,
	.open = zx_open,
	.release = zx_release,
	.unlocked_ioctl = zx_ioctl,
	.compat_ioctl = compat_ptr_ioctl,
};

static struct miscdevice zx_misc = {
	.minor = MISC_DYNAMIC_MINOR,
	.name = "zircon",
	.fops = &zx_fops,
	.mode = 0666,
};

static int zx_objects_show(struct seq_file *m, void *v)
{
	zx_channel_flush();
	/* The root job is always there; report only what user space made. */
	seq_printf(m, "objects %d\nhandles %d\n", zx_objects_live() - 1,
		   zx_handles_live());
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(zx_objects);

static struct dentry *zx_debugfs;

static int __init zx_init(void)
{
	int ret;

	ret = zx_job_init();
	if (ret)
		return ret;
	ret = zx_agent_init();
	if (ret)
		goto err_job;
	ret = misc_register(&zx_misc);
	if (ret)
		goto err_agent;
	zx_debugfs = debugfs_create_dir("zircon", NULL);
	debugfs_create_file("objects", 0444, zx_debugfs, NULL, &zx_objects_fops);
	pr_info("zircon: /dev/zircon ready\n");
	return 0;

err_agent:
	zx_agent_exit();
err_job:
	zx_job_exit();
	return ret;
}

static void __exit zx_exit(void)
{
	debugfs_remove_recursive(zx_debugfs);
	misc_deregister(&zx_misc);
	zx_agent_exit();
	zx_job_exit();
	zx_channel_flush();
	/* Not a WARN: cycles of channels can leak, as in Zircon. */
	if (zx_objects_live())
		pr_err("zircon: %d objects leaked at unload\n", zx_objects_live());
}

module_init(zx_init);
module_exit(zx_exit);

MODULE_DESCRIPTION("Zircon kernel objects and calls on Linux");
MODULE_AUTHOR("The zircon.ko authors");
MODULE_LICENSE("GPL");
