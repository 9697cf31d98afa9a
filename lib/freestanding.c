// SPDX-License-Identifier: MIT
// The runtime of the freestanding libzx (libzx-freestanding.a): for code
// that runs inside a process started with zx_process_start, which has no C
// library, no vDSO and no stack or TLS set up by anyone but itself.  Every
// call is a raw system call; the process's handle table is descriptor
// ZX_AGENT_FD.  Built with -ffreestanding -fPIE, it needs no relocation
// beyond what a static-pie or position-independent flat binary has.
#include <zircon/process.h>
#include <zircon/syscalls.h>

#include "internal.h"

#define ZX__EINTR 4
#define ZX__EFAULT 14
#define ZX__ENOTTY 25
#define ZX__CLOCK_MONOTONIC 1
#define ZX__TIMER_ABSTIME 1

zx_status_t zx__call(unsigned long cmd, void* arg) {
  for (;;) {
    long r = zx__syscall(ZX__NR_ioctl, ZX_AGENT_FD, cmd, arg);
    if (r >= 0)
      return (zx_status_t)-r;
    switch (-r) {
      case ZX__EINTR:
        continue;
      case ZX__EFAULT:
        return ZX_ERR_INVALID_ARGS;
      case ZX__ENOTTY:
        return ZX_ERR_NOT_SUPPORTED;
      default:
        return ZX_ERR_BAD_STATE;
    }
  }
}

// The host's libzx makes the root VMAR handle itself (zx.c).
zx_handle_t zx_vmar_root_self(void) { return zx__self().vmar; }

// A started process gets its jobs, if any, through its bootstrap channel.
zx_handle_t zx_job_default(void) { return ZX_HANDLE_INVALID; }

zx_status_t zx_process_create(zx_handle_t job, const char* name, size_t name_size,
                              uint32_t options, zx_handle_t* proc_handle,
                              zx_handle_t* vmar_handle) {
  (void)job, (void)name, (void)name_size, (void)options, (void)proc_handle, (void)vmar_handle;
  return ZX_ERR_NOT_SUPPORTED;  // no agent helper to run: see Documentation
}

void zx_process_exit(int64_t retcode) {
  struct zx_ioc_process_exit a = {.retcode = retcode};
  zx__call(ZX_IOC_PROCESS_EXIT, &a);
  for (;;)
    zx__syscall(ZX__NR_exit_group, 0, 0, 0);
}

void zx_thread_exit(void) {
  for (;;)
    zx__syscall(ZX__NR_exit, 0, 0, 0);
}

struct zx__timespec {
  long tv_sec;
  long tv_nsec;
};

zx_time_t zx_clock_get_monotonic(void) {
  struct zx__timespec ts = {0, 0};
  zx__syscall(ZX__NR_clock_gettime, ZX__CLOCK_MONOTONIC, &ts, 0);
  return (zx_time_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

zx_status_t zx_nanosleep(zx_time_t deadline) {
  struct zx__timespec ts;
  if (deadline <= 0)
    return ZX_OK;
  ts.tv_sec = deadline / 1000000000;
  ts.tv_nsec = deadline % 1000000000;
  while (zx__syscall6(ZX__NR_clock_nanosleep, ZX__CLOCK_MONOTONIC, ZX__TIMER_ABSTIME,
                      (long)&ts, 0, 0, 0) == -ZX__EINTR) {
  }
  return ZX_OK;
}

// What the compiler may call on its own.
void* memcpy(void* dst, const void* src, size_t n) {
  char* d = dst;
  const char* s = src;
  while (n--)
    *d++ = *s++;
  return dst;
}

void* memmove(void* dst, const void* src, size_t n) {
  char* d = dst;
  const char* s = src;
  if (d < s) {
    while (n--)
      *d++ = *s++;
  } else {
    while (n--)
      d[n] = s[n];
  }
  return dst;
}

void* memset(void* dst, int c, size_t n) {
  char* d = dst;
  while (n--)
    *d++ = (char)c;
  return dst;
}

int memcmp(const void* a, const void* b, size_t n) {
  const unsigned char *x = a, *y = b;
  for (; n; n--, x++, y++) {
    if (*x != *y)
      return *x - *y;
  }
  return 0;
}
