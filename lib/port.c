// SPDX-License-Identifier: MIT
#include <zircon/syscalls.h>

#include "internal.h"

_Static_assert(sizeof(zx_port_packet_t) == sizeof(struct zx_ioc_packet), "packet layout");

zx_status_t zx_port_create(uint32_t options, zx_handle_t* out) {
  struct zx_ioc_port_create a = {.options = options, .out = ZX_PTR(out)};
  return zx__call(ZX_IOC_PORT_CREATE, &a);
}

zx_status_t zx_port_queue(zx_handle_t handle, const zx_port_packet_t* packet) {
  struct zx_ioc_port_queue a = {.handle = handle, .packet = ZX_PTR(packet)};
  return zx__call(ZX_IOC_PORT_QUEUE, &a);
}

zx_status_t zx_port_wait(zx_handle_t handle, zx_time_t deadline, zx_port_packet_t* packet) {
  struct zx_ioc_port_wait a = {.handle = handle, .deadline = deadline, .packet = ZX_PTR(packet)};
  return zx__call(ZX_IOC_PORT_WAIT, &a);
}

zx_status_t zx_port_cancel(zx_handle_t handle, zx_handle_t source, uint64_t key) {
  struct zx_ioc_port_cancel a = {.handle = handle, .source = source, .key = key};
  return zx__call(ZX_IOC_PORT_CANCEL, &a);
}

zx_status_t zx_object_wait_async(zx_handle_t handle, zx_handle_t port, uint64_t key,
                                 zx_signals_t signals, uint32_t options) {
  struct zx_ioc_wait_async a = {
      .handle = handle, .port = port, .key = key, .signals = signals, .options = options};
  return zx__call(ZX_IOC_OBJECT_WAIT_ASYNC, &a);
}
