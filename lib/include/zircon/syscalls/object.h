// SPDX-License-Identifier: MIT
// zx_object_get_info topics, their records, and object properties.
#ifndef ZIRCON_SYSCALLS_OBJECT_H_
#define ZIRCON_SYSCALLS_OBJECT_H_

#include <stdbool.h>
#include <zircon/types.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef uint32_t zx_object_info_topic_t;
#define __ZX_INFO_TOPIC(t, v) ((zx_object_info_topic_t)(t) | ((zx_object_info_topic_t)(v) << 28))

#define ZX_INFO_NONE            ((zx_object_info_topic_t)0u)
#define ZX_INFO_HANDLE_VALID    ((zx_object_info_topic_t)1u)
#define ZX_INFO_HANDLE_BASIC    ((zx_object_info_topic_t)2u)
#define ZX_INFO_PROCESS         __ZX_INFO_TOPIC(3u, 1)
#define ZX_INFO_PROCESS_V1      __ZX_INFO_TOPIC(3u, 0)
#define ZX_INFO_PROCESS_THREADS ((zx_object_info_topic_t)4u)
#define ZX_INFO_VMAR            ((zx_object_info_topic_t)7u)
#define ZX_INFO_JOB_CHILDREN    ((zx_object_info_topic_t)8u)
#define ZX_INFO_JOB_PROCESSES   ((zx_object_info_topic_t)9u)
#define ZX_INFO_THREAD          ((zx_object_info_topic_t)10u)
#define ZX_INFO_TASK_STATS      __ZX_INFO_TOPIC(12u, 1)
#define ZX_INFO_TASK_STATS_V1   __ZX_INFO_TOPIC(12u, 0)
#define ZX_INFO_HANDLE_COUNT    ((zx_object_info_topic_t)19u)
#define ZX_INFO_VMO_V1          __ZX_INFO_TOPIC(23u, 0)
#define ZX_INFO_VMO             __ZX_INFO_TOPIC(23u, 1)
#define ZX_INFO_JOB             ((zx_object_info_topic_t)24u)

#define ZX_OBJ_PROP_NONE     ((uint32_t)0u)
#define ZX_OBJ_PROP_WAITABLE ((uint32_t)1u)

typedef struct zx_info_handle_basic {
  zx_koid_t koid;
  zx_rights_t rights;
  zx_obj_type_t type;
  zx_koid_t related_koid;
  uint32_t reserved;
  uint8_t padding1[4];
} zx_info_handle_basic_t;

typedef struct zx_info_vmar {
  uintptr_t base;
  size_t len;
} zx_info_vmar_t;

typedef struct zx_info_job {
  int64_t return_code;
  bool exited;
  bool kill_on_oom;
  bool debugger_attached;
  uint8_t padding1[5];
} zx_info_job_t;

// ZX_INFO_PROCESS
#define ZX_INFO_PROCESS_FLAG_STARTED           ((uint32_t)1u << 0)
#define ZX_INFO_PROCESS_FLAG_EXITED            ((uint32_t)1u << 1)
#define ZX_INFO_PROCESS_FLAG_DEBUGGER_ATTACHED ((uint32_t)1u << 2)

typedef struct zx_info_process {
  int64_t return_code;
  zx_time_t start_time;
  uint32_t flags;
  uint8_t padding1[4];
} zx_info_process_t;

// The first layout (topic ZX_INFO_PROCESS_V1).
typedef struct zx_info_process_v1 {
  int64_t return_code;
  bool started;
  bool exited;
  bool debugger_attached;
  uint8_t padding1[5];
} zx_info_process_v1_t;

// ZX_INFO_THREAD
#define ZX_THREAD_STATE_NEW              ((uint32_t)0x0000u)
#define ZX_THREAD_STATE_RUNNING          ((uint32_t)0x0001u)
#define ZX_THREAD_STATE_SUSPENDED        ((uint32_t)0x0002u)
#define ZX_THREAD_STATE_BLOCKED          ((uint32_t)0x0003u)
#define ZX_THREAD_STATE_DYING            ((uint32_t)0x0004u)
#define ZX_THREAD_STATE_DEAD             ((uint32_t)0x0005u)
#define ZX_THREAD_STATE_BLOCKED_EXCEPTION  ((uint32_t)0x0103u)
#define ZX_THREAD_STATE_BLOCKED_SLEEPING   ((uint32_t)0x0203u)
#define ZX_THREAD_STATE_BLOCKED_FUTEX      ((uint32_t)0x0303u)
#define ZX_THREAD_STATE_BLOCKED_PORT       ((uint32_t)0x0403u)
#define ZX_THREAD_STATE_BLOCKED_CHANNEL    ((uint32_t)0x0503u)
#define ZX_THREAD_STATE_BLOCKED_WAIT_ONE   ((uint32_t)0x0603u)
#define ZX_THREAD_STATE_BLOCKED_WAIT_MANY  ((uint32_t)0x0703u)
#define ZX_THREAD_STATE_BLOCKED_INTERRUPT  ((uint32_t)0x0803u)
#define ZX_THREAD_STATE_BLOCKED_PAGER      ((uint32_t)0x0903u)
#define ZX_THREAD_STATE_BASIC(n)         ((n) & 0xff)

typedef struct zx_cpu_set {
  uint64_t mask[8];
} zx_cpu_set_t;

typedef struct zx_info_thread {
  uint32_t state;
  uint32_t wait_exception_channel_type;
  zx_cpu_set_t cpu_affinity_mask;
} zx_info_thread_t;

// ZX_INFO_TASK_STATS (ZX_INFO_TASK_STATS_V1 fills the first four fields).
typedef struct zx_info_task_stats {
  size_t mem_mapped_bytes;
  size_t mem_private_bytes;
  size_t mem_shared_bytes;
  size_t mem_scaled_shared_bytes;
  uint64_t mem_fractional_scaled_shared_bytes;
} zx_info_task_stats_t;

#define ZX_INFO_VMO_TYPE_PAGED   ((uint32_t)1u << 0)
#define ZX_INFO_VMO_TYPE(flags)  ((flags) & ((uint32_t)1u << 0))
#define ZX_INFO_VMO_RESIZABLE    ((uint32_t)1u << 1)
#define ZX_INFO_VMO_IS_COW_CLONE ((uint32_t)1u << 2)
#define ZX_INFO_VMO_VIA_HANDLE   ((uint32_t)1u << 3)
#define ZX_INFO_VMO_VIA_MAPPING  ((uint32_t)1u << 4)

typedef struct zx_info_vmo {
  zx_koid_t koid;
  char name[ZX_MAX_NAME_LEN];
  uint64_t size_bytes;
  zx_koid_t parent_koid;
  size_t num_children;
  size_t num_mappings;
  size_t share_count;
  uint32_t flags;
  uint8_t padding1[4];
  uint64_t committed_bytes;
  zx_rights_t handle_rights;
  uint32_t cache_policy;
  uint64_t metadata_bytes;
  uint64_t committed_change_events;
} zx_info_vmo_t;

typedef struct zx_info_vmo_v1 {
  zx_koid_t koid;
  char name[ZX_MAX_NAME_LEN];
  uint64_t size_bytes;
  zx_koid_t parent_koid;
  size_t num_children;
  size_t num_mappings;
  size_t share_count;
  uint32_t flags;
  uint8_t padding1[4];
  uint64_t committed_bytes;
  zx_rights_t handle_rights;
  uint32_t cache_policy;
} zx_info_vmo_v1_t;

// Task return codes.
#define ZX_TASK_RETCODE_SYSCALL_KILL          ((int64_t)-1024)
#define ZX_TASK_RETCODE_OOM_KILL              ((int64_t)-1025)
#define ZX_TASK_RETCODE_POLICY_KILL           ((int64_t)-1026)
#define ZX_TASK_RETCODE_VDSO_KILL             ((int64_t)-1027)
#define ZX_TASK_RETCODE_EXCEPTION_KILL        ((int64_t)-1028)
#define ZX_TASK_RETCODE_CRITICAL_PROCESS_KILL ((int64_t)-1029)

// Object properties.
#define ZX_PROP_NAME                       ((uint32_t)3u)
#define ZX_PROP_REGISTER_GS                ((uint32_t)2u)
#define ZX_PROP_REGISTER_FS                ((uint32_t)4u)
#define ZX_PROP_PROCESS_DEBUG_ADDR         ((uint32_t)5u)
#define ZX_PROP_PROCESS_VDSO_BASE_ADDRESS  ((uint32_t)6u)
#define ZX_PROP_PROCESS_BREAK_ON_LOAD      ((uint32_t)7u)
#define ZX_PROP_JOB_KILL_ON_OOM            ((uint32_t)15u)

#ifdef __cplusplus
}
#endif

#endif  // ZIRCON_SYSCALLS_OBJECT_H_
