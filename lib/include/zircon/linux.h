// SPDX-License-Identifier: MIT
// Linux-specific additions of libzx: nothing here exists in Fuchsia.
#ifndef ZIRCON_LINUX_H_
#define ZIRCON_LINUX_H_

#include <zircon/types.h>

#ifdef __cplusplus
extern "C" {
#endif

// A handle to the root job.  Needs CAP_SYS_ADMIN (ZX_ERR_ACCESS_DENIED
// otherwise).
zx_status_t zx_linux_root_job(zx_handle_t* out);

// The file descriptor of the calling process's /dev/zircon, opening it on
// first use; -1 with errno set when the module is not loaded.
int zx_linux_fd(void);

// Move @handle (which needs ZX_RIGHT_TRANSFER) into a new file descriptor,
// which may be passed on like any other (fork, SCM_RIGHTS).  @flags is 0 or
// O_CLOEXEC.  The handle leaves the caller's table on success.
zx_status_t zx_linux_handle_to_fd(zx_handle_t handle, int flags, int* fd);

// Move the handle held by a descriptor from zx_linux_handle_to_fd() into
// the caller's table.  A descriptor gives out its handle once
// (ZX_ERR_BAD_STATE after); one of another kind is ZX_ERR_WRONG_TYPE and an
// unknown one ZX_ERR_BAD_HANDLE.  The descriptor stays open.
zx_status_t zx_linux_fd_to_handle(int fd, zx_handle_t* out);

// The koid of the calling Zircon process.
zx_koid_t zx_linux_process_koid(void);

// Keep @size processes (at most 64) made in advance, each with its agent
// running and a thread ready, so that zx_process_create takes one instead
// of starting an agent: a pool.  A background thread refills it once it is
// half empty.  Returns once the pool holds @size processes, or the error
// that stopped the refill.  0 (the default) closes the pool's processes.
// A process made in advance has the credentials, limits, cgroup,
// namespaces and seccomp filters of the caller at the time it was made;
// zx_process_create does not use it once the credentials changed, but set
// the pool to 0 before changing any of the others.
zx_status_t zx_linux_process_pool(size_t size);

#ifdef __cplusplus
}
#endif

#endif  // ZIRCON_LINUX_H_
