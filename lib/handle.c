// SPDX-License-Identifier: MIT
#include <zircon/syscalls.h>

#include "internal.h"

zx_status_t zx_handle_close(zx_handle_t handle) {
  if (handle == ZX_HANDLE_INVALID)
    return ZX_OK;
  return zx__call(ZX_IOC_HANDLE_CLOSE, (void*)(uintptr_t)handle);
}

zx_status_t zx_handle_close_many(const zx_handle_t* handles, size_t num_handles) {
  struct zx_ioc_handle_close_many a = {.handles = ZX_PTR(handles), .count = num_handles};
  return zx__call(ZX_IOC_HANDLE_CLOSE_MANY, &a);
}

zx_status_t zx_handle_duplicate(zx_handle_t handle, zx_rights_t rights, zx_handle_t* out) {
  struct zx_ioc_handle_dup a = {.handle = handle, .rights = rights, .out = ZX_PTR(out)};
  return zx__call(ZX_IOC_HANDLE_DUPLICATE, &a);
}

zx_status_t zx_handle_replace(zx_handle_t handle, zx_rights_t rights, zx_handle_t* out) {
  struct zx_ioc_handle_dup a = {.handle = handle, .rights = rights, .out = ZX_PTR(out)};
  return zx__call(ZX_IOC_HANDLE_REPLACE, &a);
}
