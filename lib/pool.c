// SPDX-License-Identifier: MIT
// The process pool: processes made in advance (see zx_linux_process_pool in
// <zircon/linux.h>).
//
// Each is a blank process (ZX_IOC_PROCESS_BLANK): its agent started and
// bound, a spare thread cloned, no job yet.  zx_process_create hands one to
// the module, which puts it in the job and names it.  A background thread,
// with every signal blocked, refills the pool once it is half empty, so the
// agent's start (two vforks and an exec) stays off the caller's path.  It
// runs at SCHED_IDLE, and so do the blanks it makes, so that refilling never
// competes with a launch for a CPU; the module gives a claimed process the
// claimer's scheduling policy and nice value.
#define _GNU_SOURCE
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <stdbool.h>
#include <unistd.h>
#include <zircon/linux.h>
#include <zircon/syscalls.h>

#include "internal.h"

#define ZX_POOL_MAX 64

static pthread_mutex_t zx_pool_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t zx_pool_cond = PTHREAD_COND_INITIALIZER;
// All under zx_pool_lock.
static zx_handle_t zx_pool[ZX_POOL_MAX];
static size_t zx_pool_count, zx_pool_size;
static bool zx_pool_filling;     // the refill thread has work
static bool zx_pool_thread;      // the refill thread runs
static zx_status_t zx_pool_error;  // what stopped the last refill

// Make one blank process and wait until it is ready.
static zx_status_t zx_pool_make(zx_handle_t* out) {
  zx_handle_t h = ZX_HANDLE_INVALID;
  int fd = -1;
  struct zx_ioc_process_blank a = {
      .op = ZX_BLANK_MAKE,
      .handle_out = ZX_PTR(&h),
      .fd_out = ZX_PTR(&fd),
  };
  zx_status_t status = zx__call(ZX_IOC_PROCESS_BLANK, &a);

  if (status != ZX_OK)
    return status;
  status = zx__spawn_agent(fd);
  close(fd);
  if (status == ZX_OK) {
    struct zx_ioc_process_blank w = {.op = ZX_BLANK_WAIT, .handle = h};
    status = zx__call(ZX_IOC_PROCESS_BLANK, &w);
  }
  if (status != ZX_OK) {
    zx_handle_close(h);
    return status;
  }
  *out = h;
  return ZX_OK;
}

static void* zx_pool_refill(void* arg) {
  struct sched_param idle = {0};

  (void)arg;
  pthread_setschedparam(pthread_self(), SCHED_IDLE, &idle);
  pthread_mutex_lock(&zx_pool_lock);
  for (;;) {
    zx_handle_t h = ZX_HANDLE_INVALID;
    zx_status_t status;

    while (!zx_pool_filling)
      pthread_cond_wait(&zx_pool_cond, &zx_pool_lock);
    if (zx_pool_count >= zx_pool_size) {
      zx_pool_filling = false;
      pthread_cond_broadcast(&zx_pool_cond);
      continue;
    }
    pthread_mutex_unlock(&zx_pool_lock);
    status = zx_pool_make(&h);
    pthread_mutex_lock(&zx_pool_lock);
    if (status != ZX_OK) {
      zx_pool_error = status;
      zx_pool_filling = false;
    } else if (zx_pool_count < zx_pool_size) {
      zx_pool[zx_pool_count++] = h;
      h = ZX_HANDLE_INVALID;
    }
    pthread_cond_broadcast(&zx_pool_cond);
    if (h != ZX_HANDLE_INVALID) {
      pthread_mutex_unlock(&zx_pool_lock);
      zx_handle_close(h);  // the pool shrank meanwhile
      pthread_mutex_lock(&zx_pool_lock);
    }
  }
  return NULL;
}

// Lock held.  Start the refill thread, with every signal blocked.
static zx_status_t zx_pool_start_thread(void) {
  sigset_t all, old;
  pthread_attr_t attr;
  pthread_t thread;
  int err;

  if (zx_pool_thread)
    return ZX_OK;
  sigfillset(&all);
  pthread_attr_init(&attr);
  pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
  pthread_sigmask(SIG_SETMASK, &all, &old);
  err = pthread_create(&thread, &attr, zx_pool_refill, NULL);
  pthread_sigmask(SIG_SETMASK, &old, NULL);
  pthread_attr_destroy(&attr);
  if (err)
    return ZX_ERR_NO_RESOURCES;
  zx_pool_thread = true;
  return ZX_OK;
}

zx_status_t zx_linux_process_pool(size_t size) {
  zx_status_t status = ZX_OK;

  if (size > ZX_POOL_MAX)
    return ZX_ERR_OUT_OF_RANGE;
  pthread_mutex_lock(&zx_pool_lock);
  zx_pool_size = size;
  while (zx_pool_count > size) {
    zx_handle_t h = zx_pool[--zx_pool_count];

    pthread_mutex_unlock(&zx_pool_lock);
    zx_handle_close(h);  // a blank process ends with its handle
    pthread_mutex_lock(&zx_pool_lock);
  }
  if (zx_pool_count < size)
    status = zx_pool_start_thread();
  if (status == ZX_OK && zx_pool_count < size) {
    zx_pool_error = ZX_OK;
    zx_pool_filling = true;
    pthread_cond_broadcast(&zx_pool_cond);
    while (zx_pool_filling)
      pthread_cond_wait(&zx_pool_cond, &zx_pool_lock);
    if (zx_pool_count < size)
      status = zx_pool_error != ZX_OK ? zx_pool_error : ZX_ERR_SHOULD_WAIT;
  }
  pthread_mutex_unlock(&zx_pool_lock);
  return status;
}

zx_handle_t zx__pool_take(void) {
  zx_handle_t h = ZX_HANDLE_INVALID;

  pthread_mutex_lock(&zx_pool_lock);
  if (zx_pool_count > 0)
    h = zx_pool[--zx_pool_count];
  if (zx_pool_size && zx_pool_count <= zx_pool_size / 2 && !zx_pool_filling) {
    zx_pool_filling = true;
    pthread_cond_broadcast(&zx_pool_cond);
  }
  pthread_mutex_unlock(&zx_pool_lock);
  return h;
}
