// SPDX-License-Identifier: MIT
// libzx internals: the /dev/zircon descriptor and the ioctl call helper.
#ifndef LIBZX_INTERNAL_H_
#define LIBZX_INTERNAL_H_

#include <stddef.h>
#include <stdint.h>
#include <zircon/types.h>

#include "../uapi/linux/zircon.h"

#define ZX_PTR(p) ((__u64)(uintptr_t)(p))

// Issue one ioctl and turn its result into a Zircon status.
zx_status_t zx__call(unsigned long cmd, void* arg);

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

// The self handles (ZX_IOC_SELF) of the calling process and thread.
struct zx_ioc_self zx__self(void);

// Start the agent of the process whose agent descriptor is @procfd (process.c).
zx_status_t zx__spawn_agent(int procfd);

// A process made in advance, or ZX_HANDLE_INVALID (pool.c).
zx_handle_t zx__pool_take(void);

#endif  // LIBZX_INTERNAL_H_
