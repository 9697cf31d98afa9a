// SPDX-License-Identifier: GPL-2.0
/*
 * Ports and asynchronous waits.
 *
 * A port is a queue of 48-byte packets (zx_port_packet_t).  User packets
 * come from zx_port_queue.  Signal packets come from zx_object_wait_async:
 * each async wait is a struct zx_port_entry that the port owns from start
 * to end.  It sits on the port's "armed" list and, through its embedded
 * observer, on the watched object's observer list.  When the trigger fires
 * the observer moves the entry to the port's queue; zx_port_wait hands it
 * out and frees it.
 *
 * An armed entry holds a reference on the watched object; nothing holds a
 * reference on the port but handles and running calls.  When the port
 * goes, zx_port_destroy detaches every armed entry: it unlinks the entry
 * from the port under the port lock, then from the object under the
 * object's lock.  An observer callback runs entirely under the object's
 * lock and touches the port only under the port lock (it wakes waiters
 * before unlocking), so once zx_port_destroy has held the port lock no
 * callback of a fired entry uses the port, and once it has taken and
 * released an armed entry's object lock none uses that entry.  zx_port_cancel and the close of the handle an
 * async wait was made through retire entries the same way.
 *
 * Lock order: zx_object.lock (of a watched object), then zx_port.lock, then
 * the port's wait-queue lock.  All are spinlocks never taken in interrupt
 * context (only the wait queue's own lock disables interrupts, as every
 * wait queue's does); nothing sleeps under them.
 */

#include <linux/hrtimer.h>
#include <linux/sched/signal.h>
#include <linux/slab.h>
#include <linux/uaccess.h>
#include <linux/wait.h>

#include <linux/zircon.h>

#include "zircon.h"

/* Most user packets a port holds, as in Zircon. */
#define ZX_PORT_MAX_USER_PACKETS	16384

enum zx_entry_state {
	ZX_ENTRY_USER,		/* a user packet on the queue */
	ZX_ENTRY_ARMED,		/* an async wait on port->armed and the object */
	ZX_ENTRY_QUEUED,	/* a fired async wait on port->queue */
	ZX_ENTRY_DETACHED,	/* being retired by its taker */
};

struct zx_port {
	struct zx_object base;
	spinlock_t lock;
	struct list_head queue;		/* lock: packets to deliver, in order */
	struct list_head armed;		/* lock: async waits not yet fired */
	u32 user_packets;		/* lock: user packets on the queue */
	wait_queue_head_t wq;		/* zx_port_wait sleepers */
};

struct zx_port_entry {
	struct list_head node;		/* port->lock: on queue or armed */
	enum zx_entry_state state;	/* port->lock */
	struct zx_ioc_packet pkt;
	/* Async waits only: */
	struct zx_observer ob;		/* object lock: on the object's list */
	struct zx_port *port;		/* the owner (no reference) */
	struct zx_object *obj;		/* holds a reference */
	u32 options;
};

static const struct zx_object_ops zx_port_ops;

static struct zx_port *to_port(struct zx_object *obj)
{
	return container_of(obj, struct zx_port, base);
}

static void zx_port_entry_free(struct zx_port_entry *e)
{
	if (e->obj)
		zx_object_put(e->obj);
	kfree(e);
}

/* Unlink retired (DETACHED) async waits from their objects and free them. */
static void zx_port_retire(struct list_head *list)
{
	struct zx_port_entry *e, *tmp;

	list_for_each_entry_safe(e, tmp, list, node) {
		list_del(&e->node);
		zx_object_remove_observer(e->obj, &e->ob);
		zx_port_entry_free(e);
	}
}

static void zx_port_destroy(struct zx_object *obj)
{
	struct zx_port *port = to_port(obj);
	struct zx_port_entry *e, *tmp;
	LIST_HEAD(armed);

	spin_lock(&port->lock);
	list_for_each_entry(e, &port->armed, node)
		e->state = ZX_ENTRY_DETACHED;
	list_splice_init(&port->armed, &armed);
	spin_unlock(&port->lock);
	zx_port_retire(&armed);

	/* No observer can reach the port now: free what is queued. */
	list_for_each_entry_safe(e, tmp, &port->queue, node)
		zx_port_entry_free(e);
	kfree(port);
}

/* Observer callback, under the watched object's lock. */
static void zx_port_notify(struct zx_observer *ob, u32 signals, bool canceled)
{
	struct zx_port_entry *e = container_of(ob, struct zx_port_entry, ob);
	struct zx_port *port = e->port;

	spin_lock(&port->lock);
	if (e->state != ZX_ENTRY_ARMED) {
		spin_unlock(&port->lock);
		return;
	}
	list_del(&e->node);
	if (canceled) {
		/* The handle waited through was closed: no packet.  Its
		 * closer still holds a reference, so this put cannot be the
		 * last.
		 */
		spin_unlock(&port->lock);
		zx_port_entry_free(e);
		return;
	}
	e->state = ZX_ENTRY_QUEUED;
	e->pkt.signal.observed = signals;
	e->pkt.signal.count = 1;
	if (e->options & ZX_WAIT_ASYNC_TIMESTAMP)
		e->pkt.signal.timestamp = ktime_get_ns();
	list_add_tail(&e->node, &port->queue);
	/*
	 * Wake under the port lock: the entry holds no reference on the port,
	 * and zx_port_destroy may free it as soon as the lock is dropped.
	 */
	wake_up(&port->wq);
	spin_unlock(&port->lock);
}

int zx_sys_port_create(struct zx_process *proc, struct zx_ioc_port_create *a)
{
	struct zx_port *port;
	int status;

	if (a->reserved)
		return ZX_ERR_INVALID_ARGS;
	status = zx_process_check_policy(proc, ZX_POL_NEW_PORT);
	if (status)
		return status;
	if (a->options)
		return ZX_ERR_INVALID_ARGS;
	port = kzalloc(sizeof(*port), GFP_KERNEL_ACCOUNT);
	if (!port)
		return ZX_ERR_NO_MEMORY;
	spin_lock_init(&port->lock);
	INIT_LIST_HEAD(&port->queue);
	INIT_LIST_HEAD(&port->armed);
	init_waitqueue_head(&port->wq);
	zx_object_init(&port->base, &zx_port_ops, 0);
	status = zx_handle_install_user(proc, &port->base, ZX_DEFAULT_PORT_RIGHTS, a->out);
	zx_object_put(&port->base);
	return status;
}

int zx_sys_port_queue(struct zx_process *proc, struct zx_ioc_port_queue *a)
{
	struct zx_port_entry *e;
	struct zx_handle_ref ref;
	struct zx_port *port;
	int status;

	if (a->reserved)
		return ZX_ERR_INVALID_ARGS;
	status = zx_handle_get(proc, a->handle, ZX_OBJ_TYPE_PORT, ZX_RIGHT_WRITE, &ref);
	if (status)
		return status;
	port = to_port(ref.obj);
	e = kzalloc(sizeof(*e), GFP_KERNEL_ACCOUNT);
	if (!e) {
		status = ZX_ERR_NO_MEMORY;
		goto out;
	}
	if (copy_from_user(&e->pkt, u64_to_user_ptr(a->packet), sizeof(e->pkt))) {
		kfree(e);
		status = ZX_ERR_INVALID_ARGS;
		goto out;
	}
	e->pkt.type = ZX_PKT_TYPE_USER;
	e->state = ZX_ENTRY_USER;
	spin_lock(&port->lock);
	if (port->user_packets >= ZX_PORT_MAX_USER_PACKETS) {
		status = ZX_ERR_SHOULD_WAIT;
	} else {
		port->user_packets++;
		list_add_tail(&e->node, &port->queue);
		e = NULL;
	}
	spin_unlock(&port->lock);
	kfree(e);
	if (!status)
		wake_up(&port->wq);
out:
	zx_object_put(ref.obj);
	return status;
}

/* Take the first packet, if any. */
static struct zx_port_entry *zx_port_pop(struct zx_port *port)
{
	struct zx_port_entry *e;

	spin_lock(&port->lock);
	e = list_first_entry_or_null(&port->queue, struct zx_port_entry, node);
	if (e) {
		list_del(&e->node);
		if (e->state == ZX_ENTRY_USER)
			port->user_packets--;
	}
	spin_unlock(&port->lock);
	return e;
}

int zx_sys_port_wait(struct zx_process *proc, struct zx_ioc_port_wait *a)
{
	ktime_t expires = ns_to_ktime(a->deadline);
	struct zx_port_entry *e = NULL;
	struct zx_handle_ref ref;
	struct zx_port *port;
	DEFINE_WAIT(wait);
	int status;

	status = zx_handle_get(proc, a->handle, ZX_OBJ_TYPE_PORT, ZX_RIGHT_READ, &ref);
	if (status)
		return status;
	port = to_port(ref.obj);
	for (;;) {
		prepare_to_wait(&port->wq, &wait, TASK_INTERRUPTIBLE);
		e = zx_port_pop(port);
		if (e)
			break;
		if (a->deadline != ZX_TIME_INFINITE && ktime_get() >= expires) {
			status = ZX_ERR_TIMED_OUT;
			break;
		}
		if (signal_pending(current)) {
			status = ZX_ERR_INTERNAL_INTR_RETRY;
			break;
		}
		if (a->deadline == ZX_TIME_INFINITE)
			schedule();
		else
			schedule_hrtimeout(&expires, HRTIMER_MODE_ABS);
	}
	finish_wait(&port->wq, &wait);
	if (e) {
		if (copy_to_user(u64_to_user_ptr(a->packet), &e->pkt, sizeof(e->pkt)))
			status = ZX_ERR_INVALID_ARGS;
		zx_port_entry_free(e);
	}
	zx_object_put(ref.obj);
	return status;
}

int zx_sys_object_wait_async(struct zx_process *proc, struct zx_ioc_wait_async *a)
{
	struct zx_handle_ref pref, oref;
	struct zx_port_entry *e;
	struct zx_port *port;
	u32 signals;
	int status;

	if (a->options & ~(ZX_WAIT_ASYNC_TIMESTAMP | ZX_WAIT_ASYNC_EDGE))
		return ZX_ERR_INVALID_ARGS;
	status = zx_handle_get(proc, a->port, ZX_OBJ_TYPE_PORT, ZX_RIGHT_WRITE, &pref);
	if (status)
		return status;
	status = zx_handle_get(proc, a->handle, 0, ZX_RIGHT_WAIT, &oref);
	if (status)
		goto put_port;
	port = to_port(pref.obj);
	e = kzalloc(sizeof(*e), GFP_KERNEL_ACCOUNT);
	if (!e) {
		status = ZX_ERR_NO_MEMORY;
		goto put_obj;
	}
	e->port = port;
	e->obj = zx_object_get(oref.obj);
	e->options = a->options;
	e->pkt.key = a->key;
	e->pkt.type = ZX_PKT_TYPE_SIGNAL_ONE;
	e->pkt.signal.trigger = a->signals;
	e->ob.trigger = a->signals;
	e->ob.edge = a->options & ZX_WAIT_ASYNC_EDGE;
	e->ob.table = proc->ht;
	e->ob.value = a->handle;
	e->ob.notify = zx_port_notify;

	spin_lock(&port->lock);
	e->state = ZX_ENTRY_ARMED;
	list_add_tail(&e->node, &port->armed);
	spin_unlock(&port->lock);

	signals = zx_object_add_observer(e->obj, &e->ob);
	if ((signals & e->ob.trigger) && !e->ob.edge) {
		/* Already satisfied: not queued on the object; fire now. */
		zx_port_notify(&e->ob, signals, false);
	} else if (!zx_handle_names(proc, a->handle, oref.obj)) {
		/*
		 * The handle was closed meanwhile: the wait is cancelled.  Our
		 * own reference (oref) keeps the object alive across the
		 * callback, which drops the entry's.
		 */
		zx_object_cancel(oref.obj, proc->ht, a->handle);
	}
	status = ZX_OK;
put_obj:
	zx_object_put(oref.obj);
put_port:
	zx_object_put(pref.obj);
	return status;
}

/*
 * Cancel the async waits of @key made through the handle @source, and drop
 * their packets if they already fired.
 */
int zx_sys_port_cancel(struct zx_process *proc, struct zx_ioc_port_cancel *a)
{
	struct zx_port_entry *e, *tmp;
	struct zx_handle_ref pref, sref;
	struct zx_port *port;
	LIST_HEAD(armed);
	LIST_HEAD(queued);
	int status;

	status = zx_handle_get(proc, a->handle, ZX_OBJ_TYPE_PORT, ZX_RIGHT_WRITE, &pref);
	if (status)
		return status;
	status = zx_handle_lookup(proc, a->source, &sref);
	if (status)
		goto out;
	port = to_port(pref.obj);

	spin_lock(&port->lock);
	list_for_each_entry_safe(e, tmp, &port->armed, node) {
		if (e->pkt.key == a->key && e->ob.table == proc->ht &&
		    e->ob.value == a->source) {
			e->state = ZX_ENTRY_DETACHED;
			list_move_tail(&e->node, &armed);
		}
	}
	list_for_each_entry_safe(e, tmp, &port->queue, node) {
		if (e->state == ZX_ENTRY_QUEUED && e->pkt.key == a->key &&
		    e->ob.table == proc->ht && e->ob.value == a->source)
			list_move_tail(&e->node, &queued);
	}
	spin_unlock(&port->lock);

	if (list_empty(&armed) && list_empty(&queued))
		status = ZX_ERR_NOT_FOUND;
	zx_port_retire(&armed);
	list_for_each_entry_safe(e, tmp, &queued, node)
		zx_port_entry_free(e);
	zx_object_put(sref.obj);
out:
	zx_object_put(pref.obj);
	return status;
}

static const struct zx_object_ops zx_port_ops = {
	.type = ZX_OBJ_TYPE_PORT,
	.destroy = zx_port_destroy,
};
