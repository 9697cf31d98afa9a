// SPDX-License-Identifier: GPL-2.0
/*
 * zx_object_get_info, zx_object_get_property and zx_object_set_property.
 *
 * Topics every object answers (HANDLE_VALID, HANDLE_BASIC) live here; the
 * others go to the type's get_info.  Checks run in Zircon's order: handle,
 * type, rights, then the user buffer.  Single-record topics refuse a short
 * buffer with ZX_ERR_BUFFER_TOO_SMALL (actual 0, avail 1); array topics copy
 * what fits and report how many records exist.  No locks are held here
 * beyond what the helpers take.
 */

#include <linux/minmax.h>
#include <linux/slab.h>
#include <linux/uaccess.h>

#include <linux/zircon.h>

#include "zircon.h"

/* zx_info_handle_basic_t */
struct zx_info_handle_basic {
	u64 koid;
	u32 rights;
	u32 type;
	u64 related_koid;
	u32 reserved;
	u8 padding1[4];
};

int zx_info_reply_one(struct zx_info_args *args, const void *rec, size_t size)
{
	args->avail = 1;
	if (args->buffer_size < size) {
		args->actual = 0;
		return ZX_ERR_BUFFER_TOO_SMALL;
	}
	if (copy_to_user(args->buffer, rec, size))
		return ZX_ERR_INVALID_ARGS;
	args->actual = 1;
	return ZX_OK;
}

int zx_info_reply_koids(struct zx_info_args *args, const u64 *koids, size_t n)
{
	size_t fit = min_t(size_t, n, args->buffer_size / sizeof(u64));

	if (fit && copy_to_user(args->buffer, koids, fit * sizeof(u64)))
		return ZX_ERR_INVALID_ARGS;
	args->actual = fit;
	args->avail = n;
	return ZX_OK;
}

/*
 * Reply with a list of koids that @fill collects under its own lock: it
 * writes at most @cap of them and returns how many there are.  The buffer
 * grows until one pass fits.
 */
int zx_info_reply_koid_list(struct zx_info_args *args,
			    size_t (*fill)(void *ctx, u64 *koids, size_t cap), void *ctx)
{
	size_t cap = 16, n;
	u64 *koids;
	int status;

	for (;;) {
		koids = kvmalloc_array(cap, sizeof(*koids), GFP_KERNEL_ACCOUNT);
		if (!koids)
			return ZX_ERR_NO_MEMORY;
		n = fill(ctx, koids, cap);
		if (n <= cap)
			break;
		kvfree(koids);
		cap = n * 2;
	}
	status = zx_info_reply_koids(args, koids, n);
	kvfree(koids);
	return status;
}

static int zx_put_size(u64 uptr, size_t value)
{
	if (uptr && put_user((u64)value, (u64 __user *)u64_to_user_ptr(uptr)))
		return ZX_ERR_INVALID_ARGS;
	return ZX_OK;
}

int zx_sys_object_get_info(struct zx_process *proc, struct zx_ioc_get_info *a)
{
	struct zx_info_args args = {
		.buffer = u64_to_user_ptr(a->buffer),
		.buffer_size = a->buffer_size,
	};
	struct zx_info_handle_basic basic = {};
	struct zx_handle_ref ref;
	int status, put;

	status = zx_handle_lookup(proc, a->handle, &ref);
	if (status)
		return status;

	switch (a->topic) {
	case ZX_INFO_HANDLE_VALID:
		goto out;
	case ZX_INFO_HANDLE_BASIC:
		basic.koid = ref.obj->koid;
		basic.rights = ref.rights;
		basic.type = zx_object_type(ref.obj);
		if (ref.obj->ops->related_koid)
			basic.related_koid = ref.obj->ops->related_koid(ref.obj);
		status = zx_info_reply_one(&args, &basic, sizeof(basic));
		break;
	default:
		status = ZX_ERR_NOT_SUPPORTED;
		if (ref.obj->ops->get_info)
			status = ref.obj->ops->get_info(ref.obj, ref.rights, a->topic, &args);
		/* A topic this type lacks but another type has: WRONG_TYPE. */
		if (status == ZX_ERR_NOT_SUPPORTED &&
		    (a->topic == ZX_INFO_JOB || a->topic == ZX_INFO_JOB_CHILDREN ||
		     a->topic == ZX_INFO_JOB_PROCESSES || a->topic == ZX_INFO_VMO ||
		     a->topic == ZX_INFO_VMO_V1))
			status = ZX_ERR_WRONG_TYPE;
		break;
	}
	if (status == ZX_OK || status == ZX_ERR_BUFFER_TOO_SMALL) {
		put = zx_put_size(a->actual, args.actual);
		if (!put)
			put = zx_put_size(a->avail, args.avail);
		if (put)
			status = put;
	}
out:
	zx_object_put(ref.obj);
	return status;
}

int zx_sys_object_get_property(struct zx_process *proc, struct zx_ioc_property *a)
{
	char name[ZX_MAX_NAME_LEN];
	struct zx_handle_ref ref;
	int status;

	if (!a->value)
		return ZX_ERR_INVALID_ARGS;
	status = zx_handle_get(proc, a->handle, 0, ZX_RIGHT_GET_PROPERTY, &ref);
	if (status)
		return status;
	if (a->property != ZX_PROP_NAME) {
		status = ZX_ERR_INVALID_ARGS;
	} else if (a->size < ZX_MAX_NAME_LEN) {
		status = ZX_ERR_BUFFER_TOO_SMALL;
	} else {
		zx_object_get_name(ref.obj, name);
		if (copy_to_user(u64_to_user_ptr(a->value), name, sizeof(name)))
			status = ZX_ERR_INVALID_ARGS;
	}
	zx_object_put(ref.obj);
	return status;
}

int zx_sys_object_set_property(struct zx_process *proc, struct zx_ioc_property *a)
{
	char name[ZX_MAX_NAME_LEN];
	struct zx_handle_ref ref;
	size_t len;
	int status;

	if (!a->value)
		return ZX_ERR_INVALID_ARGS;
	status = zx_handle_get(proc, a->handle, 0, ZX_RIGHT_SET_PROPERTY, &ref);
	if (status)
		return status;
	len = min_t(u64, a->size, ZX_MAX_NAME_LEN - 1);
	if (a->property != ZX_PROP_NAME)
		status = ZX_ERR_INVALID_ARGS;
	else if (!ref.obj->ops->has_name)
		status = ZX_ERR_NOT_SUPPORTED;
	else if (copy_from_user(name, u64_to_user_ptr(a->value), len))
		status = ZX_ERR_INVALID_ARGS;
	else
		zx_object_set_name(ref.obj, name, len);
	if (!status && ref.obj->ops->renamed)
		ref.obj->ops->renamed(ref.obj);
	zx_object_put(ref.obj);
	return status;
}
