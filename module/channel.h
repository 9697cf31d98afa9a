/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What channel.c (endpoints) and channel_msg.c (messages) share.
 */
#ifndef ZX_CHANNEL_H
#define ZX_CHANNEL_H

#include <linux/list.h>
#include <linux/llist.h>
#include <linux/refcount.h>
#include <linux/spinlock.h>
#include <linux/types.h>

#include "zircon.h"

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

int zx_msg_build(struct zx_process *proc, u32 self, struct zx_channel_pair *pair,
		 u64 ubytes, u32 num_bytes, u64 uhandles, u32 num_handles,
		 struct zx_channel_msg **out);
int zx_msg_receive(struct zx_process *proc, struct zx_channel_pair *pair,
		   struct zx_channel_msg *msg, u64 ubytes, u64 uhandles, bool etc);
int zx_put_sizes(u64 ubytes, u32 nbytes, u64 uhandles, u32 nhandles);
void zx_msg_free(struct zx_channel_pair *pair, struct zx_channel_msg *msg);
void zx_msg_reap_list(struct list_head *list);

#endif /* ZX_CHANNEL_H */
