// SPDX-License-Identifier: MIT
#include <zircon/syscalls.h>

#include "internal.h"

zx_status_t zx_job_create(zx_handle_t parent_job, uint32_t options, zx_handle_t* out) {
  struct zx_ioc_job_create a = {.parent = parent_job, .options = options, .out = ZX_PTR(out)};
  return zx__call(ZX_IOC_JOB_CREATE, &a);
}

zx_status_t zx_job_set_policy(zx_handle_t handle, uint32_t options, uint32_t topic,
                              const void* policy, uint32_t policy_size) {
  struct zx_ioc_job_set_policy a = {
      .handle = handle,
      .options = options,
      .topic = topic,
      .count = policy_size,
      .policy = ZX_PTR(policy),
  };
  return zx__call(ZX_IOC_JOB_SET_POLICY, &a);
}

zx_status_t zx_task_kill(zx_handle_t handle) {
  struct zx_ioc_handle a = {.handle = handle};
  return zx__call(ZX_IOC_TASK_KILL, &a);
}
