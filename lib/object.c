// SPDX-License-Identifier: MIT
#include <zircon/syscalls.h>

#include "internal.h"

zx_status_t zx_object_get_info(zx_handle_t handle, uint32_t topic, void* buffer,
                               size_t buffer_size, size_t* actual, size_t* avail) {
  struct zx_ioc_get_info a = {
      .handle = handle,
      .topic = topic,
      .buffer = ZX_PTR(buffer),
      .buffer_size = buffer_size,
      .actual = ZX_PTR(actual),
      .avail = ZX_PTR(avail),
  };
  return zx__call(ZX_IOC_OBJECT_GET_INFO, &a);
}

zx_status_t zx_object_get_property(zx_handle_t handle, uint32_t property, void* value,
                                   size_t value_size) {
  struct zx_ioc_property a = {
      .handle = handle, .property = property, .value = ZX_PTR(value), .size = value_size};
  return zx__call(ZX_IOC_OBJECT_GET_PROPERTY, &a);
}

zx_status_t zx_object_set_property(zx_handle_t handle, uint32_t property, const void* value,
                                   size_t value_size) {
  struct zx_ioc_property a = {
      .handle = handle, .property = property, .value = ZX_PTR(value), .size = value_size};
  return zx__call(ZX_IOC_OBJECT_SET_PROPERTY, &a);
}

zx_status_t zx_object_signal(zx_handle_t handle, uint32_t clear_mask, uint32_t set_mask) {
  struct zx_ioc_signal a = {.handle = handle, .clear_mask = clear_mask, .set_mask = set_mask};
  return zx__call(ZX_IOC_OBJECT_SIGNAL, &a);
}

zx_status_t zx_object_wait_one(zx_handle_t handle, zx_signals_t signals, zx_time_t deadline,
                               zx_signals_t* observed) {
  struct zx_ioc_wait_one a = {
      .handle = handle, .signals = signals, .deadline = deadline, .observed = ZX_PTR(observed)};
  return zx__call(ZX_IOC_OBJECT_WAIT_ONE, &a);
}

zx_status_t zx_object_wait_many(zx_wait_item_t* items, size_t num_items, zx_time_t deadline) {
  struct zx_ioc_wait_many a = {.items = ZX_PTR(items), .count = num_items, .deadline = deadline};
  return zx__call(ZX_IOC_OBJECT_WAIT_MANY, &a);
}

zx_status_t zx_event_create(uint32_t options, zx_handle_t* out) {
  struct zx_ioc_event_create a = {.options = options, .out = ZX_PTR(out)};
  return zx__call(ZX_IOC_EVENT_CREATE, &a);
}
