// SPDX-License-Identifier: MIT
/*
 * Jobs: the default and root jobs, zx_job_create, the job tree and its
 * signals, ZX_INFO_JOB / ZX_INFO_JOB_CHILDREN, names, zx_task_kill and
 * zx_job_set_policy.
 */
#define _GNU_SOURCE
#include <sys/wait.h>
#include <unistd.h>

#include "zx_test.h"

#define JOB_SIGNAL_MASK (ZX_JOB_TERMINATED | ZX_JOB_NO_JOBS | ZX_JOB_NO_PROCESSES)

static zx_signals_t signals_of(zx_handle_t h)
{
	zx_signals_t observed = 0;

	zx_object_wait_one(h, 0xffffffff, 0, &observed);
	return observed & JOB_SIGNAL_MASK;
}

static size_t child_count(zx_handle_t job, zx_koid_t *koids, size_t n)
{
	size_t actual = 0, avail = 0;

	zx_object_get_info(job, ZX_INFO_JOB_CHILDREN, koids, n * sizeof(*koids), &actual, &avail);
	return avail;
}

static int has_child(zx_handle_t job, zx_koid_t koid)
{
	zx_koid_t koids[64];
	size_t n = child_count(job, koids, 64);

	for (size_t i = 0; i < n && i < 64; i++) {
		if (koids[i] == koid)
			return 1;
	}
	return 0;
}

TEST(default_job)
{
	zx_handle_t job = zx_job_default();
	zx_info_handle_basic_t info = zx_test_basic(job);
	char name[ZX_MAX_NAME_LEN];

	ASSERT_NE(ZX_HANDLE_INVALID, job);
	ASSERT_EQ(ZX_OBJ_TYPE_JOB, info.type);
	ASSERT_EQ(ZX_DEFAULT_JOB_RIGHTS, info.rights);
	ASSERT_NE(0u, info.related_koid);
	ASSERT_EQ(ZX_OK, zx_object_get_property(job, ZX_PROP_NAME, name, sizeof(name)));
	ASSERT_EQ(0, strncmp(name, "job_test", 8));
	ASSERT_EQ(job, zx_job_default());
}

TEST(root_job_needs_cap_sys_admin)
{
	zx_handle_t root;
	zx_info_handle_basic_t info;
	char name[ZX_MAX_NAME_LEN];
	pid_t pid;
	int status;

	ASSERT_EQ(ZX_OK, zx_linux_root_job(&root));
	info = zx_test_basic(root);
	ASSERT_EQ(ZX_OBJ_TYPE_JOB, info.type);
	ASSERT_EQ(0u, info.related_koid);
	ASSERT_EQ(info.koid, zx_test_basic(zx_job_default()).related_koid);
	ASSERT_TRUE(has_child(root, zx_test_basic(zx_job_default()).koid));
	ASSERT_EQ(ZX_OK, zx_object_get_property(root, ZX_PROP_NAME, name, sizeof(name)));
	ASSERT_STREQ("root", name);
	/* Zircon reboots when the root job dies; this emulation refuses. */
	ASSERT_EQ(ZX_ERR_NOT_SUPPORTED, zx_task_kill(root));
	/* A job with children takes no policy. */
	zx_policy_basic_v1_t pol = { ZX_POL_NEW_EVENT, ZX_POL_ACTION_DENY };
	ASSERT_EQ(ZX_ERR_BAD_STATE, zx_job_set_policy(root, ZX_JOB_POL_RELATIVE,
						      ZX_JOB_POL_BASIC_V1, &pol, 1));
	zx_handle_close(root);

	pid = fork();
	ASSERT_GE(pid, 0);
	if (pid == 0) {
		zx_handle_t r = ZX_HANDLE_INVALID;

		if (setresuid(65534, 65534, 65534))
			_exit(10);
		_exit(zx_linux_root_job(&r) == ZX_ERR_ACCESS_DENIED && r == ZX_HANDLE_INVALID ?
		      0 : 1);
	}
	ASSERT_EQ(pid, waitpid(pid, &status, 0));
	ASSERT_EQ(0, WEXITSTATUS(status));
}

TEST(create_child_job)
{
	zx_handle_t parent, child;
	zx_info_handle_basic_t info;
	zx_koid_t koids[4];
	size_t actual, avail;

	ASSERT_EQ(ZX_OK, zx_job_create(zx_job_default(), 0, &parent));
	ASSERT_EQ(ZX_JOB_NO_JOBS | ZX_JOB_NO_PROCESSES, signals_of(parent));
	ASSERT_EQ(ZX_OK, zx_job_create(parent, 0, &child));
	info = zx_test_basic(child);
	ASSERT_EQ(ZX_OBJ_TYPE_JOB, info.type);
	ASSERT_EQ(ZX_DEFAULT_JOB_RIGHTS, info.rights);
	ASSERT_EQ(zx_test_basic(parent).koid, info.related_koid);
	/* The parent now has a child job. */
	ASSERT_EQ(ZX_JOB_NO_PROCESSES, signals_of(parent));
	ASSERT_EQ(ZX_OK, zx_object_get_info(parent, ZX_INFO_JOB_CHILDREN, koids, sizeof(koids),
					    &actual, &avail));
	ASSERT_EQ(1u, actual);
	ASSERT_EQ(1u, avail);
	ASSERT_EQ(info.koid, koids[0]);
	/* Closing the last handle of a childless job destroys it. */
	ASSERT_EQ(ZX_OK, zx_handle_close(child));
	ASSERT_EQ(ZX_OK, zx_object_get_info(parent, ZX_INFO_JOB_CHILDREN, koids, sizeof(koids),
					    &actual, &avail));
	ASSERT_EQ(0u, avail);
	ASSERT_EQ(ZX_JOB_NO_JOBS | ZX_JOB_NO_PROCESSES, signals_of(parent));
	zx_handle_close(parent);
}

TEST(job_with_children_outlives_its_handles)
{
	zx_handle_t a, b;
	zx_koid_t ka;

	ASSERT_EQ(ZX_OK, zx_job_create(zx_job_default(), 0, &a));
	ASSERT_EQ(ZX_OK, zx_job_create(a, 0, &b));
	ka = zx_test_basic(a).koid;
	ASSERT_EQ(ZX_OK, zx_handle_close(a));
	ASSERT_TRUE(has_child(zx_job_default(), ka));
	ASSERT_EQ(ZX_OK, zx_handle_close(b));
	ASSERT_FALSE(has_child(zx_job_default(), ka));
}

TEST(job_create_errors)
{
	zx_handle_t job = ZX_HANDLE_INVALID, ev = zx_test_event(), weak;
	int handles;

	ASSERT_EQ(ZX_ERR_INVALID_ARGS, zx_job_create(zx_job_default(), 1, &job));
	ASSERT_EQ(ZX_ERR_BAD_HANDLE, zx_job_create(0x12345673, 0, &job));
	ASSERT_EQ(ZX_ERR_WRONG_TYPE, zx_job_create(ev, 0, &job));
	ASSERT_EQ(ZX_OK, zx_handle_duplicate(zx_job_default(),
					     ZX_DEFAULT_JOB_RIGHTS & ~(ZX_RIGHT_MANAGE_JOB |
								       ZX_RIGHT_WRITE), &weak));
	ASSERT_EQ(ZX_ERR_ACCESS_DENIED, zx_job_create(weak, 0, &job));
	ASSERT_EQ(ZX_HANDLE_INVALID, job);
	/* Either MANAGE_JOB (current Zircon) or WRITE (older Zircon) will do. */
	zx_handle_close(weak);
	ASSERT_EQ(ZX_OK, zx_handle_duplicate(zx_job_default(), ZX_RIGHT_WRITE, &weak));
	ASSERT_EQ(ZX_OK, zx_job_create(weak, 0, &job));
	zx_handle_close(job);
	zx_handle_close(weak);

	handles = zx_test_live("handles");
	ASSERT_EQ(ZX_ERR_INVALID_ARGS, zx_job_create(zx_job_default(), 0, (zx_handle_t *)24));
	ASSERT_EQ(handles, zx_test_live("handles"));
	ASSERT_EQ(0u, child_count(zx_job_default(), NULL, 0));
	zx_handle_close(ev);
}

TEST(job_depth_is_limited)
{
	zx_handle_t chain[40];
	zx_status_t status = ZX_OK;
	int n = 0;

	chain[0] = zx_job_default();
	while (n < 39) {
		status = zx_job_create(chain[n], 0, &chain[n + 1]);
		if (status != ZX_OK)
			break;
		n++;
	}
	ASSERT_EQ(ZX_ERR_OUT_OF_RANGE, status);
	/* The root job is depth 0 and the default job depth 1. */
	ASSERT_EQ(30, n);
	while (n > 0)
		zx_handle_close(chain[n--]);
}

TEST(job_info)
{
	zx_handle_t job, weak;
	zx_info_job_t info;
	size_t actual, avail;
	zx_koid_t koids[2];
	zx_handle_t kids[3];

	ASSERT_EQ(ZX_OK, zx_job_create(zx_job_default(), 0, &job));
	ASSERT_EQ(ZX_OK, zx_object_get_info(job, ZX_INFO_JOB, &info, sizeof(info), &actual,
					    &avail));
	ASSERT_EQ(1u, actual);
	ASSERT_FALSE(info.exited);
	ASSERT_EQ(0, info.return_code);
	ASSERT_EQ(ZX_ERR_BUFFER_TOO_SMALL, zx_object_get_info(job, ZX_INFO_JOB, &info, 8,
							       &actual, &avail));
	ASSERT_EQ(0u, actual);
	ASSERT_EQ(1u, avail);

	for (int i = 0; i < 3; i++)
		ASSERT_EQ(ZX_OK, zx_job_create(job, 0, &kids[i]));
	/* Array topics copy what fits and say how many there are. */
	ASSERT_EQ(ZX_OK, zx_object_get_info(job, ZX_INFO_JOB_CHILDREN, koids, sizeof(koids),
					    &actual, &avail));
	ASSERT_EQ(2u, actual);
	ASSERT_EQ(3u, avail);
	ASSERT_EQ(ZX_OK, zx_object_get_info(job, ZX_INFO_JOB_CHILDREN, NULL, 0, &actual, &avail));
	ASSERT_EQ(0u, actual);
	ASSERT_EQ(3u, avail);
	ASSERT_EQ(ZX_OK, zx_object_get_info(job, ZX_INFO_JOB_PROCESSES, koids, sizeof(koids),
					    &actual, &avail));
	ASSERT_EQ(0u, avail);

	ASSERT_EQ(ZX_OK, zx_handle_duplicate(job, ZX_RIGHT_WAIT, &weak));
	ASSERT_EQ(ZX_ERR_ACCESS_DENIED, zx_object_get_info(weak, ZX_INFO_JOB, &info,
							    sizeof(info), NULL, NULL));
	ASSERT_EQ(ZX_ERR_ACCESS_DENIED, zx_object_get_info(weak, ZX_INFO_JOB_CHILDREN, koids,
							    sizeof(koids), NULL, NULL));
	zx_handle_close(weak);
	for (int i = 0; i < 3; i++)
		zx_handle_close(kids[i]);
	zx_handle_close(job);
}

TEST(job_info_on_other_types_is_wrong_type)
{
	zx_handle_t ev = zx_test_event();
	zx_info_job_t info;
	zx_koid_t koids[2];

	ASSERT_EQ(ZX_ERR_WRONG_TYPE, zx_object_get_info(ev, ZX_INFO_JOB, &info, sizeof(info),
							 NULL, NULL));
	ASSERT_EQ(ZX_ERR_WRONG_TYPE, zx_object_get_info(ev, ZX_INFO_JOB_CHILDREN, koids,
							 sizeof(koids), NULL, NULL));
	zx_handle_close(ev);
}

TEST(names)
{
	const char *long_name = "a-name-that-is-longer-than-thirty-one-characters-for-sure";
	char name[ZX_MAX_NAME_LEN], expect[ZX_MAX_NAME_LEN] = { 0 };
	zx_handle_t job, ev = zx_test_event(), ro;

	ASSERT_EQ(ZX_OK, zx_job_create(zx_job_default(), 0, &job));
	ASSERT_EQ(ZX_OK, zx_object_get_property(job, ZX_PROP_NAME, name, sizeof(name)));
	ASSERT_STREQ("", name);
	ASSERT_EQ(ZX_OK, zx_object_set_property(job, ZX_PROP_NAME, "worker", 6));
	ASSERT_EQ(ZX_OK, zx_object_get_property(job, ZX_PROP_NAME, name, sizeof(name)));
	ASSERT_STREQ("worker", name);
	/* Silently truncated to ZX_MAX_NAME_LEN - 1 characters. */
	ASSERT_EQ(ZX_OK, zx_object_set_property(job, ZX_PROP_NAME, long_name, strlen(long_name)));
	ASSERT_EQ(ZX_OK, zx_object_get_property(job, ZX_PROP_NAME, name, sizeof(name)));
	memcpy(expect, long_name, ZX_MAX_NAME_LEN - 1);
	ASSERT_STREQ(expect, name);
	ASSERT_EQ(31u, strlen(name));
	/* Text after a NUL is ignored. */
	ASSERT_EQ(ZX_OK, zx_object_set_property(job, ZX_PROP_NAME, "ab\0cd", 5));
	ASSERT_EQ(ZX_OK, zx_object_get_property(job, ZX_PROP_NAME, name, sizeof(name)));
	ASSERT_STREQ("ab", name);

	ASSERT_EQ(ZX_ERR_BUFFER_TOO_SMALL, zx_object_get_property(job, ZX_PROP_NAME, name, 31));
	ASSERT_EQ(ZX_ERR_INVALID_ARGS, zx_object_get_property(job, ZX_PROP_NAME, NULL, 32));
	ASSERT_EQ(ZX_ERR_INVALID_ARGS, zx_object_set_property(job, ZX_PROP_NAME, NULL, 3));
	ASSERT_EQ(ZX_ERR_INVALID_ARGS, zx_object_get_property(job, 0x999, name, sizeof(name)));
	ASSERT_EQ(ZX_ERR_INVALID_ARGS, zx_object_get_property(job, ZX_PROP_NAME, (void *)8, 32));
	ASSERT_EQ(ZX_ERR_INVALID_ARGS, zx_object_set_property(job, ZX_PROP_NAME, (void *)8, 4));
	ASSERT_EQ(ZX_ERR_INVALID_ARGS, zx_object_set_property(job, 0x999, "x", 1));
	ASSERT_EQ(ZX_ERR_BAD_HANDLE, zx_object_get_property(0x10003, ZX_PROP_NAME, name, 32));

	ASSERT_EQ(ZX_OK, zx_handle_duplicate(job, ZX_RIGHT_WAIT, &ro));
	ASSERT_EQ(ZX_ERR_ACCESS_DENIED, zx_object_get_property(ro, ZX_PROP_NAME, name, 32));
	ASSERT_EQ(ZX_ERR_ACCESS_DENIED, zx_object_set_property(ro, ZX_PROP_NAME, "x", 1));

	/* Events carry no property rights by default. */
	ASSERT_EQ(ZX_ERR_ACCESS_DENIED, zx_object_set_property(ev, ZX_PROP_NAME, "x", 1));
	ASSERT_EQ(ZX_ERR_ACCESS_DENIED, zx_object_get_property(ev, ZX_PROP_NAME, name, 32));
	zx_handle_close(ro);
	zx_handle_close(ev);
	zx_handle_close(job);
}

TEST(kill_job_tree)
{
	zx_handle_t a, b, c, d;
	zx_info_job_t info;
	zx_signals_t observed;

	ASSERT_EQ(ZX_OK, zx_job_create(zx_job_default(), 0, &a));
	ASSERT_EQ(ZX_OK, zx_job_create(a, 0, &b));
	ASSERT_EQ(ZX_OK, zx_job_create(b, 0, &c));
	ASSERT_EQ(ZX_OK, zx_task_kill(a));

	ASSERT_EQ(ZX_OK, zx_object_wait_one(a, ZX_JOB_TERMINATED, ZX_TIME_INFINITE, &observed));
	ASSERT_EQ(JOB_SIGNAL_MASK, observed & JOB_SIGNAL_MASK);
	ASSERT_EQ(JOB_SIGNAL_MASK, signals_of(b));
	ASSERT_EQ(JOB_SIGNAL_MASK, signals_of(c));
	ASSERT_EQ(ZX_OK, zx_object_get_info(c, ZX_INFO_JOB, &info, sizeof(info), NULL, NULL));
	ASSERT_TRUE(info.exited);
	ASSERT_EQ(ZX_TASK_RETCODE_SYSCALL_KILL, info.return_code);
	ASSERT_EQ(ZX_OK, zx_object_get_info(a, ZX_INFO_JOB, &info, sizeof(info), NULL, NULL));
	ASSERT_TRUE(info.exited);
	ASSERT_EQ(ZX_TASK_RETCODE_SYSCALL_KILL, info.return_code);

	/* Dead jobs take no children and leave their parents' lists. */
	ASSERT_EQ(ZX_ERR_BAD_STATE, zx_job_create(a, 0, &d));
	ASSERT_EQ(ZX_ERR_BAD_STATE, zx_job_create(c, 0, &d));
	ASSERT_FALSE(has_child(zx_job_default(), zx_test_basic(a).koid));
	ASSERT_EQ(0u, child_count(a, NULL, 0));
	/* Killing a dead job is fine. */
	ASSERT_EQ(ZX_OK, zx_task_kill(a));
	ASSERT_EQ(ZX_OK, zx_task_kill(c));
	zx_handle_close(c);
	zx_handle_close(b);
	zx_handle_close(a);
}

TEST(kill_wakes_a_waiter_and_spares_siblings)
{
	zx_handle_t a, sibling;

	ASSERT_EQ(ZX_OK, zx_job_create(zx_job_default(), 0, &a));
	ASSERT_EQ(ZX_OK, zx_job_create(zx_job_default(), 0, &sibling));
	ASSERT_EQ(ZX_OK, zx_task_kill(a));
	ASSERT_EQ(ZX_JOB_NO_JOBS | ZX_JOB_NO_PROCESSES, signals_of(sibling));
	ASSERT_TRUE(has_child(zx_job_default(), zx_test_basic(sibling).koid));
	zx_handle_close(a);
	zx_handle_close(sibling);
}

TEST(kill_errors)
{
	zx_handle_t job, weak, ev = zx_test_event();

	ASSERT_EQ(ZX_OK, zx_job_create(zx_job_default(), 0, &job));
	ASSERT_EQ(ZX_ERR_BAD_HANDLE, zx_task_kill(0x4443));
	ASSERT_EQ(ZX_ERR_WRONG_TYPE, zx_task_kill(ev));
	ASSERT_EQ(ZX_OK, zx_handle_duplicate(job, ZX_DEFAULT_JOB_RIGHTS & ~ZX_RIGHT_DESTROY,
					     &weak));
	ASSERT_EQ(ZX_ERR_ACCESS_DENIED, zx_task_kill(weak));
	ASSERT_EQ(0u, signals_of(job) & ZX_JOB_TERMINATED);
	zx_handle_close(weak);
	zx_handle_close(job);
	zx_handle_close(ev);
}

static zx_status_t set_pol(zx_handle_t job, uint32_t mode, uint32_t cond, uint32_t action)
{
	zx_policy_basic_v1_t p = { cond, action };

	return zx_job_set_policy(job, mode, ZX_JOB_POL_BASIC_V1, &p, 1);
}

TEST(policy_argument_checks)
{
	zx_policy_basic_v1_t p[40] = { { ZX_POL_NEW_EVENT, ZX_POL_ACTION_DENY } };
	zx_handle_t job, ev = zx_test_event(), weak;

	ASSERT_EQ(ZX_OK, zx_job_create(zx_job_default(), 0, &job));
	ASSERT_EQ(ZX_ERR_INVALID_ARGS, zx_job_set_policy(job, 2, ZX_JOB_POL_BASIC_V1, p, 1));
	ASSERT_EQ(ZX_ERR_INVALID_ARGS, zx_job_set_policy(job, 0, 77, p, 1));
	ASSERT_EQ(ZX_ERR_INVALID_ARGS, zx_job_set_policy(job, 0, ZX_JOB_POL_BASIC_V1, NULL, 1));
	ASSERT_EQ(ZX_ERR_INVALID_ARGS, zx_job_set_policy(job, 0, ZX_JOB_POL_BASIC_V1, p, 0));
	ASSERT_EQ(ZX_ERR_INVALID_ARGS, zx_job_set_policy(job, 0, ZX_JOB_POL_BASIC_V1, p, 33));
	ASSERT_EQ(ZX_ERR_INVALID_ARGS, zx_job_set_policy(job, 0, ZX_JOB_POL_BASIC_V1,
							 (void *)8, 1));
	/* Argument checks come before the handle is looked up. */
	ASSERT_EQ(ZX_ERR_INVALID_ARGS, zx_job_set_policy(0x333, 2, ZX_JOB_POL_BASIC_V1, p, 1));
	ASSERT_EQ(ZX_ERR_BAD_HANDLE, zx_job_set_policy(0x333, 0, ZX_JOB_POL_BASIC_V1, p, 1));
	ASSERT_EQ(ZX_ERR_WRONG_TYPE, zx_job_set_policy(ev, 0, ZX_JOB_POL_BASIC_V1, p, 1));
	ASSERT_EQ(ZX_OK, zx_handle_duplicate(job, ZX_DEFAULT_JOB_RIGHTS & ~ZX_RIGHT_SET_POLICY,
					     &weak));
	ASSERT_EQ(ZX_ERR_ACCESS_DENIED, zx_job_set_policy(weak, 0, ZX_JOB_POL_BASIC_V1, p, 1));
	/* More entries than conditions. */
	for (int i = 0; i < 20; i++)
		p[i] = (zx_policy_basic_v1_t){ ZX_POL_NEW_EVENT, ZX_POL_ACTION_DENY };
	ASSERT_EQ(ZX_ERR_OUT_OF_RANGE, zx_job_set_policy(job, 0, ZX_JOB_POL_BASIC_V1, p, 20));
	ASSERT_EQ(ZX_ERR_INVALID_ARGS, set_pol(job, ZX_JOB_POL_ABSOLUTE, ZX_POL_MAX,
					       ZX_POL_ACTION_DENY));
	ASSERT_EQ(ZX_ERR_NOT_SUPPORTED, set_pol(job, ZX_JOB_POL_ABSOLUTE, ZX_POL_NEW_EVENT, 5));
	ASSERT_EQ(ZX_ERR_NOT_SUPPORTED, zx_job_set_policy(job, 0, ZX_JOB_POL_TIMER_SLACK, p, 1));
	zx_handle_close(weak);
	zx_handle_close(ev);
	zx_handle_close(job);
}

TEST(policy_conflicts)
{
	zx_handle_t job;

	ASSERT_EQ(ZX_OK, zx_job_create(zx_job_default(), 0, &job));
	ASSERT_EQ(ZX_OK, set_pol(job, ZX_JOB_POL_ABSOLUTE, ZX_POL_NEW_PROCESS, ZX_POL_ACTION_DENY));
	/* The same action again is fine in either mode. */
	ASSERT_EQ(ZX_OK, set_pol(job, ZX_JOB_POL_ABSOLUTE, ZX_POL_NEW_PROCESS, ZX_POL_ACTION_DENY));
	/* A different one conflicts: ABSOLUTE fails, RELATIVE skips it. */
	ASSERT_EQ(ZX_ERR_ALREADY_EXISTS,
		  set_pol(job, ZX_JOB_POL_ABSOLUTE, ZX_POL_NEW_PROCESS, ZX_POL_ACTION_ALLOW));
	ASSERT_EQ(ZX_OK, set_pol(job, ZX_JOB_POL_RELATIVE, ZX_POL_NEW_PROCESS, ZX_POL_ACTION_ALLOW));
	ASSERT_EQ(ZX_ERR_ALREADY_EXISTS,
		  set_pol(job, ZX_JOB_POL_ABSOLUTE, ZX_POL_NEW_PROCESS, ZX_POL_ACTION_ALLOW));
	zx_handle_close(job);
}

TEST(policy_new_any_covers_every_new_object)
{
	zx_handle_t job;

	ASSERT_EQ(ZX_OK, zx_job_create(zx_job_default(), 0, &job));
	ASSERT_EQ(ZX_OK, set_pol(job, ZX_JOB_POL_ABSOLUTE, ZX_POL_NEW_ANY, ZX_POL_ACTION_DENY));
	ASSERT_EQ(ZX_ERR_ALREADY_EXISTS,
		  set_pol(job, ZX_JOB_POL_ABSOLUTE, ZX_POL_NEW_EVENT, ZX_POL_ACTION_ALLOW));
	ASSERT_EQ(ZX_ERR_ALREADY_EXISTS,
		  set_pol(job, ZX_JOB_POL_ABSOLUTE, ZX_POL_NEW_PROCESS, ZX_POL_ACTION_ALLOW));
	/* Not a "new object" condition: untouched. */
	ASSERT_EQ(ZX_OK, set_pol(job, ZX_JOB_POL_ABSOLUTE, ZX_POL_BAD_HANDLE, ZX_POL_ACTION_DENY));
	zx_handle_close(job);
}

TEST(policy_is_inherited_and_needs_an_empty_job)
{
	zx_handle_t parent, child, grandchild;

	ASSERT_EQ(ZX_OK, zx_job_create(zx_job_default(), 0, &parent));
	ASSERT_EQ(ZX_OK, set_pol(parent, ZX_JOB_POL_ABSOLUTE, ZX_POL_NEW_PROCESS,
				 ZX_POL_ACTION_DENY));
	ASSERT_EQ(ZX_OK, zx_job_create(parent, 0, &child));
	ASSERT_EQ(ZX_ERR_ALREADY_EXISTS,
		  set_pol(child, ZX_JOB_POL_ABSOLUTE, ZX_POL_NEW_PROCESS, ZX_POL_ACTION_ALLOW));
	ASSERT_EQ(ZX_OK, zx_job_create(child, 0, &grandchild));
	/* child has a child job now. */
	ASSERT_EQ(ZX_ERR_BAD_STATE,
		  set_pol(child, ZX_JOB_POL_RELATIVE, ZX_POL_NEW_EVENT, ZX_POL_ACTION_DENY));
	zx_handle_close(grandchild);
	ASSERT_EQ(ZX_OK, set_pol(child, ZX_JOB_POL_RELATIVE, ZX_POL_NEW_EVENT, ZX_POL_ACTION_DENY));
	zx_handle_close(child);
	zx_handle_close(parent);
}

TEST(policy_is_all_or_nothing)
{
	zx_policy_basic_v1_t p[2] = {
		{ ZX_POL_NEW_VMO, ZX_POL_ACTION_DENY },
		{ ZX_POL_NEW_EVENT, 99 },
	};
	zx_handle_t job;

	ASSERT_EQ(ZX_OK, zx_job_create(zx_job_default(), 0, &job));
	ASSERT_EQ(ZX_ERR_NOT_SUPPORTED,
		  zx_job_set_policy(job, ZX_JOB_POL_ABSOLUTE, ZX_JOB_POL_BASIC_V1, p, 2));
	/* NEW_VMO was not applied, so ALLOW does not conflict. */
	ASSERT_EQ(ZX_OK, set_pol(job, ZX_JOB_POL_ABSOLUTE, ZX_POL_NEW_VMO, ZX_POL_ACTION_ALLOW));
	zx_handle_close(job);
}

TEST(policy_v2_override)
{
	zx_policy_basic_v2_t allow = { ZX_POL_NEW_EVENT, ZX_POL_ACTION_ALLOW, ZX_POL_OVERRIDE_ALLOW };
	zx_policy_basic_v2_t deny = { ZX_POL_NEW_EVENT, ZX_POL_ACTION_DENY, ZX_POL_OVERRIDE_DENY };
	zx_policy_basic_v2_t bad = { ZX_POL_NEW_EVENT, ZX_POL_ACTION_DENY, 7 };
	zx_handle_t job;

	ASSERT_EQ(ZX_OK, zx_job_create(zx_job_default(), 0, &job));
	ASSERT_EQ(ZX_ERR_INVALID_ARGS, zx_job_set_policy(job, ZX_JOB_POL_ABSOLUTE,
							 ZX_JOB_POL_BASIC_V2, &bad, 1));
	/* An overridable ALLOW may later become DENY... */
	ASSERT_EQ(ZX_OK, zx_job_set_policy(job, ZX_JOB_POL_ABSOLUTE, ZX_JOB_POL_BASIC_V2,
					   &allow, 1));
	ASSERT_EQ(ZX_OK, zx_job_set_policy(job, ZX_JOB_POL_ABSOLUTE, ZX_JOB_POL_BASIC_V2,
					   &deny, 1));
	/* ...but a final DENY stays. */
	ASSERT_EQ(ZX_ERR_ALREADY_EXISTS, zx_job_set_policy(job, ZX_JOB_POL_ABSOLUTE,
							   ZX_JOB_POL_BASIC_V2, &allow, 1));
	zx_handle_close(job);
}

TEST_HARNESS_MAIN
