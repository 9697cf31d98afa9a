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

#define ZX__CLOCK_MONOTONIC 1
#define ZX__TIMER_ABSTIME 1

// What starting an agent takes (x86-64 numbers and flags).
#define ZX__NR_write 1
#define ZX__NR_close 3
#define ZX__NR_dup2 33
#define ZX__NR_clone 56
#define ZX__NR_wait4 61
#define ZX__NR_fcntl 72
#define ZX__NR_dup3 292
#define ZX__NR_memfd_create 319
#define ZX__NR_execveat 322
#define ZX__NR_close_range 436
#define ZX__SIGCHLD 17
#define ZX__F_DUPFD 0
#define ZX__F_DUPFD_CLOEXEC 1030
#define ZX__O_CLOEXEC 02000000
#define ZX__MFD_CLOEXEC 1
#define ZX__AT_EMPTY_PATH 0x1000
#define ZX__WALL 0x40000000

extern const char zx__agent_elf[], zx__agent_elf_end[];

int zx__fd_value = ZX_AGENT_FD;
int zx__fd(void) { return ZX_AGENT_FD; }

// The host's libzx makes the root VMAR handle itself (zx.c).
zx_handle_t zx_vmar_root_self(void) { return zx__self().vmar; }

// A started process gets its jobs, if any, through its bootstrap channel.
zx_handle_t zx_job_default(void) { return ZX_HANDLE_INVALID; }

// The helper: descriptors set up as the agent wants them, then its program.
static void zx__agent_exec(long procfd, long memfd) {
  char name[] = "zx-agent";
  char* argv[] = {name, 0};
  char* envp[] = {0};
  long a = zx__syscall(ZX__NR_fcntl, procfd, ZX__F_DUPFD, 10);
  long b = zx__syscall(ZX__NR_fcntl, memfd, ZX__F_DUPFD_CLOEXEC, 10);

  if (a >= 0 && b >= 0 && zx__syscall(ZX__NR_dup2, a, ZX_AGENT_FD, 0) >= 0 &&
      zx__syscall(ZX__NR_dup3, b, ZX_AGENT_FD + 1, ZX__O_CLOEXEC) >= 0 &&
      zx__syscall(ZX__NR_close_range, ZX_AGENT_FD + 2, ~0U, 0) >= 0) {
    zx__syscall(ZX__NR_close, 0, 0, 0);
    zx__syscall(ZX__NR_close, 1, 0, 0);
    zx__syscall(ZX__NR_close, 2, 0, 0);
    zx__syscall6(ZX__NR_execveat, ZX_AGENT_FD + 1, (long)"", (long)argv, (long)envp,
                 ZX__AT_EMPTY_PATH, 0);
  }
  for (;;)
    zx__syscall(ZX__NR_exit, 127, 0, 0);
}

// Start the agent of the process whose agent descriptor is @procfd, as the
// host's libzx does (process.c), but with nothing but system calls: the
// agent's program goes into a memfd, a middle process (exit signal 0: the
// caller gets no SIGCHLD) forks the helper and exits at once, so the helper
// is an orphan that init reaps.  Plain forks copy the caller's address
// space, which the helper's exec drops at once.
static zx_status_t zx__spawn_agent_raw(long procfd) {
  long len = zx__agent_elf_end - zx__agent_elf, done = 0, pid, memfd;
  int status = -1;

  memfd = zx__syscall(ZX__NR_memfd_create, "zx-agent", ZX__MFD_CLOEXEC, 0);
  if (memfd < 0)
    return ZX_ERR_NO_RESOURCES;
  while (done < len) {
    long n = zx__syscall(ZX__NR_write, memfd, zx__agent_elf + done, len - done);
    if (n <= 0)
      break;
    done += n;
  }
  pid = done < len ? -1 : zx__syscall6(ZX__NR_clone, 0, 0, 0, 0, 0, 0);
  if (pid == 0) {
    long helper = zx__syscall6(ZX__NR_clone, ZX__SIGCHLD, 0, 0, 0, 0, 0);
    if (helper == 0)
      zx__agent_exec(procfd, memfd);
    for (;;)
      zx__syscall(ZX__NR_exit, helper < 0, 0, 0);
  }
  if (pid > 0) {
    while (zx__syscall6(ZX__NR_wait4, pid, (long)&status, ZX__WALL, 0, 0, 0) == -ZX__EINTR) {
    }
  }
  zx__syscall(ZX__NR_close, memfd, 0, 0);
  return status == 0 ? ZX_OK : ZX_ERR_NO_RESOURCES;
}

// Start the agent of the process just made, whose descriptor is @fd.
static zx_status_t zx_start_agent(int fd, zx_handle_t* proc_handle, zx_handle_t* vmar_handle) {
  zx_status_t status = zx__spawn_agent_raw(fd);

  zx__syscall(ZX__NR_close, fd, 0, 0);
  if (status != ZX_OK) {
    zx_handle_close(*vmar_handle);
    zx_handle_close(*proc_handle);  // never started: it ends
  }
  return status;
}

// ZX_IOC_PROCESS_CREATE or ZX_IOC_PROCESS_CREATE_SHARED, then the agent.
static zx_status_t zx_create(unsigned long cmd, zx_handle_t target, uint32_t options,
                             const char* name, size_t name_size, zx_handle_t* proc_handle,
                             zx_handle_t* vmar_handle) {
  int fd = -1;
  struct zx_ioc_process_create a =
      zx__create_block(target, options, name, name_size, proc_handle, vmar_handle, &fd);
  zx_status_t status = zx__call(cmd, &a);

  return status != ZX_OK ? status : zx_start_agent(fd, proc_handle, vmar_handle);
}

zx_status_t zx_process_create(zx_handle_t job, const char* name, size_t name_size,
                              uint32_t options, zx_handle_t* proc_handle,
                              zx_handle_t* vmar_handle) {
  return zx_create(ZX_IOC_PROCESS_CREATE, job, options, name, name_size, proc_handle,
                   vmar_handle);
}

zx_status_t zx_process_create_shared(zx_handle_t shared_proc, uint32_t options,
                                     const char* name, size_t name_size,
                                     zx_handle_t* proc_handle,
                                     zx_handle_t* restricted_vmar_handle) {
  return zx_create(ZX_IOC_PROCESS_CREATE_SHARED, shared_proc, options, name, name_size,
                   proc_handle, restricted_vmar_handle);
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
