/* SPDX-License-Identifier: GPL-2.0 */
/*
 * VMARs, shared between vmar.c (the tree of regions) and vmar_map.c (the
 * mappings and the one seam that changes an address space).
 *
 * All VMARs of one address space share one lock, zx_aspace.lock, which
 * protects every field marked "as" below.  The mm's own locks are taken
 * inside it (vm_mmap, vm_munmap, find_vma).
 */
#ifndef _ZIRCON_VMAR_H
#define _ZIRCON_VMAR_H

#include <linux/mutex.h>
#include <linux/refcount.h>

#include "zircon.h"

#define ZX_VMAR_BASE		0x0000000000200000ULL
#define ZX_VMAR_TOP		0x00007FFFFFFFF000ULL	/* Zircon's end */
#define ZX_VMAR_RESERVED	(16ULL << 20)		/* kept for the emulation */
#define ZX_VMAR_END		(ZX_VMAR_TOP - ZX_VMAR_RESERVED)
/* The agent's trampoline page: the first page of the reserved range. */
#define ZX_TRAMPOLINE_ADDR	ZX_VMAR_END
/*
 * A shared group's split (shared.c): each member's private (restricted)
 * region ends at ZX_SHARED_SPLIT, one guard page follows, and the shared
 * region runs from ZX_SHARED_BASE to ZX_VMAR_END.
 */
#define ZX_SHARED_SPLIT		(1ULL << 46)
#define ZX_SHARED_BASE		(ZX_SHARED_SPLIT + PAGE_SIZE)

#define ZX_VM_PERMS	(ZX_VM_PERM_READ | ZX_VM_PERM_WRITE | ZX_VM_PERM_EXECUTE)
#define ZX_VM_CAN_MAP	(ZX_VM_CAN_MAP_READ | ZX_VM_CAN_MAP_WRITE | \
			 ZX_VM_CAN_MAP_EXECUTE | ZX_VM_CAN_MAP_SPECIFIC)

/*
 * An address space.  A host's is its own mm from the start; a created
 * process's is set once, by its agent at bind (zx_vmar_root_bind), and
 * changed only through the agent by anyone outside it.  A shared group's
 * has no mm of its own: it is the shared region of every member's mm, and
 * each change goes to every member (shared.c).
 */
struct zx_aspace {
	refcount_t ref;
	struct mutex lock;
	struct mm_struct *mm;		/* set once: grabbed */
	struct zx_process *proc;	/* immutable: a created process (holds a
					 * reference), or NULL
					 */
	struct zx_shared *group;	/* immutable: a shared group's region
					 * (holds a reference), or NULL
					 */
};

struct zx_vmar {
	struct zx_object base;
	struct zx_aspace *as;		/* immutable: holds a reference */
	bool root;			/* immutable */
	u64 start, size;		/* immutable */
	u32 can_map;			/* immutable: ZX_VM_CAN_MAP_* */
	struct zx_vmar *parent;		/* as: NULL for the root, or once dead */
	bool dead;			/* as: destroyed */
	struct list_head maps;		/* as: struct zx_vmar_map, by address */
	struct list_head children;	/* as: sub-regions, each holding a reference */
	struct list_head sibling;	/* as: on parent->children */
};

struct zx_vmar_map {
	struct list_head node;
	u64 addr, len;
	struct zx_object *vmo;		/* holds a reference */
	u64 offset;			/* into the VMO */
	u32 perms;			/* ZX_VM_PERM_* now */
	u32 max_perms;			/* what the rights at map time allow */
};

static inline struct zx_vmar *to_vmar(struct zx_object *obj)
{
	return container_of(obj, struct zx_vmar, base);
}

static inline u64 zx_vmar_end(struct zx_vmar *v)
{
	return v->start + v->size;
}

/*
 * Does @v own its whole range, kept reserved where nothing is mapped, with
 * its records the only truth about it?  A sub-region does, and so does a
 * shared group's root region.  Any other root region shares its range with
 * whatever the program maps, and Linux places its mappings.
 */
static inline bool zx_vmar_owns_range(struct zx_vmar *v)
{
	return !v->root || v->as->group;
}

/* Permissions a region's CAN_MAP flags allow. */
static inline u32 zx_can_map_perms(u32 can_map)
{
	return (can_map & ZX_VM_CAN_MAP_READ ? ZX_VM_PERM_READ : 0) |
	       (can_map & ZX_VM_CAN_MAP_WRITE ? ZX_VM_PERM_WRITE : 0) |
	       (can_map & ZX_VM_CAN_MAP_EXECUTE ? ZX_VM_PERM_EXECUTE : 0);
}

/* vmar_map.c */
unsigned long zx_vm_prot(u32 perms);
int zx_aspace_enter(struct zx_aspace *as);
long zx_vmar_run_mmap(struct zx_vmar *vmar, struct file *file, u64 addr, u64 len,
		      u32 perms, unsigned long flags, u64 offset);
int zx_vmar_run_munmap(struct zx_vmar *vmar, u64 addr, u64 len);
int zx_errno_status(long err);
bool zx_range_free(struct zx_vmar *v, u64 s, u64 e);
bool zx_find_gap(struct zx_vmar *v, u64 len, u64 *addr);
bool zx_vmas_reserved(struct zx_vmar *v, u64 s, u64 e);
int zx_reserve(struct zx_vmar *v, u64 addr, u64 len, unsigned long flags, u64 *out);
void zx_vmar_drop_maps(struct zx_vmar *v, u64 s, u64 e);
void zx_map_free(struct zx_vmar_map *m);

/* vmar.c */
void zx_vmar_kill_locked(struct zx_vmar *top, struct list_head *reap, bool touch);
void zx_vmar_reap(struct list_head *reap);
struct zx_object *zx_vmar_create_shared(struct zx_shared *group, int *status);

/* shared.c: the seam for a group's region */
long zx_shared_mmap(struct zx_shared *group, struct file *file, u64 addr, u64 len,
		    unsigned long prot, unsigned long flags, u64 offset);
long zx_shared_munmap(struct zx_shared *group, u64 addr, u64 len);

#endif /* _ZIRCON_VMAR_H */
