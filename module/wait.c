// SPDX-License-Identifier: GPL-2.0
/*
 * zx_object_signal, zx_object_wait_one and zx_object_wait_many.
 *
 * A waiting thread puts one struct zx_observer per handle on the objects'
 * observer lists (see object.c) and sleeps interruptibly until one fires,
 * the absolute CLOCK_MONOTONIC deadline passes, or a handle it waits
 * through is closed (ZX_ERR_CANCELED).  After queueing it re-checks that
 * each handle is still in the table: a close that raced with the lookup has
 * then either cancelled the observer or is seen by that check.  A signal
 * interrupts the sleep with ZX_ERR_INTERNAL_INTR_RETRY, which the ioctl
 * layer turns into a restart; the deadline is absolute, so a restarted wait
 * keeps its end time.
 */

#include <linux/hrtimer.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/slab.h>
#include <linux/uaccess.h>

#include <linux/zircon.h>

#include "zircon.h"

enum { ZX_WAIT_PENDING, ZX_WAIT_FIRED, ZX_WAIT_CANCELED };

struct zx_waiter {
	struct task_struct *task;
	int state;			/* ZX_WAIT_*, written under an object lock */
};

struct zx_wait_entry {
	struct zx_observer ob;
	struct zx_waiter *waiter;
	struct zx_handle_ref ref;
};

static void zx_wait_notify(struct zx_observer *ob, u32 signals, bool canceled)
{
	struct zx_wait_entry *e = container_of(ob, struct zx_wait_entry, ob);
	struct zx_waiter *w = e->waiter;

	if (w->state != ZX_WAIT_CANCELED)
		WRITE_ONCE(w->state, canceled ? ZX_WAIT_CANCELED : ZX_WAIT_FIRED);
	wake_up_process(w->task);
}

/* Sleep until the waiter fires, the deadline passes or a signal arrives. */
static int zx_wait_sleep(struct zx_waiter *w, s64 deadline)
{
	ktime_t expires = ns_to_ktime(deadline);
	int status = ZX_OK;

	for (;;) {
		set_current_state(TASK_INTERRUPTIBLE);
		if (READ_ONCE(w->state) != ZX_WAIT_PENDING)
			break;
		if (deadline != ZX_TIME_INFINITE && ktime_get() >= expires) {
			status = ZX_ERR_TIMED_OUT;
			break;
		}
		if (signal_pending(current)) {
			status = ZX_ERR_INTERNAL_INTR_RETRY;
			break;
		}
		if (deadline == ZX_TIME_INFINITE)
			schedule();
		else
			schedule_hrtimeout(&expires, HRTIMER_MODE_ABS);
	}
	__set_current_state(TASK_RUNNING);
	return status;
}

/*
 * Queue every entry; returns true when one is already satisfied or its
 * handle was closed meanwhile (then w->state says which).
 */
static bool zx_wait_arm(struct zx_process *proc, struct zx_wait_entry *e,
			size_t n, struct zx_waiter *w)
{
	size_t i;

	for (i = 0; i < n; i++) {
		e[i].waiter = w;
		e[i].ob.notify = zx_wait_notify;
		e[i].ob.table = proc->ht;
		if (zx_object_add_observer(e[i].ref.obj, &e[i].ob) & e[i].ob.trigger)
			WRITE_ONCE(w->state, ZX_WAIT_FIRED);
	}
	for (i = 0; i < n; i++) {
		if (!zx_handle_names(proc, e[i].ob.value, e[i].ref.obj))
			WRITE_ONCE(w->state, ZX_WAIT_CANCELED);
	}
	return READ_ONCE(w->state) != ZX_WAIT_PENDING;
}

static int zx_wait(struct zx_process *proc, struct zx_wait_entry *e, size_t n,
		   s64 deadline)
{
	struct zx_waiter w = { .task = current, .state = ZX_WAIT_PENDING };
	int status = ZX_OK;
	size_t i;

	if (!zx_wait_arm(proc, e, n, &w))
		status = zx_wait_sleep(&w, deadline);
	for (i = 0; i < n; i++)
		zx_object_remove_observer(e[i].ref.obj, &e[i].ob);
	if (READ_ONCE(w.state) == ZX_WAIT_CANCELED)
		return ZX_ERR_CANCELED;
	if (READ_ONCE(w.state) == ZX_WAIT_FIRED)
		return ZX_OK;
	return status;
}

int zx_sys_object_signal(struct zx_process *proc, struct zx_ioc_signal *a)
{
	struct zx_handle_ref ref;
	int status;

	if (a->reserved)
		return ZX_ERR_INVALID_ARGS;
	status = zx_handle_get(proc, a->handle, 0, ZX_RIGHT_SIGNAL, &ref);
	if (status)
		return status;
	if ((a->set_mask | a->clear_mask) & ~ref.obj->ops->user_signals)
		status = ZX_ERR_INVALID_ARGS;
	else
		zx_object_update_signals(ref.obj, a->clear_mask, a->set_mask);
	zx_object_put(ref.obj);
	return status;
}

int zx_sys_object_wait_one(struct zx_process *proc, struct zx_ioc_wait_one *a)
{
	u32 __user *observed = u64_to_user_ptr(a->observed);
	struct zx_wait_entry e = {};
	int status;

	e.ob.value = a->handle;
	status = zx_handle_get(proc, a->handle, 0, ZX_RIGHT_WAIT, &e.ref);
	if (status)
		return status;
	e.ob.trigger = a->signals;
	status = zx_wait(proc, &e, 1, a->deadline);
	if (status != ZX_ERR_INTERNAL_INTR_RETRY && observed &&
	    put_user(zx_object_signals(e.ref.obj), observed))
		status = ZX_ERR_INVALID_ARGS;
	zx_object_put(e.ref.obj);
	return status;
}

int zx_sys_object_wait_many(struct zx_process *proc, struct zx_ioc_wait_many *a)
{
	struct zx_ioc_wait_item __user *uitems = u64_to_user_ptr(a->items);
	struct zx_ioc_wait_item items[ZX_WAIT_MANY_MAX_ITEMS];
	struct zx_wait_entry *e;
	size_t n = a->count, got = 0, i;
	int status = ZX_OK;

	if (n > ZX_WAIT_MANY_MAX_ITEMS)
		return ZX_ERR_OUT_OF_RANGE;
	if (n && copy_from_user(items, uitems, n * sizeof(items[0])))
		return ZX_ERR_INVALID_ARGS;
	if (!n) {
		struct zx_waiter w = { .task = current, .state = ZX_WAIT_PENDING };

		return zx_wait_sleep(&w, a->deadline);
	}
	e = kcalloc(n, sizeof(*e), GFP_KERNEL);
	if (!e)
		return ZX_ERR_NO_MEMORY;
	for (got = 0; got < n; got++) {
		e[got].ob.value = items[got].handle;
		e[got].ob.trigger = items[got].waitfor;
		status = zx_handle_get(proc, items[got].handle, 0, ZX_RIGHT_WAIT,
				       &e[got].ref);
		if (status)
			goto out;
	}
	status = zx_wait(proc, e, n, a->deadline);
	if (status == ZX_ERR_INTERNAL_INTR_RETRY)
		goto out;
	for (i = 0; i < n; i++)
		items[i].pending = zx_object_signals(e[i].ref.obj);
	if (copy_to_user(uitems, items, n * sizeof(items[0])))
		status = ZX_ERR_INVALID_ARGS;
out:
	for (i = 0; i < got; i++)
		zx_object_put(e[i].ref.obj);
	kfree(e);
	return status;
}
