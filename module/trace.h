/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Tracepoints of zircon.ko (system "zircon").  Scalar fields only, so the
 * same definitions build on every supported kernel.
 */
#undef TRACE_SYSTEM
#define TRACE_SYSTEM zircon

#if !defined(_ZIRCON_TRACE_H) || defined(TRACE_HEADER_MULTI_READ)
#define _ZIRCON_TRACE_H

#include <linux/tracepoint.h>

DECLARE_EVENT_CLASS(zx_object_class,
	TP_PROTO(u64 koid, u32 type),
	TP_ARGS(koid, type),
	TP_STRUCT__entry(
		__field(u64, koid)
		__field(u32, type)
	),
	TP_fast_assign(
		__entry->koid = koid;
		__entry->type = type;
	),
	TP_printk("koid=%llu type=%u", __entry->koid, __entry->type)
);

DEFINE_EVENT(zx_object_class, zx_object_create,
	TP_PROTO(u64 koid, u32 type),
	TP_ARGS(koid, type));

DEFINE_EVENT(zx_object_class, zx_object_destroy,
	TP_PROTO(u64 koid, u32 type),
	TP_ARGS(koid, type));

DECLARE_EVENT_CLASS(zx_handle_class,
	TP_PROTO(u64 owner, u32 handle, u64 koid, u32 rights),
	TP_ARGS(owner, handle, koid, rights),
	TP_STRUCT__entry(
		__field(u64, owner)
		__field(u64, koid)
		__field(u32, handle)
		__field(u32, rights)
	),
	TP_fast_assign(
		__entry->owner = owner;
		__entry->koid = koid;
		__entry->handle = handle;
		__entry->rights = rights;
	),
	TP_printk("owner=%llu handle=0x%x koid=%llu rights=0x%x",
		  __entry->owner, __entry->handle, __entry->koid, __entry->rights)
);

DEFINE_EVENT(zx_handle_class, zx_handle_create,
	TP_PROTO(u64 owner, u32 handle, u64 koid, u32 rights),
	TP_ARGS(owner, handle, koid, rights));

DEFINE_EVENT(zx_handle_class, zx_handle_close,
	TP_PROTO(u64 owner, u32 handle, u64 koid, u32 rights),
	TP_ARGS(owner, handle, koid, rights));

TRACE_EVENT(zx_handle_duplicate,
	TP_PROTO(u64 owner, u32 src, u32 dst, u64 koid, u32 rights),
	TP_ARGS(owner, src, dst, koid, rights),
	TP_STRUCT__entry(
		__field(u64, owner)
		__field(u64, koid)
		__field(u32, src)
		__field(u32, dst)
		__field(u32, rights)
	),
	TP_fast_assign(
		__entry->owner = owner;
		__entry->koid = koid;
		__entry->src = src;
		__entry->dst = dst;
		__entry->rights = rights;
	),
	TP_printk("owner=%llu src=0x%x dst=0x%x koid=%llu rights=0x%x",
		  __entry->owner, __entry->src, __entry->dst, __entry->koid,
		  __entry->rights)
);

DECLARE_EVENT_CLASS(zx_vmo_class,
	TP_PROTO(u64 koid, u64 size),
	TP_ARGS(koid, size),
	TP_STRUCT__entry(
		__field(u64, koid)
		__field(u64, size)
	),
	TP_fast_assign(
		__entry->koid = koid;
		__entry->size = size;
	),
	TP_printk("koid=%llu size=%llu", __entry->koid, __entry->size)
);

DEFINE_EVENT(zx_vmo_class, zx_vmo_create,
	TP_PROTO(u64 koid, u64 size),
	TP_ARGS(koid, size));

DEFINE_EVENT(zx_vmo_class, zx_vmo_destroy,
	TP_PROTO(u64 koid, u64 size),
	TP_ARGS(koid, size));

DECLARE_EVENT_CLASS(zx_channel_class,
	TP_PROTO(u64 koid, u32 bytes, u32 handles),
	TP_ARGS(koid, bytes, handles),
	TP_STRUCT__entry(
		__field(u64, koid)
		__field(u32, bytes)
		__field(u32, handles)
	),
	TP_fast_assign(
		__entry->koid = koid;
		__entry->bytes = bytes;
		__entry->handles = handles;
	),
	TP_printk("koid=%llu bytes=%u handles=%u", __entry->koid, __entry->bytes,
		  __entry->handles)
);

DEFINE_EVENT(zx_channel_class, zx_channel_write,
	TP_PROTO(u64 koid, u32 bytes, u32 handles),
	TP_ARGS(koid, bytes, handles));

DEFINE_EVENT(zx_channel_class, zx_channel_read,
	TP_PROTO(u64 koid, u32 bytes, u32 handles),
	TP_ARGS(koid, bytes, handles));

TRACE_EVENT(zx_vmar_map,
	TP_PROTO(u64 vmar, u64 vmo, u64 addr, u64 len, u32 perms),
	TP_ARGS(vmar, vmo, addr, len, perms),
	TP_STRUCT__entry(
		__field(u64, vmar)
		__field(u64, vmo)
		__field(u64, addr)
		__field(u64, len)
		__field(u32, perms)
	),
	TP_fast_assign(
		__entry->vmar = vmar;
		__entry->vmo = vmo;
		__entry->addr = addr;
		__entry->len = len;
		__entry->perms = perms;
	),
	TP_printk("vmar=%llu vmo=%llu addr=0x%llx len=%llu perms=0x%x", __entry->vmar,
		  __entry->vmo, __entry->addr, __entry->len, __entry->perms)
);

TRACE_EVENT(zx_vmar_unmap,
	TP_PROTO(u64 vmar, u64 addr, u64 len),
	TP_ARGS(vmar, addr, len),
	TP_STRUCT__entry(
		__field(u64, vmar)
		__field(u64, addr)
		__field(u64, len)
	),
	TP_fast_assign(
		__entry->vmar = vmar;
		__entry->addr = addr;
		__entry->len = len;
	),
	TP_printk("vmar=%llu addr=0x%llx len=%llu", __entry->vmar, __entry->addr, __entry->len)
);

/* Task lifecycle: names are fixed 32-byte arrays, pids are the Linux ids. */
DECLARE_EVENT_CLASS(zx_task_named_class,
	TP_PROTO(u64 parent, u64 koid, const char *name),
	TP_ARGS(parent, koid, name),
	TP_STRUCT__entry(
		__field(u64, parent)
		__field(u64, koid)
		__array(char, name, 32)
	),
	TP_fast_assign(
		__entry->parent = parent;
		__entry->koid = koid;
		strscpy_pad(__entry->name, name, sizeof(__entry->name));
	),
	TP_printk("parent=%llu koid=%llu name=%s", __entry->parent, __entry->koid,
		  __entry->name)
);

/* parent: the job's koid */
DEFINE_EVENT(zx_task_named_class, zx_process_create,
	TP_PROTO(u64 parent, u64 koid, const char *name),
	TP_ARGS(parent, koid, name));

/* parent: the process's koid */
DEFINE_EVENT(zx_task_named_class, zx_thread_create,
	TP_PROTO(u64 parent, u64 koid, const char *name),
	TP_ARGS(parent, koid, name));

TRACE_EVENT(zx_process_bind,
	TP_PROTO(u64 koid, int pid),
	TP_ARGS(koid, pid),
	TP_STRUCT__entry(
		__field(u64, koid)
		__field(int, pid)
	),
	TP_fast_assign(
		__entry->koid = koid;
		__entry->pid = pid;
	),
	TP_printk("koid=%llu pid=%d", __entry->koid, __entry->pid)
);

DECLARE_EVENT_CLASS(zx_task_start_class,
	TP_PROTO(u64 process, u64 thread, u64 pc, u64 arg1),
	TP_ARGS(process, thread, pc, arg1),
	TP_STRUCT__entry(
		__field(u64, process)
		__field(u64, thread)
		__field(u64, pc)
		__field(u64, arg1)
	),
	TP_fast_assign(
		__entry->process = process;
		__entry->thread = thread;
		__entry->pc = pc;
		__entry->arg1 = arg1;
	),
	TP_printk("process=%llu thread=%llu pc=0x%llx arg1=0x%llx", __entry->process,
		  __entry->thread, __entry->pc, __entry->arg1)
);

DEFINE_EVENT(zx_task_start_class, zx_process_start,
	TP_PROTO(u64 process, u64 thread, u64 pc, u64 arg1),
	TP_ARGS(process, thread, pc, arg1));

DEFINE_EVENT(zx_task_start_class, zx_thread_start,
	TP_PROTO(u64 process, u64 thread, u64 pc, u64 arg1),
	TP_ARGS(process, thread, pc, arg1));

TRACE_EVENT(zx_process_exit,
	TP_PROTO(u64 koid, int pid, s64 retcode),
	TP_ARGS(koid, pid, retcode),
	TP_STRUCT__entry(
		__field(u64, koid)
		__field(int, pid)
		__field(s64, retcode)
	),
	TP_fast_assign(
		__entry->koid = koid;
		__entry->pid = pid;
		__entry->retcode = retcode;
	),
	TP_printk("koid=%llu pid=%d retcode=%lld", __entry->koid, __entry->pid,
		  __entry->retcode)
);

TRACE_EVENT(zx_thread_exit,
	TP_PROTO(u64 process, u64 koid, int tid),
	TP_ARGS(process, koid, tid),
	TP_STRUCT__entry(
		__field(u64, process)
		__field(u64, koid)
		__field(int, tid)
	),
	TP_fast_assign(
		__entry->process = process;
		__entry->koid = koid;
		__entry->tid = tid;
	),
	TP_printk("process=%llu koid=%llu tid=%d", __entry->process, __entry->koid,
		  __entry->tid)
);

TRACE_EVENT(zx_job_kill,
	TP_PROTO(u64 koid),
	TP_ARGS(koid),
	TP_STRUCT__entry(
		__field(u64, koid)
	),
	TP_fast_assign(
		__entry->koid = koid;
	),
	TP_printk("koid=%llu", __entry->koid)
);

/*
 * Shared process groups: "group" is the koid of the group's first process,
 * "members" the members after the event.
 */
DECLARE_EVENT_CLASS(zx_shared_member_class,
	TP_PROTO(u64 group, u64 koid, u32 members),
	TP_ARGS(group, koid, members),
	TP_STRUCT__entry(
		__field(u64, group)
		__field(u64, koid)
		__field(u32, members)
	),
	TP_fast_assign(
		__entry->group = group;
		__entry->koid = koid;
		__entry->members = members;
	),
	TP_printk("group=%llu koid=%llu members=%u", __entry->group, __entry->koid,
		  __entry->members)
);

/* koid: the shared region's VMAR */
DEFINE_EVENT(zx_shared_member_class, zx_shared_create,
	TP_PROTO(u64 group, u64 koid, u32 members),
	TP_ARGS(group, koid, members));

DEFINE_EVENT(zx_shared_member_class, zx_shared_join,
	TP_PROTO(u64 group, u64 koid, u32 members),
	TP_ARGS(group, koid, members));

DEFINE_EVENT(zx_shared_member_class, zx_shared_leave,
	TP_PROTO(u64 group, u64 koid, u32 members),
	TP_ARGS(group, koid, members));

/* A change of the shared region: prot -1 is an unmap; reached: members that made it. */
TRACE_EVENT(zx_shared_change,
	TP_PROTO(u64 group, u64 addr, u64 len, int prot, u32 reached, int error),
	TP_ARGS(group, addr, len, prot, reached, error),
	TP_STRUCT__entry(
		__field(u64, group)
		__field(u64, addr)
		__field(u64, len)
		__field(int, prot)
		__field(u32, reached)
		__field(int, error)
	),
	TP_fast_assign(
		__entry->group = group;
		__entry->addr = addr;
		__entry->len = len;
		__entry->prot = prot;
		__entry->reached = reached;
		__entry->error = error;
	),
	TP_printk("group=%llu addr=0x%llx len=%llu prot=%d reached=%u error=%d",
		  __entry->group, __entry->addr, __entry->len, __entry->prot,
		  __entry->reached, __entry->error)
);

#endif /* _ZIRCON_TRACE_H */

#undef TRACE_INCLUDE_PATH
#define TRACE_INCLUDE_PATH .
#undef TRACE_INCLUDE_FILE
#define TRACE_INCLUDE_FILE trace
#include <trace/define_trace.h>
