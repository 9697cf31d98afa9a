// SPDX-License-Identifier: GPL-2.0
/*
 * Mappings in VMARs: zx_vmar_map, zx_vmar_unmap, zx_vmar_protect, and the
 * one seam that changes an address space.
 *
 * Mapping a VMO is an mmap of its shmem file with MAP_SHARED, so every
 * mapping of one VMO, in any process, shows the same pages.  A VMAR never
 * touches memory it did not map:
 *  - in the root region, ZX_VM_SPECIFIC uses MAP_FIXED_NOREPLACE (an overlap
 *    with anything is ZX_ERR_ALREADY_EXISTS) and ZX_VM_SPECIFIC_OVERWRITE is
 *    allowed only over the region's own mappings;
 *  - a sub-region owns its whole range, kept reserved by an anonymous
 *    PROT_NONE mapping; mappings replace pieces of the reservation and an
 *    unmap puts the reservation back;
 *  - unmap and protect act only on recorded ranges whose VMAs still belong
 *    to the VMO's file (or, for reservations, are still anonymous and
 *    inaccessible), so memory the program changed behind the VMAR's back is
 *    left alone.
 * Linux exports no mprotect to modules: protect re-maps the same file range
 * with MAP_FIXED.
 *
 * The seam: zx_vmar_run_mmap/munmap are the only functions that change an
 * address space.  The caller does the work when it lives in that space; for
 * a created process the process's agent does it (agent.c); for a shared
 * group's region every member does (shared.c); another host's address
 * space cannot be changed (ZX_ERR_NOT_SUPPORTED).
 *
 * Locking: zx_aspace.lock (see vmar.h) around everything here.
 */

#include <linux/mm.h>
#include <linux/mman.h>
#include <linux/sched/mm.h>
#include <linux/slab.h>
#include <linux/uaccess.h>

#include <linux/zircon.h>

#include "vmar.h"
#include "trace.h"

#define ZX_VM_MAP_OPTIONS (ZX_VM_PERMS | ZX_VM_SPECIFIC | ZX_VM_SPECIFIC_OVERWRITE | \
			   ZX_VM_MAP_RANGE | ZX_VM_ALLOW_FAULTS)

unsigned long zx_vm_prot(u32 perms)
{
	return (perms & ZX_VM_PERM_READ ? PROT_READ : 0) |
	       (perms & ZX_VM_PERM_WRITE ? PROT_WRITE : 0) |
	       (perms & ZX_VM_PERM_EXECUTE ? PROT_EXEC : 0);
}

/*
 * May the caller change @as?  Yes if it lives in it, or if @as belongs to a
 * created process, whose agent does the work (waiting here until the agent
 * bound and did the early maps).  A host's address space is its own business.
 */
int zx_aspace_enter(struct zx_aspace *as)
{
	if (READ_ONCE(as->mm) == current->mm)
		return ZX_OK;
	if (as->group)
		return ZX_OK;		/* each member's agent is asked in turn */
	if (!as->proc)
		return ZX_ERR_NOT_SUPPORTED;
	return zx_agent_settle(as->proc);
}

/* The seam: map @file (or, with no file, reserve) in @vmar's address space. */
long zx_vmar_run_mmap(struct zx_vmar *vmar, struct file *file, u64 addr, u64 len,
		      u32 perms, unsigned long flags, u64 offset)
{
	unsigned long prot = file ? zx_vm_prot(perms) : PROT_NONE;

	flags |= file ? MAP_SHARED : MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE;
	if (current->mm == vmar->as->mm)
		return vm_mmap(file, addr, len, prot, flags, file ? offset : 0);
	if (vmar->as->proc)
		return zx_agent_mmap(vmar->as->proc, file, addr, len, prot, flags, offset);
	if (vmar->as->group)
		return zx_shared_mmap(vmar->as->group, file, addr, len, prot, flags, offset);
	return -EOPNOTSUPP;
}

/*
 * Before its start a created process's address space holds nothing but what
 * its VMARs recorded (and the trampoline, outside them), so a mapping can be
 * placed here and handed to the agent without waiting for it: the next
 * VMAR call and zx_process_start wait for it (zx_aspace_enter), and report
 * its failure.  Returns the address, or -EBUSY when the caller must wait.
 */
static long zx_vmar_map_early(struct zx_vmar *v, struct file *file, u64 addr, u64 len,
			      u32 perms, unsigned long flags, u64 offset)
{
	long ret;

	if (!v->as->proc || current->mm == v->as->mm)
		return -EBUSY;
	/*
	 * In the root region the records decide (a running process's own
	 * mmaps are not recorded, so only now is that safe): anywhere is the
	 * first gap, and a specific range must be free.
	 */
	if (!addr) {
		if (!zx_find_gap(v, len, &addr))
			return -ENOMEM;
		flags = MAP_FIXED_NOREPLACE;
	} else if (v->root && (flags & MAP_FIXED_NOREPLACE) &&
		   !zx_range_free(v, addr, addr + len)) {
		return -EEXIST;
	}
	ret = zx_agent_mmap_early(v->as->proc, file, addr, len, zx_vm_prot(perms),
				  flags | MAP_SHARED, offset);
	return ret ? ret : (long)addr;
}

int zx_vmar_run_munmap(struct zx_vmar *vmar, u64 addr, u64 len)
{
	if (current->mm == vmar->as->mm)
		return vm_munmap(addr, len);
	if (vmar->as->proc)
		return zx_agent_munmap(vmar->as->proc, addr, len);
	if (vmar->as->group)
		return zx_shared_munmap(vmar->as->group, addr, len);
	return -EOPNOTSUPP;
}

int zx_errno_status(long err)
{
	switch (err) {
	case -EEXIST:
		return ZX_ERR_ALREADY_EXISTS;
	case -EOPNOTSUPP:
		return ZX_ERR_NOT_SUPPORTED;
	case -ESRCH:
		return ZX_ERR_BAD_STATE;	/* the process died */
	case -EINTR:
	case -EINPROGRESS:	/* the caller was killed */
		return ZX_ERR_INTERNAL_INTR_RETRY;
	case -EPERM:
	case -EACCES:
		return ZX_ERR_ACCESS_DENIED;
	case -ENOMEM:
		return ZX_ERR_NO_RESOURCES;
	default:
		return ZX_ERR_INTERNAL;
	}
}

/*
 * Is all of [addr, end) covered by VMAs that are mappings of @file at the
 * matching offset, or (with no file) anonymous and inaccessible?  A shared
 * group's region has no one mm to look at: there the records are the truth.
 */
static bool zx_vmas_match(struct zx_vmar *v, u64 addr, u64 end, struct file *file,
			  u64 offset)
{
	struct mm_struct *mm = v->as->mm;
	struct vm_area_struct *vma;
	bool ok = true;

	if (v->as->group)
		return true;
	mmap_read_lock(mm);
	while (ok && addr < end) {
		vma = find_vma(mm, addr);
		ok = vma && vma->vm_start <= addr && vma->vm_file == file;
		if (ok && file)
			ok = ((u64)vma->vm_pgoff << PAGE_SHIFT) + (addr - vma->vm_start) == offset;
		if (ok && !file)
			ok = !(vma->vm_flags & (VM_READ | VM_WRITE | VM_EXEC | VM_SHARED));
		if (ok) {
			offset += min_t(u64, vma->vm_end, end) - addr;
			addr = vma->vm_end;
		}
	}
	mmap_read_unlock(mm);
	return ok;
}

bool zx_vmas_reserved(struct zx_vmar *v, u64 s, u64 e)
{
	return zx_vmas_match(v, s, e, NULL, 0);
}

/* Reserve [addr, addr + len) (addr 0: anywhere) with PROT_NONE. */
int zx_reserve(struct zx_vmar *v, u64 addr, u64 len, unsigned long flags, u64 *out)
{
	long ret = zx_vmar_run_mmap(v, NULL, addr, len, 0, flags, 0);

	if (IS_ERR_VALUE(ret))
		return zx_errno_status(ret);
	*out = ret;
	return ZX_OK;
}

void zx_map_free(struct zx_vmar_map *m)
{
	list_del(&m->node);
	zx_object_put(m->vmo);
	kfree(m);
}

static void zx_map_insert(struct zx_vmar *v, struct zx_vmar_map *m)
{
	struct zx_vmar_map *pos;

	list_for_each_entry(pos, &v->maps, node) {
		if (pos->addr > m->addr) {
			list_add_tail(&m->node, &pos->node);
			return;
		}
	}
	list_add_tail(&m->node, &v->maps);
}

/* Split the record that straddles @cut, if any. */
static int zx_map_split_at(struct zx_vmar *v, u64 cut)
{
	struct zx_vmar_map *m, *tail;

	list_for_each_entry(m, &v->maps, node) {
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

static int zx_map_split_range(struct zx_vmar *v, u64 s, u64 e)
{
	int status = zx_map_split_at(v, s);

	return status ? status : zx_map_split_at(v, e);
}

/* Are all of [s, e) covered by @v's own mapping records? */
static bool zx_maps_cover(struct zx_vmar *v, u64 s, u64 e)
{
	struct zx_vmar_map *m;

	list_for_each_entry(m, &v->maps, node) {
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

/* Do the records in [s, e) (boundaries) still match the address space? */
static bool zx_maps_still_ours(struct zx_vmar *v, u64 s, u64 e)
{
	struct zx_vmar_map *m;

	list_for_each_entry(m, &v->maps, node) {
		if (m->addr >= s && m->addr + m->len <= e &&
		    !zx_vmas_match(v, m->addr, m->addr + m->len, zx_vmo_file(m->vmo), m->offset))
			return false;
	}
	return true;
}

static bool zx_overlaps(u64 a, u64 alen, u64 s, u64 e)
{
	return a < e && s < a + alen;
}

/*
 * In a sub-region: is every page of [s, e) still either reservation or one
 * of @v's recorded mappings?  Anything else means the program changed the
 * range behind the VMAR's back, and MAP_FIXED must not go there.
 */
static bool zx_sub_range_ours(struct zx_vmar *v, u64 s, u64 e)
{
	struct zx_vmar_map *m;
	u64 pos = s, next;

	while (pos < e) {
		next = e;
		list_for_each_entry(m, &v->maps, node) {
			if (m->addr <= pos && pos < m->addr + m->len) {
				next = min(e, m->addr + m->len);
				if (!zx_vmas_match(v, pos, next, zx_vmo_file(m->vmo),
						   m->offset + (pos - m->addr)))
					return false;
				break;
			}
			if (m->addr > pos)
				next = min(next, m->addr);
		}
		if (list_entry_is_head(m, &v->maps, node) && !zx_vmas_reserved(v, pos, next))
			return false;
		pos = next;
	}
	return true;
}

/* Does nothing of @v (mapping or sub-region) overlap [s, e)? */
bool zx_range_free(struct zx_vmar *v, u64 s, u64 e)
{
	struct zx_vmar_map *m;
	struct zx_vmar *c;

	list_for_each_entry(m, &v->maps, node) {
		if (zx_overlaps(m->addr, m->len, s, e))
			return false;
	}
	list_for_each_entry(c, &v->children, sibling) {
		if (zx_overlaps(c->start, c->size, s, e))
			return false;
	}
	return true;
}

/* First fit for @len bytes in sub-region @v. */
bool zx_find_gap(struct zx_vmar *v, u64 len, u64 *addr)
{
	u64 cand = v->start, next;
	struct zx_vmar_map *m;
	struct zx_vmar *c;

	while (len <= zx_vmar_end(v) - cand) {
		next = cand;
		list_for_each_entry(m, &v->maps, node) {
			if (zx_overlaps(m->addr, m->len, cand, cand + len))
				next = max(next, m->addr + m->len);
		}
		list_for_each_entry(c, &v->children, sibling) {
			if (zx_overlaps(c->start, c->size, cand, cand + len))
				next = max(next, zx_vmar_end(c));
		}
		if (next == cand) {
			*addr = cand;
			return true;
		}
		cand = next;
	}
	return false;
}

/*
 * Remove @v's mappings inside [s, e) (boundaries): in the root region the
 * Linux mappings go, in a sub-region the reservation comes back.  Pieces
 * the program changed behind the VMAR's back are only forgotten.
 */
void zx_vmar_drop_maps(struct zx_vmar *v, u64 s, u64 e)
{
	struct zx_vmar_map *m, *tmp;
	u64 ignored;

	list_for_each_entry_safe(m, tmp, &v->maps, node) {
		if (m->addr < s || m->addr + m->len > e)
			continue;
		if (zx_vmas_match(v, m->addr, m->addr + m->len, zx_vmo_file(m->vmo), m->offset)) {
			if (!zx_vmar_owns_range(v))
				zx_vmar_run_munmap(v, m->addr, m->len);
			else
				zx_reserve(v, m->addr, m->len, MAP_FIXED, &ignored);
			trace_zx_vmar_unmap(v->base.koid, m->addr, m->len);
		}
		zx_map_free(m);
	}
}

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

/* Lock held.  Choose where a mapping of @len goes; *flags gets the mmap flags. */
static int zx_map_place(struct zx_vmar *v, u32 options, u64 offset, u64 len, u64 *addr,
			unsigned long *flags)
{
	bool specific = options & (ZX_VM_SPECIFIC | ZX_VM_SPECIFIC_OVERWRITE);
	bool owns = zx_vmar_owns_range(v);
	u64 s;

	if (!specific) {
		if (!owns) {
			*addr = 0;		/* Linux picks, below */
			*flags = 0;
			return ZX_OK;
		}
		*flags = MAP_FIXED;
		if (!zx_find_gap(v, len, addr))
			return ZX_ERR_NO_RESOURCES;
		return zx_sub_range_ours(v, *addr, *addr + len) ? ZX_OK : ZX_ERR_BAD_STATE;
	}
	if (offset >= v->size || len > v->size - offset)
		return ZX_ERR_INVALID_ARGS;
	s = v->start + offset;
	*addr = s;
	if (!(options & ZX_VM_SPECIFIC_OVERWRITE)) {
		if (owns && !zx_range_free(v, s, s + len))
			return ZX_ERR_ALREADY_EXISTS;
		*flags = owns ? MAP_FIXED : MAP_FIXED_NOREPLACE;
		if (owns && !zx_sub_range_ours(v, s, s + len))
			return ZX_ERR_BAD_STATE;	/* changed behind our back */
		return ZX_OK;
	}
	/* Overwrite: only this region's own mappings (and, in a sub-region, free space). */
	*flags = MAP_FIXED;
	if (!owns && !zx_maps_cover(v, s, s + len))
		return ZX_ERR_ALREADY_EXISTS;
	if (owns) {
		struct zx_vmar *c;

		list_for_each_entry(c, &v->children, sibling) {
			if (zx_overlaps(c->start, c->size, s, s + len))
				return ZX_ERR_ALREADY_EXISTS;
		}
	}
	if (zx_map_split_range(v, s, s + len))
		return ZX_ERR_NO_MEMORY;
	if (owns)
		return zx_sub_range_ours(v, s, s + len) ? ZX_OK : ZX_ERR_BAD_STATE;
	return zx_maps_still_ours(v, s, s + len) ? ZX_OK : ZX_ERR_ALREADY_EXISTS;
}

int zx_sys_vmar_map(struct zx_process *proc, struct zx_ioc_vmar_map *a)
{
	u32 perms = a->options & ZX_VM_PERMS;
	struct zx_handle_ref vref, oref;
	struct zx_vmar_map *m;
	struct zx_vmar *v;
	unsigned long flags;
	u64 len, addr;
	long ret;
	int status;

	if (a->options & ~ZX_VM_MAP_OPTIONS || a->reserved)
		return ZX_ERR_INVALID_ARGS;
	status = zx_handle_get(proc, a->handle, ZX_OBJ_TYPE_VMAR, zx_perm_rights(perms), &vref);
	if (status)
		return status;
	status = zx_handle_get(proc, a->vmo, ZX_OBJ_TYPE_VMO,
			       ZX_RIGHT_MAP | zx_perm_rights(perms), &oref);
	if (status)
		goto put_vmar;
	v = to_vmar(vref.obj);
	len = PAGE_ALIGN(a->len);
	if (!zx_perms_ok(perms) || !a->len || !len || !PAGE_ALIGNED(a->vmo_offset) ||
	    !PAGE_ALIGNED(a->vmar_offset) ||
	    (!(a->options & (ZX_VM_SPECIFIC | ZX_VM_SPECIFIC_OVERWRITE)) && a->vmar_offset)) {
		status = ZX_ERR_INVALID_ARGS;
		goto put_vmo;
	}
	if ((perms & ~zx_can_map_perms(v->can_map)) ||
	    ((a->options & (ZX_VM_SPECIFIC | ZX_VM_SPECIFIC_OVERWRITE)) &&
	     !(v->can_map & ZX_VM_CAN_MAP_SPECIFIC))) {
		status = ZX_ERR_ACCESS_DENIED;
		goto put_vmo;
	}
	if (a->vmo_offset + len < a->vmo_offset) {
		status = ZX_ERR_OUT_OF_RANGE;
		goto put_vmo;
	}
	/*
	 * A map in the root region checks nothing but records: it need not
	 * wait for the agent's earlier work (the agent keeps the order).  An
	 * overwrite checks the address space itself, so it waits.
	 */
	status = v->root && v->as->proc && !(a->options & ZX_VM_SPECIFIC_OVERWRITE) ? ZX_OK :
		 zx_aspace_enter(v->as);
	if (status)
		goto put_vmo;
	m = kzalloc(sizeof(*m), GFP_KERNEL_ACCOUNT);
	if (!m) {
		status = ZX_ERR_NO_MEMORY;
		goto put_vmo;
	}

	mutex_lock(&v->as->lock);
	if (v->dead) {
		status = ZX_ERR_BAD_STATE;
		goto unlock;
	}
	status = zx_map_place(v, a->options, a->vmar_offset, len, &addr, &flags);
	if (status)
		goto unlock;
	if (a->options & ZX_VM_MAP_RANGE)
		flags |= MAP_POPULATE;
	ret = zx_vmar_map_early(v, zx_vmo_file(oref.obj), addr, len, perms, flags, a->vmo_offset);
	if (ret == -EBUSY)
		ret = zx_vmar_run_mmap(v, zx_vmo_file(oref.obj), addr, len, perms, flags,
				       a->vmo_offset);
	if (IS_ERR_VALUE(ret)) {
		status = zx_errno_status(ret);
		/* Members that did map it: the reservation comes back there. */
		if (v->as->group)
			zx_reserve(v, addr, len, MAP_FIXED, &addr);
		goto unlock;
	}
	if (ret < v->start || ret + len > zx_vmar_end(v)) {
		/* Linux placed it outside the root region: give it back. */
		zx_vmar_run_munmap(v, ret, len);
		status = ZX_ERR_NO_RESOURCES;
		goto unlock;
	}
	if (a->options & ZX_VM_SPECIFIC_OVERWRITE) {
		struct zx_vmar_map *o, *tmp;

		list_for_each_entry_safe(o, tmp, &v->maps, node) {
			if (o->addr >= ret && o->addr + o->len <= ret + len)
				zx_map_free(o);
		}
	}
	m->addr = ret;
	m->len = len;
	m->vmo = zx_object_get(oref.obj);
	m->offset = a->vmo_offset;
	m->perms = perms;
	m->max_perms = zx_rights_perms(vref.rights) & zx_rights_perms(oref.rights) &
		       zx_can_map_perms(v->can_map);
	zx_map_insert(v, m);
	m = NULL;
	mutex_unlock(&v->as->lock);
	trace_zx_vmar_map(v->base.koid, oref.obj->koid, ret, len, perms);
	/*
	 * Not under the lock: a fault on the out pointer (userfaultfd) must not
	 * hold every VMAR of the address space.
	 */
	if (put_user((u64)ret, (u64 __user *)u64_to_user_ptr(a->out))) {
		/* Undone, like every call that cannot report what it made. */
		mutex_lock(&v->as->lock);
		if (!v->dead && !zx_map_split_range(v, ret, ret + len))
			zx_vmar_drop_maps(v, ret, ret + len);
		mutex_unlock(&v->as->lock);
		status = ZX_ERR_INVALID_ARGS;
	}
	goto put_vmo;
unlock:
	mutex_unlock(&v->as->lock);
	kfree(m);
put_vmo:
	zx_object_put(oref.obj);
put_vmar:
	zx_object_put(vref.obj);
	return status;
}

int zx_sys_vmar_unmap(struct zx_process *proc, struct zx_ioc_vmar_range *a)
{
	struct zx_handle_ref ref;
	struct zx_vmar_map *m;
	struct zx_vmar *v, *c, *tmp;
	u64 s = a->addr, e;
	bool any = false;
	LIST_HEAD(dead);
	int status;

	if (a->options)
		return ZX_ERR_INVALID_ARGS;
	status = zx_handle_get(proc, a->handle, ZX_OBJ_TYPE_VMAR, 0, &ref);
	if (status)
		return status;
	v = to_vmar(ref.obj);
	e = s + PAGE_ALIGN(a->len);
	if (!PAGE_ALIGNED(s) || !a->len || e <= s || s < v->start || e > zx_vmar_end(v)) {
		status = ZX_ERR_INVALID_ARGS;
		goto out;
	}
	status = zx_aspace_enter(v->as);
	if (status)
		goto out;
	mutex_lock(&v->as->lock);
	if (v->dead) {
		status = ZX_ERR_BAD_STATE;
		goto unlock;
	}
	/* Sub-regions inside the range go whole; one across its edge: no. */
	list_for_each_entry(c, &v->children, sibling) {
		if (!zx_overlaps(c->start, c->size, s, e))
			continue;
		if (c->start < s || zx_vmar_end(c) > e) {
			status = ZX_ERR_INVALID_ARGS;
			goto unlock;
		}
		any = true;
	}
	list_for_each_entry(m, &v->maps, node)
		any |= zx_overlaps(m->addr, m->len, s, e);
	if (!any) {
		status = ZX_ERR_NOT_FOUND;
		goto unlock;
	}
	status = zx_map_split_range(v, s, e);
	if (status)
		goto unlock;
	zx_vmar_drop_maps(v, s, e);
	list_for_each_entry_safe(c, tmp, &v->children, sibling) {
		if (c->start >= s && zx_vmar_end(c) <= e)
			zx_vmar_kill_locked(c, &dead, true);
	}
unlock:
	mutex_unlock(&v->as->lock);
	zx_vmar_reap(&dead);
out:
	zx_object_put(ref.obj);
	return status;
}

int zx_sys_vmar_protect(struct zx_process *proc, struct zx_ioc_vmar_range *a)
{
	u32 perms = a->options & ZX_VM_PERMS;
	struct zx_handle_ref ref;
	struct zx_vmar_map *m;
	struct zx_vmar *v;
	u64 s = a->addr, e;
	long ret;
	int status;

	if (a->options & ~ZX_VM_PERMS)
		return ZX_ERR_INVALID_ARGS;
	status = zx_handle_get(proc, a->handle, ZX_OBJ_TYPE_VMAR, zx_perm_rights(perms), &ref);
	if (status)
		return status;
	v = to_vmar(ref.obj);
	e = s + PAGE_ALIGN(a->len);
	if (!zx_perms_ok(perms) || !PAGE_ALIGNED(s) || !a->len || e <= s) {
		status = ZX_ERR_INVALID_ARGS;
		goto out;
	}
	status = zx_aspace_enter(v->as);
	if (status)
		goto out;
	mutex_lock(&v->as->lock);
	if (v->dead) {
		status = ZX_ERR_BAD_STATE;
		goto unlock;
	}
	if (!zx_maps_cover(v, s, e)) {
		status = ZX_ERR_NOT_FOUND;
		goto unlock;
	}
	list_for_each_entry(m, &v->maps, node) {
		if (zx_overlaps(m->addr, m->len, s, e) && (perms & ~m->max_perms)) {
			status = ZX_ERR_ACCESS_DENIED;
			goto unlock;
		}
	}
	status = zx_map_split_range(v, s, e);
	if (status)
		goto unlock;
	list_for_each_entry(m, &v->maps, node) {
		if (m->addr < s || m->addr + m->len > e)
			continue;
		if (!zx_vmas_match(v, m->addr, m->addr + m->len, zx_vmo_file(m->vmo),
				   m->offset)) {
			status = ZX_ERR_BAD_STATE;	/* changed behind our back */
			break;
		}
		ret = zx_vmar_run_mmap(v, zx_vmo_file(m->vmo), m->addr, m->len, perms,
				       MAP_FIXED, m->offset);
		if (IS_ERR_VALUE(ret)) {
			status = zx_errno_status(ret);
			break;
		}
		m->perms = perms;
	}
unlock:
	mutex_unlock(&v->as->lock);
out:
	zx_object_put(ref.obj);
	return status;
}
