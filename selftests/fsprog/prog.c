// SPDX-License-Identifier: MIT
// A freestanding program that runs inside a process started by a selftest
// (see prog.h).  It uses only libzx-freestanding.a and raw system calls.
#include <zircon/process.h>
#include <zircon/syscalls.h>

#include "prog.h"

unsigned long fs_regs[FS_NREGS];

static zx_futex_t counter;

static void send(zx_handle_t ch, const void* bytes, uint32_t n) {
  zx_channel_write(ch, 0, bytes, n, 0, 0);
}

static long raw3(long nr, long a, long b, long c) {
  long ret;
  __asm__ volatile("syscall"
                   : "=a"(ret)
                   : "a"(nr), "D"(a), "S"(b), "d"(c)
                   : "rcx", "r11", "memory");
  return ret;
}

static long raw2(long nr, long a, long b) {
  return raw3(nr, a, b, 0);
}

void fs_thread(uintptr_t arg1, uintptr_t arg2) {
  (void)arg1, (void)arg2;
  __atomic_fetch_add(&counter, 1, __ATOMIC_SEQ_CST);
  zx_futex_wake(&counter, UINT32_MAX);
  zx_thread_exit();
}

extern char fs_thread_entry[];

static int64_t start_threads(long n) {
  zx_handle_t vmo, th;
  zx_vaddr_t base;
  long i;

  if (zx_vmo_create((uint64_t)n * 16384, 0, &vmo) != ZX_OK)
    return -1;
  if (zx_vmar_map(zx_vmar_root_self(), ZX_VM_PERM_READ | ZX_VM_PERM_WRITE, 0, vmo, 0,
                  (uint64_t)n * 16384, &base) != ZX_OK)
    return -2;
  for (i = 0; i < n; i++) {
    if (zx_thread_create(zx_process_self(), "worker", 6, 0, &th) != ZX_OK)
      return -3;
    if (zx_thread_start(th, (uintptr_t)fs_thread_entry, base + (uintptr_t)(i + 1) * 16384, 0,
                        0) != ZX_OK)
      return -4;
    zx_handle_close(th);
  }
  for (;;) {
    zx_futex_t seen = __atomic_load_n(&counter, __ATOMIC_SEQ_CST);
    if (seen == n)
      return n;
    zx_futex_wait(&counter, seen, ZX_HANDLE_INVALID, ZX_TIME_INFINITE);
  }
}

extern char _start[], fs_image_end[];

// FS_SPAWN: this program's image into a new process in @job, run as FS_EXIT.
static int64_t spawn(zx_handle_t job, long value) {
  zx_handle_t proc, vmar, thread;
  zx_info_process_t info;
  zx_vaddr_t code, sp;
  zx_status_t st;

  st = zx_process_create(job, "grandchild", 10, 0, &proc, &vmar);
  if (st != ZX_OK)
    return st;
  st = fs_map(vmar, _start, (size_t)(fs_image_end - _start), &code, &sp);
  if (st == ZX_OK)
    st = zx_thread_create(proc, "main", 4, 0, &thread);
  if (st == ZX_OK)
    st = zx_process_start(proc, thread, code, sp + FS_STACK_SIZE, ZX_HANDLE_INVALID,
                          FS_EXIT | ((uintptr_t)value << 8));
  if (st == ZX_OK)
    st = zx_object_wait_one(proc, ZX_PROCESS_TERMINATED, ZX_TIME_INFINITE, 0);
  if (st == ZX_OK)
    st = zx_object_get_info(proc, ZX_INFO_PROCESS, &info, sizeof(info), 0, 0);
  return st == ZX_OK ? info.return_code : st;
}

// FS_WATCH: wait for the go word, then do what the control block says.
static int64_t watch(volatile struct fs_ctl* ctl) {
  while (!__atomic_load_n(&ctl->go, __ATOMIC_SEQ_CST))
    zx_futex_wait((const zx_futex_t*)&ctl->go, 0, ZX_HANDLE_INVALID, ZX_TIME_INFINITE);
  if (ctl->op == FS_OP_WRITE) {
    *(volatile uint32_t*)ctl->addr = (uint32_t)ctl->value;
    return 0;
  }
  return *(volatile uint32_t*)ctl->addr;
}

// FS_LOOKUP: answer questions about handle values until the peer closes.
static int64_t lookup(zx_handle_t ch) {
  for (;;) {
    zx_info_handle_basic_t info = {0};
    struct fs_lookup reply = {0};
    zx_signals_t seen = 0;
    zx_handle_t value;
    uint32_t n;

    zx_object_wait_one(ch, ZX_CHANNEL_READABLE | ZX_CHANNEL_PEER_CLOSED, ZX_TIME_INFINITE, &seen);
    if (!(seen & ZX_CHANNEL_READABLE))
      return 0;
    if (zx_channel_read(ch, 0, &value, 0, sizeof(value), 0, &n, 0) != ZX_OK || n != sizeof(value))
      return -1;
    if (value == ZX_HANDLE_INVALID) {
      reply.koid = ch;
    } else {
      reply.status = zx_object_get_info(value, ZX_INFO_HANDLE_BASIC, &info, sizeof(info), 0, 0);
      reply.koid = info.koid;
    }
    send(ch, &reply, sizeof(reply));
  }
}

static int64_t share(zx_handle_t shared_proc) {
  zx_handle_t proc = ZX_HANDLE_INVALID, vmar = ZX_HANDLE_INVALID;
  zx_status_t st = zx_process_create_shared(shared_proc, 0, "shared-child", 12, &proc, &vmar);

  zx_handle_close(vmar);
  zx_handle_close(proc);
  return st;
}

// FS_BLOCK: block in one of the waiting calls until killed.
static int64_t block(zx_handle_t ch, long how) {
  zx_handle_t port = ZX_HANDLE_INVALID;
  zx_wait_item_t item = {ch, ZX_USER_SIGNAL_0, 0};
  zx_port_packet_t packet;
  char msg[8] = {0}, reply[8];
  zx_channel_call_args_t call = {.wr_bytes = msg, .rd_bytes = reply,
                                 .wr_num_bytes = sizeof(msg), .rd_num_bytes = sizeof(reply)};
  uint32_t n, nh;

  if (how == 0 && zx_port_create(0, &port) == ZX_OK)
    zx_port_wait(port, ZX_TIME_INFINITE, &packet);
  else if (how == 1)
    zx_object_wait_many(&item, 1, ZX_TIME_INFINITE);
  else if (how == 2)
    zx_channel_call(ch, 0, ZX_TIME_INFINITE, &call, &n, &nh);
  return -1;
}

void fs_main(zx_handle_t arg1, uintptr_t arg2) {
  long value = (long)arg2 >> 8;
  char buf[256];
  uint32_t n;

  switch (arg2 & 0xff) {
    case FS_REGS: {
      int64_t code = -1;
      raw2(158, 0x1003, (long)&fs_regs[FS_FSBASE]);  // arch_prctl(ARCH_GET_FS)
      send(arg1, fs_regs, sizeof(fs_regs));
      // No reply (the test gave up and closed its end): exit with -1.
      zx_object_wait_one(arg1, ZX_CHANNEL_READABLE | ZX_CHANNEL_PEER_CLOSED, ZX_TIME_INFINITE, 0);
      zx_channel_read(arg1, 0, &code, 0, sizeof(code), 0, &n, 0);
      zx_process_exit(code);
    }
    case FS_EXIT:
      zx_process_exit(value);
    case FS_CRASH:
      *(volatile int*)0 = 1;
      break;
    case FS_SPIN:
      if (value) {
        // Take the address space's lock for writing, over and over: an
        // mprotect of this code's page that leaves it as it is.
        uintptr_t page = (uintptr_t)fs_thread_entry & ~(uintptr_t)4095;
        for (;;)
          raw3(10, page, 4096, 7);
      }
      for (;;)
        zx_nanosleep(zx_deadline_after(1000000));
    case FS_THREADS: {
      int64_t got = start_threads(value);
      send(arg1, &got, sizeof(got));
      zx_process_exit(got);
    }
    case FS_THREAD_EXIT:
      zx_thread_exit();
    case FS_ECHO:
      for (;;) {
        zx_signals_t seen = 0;
        zx_object_wait_one(arg1, ZX_CHANNEL_READABLE | ZX_CHANNEL_PEER_CLOSED, ZX_TIME_INFINITE,
                           &seen);
        if (!(seen & ZX_CHANNEL_READABLE))
          zx_process_exit(0);
        if (zx_channel_read(arg1, 0, buf, 0, sizeof(buf), 0, &n, 0) == ZX_OK)
          send(arg1, buf, n);
      }
    case FS_RAW_EXIT:
      raw2(231, value, 0);
      break;
    case FS_SELF: {
      zx_info_handle_basic_t info[2];
      zx_object_get_info(zx_process_self(), ZX_INFO_HANDLE_BASIC, &info[0], sizeof(info[0]), 0,
                         0);
      zx_object_get_info(zx_thread_self(), ZX_INFO_HANDLE_BASIC, &info[1], sizeof(info[1]), 0,
                         0);
      send(arg1, info, sizeof(info));
      zx_process_exit(0);
    }
    case FS_SPAWN:
      zx_process_exit(spawn(arg1, value));
    case FS_WATCH:
      zx_process_exit(watch((volatile struct fs_ctl*)value));
    case FS_WAKE: {
      struct fs_ctl* ctl = (struct fs_ctl*)value;
      *(volatile uint32_t*)ctl->addr = (uint32_t)ctl->value;
      __atomic_store_n(&ctl->go, 1, __ATOMIC_SEQ_CST);
      zx_futex_wake((const zx_futex_t*)&ctl->go, UINT32_MAX);
      zx_process_exit(0);
    }
    case FS_LOOKUP:
      zx_process_exit(lookup(arg1));
    case FS_SHARE:
      zx_process_exit(share(arg1));
    case FS_BLOCK:
      zx_process_exit(block(arg1, value));
  }
  zx_process_exit(-1);
}
