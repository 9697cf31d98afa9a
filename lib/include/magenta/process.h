// SPDX-License-Identifier: MIT
#ifndef MAGENTA_PROCESS_H_
#define MAGENTA_PROCESS_H_

#include <magenta/syscalls.h>

#endif  // MAGENTA_PROCESS_H_
