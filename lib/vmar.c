// SPDX-License-Identifier: MIT
#include <zircon/syscalls.h>

#include "internal.h"

zx_status_t zx_vmar_map(zx_handle_t handle, zx_vm_option_t options, size_t vmar_offset,
                        zx_handle_t vmo, uint64_t vmo_offset, size_t len,
                        zx_vaddr_t* mapped_addr) {
  struct zx_ioc_vmar_map a = {
      .handle = handle,
      .options = options,
      .vmar_offset = vmar_offset,
      .vmo = vmo,
      .vmo_offset = vmo_offset,
      .len = len,
      .out = ZX_PTR(mapped_addr),
  };
  return zx__call(ZX_IOC_VMAR_MAP, &a);
}

zx_status_t zx_vmar_unmap(zx_handle_t handle, zx_vaddr_t addr, size_t len) {
  struct zx_ioc_vmar_range a = {.handle = handle, .addr = addr, .len = len};
  return zx__call(ZX_IOC_VMAR_UNMAP, &a);
}

zx_status_t zx_vmar_protect(zx_handle_t handle, zx_vm_option_t options, zx_vaddr_t addr,
                            size_t len) {
  struct zx_ioc_vmar_range a = {.handle = handle, .options = options, .addr = addr, .len = len};
  return zx__call(ZX_IOC_VMAR_PROTECT, &a);
}

zx_status_t zx_vmar_allocate(zx_handle_t parent_vmar, zx_vm_option_t options, size_t offset,
                             size_t size, zx_handle_t* child_vmar, zx_vaddr_t* child_addr) {
  struct zx_ioc_vmar_allocate a = {
      .handle = parent_vmar,
      .options = options,
      .offset = offset,
      .size = size,
      .out = ZX_PTR(child_vmar),
      .out_addr = ZX_PTR(child_addr),
  };
  return zx__call(ZX_IOC_VMAR_ALLOCATE, &a);
}

zx_status_t zx_vmar_destroy(zx_handle_t handle) {
  struct zx_ioc_handle a = {.handle = handle};
  return zx__call(ZX_IOC_VMAR_DESTROY, &a);
}
