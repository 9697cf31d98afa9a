// SPDX-License-Identifier: MIT
// Launch the freestanding test program once in mode FS_EXIT with code 7 and
// print the new process's koid; for the lifecycle tracing selftest.
#include <stdio.h>
#include <zircon/process.h>
#include <zircon/syscalls.h>

#include "launch.h"

static zx_koid_t zx_test_koid(zx_handle_t h) {
  zx_info_handle_basic_t info = {0};
  zx_object_get_info(h, ZX_INFO_HANDLE_BASIC, &info, sizeof(info), NULL, NULL);
  return info.koid;
}

// With "shared" as second argument: a shared group instead, whose first
// process stays unstarted; one page is mapped in the shared region, and a
// second member runs the program.  Prints the group's and member's koids.
static int shared(const char* name) {
  zx_handle_t first, region, vmo;
  struct launched l = {0};
  zx_vaddr_t addr;

  if (zx_process_create(zx_job_default(), "group", 5, ZX_PROCESS_SHARED, &first, &region) ||
      zx_vmo_create(4096, 0, &vmo) ||
      zx_vmar_map(region, ZX_VM_PERM_READ, 0, vmo, 0, 4096, &addr) ||
      zx_process_create_shared(first, 0, name, strlen(name), &l.proc, &l.vmar) ||
      fs_start(&l, ZX_HANDLE_INVALID, FS_EXIT | (7 << 8)))
    return 1;
  printf("group=%llu\n", (unsigned long long)zx_test_koid(first));
  printf("process=%llu\n", (unsigned long long)zx_test_koid(l.proc));
  if (fs_wait_exit(l.proc) != 7)
    return 2;
  zx_handle_close(first);  // never started: it ends, and the group with it
  return 0;
}

int main(int argc, char** argv) {
  const char* name = argc > 1 ? argv[1] : "traced";
  zx_info_handle_basic_t info;
  struct launched l;

  if (argc > 2 && !strcmp(argv[2], "shared"))
    return shared(name);
  if (fs_launch(zx_job_default(), name, ZX_HANDLE_INVALID, FS_EXIT | (7 << 8), &l) != ZX_OK)
    return 1;
  zx_object_get_info(l.proc, ZX_INFO_HANDLE_BASIC, &info, sizeof(info), NULL, NULL);
  printf("process=%llu\n", (unsigned long long)info.koid);
  return fs_wait_exit(l.proc) == 7 ? 0 : 2;
}
