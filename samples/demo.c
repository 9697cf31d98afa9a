// SPDX-License-Identifier: MIT
// make demo: a tree of named jobs with processes in them (real Linux
// processes running a small freestanding program: exit codes collected,
// threads counted over a channel), events signalled and waited on across
// threads, and the tree printed with koids and names before and after a job
// is killed.
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <zircon/linux.h>
#include <zircon/process.h>
#include <zircon/status.h>
#include <zircon/syscalls.h>

#include "launch.h"

#define MAX_JOBS 16
#define WORKERS 4

static struct {
  zx_handle_t handle;
  zx_koid_t koid;
} jobs[MAX_JOBS];
static int njobs;

static void check(const char* what, zx_status_t status) {
  if (status != ZX_OK) {
    fprintf(stderr, "demo: %s: %s\n", what, zx_status_get_string(status));
    _exit(1);
  }
}

static zx_koid_t koid_of(zx_handle_t h) {
  zx_info_handle_basic_t info;
  check("get_info", zx_object_get_info(h, ZX_INFO_HANDLE_BASIC, &info, sizeof(info), NULL, NULL));
  return info.koid;
}

static zx_handle_t remember(zx_handle_t h) {
  jobs[njobs].handle = h;
  jobs[njobs].koid = koid_of(h);
  njobs++;
  return h;
}

static zx_handle_t new_job(zx_handle_t parent, const char* name) {
  zx_handle_t job;
  check("job_create", zx_job_create(parent, 0, &job));
  check("set name", zx_object_set_property(job, ZX_PROP_NAME, name, strlen(name)));
  return remember(job);
}

static zx_handle_t handle_for(zx_koid_t koid) {
  for (int i = 0; i < njobs; i++)
    if (jobs[i].koid == koid)
      return jobs[i].handle;
  return ZX_HANDLE_INVALID;
}

static zx_handle_t editor_job(void) { return jobs[5].handle; }

static void print_tree(zx_handle_t job, int depth) {
  char name[ZX_MAX_NAME_LEN];
  zx_info_job_t info;
  zx_koid_t kids[MAX_JOBS];
  size_t n = 0;

  zx_object_get_property(job, ZX_PROP_NAME, name, sizeof(name));
  zx_object_get_info(job, ZX_INFO_JOB, &info, sizeof(info), NULL, NULL);
  printf("%*s[%llu] %s", 2 + depth * 4, "", (unsigned long long)koid_of(job), name);
  if (info.exited)
    printf("  (killed, return code %lld)", (long long)info.return_code);
  printf("\n");
  zx_koid_t procs[MAX_JOBS];
  size_t np = 0;
  zx_object_get_info(job, ZX_INFO_JOB_PROCESSES, procs, sizeof(procs), &np, NULL);
  for (size_t i = 0; i < np; i++)
    printf("%*s process [%llu]\n", 2 + depth * 4 + 4, "", (unsigned long long)procs[i]);
  zx_object_get_info(job, ZX_INFO_JOB_CHILDREN, kids, sizeof(kids), &n, NULL);
  for (size_t i = 0; i < n; i++) {
    zx_handle_t child = handle_for(kids[i]);
    if (child != ZX_HANDLE_INVALID)
      print_tree(child, depth + 1);
  }
}

struct worker {
  int id;
  zx_handle_t go, done;
};

static void* worker_main(void* arg) {
  struct worker* w = arg;
  zx_signals_t observed = 0;
  check("worker wait", zx_object_wait_one(w->go, ZX_EVENT_SIGNALED, ZX_TIME_INFINITE, &observed));
  printf("  worker %d woke on event %llu (observed 0x%x), signalling its done event\n", w->id,
         (unsigned long long)koid_of(w->go), observed);
  fflush(stdout);
  check("worker signal", zx_object_signal(w->done, 0, ZX_USER_SIGNAL_0 << w->id));
  return NULL;
}

// A shared group: "reader" waits on a futex in the shared region; "writer",
// another member, writes a word there and wakes it.  The page is mapped
// once, through the group's shared VMAR, and both see it.
static void shared_group(zx_handle_t job) {
  zx_handle_t first, shared, ctl_vmo, proc, vmar;
  struct launched members[2];
  static const char* names[2] = {"reader", "writer"};
  static const int modes[2] = {FS_WATCH, FS_WAKE};
  struct fs_ctl ctl;
  zx_vaddr_t at;

  check("process_create", zx_process_create(job, "group", 5, ZX_PROCESS_SHARED, &first, &shared));
  check("vmo_create", zx_vmo_create(4096, 0, &ctl_vmo));
  check("vmar_map", zx_vmar_map(shared, ZX_VM_PERM_READ | ZX_VM_PERM_WRITE, 0, ctl_vmo, 0, 4096,
                                &at));
  ctl = (struct fs_ctl){.op = FS_OP_READ, .addr = at + 64, .value = 42};
  check("vmo_write", zx_vmo_write(ctl_vmo, &ctl, 0, sizeof(ctl)));
  printf("\na shared group: \"reader\" and \"writer\" share a page mapped once at 0x%lx:\n",
         (unsigned long)at);
  for (int i = 0; i < 2; i++) {
    struct launched* l = &members[i];
    memset(l, 0, sizeof(*l));
    check("process_create_shared",
          zx_process_create_shared(first, 0, names[i], strlen(names[i]), &proc, &vmar));
    l->proc = proc;
    l->vmar = vmar;
    check("fs_start", fs_start(l, ZX_HANDLE_INVALID, (uintptr_t)modes[i] | (at << 8)));
    if (i == 0)
      zx_nanosleep(zx_deadline_after(ZX_MSEC(100)));  // let it block in the futex first
  }
  printf("  writer    return code %lld (it wrote 42 at 0x%lx and woke the futex)\n",
         (long long)fs_wait_exit(members[1].proc), (unsigned long)(at + 64));
  printf("  reader    return code %lld (the word it read after the wake)\n",
         (long long)fs_wait_exit(members[0].proc));
  for (int i = 0; i < 2; i++)
    fs_close(&members[i]);
  zx_handle_close(ctl_vmo);
  zx_handle_close(shared);
  zx_handle_close(first);  // never started: it ends, and the group with it
}

int main(void) {
  zx_handle_t root = ZX_HANDLE_INVALID, go;
  struct worker workers[WORKERS];
  zx_wait_item_t items[WORKERS];
  pthread_t threads[WORKERS];

  if (zx_linux_fd() < 0) {
    fprintf(stderr, "demo: /dev/zircon is not there: load zircon.ko first\n");
    return 1;
  }
  remember(zx_job_default());
  printf("zircon demo: Zircon process koid %llu, default job koid %llu\n\n",
         (unsigned long long)zx_linux_process_koid(), (unsigned long long)jobs[0].koid);

  zx_handle_t system = new_job(zx_job_default(), "system");
  new_job(system, "drivers");
  zx_handle_t apps = new_job(system, "apps");
  new_job(apps, "browser");
  zx_handle_t editor = new_job(apps, "editor");
  new_job(editor, "spellcheck");

  printf("job tree:\n");
  print_tree(zx_job_default(), 0);

  // Processes: each a new Linux process running selftests/fsprog.
  static const struct {
    const char* name;
    int job;  // index into jobs[]
    uintptr_t mode;
  } progs[] = {
      {"indexer", 2, FS_EXIT | (3 << 8)},
      {"renderer", 4, FS_THREADS | (4 << 8)},
      {"checker", 6, FS_EXIT | (0 << 8)},
      {"crasher", 5, FS_CRASH},
  };
  struct launched procs[4];
  zx_handle_t chans[4];
  printf("\nlaunching %zu processes, each a Linux process of its own:\n",
         sizeof(progs) / sizeof(progs[0]));
  for (size_t i = 0; i < sizeof(progs) / sizeof(progs[0]); i++) {
    zx_handle_t peer;
    zx_info_handle_basic_t b;
    check("channel_create", zx_channel_create(0, &chans[i], &peer));
    check("launch", fs_launch(jobs[progs[i].job].handle, progs[i].name, peer, progs[i].mode,
                              &procs[i]));
    zx_object_get_info(procs[i].proc, ZX_INFO_HANDLE_BASIC, &b, sizeof(b), NULL, NULL);
    printf("  %-9s koid %llu in job %llu\n", progs[i].name, (unsigned long long)b.koid,
           (unsigned long long)b.related_koid);
  }
  printf("\njob tree with its processes:\n");
  print_tree(zx_job_default(), 0);
  printf("\nexit codes, collected through ZX_PROCESS_TERMINATED and ZX_INFO_PROCESS:\n");
  for (size_t i = 0; i < sizeof(progs) / sizeof(progs[0]); i++) {
    int64_t threads = 0;
    int64_t code = fs_wait_exit(procs[i].proc);
    uint32_t n = 0;
    printf("  %-9s return code %lld", progs[i].name, (long long)code);
    if (zx_channel_read(chans[i], 0, &threads, NULL, sizeof(threads), 0, &n, NULL) == ZX_OK)
      printf(" (its %lld threads counted themselves with a futex)", (long long)threads);
    if (code == ZX_TASK_RETCODE_EXCEPTION_KILL)
      printf(" (ZX_TASK_RETCODE_EXCEPTION_KILL: it wrote to address 0)");
    printf("\n");
    zx_handle_close(chans[i]);
    fs_close(&procs[i]);
  }
  // A process that creates a process: "launcher" gets a handle to its own
  // job, makes "grandchild" there and returns the grandchild's exit code.
  struct launched launcher;
  zx_handle_t job_arg;
  check("handle_duplicate", zx_handle_duplicate(jobs[2].handle, ZX_RIGHT_SAME_RIGHTS, &job_arg));
  check("launch", fs_launch(jobs[2].handle, "launcher", job_arg, FS_SPAWN | (5 << 8), &launcher));
  printf("\n\"launcher\" creates and starts \"grandchild\" (exit code 5) in its own job:\n");
  printf("  launcher  return code %lld (the grandchild's, collected by the launcher)\n",
         (long long)fs_wait_exit(launcher.proc));
  fs_close(&launcher);
  shared_group(jobs[2].handle);
  struct launched spinner;
  check("launch", fs_launch(editor_job(), "spinner", ZX_HANDLE_INVALID, FS_SPIN, &spinner));
  printf("\n\"spinner\" runs in job \"editor\" until the kill below\n");

  check("event_create", zx_event_create(0, &go));
  printf("\n%d worker threads wait on one event; main signals it and waits for all:\n", WORKERS);
  for (int i = 0; i < WORKERS; i++) {
    workers[i] = (struct worker){.id = i, .go = go};
    check("event_create", zx_event_create(0, &workers[i].done));
    items[i] = (zx_wait_item_t){workers[i].done, ZX_USER_SIGNAL_0 << i, 0};
    pthread_create(&threads[i], NULL, worker_main, &workers[i]);
  }
  zx_time_t start = zx_clock_get_monotonic();
  check("signal", zx_object_signal(go, 0, ZX_EVENT_SIGNALED));
  for (int left = WORKERS; left > 0;) {
    check("wait_many", zx_object_wait_many(items, WORKERS, zx_deadline_after(ZX_SEC(10))));
    left = 0;
    for (int i = 0; i < WORKERS; i++)
      left += !(items[i].pending & items[i].waitfor);
  }
  for (int i = 0; i < WORKERS; i++)
    pthread_join(threads[i], NULL);
  printf("  main: zx_object_wait_many saw all %d done events after %.1f ms\n", WORKERS,
         (zx_clock_get_monotonic() - start) / 1e6);

  printf("\nkilling job \"apps\" and waiting for ZX_JOB_TERMINATED:\n");
  check("task_kill", zx_task_kill(apps));
  check("wait", zx_object_wait_one(apps, ZX_JOB_TERMINATED, ZX_TIME_INFINITE, NULL));
  printf("  spinner: return code %lld (ZX_TASK_RETCODE_SYSCALL_KILL)\n",
         (long long)fs_wait_exit(spinner.proc));
  fs_close(&spinner);
  zx_handle_t late;
  printf("  zx_job_create in the dead job: %s\n",
         zx_status_get_string(zx_job_create(apps, 0, &late)));
  printf("\njob tree after the kill (the dead jobs have left it):\n");
  print_tree(zx_job_default(), 0);
  printf("\nthe killed subtree, through the handles still held:\n");
  print_tree(apps, 0);
  print_tree(editor, 1);

  if (zx_linux_root_job(&root) == ZX_OK) {
    size_t n = 0;
    zx_object_get_info(root, ZX_INFO_JOB_CHILDREN, NULL, 0, NULL, &n);
    printf("\nroot job koid %llu has %zu child job(s): one default job per process using libzx\n",
           (unsigned long long)koid_of(root), n);
    zx_handle_close(root);
  }
  return 0;
}
