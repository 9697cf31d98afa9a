// SPDX-License-Identifier: MIT
#ifndef ZIRCON_STATUS_H_
#define ZIRCON_STATUS_H_

#include <zircon/types.h>

#ifdef __cplusplus
extern "C" {
#endif

// The name of a status ("ZX_ERR_BAD_HANDLE"), or "(UNKNOWN)".
const char* zx_status_get_string(zx_status_t status);

#ifdef __cplusplus
}
#endif

#endif  // ZIRCON_STATUS_H_
