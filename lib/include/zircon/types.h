// SPDX-License-Identifier: MIT
// Zircon's basic types, signals, object types and limits.
#ifndef ZIRCON_TYPES_H_
#define ZIRCON_TYPES_H_

#include <stddef.h>
#include <stdint.h>
#include <zircon/errors.h>
#include <zircon/rights.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef uint32_t zx_handle_t;
typedef int32_t zx_status_t;
typedef int64_t zx_time_t;
typedef int64_t zx_duration_t;
typedef uint64_t zx_ticks_t;
typedef uint64_t zx_koid_t;
typedef uint32_t zx_signals_t;
typedef uint32_t zx_obj_type_t;
typedef uint32_t zx_vm_option_t;
typedef uintptr_t zx_vaddr_t;
typedef uintptr_t zx_paddr_t;
typedef uint64_t zx_off_t;
typedef uint32_t zx_clock_t;
typedef int32_t zx_futex_t;

#define ZX_HANDLE_INVALID          ((zx_handle_t)0)
#define ZX_HANDLE_FIXED_BITS_MASK  ((zx_handle_t)0x3)

#define ZX_KOID_INVALID  ((zx_koid_t)0)
#define ZX_KOID_KERNEL   ((zx_koid_t)1)
#define ZX_KOID_FIRST    ((zx_koid_t)1024)

#define ZX_TIME_INFINITE      INT64_MAX
#define ZX_TIME_INFINITE_PAST INT64_MIN
#define ZX_NSEC(n) ((zx_duration_t)(1LL * (n)))
#define ZX_USEC(n) ((zx_duration_t)(1000LL * (n)))
#define ZX_MSEC(n) ((zx_duration_t)(1000000LL * (n)))
#define ZX_SEC(n)  ((zx_duration_t)(1000000000LL * (n)))
#define ZX_MIN(n)  (ZX_SEC(n) * 60LL)
#define ZX_HOUR(n) (ZX_MIN(n) * 60LL)

#define ZX_CLOCK_MONOTONIC ((zx_clock_t)0)

#define ZX_MAX_NAME_LEN ((size_t)32u)

// Signals.
#define ZX_SIGNAL_NONE          ((zx_signals_t)0u)
#define ZX_USER_SIGNAL_ALL      ((zx_signals_t)0xff000000u)
#define __ZX_OBJECT_READABLE    ((zx_signals_t)1u << 0)
#define __ZX_OBJECT_WRITABLE    ((zx_signals_t)1u << 1)
#define __ZX_OBJECT_PEER_CLOSED ((zx_signals_t)1u << 2)
#define __ZX_OBJECT_SIGNALED    ((zx_signals_t)1u << 3)
#define __ZX_OBJECT_SIGNAL_4    ((zx_signals_t)1u << 4)
#define __ZX_OBJECT_SIGNAL_5    ((zx_signals_t)1u << 5)
#define __ZX_OBJECT_SIGNAL_6    ((zx_signals_t)1u << 6)
#define ZX_SIGNAL_HANDLE_CLOSED ((zx_signals_t)1u << 23)
#define ZX_USER_SIGNAL_0        ((zx_signals_t)1u << 24)
#define ZX_USER_SIGNAL_1        ((zx_signals_t)1u << 25)
#define ZX_USER_SIGNAL_2        ((zx_signals_t)1u << 26)
#define ZX_USER_SIGNAL_3        ((zx_signals_t)1u << 27)
#define ZX_USER_SIGNAL_4        ((zx_signals_t)1u << 28)
#define ZX_USER_SIGNAL_5        ((zx_signals_t)1u << 29)
#define ZX_USER_SIGNAL_6        ((zx_signals_t)1u << 30)
#define ZX_USER_SIGNAL_7        ((zx_signals_t)1u << 31)

#define ZX_EVENT_SIGNALED       __ZX_OBJECT_SIGNALED
#define ZX_EVENTPAIR_SIGNALED   __ZX_OBJECT_SIGNALED
#define ZX_EVENTPAIR_PEER_CLOSED __ZX_OBJECT_PEER_CLOSED
#define ZX_CHANNEL_READABLE     __ZX_OBJECT_READABLE
#define ZX_CHANNEL_WRITABLE     __ZX_OBJECT_WRITABLE
#define ZX_CHANNEL_PEER_CLOSED  __ZX_OBJECT_PEER_CLOSED
#define ZX_TASK_TERMINATED      __ZX_OBJECT_SIGNALED
#define ZX_JOB_TERMINATED       __ZX_OBJECT_SIGNALED
#define ZX_JOB_NO_JOBS          __ZX_OBJECT_SIGNAL_4
#define ZX_JOB_NO_PROCESSES     __ZX_OBJECT_SIGNAL_5
#define ZX_PROCESS_TERMINATED   __ZX_OBJECT_SIGNALED
#define ZX_THREAD_TERMINATED    __ZX_OBJECT_SIGNALED
#define ZX_THREAD_RUNNING       __ZX_OBJECT_SIGNAL_4
#define ZX_THREAD_SUSPENDED     __ZX_OBJECT_SIGNAL_5

// Object types.
#define ZX_OBJ_TYPE_NONE        ((zx_obj_type_t)0u)
#define ZX_OBJ_TYPE_PROCESS     ((zx_obj_type_t)1u)
#define ZX_OBJ_TYPE_THREAD      ((zx_obj_type_t)2u)
#define ZX_OBJ_TYPE_VMO         ((zx_obj_type_t)3u)
#define ZX_OBJ_TYPE_CHANNEL     ((zx_obj_type_t)4u)
#define ZX_OBJ_TYPE_EVENT       ((zx_obj_type_t)5u)
#define ZX_OBJ_TYPE_PORT        ((zx_obj_type_t)6u)
#define ZX_OBJ_TYPE_INTERRUPT   ((zx_obj_type_t)9u)
#define ZX_OBJ_TYPE_PCI_DEVICE  ((zx_obj_type_t)11u)
#define ZX_OBJ_TYPE_DEBUGLOG    ((zx_obj_type_t)12u)
#define ZX_OBJ_TYPE_SOCKET      ((zx_obj_type_t)14u)
#define ZX_OBJ_TYPE_RESOURCE    ((zx_obj_type_t)15u)
#define ZX_OBJ_TYPE_EVENTPAIR   ((zx_obj_type_t)16u)
#define ZX_OBJ_TYPE_JOB         ((zx_obj_type_t)17u)
#define ZX_OBJ_TYPE_VMAR        ((zx_obj_type_t)18u)
#define ZX_OBJ_TYPE_FIFO        ((zx_obj_type_t)19u)
#define ZX_OBJ_TYPE_GUEST       ((zx_obj_type_t)20u)
#define ZX_OBJ_TYPE_VCPU        ((zx_obj_type_t)21u)
#define ZX_OBJ_TYPE_TIMER       ((zx_obj_type_t)22u)
#define ZX_OBJ_TYPE_IOMMU       ((zx_obj_type_t)23u)
#define ZX_OBJ_TYPE_BTI         ((zx_obj_type_t)24u)
#define ZX_OBJ_TYPE_PROFILE     ((zx_obj_type_t)25u)
#define ZX_OBJ_TYPE_PMT         ((zx_obj_type_t)26u)
#define ZX_OBJ_TYPE_SUSPEND_TOKEN ((zx_obj_type_t)27u)
#define ZX_OBJ_TYPE_PAGER       ((zx_obj_type_t)28u)
#define ZX_OBJ_TYPE_EXCEPTION   ((zx_obj_type_t)29u)
#define ZX_OBJ_TYPE_CLOCK       ((zx_obj_type_t)30u)
#define ZX_OBJ_TYPE_STREAM      ((zx_obj_type_t)31u)
#define ZX_OBJ_TYPE_MSI         ((zx_obj_type_t)32u)
#define ZX_OBJ_TYPE_IOB         ((zx_obj_type_t)33u)
#define ZX_OBJ_TYPE_COUNTER     ((zx_obj_type_t)34u)
#define ZX_OBJ_TYPE_UPPER_BOUND ((zx_obj_type_t)64u)

// zx_object_wait_many.
#define ZX_WAIT_MANY_MAX_ITEMS ((size_t)64)
typedef struct zx_wait_item {
  zx_handle_t handle;
  zx_signals_t waitfor;
  zx_signals_t pending;
} zx_wait_item_t;

// VMAR and mapping options.
#define ZX_VM_PERM_READ          ((zx_vm_option_t)1u << 0)
#define ZX_VM_PERM_WRITE         ((zx_vm_option_t)1u << 1)
#define ZX_VM_PERM_EXECUTE       ((zx_vm_option_t)1u << 2)
#define ZX_VM_COMPACT            ((zx_vm_option_t)1u << 3)
#define ZX_VM_SPECIFIC           ((zx_vm_option_t)1u << 4)
#define ZX_VM_SPECIFIC_OVERWRITE ((zx_vm_option_t)1u << 5)
#define ZX_VM_CAN_MAP_SPECIFIC   ((zx_vm_option_t)1u << 6)
#define ZX_VM_CAN_MAP_READ       ((zx_vm_option_t)1u << 7)
#define ZX_VM_CAN_MAP_WRITE      ((zx_vm_option_t)1u << 8)
#define ZX_VM_CAN_MAP_EXECUTE    ((zx_vm_option_t)1u << 9)
#define ZX_VM_MAP_RANGE          ((zx_vm_option_t)1u << 10)
#define ZX_VM_REQUIRE_NON_RESIZABLE ((zx_vm_option_t)1u << 11)
#define ZX_VM_ALLOW_FAULTS       ((zx_vm_option_t)1u << 12)

// VMOs.
#define ZX_VMO_RESIZABLE     ((uint32_t)1u << 1)
#define ZX_VMO_DISCARDABLE   ((uint32_t)1u << 2)
#define ZX_VMO_ZERO_CHILDREN __ZX_OBJECT_SIGNALED

#define ZX_VMO_OP_COMMIT                 ((uint32_t)1u)
#define ZX_VMO_OP_DECOMMIT               ((uint32_t)2u)
#define ZX_VMO_OP_LOCK                   ((uint32_t)3u)
#define ZX_VMO_OP_UNLOCK                 ((uint32_t)4u)
#define ZX_VMO_OP_CACHE_SYNC             ((uint32_t)6u)
#define ZX_VMO_OP_CACHE_INVALIDATE       ((uint32_t)7u)
#define ZX_VMO_OP_CACHE_CLEAN            ((uint32_t)8u)
#define ZX_VMO_OP_CACHE_CLEAN_INVALIDATE ((uint32_t)9u)
#define ZX_VMO_OP_ZERO                   ((uint32_t)10u)

#define ZX_VMO_CHILD_SNAPSHOT                   ((uint32_t)1u << 0)
#define ZX_VMO_CHILD_RESIZABLE                  ((uint32_t)1u << 2)
#define ZX_VMO_CHILD_SLICE                      ((uint32_t)1u << 3)
#define ZX_VMO_CHILD_SNAPSHOT_AT_LEAST_ON_WRITE ((uint32_t)1u << 4)
#define ZX_VMO_CHILD_NO_WRITE                   ((uint32_t)1u << 5)

// Channels.
#define ZX_CHANNEL_MAX_MSG_BYTES    ((uint32_t)65536u)
#define ZX_CHANNEL_MAX_MSG_HANDLES  ((uint32_t)64u)
#define ZX_CHANNEL_READ_MAY_DISCARD ((uint32_t)1u)

typedef struct zx_handle_info {
  zx_handle_t handle;
  zx_obj_type_t type;
  zx_rights_t rights;
  uint32_t unused;
} zx_handle_info_t;

typedef struct zx_channel_call_args {
  const void* wr_bytes;
  const zx_handle_t* wr_handles;
  void* rd_bytes;
  zx_handle_t* rd_handles;
  uint32_t wr_num_bytes;
  uint32_t wr_num_handles;
  uint32_t rd_num_bytes;
  uint32_t rd_num_handles;
} zx_channel_call_args_t;

// Process creation options.
#define ZX_PROCESS_SHARED ((uint32_t)1u << 0)

#ifdef __cplusplus
}
#endif

#endif  // ZIRCON_TYPES_H_
