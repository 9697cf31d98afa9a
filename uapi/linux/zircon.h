/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/*
 * zircon.ko ioctl ABI: Zircon kernel objects on Linux.
 *
 * Every call is an ioctl on an open /dev/zircon, most with a block of
 * arguments, the channel reads and writes with their arguments in
 * registers (see "Register calls" below).  The file is bound to the
 * thread group that opened it; an ioctl from another thread group fails with
 * EBADFD.
 *
 * Return values:
 *   0              ZX_OK
 *   > 0            a Zircon error: the ioctl returns -status (e.g. 11 for
 *                  ZX_ERR_BAD_HANDLE).  Out-parameters named in the argument
 *                  block are written only where the call's documentation says
 *                  so (e.g. "observed" of a timed-out wait).
 *   -1 and errno   a transport failure: ENOTTY (unknown ioctl), EFAULT (the
 *                  argument block itself is unreadable), EINTR (a signal
 *                  arrived during a wait; the deadline is absolute, so the
 *                  call may simply be repeated), EBADFD (wrong thread group).
 *
 * All pointers are carried as __u64.  Every field named "reserved" must be
 * zero, and unknown option bits are refused with ZX_ERR_INVALID_ARGS.
 * Handles are __u32; deadlines are __s64 nanoseconds of CLOCK_MONOTONIC,
 * with INT64_MAX meaning "never".
 */
#ifndef _UAPI_LINUX_ZIRCON_H
#define _UAPI_LINUX_ZIRCON_H

#include <linux/ioctl.h>
#include <linux/types.h>

#define ZX_IOC_MAGIC 0xB9

/* ZX_IOC_STARTUP: the handles the module gave this process when it opened. */
struct zx_ioc_startup {
	__u32 default_job;	/* out: handle to the process's default job */
	__u32 reserved0;	/* out: zero */
	__u64 process_koid;	/* out: koid of the calling Zircon process */
	__u64 reserved[2];	/* in: must be zero */
};

/* ZX_IOC_ROOT_JOB: a handle to the root job; needs CAP_SYS_ADMIN. */
struct zx_ioc_root_job {
	__u64 out;		/* zx_handle_t * */
	__u64 reserved;
};

/* ZX_IOC_TASK_KILL, ZX_IOC_VMAR_DESTROY */
struct zx_ioc_handle {
	__u32 handle;
	__u32 reserved;
};

/* ZX_IOC_HANDLE_CLOSE_MANY */
struct zx_ioc_handle_close_many {
	__u64 handles;		/* const zx_handle_t * */
	__u64 count;
};

/* ZX_IOC_HANDLE_DUPLICATE, ZX_IOC_HANDLE_REPLACE */
struct zx_ioc_handle_dup {
	__u32 handle;
	__u32 rights;
	__u64 out;		/* zx_handle_t * */
};

/* ZX_IOC_OBJECT_GET_INFO */
struct zx_ioc_get_info {
	__u32 handle;
	__u32 topic;
	__u64 buffer;		/* void * */
	__u64 buffer_size;
	__u64 actual;		/* size_t *, may be 0 */
	__u64 avail;		/* size_t *, may be 0 */
};

/* ZX_IOC_OBJECT_GET_PROPERTY, ZX_IOC_OBJECT_SET_PROPERTY */
struct zx_ioc_property {
	__u32 handle;
	__u32 property;
	__u64 value;		/* void * */
	__u64 size;
};

/* ZX_IOC_OBJECT_SIGNAL */
struct zx_ioc_signal {
	__u32 handle;
	__u32 clear_mask;
	__u32 set_mask;
	__u32 reserved;
};

/* ZX_IOC_OBJECT_WAIT_ONE */
struct zx_ioc_wait_one {
	__u32 handle;
	__u32 signals;
	__s64 deadline;
	__u64 observed;		/* zx_signals_t *, may be 0 */
};

/* One entry of ZX_IOC_OBJECT_WAIT_MANY's array: zx_wait_item_t. */
struct zx_ioc_wait_item {
	__u32 handle;
	__u32 waitfor;
	__u32 pending;		/* out */
};

/* ZX_IOC_OBJECT_WAIT_MANY */
struct zx_ioc_wait_many {
	__u64 items;		/* struct zx_ioc_wait_item * */
	__u64 count;
	__s64 deadline;
};

/* ZX_IOC_JOB_CREATE */
struct zx_ioc_job_create {
	__u32 parent;
	__u32 options;
	__u64 out;		/* zx_handle_t * */
};

/* ZX_IOC_JOB_SET_POLICY */
struct zx_ioc_job_set_policy {
	__u32 handle;
	__u32 options;
	__u32 topic;
	__u32 count;
	__u64 policy;		/* zx_policy_basic_v1_t * or _v2_t * */
};

/* ZX_IOC_EVENT_CREATE */
struct zx_ioc_event_create {
	__u32 options;
	__u32 reserved;
	__u64 out;		/* zx_handle_t * */
};

/* ZX_IOC_VMO_CREATE */
struct zx_ioc_vmo_create {
	__u64 size;
	__u32 options;
	__u32 reserved;
	__u64 out;		/* zx_handle_t * */
};

/* ZX_IOC_VMO_READ, ZX_IOC_VMO_WRITE */
struct zx_ioc_vmo_rw {
	__u32 handle;
	__u32 reserved;
	__u64 buffer;		/* void * */
	__u64 offset;
	__u64 size;
};

/* ZX_IOC_VMO_GET_SIZE (size is a __u64 * to write to), ZX_IOC_VMO_SET_SIZE */
struct zx_ioc_vmo_size {
	__u32 handle;
	__u32 reserved;
	__u64 size;
};

/* ZX_IOC_VMO_OP_RANGE (buffer and buffer_size are unused, as in Zircon) */
struct zx_ioc_vmo_op_range {
	__u32 handle;
	__u32 op;
	__u64 offset;
	__u64 size;
	__u64 buffer;
	__u64 buffer_size;
};

/* ZX_IOC_VMO_CREATE_CHILD */
struct zx_ioc_vmo_child {
	__u32 handle;
	__u32 options;
	__u64 offset;
	__u64 size;
	__u64 out;		/* zx_handle_t * */
};

/* ZX_IOC_VMO_REPLACE_AS_EXECUTABLE */
struct zx_ioc_vmo_exec {
	__u32 handle;
	__u32 vmex;
	__u64 out;		/* zx_handle_t * */
};

/* A port packet: zx_port_packet_t, 48 bytes, Zircon's layout. */
struct zx_ioc_packet {
	__u64 key;
	__u32 type;		/* ZX_PKT_TYPE_* */
	__s32 status;
	union {
		__u64 user[4];	/* ZX_PKT_TYPE_USER: any 32 bytes */
		struct {	/* ZX_PKT_TYPE_SIGNAL_ONE */
			__u32 trigger;
			__u32 observed;
			__u64 count;
			__s64 timestamp;
			__u64 reserved1;
		} signal;
	};
};

/* ZX_IOC_PORT_CREATE */
struct zx_ioc_port_create {
	__u32 options;
	__u32 reserved;
	__u64 out;		/* zx_handle_t * */
};

/* ZX_IOC_PORT_QUEUE */
struct zx_ioc_port_queue {
	__u32 handle;
	__u32 reserved;
	__u64 packet;		/* const struct zx_ioc_packet * */
};

/* ZX_IOC_PORT_WAIT */
struct zx_ioc_port_wait {
	__u32 handle;
	__u32 reserved;
	__s64 deadline;
	__u64 packet;		/* struct zx_ioc_packet * */
};

/* ZX_IOC_PORT_CANCEL */
struct zx_ioc_port_cancel {
	__u32 handle;
	__u32 source;
	__u64 key;
};

/* ZX_IOC_OBJECT_WAIT_ASYNC */
struct zx_ioc_wait_async {
	__u32 handle;
	__u32 port;
	__u64 key;
	__u32 signals;
	__u32 options;
};

/* ZX_IOC_CHANNEL_CREATE */
struct zx_ioc_channel_create {
	__u32 options;
	__u32 reserved;
	__u64 out0;		/* zx_handle_t * */
	__u64 out1;		/* zx_handle_t * */
};

/*
 * Register calls (x86-64 only; a 32-bit caller gets ENOTTY).  The hottest
 * calls have no argument block: their arguments travel in registers, so
 * that nothing but a message's own bytes is copied.  The ioctl's third
 * argument (rdx) and the system call's fourth to sixth (r10, r8, r9) carry
 * the first four; r12 and r13, which the kernel saves on entry like every
 * register, carry a fifth and sixth (Zircon's own x86-64 system calls pass
 * their seventh and eighth arguments in them).  A plain ioctl() cannot set
 * r10 to r13: a caller issues the system call itself, as libzx does.  Two
 * 32-bit arguments share a register, the first in the low half.
 *
 * ZX_IOC_CHANNEL_WRITE
 *   rdx  handle | (__u64)options << 32
 *   r10  bytes (const void *)
 *   r8   handles (const zx_handle_t *, consumed)
 *   r9   num_bytes | (__u64)num_handles << 32
 *
 * ZX_IOC_CHANNEL_READ, ZX_IOC_CHANNEL_READ_ETC (handles: zx_handle_info_t *)
 *   rdx, r10, r8, r9 as for a write, bytes and handles being out buffers
 *   r12  actual_bytes (uint32_t *, may be 0)
 *   r13  actual_handles (uint32_t *, may be 0)
 */

/* ZX_IOC_CHANNEL_CALL: zx_channel_call_args_t spread out. */
struct zx_ioc_channel_call {
	__u32 handle;
	__u32 options;
	__s64 deadline;
	__u64 wr_bytes;
	__u64 wr_handles;
	__u64 rd_bytes;
	__u64 rd_handles;
	__u32 wr_num_bytes;
	__u32 wr_num_handles;
	__u32 rd_num_bytes;
	__u32 rd_num_handles;
	__u64 actual_bytes;	/* uint32_t *, may be 0 */
	__u64 actual_handles;	/* uint32_t *, may be 0 */
};

/*
 * ZX_IOC_HANDLE_TO_FD: handle in, int fd out (flags: 0 or O_CLOEXEC).
 * ZX_IOC_FD_TO_HANDLE: the fd in "handle", flags 0, zx_handle_t out.
 */
struct zx_ioc_handle_fd {
	__u32 handle;
	__u32 flags;
	__u64 out;
};

/* ZX_IOC_VMAR_ROOT: zx_vmar_root_self(). */
struct zx_ioc_vmar_root {
	__u64 out;		/* zx_handle_t * */
	__u64 reserved;
};

/* ZX_IOC_VMAR_MAP */
struct zx_ioc_vmar_map {
	__u32 handle;
	__u32 options;		/* ZX_VM_* */
	__u64 vmar_offset;
	__u32 vmo;
	__u32 reserved;
	__u64 vmo_offset;
	__u64 len;
	__u64 out;		/* zx_vaddr_t * */
};

/* ZX_IOC_VMAR_ALLOCATE */
struct zx_ioc_vmar_allocate {
	__u32 handle;
	__u32 options;		/* ZX_VM_CAN_MAP_*, ZX_VM_SPECIFIC, ZX_VM_COMPACT */
	__u64 offset;
	__u64 size;
	__u64 out;		/* zx_handle_t * */
	__u64 out_addr;		/* zx_vaddr_t * */
};

/* ZX_IOC_VMAR_UNMAP (options must be 0), ZX_IOC_VMAR_PROTECT (options: perms) */
struct zx_ioc_vmar_range {
	__u32 handle;
	__u32 options;
	__u64 addr;
	__u64 len;
};

/*
 * ZX_IOC_PROCESS_CREATE: zx_process_create().  Besides the two handles it
 * gives "fd_out" a new descriptor (O_CLOEXEC) of the process: libzx hands it
 * to the agent helper as descriptor ZX_AGENT_FD, and the helper binds to the
 * process with ZX_IOC_AGENT_BIND on it.
 *
 * With "blank" non-zero the new process is instead the blank process that
 * handle names (see ZX_IOC_PROCESS_BLANK), whose agent already serves;
 * "fd_out" is not written.  The blank handle is consumed whatever the
 * outcome; ZX_ERR_UNAVAILABLE says the blank could not be used (it died,
 * was not made by the caller, or the caller's credentials changed since,
 * or "options" is ZX_PROCESS_SHARED: a blank cannot start a group).
 *
 * ZX_IOC_PROCESS_CREATE_SHARED: zx_process_create_shared(), with the same
 * block: "shared_proc" instead of "job", "blank" must be 0, and the VMAR
 * is the new process's private (restricted) region.
 */
struct zx_ioc_process_create {
	union {
		__u32 job;
		__u32 shared_proc;	/* ZX_IOC_PROCESS_CREATE_SHARED */
	};
	__u32 options;
	__u64 name;		/* const char * */
	__u64 name_size;
	__u64 proc_out;		/* zx_handle_t * */
	__u64 vmar_out;		/* zx_handle_t * */
	__u64 fd_out;		/* int * */
	__u32 blank;		/* zx_handle_t, or 0 */
	__u32 reserved;		/* zero */
};

/*
 * ZX_IOC_PROCESS_BLANK: libzx's pool of processes made in advance.
 * ZX_BLANK_MAKE makes a blank process: not in any job, no thread, owned by
 * the handle written to "handle_out" (closing it ends the process), with a
 * descriptor for its agent in "fd_out" as ZX_IOC_PROCESS_CREATE gives.
 * ZX_BLANK_WAIT waits until the blank "handle" names is ready to be used
 * (its agent serves and has a spare thread), or failed (ZX_ERR_BAD_STATE).
 */
#define ZX_BLANK_MAKE	0
#define ZX_BLANK_WAIT	1

struct zx_ioc_process_blank {
	__u32 op;
	__u32 handle;		/* WAIT: the blank */
	__u64 handle_out;	/* MAKE: zx_handle_t * */
	__u64 fd_out;		/* MAKE: int * */
};

/* ZX_IOC_PROCESS_START */
struct zx_ioc_process_start {
	__u32 process;
	__u32 thread;
	__u64 entry;
	__u64 stack;
	__u32 arg1;		/* a handle, consumed */
	__u32 reserved;
	__u64 arg2;
};

/* ZX_IOC_PROCESS_EXIT: from inside a started process; does not return. */
struct zx_ioc_process_exit {
	__s64 retcode;
};

/* ZX_IOC_THREAD_CREATE */
struct zx_ioc_thread_create {
	__u32 process;
	__u32 options;
	__u64 name;		/* const char * */
	__u64 name_size;
	__u64 out;		/* zx_handle_t * */
};

/* ZX_IOC_THREAD_START */
struct zx_ioc_thread_start {
	__u32 thread;
	__u32 reserved;
	__u64 entry;
	__u64 stack;
	__u64 arg1;
	__u64 arg2;
};

/*
 * ZX_IOC_SELF: handles to the calling process, its calling thread (0 on a
 * Linux thread that is not a Zircon thread) and its root VMAR, each made
 * once and then the same value every time; closing one makes it invalid.
 */
struct zx_ioc_self {
	__u32 process;		/* out */
	__u32 thread;		/* out */
	__u32 vmar;		/* out */
	__u32 reserved;		/* in: zero */
};

/*
 * Inside a started process, descriptor ZX_AGENT_FD is the process's
 * /dev/zircon: every call of the process goes through it.  The emulation's
 * agent thread needs it too, so a process must not close or replace it.
 */
#define ZX_AGENT_FD			3

#define ZX_IOC_NOP			_IO(ZX_IOC_MAGIC, 0x00)
#define ZX_IOC_STARTUP			_IOWR(ZX_IOC_MAGIC, 0x01, struct zx_ioc_startup)
#define ZX_IOC_ROOT_JOB			_IOW(ZX_IOC_MAGIC, 0x02, struct zx_ioc_root_job)
/* ZX_IOC_HANDLE_CLOSE: the argument is the handle value itself (< 2^32). */
#define ZX_IOC_HANDLE_CLOSE		_IO(ZX_IOC_MAGIC, 0x10)
#define ZX_IOC_HANDLE_CLOSE_MANY	_IOW(ZX_IOC_MAGIC, 0x11, struct zx_ioc_handle_close_many)
#define ZX_IOC_HANDLE_DUPLICATE		_IOW(ZX_IOC_MAGIC, 0x12, struct zx_ioc_handle_dup)
#define ZX_IOC_HANDLE_REPLACE		_IOW(ZX_IOC_MAGIC, 0x13, struct zx_ioc_handle_dup)
#define ZX_IOC_OBJECT_GET_INFO		_IOW(ZX_IOC_MAGIC, 0x20, struct zx_ioc_get_info)
#define ZX_IOC_OBJECT_GET_PROPERTY	_IOW(ZX_IOC_MAGIC, 0x21, struct zx_ioc_property)
#define ZX_IOC_OBJECT_SET_PROPERTY	_IOW(ZX_IOC_MAGIC, 0x22, struct zx_ioc_property)
#define ZX_IOC_OBJECT_SIGNAL		_IOW(ZX_IOC_MAGIC, 0x23, struct zx_ioc_signal)
#define ZX_IOC_OBJECT_WAIT_ONE		_IOW(ZX_IOC_MAGIC, 0x24, struct zx_ioc_wait_one)
#define ZX_IOC_OBJECT_WAIT_MANY		_IOW(ZX_IOC_MAGIC, 0x25, struct zx_ioc_wait_many)
#define ZX_IOC_JOB_CREATE		_IOW(ZX_IOC_MAGIC, 0x30, struct zx_ioc_job_create)
#define ZX_IOC_JOB_SET_POLICY		_IOW(ZX_IOC_MAGIC, 0x31, struct zx_ioc_job_set_policy)
#define ZX_IOC_TASK_KILL		_IOW(ZX_IOC_MAGIC, 0x32, struct zx_ioc_handle)
#define ZX_IOC_EVENT_CREATE		_IOW(ZX_IOC_MAGIC, 0x40, struct zx_ioc_event_create)
#define ZX_IOC_HANDLE_TO_FD		_IOW(ZX_IOC_MAGIC, 0x14, struct zx_ioc_handle_fd)
#define ZX_IOC_FD_TO_HANDLE		_IOW(ZX_IOC_MAGIC, 0x15, struct zx_ioc_handle_fd)
#define ZX_IOC_VMAR_ROOT		_IOW(ZX_IOC_MAGIC, 0x80, struct zx_ioc_vmar_root)
#define ZX_IOC_VMAR_MAP			_IOW(ZX_IOC_MAGIC, 0x81, struct zx_ioc_vmar_map)
#define ZX_IOC_VMAR_UNMAP		_IOW(ZX_IOC_MAGIC, 0x82, struct zx_ioc_vmar_range)
#define ZX_IOC_VMAR_PROTECT		_IOW(ZX_IOC_MAGIC, 0x83, struct zx_ioc_vmar_range)
#define ZX_IOC_VMAR_ALLOCATE		_IOW(ZX_IOC_MAGIC, 0x84, struct zx_ioc_vmar_allocate)
#define ZX_IOC_VMAR_DESTROY		_IOW(ZX_IOC_MAGIC, 0x85, struct zx_ioc_handle)
#define ZX_IOC_CHANNEL_CREATE		_IOW(ZX_IOC_MAGIC, 0x70, struct zx_ioc_channel_create)
#define ZX_IOC_CHANNEL_WRITE		_IO(ZX_IOC_MAGIC, 0x71)	/* register call */
#define ZX_IOC_CHANNEL_READ		_IO(ZX_IOC_MAGIC, 0x72)	/* register call */
#define ZX_IOC_CHANNEL_READ_ETC		_IO(ZX_IOC_MAGIC, 0x73)	/* register call */
#define ZX_IOC_CHANNEL_CALL		_IOW(ZX_IOC_MAGIC, 0x74, struct zx_ioc_channel_call)
#define ZX_IOC_PORT_CREATE		_IOW(ZX_IOC_MAGIC, 0x60, struct zx_ioc_port_create)
#define ZX_IOC_PORT_QUEUE		_IOW(ZX_IOC_MAGIC, 0x61, struct zx_ioc_port_queue)
#define ZX_IOC_PORT_WAIT		_IOW(ZX_IOC_MAGIC, 0x62, struct zx_ioc_port_wait)
#define ZX_IOC_PORT_CANCEL		_IOW(ZX_IOC_MAGIC, 0x63, struct zx_ioc_port_cancel)
#define ZX_IOC_OBJECT_WAIT_ASYNC	_IOW(ZX_IOC_MAGIC, 0x26, struct zx_ioc_wait_async)
#define ZX_IOC_VMO_CREATE		_IOW(ZX_IOC_MAGIC, 0x50, struct zx_ioc_vmo_create)
#define ZX_IOC_VMO_READ			_IOW(ZX_IOC_MAGIC, 0x51, struct zx_ioc_vmo_rw)
#define ZX_IOC_VMO_WRITE		_IOW(ZX_IOC_MAGIC, 0x52, struct zx_ioc_vmo_rw)
#define ZX_IOC_VMO_GET_SIZE		_IOW(ZX_IOC_MAGIC, 0x53, struct zx_ioc_vmo_size)
#define ZX_IOC_VMO_SET_SIZE		_IOW(ZX_IOC_MAGIC, 0x54, struct zx_ioc_vmo_size)
#define ZX_IOC_VMO_OP_RANGE		_IOW(ZX_IOC_MAGIC, 0x55, struct zx_ioc_vmo_op_range)
#define ZX_IOC_VMO_CREATE_CHILD		_IOW(ZX_IOC_MAGIC, 0x56, struct zx_ioc_vmo_child)
#define ZX_IOC_VMO_REPLACE_AS_EXECUTABLE _IOW(ZX_IOC_MAGIC, 0x57, struct zx_ioc_vmo_exec)
#define ZX_IOC_PROCESS_CREATE		_IOW(ZX_IOC_MAGIC, 0x90, struct zx_ioc_process_create)
#define ZX_IOC_PROCESS_START		_IOW(ZX_IOC_MAGIC, 0x91, struct zx_ioc_process_start)
#define ZX_IOC_PROCESS_EXIT		_IOW(ZX_IOC_MAGIC, 0x92, struct zx_ioc_process_exit)
#define ZX_IOC_THREAD_CREATE		_IOW(ZX_IOC_MAGIC, 0x93, struct zx_ioc_thread_create)
#define ZX_IOC_THREAD_START		_IOW(ZX_IOC_MAGIC, 0x94, struct zx_ioc_thread_start)
#define ZX_IOC_SELF			_IOWR(ZX_IOC_MAGIC, 0x95, struct zx_ioc_self)
#define ZX_IOC_PROCESS_BLANK		_IOW(ZX_IOC_MAGIC, 0x96, struct zx_ioc_process_blank)
#define ZX_IOC_PROCESS_CREATE_SHARED	_IOW(ZX_IOC_MAGIC, 0x97, struct zx_ioc_process_create)
/* The agent helper's calls: internal to libzx and the module. */
#define ZX_IOC_AGENT_BIND		_IO(ZX_IOC_MAGIC, 0x9E)
#define ZX_IOC_AGENT_PARK		_IO(ZX_IOC_MAGIC, 0x9F)

#endif /* _UAPI_LINUX_ZIRCON_H */
