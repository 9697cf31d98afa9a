// SPDX-License-Identifier: GPL-2.0
/*
 * Handles and per-process handle tables.
 *
 * A handle table is an arena of 16-byte slots (struct zx_handle), allocated
 * one page-sized chunk of ZX_CHUNK_SLOTS slots at a time and charged to the
 * memory cgroup of the process that grew it.  Chunks never move, so a slot
 * stays where it is while the table lives.  Free slots form a FIFO list
 * threaded through the slots themselves, so a freed slot is reused as late
 * as possible.
 *
 * The value user space sees packs the slot number with random bits and
 * scrambles the result with a per-table random mask:
 *
 *	key   = slot | random13 << ZX_SLOT_BITS		(29 bits)
 *	value = (key ^ mask) << 2 | 3
 *
 * so every valid value has its two low bits set and bit 31 clear (as Zircon
 * and Magenta promise), is never 0, and neither the next value nor the
 * value of a reused slot follows from earlier ones.  A lookup decodes the
 * slot and compares the whole stored value, so a stale value does not name
 * the new handle of a reused slot.
 *
 * Locking: zx_handle_table.lock (a spinlock) protects every slot, the free
 * list, the counters and the random state.  A lookup takes a reference on
 * the object under the lock, so the object outlives a concurrent close.
 */

#include <linux/moduleparam.h>
#include <linux/percpu.h>
#include <linux/random.h>
#include <linux/slab.h>
#include <linux/uaccess.h>

#include <linux/zircon.h>

#include "zircon.h"
#include "trace.h"

#define ZX_SLOT_MASK	(ZX_MAX_SLOTS - 1)
#define ZX_KEY_MASK	(BIT(29) - 1)
#define ZX_CHUNK_MASK	(ZX_CHUNK_SLOTS - 1)

/* A slot: in use when obj is set; otherwise next_free links the free list. */
struct zx_handle {
	struct zx_object *obj;		/* holds one reference */
	union {
		u32 rights;
		u32 next_free;		/* slot + 1 of the next free slot, or 0 */
	};
	u32 value;
};

unsigned int zx_max_handles = 65536;
module_param_named(max_handles, zx_max_handles, uint, 0644);
MODULE_PARM_DESC(max_handles, "Most handles one Zircon process may hold (at most 65536)");

/* Live handles of all tables, for debugfs; per CPU to keep it off the hot path. */
static DEFINE_PER_CPU(int, zx_live_handles);

int zx_handles_live(void)
{
	int cpu, n = 0;

	for_each_possible_cpu(cpu)
		n += per_cpu(zx_live_handles, cpu);
	return n;
}

void zx_handle_table_init(struct zx_handle_table *t)
{
	spin_lock_init(&t->lock);
	t->mask = get_random_u32() & ZX_KEY_MASK;
	t->rng = get_random_u32() | 1;
}

static struct zx_handle *zx_slot(struct zx_handle_table *t, u32 slot)
{
	return &t->chunks[slot / ZX_CHUNK_SLOTS][slot & ZX_CHUNK_MASK];
}

static u32 zx_value_slot(struct zx_handle_table *t, u32 value)
{
	return ((value >> 2) ^ t->mask) & ZX_SLOT_MASK;
}

/* Lock held.  Returns the live handle named by @value, or NULL. */
static struct zx_handle *zx_handle_find(struct zx_handle_table *t, u32 value)
{
	struct zx_handle *h;
	u32 slot;

	if ((value & 3) != 3 || t->dead)
		return NULL;
	slot = zx_value_slot(t, value);
	if (slot >= t->nslots)
		return NULL;
	h = zx_slot(t, slot);
	return h->obj && h->value == value ? h : NULL;
}

/* Lock held.  Append @slot to the free list. */
static void zx_slot_release(struct zx_handle_table *t, u32 slot)
{
	struct zx_handle *h = zx_slot(t, slot);

	h->obj = NULL;
	h->next_free = 0;
	if (t->free_tail)
		zx_slot(t, t->free_tail - 1)->next_free = slot + 1;
	else
		t->free_head = slot + 1;
	t->free_tail = slot + 1;
}

/* Add one chunk of free slots; called without the lock. */
static int zx_table_grow(struct zx_handle_table *t)
{
	struct zx_handle *chunk;
	int status = ZX_OK;
	u32 i;

	chunk = kcalloc(ZX_CHUNK_SLOTS, sizeof(*chunk), GFP_KERNEL_ACCOUNT);
	if (!chunk)
		return ZX_ERR_NO_MEMORY;
	spin_lock(&t->lock);
	if (t->dead) {
		status = ZX_ERR_BAD_STATE;
	} else if (!t->free_head && t->nslots < ZX_MAX_SLOTS) {
		t->chunks[t->nslots / ZX_CHUNK_SLOTS] = chunk;
		t->nslots += ZX_CHUNK_SLOTS;
		for (i = t->nslots - ZX_CHUNK_SLOTS; i < t->nslots; i++)
			zx_slot_release(t, i);
		chunk = NULL;
	} else if (!t->free_head) {
		status = ZX_ERR_NO_RESOURCES;
	}
	spin_unlock(&t->lock);
	kfree(chunk);
	return status;
}

/*
 * Lock held.  Fill a free slot with a new handle to @obj (taking a
 * reference).  Returns NULL when the table must grow first, or an ERR_PTR
 * carrying a Zircon status.
 */
static struct zx_handle *zx_slot_fill(struct zx_handle_table *t,
				      struct zx_object *obj, u32 rights)
{
	struct zx_handle *h;
	u32 slot, key;

	if (t->dead)
		return ERR_PTR(ZX_ERR_BAD_STATE);	/* its process ended */
	if (t->count >= min_t(u32, READ_ONCE(zx_max_handles), ZX_MAX_SLOTS))
		return ERR_PTR(ZX_ERR_NO_RESOURCES);
	if (!t->free_head)
		return NULL;
	slot = t->free_head - 1;
	h = zx_slot(t, slot);
	t->free_head = h->next_free;
	if (!t->free_head)
		t->free_tail = 0;

	/* xorshift32: 13 fresh bits for each handle value. */
	t->rng ^= t->rng << 13;
	t->rng ^= t->rng >> 17;
	t->rng ^= t->rng << 5;
	key = slot | (t->rng >> 19) << ZX_SLOT_BITS;
	h->value = ((key ^ t->mask) & ZX_KEY_MASK) << 2 | 3;
	h->obj = zx_object_get(obj);
	zx_object_handle_get(obj);
	h->rights = rights;
	t->count++;
	this_cpu_inc(zx_live_handles);
	return h;
}

/* Finish closing a handle taken out of the table: cancel its waits, put its reference. */
void zx_handle_drop(struct zx_process *proc, struct zx_object *obj, u32 value,
		    u32 rights)
{
	trace_zx_handle_close(proc->obj.koid, value, obj->koid, rights);
	zx_object_cancel(obj, proc->ht, value);
	zx_object_handle_put(obj);
	zx_object_put(obj);
}

/* Discard a handle held outside any table (one in flight in a message). */
void zx_handle_ref_release(struct zx_handle_ref *ref)
{
	zx_object_handle_put(ref->obj);
	zx_object_put(ref->obj);
}

void zx_handle_table_destroy(struct zx_process *proc)
{
	struct zx_handle_table *t = proc->ht;
	struct zx_handle *h;
	u32 slot;

	/*
	 * The process ended: none of its tasks can make a call any more, and
	 * once the table is dead nobody else can put a handle into it (as
	 * zx_process_start does), so the walk needs no lock.
	 */
	spin_lock(&t->lock);
	t->dead = true;
	spin_unlock(&t->lock);
	for (slot = 0; slot < t->nslots; slot++) {
		h = zx_slot(t, slot);
		if (h->obj) {
			this_cpu_dec(zx_live_handles);
			zx_handle_drop(proc, h->obj, h->value, h->rights);
		}
		h->obj = NULL;
	}
	for (slot = 0; slot < t->nslots; slot += ZX_CHUNK_SLOTS)
		kfree(t->chunks[slot / ZX_CHUNK_SLOTS]);
	t->nslots = 0;
}

/*
 * Find the handle @value and copy out its object and rights.  With @take the
 * handle is removed and its reference passes to @ref; otherwise @ref gets a
 * new reference.
 */
static int zx_handle_fetch(struct zx_process *proc, u32 value, bool take,
			   struct zx_handle_ref *ref)
{
	struct zx_handle_table *t = proc->ht;
	struct zx_handle *h;

	spin_lock(&t->lock);
	h = zx_handle_find(t, value);
	if (!h) {
		spin_unlock(&t->lock);
		return ZX_ERR_BAD_HANDLE;
	}
	ref->obj = h->obj;
	ref->rights = h->rights;
	if (take) {
		t->count--;
		this_cpu_dec(zx_live_handles);
		zx_slot_release(t, zx_value_slot(t, value));
	} else {
		zx_object_get(h->obj);
	}
	spin_unlock(&t->lock);
	return ZX_OK;
}

int zx_handle_lookup(struct zx_process *proc, u32 value,
		     struct zx_handle_ref *ref)
{
	return zx_handle_fetch(proc, value, false, ref);
}

/* Remove @value from the table; the caller finishes with zx_handle_drop(). */
int zx_handle_take(struct zx_process *proc, u32 value, struct zx_handle_ref *ref)
{
	return zx_handle_fetch(proc, value, true, ref);
}

/*
 * Look up @value and check it the way every Zircon call does:
 * BAD_HANDLE, then WRONG_TYPE (when @type is not 0), then ACCESS_DENIED.
 */
int zx_handle_get(struct zx_process *proc, u32 value, u32 type, u32 rights,
		  struct zx_handle_ref *ref)
{
	int status = zx_handle_lookup(proc, value, ref);

	if (status)
		return status;
	if (type && zx_object_type(ref->obj) != type)
		status = ZX_ERR_WRONG_TYPE;
	else if ((ref->rights & rights) != rights)
		status = ZX_ERR_ACCESS_DENIED;
	if (status)
		zx_object_put(ref->obj);
	return status;
}

/* Does @value still name a handle to @obj? */
bool zx_handle_names(struct zx_process *proc, u32 value, struct zx_object *obj)
{
	struct zx_handle_table *t = proc->ht;
	struct zx_handle *h;
	bool same;

	spin_lock(&t->lock);
	h = zx_handle_find(t, value);
	same = h && h->obj == obj;
	spin_unlock(&t->lock);
	return same;
}

/* Add a handle to @obj (taking a new reference) and return its value. */
int zx_handle_install(struct zx_process *proc, struct zx_object *obj,
		      u32 rights, u32 *value)
{
	struct zx_handle_table *t = proc->ht;
	struct zx_handle *h;
	int status;

	for (;;) {
		spin_lock(&t->lock);
		h = zx_slot_fill(t, obj, rights);
		if (h)
			break;
		spin_unlock(&t->lock);
		status = zx_table_grow(t);
		if (status)
			return status;
	}
	if (IS_ERR(h)) {
		spin_unlock(&t->lock);
		return PTR_ERR(h);
	}
	*value = h->value;
	spin_unlock(&t->lock);
	trace_zx_handle_create(proc->obj.koid, *value, obj->koid, rights);
	return ZX_OK;
}

int zx_handle_close(struct zx_process *proc, u32 value)
{
	struct zx_handle_ref ref;
	int status = zx_handle_take(proc, value, &ref);

	if (!status)
		zx_handle_drop(proc, ref.obj, value, ref.rights);
	return status;
}

/*
 * Write a new handle's value to the user pointer @uptr.  An unwritable
 * pointer gives ZX_ERR_INVALID_ARGS and the new handle is closed again, as
 * Zircon does.
 */
static int zx_handle_put_user(struct zx_process *proc, u32 value, u64 uptr)
{
	if (put_user(value, (u32 __user *)u64_to_user_ptr(uptr))) {
		zx_handle_close(proc, value);
		return ZX_ERR_INVALID_ARGS;
	}
	return ZX_OK;
}

int zx_handle_install_user(struct zx_process *proc, struct zx_object *obj,
			   u32 rights, u64 uptr)
{
	u32 value;
	int status;

	status = zx_handle_install(proc, obj, rights, &value);
	if (!status)
		status = zx_handle_put_user(proc, value, uptr);
	return status;
}

/* ZX_IOC_HANDLE_CLOSE carries the handle value as the ioctl argument. */
int zx_sys_handle_close(struct zx_process *proc, unsigned long arg)
{
	if (arg > U32_MAX)
		return ZX_ERR_INVALID_ARGS;
	if (!arg)
		return ZX_OK;
	return zx_handle_close(proc, arg);
}

/*
 * Zircon closes every valid handle of the array and reports BAD_HANDLE if
 * any entry (other than ZX_HANDLE_INVALID) was not a handle.
 */
int zx_sys_handle_close_many(struct zx_process *proc,
			     struct zx_ioc_handle_close_many *a)
{
	const u32 __user *handles = u64_to_user_ptr(a->handles);
	int status = ZX_OK;
	u64 i;

	if (a->count > ZX_MAX_SLOTS)
		return ZX_ERR_OUT_OF_RANGE;
	for (i = 0; i < a->count; i++) {
		u32 value;

		if (get_user(value, handles + i))
			return ZX_ERR_INVALID_ARGS;
		if (value && zx_handle_close(proc, value))
			status = ZX_ERR_BAD_HANDLE;
		cond_resched();
	}
	return status;
}

static int zx_new_rights(u32 have, u32 want, u32 *rights)
{
	if (want == ZX_RIGHT_SAME_RIGHTS) {
		*rights = have;
		return ZX_OK;
	}
	if (want & ~have)
		return ZX_ERR_INVALID_ARGS;
	*rights = want;
	return ZX_OK;
}

/* Lookup, checks and the new slot all under one hold of the table lock. */
int zx_sys_handle_duplicate(struct zx_process *proc, struct zx_ioc_handle_dup *a)
{
	struct zx_handle_table *t = proc->ht;
	struct zx_handle *h, *dup;
	struct zx_object *obj;
	u32 rights, value;
	int status;

	for (;;) {
		spin_lock(&t->lock);
		h = zx_handle_find(t, a->handle);
		if (!h) {
			status = ZX_ERR_BAD_HANDLE;
			goto unlock;
		}
		if (!(h->rights & ZX_RIGHT_DUPLICATE)) {
			status = ZX_ERR_ACCESS_DENIED;
			goto unlock;
		}
		status = zx_new_rights(h->rights, a->rights, &rights);
		if (status)
			goto unlock;
		obj = h->obj;
		dup = zx_slot_fill(t, obj, rights);
		if (dup)
			break;
		spin_unlock(&t->lock);
		status = zx_table_grow(t);
		if (status)
			return status;
	}
	if (IS_ERR(dup)) {
		status = PTR_ERR(dup);
		goto unlock;
	}
	value = dup->value;
	spin_unlock(&t->lock);

	trace_zx_handle_create(proc->obj.koid, value, obj->koid, rights);
	trace_zx_handle_duplicate(proc->obj.koid, a->handle, value, obj->koid, rights);
	return zx_handle_put_user(proc, value, a->out);

unlock:
	spin_unlock(&t->lock);
	return status;
}

/* The source handle is gone afterwards, even when the call fails. */
int zx_sys_handle_replace(struct zx_process *proc, struct zx_ioc_handle_dup *a)
{
	struct zx_handle_ref ref;
	u32 rights;
	int status;

	status = zx_handle_take(proc, a->handle, &ref);
	if (status)
		return status;
	status = zx_new_rights(ref.rights, a->rights, &rights);
	if (!status)
		status = zx_handle_install_user(proc, ref.obj, rights, a->out);
	zx_handle_drop(proc, ref.obj, a->handle, ref.rights);
	return status;
}
