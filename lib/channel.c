// SPDX-License-Identifier: MIT
#include <zircon/syscalls.h>

#include "internal.h"

zx_status_t zx_channel_create(uint32_t options, zx_handle_t* out0, zx_handle_t* out1) {
  struct zx_ioc_channel_create a = {.options = options, .out0 = ZX_PTR(out0), .out1 = ZX_PTR(out1)};
  return zx__call(ZX_IOC_CHANNEL_CREATE, &a);
}

zx_status_t zx_channel_write(zx_handle_t handle, uint32_t options, const void* bytes,
                             uint32_t num_bytes, const zx_handle_t* handles,
                             uint32_t num_handles) {
  return zx__call_regs(ZX_IOC_CHANNEL_WRITE, handle | (uint64_t)options << 32, ZX_PTR(bytes),
                       ZX_PTR(handles), num_bytes | (uint64_t)num_handles << 32, 0, 0);
}

static zx_status_t channel_read(unsigned long cmd, zx_handle_t handle, uint32_t options,
                                void* bytes, void* handles, uint32_t num_bytes,
                                uint32_t num_handles, uint32_t* actual_bytes,
                                uint32_t* actual_handles) {
  return zx__call_regs(cmd, handle | (uint64_t)options << 32, ZX_PTR(bytes), ZX_PTR(handles),
                       num_bytes | (uint64_t)num_handles << 32, ZX_PTR(actual_bytes),
                       ZX_PTR(actual_handles));
}

zx_status_t zx_channel_read(zx_handle_t handle, uint32_t options, void* bytes,
                            zx_handle_t* handles, uint32_t num_bytes, uint32_t num_handles,
                            uint32_t* actual_bytes, uint32_t* actual_handles) {
  return channel_read(ZX_IOC_CHANNEL_READ, handle, options, bytes, handles, num_bytes,
                      num_handles, actual_bytes, actual_handles);
}

zx_status_t zx_channel_read_etc(zx_handle_t handle, uint32_t options, void* bytes,
                                zx_handle_info_t* handles, uint32_t num_bytes,
                                uint32_t num_handles, uint32_t* actual_bytes,
                                uint32_t* actual_handles) {
  return channel_read(ZX_IOC_CHANNEL_READ_ETC, handle, options, bytes, handles, num_bytes,
                      num_handles, actual_bytes, actual_handles);
}

zx_status_t zx_channel_call(zx_handle_t handle, uint32_t options, zx_time_t deadline,
                            const zx_channel_call_args_t* args, uint32_t* actual_bytes,
                            uint32_t* actual_handles) {
  struct zx_ioc_channel_call a = {
      .handle = handle,
      .options = options,
      .deadline = deadline,
      .actual_bytes = ZX_PTR(actual_bytes),
      .actual_handles = ZX_PTR(actual_handles),
  };
  if (!args)
    return ZX_ERR_INVALID_ARGS;
  a.wr_bytes = ZX_PTR(args->wr_bytes);
  a.wr_handles = ZX_PTR(args->wr_handles);
  a.rd_bytes = ZX_PTR(args->rd_bytes);
  a.rd_handles = ZX_PTR(args->rd_handles);
  a.wr_num_bytes = args->wr_num_bytes;
  a.wr_num_handles = args->wr_num_handles;
  a.rd_num_bytes = args->rd_num_bytes;
  a.rd_num_handles = args->rd_num_handles;
  return zx__call(ZX_IOC_CHANNEL_CALL, &a);
}
