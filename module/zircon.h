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
 * zx_process: a Linux program that opened /dev/zircon, or a process made by
 * zx_process_create) owns one handle table, but the members of a shared
 * group (shared.c) use their group's.
 *
 * Signals and waits
 * -----------------
 * A waiter registers a struct zx_observer on the object.  Whenever the
 * signal word changes, every observer whose trigger mask intersects the new
 * signals is notified; closing the handle through which an observer was
 * registered cancels it.  Notification runs under the object's lock (a
 * spinlock), so notify callbacks must not sleep.
 *
 * Lock order (outermost first)
 * ----------------------------
 *   zx_job_lock (mutex, the whole job tree)
 *     zx_handle_table.lock (spinlock)
 *       zx_object.lock (spinlock, never taken in interrupt context)
 * No object's release function runs with any of these held.
 */
#ifndef _ZIRCON_H
#define _ZIRCON_H

#include <linux/kref.h>
#include <linux/list.h>
#include <linux/spinlock.h>
#include <linux/types.h>
#include <linux/mutex.h>
#include <linux/wait.h>
#include <linux/workqueue.h>
#include <linux/cred.h>

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
	/* Optional: ZX_PROP_NAME was set. */
	void (*renamed)(struct zx_object *obj);
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
	bool dead;			/* lock: destroyed, takes no new handle */
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

/* Zircon processes (process.c, agent.c) */
struct zx_thread;
struct zx_aspace;
struct zx_agent_req;
struct zx_spare;
struct zx_shared;

/*
 * A process's life: INITIAL (created, no thread yet), RUNNING (started),
 * DYING (its Linux tasks are being killed), DEAD (every task is gone, its
 * handle table destroyed, ZX_PROCESS_TERMINATED asserted).
 */
enum zx_process_state {
	ZX_PROCESS_INITIAL,
	ZX_PROCESS_RUNNING,
	ZX_PROCESS_DYING,
	ZX_PROCESS_DEAD,
};

/*
 * A task-death hook: runs @exited once the task is past the point where it
 * can run user code again.  See agent.c.
 */
struct zx_exit_hook {
	struct callback_head cb;
	struct work_struct rearm;
	struct task_struct *task;		/* holds a reference while armed */
	void (*exited)(struct zx_exit_hook *hook);
};

struct zx_process {
	struct zx_object obj;
	struct zx_handle_table table;	/* its own; unused by a shared member */
	struct zx_handle_table *ht;	/* immutable once it can run: &table or
					 * its shared group's
					 */
	struct zx_shared *shared;	/* immutable: its group (holds a
					 * reference), or NULL
					 */
	struct list_head shared_node;	/* zx_shared.lock: on its members */
	struct zx_job *job;		/* holds a reference; immutable, but for a
					 * blank's, set once by the claim (lock)
					 */
	struct zx_job *blank_job;	/* a claimed blank's first job (reference) */
	u64 maker;			/* immutable: a blank's maker's koid, or 0 */
	u8 policy[ZX_POL_MAX];		/* captured job policy: like job */
	bool host;			/* immutable: a Linux program that opened
					 * /dev/zircon, not made by zx_process_create
					 */
	u32 default_job;		/* immutable (host): handle value */
	struct pid *tgid;		/* the bound thread group: immutable for a
					 * host; set once by the agent (lock)
					 */
	struct zx_object *root_vmar;	/* set once (cmpxchg) or at create; lock
					 * clears it at death
					 */
	struct mutex lock;		/* everything below */
	enum zx_process_state state;
	bool blank;			/* made in advance, not claimed yet */
	s64 return_code;
	bool return_code_set;
	s64 start_time;
	u32 self_value;			/* handle to itself, made on first use */
	u32 self_vmar;			/* handle to root_vmar, made on first use */
	struct list_head threads;	/* struct zx_thread, each holding a reference */
	u32 live_tasks;			/* bound Linux tasks not yet dead */
	u32 live_threads;		/* started threads not yet dead */
	const struct cred *creator_cred;	/* until the agent binds */
	bool bound;			/* the agent is serving */
	struct file *agent_file;	/* the agent's descriptor, from bind to death */
	struct zx_exit_hook agent_hook;
	bool agent_gone;		/* the agent died or never bound */
	spinlock_t req_lock;		/* everything down to wq */
	bool req_closed;		/* no agent will ever serve again */
	struct list_head requests;	/* struct zx_agent_req, queued for the agent */
	struct zx_agent_req *active;	/* the request the agent is serving */
	struct zx_spare *cloning;	/* what the thread being cloned takes on */
	u32 registering;		/* new spares not yet on the list */
	struct list_head spares;	/* struct zx_spare: parked, no thread yet */
	bool spare_wanted;		/* the agent makes one when idle */
	bool spare_queued;		/* and has queued the request for it */
	u32 early_maps;			/* maps queued by zx_agent_mmap_early */
	long early_error;		/* the first of them that failed */
	wait_queue_head_t wq;		/* request completion, bind, new spares */
	wait_queue_head_t agent_wq;	/* the agent waits for work */
	wait_queue_head_t spare_wq;	/* spares wait for a thread */
	struct list_head job_node;	/* zx_job_lock: on job->processes */
	struct list_head kill_node;	/* zx_job_lock: on a job kill's list */
};

static inline struct zx_process *to_process(struct zx_object *obj)
{
	return container_of(obj, struct zx_process, obj);
}

struct zx_process *zx_process_open(void);
void zx_process_file_release(struct zx_process *proc);
int zx_process_check_policy(struct zx_process *proc, u32 condition);
void zx_process_kill(struct zx_process *proc, s64 code);
void zx_process_task_exited(struct zx_process *proc, struct task_struct *task,
			    struct zx_thread *t, bool agent);
int zx_process_copy_name(u64 uname, u64 size, char name[ZX_MAX_NAME_LEN]);
int zx_process_new(struct zx_job *job, const char *name, struct zx_process *maker,
		   bool restricted, struct zx_process **out, struct zx_object **vmar);
int zx_process_agent_file(struct zx_process *np, int *fd, struct file **file);
struct zx_ioc_process_create;
int zx_process_hand_out(struct zx_process *proc, struct zx_process *np,
			struct zx_object *vmar, struct file *file, int fd,
			const struct zx_ioc_process_create *out);

/* Shared process groups (shared.c) */
int zx_shared_create(struct zx_process *first, struct zx_object **vmar);
void zx_shared_leave(struct zx_process *proc);
void zx_shared_put(struct zx_shared *group);
extern const struct zx_object_ops zx_process_ops;
extern const struct file_operations zx_fops;

/* Threads (thread.c) */
enum zx_thread_state {
	ZX_THREAD_NEW,
	ZX_THREAD_STARTING,
	ZX_THREAD_RUNNING_STATE,
	ZX_THREAD_DEAD,
};

struct zx_thread {
	struct zx_object obj;
	struct zx_process *proc;	/* immutable: holds a reference */
	struct list_head node;		/* proc->lock: on proc->threads */
	enum zx_thread_state state;	/* proc->lock */
	struct pid *pid;		/* proc->lock: the Linux thread, once bound */
	u32 self_value;			/* proc->lock: handle to itself, or 0 */
	u64 entry, stack, arg1, arg2;	/* proc->lock: registers at start */
};

static inline struct zx_thread *to_thread(struct zx_object *obj)
{
	return container_of(obj, struct zx_thread, obj);
}

extern const struct zx_object_ops zx_thread_ops;
int zx_thread_start_locked(struct zx_thread *t, u64 entry, u64 stack, u64 arg1, u64 arg2);
void zx_thread_died(struct zx_thread *t);
struct zx_thread *zx_thread_current(struct zx_process *proc);

/* The agent (agent.c, trampoline.S) */
extern const u8 zx_trampoline_start[], zx_trampoline_end[];
int zx_agent_init(void);
void zx_agent_exit(void);
int zx_agent_bind(struct zx_process *proc, struct file *file);
int zx_agent_park(struct zx_process *proc, unsigned long arg);
int zx_agent_settle(struct zx_process *proc);
long zx_agent_mmap_early(struct zx_process *proc, struct file *file, u64 addr, u64 len,
			 unsigned long prot, unsigned long flags, u64 offset);
long zx_agent_mmap(struct zx_process *proc, struct file *file, u64 addr, u64 len,
		   unsigned long prot, unsigned long flags, u64 offset);
long zx_agent_munmap(struct zx_process *proc, u64 addr, u64 len);
struct zx_agent_req *zx_agent_req_mmap(struct file *file, u64 addr, u64 len,
				       unsigned long prot, unsigned long flags, u64 offset);
struct zx_agent_req *zx_agent_req_munmap(u64 addr, u64 len);
long zx_agent_send(struct zx_process *proc, struct zx_agent_req *req);
long zx_agent_wait(struct zx_process *proc, struct zx_agent_req *req);
int zx_agent_start_thread(struct zx_process *proc, struct zx_thread *t, bool refill);
void zx_agent_fail_all(struct zx_process *proc);
bool zx_agent_ready(struct zx_process *proc);
bool zx_agent_cred_within(struct zx_process *proc, const struct cred *limit);
void zx_task_rename(struct pid *pid, struct zx_object *obj);
void zx_agent_adopt_sched(struct zx_process *proc);
void zx_agent_retire(struct zx_process *proc);
void zx_exit_hook_arm(struct zx_exit_hook *hook, void (*exited)(struct zx_exit_hook *));

/* Jobs (job.c) */
struct zx_job;
extern struct zx_job *zx_root_job;

int zx_job_init(void);
void zx_job_exit(void);
struct zx_job *zx_job_create_child(struct zx_job *parent, int *status);
int zx_job_add_process(struct zx_job *job, struct zx_process *proc);
void zx_job_remove_process(struct zx_process *proc);
struct zx_job *zx_job_from_object(struct zx_object *obj);
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
struct zx_ioc_channel_call;

/*
 * The arguments of zx_channel_write and zx_channel_read(_etc), a register
 * call's (uapi/linux/zircon.h) unpacked; actual_* only for a read.
 */
struct zx_channel_args {
	u32 handle;
	u32 options;
	u64 bytes;
	u64 handles;
	u32 num_bytes;
	u32 num_handles;
	u64 actual_bytes;
	u64 actual_handles;
};

struct zx_ioc_handle_fd;
struct zx_ioc_vmar_map;
struct zx_ioc_vmar_range;
struct zx_ioc_vmar_root;
struct zx_ioc_vmar_allocate;
struct zx_ioc_process_create;
struct zx_ioc_process_start;
struct zx_ioc_thread_create;
struct zx_ioc_thread_start;
struct zx_ioc_self;
struct zx_ioc_process_exit;
struct zx_ioc_process_blank;

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
int zx_sys_channel_write(struct zx_process *proc, struct zx_channel_args *a);
int zx_sys_channel_read(struct zx_process *proc, struct zx_channel_args *a, bool etc);
int zx_sys_channel_call(struct zx_process *proc, struct zx_ioc_channel_call *a);
int zx_sys_handle_to_fd(struct zx_process *proc, struct zx_ioc_handle_fd *a);
int zx_sys_fd_to_handle(struct zx_process *proc, struct zx_ioc_handle_fd *a);
int zx_sys_vmar_map(struct zx_process *proc, struct zx_ioc_vmar_map *a);
int zx_sys_vmar_unmap(struct zx_process *proc, struct zx_ioc_vmar_range *a);
int zx_sys_vmar_protect(struct zx_process *proc, struct zx_ioc_vmar_range *a);
int zx_sys_vmar_root(struct zx_process *proc, struct zx_ioc_vmar_root *a);
int zx_sys_vmar_allocate(struct zx_process *proc, struct zx_ioc_vmar_allocate *a);
int zx_sys_vmar_destroy(struct zx_process *proc, struct zx_ioc_handle *a);
int zx_sys_process_create(struct zx_process *proc, struct zx_ioc_process_create *a);
int zx_sys_process_start(struct zx_process *proc, struct zx_ioc_process_start *a);
int zx_sys_process_exit(struct zx_process *proc, struct zx_ioc_process_exit *a);
int zx_sys_thread_create(struct zx_process *proc, struct zx_ioc_thread_create *a);
int zx_sys_thread_start(struct zx_process *proc, struct zx_ioc_thread_start *a);
int zx_sys_self(struct zx_process *proc, struct zx_ioc_self *a);
int zx_sys_process_blank(struct zx_process *proc, struct zx_ioc_process_blank *a);
int zx_sys_process_create_shared(struct zx_process *proc, struct zx_ioc_process_create *a);
struct zx_object *zx_vmar_create_root(struct zx_process *proc, bool restricted, int *status);
void zx_vmar_root_bind(struct zx_object *root, struct mm_struct *mm);
void zx_vmar_root_kill(struct zx_object *root);
struct file *zx_vmo_file(struct zx_object *obj);
void zx_channel_flush(void);

/* Helpers for get_info replies (info.c). */
int zx_info_reply_one(struct zx_info_args *args, const void *rec, size_t size);
int zx_info_reply_koids(struct zx_info_args *args, const u64 *koids, size_t n);
int zx_info_reply_koid_list(struct zx_info_args *args,
			    size_t (*fill)(void *ctx, u64 *koids, size_t cap), void *ctx);

/* Internal status returned by waits interrupted by a signal. */
#define ZX_ERR_INTERNAL_INTR_RETRY	(-6)

#endif /* _ZIRCON_H */
