// SPDX-License-Identifier: MIT
// Launch the freestanding test program (fsprog/) in a new process: its
// flat image mapped read-write-execute, a 64 KiB stack, one thread.
#ifndef LAUNCH_H_
#define LAUNCH_H_

#include <string.h>
#include <zircon/syscalls.h>

#include "fsprog/prog.h"

extern const char fsprog_image[], fsprog_image_end[];

struct launched {
  zx_handle_t proc, thread, vmar;
  zx_vaddr_t code, stack;
};

// Map the program and a stack into the unstarted process l->proc.
static inline zx_status_t fs_load(struct launched* l) {
  return fs_map(l->vmar, fsprog_image, (size_t)(fsprog_image_end - fsprog_image), &l->code,
                &l->stack);
}

// Load and start the created process l->proc (its VMAR in l->vmar) in mode @arg2.
static inline zx_status_t fs_start(struct launched* l, zx_handle_t arg1, uintptr_t arg2) {
  zx_status_t st = fs_load(l);

  if (st == ZX_OK)
    st = zx_thread_create(l->proc, "main", 4, 0, &l->thread);
  if (st == ZX_OK)
    return zx_process_start(l->proc, l->thread, l->code, l->stack + FS_STACK_SIZE, arg1, arg2);
  zx_handle_close(arg1);
  return st;
}

// Create, load and start a process running the program in mode @arg2.
static inline zx_status_t fs_launch(zx_handle_t job, const char* name, zx_handle_t arg1,
                                    uintptr_t arg2, struct launched* l) {
  zx_status_t st;

  memset(l, 0, sizeof(*l));
  st = zx_process_create(job, name, strlen(name), 0, &l->proc, &l->vmar);
  if (st != ZX_OK) {
    zx_handle_close(arg1);
    return st;
  }
  return fs_start(l, arg1, arg2);
}

static inline void fs_close(struct launched* l) {
  zx_handle_close(l->thread);
  zx_handle_close(l->vmar);
  zx_handle_close(l->proc);
}

static inline int64_t fs_wait_exit(zx_handle_t proc) {
  zx_info_process_t info = {0};
  zx_object_wait_one(proc, ZX_PROCESS_TERMINATED, ZX_TIME_INFINITE, NULL);
  zx_object_get_info(proc, ZX_INFO_PROCESS, &info, sizeof(info), NULL, NULL);
  return info.return_code;
}

#endif  // LAUNCH_H_
