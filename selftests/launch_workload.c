// SPDX-License-Identifier: MIT
// Launch the freestanding test program once in mode FS_EXIT with code 7 and
// print the new process's koid; for the lifecycle tracing selftest.
#include <stdio.h>
#include <zircon/process.h>
#include <zircon/syscalls.h>

#include "launch.h"

int main(int argc, char** argv) {
  const char* name = argc > 1 ? argv[1] : "traced";
  zx_info_handle_basic_t info;
  struct launched l;

  if (fs_launch(zx_job_default(), name, ZX_HANDLE_INVALID, FS_EXIT | (7 << 8), &l) != ZX_OK)
    return 1;
  zx_object_get_info(l.proc, ZX_INFO_HANDLE_BASIC, &info, sizeof(info), NULL, NULL);
  printf("process=%llu\n", (unsigned long long)info.koid);
  return fs_wait_exit(l.proc) == 7 ? 0 : 2;
}
