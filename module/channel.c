// SPDX-License-Identifier: GPL-2.0
/*
 * Channels: pairs of endpoints that carry messages of bytes and handles
 * (the messages themselves: channel_msg.c).
 *
 * Each endpoint is an object with its own queue of messages to read.  The
 * two endpoints of a pair share one lock (struct zx_channel_pair), which
 * protects both queues, both peer pointers and the callers of
 * zx_channel_call.  An endpoint's peer pointer goes NULL when the peer's
 * last handle is gone (on_zero_handles); from then on the endpoint asserts
 * ZX_CHANNEL_PEER_CLOSED, drops ZX_CHANNEL_WRITABLE and never touches the
 * peer again, so no reference between the endpoints is needed.  Unread
 * messages of a closed endpoint go to the reap list (channel_msg.c).
 *
 * Lock order: zx_channel_pair.lock, then zx_object.lock (signal updates).
 */

#include <linux/sched/signal.h>
#include <linux/slab.h>

#include <linux/zircon.h>

#include "channel.h"
#include "zircon.h"
#include "trace.h"

/* A zx_channel_call waiting for its reply. */
struct zx_channel_caller {
	struct list_head node;		/* pair lock: on the endpoint's callers */
	u32 txid;
	struct zx_channel_msg *reply;	/* pair lock */
	struct task_struct *task;
};

struct zx_channel {
	struct zx_object base;
	struct zx_channel_pair *pair;	/* immutable */
	struct zx_channel *peer;	/* pair lock; NULL once the peer closed */
	u64 peer_koid;			/* immutable */
	struct list_head queue;		/* pair lock: messages to read here */
	struct list_head callers;	/* pair lock: zx_channel_call waiters */
};

static const struct zx_object_ops zx_channel_ops;

static struct zx_channel *to_channel(struct zx_object *obj)
{
	return container_of(obj, struct zx_channel, base);
}

/*
 * @ch is closed for good: tell its peer and drop its unread messages.  Runs
 * when its last handle goes, or at destruction if it never had one; a
 * second call finds nothing left to do.
 */
static void zx_channel_detach(struct zx_channel *ch)
{
	struct zx_channel_caller *c;
	struct zx_channel *peer;
	LIST_HEAD(dead);

	spin_lock(&ch->pair->lock);
	peer = ch->peer;
	ch->peer = NULL;
	/* Callers blocked on this end: their handle is gone (CANCELED). */
	list_for_each_entry(c, &ch->callers, node)
		wake_up_process(c->task);
	if (peer) {
		peer->peer = NULL;
		zx_object_update_signals(&peer->base, ZX_CHANNEL_WRITABLE,
					 ZX_CHANNEL_PEER_CLOSED);
		/* Callers blocked on the other end wake to PEER_CLOSED. */
		list_for_each_entry(c, &peer->callers, node)
			wake_up_process(c->task);
	}
	list_splice_init(&ch->queue, &dead);
	spin_unlock(&ch->pair->lock);
	zx_msg_reap_list(&dead);
}

static void zx_channel_on_zero_handles(struct zx_object *obj)
{
	zx_channel_detach(to_channel(obj));
}

static void zx_channel_destroy(struct zx_object *obj)
{
	struct zx_channel *ch = to_channel(obj);

	zx_channel_detach(ch);
	if (refcount_dec_and_test(&ch->pair->ref)) {
		kfree(ch->pair->spare);
		kfree(ch->pair);
	}
	kfree(ch);
}

static struct zx_channel *zx_channel_alloc(struct zx_channel_pair *pair)
{
	struct zx_channel *ch = kzalloc(sizeof(*ch), GFP_KERNEL_ACCOUNT);

	if (!ch)
		return NULL;
	ch->pair = pair;
	INIT_LIST_HEAD(&ch->queue);
	INIT_LIST_HEAD(&ch->callers);
	zx_object_init(&ch->base, &zx_channel_ops, ZX_CHANNEL_WRITABLE);
	return ch;
}

int zx_sys_channel_create(struct zx_process *proc, struct zx_ioc_channel_create *a)
{
	struct zx_channel_pair *pair;
	struct zx_channel *c0, *c1;
	u32 h0 = 0, h1 = 0;
	int status;

	status = zx_process_check_policy(proc, ZX_POL_NEW_CHANNEL);
	if (status)
		return status;
	if (a->options)
		return ZX_ERR_INVALID_ARGS;
	pair = kzalloc(sizeof(*pair), GFP_KERNEL_ACCOUNT);
	if (!pair)
		return ZX_ERR_NO_MEMORY;
	spin_lock_init(&pair->lock);
	refcount_set(&pair->ref, 2);
	pair->next_txid = 1;
	c0 = zx_channel_alloc(pair);
	c1 = zx_channel_alloc(pair);
	if (!c0 || !c1) {
		kfree(c0);
		kfree(c1);
		kfree(pair);
		return ZX_ERR_NO_MEMORY;
	}
	c0->peer = c1;
	c1->peer = c0;
	c0->peer_koid = c1->base.koid;
	c1->peer_koid = c0->base.koid;

	status = zx_handle_install(proc, &c0->base, ZX_DEFAULT_CHANNEL_RIGHTS, &h0);
	if (!status)
		status = zx_handle_install(proc, &c1->base, ZX_DEFAULT_CHANNEL_RIGHTS, &h1);
	if (!status && (put_user(h0, (u32 __user *)u64_to_user_ptr(a->out0)) ||
			put_user(h1, (u32 __user *)u64_to_user_ptr(a->out1))))
		status = ZX_ERR_INVALID_ARGS;
	if (status) {
		if (h0)
			zx_handle_close(proc, h0);
		if (h1)
			zx_handle_close(proc, h1);
	}
	zx_object_put(&c0->base);
	zx_object_put(&c1->base);
	return status;
}

/* Queue @msg for the peer of @ch; the pair lock is held. */
static int zx_channel_deliver(struct zx_channel *ch, struct zx_channel_msg *msg)
{
	struct zx_channel *peer = ch->peer;
	struct zx_channel_caller *c;
	u32 txid;

	if (!peer)
		return ZX_ERR_PEER_CLOSED;
	/* A reply to a zx_channel_call goes straight to its caller. */
	if (msg->num_bytes >= sizeof(txid) && !list_empty(&peer->callers)) {
		memcpy(&txid, msg->bytes, sizeof(txid));
		list_for_each_entry(c, &peer->callers, node) {
			if (c->txid == txid && !c->reply) {
				c->reply = msg;
				wake_up_process(c->task);
				return ZX_OK;
			}
		}
	}
	list_add_tail(&msg->node, &peer->queue);
	zx_object_update_signals(&peer->base, 0, ZX_CHANNEL_READABLE);
	return ZX_OK;
}

int zx_sys_channel_write(struct zx_process *proc, struct zx_channel_args *a)
{
	struct zx_channel_msg *msg = NULL;
	struct zx_handle_ref ref = {};
	struct zx_channel *ch = NULL;
	int status, st;

	status = zx_handle_get(proc, a->handle, ZX_OBJ_TYPE_CHANNEL, ZX_RIGHT_WRITE, &ref);
	if (status)
		ref.obj = NULL;
	else
		ch = to_channel(ref.obj);
	if (!status && a->options)
		status = ZX_ERR_INVALID_ARGS;
	/* The listed handles are consumed whatever happened so far. */
	st = zx_msg_build(proc, a->handle, ch ? ch->pair : NULL, a->bytes, a->num_bytes,
			  a->handles, a->num_handles, &msg);
	if (!status)
		status = st;
	else if (!st)
		zx_msg_free(ch ? ch->pair : NULL, msg);
	if (!status) {
		trace_zx_channel_write(ch->base.koid, msg->num_bytes, msg->num_handles);
		spin_lock(&ch->pair->lock);
		status = zx_channel_deliver(ch, msg);
		spin_unlock(&ch->pair->lock);
		if (status)
			zx_msg_free(ch->pair, msg);
	}
	if (ref.obj)
		zx_object_put(ref.obj);
	return status;
}

int zx_sys_channel_read(struct zx_process *proc, struct zx_channel_args *a, bool etc)
{
	struct zx_channel_msg *msg;
	struct zx_handle_ref ref;
	struct zx_channel *ch;
	u32 nbytes = 0, nhandles = 0;
	int status;

	status = zx_handle_get(proc, a->handle, ZX_OBJ_TYPE_CHANNEL, ZX_RIGHT_READ, &ref);
	if (status)
		return status;
	if (a->options & ~ZX_CHANNEL_READ_MAY_DISCARD) {
		status = ZX_ERR_INVALID_ARGS;
		goto out;
	}
	ch = to_channel(ref.obj);
	spin_lock(&ch->pair->lock);
	msg = list_first_entry_or_null(&ch->queue, struct zx_channel_msg, node);
	if (!msg) {
		status = ch->peer ? ZX_ERR_SHOULD_WAIT : ZX_ERR_PEER_CLOSED;
	} else {
		nbytes = msg->num_bytes;
		nhandles = msg->num_handles;
		if (nbytes > a->num_bytes || nhandles > a->num_handles)
			status = ZX_ERR_BUFFER_TOO_SMALL;
		if (!status || (a->options & ZX_CHANNEL_READ_MAY_DISCARD)) {
			list_del(&msg->node);
			if (list_empty(&ch->queue))
				zx_object_update_signals(&ch->base, ZX_CHANNEL_READABLE, 0);
		} else {
			msg = NULL;
		}
	}
	spin_unlock(&ch->pair->lock);

	if (msg && status)
		zx_msg_free(ch->pair, msg);	/* discarded */
	else if (msg)
		status = zx_msg_receive(proc, ch->pair, msg, a->bytes, a->handles, etc);
	if (status == ZX_OK || status == ZX_ERR_BUFFER_TOO_SMALL) {
		if (zx_put_sizes(a->actual_bytes, nbytes, a->actual_handles, nhandles))
			status = ZX_ERR_INVALID_ARGS;
	}
	if (!status)
		trace_zx_channel_read(ch->base.koid, nbytes, nhandles);
out:
	zx_object_put(ref.obj);
	return status;
}

/*
 * zx_channel_call: write a message whose first four bytes the kernel sets
 * to a fresh transaction id, then wait for the reply that carries the same
 * id, which bypasses the queue.
 */
int zx_sys_channel_call(struct zx_process *proc, struct zx_ioc_channel_call *a)
{
	struct zx_channel_caller caller = { .task = current };
	ktime_t expires = ns_to_ktime(a->deadline);
	struct zx_channel_msg *msg = NULL, *reply;
	struct zx_handle_ref ref = {};
	struct zx_channel *ch = NULL;
	int status, st;

	status = zx_handle_get(proc, a->handle, ZX_OBJ_TYPE_CHANNEL,
			       ZX_RIGHT_READ | ZX_RIGHT_WRITE, &ref);
	if (status)
		ref.obj = NULL;
	else
		ch = to_channel(ref.obj);
	if (!status && (a->options || a->wr_num_bytes < sizeof(u32)))
		status = ZX_ERR_INVALID_ARGS;
	st = zx_msg_build(proc, a->handle, ch ? ch->pair : NULL, a->wr_bytes, a->wr_num_bytes,
			  a->wr_handles, a->wr_num_handles, &msg);
	if (!status)
		status = st;
	else if (!st)
		zx_msg_free(ch ? ch->pair : NULL, msg);
	if (status)
		goto out;

	spin_lock(&ch->pair->lock);
	/* Zircon's kernel-made ids have the top bit set. */
	caller.txid = 0x80000000u | ch->pair->next_txid++;
	memcpy(msg->bytes, &caller.txid, sizeof(caller.txid));
	status = zx_channel_deliver(ch, msg);
	if (!status)
		list_add_tail(&caller.node, &ch->callers);
	spin_unlock(&ch->pair->lock);
	if (status) {
		zx_msg_free(ch->pair, msg);
		goto out;
	}

	/*
	 * Killable, not interruptible: a call cannot be restarted without
	 * sending its message twice, so only a fatal signal ends the wait.
	 */
	for (;;) {
		set_current_state(TASK_KILLABLE);
		spin_lock(&ch->pair->lock);
		reply = caller.reply;
		if (reply || !ch->peer) {
			list_del(&caller.node);
			spin_unlock(&ch->pair->lock);
			if (reply)
				status = ZX_OK;
			else if (zx_handle_names(proc, a->handle, ref.obj))
				status = ZX_ERR_PEER_CLOSED;
			else
				status = ZX_ERR_CANCELED;	/* our handle was closed */
			break;
		}
		spin_unlock(&ch->pair->lock);
		if (a->deadline != ZX_TIME_INFINITE && ktime_get() >= expires)
			status = ZX_ERR_TIMED_OUT;
		else if (fatal_signal_pending(current))
			status = ZX_ERR_CANCELED;
		if (status) {
			spin_lock(&ch->pair->lock);
			list_del(&caller.node);
			reply = caller.reply;
			spin_unlock(&ch->pair->lock);
			if (reply)
				status = ZX_OK;	/* it came after all */
			break;
		}
		if (a->deadline == ZX_TIME_INFINITE)
			schedule();
		else
			schedule_hrtimeout(&expires, HRTIMER_MODE_ABS);
	}
	__set_current_state(TASK_RUNNING);
	if (status)
		goto out;

	if (reply->num_bytes > a->rd_num_bytes || reply->num_handles > a->rd_num_handles) {
		zx_put_sizes(a->actual_bytes, reply->num_bytes, a->actual_handles,
			     reply->num_handles);
		zx_msg_free(ch->pair, reply);
		status = ZX_ERR_BUFFER_TOO_SMALL;
		goto out;
	}
	if (zx_put_sizes(a->actual_bytes, reply->num_bytes, a->actual_handles,
			 reply->num_handles)) {
		zx_msg_free(ch->pair, reply);
		status = ZX_ERR_INVALID_ARGS;
		goto out;
	}
	status = zx_msg_receive(proc, ch->pair, reply, a->rd_bytes, a->rd_handles, false);
out:
	if (ref.obj)
		zx_object_put(ref.obj);
	return status;
}

static u64 zx_channel_related_koid(struct zx_object *obj)
{
	return to_channel(obj)->peer_koid;
}

static const struct zx_object_ops zx_channel_ops = {
	.type = ZX_OBJ_TYPE_CHANNEL,
	.related_koid = zx_channel_related_koid,
	.user_signals = ZX_USER_SIGNAL_ALL,
	.destroy = zx_channel_destroy,
	.on_zero_handles = zx_channel_on_zero_handles,
};
