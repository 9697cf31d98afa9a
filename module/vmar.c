// SPDX-License-Identifier: GPL-2.0
/*
 * VMARs: the tree of address-space regions of a Zircon process.
 *
 * The root region is the process's Linux address space from ZX_VMAR_BASE
 * to ZX_VMAR_END: Zircon's x86-64 user range less 16 MiB at the top, which
 * the emulation keeps for itself.  It shares that space with everything
 * the C library and the kernel map, so it only ever touches what it mapped
 * (see vmar_map.c).  A sub-region (zx_vmar_allocate) owns its whole range:
 * the range is reserved by an anonymous PROT_NONE mapping, so Linux places
 * nothing else there, and its mappings and sub-regions are placed inside.
 *
 * A parent holds a reference on each live child, so a sub-region lives
 * until it is destroyed (zx_vmar_destroy, an unmap that covers it, or the
 * destruction of an ancestor), whether or not handles to it remain; a dead
 * region refuses every operation with ZX_ERR_BAD_STATE.  Destroying a tree
 * walks it without recursion, however deep it is.  When the last handle to
 * a root region goes (its process closed /dev/zircon), the records go and
 * the mappings stay in the possibly still running Linux process.
 *
 * Not emulated: ZX_VM_COMPACT (accepted; placement is always first fit)
 * and the ZX_VM_ALIGN_* options.
 *
 * Locking: zx_aspace.lock (vmar.h).
 */

#include <linux/mm.h>
#include <linux/mman.h>
#include <linux/sched/mm.h>
#include <linux/slab.h>
#include <linux/uaccess.h>

#include <linux/zircon.h>

#include "vmar.h"

static const struct zx_object_ops zx_vmar_ops;

static void zx_aspace_put(struct zx_aspace *as)
{
	if (refcount_dec_and_test(&as->ref)) {
		if (as->mm)
			mmdrop(as->mm);
		if (as->proc)
			zx_object_put(&as->proc->obj);
		if (as->group)
			zx_shared_put(as->group);
		kfree(as);
	}
}

static struct zx_vmar *zx_vmar_alloc(struct zx_aspace *as, u64 start, u64 size, u32 can_map)
{
	struct zx_vmar *v = kzalloc(sizeof(*v), GFP_KERNEL_ACCOUNT);

	if (!v)
		return NULL;
	refcount_inc(&as->ref);
	v->as = as;
	v->start = start;
	v->size = size;
	v->can_map = can_map;
	INIT_LIST_HEAD(&v->maps);
	INIT_LIST_HEAD(&v->children);
	INIT_LIST_HEAD(&v->sibling);
	zx_object_init(&v->base, &zx_vmar_ops, 0);
	return v;
}

/* A root region from @start to @end over the new address space @as. */
static struct zx_object *zx_vmar_new_root(struct zx_aspace *as, u64 start, u64 end,
					  int *status)
{
	struct zx_vmar *v;

	v = zx_vmar_alloc(as, start, end - start, ZX_VM_CAN_MAP);
	zx_aspace_put(as);		/* the root holds it now, or nobody */
	*status = ZX_ERR_NO_MEMORY;
	if (!v)
		return NULL;
	v->root = true;
	*status = ZX_OK;
	return &v->base;
}

static struct zx_aspace *zx_aspace_alloc(void)
{
	struct zx_aspace *as = kzalloc(sizeof(*as), GFP_KERNEL_ACCOUNT);

	if (!as)
		return NULL;
	refcount_set(&as->ref, 1);
	mutex_init(&as->lock);
	return as;
}

/*
 * The root VMAR of @proc, a created process whose agent will bind the
 * address space later; or, with @proc NULL, of the calling host.  With
 * @restricted, it covers only the private part of a shared group member.
 */
struct zx_object *zx_vmar_create_root(struct zx_process *proc, bool restricted, int *status)
{
	struct zx_aspace *as = zx_aspace_alloc();

	*status = ZX_ERR_NO_MEMORY;
	if (!as)
		return NULL;
	if (proc) {
		as->proc = proc;
		zx_object_get(&proc->obj);
	} else {
		mmgrab(current->mm);
		as->mm = current->mm;
	}
	return zx_vmar_new_root(as, ZX_VMAR_BASE, restricted ? ZX_SHARED_SPLIT : ZX_VMAR_END,
				status);
}

/* The root VMAR of @group's shared region; it takes over one reference on @group. */
struct zx_object *zx_vmar_create_shared(struct zx_shared *group, int *status)
{
	struct zx_aspace *as = zx_aspace_alloc();

	*status = ZX_ERR_NO_MEMORY;
	if (!as)
		return NULL;
	as->group = group;
	return zx_vmar_new_root(as, ZX_SHARED_BASE, ZX_VMAR_END, status);
}

/* The agent of a created process binds its address space, once. */
void zx_vmar_root_bind(struct zx_object *root, struct mm_struct *mm)
{
	struct zx_aspace *as = to_vmar(root)->as;

	mutex_lock(&as->lock);
	if (!as->mm) {
		mmgrab(mm);
		WRITE_ONCE(as->mm, mm);
	}
	mutex_unlock(&as->lock);
}

/* The process died: its root region and everything in it go (records only). */
void zx_vmar_root_kill(struct zx_object *root)
{
	struct zx_vmar *v = to_vmar(root);
	LIST_HEAD(dead);

	mutex_lock(&v->as->lock);
	if (!v->dead)
		zx_vmar_kill_locked(v, &dead, false);
	mutex_unlock(&v->as->lock);
	zx_vmar_reap(&dead);
}

/*
 * Lock held.  Destroy @top and everything below it, deepest first, without
 * recursion.  With @touch, mappings are removed from the address space and
 * a region that sat in the root gives its reservation back; without, only
 * the records go.  Every destroyed region that had a parent moves to @reap
 * with the reference its parent held; the caller drops those with
 * zx_vmar_reap() after unlocking.
 */
void zx_vmar_kill_locked(struct zx_vmar *top, struct list_head *reap, bool touch)
{
	bool in_root = top->parent && !zx_vmar_owns_range(top->parent);
	struct zx_vmar *v = top, *parent;
	struct zx_vmar_map *m, *tmp;

	for (;;) {
		if (!list_empty(&v->children)) {
			v = list_first_entry(&v->children, struct zx_vmar, sibling);
			continue;
		}
		if (touch) {
			zx_vmar_drop_maps(v, v->start, zx_vmar_end(v));
		} else {
			list_for_each_entry_safe(m, tmp, &v->maps, node)
				zx_map_free(m);
		}
		v->dead = true;
		parent = v->parent;
		v->parent = NULL;
		if (parent)
			list_move_tail(&v->sibling, reap);
		if (v == top)
			break;
		v = parent;
	}
	/* Give the reservation back only if it is still all ours. */
	if (touch && in_root && zx_vmas_reserved(top, top->start, zx_vmar_end(top)))
		zx_vmar_run_munmap(top, top->start, top->size);
}

void zx_vmar_reap(struct list_head *reap)
{
	struct zx_vmar *v, *tmp;

	list_for_each_entry_safe(v, tmp, reap, sibling) {
		list_del_init(&v->sibling);
		zx_object_put(&v->base);
	}
}

static void zx_vmar_destroy(struct zx_object *obj)
{
	struct zx_vmar *v = to_vmar(obj);
	struct zx_aspace *as = v->as;
	LIST_HEAD(dead);

	/* Only a root can die with a tree under it; keep its mappings. */
	mutex_lock(&as->lock);
	zx_vmar_kill_locked(v, &dead, false);
	mutex_unlock(&as->lock);
	zx_vmar_reap(&dead);
	kfree(v);
	zx_aspace_put(as);
}

/* Rights of a handle to a region that may map @can_map. */
static u32 zx_vmar_rights(u32 can_map)
{
	return ZX_DEFAULT_VMAR_RIGHTS |
	       (can_map & ZX_VM_CAN_MAP_READ ? ZX_RIGHT_READ : 0) |
	       (can_map & ZX_VM_CAN_MAP_WRITE ? ZX_RIGHT_WRITE : 0) |
	       (can_map & ZX_VM_CAN_MAP_EXECUTE ? ZX_RIGHT_EXECUTE : 0);
}

/* Lock held.  Find and, in the root, reserve the range of a new region. */
static int zx_vmar_place(struct zx_vmar *p, bool specific, u64 offset, u64 size, u64 *addr)
{
	int status;

	if (specific) {
		if (offset >= p->size || size > p->size - offset)
			return ZX_ERR_INVALID_ARGS;
		*addr = p->start + offset;
		if (!zx_vmar_owns_range(p))
			return zx_reserve(p, *addr, size, MAP_FIXED_NOREPLACE, addr);
		if (!zx_range_free(p, *addr, *addr + size))
			return ZX_ERR_ALREADY_EXISTS;
		return zx_vmas_reserved(p, *addr, *addr + size) ? ZX_OK : ZX_ERR_BAD_STATE;
	}
	if (zx_vmar_owns_range(p))
		return zx_find_gap(p, size, addr) ? ZX_OK : ZX_ERR_NO_RESOURCES;
	status = zx_reserve(p, 0, size, 0, addr);
	if (!status && (*addr < p->start || *addr + size > zx_vmar_end(p))) {
		zx_vmar_run_munmap(p, *addr, size);
		status = ZX_ERR_NO_RESOURCES;
	}
	return status;
}

int zx_sys_vmar_allocate(struct zx_process *proc, struct zx_ioc_vmar_allocate *a)
{
	u32 can_map = a->options & ZX_VM_CAN_MAP;
	bool specific = a->options & ZX_VM_SPECIFIC;
	struct zx_handle_ref ref;
	struct zx_vmar *p, *v;
	u64 size = PAGE_ALIGN(a->size), addr;
	LIST_HEAD(dead);
	u32 value;
	int status;

	if (a->options & ~(ZX_VM_CAN_MAP | ZX_VM_SPECIFIC | ZX_VM_COMPACT))
		return ZX_ERR_INVALID_ARGS;
	status = zx_handle_get(proc, a->handle, ZX_OBJ_TYPE_VMAR,
			       zx_vmar_rights(can_map) & ~ZX_DEFAULT_VMAR_RIGHTS, &ref);
	if (status)
		return status;
	p = to_vmar(ref.obj);
	if (!a->size || !size || !PAGE_ALIGNED(a->offset) || (!specific && a->offset)) {
		status = ZX_ERR_INVALID_ARGS;
		goto out;
	}
	status = zx_aspace_enter(p->as);
	if (status)
		goto out;
	mutex_lock(&p->as->lock);
	if (p->dead) {
		status = ZX_ERR_BAD_STATE;
	} else if ((can_map & ~p->can_map) ||
		   (specific && !(p->can_map & ZX_VM_CAN_MAP_SPECIFIC))) {
		status = ZX_ERR_ACCESS_DENIED;
	} else {
		status = zx_vmar_place(p, specific, a->offset, size, &addr);
	}
	if (status) {
		mutex_unlock(&p->as->lock);
		goto out;
	}
	v = zx_vmar_alloc(p->as, addr, size, can_map);
	if (!v) {
		if (!zx_vmar_owns_range(p))
			zx_vmar_run_munmap(p, addr, size);
		mutex_unlock(&p->as->lock);
		status = ZX_ERR_NO_MEMORY;
		goto out;
	}
	v->parent = p;
	list_add_tail(&v->sibling, &p->children);	/* with v's first reference */
	mutex_unlock(&p->as->lock);

	status = zx_handle_install(proc, &v->base, zx_vmar_rights(can_map), &value);
	if (!status && (put_user(value, (u32 __user *)u64_to_user_ptr(a->out)) ||
			put_user(addr, (u64 __user *)u64_to_user_ptr(a->out_addr)))) {
		zx_handle_close(proc, value);
		status = ZX_ERR_INVALID_ARGS;
	}
	if (status) {
		/* Undo: the region goes again. */
		mutex_lock(&p->as->lock);
		if (!v->dead)
			zx_vmar_kill_locked(v, &dead, true);
		mutex_unlock(&p->as->lock);
		zx_vmar_reap(&dead);
	}
out:
	zx_object_put(ref.obj);
	return status;
}

int zx_sys_vmar_destroy(struct zx_process *proc, struct zx_ioc_handle *a)
{
	struct zx_handle_ref ref;
	struct zx_vmar *v;
	LIST_HEAD(dead);
	int status;

	if (a->reserved)
		return ZX_ERR_INVALID_ARGS;
	status = zx_handle_get(proc, a->handle, ZX_OBJ_TYPE_VMAR, ZX_RIGHT_OP_CHILDREN, &ref);
	if (status)
		return status;
	v = to_vmar(ref.obj);
	/* A root VMAR cannot be destroyed, as in current Zircon. */
	status = v->root ? ZX_ERR_NOT_SUPPORTED : zx_aspace_enter(v->as);
	if (!status) {
		mutex_lock(&v->as->lock);
		if (v->dead)
			status = ZX_ERR_BAD_STATE;
		else
			zx_vmar_kill_locked(v, &dead, true);
		mutex_unlock(&v->as->lock);
		zx_vmar_reap(&dead);
	}
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
	struct zx_vmar *v = to_vmar(obj);
	struct zx_info_vmar info = { v->start, v->size };

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
