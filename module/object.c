// SPDX-License-Identifier: GPL-2.0
/*
 * The base of every Zircon object: koid, reference count, signal word,
 * observers and name.
 *
 * A koid is taken from one 64-bit counter that starts at 1024 and never
 * wraps in practice, so koids are never reused.  The signal word, the
 * observer list and the name are protected by zx_object.lock, a spinlock
 * that leaves interrupts on: no object changes from a timer or an interrupt
 * handler, so it is never taken in interrupt context.  Observers are
 * notified under it (see zircon.h).  The last zx_object_put() calls the
 * type's destroy(), which must free the object.
 */

#include <linux/atomic.h>
#include <linux/minmax.h>
#include <linux/string.h>

#include "zircon.h"
#include "trace.h"

static atomic64_t zx_koid_counter = ATOMIC64_INIT(1023);
static atomic_t zx_live_objects = ATOMIC_INIT(0);

u64 zx_next_koid(void)
{
	return atomic64_inc_return(&zx_koid_counter);
}

void zx_object_init(struct zx_object *obj, const struct zx_object_ops *ops,
		    u32 signals)
{
	kref_init(&obj->ref);
	obj->ops = ops;
	obj->koid = zx_next_koid();
	atomic_set(&obj->handles, 0);
	spin_lock_init(&obj->lock);
	obj->signals = signals;
	INIT_LIST_HEAD(&obj->observers);
	memset(obj->name, 0, sizeof(obj->name));
	atomic_inc(&zx_live_objects);
	trace_zx_object_create(obj->koid, ops->type);
}

static void zx_object_release(struct kref *ref)
{
	struct zx_object *obj = container_of(ref, struct zx_object, ref);

	WARN_ON_ONCE(!list_empty(&obj->observers));
	trace_zx_object_destroy(obj->koid, obj->ops->type);
	atomic_dec(&zx_live_objects);
	obj->ops->destroy(obj);
}

void zx_object_put(struct zx_object *obj)
{
	kref_put(&obj->ref, zx_object_release);
}

int zx_objects_live(void)
{
	return atomic_read(&zx_live_objects);
}

/* Change the signal word and notify every observer that now triggers. */
void zx_object_update_signals(struct zx_object *obj, u32 clear, u32 set)
{
	struct zx_observer *ob, *tmp;
	u32 signals;

	spin_lock(&obj->lock);
	signals = (obj->signals & ~clear) | set;
	if (signals != obj->signals) {
		u32 rising = signals & ~obj->signals;

		obj->signals = signals;
		list_for_each_entry_safe(ob, tmp, &obj->observers, node) {
			if (ob->trigger & (ob->edge ? rising : signals)) {
				list_del_init(&ob->node);
				ob->notify(ob, signals, false);
			}
		}
	}
	spin_unlock(&obj->lock);
}

u32 zx_object_signals(struct zx_object *obj)
{
	u32 signals;

	spin_lock(&obj->lock);
	signals = obj->signals;
	spin_unlock(&obj->lock);
	return signals;
}

/*
 * Queue @ob unless its trigger is already satisfied (an edge observer is
 * always queued).  Returns the current signals; the caller tells the two
 * cases apart with (signals & trigger) and ob->edge.
 */
u32 zx_object_add_observer(struct zx_object *obj, struct zx_observer *ob)
{
	u32 signals;

	spin_lock(&obj->lock);
	signals = obj->signals;
	if ((signals & ob->trigger) && !ob->edge)
		INIT_LIST_HEAD(&ob->node);
	else
		list_add_tail(&ob->node, &obj->observers);
	spin_unlock(&obj->lock);
	return signals;
}

void zx_object_remove_observer(struct zx_object *obj, struct zx_observer *ob)
{

	spin_lock(&obj->lock);
	list_del_init(&ob->node);
	spin_unlock(&obj->lock);
}

/*
 * The handle @value of @table was closed: cancel every observer waiting
 * through it.  The unlocked emptiness test is safe: a waiter queues its
 * observer before it re-checks (under the table lock) that its handle still
 * exists, and the closer removed the handle under that lock before calling
 * here, so either the waiter sees the handle gone or its observer is
 * visible here.
 */
void zx_object_cancel(struct zx_object *obj, const void *table, u32 value)
{
	struct zx_observer *ob, *tmp;

	if (list_empty(&obj->observers))
		return;
	spin_lock(&obj->lock);
	list_for_each_entry_safe(ob, tmp, &obj->observers, node) {
		if (ob->table == table && ob->value == value) {
			list_del_init(&ob->node);
			ob->notify(ob, obj->signals, true);
		}
	}
	spin_unlock(&obj->lock);
}

void zx_object_get_name(struct zx_object *obj, char name[ZX_MAX_NAME_LEN])
{

	spin_lock(&obj->lock);
	memcpy(name, obj->name, ZX_MAX_NAME_LEN);
	spin_unlock(&obj->lock);
}

/* Store at most ZX_MAX_NAME_LEN - 1 bytes of @name, up to its first NUL. */
void zx_object_set_name(struct zx_object *obj, const char *name, size_t len)
{
	char buf[ZX_MAX_NAME_LEN] = {};

	len = min_t(size_t, len, ZX_MAX_NAME_LEN - 1);
	memcpy(buf, name, len);
	len = strnlen(buf, len);
	memset(buf + len, 0, sizeof(buf) - len);

	spin_lock(&obj->lock);
	memcpy(obj->name, buf, sizeof(buf));
	spin_unlock(&obj->lock);
}
