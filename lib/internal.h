// SPDX-License-Identifier: MIT
// libzx internals: the /dev/zircon descriptor and the ioctl call helper.
#ifndef LIBZX_INTERNAL_H_
#define LIBZX_INTERNAL_H_

#include <stdint.h>
#include <zircon/types.h>

#include "../uapi/linux/zircon.h"

#define ZX_PTR(p) ((__u64)(uintptr_t)(p))

// Issue one ioctl and turn its result into a Zircon status.
zx_status_t zx__call(unsigned long cmd, void* arg);

#endif  // LIBZX_INTERNAL_H_
