// SPDX-License-Identifier: MIT
// The process's /dev/zircon descriptor, opened on first use.
//
// The kernel binds an open /dev/zircon to the thread group that opened it,
// so a child made by fork() must not use its parent's descriptor: the
// pthread_atfork() child handler forgets it, and the child's first call
// opens its own (and so becomes its own Zircon process).
#include <fcntl.h>
#include <pthread.h>
#include <sys/ioctl.h>
#include <unistd.h>
#include <zircon/linux.h>
#include <zircon/process.h>
#include <zircon/syscalls.h>

#include "internal.h"

static pthread_mutex_t zx_lock = PTHREAD_MUTEX_INITIALIZER;
int zx__fd_value = -1;  // internal.h
static struct zx_ioc_startup zx_startup;
static pthread_once_t zx_atfork_once = PTHREAD_ONCE_INIT;

static zx_handle_t zx_root_vmar;

static void zx_forget_in_child(void) {
  if (zx__fd_value >= 0)
    close(zx__fd_value);
  zx__fd_value = -1;
  zx_root_vmar = ZX_HANDLE_INVALID;
  pthread_mutex_init(&zx_lock, NULL);
}

static void zx_register_atfork(void) { pthread_atfork(NULL, NULL, zx_forget_in_child); }

int zx_linux_fd(void) {
  int fd = __atomic_load_n(&zx__fd_value, __ATOMIC_ACQUIRE);
  if (fd >= 0)
    return fd;
  pthread_once(&zx_atfork_once, zx_register_atfork);
  pthread_mutex_lock(&zx_lock);
  if (zx__fd_value < 0) {
    fd = open("/dev/zircon", O_RDWR | O_CLOEXEC);
    if (fd >= 0) {
      struct zx_ioc_startup s = {0};
      if (ioctl(fd, ZX_IOC_STARTUP, &s) == 0) {
        zx_startup = s;
        __atomic_store_n(&zx__fd_value, fd, __ATOMIC_RELEASE);
      } else {
        close(fd);
        fd = -1;
      }
    }
  }
  fd = zx__fd_value;
  pthread_mutex_unlock(&zx_lock);
  return fd;
}

int zx__fd(void) { return zx_linux_fd(); }

zx_handle_t zx_job_default(void) {
  return zx_linux_fd() < 0 ? ZX_HANDLE_INVALID : zx_startup.default_job;
}

zx_koid_t zx_linux_process_koid(void) {
  return zx_linux_fd() < 0 ? ZX_KOID_INVALID : zx_startup.process_koid;
}

zx_status_t zx_linux_root_job(zx_handle_t* out) {
  struct zx_ioc_root_job a = {.out = ZX_PTR(out)};
  return zx__call(ZX_IOC_ROOT_JOB, &a);
}

zx_status_t zx_linux_handle_to_fd(zx_handle_t handle, int flags, int* fd) {
  struct zx_ioc_handle_fd a = {.handle = handle, .flags = (uint32_t)flags, .out = ZX_PTR(fd)};
  return zx__call(ZX_IOC_HANDLE_TO_FD, &a);
}

zx_status_t zx_linux_fd_to_handle(int fd, zx_handle_t* out) {
  struct zx_ioc_handle_fd a = {.handle = (uint32_t)fd, .out = ZX_PTR(out)};
  if (fd < 0)
    return ZX_ERR_BAD_HANDLE;
  return zx__call(ZX_IOC_FD_TO_HANDLE, &a);
}

zx_handle_t zx_vmar_root_self(void) {
  zx_handle_t h = __atomic_load_n(&zx_root_vmar, __ATOMIC_ACQUIRE);
  if (h != ZX_HANDLE_INVALID || zx_linux_fd() < 0)
    return h;
  pthread_mutex_lock(&zx_lock);
  if (zx_root_vmar == ZX_HANDLE_INVALID) {
    struct zx_ioc_vmar_root a = {.out = ZX_PTR(&h)};
    if (zx__call(ZX_IOC_VMAR_ROOT, &a) == ZX_OK)
      __atomic_store_n(&zx_root_vmar, h, __ATOMIC_RELEASE);
  }
  h = zx_root_vmar;
  pthread_mutex_unlock(&zx_lock);
  return h;
}
