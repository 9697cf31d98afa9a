// SPDX-License-Identifier: GPL-2.0
/*
 * Handles as file descriptors: a Linux-only bridge between Zircon processes.
 *
 * zx_linux_handle_to_fd moves one handle out of the caller's table into an
 * anonymous-inode file; the descriptor travels like any other (fork,
 * SCM_RIGHTS, pidfd_getfd), and zx_linux_fd_to_handle moves the handle out
 * again into the caller's table.  In between the handle is in flight, as in
 * a channel message: it keeps its object alive (and a channel end open).
 * Closing the last descriptor of a box that still holds its handle closes
 * the handle.  Each box carries one handle and gives it out once.
 *
 * Locking: zx_handle_box.lock protects ref.
 */

#include <linux/anon_inodes.h>
#include <linux/fcntl.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/slab.h>
#include <linux/uaccess.h>

#include <linux/zircon.h>

#include "zircon.h"

struct zx_handle_box {
	spinlock_t lock;
	struct zx_handle_ref ref;	/* lock: obj is NULL once given out */
};

static int zx_box_release(struct inode *inode, struct file *file)
{
	struct zx_handle_box *box = file->private_data;

	if (box->ref.obj)
		zx_handle_ref_release(&box->ref);
	kfree(box);
	return 0;
}

static const struct file_operations zx_box_fops = {
	.owner = THIS_MODULE,
	.release = zx_box_release,
};

int zx_sys_handle_to_fd(struct zx_process *proc, struct zx_ioc_handle_fd *a)
{
	struct zx_handle_box *box;
	struct zx_handle_ref ref;
	struct file *file;
	int status, fd;

	if (a->flags & ~O_CLOEXEC)
		return ZX_ERR_INVALID_ARGS;
	status = zx_handle_get(proc, a->handle, 0, ZX_RIGHT_TRANSFER, &ref);
	if (status)
		return status;
	zx_object_put(ref.obj);

	box = kzalloc(sizeof(*box), GFP_KERNEL_ACCOUNT);
	if (!box)
		return ZX_ERR_NO_MEMORY;
	spin_lock_init(&box->lock);
	fd = get_unused_fd_flags(a->flags & O_CLOEXEC);
	if (fd < 0) {
		kfree(box);
		return ZX_ERR_NO_RESOURCES;
	}
	if (put_user(fd, (s32 __user *)u64_to_user_ptr(a->out))) {
		status = ZX_ERR_INVALID_ARGS;
		goto err_fd;
	}
	file = anon_inode_getfile("[zircon-handle]", &zx_box_fops, box, O_RDWR);
	if (IS_ERR(file)) {
		status = ZX_ERR_NO_MEMORY;
		goto err_fd;
	}
	/* From here the file owns the box. */
	status = zx_handle_take(proc, a->handle, &box->ref);
	if (status) {
		box->ref.obj = NULL;
		fput(file);
		put_unused_fd(fd);
		return status;
	}
	/* Waits through the handle end with it. */
	zx_object_cancel(box->ref.obj, proc->ht, a->handle);
	fd_install(fd, file);
	return ZX_OK;

err_fd:
	put_unused_fd(fd);
	kfree(box);
	return status;
}

int zx_sys_fd_to_handle(struct zx_process *proc, struct zx_ioc_handle_fd *a)
{
	struct zx_handle_box *box;
	struct zx_handle_ref ref;
	struct file *file;
	u32 value;
	int status;

	if (a->flags)
		return ZX_ERR_INVALID_ARGS;
	file = fget(a->handle);
	if (!file)
		return ZX_ERR_BAD_HANDLE;
	if (file->f_op != &zx_box_fops) {
		status = ZX_ERR_WRONG_TYPE;
		goto out;
	}
	box = file->private_data;
	spin_lock(&box->lock);
	ref = box->ref;
	box->ref.obj = NULL;
	spin_unlock(&box->lock);
	if (!ref.obj) {
		status = ZX_ERR_BAD_STATE;	/* given out already */
		goto out;
	}
	status = zx_handle_install(proc, ref.obj, ref.rights, &value);
	if (status) {
		/* Keep it in the box for another try. */
		spin_lock(&box->lock);
		box->ref = ref;
		spin_unlock(&box->lock);
		goto out;
	}
	zx_handle_ref_release(&ref);	/* the table holds it now */
	if (put_user(value, (u32 __user *)u64_to_user_ptr(a->out))) {
		zx_handle_close(proc, value);
		status = ZX_ERR_INVALID_ARGS;
	}
out:
	fput(file);
	return status;
}
