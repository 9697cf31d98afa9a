// SPDX-License-Identifier: MIT
// Handles a Zircon process is given at start.
#ifndef ZIRCON_PROCESS_H_
#define ZIRCON_PROCESS_H_

#include <zircon/types.h>

#ifdef __cplusplus
extern "C" {
#endif

// The calling process's default job (a child of the root job made when the
// process first used libzx).  Like Zircon's, it is ZX_HANDLE_INVALID when the
// module is not loaded; closing it makes it invalid for good.
zx_handle_t zx_job_default(void);

// The calling process's root VMAR: its Linux address space within Zircon's
// user range (see Documentation/zircon/design.rst).  The same handle every
// time; ZX_HANDLE_INVALID when the module is not loaded.
zx_handle_t zx_vmar_root_self(void);

// The calling process.  In a Linux program that opened /dev/zircon itself
// (a "host"), a handle to that host process; it cannot be started or killed.
zx_handle_t zx_process_self(void);

// The calling Zircon thread; ZX_HANDLE_INVALID on a Linux thread of a host.
zx_handle_t zx_thread_self(void);

#ifdef __cplusplus
}
#endif

#endif  // ZIRCON_PROCESS_H_
