// SPDX-License-Identifier: GPL-2.0
/*
 * Shared process groups: zx_process_create with ZX_PROCESS_SHARED, and
 * zx_process_create_shared.
 *
 * A group (struct zx_shared) is what Zircon calls the shareable process
 * state: one handle table and one shared region of address space, used by
 * all its members.  zx_process_create with ZX_PROCESS_SHARED makes the
 * first member and returns the VMAR of the shared region;
 * zx_process_create_shared makes another, in the job of the process it is
 * given, and returns the VMAR of the new member's private (restricted)
 * region.  Every member is an ordinary created process (its own agent,
 * Linux thread group and mm) whose root VMAR covers only
 * [ZX_VMAR_BASE, ZX_SHARED_SPLIT) and whose handle table is the group's.
 *
 * The shared region, [ZX_SHARED_BASE, ZX_VMAR_END), exists in every
 * member's mm, so the group keeps it as records (the shared root VMAR,
 * whose address space has no mm of its own) and has each member apply
 * every change: the VMAR code's seam calls zx_shared_mmap/munmap, which
 * fan the change out.  A member whose thread makes the call does it
 * itself, an unstarted member gets it queued behind its earlier maps
 * (zx_process_start waits for them), and the agent of each running member
 * gets a request; all requests are sent before any is waited for, so the
 * agents work in parallel.  In every member the guard page and the whole
 * shared region are reserved by an anonymous PROT_NONE mapping, so Linux
 * places nothing there and the region owns its range like a sub-region.
 * A new member replays the records (the reservation, then every mapping)
 * before it can run.  The replay and every change run under the shared
 * region's zx_aspace.lock, so each member sees all changes, in order.
 *
 * A member that ends leaves the group; when the last one has left, the
 * group is dead: its handle table is destroyed, the shared region's
 * records go, and zx_process_create_shared refuses it (ZX_ERR_BAD_STATE).
 * As in Zircon, any member keeps the group alive, even an unstarted one
 * whose only handle is in the group's own table.
 *
 * Lock order: the shared region's zx_aspace.lock, zx_shared.lock, then a
 * member's zx_process.lock.
 */

#include <linux/file.h>
#include <linux/mm.h>
#include <linux/mman.h>
#include <linux/pid.h>
#include <linux/sched.h>
#include <linux/slab.h>

#include <linux/zircon.h>

#include "vmar.h"
#include "trace.h"

struct zx_shared {
	refcount_t ref;			/* each member's and the shared region's */
	u64 koid;			/* immutable: its first member's, for tracing */
	struct zx_handle_table table;	/* the members' */
	struct mutex lock;		/* everything below */
	struct zx_object *vmar;		/* the shared region, until the group dies */
	struct list_head members;	/* struct zx_process, on shared_node */
	u32 count;			/* members on the list */
	bool dead;			/* the last member has left */
};

/* The reservation of the guard page and the shared region in a member. */
#define ZX_SHARED_RESERVE_FLAGS	(MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE | MAP_FIXED)

void zx_shared_put(struct zx_shared *group)
{
	if (refcount_dec_and_test(&group->ref))
		kfree(group);
}

/*
 * Queue the shared region, as the records have it, for the new member @np:
 * the reservation, then every mapping, in the tree's pre-order (no
 * recursion, however deep the tree).  The shared region's lock is held.
 */
static int zx_shared_replay(struct zx_vmar *root, struct zx_process *np)
{
	struct zx_vmar *v = root;
	struct zx_vmar_map *m;
	long ret;

	ret = zx_agent_mmap_early(np, NULL, ZX_SHARED_SPLIT, ZX_VMAR_END - ZX_SHARED_SPLIT,
				  PROT_NONE, ZX_SHARED_RESERVE_FLAGS, 0);
	for (;;) {
		list_for_each_entry(m, &v->maps, node) {
			if (ret)
				break;
			ret = zx_agent_mmap_early(np, zx_vmo_file(m->vmo), m->addr, m->len,
						  zx_vm_prot(m->perms), MAP_SHARED | MAP_FIXED,
						  m->offset);
		}
		if (ret == -ESRCH || ret == -EBUSY)
			return ZX_ERR_BAD_STATE;	/* @np was killed meanwhile */
		if (ret)
			return zx_errno_status(ret);
		if (!list_empty(&v->children)) {
			v = list_first_entry(&v->children, struct zx_vmar, sibling);
			continue;
		}
		while (v != root && list_is_last(&v->sibling, &v->parent->children))
			v = v->parent;
		if (v == root)
			return ZX_OK;
		v = list_next_entry(v, sibling);
	}
}

/*
 * Make @np, a new unstarted process, a member of @group: it takes the
 * group's handle table and gets the shared region before it can run.
 */
static int zx_shared_join(struct zx_shared *group, struct zx_process *np)
{
	struct zx_object *vmar;
	struct zx_vmar *root;
	int status = ZX_OK;
	u32 members;

	mutex_lock(&group->lock);
	vmar = group->vmar ? zx_object_get(group->vmar) : NULL;
	mutex_unlock(&group->lock);
	if (!vmar)
		return ZX_ERR_BAD_STATE;
	root = to_vmar(vmar);

	mutex_lock(&root->as->lock);
	mutex_lock(&group->lock);
	mutex_lock(&np->lock);
	if (group->dead || np->state != ZX_PROCESS_INITIAL) {
		status = ZX_ERR_BAD_STATE;
	} else {
		refcount_inc(&group->ref);
		np->shared = group;
		np->ht = &group->table;	/* it has no handle yet */
	}
	mutex_unlock(&np->lock);
	if (!status) {
		list_add_tail(&np->shared_node, &group->members);
		members = ++group->count;
	}
	mutex_unlock(&group->lock);
	if (!status) {
		trace_zx_shared_join(group->koid, np->obj.koid, members);
		/* A failure here kills @np, which then leaves. */
		status = zx_shared_replay(root, np);
	}
	mutex_unlock(&root->as->lock);
	zx_object_put(vmar);
	return status;
}

/*
 * Start a group with @first, a new unstarted process.  *@vmar gets a
 * reference on the shared region's root VMAR.
 */
int zx_shared_create(struct zx_process *first, struct zx_object **vmar)
{
	struct zx_shared *group = kzalloc(sizeof(*group), GFP_KERNEL_ACCOUNT);
	struct zx_object *region;
	int status;

	if (!group)
		return ZX_ERR_NO_MEMORY;
	refcount_set(&group->ref, 1);		/* the shared region's */
	group->koid = first->obj.koid;
	zx_handle_table_init(&group->table);
	mutex_init(&group->lock);
	INIT_LIST_HEAD(&group->members);
	region = zx_vmar_create_shared(group, &status);
	if (!region)
		return status;			/* it dropped the group */
	group->vmar = region;
	trace_zx_shared_create(group->koid, region->koid, 0);
	status = zx_shared_join(group, first);
	if (!status) {
		*vmar = zx_object_get(region);
		return ZX_OK;
	}
	/*
	 * A @first that joined leaves when the caller kills it, and the group
	 * ends then; one that never joined (it died at once) leaves nobody to
	 * end it, so it ends here.
	 */
	mutex_lock(&group->lock);
	if (!group->count) {
		group->dead = true;
		group->vmar = NULL;
	} else {
		region = NULL;
	}
	mutex_unlock(&group->lock);
	if (region)
		zx_object_put(region);
	return status;
}

/* @proc, a member, has ended; the last member takes the group with it. */
void zx_shared_leave(struct zx_process *proc)
{
	struct zx_shared *group = proc->shared;
	struct zx_object *vmar = NULL;
	u32 members;

	mutex_lock(&group->lock);
	list_del_init(&proc->shared_node);
	members = --group->count;
	if (!members) {
		group->dead = true;
		vmar = group->vmar;
		group->vmar = NULL;
	}
	mutex_unlock(&group->lock);
	trace_zx_shared_leave(group->koid, proc->obj.koid, members);
	if (!vmar)
		return;
	zx_handle_table_destroy(proc);		/* proc->ht: the group's */
	zx_vmar_root_kill(vmar);
	zx_object_put(vmar);
}

/* A member's share of one change: the request its agent got, if any. */
struct zx_fan {
	struct zx_process *proc;	/* holds a reference */
	struct zx_agent_req *req;	/* sent: to wait for */
};

/*
 * The seam for the shared region: make one change (map @file, with no
 * @file reserve, or with @unmap unmap) in every member.  The shared
 * region's lock is held.  A member that died does not count; the first
 * other failure is returned, after every member was asked.
 */
static long zx_shared_fan_out(struct zx_shared *group, struct file *file, u64 addr, u64 len,
			      unsigned long prot, unsigned long flags, u64 offset, bool unmap)
{
	struct zx_process *p;
	struct zx_fan *fan;
	u32 n = 0, i, reached = 0;
	long ret, err = 0;

	mutex_lock(&group->lock);
	fan = kcalloc(max(group->count, 1U), sizeof(*fan), GFP_KERNEL);
	if (fan) {
		list_for_each_entry(p, &group->members, shared_node) {
			zx_object_get(&p->obj);
			fan[n++].proc = p;
		}
	}
	mutex_unlock(&group->lock);
	if (!fan)
		return -ENOMEM;

	for (i = 0; i < n; i++) {
		p = fan[i].proc;
		if (READ_ONCE(p->tgid) == task_tgid(current)) {
			/* The caller is one of its threads: it lives in that mm. */
			ret = unmap ? vm_munmap(addr, len) :
			      vm_mmap(file, addr, len, prot, flags, offset);
		} else {
			/* Once started, a process is never INITIAL again. */
			ret = unmap || READ_ONCE(p->state) != ZX_PROCESS_INITIAL ? -EBUSY :
			      zx_agent_mmap_early(p, file, addr, len, prot, flags, offset);
			if (ret == -EBUSY) {
				fan[i].req = unmap ? zx_agent_req_munmap(addr, len) :
					     zx_agent_req_mmap(file, addr, len, prot, flags,
							       offset);
				ret = zx_agent_send(p, fan[i].req);
				if (ret)
					fan[i].req = NULL;
				else
					continue;	/* waited for below */
			}
		}
		if (!IS_ERR_VALUE(ret))
			reached++;
		else if (ret != -ESRCH && !err)
			err = ret;
	}
	for (i = 0; i < n; i++) {
		if (fan[i].req) {
			ret = zx_agent_wait(fan[i].proc, fan[i].req);
			if (!IS_ERR_VALUE(ret))
				reached++;
			else if (ret != -ESRCH && !err)
				err = ret;
		}
		zx_object_put(&fan[i].proc->obj);
	}
	kfree(fan);
	trace_zx_shared_change(group->koid, addr, len, unmap ? -1 : (int)prot, reached, (int)err);
	if (err)
		return err;
	return unmap ? 0 : (long)addr;
}

long zx_shared_mmap(struct zx_shared *group, struct file *file, u64 addr, u64 len,
		    unsigned long prot, unsigned long flags, u64 offset)
{
	/* The region's records place everything: always at a fixed address. */
	if (!(flags & MAP_FIXED))
		return -EINVAL;
	return zx_shared_fan_out(group, file, addr, len, prot, flags, offset, false);
}

long zx_shared_munmap(struct zx_shared *group, u64 addr, u64 len)
{
	return zx_shared_fan_out(group, NULL, addr, len, 0, 0, 0, true);
}

/*
 * zx_process_create_shared().  The checks come in Zircon's order: options,
 * the caller's job policy, the name, the handle (BAD_HANDLE, WRONG_TYPE,
 * ACCESS_DENIED), whether it names a group's process (INVALID_ARGS), and
 * whether the group and the job still live (BAD_STATE).
 */
int zx_sys_process_create_shared(struct zx_process *proc, struct zx_ioc_process_create *a)
{
	struct zx_process *sp, *np;
	char name[ZX_MAX_NAME_LEN];
	struct zx_handle_ref ref;
	struct zx_object *vmar;
	struct file *file;
	int status, fd;

	if (a->options || a->blank || a->reserved)
		return ZX_ERR_INVALID_ARGS;
	status = zx_process_check_policy(proc, ZX_POL_NEW_PROCESS);
	if (!status)
		status = zx_process_copy_name(a->name, a->name_size, name);
	if (!status)
		status = zx_handle_get(proc, a->shared_proc, ZX_OBJ_TYPE_PROCESS,
				       ZX_RIGHT_MANAGE_PROCESS, &ref);
	if (status)
		return status;
	sp = to_process(ref.obj);
	if (!sp->shared) {
		status = ZX_ERR_INVALID_ARGS;
		goto out;
	}
	mutex_lock(&sp->shared->lock);
	status = sp->shared->dead ? ZX_ERR_BAD_STATE : ZX_OK;
	mutex_unlock(&sp->shared->lock);
	if (status)
		goto out;
	status = zx_process_new(sp->job, name, NULL, true, &np, &vmar);
	if (status)
		goto out;
	status = zx_shared_join(sp->shared, np);
	if (!status)
		status = zx_process_agent_file(np, &fd, &file);
	if (!status)
		status = zx_process_hand_out(proc, np, vmar, file, fd, a);
	if (status)
		zx_process_kill(np, ZX_TASK_RETCODE_SYSCALL_KILL);
	zx_object_put(vmar);
	zx_object_put(&np->obj);
out:
	zx_object_put(ref.obj);
	return status;
}
