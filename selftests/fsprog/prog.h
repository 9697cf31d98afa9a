// SPDX-License-Identifier: MIT
// The freestanding test program's modes: arg2 = mode | value << 8.
#ifndef FSPROG_H_
#define FSPROG_H_

#include <stddef.h>
#include <zircon/syscalls.h>

enum fs_mode {
  FS_REGS = 1,         // send the entry registers, exit with the code sent back
  FS_EXIT = 2,         // zx_process_exit(value)
  FS_CRASH = 3,        // write to address 0
  FS_SPIN = 4,         // run until killed (value 1: taking the mmap lock all along)
  FS_THREADS = 5,      // start value threads, count them with a futex, exit value
  FS_THREAD_EXIT = 6,  // the only thread calls zx_thread_exit
  FS_ECHO = 7,         // send back every message until the peer closes
  FS_RAW_EXIT = 8,     // exit_group(value) without telling the module
  FS_SELF = 9,         // send the koids of zx_process_self and zx_thread_self
  FS_SPAWN = 10,       // arg1 is a job: run a copy of this program in a new process
                       // there (FS_EXIT, value), exit with its return code or with
                       // the status of the call that failed
  FS_WATCH = 11,       // value is the address of a struct fs_ctl: wait until go is
                       // set, then do op at addr (see below)
  FS_WAKE = 12,        // value is the address of a struct fs_ctl: write its value
                       // (32 bits) at its addr, set go, wake its waiters, exit 0
  FS_LOOKUP = 13,      // for each message (a zx_handle_t): reply a struct fs_lookup
                       // about that handle value; 0 asks for arg1's own value
  FS_SHARE = 14,       // arg1 is a process: exit with the status of
                       // zx_process_create_shared on it
  FS_BLOCK = 15,       // block for good: value 0 in zx_port_wait (a new port), 1 in
                       // zx_object_wait_many (on arg1), 2 in zx_channel_call (on arg1)
};

// FS_WATCH and FS_WAKE: a control block, in memory the test shares.
struct fs_ctl {
  unsigned int go;    // a futex: set to 1 by FS_WAKE (or the test)
  unsigned int op;    // FS_OP_*
  unsigned long addr;
  unsigned long value;
};

enum fs_op {
  FS_OP_READ = 0,   // exit with the 32-bit word at addr
  FS_OP_WRITE = 1,  // write value (32 bits) at addr, exit 0
};

// FS_LOOKUP reply: the status of ZX_INFO_HANDLE_BASIC on the value and
// the koid it gave (for 0: status 0, koid = arg1's handle value).
struct fs_lookup {
  int status;
  unsigned int pad;
  unsigned long koid;
};

// Where fs_thread_entry sits in the image: threads started there bump a
// futex counter, wake its waiters and exit.
#define FS_THREAD_OFFSET 8

// FS_REGS message: the registers at entry, in this order.
enum fs_reg {
  FS_RAX, FS_RBX, FS_RCX, FS_RDX, FS_RSI, FS_RDI, FS_RBP, FS_RSP,
  FS_R8, FS_R9, FS_R10, FS_R11, FS_R12, FS_R13, FS_R14, FS_R15,
  FS_RFLAGS, FS_MXCSR, FS_FSBASE, FS_NREGS
};

#define FS_STACK_SIZE 65536

// Map the program's flat @image (@size bytes) read-write-execute and a stack
// of FS_STACK_SIZE into @vmar, an unstarted process's: what the test does to
// launch it, and what it does itself for FS_SPAWN.
static inline zx_status_t fs_map(zx_handle_t vmar, const void* image, size_t size,
                                 zx_vaddr_t* code, zx_vaddr_t* stack) {
  zx_handle_t vmo, stack_vmo;
  zx_status_t st;

  st = zx_vmo_create(size, 0, &vmo);
  if (st == ZX_OK)
    st = zx_vmo_write(vmo, image, 0, size);
  if (st == ZX_OK)
    st = zx_vmo_replace_as_executable(vmo, ZX_HANDLE_INVALID, &vmo);
  if (st == ZX_OK)
    st = zx_vmar_map(vmar, ZX_VM_PERM_READ | ZX_VM_PERM_WRITE | ZX_VM_PERM_EXECUTE, 0, vmo, 0,
                     size, code);
  zx_handle_close(vmo);
  if (st != ZX_OK)
    return st;
  st = zx_vmo_create(FS_STACK_SIZE, 0, &stack_vmo);
  if (st == ZX_OK)
    st = zx_vmar_map(vmar, ZX_VM_PERM_READ | ZX_VM_PERM_WRITE, 0, stack_vmo, 0, FS_STACK_SIZE,
                     stack);
  zx_handle_close(stack_vmo);
  return st;
}

#endif  // FSPROG_H_
