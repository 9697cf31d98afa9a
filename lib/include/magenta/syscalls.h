// SPDX-License-Identifier: MIT
// Magenta-era spelling of the calls libzx implements: each mx_* call is a
// thin inline wrapper over its zx_* counterpart, converting Magenta's signed
// handles and unsigned times.
#ifndef MAGENTA_SYSCALLS_H_
#define MAGENTA_SYSCALLS_H_

#include <magenta/types.h>
#include <zircon/process.h>
#include <zircon/syscalls.h>

#ifdef __cplusplus
extern "C" {
#endif

#define MX_INFO_HANDLE_VALID ZX_INFO_HANDLE_VALID
#define MX_INFO_HANDLE_BASIC ZX_INFO_HANDLE_BASIC
#define MX_INFO_JOB_CHILDREN ZX_INFO_JOB_CHILDREN
#define MX_INFO_JOB_PROCESSES ZX_INFO_JOB_PROCESSES
#define MX_INFO_PROCESS ((uint32_t)3u)
#define MX_INFO_PROCESS_THREADS ZX_INFO_PROCESS_THREADS
#define MX_INFO_THREAD ZX_INFO_THREAD
#define MX_PROP_NAME ZX_PROP_NAME
#define MX_JOB_POL_RELATIVE ZX_JOB_POL_RELATIVE
#define MX_JOB_POL_ABSOLUTE ZX_JOB_POL_ABSOLUTE
#define MX_JOB_POL_BASIC ZX_JOB_POL_BASIC_V1
#define MX_POL_BAD_HANDLE ZX_POL_BAD_HANDLE
#define MX_POL_WRONG_OBJECT ZX_POL_WRONG_OBJECT
#define MX_POL_VMAR_WX ZX_POL_VMAR_WX
#define MX_POL_NEW_ANY ZX_POL_NEW_ANY
#define MX_POL_NEW_VMO ZX_POL_NEW_VMO
#define MX_POL_NEW_CHANNEL ZX_POL_NEW_CHANNEL
#define MX_POL_NEW_EVENT ZX_POL_NEW_EVENT
#define MX_POL_NEW_EVPAIR ZX_POL_NEW_EVENTPAIR
#define MX_POL_NEW_PORT ZX_POL_NEW_PORT
#define MX_POL_NEW_SOCKET ZX_POL_NEW_SOCKET
#define MX_POL_NEW_FIFO ZX_POL_NEW_FIFO
#define MX_POL_ACTION_ALLOW ZX_POL_ACTION_ALLOW
#define MX_POL_ACTION_DENY ZX_POL_ACTION_DENY

typedef zx_info_handle_basic_t mx_info_handle_basic_t;

// Magenta's process record (8 bytes); a killed process reported -1.
typedef struct mx_info_process {
  int return_code;
  bool started;
  bool exited;
  bool debugger_attached;
} mx_info_process_t;
typedef zx_policy_basic_v1_t mx_policy_basic_t;

typedef struct mx_wait_item {
  mx_handle_t handle;
  mx_signals_t waitfor;
  mx_signals_t pending;
} mx_wait_item_t;

static inline zx_time_t mx__deadline(mx_time_t deadline) {
  return deadline > (mx_time_t)ZX_TIME_INFINITE ? ZX_TIME_INFINITE : (zx_time_t)deadline;
}

static inline mx_status_t mx_handle_close(mx_handle_t handle) {
  return zx_handle_close((zx_handle_t)handle);
}

static inline mx_status_t mx_handle_duplicate(mx_handle_t handle, mx_rights_t rights,
                                              mx_handle_t* out) {
  return zx_handle_duplicate((zx_handle_t)handle, rights, (zx_handle_t*)out);
}

static inline mx_status_t mx_handle_replace(mx_handle_t handle, mx_rights_t rights,
                                            mx_handle_t* out) {
  return zx_handle_replace((zx_handle_t)handle, rights, (zx_handle_t*)out);
}

static inline mx_status_t mx_object_get_info(mx_handle_t handle, uint32_t topic, void* buffer,
                                             size_t buffer_size, size_t* actual, size_t* avail) {
  if (topic == MX_INFO_PROCESS) {
    // Magenta's topic 3 has its own, smaller record: translate Zircon's.
    zx_info_process_v1_t v1;
    mx_info_process_t* out = (mx_info_process_t*)buffer;
    zx_status_t st;
    if (buffer_size < sizeof(*out))
      return zx_object_get_info((zx_handle_t)handle, topic, buffer, 0, actual, avail);
    st = zx_object_get_info((zx_handle_t)handle, ZX_INFO_PROCESS_V1, &v1, sizeof(v1), actual,
                            avail);
    if (st == ZX_OK) {
      out->return_code = v1.return_code <= ZX_TASK_RETCODE_SYSCALL_KILL ? -1
                                                                          : (int)v1.return_code;
      out->started = v1.started;
      out->exited = v1.exited;
      out->debugger_attached = v1.debugger_attached;
    }
    return st;
  }
  return zx_object_get_info((zx_handle_t)handle, topic, buffer, buffer_size, actual, avail);
}

static inline mx_status_t mx_object_get_property(mx_handle_t handle, uint32_t property,
                                                 void* value, size_t size) {
  return zx_object_get_property((zx_handle_t)handle, property, value, size);
}

static inline mx_status_t mx_object_set_property(mx_handle_t handle, uint32_t property,
                                                 const void* value, size_t size) {
  return zx_object_set_property((zx_handle_t)handle, property, value, size);
}

static inline mx_status_t mx_object_signal(mx_handle_t handle, uint32_t clear_mask,
                                           uint32_t set_mask) {
  return zx_object_signal((zx_handle_t)handle, clear_mask, set_mask);
}

static inline mx_status_t mx_object_wait_one(mx_handle_t handle, mx_signals_t signals,
                                             mx_time_t deadline, mx_signals_t* observed) {
  return zx_object_wait_one((zx_handle_t)handle, signals, mx__deadline(deadline), observed);
}

static inline mx_status_t mx_object_wait_many(mx_wait_item_t* items, uint32_t count,
                                              mx_time_t deadline) {
  // Same layout: three 32-bit fields.
  return zx_object_wait_many((zx_wait_item_t*)items, count, mx__deadline(deadline));
}

static inline mx_status_t mx_job_create(mx_handle_t parent_job, uint32_t options,
                                        mx_handle_t* out) {
  return zx_job_create((zx_handle_t)parent_job, options, (zx_handle_t*)out);
}

static inline mx_status_t mx_job_set_policy(mx_handle_t job, uint32_t options, uint32_t topic,
                                            const void* policy, uint32_t count) {
  return zx_job_set_policy((zx_handle_t)job, options, topic, policy, count);
}

static inline mx_status_t mx_task_kill(mx_handle_t handle) {
  return zx_task_kill((zx_handle_t)handle);
}

// Processes and threads: Magenta took the name length as uint32_t.
static inline mx_status_t mx_process_create(mx_handle_t job, const char* name, uint32_t name_len,
                                            uint32_t options, mx_handle_t* proc_handle,
                                            mx_handle_t* vmar_handle) {
  return zx_process_create((zx_handle_t)job, name, name_len, options, (zx_handle_t*)proc_handle,
                           (zx_handle_t*)vmar_handle);
}

// Magenta required a handle to pass (ERR_INVALID_ARGS without one).
static inline mx_status_t mx_process_start(mx_handle_t process, mx_handle_t thread,
                                           uintptr_t entry, uintptr_t stack,
                                           mx_handle_t arg_handle, uintptr_t arg2) {
  if (arg_handle == MX_HANDLE_INVALID)
    return ZX_ERR_INVALID_ARGS;
  return zx_process_start((zx_handle_t)process, (zx_handle_t)thread, entry, stack,
                          (zx_handle_t)arg_handle, arg2);
}

static inline void mx_process_exit(int retcode) { zx_process_exit(retcode); }

static inline mx_status_t mx_thread_create(mx_handle_t process, const char* name,
                                           uint32_t name_len, uint32_t options,
                                           mx_handle_t* out) {
  return zx_thread_create((zx_handle_t)process, name, name_len, options, (zx_handle_t*)out);
}

static inline mx_status_t mx_thread_start(mx_handle_t thread, uintptr_t entry, uintptr_t stack,
                                          uintptr_t arg1, uintptr_t arg2) {
  return zx_thread_start((zx_handle_t)thread, entry, stack, arg1, arg2);
}

static inline void mx_thread_exit(void) { zx_thread_exit(); }

static inline mx_handle_t mx_process_self(void) { return (mx_handle_t)zx_process_self(); }

static inline mx_handle_t mx_thread_self(void) { return (mx_handle_t)zx_thread_self(); }

static inline mx_status_t mx_event_create(uint32_t options, mx_handle_t* out) {
  return zx_event_create(options, (zx_handle_t*)out);
}

static inline mx_time_t mx_time_get(uint32_t clock_id) {
  (void)clock_id;
  return (mx_time_t)zx_clock_get_monotonic();
}

static inline mx_time_t mx_deadline_after(mx_duration_t nanoseconds) {
  zx_time_t d = zx_deadline_after(nanoseconds > (mx_duration_t)INT64_MAX
                                      ? ZX_TIME_INFINITE
                                      : (zx_duration_t)nanoseconds);
  return d == ZX_TIME_INFINITE ? MX_TIME_INFINITE : (mx_time_t)d;
}

static inline mx_status_t mx_nanosleep(mx_time_t deadline) {
  return zx_nanosleep(mx__deadline(deadline));
}

static inline mx_handle_t mx_job_default(void) { return (mx_handle_t)zx_job_default(); }

#ifdef __cplusplus
}
#endif

#endif  // MAGENTA_SYSCALLS_H_
