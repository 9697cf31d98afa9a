// SPDX-License-Identifier: MIT
// make bench: each figure is the median over batches of our operation's cost
// divided by a Linux baseline measured in the same run, batches of the two
// interleaved so that drift affects both alike.  One line per figure:
//   bench: kernel=6.1 name=handle_dup_close ratio=1.12 target=1.3 (ours 2.31us, baseline 2.06us)
#define _GNU_SOURCE
#include <linux/futex.h>
#include <spawn.h>
#include <signal.h>
#include <sys/wait.h>
#include <pthread.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/syscall.h>
#include <sys/utsname.h>
#include <time.h>
#include <unistd.h>
#include <zircon/linux.h>
#include <zircon/process.h>
#include <zircon/syscalls.h>

#include "../uapi/linux/zircon.h"
#include "../selftests/launch.h"

#define BATCHES 31
#define ITERS 2000

typedef void (*op_fn)(void* ctx);

static double now_us(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1e6 + ts.tv_nsec / 1e3;
}

static double batch(op_fn fn, void* ctx, int iters) {
  double t0 = now_us();
  for (int i = 0; i < iters; i++)
    fn(ctx);
  return (now_us() - t0) / iters;
}

static int cmp_double(const void* a, const void* b) {
  double x = *(const double*)a, y = *(const double*)b;
  return (x > y) - (x < y);
}

static double median(double* v, int n) {
  qsort(v, n, sizeof(*v), cmp_double);
  return v[n / 2];
}

static const char* kernel_name(void) {
  static struct utsname u;
  const char* k = getenv("VMTEST_KERNEL");
  if (k)
    return k;
  uname(&u);
  return u.release;
}

// @prep, if not NULL, runs (untimed) before each batch of ours.  Returns
// the median cost of ours; *@base_us, if not NULL, gets the baseline's.
static double report_prep(const char* name, const char* target, op_fn ours, void* octx,
                          op_fn prep, op_fn base, void* bctx, int iters, double* base_us) {
  double o[BATCHES], b[BATCHES];
  if (prep)
    prep(octx);
  batch(ours, octx, iters);
  batch(base, bctx, iters);
  for (int i = 0; i < BATCHES; i++) {
    if (prep)
      prep(octx);
    o[i] = batch(ours, octx, iters);
    b[i] = batch(base, bctx, iters);
  }
  double mo = median(o, BATCHES), mb = median(b, BATCHES);
  printf("bench: kernel=%s name=%s ratio=%.2f target=%s (ours %.2fus, baseline %.2fus)\n",
         kernel_name(), name, mo / mb, target, mo, mb);
  fflush(stdout);
  if (base_us)
    *base_us = mb;
  return mo;
}

static void report_n(const char* name, const char* target, op_fn ours, void* octx, op_fn base,
                     void* bctx, int iters) {
  report_prep(name, target, ours, octx, NULL, base, bctx, iters, NULL);
}

static void report(const char* name, const char* target, op_fn ours, void* octx, op_fn base,
                   void* bctx) {
  report_n(name, target, ours, octx, base, bctx, ITERS);
}

// handle_dup_close: zx_handle_duplicate + zx_handle_close against two no-op
// ioctls on /dev/zircon.
static void dup_close(void* ctx) {
  zx_handle_t h = *(zx_handle_t*)ctx, d;
  zx_handle_duplicate(h, ZX_RIGHT_SAME_RIGHTS, &d);
  zx_handle_close(d);
}

static void two_nops(void* ctx) {
  int fd = *(int*)ctx;
  ioctl(fd, ZX_IOC_NOP);
  ioctl(fd, ZX_IOC_NOP);
}

// event_signal_wait: zx_object_signal + zx_object_wait_one on an event that
// is then signaled, against a futex wake + a futex wait that returns at once.
static void signal_wait(void* ctx) {
  zx_handle_t h = *(zx_handle_t*)ctx;
  zx_object_signal(h, 0, ZX_EVENT_SIGNALED);
  zx_object_wait_one(h, ZX_EVENT_SIGNALED, ZX_TIME_INFINITE, NULL);
}

static void futex_pair(void* ctx) {
  int* word = ctx;
  syscall(SYS_futex, word, FUTEX_WAKE_PRIVATE, 1, NULL, NULL, 0);
  syscall(SYS_futex, word, FUTEX_WAIT_PRIVATE, *word + 1, NULL, NULL, 0);
}

// vmo_write: zx_vmo_write of 1 MiB against pwrite of 1 MiB to a memfd.
#define MIB (1024 * 1024)
static char mib[MIB];

struct vmo_ctx {
  zx_handle_t vmo;
  int memfd;
};

static void vmo_write_mib(void* ctx) {
  zx_vmo_write(((struct vmo_ctx*)ctx)->vmo, mib, 0, MIB);
}

static void pwrite_mib(void* ctx) {
  if (pwrite(((struct vmo_ctx*)ctx)->memfd, mib, MIB, 0) != MIB)
    abort();
}

// channel_rt: a 64-byte zx_channel_write + zx_channel_read against a 64-byte
// write + read on a pipe.
struct chan_ctx {
  zx_handle_t a, b;
  int fds[2];
};

static void channel_rt(void* ctx) {
  struct chan_ctx* c = ctx;
  char buf[64] = {0};
  zx_channel_write(c->a, 0, buf, sizeof(buf), NULL, 0);
  zx_channel_read(c->b, 0, buf, NULL, sizeof(buf), 0, NULL, NULL);
}

static void pipe_rt(void* ctx) {
  struct chan_ctx* c = ctx;
  char buf[64] = {0};
  if (write(c->fds[1], buf, sizeof(buf)) != sizeof(buf) || read(c->fds[0], buf, sizeof(buf)) != sizeof(buf))
    abort();
}

// process_launch: create + map + start + exit + wait of a minimal program,
// against posix_spawn + waitpid of a static program that exits at once.
// The program is one page of code, mapped read and execute from one VMO
// made up front (as a loader maps a binary from the page cache), with a new
// 16 KiB stack VMO per launch:
//	mov $ZX_AGENT_FD, %edi; mov $ZX_IOC_PROCESS_EXIT, %esi;
//	lea retcode(%rip), %rdx; mov $__NR_ioctl, %eax; syscall; ud2
//	retcode: .quad 0
// Three figures: from a pool refilled between batches (the latency a
// launch sees, the figure with the target), back to back from a pool
// (the refill competes), and without a pool.
struct tiny {
  zx_handle_t job, code;
};

static zx_handle_t tiny_code(void) {
  uint32_t ioc = ZX_IOC_PROCESS_EXIT;
  uint8_t prog[34] = {0xbf, 0x03, 0x00, 0x00, 0x00,        // mov $3, %edi
                      0xbe, 0, 0, 0, 0,                    // mov $ioc, %esi
                      0x48, 0x8d, 0x15, 0x09, 0, 0, 0,     // lea 9(%rip), %rdx
                      0xb8, 0x10, 0x00, 0x00, 0x00,        // mov $16, %eax
                      0x0f, 0x05,                          // syscall
                      0x0f, 0x0b};                         // ud2; then retcode 0
  zx_handle_t vmo;

  memcpy(prog + 6, &ioc, sizeof(ioc));
  if (zx_vmo_create(4096, 0, &vmo) != ZX_OK || zx_vmo_write(vmo, prog, 0, sizeof(prog)) != ZX_OK ||
      zx_vmo_replace_as_executable(vmo, ZX_HANDLE_INVALID, &vmo) != ZX_OK)
    abort();
  return vmo;
}

#define TINY_STACK 16384

static void tiny_launch(void* ctx) {
  struct tiny* t = ctx;
  zx_handle_t proc, vmar, thread, stack;
  zx_vaddr_t code, sp;

  if (zx_process_create(t->job, "tiny", 4, 0, &proc, &vmar) != ZX_OK ||
      zx_vmar_map(vmar, ZX_VM_PERM_READ | ZX_VM_PERM_EXECUTE, 0, t->code, 0, 4096, &code) != ZX_OK ||
      zx_vmo_create(TINY_STACK, 0, &stack) != ZX_OK ||
      zx_vmar_map(vmar, ZX_VM_PERM_READ | ZX_VM_PERM_WRITE, 0, stack, 0, TINY_STACK, &sp) != ZX_OK ||
      zx_thread_create(proc, "main", 4, 0, &thread) != ZX_OK ||
      zx_process_start(proc, thread, code, sp + TINY_STACK, ZX_HANDLE_INVALID, 0) != ZX_OK ||
      fs_wait_exit(proc) != 0)
    abort();
  zx_handle_close(stack);
  zx_handle_close(thread);
  zx_handle_close(vmar);
  zx_handle_close(proc);
}

#define POOL 4

static void pool_fill(void* ctx) {
  (void)ctx;
  if (zx_linux_process_pool(POOL) != ZX_OK)
    abort();
}

static char* const bench_env[] = {NULL};

static pid_t spawn(const char* path) {
  char* const argv[] = {(char*)path, NULL};
  pid_t pid;
  if (posix_spawn(&pid, path, NULL, NULL, argv, bench_env))
    abort();
  return pid;
}

static void linux_launch(void* ctx) {
  if (waitpid(spawn(ctx), NULL, 0) < 0)
    abort();
}

// thread_launch: zx_thread_create + start + exit + wait for TERMINATED in a
// running process, against pthread_create + pthread_join.
static void zx_thread_op(void* ctx) {
  struct launched* l = ctx;
  zx_handle_t t;
  if (zx_thread_create(l->proc, "t", 1, 0, &t) != ZX_OK ||
      /* The main thread runs at the top of the stack: use its lower half. */
      zx_thread_start(t, l->code + FS_THREAD_OFFSET, l->stack + FS_STACK_SIZE / 2, 0, 0) != ZX_OK ||
      zx_object_wait_one(t, ZX_THREAD_TERMINATED, ZX_TIME_INFINITE, NULL) != ZX_OK)
    abort();
  zx_handle_close(t);
}

static void* nothing(void* arg) { return arg; }

static void pthread_op(void* ctx) {
  pthread_t t;
  (void)ctx;
  if (pthread_create(&t, NULL, nothing, NULL) || pthread_join(t, NULL))
    abort();
}

// Kernel memory of the bench's memory cgroup (memory.stat "kernel").
static long cg_kernel(void) {
  char key[64];
  long v, found = -1;
  FILE* f = fopen("/sys/fs/cgroup/zxbench/memory.stat", "r");
  while (f && fscanf(f, "%63s %ld", key, &v) == 2) {
    if (!strcmp(key, "kernel"))
      found = v;
  }
  if (f)
    fclose(f);
  return found;
}

#define KMEM_N 32

// process_kmem: kernel memory per idle Zircon process (agent + one thread
// waiting on a channel) less that of an idle Linux process of two threads.
static void report_kmem(zx_handle_t job, const char* idle) {
  struct launched l[KMEM_N];
  zx_handle_t ch[KMEM_N];
  pid_t pids[KMEM_N];
  long k0, k1, k2;
  FILE* f;

  mkdir("/sys/fs/cgroup/zxbench", 0755);
  f = fopen("/sys/fs/cgroup/cgroup.subtree_control", "w");
  if (f) {
    fputs("+memory", f);
    fclose(f);
  }
  f = fopen("/sys/fs/cgroup/zxbench/cgroup.procs", "w");
  if (f) {
    fprintf(f, "%d", getpid());
    fclose(f);
  }
  if (cg_kernel() < 0) {
    printf("bench: kernel=%s name=process_kmem bytes=unknown (no memory cgroup)\n", kernel_name());
    return;
  }
  usleep(200000);
  k0 = cg_kernel();
  for (int i = 0; i < KMEM_N; i++)
    pids[i] = spawn(idle);
  usleep(500000);
  k1 = cg_kernel();
  for (int i = 0; i < KMEM_N; i++) {
    zx_handle_t peer;
    if (zx_channel_create(0, &ch[i], &peer) != ZX_OK ||
        fs_launch(job, "idle", peer, FS_ECHO, &l[i]) != ZX_OK)
      abort();
  }
  usleep(500000);
  k2 = cg_kernel();
  long linux_per = (k1 - k0) / KMEM_N, zx_per = (k2 - k1) / KMEM_N;
  printf("bench: kernel=%s name=process_kmem bytes=%ld (zircon process %ld, linux 2-thread "
         "process %ld, n=%d)\n",
         kernel_name(), zx_per - linux_per, zx_per, linux_per, KMEM_N);
  for (int i = 0; i < KMEM_N; i++) {
    zx_handle_close(ch[i]);  // the program exits when its peer closes
    fs_wait_exit(l[i].proc);
    fs_close(&l[i]);
    kill(pids[i], SIGKILL);
    waitpid(pids[i], NULL, 0);
  }
}

// shared_map_fanout_N: map + unmap of one page through the shared region of
// a group of N started members (all blocked in a futex wait), against the
// same through the root VMAR of one started process (the lines for N = 1,
// 8, 64 show the growth).  Target: at most linear, with each added member
// costing less than one ordinary map: shared_map_fanout_per_member, the
// cost per added member ((N=64 - N=1) / 63) over one ordinary map, below 1.
struct map_ctx {
  zx_handle_t vmar, vmo;
};

static void map_unmap(void* ctx) {
  struct map_ctx* m = ctx;
  zx_vaddr_t addr;
  if (zx_vmar_map(m->vmar, ZX_VM_PERM_READ | ZX_VM_PERM_WRITE, 0, m->vmo, 0, 4096, &addr) !=
          ZX_OK ||
      zx_vmar_unmap(m->vmar, addr, 4096) != ZX_OK)
    abort();
}

// Map @vmo's @size bytes into @vmar (read-write, plus execute with @exec).
static zx_vaddr_t map_in(zx_handle_t vmar, zx_handle_t vmo, size_t size, int exec) {
  zx_vaddr_t addr;
  if (zx_vmar_map(vmar, ZX_VM_PERM_READ | ZX_VM_PERM_WRITE | (exec ? ZX_VM_PERM_EXECUTE : 0), 0,
                  vmo, 0, size, &addr) != ZX_OK)
    abort();
  return addr;
}

// A group of @n members, the first made by zx_process_create, each running
// the test program (mapped once, in the shared region) in FS_WATCH on a
// control block nobody sets.  Returns the shared region's VMAR.
static zx_handle_t fanout_group(zx_handle_t job, int n) {
  size_t size = (size_t)(fsprog_image_end - fsprog_image);
  zx_handle_t proto, shared, vmo, stacks, proc, vmar, thread;
  zx_vaddr_t code, ctl, sp;

  if (zx_process_create(job, "fanout", 6, ZX_PROCESS_SHARED, &proto, &shared) != ZX_OK ||
      zx_vmo_create(size, 0, &vmo) != ZX_OK || zx_vmo_write(vmo, fsprog_image, 0, size) != ZX_OK ||
      zx_vmo_replace_as_executable(vmo, ZX_HANDLE_INVALID, &vmo) != ZX_OK ||
      zx_vmo_create((uint64_t)n * FS_STACK_SIZE + 4096, 0, &stacks) != ZX_OK)
    abort();
  code = map_in(shared, vmo, size, 1);
  sp = map_in(shared, stacks, (size_t)n * FS_STACK_SIZE + 4096, 0);
  ctl = sp + (zx_vaddr_t)n * FS_STACK_SIZE;
  for (int i = 0; i < n; i++) {
    proc = proto;
    if (i && zx_process_create_shared(proto, 0, "fanout", 6, &proc, &vmar) != ZX_OK)
      abort();
    if (i)
      zx_handle_close(vmar);
    if (zx_thread_create(proc, "main", 4, 0, &thread) != ZX_OK ||
        zx_process_start(proc, thread, code, sp + (zx_vaddr_t)(i + 1) * FS_STACK_SIZE,
                         ZX_HANDLE_INVALID, FS_WATCH | (ctl << 8)) != ZX_OK)
      abort();
    zx_handle_close(thread);
    if (i)
      zx_handle_close(proc);  // it runs on; the job kill ends it
  }
  zx_handle_close(proto);
  zx_handle_close(vmo);
  zx_handle_close(stacks);
  return shared;
}

static void report_fanout(zx_handle_t job) {
  static const int sizes[] = {1, 8, 64};
  struct map_ctx single, group;
  zx_handle_t ch, peer;
  double ours[3], base[3];
  struct launched l;
  char name[64];

  if (zx_vmo_create(4096, 0, &single.vmo) != ZX_OK || zx_channel_create(0, &ch, &peer) != ZX_OK ||
      fs_launch(job, "single", peer, FS_ECHO, &l) != ZX_OK)
    abort();
  single.vmar = l.vmar;
  group.vmo = single.vmo;
  for (int i = 0; i < 3; i++) {
    zx_handle_t gjob;
    if (zx_job_create(job, 0, &gjob) != ZX_OK)
      abort();
    group.vmar = fanout_group(gjob, sizes[i]);
    snprintf(name, sizeof(name), "shared_map_fanout_%d", sizes[i]);
    ours[i] = report_prep(name, "none", map_unmap, &group, NULL, map_unmap, &single, 20,
                          &base[i]);
    zx_task_kill(gjob);
    zx_handle_close(gjob);
    zx_handle_close(group.vmar);
  }
  printf("bench: kernel=%s name=shared_map_fanout_per_member ratio=%.2f target=1.0 "
         "(ours %.2fus per added member, baseline %.2fus)\n",
         kernel_name(), (ours[2] - ours[0]) / 63 / base[2], (ours[2] - ours[0]) / 63, base[2]);
  fflush(stdout);
  zx_handle_close(ch);
  fs_wait_exit(l.proc);
  fs_close(&l);
  zx_handle_close(single.vmo);
}

static void report_tasks(void) {
  zx_handle_t job, ch, peer;
  struct launched l;

  if (zx_job_create(zx_job_default(), 0, &job) != ZX_OK)
    abort();
  struct tiny tiny = {job, tiny_code()};
  // Batches of POOL / 2: the pool is refilled only once half empty.
  report_prep("process_launch", "0.3", tiny_launch, &tiny, pool_fill, linux_launch,
              "build/bench/exit0", POOL / 2, NULL);
  report_n("process_launch_back_to_back", "none", tiny_launch, &tiny, linux_launch,
           "build/bench/exit0", 4 * POOL);
  zx_linux_process_pool(0);
  report_n("process_launch_no_pool", "none", tiny_launch, &tiny, linux_launch,
           "build/bench/exit0", 2);
  zx_handle_close(tiny.code);
  if (zx_channel_create(0, &ch, &peer) != ZX_OK ||
      fs_launch(job, "threads", peer, FS_ECHO, &l) != ZX_OK)
    abort();
  report_n("thread_launch", "1.5", zx_thread_op, &l, pthread_op, NULL, 20);
  zx_handle_close(ch);
  fs_wait_exit(l.proc);
  fs_close(&l);
  report_kmem(job, "build/bench/idle2");
  zx_task_kill(job);
  zx_handle_close(job);
}

static int fanout(void) {
  zx_handle_t job;
  if (zx_job_create(zx_job_default(), 0, &job) != ZX_OK)
    abort();
  report_fanout(job);
  zx_task_kill(job);
  zx_handle_close(job);
  return 0;
}

// "bench" runs every figure; "bench fanout" only the shared_map_fanout ones,
// "bench tasks" only the process and thread ones, "bench ipc" only the
// handle, event, channel and VMO ones.
int main(int argc, char** argv) {
  zx_handle_t ev;
  int fd = zx_linux_fd(), word = 0;

  if (fd < 0 || zx_event_create(0, &ev) != ZX_OK) {
    fprintf(stderr, "bench: /dev/zircon is not available\n");
    return 1;
  }
  if (argc > 1 && !strcmp(argv[1], "fanout"))
    return fanout();
  if (argc > 1 && !strcmp(argv[1], "tasks")) {
    report_tasks();
    return 0;
  }
  report("handle_dup_close", "1.3", dup_close, &ev, two_nops, &fd);
  report("event_signal_wait", "none", signal_wait, &ev, futex_pair, &word);

  struct chan_ctx cc;
  if (zx_channel_create(0, &cc.a, &cc.b) != ZX_OK || pipe(cc.fds)) {
    fprintf(stderr, "bench: cannot make the channel or pipe\n");
    return 1;
  }
  report("channel_rt", "1.0", channel_rt, &cc, pipe_rt, &cc);
  zx_handle_close(cc.a);
  zx_handle_close(cc.b);

  struct vmo_ctx vc = {.memfd = memfd_create("bench", 0)};
  memset(mib, 0x5a, sizeof(mib));
  if (vc.memfd < 0 || zx_vmo_create(MIB, 0, &vc.vmo) != ZX_OK) {
    fprintf(stderr, "bench: cannot make the VMO or memfd\n");
    return 1;
  }
  report_n("vmo_write", "1.1", vmo_write_mib, &vc, pwrite_mib, &vc, 20);
  zx_handle_close(vc.vmo);
  close(vc.memfd);
  zx_handle_close(ev);
  if (argc > 1 && !strcmp(argv[1], "ipc"))
    return 0;
  report_tasks();
  return fanout();
}
