// SPDX-License-Identifier: GPL-2.0
/*
 * VMOs: virtual memory objects backed by shmem.
 *
 * Each VMO owns one unlinked shmem file (shmem_file_setup) whose size is
 * the VMO's size rounded up to pages.  Reads and writes go through the
 * file with iov_iters over the caller's buffer, in the caller's context, so
 * the pages are charged to the caller's memory cgroup.  Committing
 * allocates pages (fallocate); decommitting and zeroing punch holes.
 *
 * Children: ZX_VMO_CHILD_SNAPSHOT and ZX_VMO_CHILD_SNAPSHOT_AT_LEAST_ON_WRITE
 * are both made as an eager copy of the parent's range (holes stay holes).
 * That is a valid "at least on write" snapshot: the child sees the parent as
 * it was at creation and no write ever crosses between them.  A child holds
 * a reference on its parent, which asserts ZX_VMO_ZERO_CHILDREN again when
 * its last child is destroyed.  ZX_VMO_CHILD_SLICE is not supported yet.
 *
 * Locking: zx_vmo.lock (rw_semaphore) is taken shared by reads, writes,
 * commits and copies out of the VMO, and exclusive by resizing and
 * decommitting, so a range check stays true for the whole operation.
 * zx_vmo.children is protected by the parent's zx_object.lock.
 */

#include <linux/fs.h>
#include <linux/falloc.h>
#include <linux/mm.h>
#include <linux/rwsem.h>
#include <linux/shmem_fs.h>
#include <linux/slab.h>
#include <linux/uaccess.h>
#include <linux/uio.h>

#include <linux/zircon.h>

#include "zircon.h"
#include "trace.h"

/* Keep sizes well inside loff_t. */
#define ZX_VMO_MAX_SIZE		(1ULL << 52)
#define ZX_VMO_COPY_CHUNK	(64 * 1024)

struct zx_vmo {
	struct zx_object base;
	struct file *file;		/* immutable: the shmem backing */
	struct zx_vmo *parent;		/* immutable: holds a reference, or NULL */
	bool resizable;			/* immutable */
	struct rw_semaphore lock;
	u64 size;			/* lock: bytes, a multiple of PAGE_SIZE */
	u32 children;			/* base.lock: live children */
};

static const struct zx_object_ops zx_vmo_ops;

/* The shmem file behind a VMO object (the caller knows it is a VMO). */
struct file *zx_vmo_file(struct zx_object *obj)
{
	return container_of(obj, struct zx_vmo, base)->file;
}

static struct zx_vmo *to_vmo(struct zx_object *obj)
{
	return container_of(obj, struct zx_vmo, base);
}

static void zx_vmo_destroy(struct zx_object *obj)
{
	struct zx_vmo *vmo = to_vmo(obj);
	struct zx_vmo *parent = vmo->parent;

	trace_zx_vmo_destroy(obj->koid, vmo->size);
	fput(vmo->file);
	kfree(vmo);
	if (parent) {
		bool last;

		spin_lock(&parent->base.lock);
		last = --parent->children == 0;
		spin_unlock(&parent->base.lock);
		if (last)
			zx_object_update_signals(&parent->base, 0, ZX_VMO_ZERO_CHILDREN);
		zx_object_put(&parent->base);
	}
}

/* Round @size up to pages; false if it is too large. */
static bool zx_vmo_round(u64 size, u64 *rounded)
{
	if (size > ZX_VMO_MAX_SIZE)
		return false;
	*rounded = PAGE_ALIGN(size);
	return true;
}

/* Does [offset, offset + len) fit in @size? */
static bool zx_range_ok(u64 offset, u64 len, u64 size)
{
	return offset <= size && len <= size - offset;
}

static struct zx_vmo *zx_vmo_alloc(u64 size, bool resizable, int *status)
{
	struct zx_vmo *vmo;
	struct file *file;

	vmo = kzalloc(sizeof(*vmo), GFP_KERNEL_ACCOUNT);
	if (!vmo) {
		*status = ZX_ERR_NO_MEMORY;
		return NULL;
	}
	file = shmem_file_setup("zircon-vmo", size, VM_NORESERVE);
	if (IS_ERR(file)) {
		kfree(vmo);
		*status = ZX_ERR_NO_MEMORY;
		return NULL;
	}
	/* As open() does on 64-bit: without it writes stop at 2 GiB. */
	file->f_flags |= O_LARGEFILE;
	vmo->file = file;
	vmo->size = size;
	vmo->resizable = resizable;
	init_rwsem(&vmo->lock);
	zx_object_init(&vmo->base, &zx_vmo_ops, ZX_VMO_ZERO_CHILDREN);
	trace_zx_vmo_create(vmo->base.koid, size);
	*status = ZX_OK;
	return vmo;
}

int zx_sys_vmo_create(struct zx_process *proc, struct zx_ioc_vmo_create *a)
{
	struct zx_vmo *vmo;
	u64 size;
	int status;

	if (a->reserved)
		return ZX_ERR_INVALID_ARGS;
	status = zx_process_check_policy(proc, ZX_POL_NEW_VMO);
	if (status)
		return status;
	if (a->options & ~ZX_VMO_RESIZABLE)
		return ZX_ERR_INVALID_ARGS;
	if (!zx_vmo_round(a->size, &size))
		return ZX_ERR_OUT_OF_RANGE;
	vmo = zx_vmo_alloc(size, a->options & ZX_VMO_RESIZABLE, &status);
	if (!vmo)
		return status;
	status = zx_handle_install_user(proc, &vmo->base, ZX_DEFAULT_VMO_RIGHTS, a->out);
	zx_object_put(&vmo->base);
	return status;
}

static int zx_vmo_get(struct zx_process *proc, u32 handle, u32 rights,
		      struct zx_handle_ref *ref)
{
	return zx_handle_get(proc, handle, ZX_OBJ_TYPE_VMO, rights, ref);
}

/* zx_vmo_read and zx_vmo_write: exactly @len bytes or an error. */
static int zx_vmo_rw(struct zx_process *proc, struct zx_ioc_vmo_rw *a, bool write)
{
	struct zx_handle_ref ref;
	struct zx_vmo *vmo;
	struct iov_iter iter;
	loff_t pos = a->offset;
	ssize_t done;
	int status;

	if (a->reserved)
		return ZX_ERR_INVALID_ARGS;
	status = zx_vmo_get(proc, a->handle, write ? ZX_RIGHT_WRITE : ZX_RIGHT_READ, &ref);
	if (status)
		return status;
	vmo = to_vmo(ref.obj);
	if (a->size && !a->buffer) {
		status = ZX_ERR_INVALID_ARGS;
		goto out;
	}
	down_read(&vmo->lock);
	if (!zx_range_ok(a->offset, a->size, vmo->size)) {
		status = ZX_ERR_OUT_OF_RANGE;
	} else if (a->size) {
		iov_iter_ubuf(&iter, write ? WRITE : READ, u64_to_user_ptr(a->buffer), a->size);
		if (write)
			done = vfs_iter_write(vmo->file, &iter, &pos, 0);
		else
			done = vfs_iter_read(vmo->file, &iter, &pos, 0);
		if (done == -ENOMEM || done == -ENOSPC)
			status = ZX_ERR_NO_MEMORY;
		else if (done != a->size)
			status = ZX_ERR_INVALID_ARGS;
	}
	up_read(&vmo->lock);
out:
	zx_object_put(ref.obj);
	return status;
}

int zx_sys_vmo_read(struct zx_process *proc, struct zx_ioc_vmo_rw *a)
{
	return zx_vmo_rw(proc, a, false);
}

int zx_sys_vmo_write(struct zx_process *proc, struct zx_ioc_vmo_rw *a)
{
	return zx_vmo_rw(proc, a, true);
}

int zx_sys_vmo_get_size(struct zx_process *proc, struct zx_ioc_vmo_size *a)
{
	struct zx_handle_ref ref;
	struct zx_vmo *vmo;
	u64 size;
	int status;

	if (a->reserved)
		return ZX_ERR_INVALID_ARGS;
	status = zx_vmo_get(proc, a->handle, 0, &ref);
	if (status)
		return status;
	vmo = to_vmo(ref.obj);
	down_read(&vmo->lock);
	size = vmo->size;
	up_read(&vmo->lock);
	if (put_user(size, (u64 __user *)u64_to_user_ptr(a->size)))
		status = ZX_ERR_INVALID_ARGS;
	zx_object_put(ref.obj);
	return status;
}

/* Punch [offset, offset + len): the bytes read back as zero afterwards. */
static int zx_vmo_punch(struct zx_vmo *vmo, u64 offset, u64 len)
{
	if (!len)
		return ZX_OK;
	if (vfs_fallocate(vmo->file, FALLOC_FL_PUNCH_HOLE | FALLOC_FL_KEEP_SIZE,
			  offset, len))
		return ZX_ERR_NO_MEMORY;
	return ZX_OK;
}

int zx_sys_vmo_set_size(struct zx_process *proc, struct zx_ioc_vmo_size *a)
{
	struct zx_handle_ref ref;
	struct zx_vmo *vmo;
	u64 size;
	int status;

	if (a->reserved)
		return ZX_ERR_INVALID_ARGS;
	status = zx_vmo_get(proc, a->handle, ZX_RIGHT_WRITE, &ref);
	if (status)
		return status;
	vmo = to_vmo(ref.obj);
	if (!vmo->resizable) {
		status = ZX_ERR_UNAVAILABLE;
		goto out;
	}
	if (!zx_vmo_round(a->size, &size)) {
		status = ZX_ERR_OUT_OF_RANGE;
		goto out;
	}
	down_write(&vmo->lock);
	if (vfs_truncate(&vmo->file->f_path, size)) {
		status = ZX_ERR_NO_MEMORY;
	} else {
		vmo->size = size;
		/* Zircon zeroes from the requested size to the page's end. */
		status = zx_vmo_punch(vmo, a->size, size - a->size);
	}
	up_write(&vmo->lock);
out:
	zx_object_put(ref.obj);
	return status;
}

static int zx_vmo_op(struct zx_vmo *vmo, u32 op, u64 offset, u64 len)
{
	u64 start = round_down(offset, PAGE_SIZE);
	int status = ZX_OK;

	switch (op) {
	case ZX_VMO_OP_COMMIT:
		down_read(&vmo->lock);
		if (!zx_range_ok(offset, len, vmo->size))
			status = ZX_ERR_OUT_OF_RANGE;
		else if (len && vfs_fallocate(vmo->file, FALLOC_FL_KEEP_SIZE, start,
					      PAGE_ALIGN(offset + len) - start))
			status = ZX_ERR_NO_MEMORY;
		up_read(&vmo->lock);
		return status;
	case ZX_VMO_OP_DECOMMIT:
		if (vmo->parent)
			return ZX_ERR_NOT_SUPPORTED;
		if (!PAGE_ALIGNED(offset) || !PAGE_ALIGNED(len))
			return ZX_ERR_INVALID_ARGS;
		fallthrough;
	case ZX_VMO_OP_ZERO:
		down_write(&vmo->lock);
		if (!zx_range_ok(offset, len, vmo->size))
			status = ZX_ERR_OUT_OF_RANGE;
		else
			status = zx_vmo_punch(vmo, offset, len);
		up_write(&vmo->lock);
		return status;
	default:
		/* Cache maintenance: nothing to do on x86, but check the range. */
		if (!len)
			return ZX_ERR_INVALID_ARGS;
		down_read(&vmo->lock);
		if (!zx_range_ok(offset, len, vmo->size))
			status = ZX_ERR_OUT_OF_RANGE;
		up_read(&vmo->lock);
		return status;
	}
}

int zx_sys_vmo_op_range(struct zx_process *proc, struct zx_ioc_vmo_op_range *a)
{
	struct zx_handle_ref ref;
	u32 rights;
	int status;

	status = zx_vmo_get(proc, a->handle, 0, &ref);
	if (status)
		return status;
	switch (a->op) {
	case ZX_VMO_OP_COMMIT:
	case ZX_VMO_OP_DECOMMIT:
	case ZX_VMO_OP_ZERO:
	case ZX_VMO_OP_CACHE_INVALIDATE:
		rights = ZX_RIGHT_WRITE;
		break;
	case ZX_VMO_OP_CACHE_SYNC:
	case ZX_VMO_OP_CACHE_CLEAN:
	case ZX_VMO_OP_CACHE_CLEAN_INVALIDATE:
		rights = ZX_RIGHT_READ;
		break;
	case ZX_VMO_OP_LOCK:
	case ZX_VMO_OP_UNLOCK:
		status = ZX_ERR_NOT_SUPPORTED;
		goto out;
	default:
		status = ZX_ERR_INVALID_ARGS;
		goto out;
	}
	if ((ref.rights & rights) != rights)
		status = ZX_ERR_ACCESS_DENIED;
	else
		status = zx_vmo_op(to_vmo(ref.obj), a->op, a->offset, a->size);
out:
	zx_object_put(ref.obj);
	return status;
}

/* Copy [offset, offset + len) of @src to the start of @dst, skipping holes. */
static int zx_vmo_copy(struct zx_vmo *src, u64 offset, u64 len, struct zx_vmo *dst)
{
	u64 end = offset + len;
	loff_t data, hole, pos;
	void *buf;
	int status = ZX_OK;

	buf = kvmalloc(ZX_VMO_COPY_CHUNK, GFP_KERNEL);
	if (!buf)
		return ZX_ERR_NO_MEMORY;
	for (pos = offset; pos < end && !status; pos = hole) {
		data = vfs_llseek(src->file, pos, SEEK_DATA);
		if (data < 0 || data >= end)
			break;
		hole = vfs_llseek(src->file, data, SEEK_HOLE);
		if (hole < 0 || hole > end)
			hole = end;
		while (data < hole && !status) {
			size_t n = min_t(u64, hole - data, ZX_VMO_COPY_CHUNK);
			loff_t rpos = data, wpos = data - offset;

			if (kernel_read(src->file, buf, n, &rpos) != n ||
			    kernel_write(dst->file, buf, n, &wpos) != n)
				status = ZX_ERR_NO_MEMORY;
			data += n;
			cond_resched();
		}
	}
	kvfree(buf);
	return status;
}

#define ZX_VMO_CHILD_KINDS (ZX_VMO_CHILD_SNAPSHOT | ZX_VMO_CHILD_SLICE | \
			    ZX_VMO_CHILD_SNAPSHOT_AT_LEAST_ON_WRITE)
#define ZX_VMO_CHILD_ALL (ZX_VMO_CHILD_KINDS | ZX_VMO_CHILD_RESIZABLE | \
			  ZX_VMO_CHILD_NO_WRITE)

int zx_sys_vmo_create_child(struct zx_process *proc, struct zx_ioc_vmo_child *a)
{
	u32 kind = a->options & ZX_VMO_CHILD_KINDS;
	struct zx_vmo *parent, *child;
	struct zx_handle_ref ref;
	u64 size, copy;
	u32 rights;
	int status;

	if ((a->options & ~ZX_VMO_CHILD_ALL) || hweight32(kind) != 1 ||
	    ((a->options & ZX_VMO_CHILD_NO_WRITE) && (a->options & ZX_VMO_CHILD_RESIZABLE)))
		return ZX_ERR_INVALID_ARGS;
	status = zx_vmo_get(proc, a->handle, ZX_RIGHT_DUPLICATE | ZX_RIGHT_READ, &ref);
	if (status)
		return status;
	parent = to_vmo(ref.obj);
	if (kind == ZX_VMO_CHILD_SLICE) {
		status = ZX_ERR_NOT_SUPPORTED;
		goto out;
	}
	if (!PAGE_ALIGNED(a->offset)) {
		status = ZX_ERR_INVALID_ARGS;
		goto out;
	}
	if (a->offset > ZX_VMO_MAX_SIZE || !zx_vmo_round(a->size, &size)) {
		status = ZX_ERR_OUT_OF_RANGE;
		goto out;
	}
	child = zx_vmo_alloc(size, a->options & ZX_VMO_CHILD_RESIZABLE, &status);
	if (!child)
		goto out;

	down_read(&parent->lock);
	copy = a->offset < parent->size ? min(size, parent->size - a->offset) : 0;
	status = zx_vmo_copy(parent, a->offset, copy, child);
	up_read(&parent->lock);
	if (status) {
		zx_object_put(&child->base);
		goto out;
	}

	child->parent = to_vmo(zx_object_get(&parent->base));
	spin_lock(&parent->base.lock);
	parent->children++;
	spin_unlock(&parent->base.lock);
	zx_object_update_signals(&parent->base, ZX_VMO_ZERO_CHILDREN, 0);

	rights = ref.rights;
	if (a->options & ZX_VMO_CHILD_NO_WRITE)
		rights &= ~ZX_RIGHT_WRITE;
	else
		rights = (rights | ZX_RIGHT_WRITE) & ~ZX_RIGHT_EXECUTE;
	status = zx_handle_install_user(proc, &child->base, rights, a->out);
	zx_object_put(&child->base);
out:
	zx_object_put(ref.obj);
	return status;
}

/*
 * The source handle is consumed in every case.  With no vmex resource the
 * caller's policy must allow ZX_POL_AMBIENT_MARK_VMO_EXEC (the default).
 * There are no resource objects yet, so any other vmex is refused.
 */
int zx_sys_vmo_replace_as_executable(struct zx_process *proc, struct zx_ioc_vmo_exec *a)
{
	struct zx_handle_ref ref, vmex;
	int status;

	status = zx_handle_take(proc, a->handle, &ref);
	if (status)
		return status;
	if (zx_object_type(ref.obj) != ZX_OBJ_TYPE_VMO) {
		status = ZX_ERR_WRONG_TYPE;
	} else if (a->vmex) {
		status = zx_handle_lookup(proc, a->vmex, &vmex);
		if (!status) {
			zx_object_put(vmex.obj);
			status = ZX_ERR_WRONG_TYPE;
		}
	} else {
		status = zx_process_check_policy(proc, ZX_POL_AMBIENT_MARK_VMO_EXEC);
	}
	if (!status)
		status = zx_handle_install_user(proc, ref.obj, ref.rights | ZX_RIGHT_EXECUTE,
						a->out);
	zx_handle_drop(proc, ref.obj, a->handle, ref.rights);
	return status;
}

/* zx_info_vmo_t; ZX_INFO_VMO_V1 is the same without the last two fields. */
struct zx_info_vmo {
	u64 koid;
	char name[ZX_MAX_NAME_LEN];
	u64 size_bytes;
	u64 parent_koid;
	u64 num_children;
	u64 num_mappings;
	u64 share_count;
	u32 flags;
	u8 padding1[4];
	u64 committed_bytes;
	u32 handle_rights;
	u32 cache_policy;
	u64 metadata_bytes;
	u64 committed_change_events;
};

static int zx_vmo_get_info(struct zx_object *obj, u32 rights, u32 topic,
			   struct zx_info_args *args)
{
	struct zx_vmo *vmo = to_vmo(obj);
	struct zx_info_vmo info = {};

	if (topic != ZX_INFO_VMO && topic != ZX_INFO_VMO_V1)
		return ZX_ERR_NOT_SUPPORTED;
	if (!(rights & ZX_RIGHT_INSPECT))
		return ZX_ERR_ACCESS_DENIED;
	info.koid = obj->koid;
	zx_object_get_name(obj, info.name);
	down_read(&vmo->lock);
	info.size_bytes = vmo->size;
	up_read(&vmo->lock);
	info.parent_koid = vmo->parent ? vmo->parent->base.koid : 0;
	spin_lock(&obj->lock);
	info.num_children = vmo->children;
	spin_unlock(&obj->lock);
	info.flags = ZX_INFO_VMO_TYPE_PAGED | ZX_INFO_VMO_VIA_HANDLE;
	if (vmo->resizable)
		info.flags |= ZX_INFO_VMO_RESIZABLE;
	if (vmo->parent)
		info.flags |= ZX_INFO_VMO_IS_COW_CLONE;
	/* shmem counts the pages it holds in i_blocks (512-byte units). */
	info.committed_bytes = (u64)READ_ONCE(file_inode(vmo->file)->i_blocks) << 9;
	info.handle_rights = rights;
	return zx_info_reply_one(args, &info, topic == ZX_INFO_VMO ? sizeof(info) :
				 offsetof(struct zx_info_vmo, metadata_bytes));
}

static const struct zx_object_ops zx_vmo_ops = {
	.type = ZX_OBJ_TYPE_VMO,
	.user_signals = ZX_USER_SIGNAL_ALL,
	.has_name = true,
	.destroy = zx_vmo_destroy,
	.get_info = zx_vmo_get_info,
};
