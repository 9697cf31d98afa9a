// SPDX-License-Identifier: GPL-2.0
/*
 * Channel messages: bytes and handles between a write and a read.
 *
 * A message is built from user memory by a write (zx_msg_build()), queued
 * on the peer endpoint under the pair lock (channel.c), and handed to a
 * reader (zx_msg_receive()).  Handles in a message are in flight: they
 * belong to no process, and they keep their object's reference and handle
 * count (channel endpoints count handles; a message that holds an endpoint
 * keeps it open).  Messages that can no longer be read (their endpoint
 * closed or destroyed) are freed by a work item, not in place: freeing
 * closes the handles inside, which may close more endpoints whose queues
 * are freed in turn, and doing that iteratively keeps the kernel stack
 * flat.  Like Zircon, the module does not collect cycles of endpoints that
 * hold each other in their queues.
 *
 * The fast path is a small message (at most ZX_MSG_SMALL bytes allocated):
 * each pair keeps the last small message freed as a spare for the next
 * one, taken and put back with xchg(), so a request and its reply reuse
 * one buffer instead of going through kmalloc and kfree each time.  Their
 * bytes cross with user memory in one user-access section (zx_copy_in()).
 *
 * Locking: a message being built or received belongs to its caller alone;
 * a queued one is under its pair's lock (channel.c); the spare is only
 * ever exchanged, never locked.
 */

#include <linux/llist.h>
#include <linux/slab.h>
#include <linux/uaccess.h>
#include <linux/workqueue.h>

#include <linux/zircon.h>

#include "channel.h"
#include "zircon.h"

/* Allocations up to this size (header included) go through the spare. */
#define ZX_MSG_SMALL	512

static LLIST_HEAD(zx_reap_list);
static void zx_reap_fn(struct work_struct *work);
static DECLARE_WORK(zx_reap_work, zx_reap_fn);

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
void zx_msg_free(struct zx_channel_pair *pair, struct zx_channel_msg *msg)
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
void zx_msg_reap_list(struct list_head *list)
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
int zx_msg_build(struct zx_process *proc, u32 self, struct zx_channel_pair *pair,
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
int zx_msg_receive(struct zx_process *proc, struct zx_channel_pair *pair,
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
int zx_put_sizes(u64 ubytes, u32 nbytes, u64 uhandles, u32 nhandles)
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

