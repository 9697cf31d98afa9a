// SPDX-License-Identifier: MIT
// Workload for trace_test.sh: one event, one duplicate, both closed.
// Prints what the trace must show.
#include <stdio.h>
#include <zircon/linux.h>
#include <zircon/syscalls.h>

int main(void) {
  zx_handle_t ev, dup, vmo;
  zx_info_handle_basic_t info, vinfo;

  if (zx_event_create(0, &ev) != ZX_OK || zx_handle_duplicate(ev, ZX_RIGHT_WAIT, &dup) != ZX_OK)
    return 1;
  if (zx_vmo_create(3 * 4096 + 1, 0, &vmo) != ZX_OK)
    return 1;
  zx_object_get_info(ev, ZX_INFO_HANDLE_BASIC, &info, sizeof(info), NULL, NULL);
  zx_object_get_info(vmo, ZX_INFO_HANDLE_BASIC, &vinfo, sizeof(vinfo), NULL, NULL);
  printf("owner=%llu koid=%llu handle=%u dup=%u vmo=%llu\n",
         (unsigned long long)zx_linux_process_koid(), (unsigned long long)info.koid, ev, dup,
         (unsigned long long)vinfo.koid);
  zx_handle_t c0, c1;
  char msg[24] = {0}, in[24];
  zx_handle_t gone = vmo;
  if (zx_channel_create(0, &c0, &c1) != ZX_OK ||
      zx_handle_duplicate(ev, ZX_RIGHT_SAME_RIGHTS, &gone) != ZX_OK ||
      zx_channel_write(c0, 0, msg, sizeof(msg), &gone, 1) != ZX_OK ||
      zx_channel_read(c1, 0, in, &gone, sizeof(in), 1, NULL, NULL) != ZX_OK)
    return 1;
  zx_handle_close(gone);
  zx_handle_close(c0);
  zx_handle_close(c1);
  zx_handle_close(vmo);
  zx_handle_close(dup);
  zx_handle_close(ev);
  return 0;
}
