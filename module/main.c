// SPDX-License-Identifier: GPL-2.0
/*
 * zircon.ko: Zircon kernel objects on Linux.
 *
 * /dev/zircon is a misc device, mode 0666: opening it needs no privilege,
 * since authority comes only from handles.  Each open file is one Zircon
 * process (process.c) bound to the opening thread group.  Every ioctl copies
 * its argument block in, runs a handler that returns a Zircon status, and
 * copies the block back out only for the few calls that have out fields in
 * it.  See uapi/linux/zircon.h for the return convention.
 *
 * debugfs "zircon/objects" reports live objects and handles, so tests can
 * prove that nothing leaks.
 */

#include <linux/debugfs.h>
#include <linux/fs.h>
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
	zx_process_release(file->private_data);
	return 0;
}

static int zx_dispatch(struct zx_process *proc, unsigned int cmd,
		       union zx_ioc_args *a)
{
	switch (cmd) {
	case ZX_IOC_STARTUP:
		return zx_sys_startup(proc, &a->startup);
	case ZX_IOC_ROOT_JOB:
		return zx_sys_root_job(proc, &a->root_job);
	case ZX_IOC_HANDLE_CLOSE_MANY:
		return zx_sys_handle_close_many(proc, &a->close_many);
	case ZX_IOC_HANDLE_DUPLICATE:
		return zx_sys_handle_duplicate(proc, &a->dup);
	case ZX_IOC_HANDLE_REPLACE:
		return zx_sys_handle_replace(proc, &a->dup);
	case ZX_IOC_OBJECT_GET_INFO:
		return zx_sys_object_get_info(proc, &a->get_info);
	case ZX_IOC_OBJECT_GET_PROPERTY:
		return zx_sys_object_get_property(proc, &a->property);
	case ZX_IOC_OBJECT_SET_PROPERTY:
		return zx_sys_object_set_property(proc, &a->property);
	case ZX_IOC_OBJECT_SIGNAL:
		return zx_sys_object_signal(proc, &a->signal);
	case ZX_IOC_OBJECT_WAIT_ONE:
		return zx_sys_object_wait_one(proc, &a->wait_one);
	case ZX_IOC_OBJECT_WAIT_MANY:
		return zx_sys_object_wait_many(proc, &a->wait_many);
	case ZX_IOC_JOB_CREATE:
		return zx_sys_job_create(proc, &a->job_create);
	case ZX_IOC_JOB_SET_POLICY:
		return zx_sys_job_set_policy(proc, &a->set_policy);
	case ZX_IOC_TASK_KILL:
		return zx_sys_task_kill(proc, &a->handle);
	case ZX_IOC_EVENT_CREATE:
		return zx_sys_event_create(proc, &a->event_create);
	default:
		return ZX_ERR_BAD_SYSCALL;
	}
}

static long zx_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	struct zx_process *proc = file->private_data;
	void __user *argp = (void __user *)arg;
	size_t size = _IOC_SIZE(cmd);
	union zx_ioc_args a;
	int status;

	if (unlikely(task_tgid(current) != proc->tgid))
		return -EBADFD;
	if (cmd == ZX_IOC_NOP)
		return 0;
	if (cmd == ZX_IOC_HANDLE_CLOSE)
		return -zx_sys_handle_close(proc, arg);
	if (_IOC_TYPE(cmd) != ZX_IOC_MAGIC || size > sizeof(a) ||
	    !(_IOC_DIR(cmd) & _IOC_WRITE))
		return -ENOTTY;
	if (copy_from_user(&a, argp, size))
		return -EFAULT;

	status = zx_dispatch(proc, cmd, &a);
	if (status == ZX_ERR_BAD_SYSCALL)
		return -ENOTTY;
	if (status == ZX_ERR_INTERNAL_INTR_RETRY)
		return -ERESTARTSYS;
	if (status == ZX_OK && (_IOC_DIR(cmd) & _IOC_READ) &&
	    copy_to_user(argp, &a, size))
		return -EFAULT;
	return -status;
}

static const struct file_operations zx_fops = {
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
	ret = misc_register(&zx_misc);
	if (ret)
		goto err_job;
	zx_debugfs = debugfs_create_dir("zircon", NULL);
	debugfs_create_file("objects", 0444, zx_debugfs, NULL, &zx_objects_fops);
	pr_info("zircon: /dev/zircon ready\n");
	return 0;

err_job:
	zx_job_exit();
	return ret;
}

static void __exit zx_exit(void)
{
	debugfs_remove_recursive(zx_debugfs);
	misc_deregister(&zx_misc);
	zx_job_exit();
	WARN_ON(zx_objects_live() != 0);
}

module_init(zx_init);
module_exit(zx_exit);

MODULE_DESCRIPTION("Zircon kernel objects and calls on Linux");
MODULE_AUTHOR("The zircon.ko authors");
MODULE_LICENSE("GPL");
