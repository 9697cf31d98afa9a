// SPDX-License-Identifier: GPL-2.0
/*
 * VMARs: a process's address space as Zircon sees it.
 *
 * A process's root VMAR is its Linux address space from ZX_VMAR_BASE to
 * ZX_VMAR_END: Zircon's x86-64 user range less 16 MiB at the top, which the
 * emulation keeps for itself.  Mapping a VMO is an mmap of the VMO's shmem
 * file with MAP_SHARED, so every mapping of one VMO, in any process, shows
 * the same pages.
 *
 * The VMAR records the mappings it made (zx_vmar.maps) and never touches
 * any other memory: a ZX_VM_SPECIFIC map uses MAP_FIXED_NOREPLACE (an
 * overlap with anything is ZX_ERR_ALREADY_EXISTS), ZX_VM_SPECIFIC_OVERWRITE
 * is allowed only over the VMAR's own mappings, and unmap and protect act
 * only on recorded ranges whose VMAs still belong to the VMO's file (so a
 * mapping the program itself unmapped or replaced is left alone).
 * Protection changes re-map the same file range with MAP_FIXED.
 *
 * Who performs the operation: zx_vmar_run_mmap/munmap, the one place that
 * touches the address space.  Today they act only when the caller lives in
 * the VMAR's address space (ZX_ERR_NOT_SUPPORTED otherwise); the process
 * work hands them to a task of the target process instead.
 *
 * Not yet: sub-regions (zx_vmar_allocate, zx_vmar_destroy).
 *
 * Locking: zx_vmar.lock (mutex) protects maps; the mm's own locks are taken
 * inside it by vm_mmap/vm_munmap/find_vma.
 */

#include <linux/mm.h>
#include <linux/mman.h>
#include <linux/sched/mm.h>
#include <linux/slab.h>
#include <linux/uaccess.h>

#include <linux/zircon.h>

#include "zircon.h"
#include "trace.h"

#define ZX_VMAR_BASE		0x0000000000200000ULL
#define ZX_VMAR_TOP		0x00007FFFFFFFF000ULL	/* Zircon's end */
#define ZX_VMAR_RESERVED	(16ULL << 20)		/* kept for the emulation */
#define ZX_VMAR_END		(ZX_VMAR_TOP - ZX_VMAR_RESERVED)

#define ZX_VM_PERMS	(ZX_VM_PERM_READ | ZX_VM_PERM_WRITE | ZX_VM_PERM_EXECUTE)
#define ZX_VM_MAP_OPTIONS (ZX_VM_PERMS | ZX_VM_SPECIFIC | ZX_VM_SPECIFIC_OVERWRITE | \
			   ZX_VM_MAP_RANGE | ZX_VM_ALLOW_FAULTS)

struct zx_vmar {
	struct zx_object base;
	struct mm_struct *mm;		/* immutable: grabbed */
	u64 start, size;		/* immutable */
	struct mutex lock;
	struct list_head maps;		/* lock: struct zx_vmar_map, by address */
};

struct zx_vmar_map {
	struct list_head node;
	u64 addr, len;
	struct zx_object *vmo;		/* holds a reference */
	u64 offset;			/* into the VMO */
	u32 perms;			/* ZX_VM_PERM_* now */
	u32 max_perms;			/* what the rights at map time allow */
};

static const struct zx_object_ops zx_vmar_ops;

static struct zx_vmar *to_vmar(struct zx_object *obj)
{
	return container_of(obj, struct zx_vmar, base);
}

static unsigned long zx_prot(u32 perms)
{
	return (perms & ZX_VM_PERM_READ ? PROT_READ : 0) |
	       (perms & ZX_VM_PERM_WRITE ? PROT_WRITE : 0) |
	       (perms & ZX_VM_PERM_EXECUTE ? PROT_EXEC : 0);
}

/* The seam: perform an address-space change for @vmar. */
static long zx_vmar_run_mmap(struct zx_vmar *vmar, struct file *file, u64 addr, u64 len,
			     u32 perms, unsigned long flags, u64 offset)
{
	if (current->mm != vmar->mm)
		return -EOPNOTSUPP;
	return vm_mmap(file, addr, len, zx_prot(perms), MAP_SHARED | flags, offset);
}

static int zx_vmar_run_munmap(struct zx_vmar *vmar, u64 addr, u64 len)
{
	if (current->mm != vmar->mm)
		return -EOPNOTSUPP;
	return vm_munmap(addr, len);
}

static int zx_errno_status(long err)
{
	switch (err) {
	case -EEXIST:
		return ZX_ERR_ALREADY_EXISTS;
	case -EOPNOTSUPP:
		return ZX_ERR_NOT_SUPPORTED;
	case -EPERM:
	case -EACCES:
		return ZX_ERR_ACCESS_DENIED;
	case -ENOMEM:
		return ZX_ERR_NO_RESOURCES;
	default:
		return ZX_ERR_INTERNAL;
	}
}

/* Is [addr, addr + len) still mapped from @file at @offset, all of it? */
static bool zx_vmas_are(struct zx_vmar *vmar, u64 addr, u64 len, struct file *file,
			u64 offset)
{
	struct vm_area_struct *vma;
	u64 end = addr + len;
	bool ok = true;

	mmap_read_lock(vmar->mm);
	while (ok && addr < end) {
		vma = find_vma(vmar->mm, addr);
		ok = vma && vma->vm_start <= addr && vma->vm_file == file &&
		     ((u64)vma->vm_pgoff << PAGE_SHIFT) + (addr - vma->vm_start) == offset;
		if (ok) {
			offset += min_t(u64, vma->vm_end, end) - addr;
			addr = vma->vm_end;
		}
	}
	mmap_read_unlock(vmar->mm);
	return ok;
}

static void zx_map_free(struct zx_vmar_map *m)
{
	list_del(&m->node);
	zx_object_put(m->vmo);
	kfree(m);
}

/* Lock held.  Keep the list sorted by address. */
static void zx_map_insert(struct zx_vmar *vmar, struct zx_vmar_map *m)
{
	struct zx_vmar_map *pos;

	list_for_each_entry(pos, &vmar->maps, node) {
		if (pos->addr > m->addr) {
			list_add_tail(&m->node, &pos->node);
			return;
		}
	}
	list_add_tail(&m->node, &vmar->maps);
}

/*
 * Lock held.  Make [s, e) a boundary of the records: split any record that
 * straddles s or e.  Fails only for lack of memory.
 */
static int zx_map_split_at(struct zx_vmar *vmar, u64 cut)
{
	struct zx_vmar_map *m, *tail;

	list_for_each_entry(m, &vmar->maps, node) {
		if (m->addr < cut && cut < m->addr + m->len) {
			tail = kmemdup(m, sizeof(*m), GFP_KERNEL_ACCOUNT);
			if (!tail)
				return ZX_ERR_NO_MEMORY;
			zx_object_get(tail->vmo);
			tail->addr = cut;
			tail->len = m->addr + m->len - cut;
			tail->offset = m->offset + (cut - m->addr);
			m->len = cut - m->addr;
			list_add(&tail->node, &m->node);
			return ZX_OK;
		}
	}
	return ZX_OK;
}

struct zx_object *zx_vmar_create_root(int *status)
{
	struct zx_vmar *vmar = kzalloc(sizeof(*vmar), GFP_KERNEL_ACCOUNT);

	if (!vmar) {
		*status = ZX_ERR_NO_MEMORY;
		return NULL;
	}
	mmgrab(current->mm);
	vmar->mm = current->mm;
	vmar->start = ZX_VMAR_BASE;
	vmar->size = ZX_VMAR_END - ZX_VMAR_BASE;
	mutex_init(&vmar->lock);
	INIT_LIST_HEAD(&vmar->maps);
	zx_object_init(&vmar->base, &zx_vmar_ops, 0);
	*status = ZX_OK;
	return &vmar->base;
}

/*
 * The records go; the mappings stay in the Linux address space, which may
 * belong to a process that is still running.
 */
static void zx_vmar_destroy(struct zx_object *obj)
{
	struct zx_vmar *vmar = to_vmar(obj);
	struct zx_vmar_map *m, *tmp;

	list_for_each_entry_safe(m, tmp, &vmar->maps, node)
		zx_map_free(m);
	mmdrop(vmar->mm);
	kfree(vmar);
}

/* Rights a handle needs for @perms, and the perms its rights allow. */
static u32 zx_perm_rights(u32 perms)
{
	return (perms & ZX_VM_PERM_READ ? ZX_RIGHT_READ : 0) |
	       (perms & ZX_VM_PERM_WRITE ? ZX_RIGHT_WRITE : 0) |
	       (perms & ZX_VM_PERM_EXECUTE ? ZX_RIGHT_EXECUTE : 0);
}

static u32 zx_rights_perms(u32 rights)
{
	return (rights & ZX_RIGHT_READ ? ZX_VM_PERM_READ : 0) |
	       (rights & ZX_RIGHT_WRITE ? ZX_VM_PERM_WRITE : 0) |
	       (rights & ZX_RIGHT_EXECUTE ? ZX_VM_PERM_EXECUTE : 0);
}

static bool zx_perms_ok(u32 perms)
{
	/* x86 cannot map write- or execute-only. */
	return !(perms & (ZX_VM_PERM_WRITE | ZX_VM_PERM_EXECUTE)) || (perms & ZX_VM_PERM_READ);
}

/* Lock held.  Are all of [s, e) covered by this VMAR's own records? */
static bool zx_vmar_covers(struct zx_vmar *vmar, u64 s, u64 e)
{
	struct zx_vmar_map *m;

	list_for_each_entry(m, &vmar->maps, node) {
		if (m->addr + m->len <= s)
			continue;
		if (m->addr > s)
			return false;
		s = m->addr + m->len;
		if (s >= e)
			return true;
	}
	return s >= e;
}

/* Lock held.  Do the records in [s, e) still match the address space? */
static int zx_vmar_still_ours(struct zx_vmar *vmar, u64 s, u64 e)
{
	struct zx_vmar_map *m;

	list_for_each_entry(m, &vmar->maps, node) {
		if (m->addr >= s && m->addr + m->len <= e &&
		    !zx_vmas_are(vmar, m->addr, m->len, zx_vmo_file(m->vmo), m->offset))
			return ZX_ERR_ALREADY_EXISTS;
	}
	return ZX_OK;
}

/* Lock held.  Forget the records inside [s, e), which must be boundaries. */
static void zx_vmar_forget(struct zx_vmar *vmar, u64 s, u64 e)
{
	struct zx_vmar_map *m, *tmp;

	list_for_each_entry_safe(m, tmp, &vmar->maps, node) {
		if (m->addr >= s && m->addr + m->len <= e)
			zx_map_free(m);
	}
}

static void zx_vmar_unmap_range(struct zx_vmar *vmar, u64 s, u64 e);

int zx_sys_vmar_map(struct zx_process *proc, struct zx_ioc_vmar_map *a)
{
	u32 perms = a->options & ZX_VM_PERMS;
	bool specific = a->options & (ZX_VM_SPECIFIC | ZX_VM_SPECIFIC_OVERWRITE);
	struct zx_handle_ref vref, oref;
	struct zx_vmar_map *m;
	struct zx_vmar *vmar;
	unsigned long flags = 0;
	u64 len, addr = 0;
	long ret;
	int status;

	if (a->options & ~ZX_VM_MAP_OPTIONS)
		return ZX_ERR_INVALID_ARGS;
	status = zx_handle_get(proc, a->handle, ZX_OBJ_TYPE_VMAR, zx_perm_rights(perms), &vref);
	if (status)
		return status;
	status = zx_handle_get(proc, a->vmo, ZX_OBJ_TYPE_VMO,
			       ZX_RIGHT_MAP | zx_perm_rights(perms), &oref);
	if (status)
		goto put_vmar;
	vmar = to_vmar(vref.obj);
	len = PAGE_ALIGN(a->len);
	if (!zx_perms_ok(perms) || !a->len || !len || !PAGE_ALIGNED(a->vmo_offset) ||
	    !PAGE_ALIGNED(a->vmar_offset) || (!specific && a->vmar_offset)) {
		status = ZX_ERR_INVALID_ARGS;
		goto put_vmo;
	}
	if (a->vmo_offset + len < a->vmo_offset) {
		status = ZX_ERR_OUT_OF_RANGE;
		goto put_vmo;
	}
	if (specific) {
		if (a->vmar_offset >= vmar->size || len > vmar->size - a->vmar_offset) {
			status = ZX_ERR_INVALID_ARGS;
			goto put_vmo;
		}
		addr = vmar->start + a->vmar_offset;
		flags = MAP_FIXED_NOREPLACE;
	}
	if (a->options & ZX_VM_MAP_RANGE)
		flags |= MAP_POPULATE;

	m = kzalloc(sizeof(*m), GFP_KERNEL_ACCOUNT);
	if (!m) {
		status = ZX_ERR_NO_MEMORY;
		goto put_vmo;
	}
	mutex_lock(&vmar->lock);
	if (a->options & ZX_VM_SPECIFIC_OVERWRITE) {
		/* Only over what this VMAR mapped itself. */
		if (!zx_vmar_covers(vmar, addr, addr + len)) {
			status = ZX_ERR_ALREADY_EXISTS;
			goto unlock;
		}
		status = zx_map_split_at(vmar, addr);
		if (!status)
			status = zx_map_split_at(vmar, addr + len);
		if (!status)
			status = zx_vmar_still_ours(vmar, addr, addr + len);
		if (status)
			goto unlock;
		flags = (flags & ~MAP_FIXED_NOREPLACE) | MAP_FIXED;
	}
	ret = zx_vmar_run_mmap(vmar, zx_vmo_file(oref.obj), addr, len, perms, flags,
			       a->vmo_offset);
	if (IS_ERR_VALUE(ret)) {
		status = zx_errno_status(ret);
		goto unlock;
	}
	if (ret < vmar->start || ret + len > vmar->start + vmar->size) {
		/* Linux placed it outside the VMAR: give it back. */
		zx_vmar_run_munmap(vmar, ret, len);
		status = ZX_ERR_NO_RESOURCES;
		goto unlock;
	}
	if (a->options & ZX_VM_SPECIFIC_OVERWRITE)
		zx_vmar_forget(vmar, addr, addr + len);
	m->addr = ret;
	m->len = len;
	m->vmo = zx_object_get(oref.obj);
	m->offset = a->vmo_offset;
	m->perms = perms;
	m->max_perms = zx_rights_perms(vref.rights) & zx_rights_perms(oref.rights);
	zx_map_insert(vmar, m);
	m = NULL;
	if (put_user((u64)ret, (u64 __user *)u64_to_user_ptr(a->out))) {
		/* Undone, like every call that cannot report what it made. */
		zx_vmar_unmap_range(vmar, ret, ret + len);
		status = ZX_ERR_INVALID_ARGS;
		goto unlock;
	}
	mutex_unlock(&vmar->lock);
	trace_zx_vmar_map(vmar->base.koid, oref.obj->koid, ret, len, perms);
	goto put_vmo;
unlock:
	mutex_unlock(&vmar->lock);
	kfree(m);
put_vmo:
	zx_object_put(oref.obj);
put_vmar:
	zx_object_put(vref.obj);
	return status;
}

/* Undo the Linux side of the records in [s, e) that are still really ours. */
static void zx_vmar_unmap_range(struct zx_vmar *vmar, u64 s, u64 e)
{
	struct zx_vmar_map *m;

	list_for_each_entry(m, &vmar->maps, node) {
		if (m->addr >= s && m->addr + m->len <= e &&
		    zx_vmas_are(vmar, m->addr, m->len, zx_vmo_file(m->vmo), m->offset)) {
			zx_vmar_run_munmap(vmar, m->addr, m->len);
			trace_zx_vmar_unmap(vmar->base.koid, m->addr, m->len);
		}
	}
	zx_vmar_forget(vmar, s, e);
}

int zx_sys_vmar_unmap(struct zx_process *proc, struct zx_ioc_vmar_range *a)
{
	struct zx_handle_ref ref;
	struct zx_vmar_map *m;
	struct zx_vmar *vmar;
	u64 s = a->addr, e;
	bool any = false;
	int status;

	if (a->options)
		return ZX_ERR_INVALID_ARGS;
	status = zx_handle_get(proc, a->handle, ZX_OBJ_TYPE_VMAR, 0, &ref);
	if (status)
		return status;
	vmar = to_vmar(ref.obj);
	e = s + PAGE_ALIGN(a->len);
	if (!PAGE_ALIGNED(s) || !a->len || e <= s || s < vmar->start ||
	    e > vmar->start + vmar->size) {
		status = ZX_ERR_INVALID_ARGS;
		goto out;
	}
	if (current->mm != vmar->mm) {
		status = ZX_ERR_NOT_SUPPORTED;
		goto out;
	}
	mutex_lock(&vmar->lock);
	list_for_each_entry(m, &vmar->maps, node)
		any |= m->addr < e && s < m->addr + m->len;
	if (!any) {
		status = ZX_ERR_NOT_FOUND;
	} else {
		status = zx_map_split_at(vmar, s);
		if (!status)
			status = zx_map_split_at(vmar, e);
		if (!status)
			zx_vmar_unmap_range(vmar, s, e);
	}
	mutex_unlock(&vmar->lock);
out:
	zx_object_put(ref.obj);
	return status;
}

int zx_sys_vmar_protect(struct zx_process *proc, struct zx_ioc_vmar_range *a)
{
	u32 perms = a->options & ZX_VM_PERMS;
	struct zx_handle_ref ref;
	struct zx_vmar_map *m;
	struct zx_vmar *vmar;
	u64 s = a->addr, e;
	long ret;
	int status;

	if (a->options & ~ZX_VM_PERMS)
		return ZX_ERR_INVALID_ARGS;
	status = zx_handle_get(proc, a->handle, ZX_OBJ_TYPE_VMAR, zx_perm_rights(perms), &ref);
	if (status)
		return status;
	vmar = to_vmar(ref.obj);
	e = s + PAGE_ALIGN(a->len);
	if (!zx_perms_ok(perms) || !PAGE_ALIGNED(s) || !a->len || e <= s) {
		status = ZX_ERR_INVALID_ARGS;
		goto out;
	}
	mutex_lock(&vmar->lock);
	if (!zx_vmar_covers(vmar, s, e)) {
		status = ZX_ERR_NOT_FOUND;
		goto unlock;
	}
	list_for_each_entry(m, &vmar->maps, node) {
		if (m->addr < e && s < m->addr + m->len && (perms & ~m->max_perms)) {
			status = ZX_ERR_ACCESS_DENIED;
			goto unlock;
		}
	}
	status = zx_map_split_at(vmar, s);
	if (!status)
		status = zx_map_split_at(vmar, e);
	if (status)
		goto unlock;
	list_for_each_entry(m, &vmar->maps, node) {
		if (m->addr < s || m->addr + m->len > e)
			continue;
		if (!zx_vmas_are(vmar, m->addr, m->len, zx_vmo_file(m->vmo), m->offset)) {
			status = ZX_ERR_BAD_STATE;	/* changed behind our back */
			break;
		}
		ret = zx_vmar_run_mmap(vmar, zx_vmo_file(m->vmo), m->addr, m->len, perms,
				       MAP_FIXED, m->offset);
		if (IS_ERR_VALUE(ret)) {
			status = zx_errno_status(ret);
			break;
		}
		m->perms = perms;
	}
unlock:
	mutex_unlock(&vmar->lock);
out:
	zx_object_put(ref.obj);
	return status;
}

/* zx_info_vmar_t */
struct zx_info_vmar {
	u64 base;
	u64 len;
};

static int zx_vmar_get_info(struct zx_object *obj, u32 rights, u32 topic,
			    struct zx_info_args *args)
{
	struct zx_vmar *vmar = to_vmar(obj);
	struct zx_info_vmar info = { vmar->start, vmar->size };

	if (topic != ZX_INFO_VMAR)
		return ZX_ERR_NOT_SUPPORTED;
	if (!(rights & ZX_RIGHT_INSPECT))
		return ZX_ERR_ACCESS_DENIED;
	return zx_info_reply_one(args, &info, sizeof(info));
}

static const struct zx_object_ops zx_vmar_ops = {
	.type = ZX_OBJ_TYPE_VMAR,
	.destroy = zx_vmar_destroy,
	.get_info = zx_vmar_get_info,
};
