/* SPDX-License-Identifier: GPL-2.0 */
/*
 * zircon.ko internal interfaces.
 *
 * Object model
 * ------------
 * Every kernel object (job, event, ...) embeds a struct zx_object: a kref, a
 * koid (64-bit, never reused, first one 1024), a type (through its ops), a
 * signal word and a name.  Objects are reached from user space only through
 * handles; a handle (struct zx_handle) pins one reference of its object and
 * carries the rights of that handle.  Each Zircon process (struct
 * zx_process: today, each thread group that opened /dev/zircon) owns one
 * handle table.
 *
 * Signals and waits
 * -----------------
 * A waiter registers a struct zx_observer on the object.  Whenever the
 * signal word changes, every observer whose trigger mask intersects the new
 * signals is notified; closing the handle through which an observer was
 * registered cancels it.  Notification runs under the object's lock with
 * interrupts disabled, so notify callbacks must not sleep.
 *
 * Lock order (outermost first)
 * ----------------------------
 *   zx_job_lock (mutex, the whole job tree)
 *     zx_handle_table.lock (spinlock)
 *       zx_object.lock (spinlock, irq-safe)
 * No object's release function runs with any of these held.
 */
#ifndef _ZIRCON_H
#define _ZIRCON_H

#include <linux/kref.h>
#include <linux/list.h>
#include <linux/spinlock.h>
#include <linux/types.h>

#include "abi.h"

struct zx_object;
struct zx_process;

/* Reply buffers of zx_object_get_info. */
struct zx_info_args {
	void __user *buffer;
	size_t buffer_size;
	size_t actual;		/* out: records written */
	size_t avail;		/* out: records available */
};

struct zx_object_ops {
	u32 type;			/* ZX_OBJ_TYPE_* */
	u32 user_signals;		/* bits zx_object_signal may change */
	bool has_name;			/* ZX_PROP_NAME can be set */
	void (*destroy)(struct zx_object *obj);
	/* Optional: the last handle (in a table or in flight) is gone. */
	void (*on_zero_handles)(struct zx_object *obj);
	u64 (*related_koid)(struct zx_object *obj);
	/* Type-specific topics; returns ZX_ERR_NOT_SUPPORTED for others. */
	int (*get_info)(struct zx_object *obj, u32 rights, u32 topic,
			struct zx_info_args *args);
};

struct zx_object {
	struct kref ref;
	const struct zx_object_ops *ops;	/* immutable */
	u64 koid;				/* immutable */
	atomic_t handles;			/* handles, counted for types with
						 * on_zero_handles only
						 */
	spinlock_t lock;
	u32 signals;				/* lock */
	struct list_head observers;		/* lock */
	char name[ZX_MAX_NAME_LEN];		/* lock */
};

struct zx_observer {
	struct list_head node;		/* zx_object.lock */
	u32 trigger;			/* immutable while queued */
	bool edge;			/* fire only when a trigger bit goes 0 -> 1 */
	const void *table;		/* the handle waited through: its table */
	u32 value;			/* ... and its value there */
	/* Called under zx_object.lock; must not sleep. */
	void (*notify)(struct zx_observer *ob, u32 signals, bool canceled);
};

void zx_object_init(struct zx_object *obj, const struct zx_object_ops *ops,
		    u32 signals);
void zx_object_put(struct zx_object *obj);

static inline struct zx_object *zx_object_get(struct zx_object *obj)
{
	kref_get(&obj->ref);
	return obj;
}

/* A handle to @obj was made (installed, or created in flight). */
static inline void zx_object_handle_get(struct zx_object *obj)
{
	if (obj->ops->on_zero_handles)
		atomic_inc(&obj->handles);
}

/* A handle to @obj is gone; the caller must not hold spinlocks. */
static inline void zx_object_handle_put(struct zx_object *obj)
{
	if (obj->ops->on_zero_handles && atomic_dec_and_test(&obj->handles))
		obj->ops->on_zero_handles(obj);
}

static inline u32 zx_object_type(const struct zx_object *obj)
{
	return obj->ops->type;
}

void zx_object_update_signals(struct zx_object *obj, u32 clear, u32 set);
u32 zx_object_signals(struct zx_object *obj);
u32 zx_object_add_observer(struct zx_object *obj, struct zx_observer *ob);
void zx_object_remove_observer(struct zx_object *obj, struct zx_observer *ob);
void zx_object_cancel(struct zx_object *obj, const void *table, u32 value);
void zx_object_get_name(struct zx_object *obj, char name[ZX_MAX_NAME_LEN]);
void zx_object_set_name(struct zx_object *obj, const char *name, size_t len);
int zx_objects_live(void);

/* Handles and handle tables (handle.c) */
#define ZX_SLOT_BITS	16
#define ZX_MAX_SLOTS	BIT(ZX_SLOT_BITS)
#define ZX_CHUNK_SLOTS	256

struct zx_handle;

struct zx_handle_table {
	spinlock_t lock;
	u32 count;			/* lock: live handles */
	u32 nslots;			/* lock: slots in chunks[] */
	u32 free_head;			/* lock: slot + 1, or 0 when none is free */
	u32 free_tail;			/* lock: slot + 1, or 0 */
	u32 rng;			/* lock: random bits of new values */
	u32 mask;			/* immutable: per-table value scrambler */
	struct zx_handle *chunks[ZX_MAX_SLOTS / ZX_CHUNK_SLOTS];	/* lock */
};

/* A looked-up handle: a reference on the object plus the handle's rights. */
struct zx_handle_ref {
	struct zx_object *obj;
	u32 rights;
};

extern unsigned int zx_max_handles;

void zx_handle_table_init(struct zx_handle_table *t);
void zx_handle_table_destroy(struct zx_process *proc);
int zx_handle_lookup(struct zx_process *proc, u32 value,
		     struct zx_handle_ref *ref);
int zx_handle_get(struct zx_process *proc, u32 value, u32 type, u32 rights,
		  struct zx_handle_ref *ref);
bool zx_handle_names(struct zx_process *proc, u32 value, struct zx_object *obj);
int zx_handle_install(struct zx_process *proc, struct zx_object *obj,
		      u32 rights, u32 *value);
int zx_handle_install_user(struct zx_process *proc, struct zx_object *obj,
			   u32 rights, u64 uptr);
int zx_handle_close(struct zx_process *proc, u32 value);
int zx_handle_take(struct zx_process *proc, u32 value, struct zx_handle_ref *ref);
void zx_handle_ref_release(struct zx_handle_ref *ref);
void zx_handle_drop(struct zx_process *proc, struct zx_object *obj, u32 value,
		    u32 rights);
int zx_handles_live(void);

/* Zircon processes (process.c) */
struct zx_process {
	struct pid *tgid;		/* immutable: the bound thread group */
	struct zx_handle_table table;
	struct zx_job *job;		/* immutable: holds a reference */
	u8 policy[ZX_POL_MAX];		/* immutable: captured job policy */
	u32 default_job;		/* immutable: handle value */
	u64 koid;			/* immutable */
	struct zx_object *root_vmar;	/* set once (cmpxchg), holds a reference */
};

struct zx_process *zx_process_open(void);
void zx_process_release(struct zx_process *proc);
int zx_process_check_policy(struct zx_process *proc, u32 condition);

/* Jobs (job.c) */
struct zx_job;
extern struct zx_job *zx_root_job;

int zx_job_init(void);
void zx_job_exit(void);
struct zx_job *zx_job_create_child(struct zx_job *parent, int *status);
struct zx_object *zx_job_object(struct zx_job *job);
void zx_job_put(struct zx_job *job);
void zx_job_copy_policy(struct zx_job *job, u8 policy[ZX_POL_MAX]);

/*
 * A policy byte per condition: 0 is "default" (allow, may still be set);
 * otherwise ZX_POL_EXPLICIT | action, final.
 */
#define ZX_POL_EXPLICIT		0x80
#define ZX_POL_ACTION_BITS	0x07
u64 zx_next_koid(void);

/* ioctl handlers: each takes the copied-in argument block. */
struct zx_ioc_startup;
struct zx_ioc_root_job;
struct zx_ioc_handle;
struct zx_ioc_handle_close_many;
struct zx_ioc_handle_dup;
struct zx_ioc_get_info;
struct zx_ioc_property;
struct zx_ioc_signal;
struct zx_ioc_wait_one;
struct zx_ioc_wait_many;
struct zx_ioc_job_create;
struct zx_ioc_job_set_policy;
struct zx_ioc_event_create;
struct zx_ioc_vmo_create;
struct zx_ioc_vmo_rw;
struct zx_ioc_vmo_size;
struct zx_ioc_vmo_op_range;
struct zx_ioc_vmo_child;
struct zx_ioc_vmo_exec;
struct zx_ioc_port_create;
struct zx_ioc_port_queue;
struct zx_ioc_port_wait;
struct zx_ioc_port_cancel;
struct zx_ioc_wait_async;
struct zx_ioc_channel_create;
struct zx_ioc_channel_write;
struct zx_ioc_channel_read;
struct zx_ioc_channel_call;
struct zx_ioc_handle_fd;
struct zx_ioc_vmar_map;
struct zx_ioc_vmar_range;
struct zx_ioc_vmar_root;
struct zx_ioc_vmar_allocate;

int zx_sys_startup(struct zx_process *proc, struct zx_ioc_startup *a);
int zx_sys_root_job(struct zx_process *proc, struct zx_ioc_root_job *a);
int zx_sys_handle_close(struct zx_process *proc, unsigned long arg);
int zx_sys_handle_close_many(struct zx_process *proc,
			     struct zx_ioc_handle_close_many *a);
int zx_sys_handle_duplicate(struct zx_process *proc, struct zx_ioc_handle_dup *a);
int zx_sys_handle_replace(struct zx_process *proc, struct zx_ioc_handle_dup *a);
int zx_sys_object_get_info(struct zx_process *proc, struct zx_ioc_get_info *a);
int zx_sys_object_get_property(struct zx_process *proc, struct zx_ioc_property *a);
int zx_sys_object_set_property(struct zx_process *proc, struct zx_ioc_property *a);
int zx_sys_object_signal(struct zx_process *proc, struct zx_ioc_signal *a);
int zx_sys_object_wait_one(struct zx_process *proc, struct zx_ioc_wait_one *a);
int zx_sys_object_wait_many(struct zx_process *proc, struct zx_ioc_wait_many *a);
int zx_sys_job_create(struct zx_process *proc, struct zx_ioc_job_create *a);
int zx_sys_job_set_policy(struct zx_process *proc, struct zx_ioc_job_set_policy *a);
int zx_sys_task_kill(struct zx_process *proc, struct zx_ioc_handle *a);
int zx_sys_event_create(struct zx_process *proc, struct zx_ioc_event_create *a);
int zx_sys_vmo_create(struct zx_process *proc, struct zx_ioc_vmo_create *a);
int zx_sys_vmo_read(struct zx_process *proc, struct zx_ioc_vmo_rw *a);
int zx_sys_vmo_write(struct zx_process *proc, struct zx_ioc_vmo_rw *a);
int zx_sys_vmo_get_size(struct zx_process *proc, struct zx_ioc_vmo_size *a);
int zx_sys_vmo_set_size(struct zx_process *proc, struct zx_ioc_vmo_size *a);
int zx_sys_vmo_op_range(struct zx_process *proc, struct zx_ioc_vmo_op_range *a);
int zx_sys_vmo_create_child(struct zx_process *proc, struct zx_ioc_vmo_child *a);
int zx_sys_vmo_replace_as_executable(struct zx_process *proc, struct zx_ioc_vmo_exec *a);
int zx_sys_port_create(struct zx_process *proc, struct zx_ioc_port_create *a);
int zx_sys_port_queue(struct zx_process *proc, struct zx_ioc_port_queue *a);
int zx_sys_port_wait(struct zx_process *proc, struct zx_ioc_port_wait *a);
int zx_sys_port_cancel(struct zx_process *proc, struct zx_ioc_port_cancel *a);
int zx_sys_object_wait_async(struct zx_process *proc, struct zx_ioc_wait_async *a);
int zx_sys_channel_create(struct zx_process *proc, struct zx_ioc_channel_create *a);
int zx_sys_channel_write(struct zx_process *proc, struct zx_ioc_channel_write *a);
int zx_sys_channel_read(struct zx_process *proc, struct zx_ioc_channel_read *a, bool etc);
int zx_sys_channel_call(struct zx_process *proc, struct zx_ioc_channel_call *a);
int zx_sys_handle_to_fd(struct zx_process *proc, struct zx_ioc_handle_fd *a);
int zx_sys_fd_to_handle(struct zx_process *proc, struct zx_ioc_handle_fd *a);
int zx_sys_vmar_map(struct zx_process *proc, struct zx_ioc_vmar_map *a);
int zx_sys_vmar_unmap(struct zx_process *proc, struct zx_ioc_vmar_range *a);
int zx_sys_vmar_protect(struct zx_process *proc, struct zx_ioc_vmar_range *a);
int zx_sys_vmar_root(struct zx_process *proc, struct zx_ioc_vmar_root *a);
int zx_sys_vmar_allocate(struct zx_process *proc, struct zx_ioc_vmar_allocate *a);
int zx_sys_vmar_destroy(struct zx_process *proc, struct zx_ioc_handle *a);
struct zx_object *zx_vmar_create_root(int *status);
struct file *zx_vmo_file(struct zx_object *obj);
void zx_channel_flush(void);
void zx_channel_exit(void);

/* Helpers for get_info replies (info.c). */
int zx_info_reply_one(struct zx_info_args *args, const void *rec, size_t size);
int zx_info_reply_koids(struct zx_info_args *args, const u64 *koids, size_t n);

/* Internal status returned by waits interrupted by a signal. */
#define ZX_ERR_INTERNAL_INTR_RETRY	(-6)

#endif /* _ZIRCON_H */
