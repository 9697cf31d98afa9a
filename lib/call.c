// SPDX-License-Identifier: MIT
// The slow side of every call into the module (the fast side is the inline
// zx__call_regs()): the first call of a process, which opens /dev/zircon,
// interrupted waits, which are repeated (deadlines are absolute), and
// transport failures, which become Zircon statuses.
#include <zircon/syscalls.h>

#include "internal.h"

zx_status_t zx__call_again(long r, unsigned long cmd, uint64_t a1, uint64_t a2, uint64_t a3,
                           uint64_t a4, uint64_t a5, uint64_t a6) {
  int fd = zx__fd();

  if (fd < 0)
    return ZX_ERR_UNAVAILABLE;
  while (r == ZX__NO_FD || r == -ZX__EINTR)
    r = zx__ioctl_regs(fd, cmd, a1, a2, a3, a4, a5, a6);
  if (r >= 0)
    return (zx_status_t)-r;
  switch (-r) {
    case ZX__EFAULT:
      return ZX_ERR_INVALID_ARGS;  // the argument block itself is unreadable
    case ZX__ENOTTY:
      return ZX_ERR_NOT_SUPPORTED;
    case ZX__EBADF:
    case ZX__EBADFD:
      return ZX_ERR_BAD_STATE;  // no descriptor, or another process's
    default:
      return ZX_ERR_INTERNAL;
  }
}
