// SPDX-License-Identifier: GPL-2.0
/*
 * Handles and per-process handle tables.
 *
 * A handle table is an xarray of struct zx_handle indexed by a small slot
 * number.  The value user space sees packs the slot with eight random bits
 * and scrambles the result with a per-table random mask:
 *
 *	key   = slot | random8 << ZX_SLOT_BITS		(29 bits)
 *	value = (key ^ mask) << 2 | 3
 *
 * so every valid value has its two low bits set and bit 31 clear (as Zircon
 * and Magenta promise), is never 0, and neither the next value nor a reused
 * slot can be predicted from earlier ones.  A lookup decodes the slot and
 * then compares the whole value, so a stale value almost never aliases a new
 * handle in a reused slot.
 *
 * Locking: the xarray's own xa_lock protects the slots, "next" and "count".
 * A lookup takes a reference on the object under xa_lock, so the object
 * stays alive after the handle is closed by another thread.  Handles and
 * xarray nodes are charged to the caller's memory cgroup.
 */

#include <linux/moduleparam.h>
#include <linux/random.h>
#include <linux/slab.h>
#include <linux/uaccess.h>

#include <linux/zircon.h>

#include "zircon.h"
#include "trace.h"

#define ZX_SLOT_BITS	21
#define ZX_SLOT_MAX	(BIT(ZX_SLOT_BITS) - 1)
#define ZX_KEY_MASK	(BIT(29) - 1)

struct zx_handle {
	struct zx_object *obj;		/* immutable: one reference */
	u32 rights;			/* immutable */
	u32 value;			/* immutable once published */
};

unsigned int zx_max_handles = 65536;
module_param_named(max_handles, zx_max_handles, uint, 0644);
MODULE_PARM_DESC(max_handles, "Most handles one Zircon process may hold (default 65536)");

static struct kmem_cache *zx_handle_cache;
static atomic_t zx_live_handles = ATOMIC_INIT(0);

int zx_handle_cache_init(void)
{
	zx_handle_cache = KMEM_CACHE(zx_handle, SLAB_ACCOUNT);
	return zx_handle_cache ? 0 : -ENOMEM;
}

void zx_handle_cache_exit(void)
{
	kmem_cache_destroy(zx_handle_cache);
}

int zx_handles_live(void)
{
	return atomic_read(&zx_live_handles);
}

int zx_handle_table_init(struct zx_handle_table *t)
{
	xa_init_flags(&t->xa, XA_FLAGS_ALLOC1 | XA_FLAGS_ACCOUNT);
	t->next = 1;
	t->count = 0;
	t->mask = get_random_u32() & ZX_KEY_MASK;
	return 0;
}

static u32 zx_slot_of(struct zx_handle_table *t, u32 value)
{
	return ((value >> 2) ^ t->mask) & ZX_SLOT_MAX;
}

/* Caller holds xa_lock.  Returns the handle named by @value, or NULL. */
static struct zx_handle *zx_handle_find(struct zx_handle_table *t, u32 value)
{
	struct zx_handle *h;

	if ((value & 3) != 3)
		return NULL;
	h = xa_load(&t->xa, zx_slot_of(t, value));
	if (!h || h->value != value)
		return NULL;
	return h;
}

static void zx_handle_free(struct zx_process *proc, struct zx_handle *h)
{
	trace_zx_handle_close(proc->koid, h->value, h->obj->koid, h->rights);
	zx_object_cancel(h->obj, h);
	zx_object_put(h->obj);
	kmem_cache_free(zx_handle_cache, h);
	atomic_dec(&zx_live_handles);
}

void zx_handle_table_destroy(struct zx_process *proc)
{
	struct zx_handle_table *t = &proc->table;
	struct zx_handle *h;
	unsigned long slot;

	xa_for_each(&t->xa, slot, h) {
		xa_erase(&t->xa, slot);
		zx_handle_free(proc, h);
	}
	xa_destroy(&t->xa);
}

int zx_handle_lookup(struct zx_process *proc, u32 value,
		     struct zx_handle_ref *ref)
{
	struct zx_handle_table *t = &proc->table;
	struct zx_handle *h;

	xa_lock(&t->xa);
	h = zx_handle_find(t, value);
	if (!h) {
		xa_unlock(&t->xa);
		return ZX_ERR_BAD_HANDLE;
	}
	ref->obj = zx_object_get(h->obj);
	ref->rights = h->rights;
	ref->cookie = h;
	xa_unlock(&t->xa);
	return ZX_OK;
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

/* Is @value still the handle identified by @cookie? */
bool zx_handle_is(struct zx_process *proc, u32 value, const void *cookie)
{
	struct zx_handle_table *t = &proc->table;
	bool same;

	xa_lock(&t->xa);
	same = zx_handle_find(t, value) == cookie;
	xa_unlock(&t->xa);
	return same;
}

/* Add a handle to @obj (taking a new reference) and return its value. */
int zx_handle_install(struct zx_process *proc, struct zx_object *obj,
		      u32 rights, u32 *value)
{
	struct zx_handle_table *t = &proc->table;
	struct zx_handle *h;
	u32 slot, key;
	int ret;

	h = kmem_cache_alloc(zx_handle_cache, GFP_KERNEL_ACCOUNT);
	if (!h)
		return ZX_ERR_NO_MEMORY;
	h->obj = obj;
	h->rights = rights;

	xa_lock(&t->xa);
	if (t->count >= READ_ONCE(zx_max_handles)) {
		xa_unlock(&t->xa);
		kmem_cache_free(zx_handle_cache, h);
		return ZX_ERR_NO_RESOURCES;
	}
	ret = __xa_alloc_cyclic(&t->xa, &slot, h, XA_LIMIT(1, ZX_SLOT_MAX),
				&t->next, GFP_KERNEL_ACCOUNT);
	if (ret < 0) {
		xa_unlock(&t->xa);
		kmem_cache_free(zx_handle_cache, h);
		return ret == -EBUSY ? ZX_ERR_NO_RESOURCES : ZX_ERR_NO_MEMORY;
	}
	/* Lookups take xa_lock, so they cannot see h before its value is set. */
	key = slot | (get_random_u32() & 0xff) << ZX_SLOT_BITS;
	h->value = ((key ^ t->mask) & ZX_KEY_MASK) << 2 | 3;
	t->count++;
	zx_object_get(obj);
	xa_unlock(&t->xa);

	atomic_inc(&zx_live_handles);
	*value = h->value;
	trace_zx_handle_create(proc->koid, h->value, obj->koid, rights);
	return ZX_OK;
}

/* Remove the handle @value from the table; the caller frees it. */
static struct zx_handle *zx_handle_take(struct zx_process *proc, u32 value)
{
	struct zx_handle_table *t = &proc->table;
	struct zx_handle *h;

	xa_lock(&t->xa);
	h = zx_handle_find(t, value);
	if (h) {
		__xa_erase(&t->xa, zx_slot_of(t, value));
		t->count--;
	}
	xa_unlock(&t->xa);
	return h;
}

int zx_handle_close(struct zx_process *proc, u32 value)
{
	struct zx_handle *h = zx_handle_take(proc, value);

	if (!h)
		return ZX_ERR_BAD_HANDLE;
	zx_handle_free(proc, h);
	return ZX_OK;
}

/*
 * Install a handle and write its value to the user pointer @uptr.  An
 * unwritable pointer gives ZX_ERR_INVALID_ARGS and the new handle is closed
 * again, as Zircon does.
 */
int zx_handle_install_user(struct zx_process *proc, struct zx_object *obj,
			   u32 rights, u64 uptr)
{
	u32 __user *out = u64_to_user_ptr(uptr);
	u32 value;
	int status;

	status = zx_handle_install(proc, obj, rights, &value);
	if (status)
		return status;
	if (put_user(value, out)) {
		zx_handle_close(proc, value);
		return ZX_ERR_INVALID_ARGS;
	}
	return ZX_OK;
}

int zx_sys_handle_close(struct zx_process *proc, struct zx_ioc_handle *a)
{
	if (a->reserved)
		return ZX_ERR_INVALID_ARGS;
	if (!a->handle)
		return ZX_OK;
	return zx_handle_close(proc, a->handle);
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

	if (a->count > zx_max_handles)
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

int zx_sys_handle_duplicate(struct zx_process *proc, struct zx_ioc_handle_dup *a)
{
	struct zx_handle_ref ref;
	u32 rights, value;
	int status;

	status = zx_handle_lookup(proc, a->handle, &ref);
	if (status)
		return status;
	if (!(ref.rights & ZX_RIGHT_DUPLICATE)) {
		status = ZX_ERR_ACCESS_DENIED;
		goto out;
	}
	status = zx_new_rights(ref.rights, a->rights, &rights);
	if (status)
		goto out;
	status = zx_handle_install(proc, ref.obj, rights, &value);
	if (status)
		goto out;
	trace_zx_handle_duplicate(proc->koid, a->handle, value, ref.obj->koid, rights);
	if (put_user(value, (u32 __user *)u64_to_user_ptr(a->out))) {
		zx_handle_close(proc, value);
		status = ZX_ERR_INVALID_ARGS;
	}
out:
	zx_object_put(ref.obj);
	return status;
}

/* The source handle is gone afterwards, even when the call fails. */
int zx_sys_handle_replace(struct zx_process *proc, struct zx_ioc_handle_dup *a)
{
	struct zx_handle *h;
	u32 rights;
	int status;

	h = zx_handle_take(proc, a->handle);
	if (!h)
		return ZX_ERR_BAD_HANDLE;
	status = zx_new_rights(h->rights, a->rights, &rights);
	if (!status)
		status = zx_handle_install_user(proc, h->obj, rights, a->out);
	zx_handle_free(proc, h);
	return status;
}
