// SPDX-License-Identifier: MIT
// Processes, threads and deadlines: the calls shared by hosted and
// freestanding libzx.
#include <zircon/syscalls.h>

#include "internal.h"

zx_status_t zx_process_start(zx_handle_t handle, zx_handle_t thread, zx_vaddr_t entry,
                             zx_vaddr_t stack, zx_handle_t arg1, uintptr_t arg2) {
  struct zx_ioc_process_start a = {
      .process = handle,
      .thread = thread,
      .entry = entry,
      .stack = stack,
      .arg1 = arg1,
      .arg2 = arg2,
  };
  return zx__call(ZX_IOC_PROCESS_START, &a);
}

zx_status_t zx_thread_create(zx_handle_t process, const char* name, size_t name_size,
                             uint32_t options, zx_handle_t* out) {
  struct zx_ioc_thread_create a = {
      .process = process,
      .options = options,
      .name = ZX_PTR(name),
      .name_size = name_size,
      .out = ZX_PTR(out),
  };
  return zx__call(ZX_IOC_THREAD_CREATE, &a);
}

zx_status_t zx_thread_start(zx_handle_t handle, zx_vaddr_t thread_entry, zx_vaddr_t stack,
                            uintptr_t arg1, uintptr_t arg2) {
  struct zx_ioc_thread_start a = {
      .thread = handle,
      .entry = thread_entry,
      .stack = stack,
      .arg1 = arg1,
      .arg2 = arg2,
  };
  return zx__call(ZX_IOC_THREAD_START, &a);
}

struct zx_ioc_self zx__self(void) {
  struct zx_ioc_self s = {0};
  if (zx__call(ZX_IOC_SELF, &s) != ZX_OK)
    s.process = s.thread = s.vmar = ZX_HANDLE_INVALID;
  return s;
}

zx_handle_t zx_process_self(void) { return zx__self().process; }

zx_handle_t zx_thread_self(void) { return zx__self().thread; }

// Shared by both builds: each has its own zx_clock_get_monotonic.
zx_time_t zx_deadline_after(zx_duration_t nanoseconds) {
  zx_time_t now = zx_clock_get_monotonic();
  if (nanoseconds > 0 && now > ZX_TIME_INFINITE - nanoseconds)
    return ZX_TIME_INFINITE;
  return now + nanoseconds;
}
