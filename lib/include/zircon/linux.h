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

// The koid of the calling Zircon process.
zx_koid_t zx_linux_process_koid(void);

#ifdef __cplusplus
}
#endif

#endif  // ZIRCON_LINUX_H_
