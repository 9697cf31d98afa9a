// SPDX-License-Identifier: GPL-2.0
/*
 * Channels: pairs of endpoints that carry messages of bytes and handles.
 *
 * Each endpoint is an object with its own queue of messages to read.  The
 * two endpoints of a pair share one lock (struct zx_channel_pair), which
 * protects both queues, both peer pointers and the callers of
 * zx_channel_call.  An endpoint's peer pointer goes NULL when the peer's
 * last handle is gone (on_zero_handles); from then on the endpoint asserts
 * ZX_CHANNEL_PEER_CLOSED, drops ZX_CHANNEL_WRITABLE and never touches the
 * peer again, so no reference between the endpoints is needed.
 *
 * Handles in a message are in flight: they belong to no process, and they
 * keep their object's reference and handle count (channel endpoints count
 * handles; a message that holds an endpoint keeps it open).  Messages that
 * can no longer be read (their endpoint closed or destroyed) are freed by a
 * work item, not in place: freeing closes the handles inside, which may
 * close more endpoints whose queues are freed in turn, and doing that
 * iteratively keeps the kernel stack flat.  Like Zircon, the module does
 * not collect cycles of endpoints that hold each other in their queues.
 *
 * The fast path is a small message (at most ZX_MSG_SMALL bytes allocated):
 * each pair keeps the last small message freed as a spare for the next
 * one, taken and put back with xchg(), so a request and its reply reuse
 * one buffer instead of going through kmalloc and kfree each time.  Their
 * bytes cross with user memory in one user-access section (zx_copy_in()).
 *
 * Lock order: zx_channel_pair.lock, then zx_object.lock (signal updates).
 */

#include <linux/llist.h>
#include <linux/sched/signal.h>
#include <linux/slab.h>
#include <linux/uaccess.h>
#include <linux/workqueue.h>

#include <linux/zircon.h>

#include "zircon.h"
#include "trace.h"

struct zx_channel_pair {
	refcount_t ref;			/* one per endpoint */
	spinlock_t lock;
	u32 next_txid;			/* lock: zx_channel_call ids */
	struct zx_channel_msg *spare;	/* xchg(): a small message to reuse */
};

struct zx_channel_msg {
	union {
		struct list_head node;	/* pair lock: on a queue */
		struct llist_node reap;	/* on zx_reap_list */
	};
	u32 num_bytes;
	u32 num_handles;
	u32 capacity;			/* bytes allocated after the header */
	struct zx_handle_ref *handles;	/* in flight, num_handles of them */
	u8 bytes[];
};

/* Allocations up to this size (header included) go through the spare. */
#define ZX_MSG_SMALL	512

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

static LLIST_HEAD(zx_reap_list);
static void zx_reap_fn(struct work_struct *work);
static DECLARE_WORK(zx_reap_work, zx_reap_fn);

static struct zx_channel *to_channel(struct zx_object *obj)
{
	return container_of(obj, struct zx_channel, base);
}

/*
 * A message for @num_bytes bytes and up to @num_handles handles, none in it
 * yet.  @pair, if not NULL, is the pair whose spare may be used.
 */
static struct zx_channel_msg *zx_msg_alloc(struct zx_channel_pair *pair, u32 num_bytes,
					   u32 num_handles)
{
	size_t payload = ALIGN(num_bytes, 8) + num_handles * sizeof(struct zx_handle_ref);
	size_t size = sizeof(struct zx_channel_msg) + payload;
	struct zx_channel_msg *msg = NULL;

	if (size <= ZX_MSG_SMALL) {
		if (pair) {
			msg = xchg(&pair->spare, NULL);
			if (msg && msg->capacity >= payload)
				goto init;
			kfree(msg);
		}
		/* Whatever the slab rounds up to is usable by a later message. */
		size = kmalloc_size_roundup(size);
		msg = kmalloc(size, GFP_KERNEL_ACCOUNT);
	} else {
		msg = kvmalloc(size, GFP_KERNEL_ACCOUNT);
	}
	if (!msg)
		return NULL;
	msg->capacity = size - sizeof(*msg);
init:
	msg->handles = (void *)(msg->bytes + ALIGN(num_bytes, 8));
	msg->num_bytes = num_bytes;
	msg->num_handles = 0;
	return msg;
}

/*
 * Close the handles in @msg and free it, or keep it as @pair's spare (the
 * spare it replaces is freed).  @pair is NULL when the message may outlive
 * its pair (the reap list).
 */
static void zx_msg_free(struct zx_channel_pair *pair, struct zx_channel_msg *msg)
{
	u32 i;

	for (i = 0; i < msg->num_handles; i++)
		zx_handle_ref_release(&msg->handles[i]);
	if (pair && sizeof(*msg) + msg->capacity <= ZX_MSG_SMALL)
		msg = xchg(&pair->spare, msg);
	kvfree(msg);
}

static void zx_reap_fn(struct work_struct *work)
{
	struct zx_channel_msg *msg, *tmp;
	struct llist_node *list;

	while ((list = llist_del_all(&zx_reap_list))) {
		llist_for_each_entry_safe(msg, tmp, list, reap)
			zx_msg_free(NULL, msg);
		cond_resched();
	}
}

/* Free the messages on @list later, from the work item. */
static void zx_msg_reap_list(struct list_head *list)
{
	struct zx_channel_msg *msg, *tmp;
	bool any = false;

	list_for_each_entry_safe(msg, tmp, list, node) {
		list_del(&msg->node);
		llist_add(&msg->reap, &zx_reap_list);
		any = true;
	}
	if (any)
		schedule_work(&zx_reap_work);
}

/* Wait until every reaped message is freed (debugfs counts, unload). */
void zx_channel_flush(void)
{
	flush_work(&zx_reap_work);
}

void zx_channel_exit(void)
{
	flush_work(&zx_reap_work);
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

/*
 * Copy @n message bytes between user memory and a message; 0 or -EFAULT.
 * Small copies run word by word in one user-access section: for a 64-byte
 * message the out-of-line copy_from_user() with its hardened-usercopy
 * lookup of the slab object cost more than the bytes themselves.  The
 * bound that lookup would check is kept by the callers: a message is
 * allocated for num_bytes, and only num_bytes are copied.
 */
#define ZX_COPY_SMALL	256

#ifndef can_do_masked_user_access	/* before 6.12: always check and fence */
#define can_do_masked_user_access()	0
#define masked_user_access_begin(p)	NULL
#endif

static int zx_copy_in(void *dst, u64 uptr, u32 n)
{
	const void __user *src = u64_to_user_ptr(uptr);
	u8 *d = dst;

	if (n > ZX_COPY_SMALL)
		return copy_from_user(dst, src, n) ? -EFAULT : 0;
	if (can_do_masked_user_access())
		src = masked_user_access_begin(src);
	else if (!user_read_access_begin(src, n))
		return -EFAULT;
	for (; n >= sizeof(u64); n -= sizeof(u64), d += sizeof(u64), src += sizeof(u64))
		unsafe_get_user(*(u64 *)d, (const u64 __user *)src, fault);
	for (; n; n--, d++, src++)
		unsafe_get_user(*d, (const u8 __user *)src, fault);
	user_read_access_end();
	return 0;
fault:
	user_read_access_end();
	return -EFAULT;
}

static int zx_copy_out(u64 uptr, const void *src, u32 n)
{
	void __user *dst = u64_to_user_ptr(uptr);

	if (n > ZX_COPY_SMALL)
		return copy_to_user(dst, src, n) ? -EFAULT : 0;
	if (can_do_masked_user_access())
		dst = masked_user_access_begin(dst);
	else if (!user_write_access_begin(dst, n))
		return -EFAULT;
	unsafe_copy_to_user(dst, src, n, fault);
	user_write_access_end();
	return 0;
fault:
	user_write_access_end();
	return -EFAULT;
}

/*
 * Build a message from user memory, taking every handle listed out of the
 * caller's table.  Every listed handle is consumed even on failure, as
 * Zircon documents.  @self is the value of the channel written to; @pair,
 * if not NULL, its pair.
 */
static int zx_msg_build(struct zx_process *proc, u32 self, struct zx_channel_pair *pair,
			u64 ubytes, u32 num_bytes, u64 uhandles, u32 num_handles,
			struct zx_channel_msg **out)
{
	/* Only the first num_handles are used, each after it was copied in. */
	u32 values[ZX_CHANNEL_MAX_MSG_HANDLES] __uninitialized;
	struct zx_channel_msg *msg = NULL;
	struct zx_handle_ref ref;
	int status = ZX_OK, st;
	u32 i;

	if (num_handles > ZX_CHANNEL_MAX_MSG_HANDLES)
		return ZX_ERR_OUT_OF_RANGE;
	if (num_handles && copy_from_user(values, u64_to_user_ptr(uhandles),
					  num_handles * sizeof(u32)))
		return ZX_ERR_INVALID_ARGS;
	if (num_bytes > ZX_CHANNEL_MAX_MSG_BYTES) {
		status = ZX_ERR_OUT_OF_RANGE;
	} else {
		msg = zx_msg_alloc(pair, num_bytes, num_handles);
		if (!msg)
			status = ZX_ERR_NO_MEMORY;
	}

	for (i = 0; i < num_handles; i++) {
		st = zx_handle_take(proc, values[i], &ref);
		if (!st) {
			/* Waits through the handle end with it. */
			zx_object_cancel(ref.obj, proc->ht, values[i]);
			if (values[i] == self)
				st = ZX_ERR_NOT_SUPPORTED;
			else if (!(ref.rights & ZX_RIGHT_TRANSFER))
				st = ZX_ERR_ACCESS_DENIED;
			if (msg)
				msg->handles[msg->num_handles++] = ref;
			else
				zx_handle_ref_release(&ref);
		}
		if (st && !status)
			status = st;
	}
	if (!status && num_bytes && zx_copy_in(msg->bytes, ubytes, num_bytes))
		status = ZX_ERR_INVALID_ARGS;
	if (status) {
		if (msg)
			zx_msg_free(pair, msg);
		return status;
	}
	*out = msg;
	return ZX_OK;
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

/* zx_handle_info_t */
struct zx_handle_info {
	u32 handle;
	u32 type;
	u32 rights;
	u32 unused;
};

/*
 * Hand a dequeued message to the reader: bytes first, then the handles,
 * installed in the reader's table.  The message is consumed in every case.
 */
static int zx_msg_receive(struct zx_process *proc, struct zx_channel_pair *pair,
			  struct zx_channel_msg *msg, u64 ubytes, u64 uhandles, bool etc)
{
	/* Each entry is read only after it was installed. */
	u32 values[ZX_CHANNEL_MAX_MSG_HANDLES] __uninitialized;
	struct zx_handle_info info;
	int status = ZX_OK;
	u32 i, value;

	if (msg->num_bytes && zx_copy_out(ubytes, msg->bytes, msg->num_bytes))
		status = ZX_ERR_INVALID_ARGS;
	for (i = 0; i < msg->num_handles && !status; i++) {
		struct zx_handle_ref *ref = &msg->handles[i];

		status = zx_handle_install(proc, ref->obj, ref->rights, &value);
		if (status)
			break;
		values[i] = value;
		info = (struct zx_handle_info){ value, zx_object_type(ref->obj), ref->rights, 0 };
		if (etc ? copy_to_user(u64_to_user_ptr(uhandles) + i * sizeof(info), &info,
				       sizeof(info)) :
			  put_user(value, (u32 __user *)u64_to_user_ptr(uhandles) + i)) {
			status = ZX_ERR_INVALID_ARGS;
			i++;	/* values[i] was installed: undo it below */
			break;
		}
	}
	/* On failure undo what was installed, once each; the message's go too. */
	while (status && i--)
		zx_handle_close(proc, values[i]);
	zx_msg_free(pair, msg);
	return status;
}

/*
 * Write a read's actual sizes to @ubytes and @uhandles, either of which may
 * be 0.  Both are written in one user-access section: under emulation each
 * section costs about as much as the rest of a small read.
 */
static int zx_put_sizes(u64 ubytes, u32 nbytes, u64 uhandles, u32 nhandles)
{
	u32 __user *pb = u64_to_user_ptr(ubytes);
	u32 __user *ph = u64_to_user_ptr(uhandles);

	if (!pb || !ph) {
		if ((pb && put_user(nbytes, pb)) || (ph && put_user(nhandles, ph)))
			return ZX_ERR_INVALID_ARGS;
		return ZX_OK;
	}
	if (!access_ok(ph, sizeof(*ph)) || !user_write_access_begin(pb, sizeof(*pb)))
		return ZX_ERR_INVALID_ARGS;
	unsafe_put_user(nbytes, pb, fault);
	unsafe_put_user(nhandles, ph, fault);
	user_write_access_end();
	return ZX_OK;
fault:
	user_write_access_end();
	return ZX_ERR_INVALID_ARGS;
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
