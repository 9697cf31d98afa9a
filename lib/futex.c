// SPDX-License-Identifier: MIT
// Futexes are Linux futexes on the same word.  They are the shared (not
// FUTEX_PRIVATE) kind, so a futex in memory shared between processes (a
// mapping of one VMO) works across them.  Futex ownership
// (new_futex_owner, new_requeue_owner) is not tracked: any handle is
// accepted and ignored.
#include <zircon/syscalls.h>

#include "internal.h"

#define ZX__FUTEX_WAKE 1
#define ZX__FUTEX_CMP_REQUEUE 4
#define ZX__FUTEX_WAIT_BITSET 9
#define ZX__FUTEX_BITSET_MATCH_ANY 0xffffffff
#define ZX__EAGAIN 11
#define ZX__EINTR 4
#define ZX__ETIMEDOUT 110

struct zx__timespec {
  long tv_sec;
  long tv_nsec;
};

static int zx_futex_ptr_ok(const zx_futex_t* p) {
  return p && ((uintptr_t)p & (sizeof(zx_futex_t) - 1)) == 0;
}

static zx_status_t zx_futex_status(long r) {
  switch (r) {
    case 0:
      return ZX_OK;
    case -ZX__EAGAIN:
      return ZX_ERR_BAD_STATE;
    case -ZX__ETIMEDOUT:
      return ZX_ERR_TIMED_OUT;
    default:
      return ZX_ERR_INVALID_ARGS;
  }
}

zx_status_t zx_futex_wait(const zx_futex_t* value_ptr, zx_futex_t current_value,
                          zx_handle_t new_futex_owner, zx_time_t deadline) {
  struct zx__timespec ts, *tsp = 0;
  long r;

  (void)new_futex_owner;
  if (!zx_futex_ptr_ok(value_ptr))
    return ZX_ERR_INVALID_ARGS;
  if (deadline != ZX_TIME_INFINITE) {
    if (deadline < 0)
      deadline = 0;
    ts.tv_sec = deadline / 1000000000;
    ts.tv_nsec = deadline % 1000000000;
    tsp = &ts;
  }
  // An absolute CLOCK_MONOTONIC deadline; a signal does not end the wait.
  do {
    r = zx__syscall6(ZX__NR_futex, (long)value_ptr, ZX__FUTEX_WAIT_BITSET, current_value,
                     (long)tsp, 0, ZX__FUTEX_BITSET_MATCH_ANY);
  } while (r == -ZX__EINTR);
  return zx_futex_status(r);
}

static long zx_futex_count(uint32_t n) { return n > 0x7fffffff ? 0x7fffffff : (long)n; }

zx_status_t zx_futex_wake(const zx_futex_t* value_ptr, uint32_t wake_count) {
  long r;

  if (!zx_futex_ptr_ok(value_ptr))
    return ZX_ERR_INVALID_ARGS;
  r = zx__syscall6(ZX__NR_futex, (long)value_ptr, ZX__FUTEX_WAKE, zx_futex_count(wake_count),
                   0, 0, 0);
  return r < 0 ? zx_futex_status(r) : ZX_OK;
}

zx_status_t zx_futex_requeue(const zx_futex_t* value_ptr, uint32_t wake_count,
                             zx_futex_t current_value, const zx_futex_t* requeue_ptr,
                             uint32_t requeue_count, zx_handle_t new_requeue_owner) {
  long r;

  (void)new_requeue_owner;
  if (!zx_futex_ptr_ok(value_ptr) || !zx_futex_ptr_ok(requeue_ptr) || value_ptr == requeue_ptr)
    return ZX_ERR_INVALID_ARGS;
  r = zx__syscall6(ZX__NR_futex, (long)value_ptr, ZX__FUTEX_CMP_REQUEUE,
                   zx_futex_count(wake_count), zx_futex_count(requeue_count), (long)requeue_ptr,
                   current_value);
  return r < 0 ? zx_futex_status(r) : ZX_OK;
}
