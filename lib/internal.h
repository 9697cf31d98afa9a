// SPDX-License-Identifier: MIT
// libzx internals: the /dev/zircon descriptor and the ioctl call helper.
#ifndef LIBZX_INTERNAL_H_
#define LIBZX_INTERNAL_H_

#include <stddef.h>
#include <stdint.h>
#include <zircon/types.h>

#include "../uapi/linux/zircon.h"

#define ZX_PTR(p) ((__u64)(uintptr_t)(p))

// The descriptor calls go through: the process's /dev/zircon (zx.c), -1
// until the first call opens it, or ZX_AGENT_FD inside a started process
// (freestanding.c).  zx__fd() opens it if need be; negative if it cannot.
extern int zx__fd_value __attribute__((visibility("hidden")));
int zx__fd(void);

// The block of ZX_IOC_PROCESS_CREATE and ZX_IOC_PROCESS_CREATE_SHARED:
// @target is the job or the shared process; *@fd gets the agent's descriptor.
static inline struct zx_ioc_process_create zx__create_block(zx_handle_t target, uint32_t options,
                                                            const char* name, size_t name_size,
                                                            zx_handle_t* proc, zx_handle_t* vmar,
                                                            int* fd) {
  struct zx_ioc_process_create a = {
      .job = target,
      .options = options,
      .name = ZX_PTR(name),
      .name_size = name_size,
      .proc_out = ZX_PTR(proc),
      .vmar_out = ZX_PTR(vmar),
      .fd_out = ZX_PTR(fd),
  };
  return a;
}

// A raw Linux system call (x86-64): no errno, returns -errno on failure.
// Code inside a started process has no C library, so libzx uses these.
static inline long zx__syscall6(long nr, long a1, long a2, long a3, long a4, long a5,
                                long a6) {
  register long r10 __asm__("r10") = a4;
  register long r8 __asm__("r8") = a5;
  register long r9 __asm__("r9") = a6;
  long ret;
  __asm__ volatile("syscall"
                   : "=a"(ret)
                   : "a"(nr), "D"(a1), "S"(a2), "d"(a3), "r"(r10), "r"(r8), "r"(r9)
                   : "rcx", "r11", "memory");
  return ret;
}

#define zx__syscall(nr, a1, a2, a3) zx__syscall6((nr), (long)(a1), (long)(a2), (long)(a3), 0, 0, 0)

// The numbers libzx uses (x86-64).
#define ZX__NR_ioctl 16
#define ZX__NR_exit 60
#define ZX__NR_futex 202
#define ZX__NR_clock_gettime 228
#define ZX__NR_clock_nanosleep 230
#define ZX__NR_exit_group 231

// ioctl(@fd, @cmd) with the six register arguments of a register call.
static inline long zx__ioctl_regs(long fd, unsigned long cmd, uint64_t a1, uint64_t a2,
                                  uint64_t a3, uint64_t a4, uint64_t a5, uint64_t a6) {
  register uint64_t r10 __asm__("r10") = a2;
  register uint64_t r8 __asm__("r8") = a3;
  register uint64_t r9 __asm__("r9") = a4;
  register uint64_t r12 __asm__("r12") = a5;
  register uint64_t r13 __asm__("r13") = a6;
  long ret;
  __asm__ volatile("syscall"
                   : "=a"(ret)
                   : "a"((long)ZX__NR_ioctl), "D"(fd), "S"(cmd), "d"(a1), "r"(r10), "r"(r8),
                     "r"(r9), "r"(r12), "r"(r13)
                   : "rcx", "r11", "memory");
  return ret;
}

// The errno values libzx tells apart (x86-64).
#define ZX__EINTR 4
#define ZX__EBADF 9
#define ZX__EFAULT 14
#define ZX__ENOTTY 25
#define ZX__EBADFD 77

// What zx__call_regs() does when the ioctl did not succeed at once (@r):
// open the descriptor (@r is ZX__NO_FD), repeat after EINTR, and turn the
// errno into a Zircon status (call.c).
#define ZX__NO_FD (-(1L << 32))
zx_status_t zx__call_again(long r, unsigned long cmd, uint64_t a1, uint64_t a2, uint64_t a3,
                           uint64_t a4, uint64_t a5, uint64_t a6);

// A register call (uapi/linux/zircon.h): @a1 to @a4 in rdx, r10, r8 and
// r9, @a5 and @a6 in r12 and r13.  Inline, so that a call costs the
// system call and little else.
static inline zx_status_t zx__call_regs(unsigned long cmd, uint64_t a1, uint64_t a2, uint64_t a3,
                                        uint64_t a4, uint64_t a5, uint64_t a6) {
  int fd = __atomic_load_n(&zx__fd_value, __ATOMIC_RELAXED);
  long r = fd < 0 ? ZX__NO_FD : zx__ioctl_regs(fd, cmd, a1, a2, a3, a4, a5, a6);

  return r >= 0 ? (zx_status_t)-r : zx__call_again(r, cmd, a1, a2, a3, a4, a5, a6);
}

// A call with an argument block: one ioctl, its result as a Zircon status.
static inline zx_status_t zx__call(unsigned long cmd, void* arg) {
  return zx__call_regs(cmd, ZX_PTR(arg), 0, 0, 0, 0, 0);
}

// The self handles (ZX_IOC_SELF) of the calling process and thread.
struct zx_ioc_self zx__self(void);

// Start the agent of the process whose agent descriptor is @procfd (process.c).
zx_status_t zx__spawn_agent(int procfd);

// A process made in advance, or ZX_HANDLE_INVALID (pool.c).
zx_handle_t zx__pool_take(void);

#endif  // LIBZX_INTERNAL_H_
