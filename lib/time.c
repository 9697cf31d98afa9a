// SPDX-License-Identifier: MIT
// Time: Zircon's monotonic clock is CLOCK_MONOTONIC, the clock the module
// uses for deadlines.
#include <errno.h>
#include <time.h>
#include <unistd.h>
#include <zircon/syscalls.h>

zx_time_t zx_clock_get_monotonic(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (zx_time_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

zx_status_t zx_nanosleep(zx_time_t deadline) {
  struct timespec ts;
  if (deadline == ZX_TIME_INFINITE) {
    for (;;)
      pause();
  }
  if (deadline <= 0)
    return ZX_OK;
  ts.tv_sec = deadline / 1000000000;
  ts.tv_nsec = deadline % 1000000000;
  while (clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &ts, NULL) == EINTR) {
  }
  return ZX_OK;
}
