/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Zircon constants the module needs (statuses, rights, signals, object
 * types, info topics, policy).  The values are Zircon's; user space sees the
 * same numbers through libzx's <zircon/...> headers.
 */
#ifndef _ZIRCON_ABI_H
#define _ZIRCON_ABI_H

#include <linux/bits.h>

/* Statuses, <zircon/errors.h> */
#define ZX_OK				0
#define ZX_ERR_INTERNAL			(-1)
#define ZX_ERR_NOT_SUPPORTED		(-2)
#define ZX_ERR_NO_RESOURCES		(-3)
#define ZX_ERR_NO_MEMORY		(-4)
#define ZX_ERR_INVALID_ARGS		(-10)
#define ZX_ERR_BAD_HANDLE		(-11)
#define ZX_ERR_WRONG_TYPE		(-12)
#define ZX_ERR_OUT_OF_RANGE		(-14)
#define ZX_ERR_BUFFER_TOO_SMALL		(-15)
#define ZX_ERR_BAD_STATE		(-20)
#define ZX_ERR_TIMED_OUT		(-21)
#define ZX_ERR_SHOULD_WAIT		(-22)
#define ZX_ERR_CANCELED			(-23)
#define ZX_ERR_PEER_CLOSED		(-24)
#define ZX_ERR_NOT_FOUND		(-25)
#define ZX_ERR_ALREADY_EXISTS		(-26)
#define ZX_ERR_UNAVAILABLE		(-28)
#define ZX_ERR_ACCESS_DENIED		(-30)

/* Rights, <zircon/rights.h> */
#define ZX_RIGHT_DUPLICATE		BIT(0)
#define ZX_RIGHT_TRANSFER		BIT(1)
#define ZX_RIGHT_READ			BIT(2)
#define ZX_RIGHT_WRITE			BIT(3)
#define ZX_RIGHT_EXECUTE		BIT(4)
#define ZX_RIGHT_MAP			BIT(5)
#define ZX_RIGHT_GET_PROPERTY		BIT(6)
#define ZX_RIGHT_SET_PROPERTY		BIT(7)
#define ZX_RIGHT_ENUMERATE		BIT(8)
#define ZX_RIGHT_DESTROY		BIT(9)
#define ZX_RIGHT_SET_POLICY		BIT(10)
#define ZX_RIGHT_GET_POLICY		BIT(11)
#define ZX_RIGHT_SIGNAL			BIT(12)
#define ZX_RIGHT_WAIT			BIT(14)
#define ZX_RIGHT_INSPECT		BIT(15)
#define ZX_RIGHT_MANAGE_JOB		BIT(16)
#define ZX_RIGHT_MANAGE_PROCESS		BIT(17)
#define ZX_RIGHT_MANAGE_THREAD		BIT(18)
#define ZX_RIGHT_OP_CHILDREN		BIT(21)
#define ZX_RIGHT_SAME_RIGHTS		BIT(31)

#define ZX_DEFAULT_JOB_RIGHTS		0x0007DFCFu
#define ZX_DEFAULT_EVENT_RIGHTS		0x0000D003u
#define ZX_DEFAULT_VMO_RIGHTS		0x0000D0EFu
#define ZX_DEFAULT_PORT_RIGHTS		0x0000800Fu
#define ZX_DEFAULT_CHANNEL_RIGHTS	0x0000F00Eu
#define ZX_DEFAULT_VMAR_RIGHTS		0x00208003u

/* Signals */
#define ZX_CHANNEL_READABLE		BIT(0)
#define ZX_CHANNEL_WRITABLE		BIT(1)
#define ZX_CHANNEL_PEER_CLOSED		BIT(2)
#define ZX_EVENT_SIGNALED		BIT(3)
#define ZX_TASK_TERMINATED		BIT(3)
#define ZX_JOB_TERMINATED		BIT(3)
#define ZX_JOB_NO_JOBS			BIT(4)
#define ZX_JOB_NO_PROCESSES		BIT(5)
#define ZX_JOB_NO_CHILDREN		BIT(6)	/* kernel-internal in Zircon */
#define ZX_VMO_ZERO_CHILDREN		BIT(3)
#define ZX_USER_SIGNAL_ALL		0xFF000000u

/* Object types */
#define ZX_OBJ_TYPE_NONE		0
#define ZX_OBJ_TYPE_PROCESS		1
#define ZX_OBJ_TYPE_VMO			3
#define ZX_OBJ_TYPE_CHANNEL		4
#define ZX_OBJ_TYPE_EVENT		5
#define ZX_OBJ_TYPE_PORT		6
#define ZX_OBJ_TYPE_JOB			17
#define ZX_OBJ_TYPE_VMAR		18

/* Names and properties */
#define ZX_MAX_NAME_LEN			32
#define ZX_PROP_NAME			3

/* zx_object_get_info topics */
#define ZX_INFO_HANDLE_VALID		1
#define ZX_INFO_HANDLE_BASIC		2
#define ZX_INFO_VMAR			7
#define ZX_INFO_JOB_CHILDREN		8
#define ZX_INFO_JOB_PROCESSES		9
#define ZX_INFO_HANDLE_COUNT		19
#define ZX_INFO_JOB			24
#define ZX_INFO_VMO_V1			23
#define ZX_INFO_VMO			0x10000017u
#define ZX_INFO_VMO_TYPE_PAGED		BIT(0)
#define ZX_INFO_VMO_RESIZABLE		BIT(1)
#define ZX_INFO_VMO_IS_COW_CLONE	BIT(2)
#define ZX_INFO_VMO_VIA_HANDLE		BIT(3)

/* Job policy, <zircon/syscalls/policy.h> */
#define ZX_JOB_POL_RELATIVE		0
#define ZX_JOB_POL_ABSOLUTE		1
#define ZX_JOB_POL_BASIC_V1		0
#define ZX_JOB_POL_BASIC_V2		0x01000000u
#define ZX_JOB_POL_TIMER_SLACK		1
#define ZX_POL_NEW_ANY			3
#define ZX_POL_NEW_VMO			4
#define ZX_POL_NEW_CHANNEL		5
#define ZX_POL_NEW_EVENT		6
#define ZX_POL_NEW_PORT			8
#define ZX_POL_NEW_PROCESS		12
#define ZX_POL_NEW_PROFILE		13
#define ZX_POL_NEW_PAGER		14
#define ZX_POL_AMBIENT_MARK_VMO_EXEC	15
#define ZX_POL_NEW_IOB			16
#define ZX_POL_MAX			17
#define ZX_POL_ACTION_ALLOW		0
#define ZX_POL_ACTION_DENY		1
#define ZX_POL_ACTION_ALLOW_EXCEPTION	2
#define ZX_POL_ACTION_KILL		4
#define ZX_POL_ACTION_MAX		5
#define ZX_POL_OVERRIDE_ALLOW		0
#define ZX_POL_OVERRIDE_DENY		1

/* VMOs */
#define ZX_VMO_RESIZABLE		BIT(1)
#define ZX_VMO_OP_COMMIT		1
#define ZX_VMO_OP_DECOMMIT		2
#define ZX_VMO_OP_LOCK			3
#define ZX_VMO_OP_UNLOCK		4
#define ZX_VMO_OP_CACHE_SYNC		6
#define ZX_VMO_OP_CACHE_INVALIDATE	7
#define ZX_VMO_OP_CACHE_CLEAN		8
#define ZX_VMO_OP_CACHE_CLEAN_INVALIDATE 9
#define ZX_VMO_OP_ZERO			10
#define ZX_VMO_CHILD_SNAPSHOT		BIT(0)
#define ZX_VMO_CHILD_RESIZABLE		BIT(2)
#define ZX_VMO_CHILD_SLICE		BIT(3)
#define ZX_VMO_CHILD_SNAPSHOT_AT_LEAST_ON_WRITE BIT(4)
#define ZX_VMO_CHILD_NO_WRITE		BIT(5)

/* VMARs */
#define ZX_VM_PERM_READ			BIT(0)
#define ZX_VM_PERM_WRITE		BIT(1)
#define ZX_VM_PERM_EXECUTE		BIT(2)
#define ZX_VM_SPECIFIC			BIT(4)
#define ZX_VM_COMPACT			BIT(3)
#define ZX_VM_SPECIFIC_OVERWRITE	BIT(5)
#define ZX_VM_CAN_MAP_SPECIFIC		BIT(6)
#define ZX_VM_CAN_MAP_READ		BIT(7)
#define ZX_VM_CAN_MAP_WRITE		BIT(8)
#define ZX_VM_CAN_MAP_EXECUTE		BIT(9)
#define ZX_VM_MAP_RANGE			BIT(10)
#define ZX_VM_ALLOW_FAULTS		BIT(12)

/* Channels */
#define ZX_CHANNEL_MAX_MSG_BYTES	65536
#define ZX_CHANNEL_MAX_MSG_HANDLES	64
#define ZX_CHANNEL_READ_MAY_DISCARD	BIT(0)

/* Ports */
#define ZX_PKT_TYPE_USER		0
#define ZX_PKT_TYPE_SIGNAL_ONE		1
#define ZX_WAIT_ASYNC_TIMESTAMP		BIT(0)
#define ZX_WAIT_ASYNC_EDGE		BIT(1)

#define ZX_TASK_RETCODE_SYSCALL_KILL	(-1024LL)

#define ZX_TIME_INFINITE		S64_MAX
#define ZX_WAIT_MANY_MAX_ITEMS		64

#endif /* _ZIRCON_ABI_H */
