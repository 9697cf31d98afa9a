// SPDX-License-Identifier: MIT
// zx_process_create for Linux programs.
//
// The module makes the process object and gives back a descriptor of it;
// this file starts the process's agent: a tiny static helper without a C
// library (agent.S), kept in a sealed memfd and run with execveat().  The
// helper gets the descriptor as ZX_AGENT_FD and nothing else: every other
// descriptor of the creator is closed, standard input and output too.  It
// inherits what exec keeps: credentials, resource limits, cgroup,
// namespaces, seccomp filters, the (fully blocked) signal mask.
//
// The helper is started through a middle process that exits at once, so
// the helper is an orphan: the init process (or the nearest child
// subreaper) reaps it, and the creator gets no SIGCHLD.  Both are made with
// CLONE_VM | CLONE_VFORK, so nothing is copied and the creator resumes only
// once the helper runs its own program.
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>
#include <zircon/syscalls.h>

#include "internal.h"

extern const char zx__agent_elf[], zx__agent_elf_end[];

#define ZX_SPAWN_STACK 16384

static pthread_once_t zx_agent_once = PTHREAD_ONCE_INIT;
static int zx_agent_memfd = -1;

static void zx_agent_memfd_init(void) {
  size_t len = (size_t)(zx__agent_elf_end - zx__agent_elf), done = 0;
  int fd = memfd_create("zx-agent", MFD_CLOEXEC | MFD_ALLOW_SEALING);

  if (fd < 0)
    return;
  while (done < len) {
    ssize_t n = write(fd, zx__agent_elf + done, len - done);
    if (n <= 0) {
      close(fd);
      return;
    }
    done += (size_t)n;
  }
  fcntl(fd, F_ADD_SEALS, F_SEAL_WRITE | F_SEAL_GROW | F_SEAL_SHRINK | F_SEAL_SEAL);
  zx_agent_memfd = fd;
}

struct zx_spawn {
  int procfd;
  int memfd;
  volatile long error;  // -errno of the step that failed
  char* helper_stack;
};

// The helper-to-be, still sharing the creator's memory: raw calls only.
static int zx_spawn_helper(void* arg) {
  static char* const argv[] = {"zx-agent", 0};
  static char* const envp[] = {0};
  struct zx_spawn* s = arg;
  long a, b, r;

  a = zx__syscall(SYS_fcntl, s->procfd, F_DUPFD, 10);
  b = zx__syscall(SYS_fcntl, s->memfd, F_DUPFD_CLOEXEC, 10);
  r = a < 0 ? a : b;
  if (r >= 0)
    r = zx__syscall(SYS_dup2, a, ZX_AGENT_FD, 0);
  if (r >= 0)
    r = zx__syscall(SYS_dup3, b, ZX_AGENT_FD + 1, O_CLOEXEC);
  if (r >= 0)
    r = zx__syscall(SYS_close_range, ZX_AGENT_FD + 2, ~0U, 0);
  if (r >= 0) {
    zx__syscall(SYS_close, 0, 0, 0);
    zx__syscall(SYS_close, 1, 0, 0);
    zx__syscall(SYS_close, 2, 0, 0);
    r = zx__syscall6(SYS_execveat, ZX_AGENT_FD + 1, (long)"", (long)argv, (long)envp,
                     AT_EMPTY_PATH, 0);
  }
  s->error = r;
  zx__syscall(SYS_exit, 127, 0, 0);
  return 127;
}

static int zx_spawn_middle(void* arg) {
  struct zx_spawn* s = arg;
  long pid = clone(zx_spawn_helper, s->helper_stack, CLONE_VM | CLONE_VFORK | SIGCHLD, s);

  if (pid < 0)
    s->error = -errno;
  zx__syscall(SYS_exit, 0, 0, 0);
  return 0;
}

zx_status_t zx__spawn_agent(int procfd) {
  _Alignas(16) char stacks[2][ZX_SPAWN_STACK];
  struct zx_spawn s = {.procfd = procfd, .helper_stack = stacks[1] + ZX_SPAWN_STACK};
  sigset_t all, old;
  pid_t pid;

  pthread_once(&zx_agent_once, zx_agent_memfd_init);
  if (zx_agent_memfd < 0)
    return ZX_ERR_NO_RESOURCES;
  s.memfd = zx_agent_memfd;
  sigfillset(&all);
  pthread_sigmask(SIG_SETMASK, &all, &old);
  pid = clone(zx_spawn_middle, stacks[0] + ZX_SPAWN_STACK, CLONE_VM | CLONE_VFORK, &s);
  if (pid < 0)
    s.error = -errno;
  else
    while (waitpid(pid, NULL, __WALL) < 0 && errno == EINTR) {
    }
  pthread_sigmask(SIG_SETMASK, &old, NULL);
  if (s.error == -ENOMEM)
    return ZX_ERR_NO_MEMORY;
  return s.error ? ZX_ERR_NO_RESOURCES : ZX_OK;
}

// Start the agent of the process just made, whose descriptor is @fd.
static zx_status_t zx_start_agent(int fd, zx_handle_t* proc_handle, zx_handle_t* vmar_handle) {
  zx_status_t status = zx__spawn_agent(fd);

  close(fd);
  if (status != ZX_OK) {
    zx_handle_close(*vmar_handle);
    zx_handle_close(*proc_handle);  // the process was never started: it ends
  }
  return status;
}

zx_status_t zx_process_create(zx_handle_t job, const char* name, size_t name_size,
                              uint32_t options, zx_handle_t* proc_handle,
                              zx_handle_t* vmar_handle) {
  // A blank from the pool cannot start a shared group.
  zx_handle_t blank = options ? ZX_HANDLE_INVALID : zx__pool_take();
  int fd = -1;
  struct zx_ioc_process_create a =
      zx__create_block(job, options, name, name_size, proc_handle, vmar_handle, &fd);

  a.blank = blank;
  zx_status_t status = zx__call(ZX_IOC_PROCESS_CREATE, &a);

  if (blank != ZX_HANDLE_INVALID) {
    if (status != ZX_ERR_UNAVAILABLE)
      return status;
    a.blank = ZX_HANDLE_INVALID;  // unusable: make one the slow way
    status = zx__call(ZX_IOC_PROCESS_CREATE, &a);
  }
  if (status != ZX_OK)
    return status;
  return zx_start_agent(fd, proc_handle, vmar_handle);
}

zx_status_t zx_process_create_shared(zx_handle_t shared_proc, uint32_t options,
                                     const char* name, size_t name_size,
                                     zx_handle_t* proc_handle,
                                     zx_handle_t* restricted_vmar_handle) {
  int fd = -1;
  struct zx_ioc_process_create a = zx__create_block(shared_proc, options, name, name_size,
                                                    proc_handle, restricted_vmar_handle, &fd);
  zx_status_t status = zx__call(ZX_IOC_PROCESS_CREATE_SHARED, &a);

  return status != ZX_OK ? status : zx_start_agent(fd, proc_handle, restricted_vmar_handle);
}

void zx_process_exit(int64_t retcode) {
  // A Linux program is not started by zx_process_start: it exits the Linux way.
  _exit((int)retcode);
}

void zx_thread_exit(void) { pthread_exit(NULL); }
