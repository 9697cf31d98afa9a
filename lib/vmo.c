// SPDX-License-Identifier: MIT
#include <zircon/syscalls.h>

#include "internal.h"

zx_status_t zx_vmo_create(uint64_t size, uint32_t options, zx_handle_t* out) {
  struct zx_ioc_vmo_create a = {.size = size, .options = options, .out = ZX_PTR(out)};
  return zx__call(ZX_IOC_VMO_CREATE, &a);
}

zx_status_t zx_vmo_read(zx_handle_t handle, void* buffer, uint64_t offset, size_t buffer_size) {
  struct zx_ioc_vmo_rw a = {
      .handle = handle, .buffer = ZX_PTR(buffer), .offset = offset, .size = buffer_size};
  return zx__call(ZX_IOC_VMO_READ, &a);
}

zx_status_t zx_vmo_write(zx_handle_t handle, const void* buffer, uint64_t offset,
                         size_t buffer_size) {
  struct zx_ioc_vmo_rw a = {
      .handle = handle, .buffer = ZX_PTR(buffer), .offset = offset, .size = buffer_size};
  return zx__call(ZX_IOC_VMO_WRITE, &a);
}

zx_status_t zx_vmo_get_size(zx_handle_t handle, uint64_t* size) {
  struct zx_ioc_vmo_size a = {.handle = handle, .size = ZX_PTR(size)};
  return zx__call(ZX_IOC_VMO_GET_SIZE, &a);
}

zx_status_t zx_vmo_set_size(zx_handle_t handle, uint64_t size) {
  struct zx_ioc_vmo_size a = {.handle = handle, .size = size};
  return zx__call(ZX_IOC_VMO_SET_SIZE, &a);
}

zx_status_t zx_vmo_op_range(zx_handle_t handle, uint32_t op, uint64_t offset, uint64_t size,
                            void* buffer, size_t buffer_size) {
  struct zx_ioc_vmo_op_range a = {
      .handle = handle,
      .op = op,
      .offset = offset,
      .size = size,
      .buffer = ZX_PTR(buffer),
      .buffer_size = buffer_size,
  };
  return zx__call(ZX_IOC_VMO_OP_RANGE, &a);
}

zx_status_t zx_vmo_create_child(zx_handle_t handle, uint32_t options, uint64_t offset,
                                uint64_t size, zx_handle_t* out) {
  struct zx_ioc_vmo_child a = {
      .handle = handle, .options = options, .offset = offset, .size = size, .out = ZX_PTR(out)};
  return zx__call(ZX_IOC_VMO_CREATE_CHILD, &a);
}

zx_status_t zx_vmo_replace_as_executable(zx_handle_t handle, zx_handle_t vmex, zx_handle_t* out) {
  struct zx_ioc_vmo_exec a = {.handle = handle, .vmex = vmex, .out = ZX_PTR(out)};
  return zx__call(ZX_IOC_VMO_REPLACE_AS_EXECUTABLE, &a);
}
