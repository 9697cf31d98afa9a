// SPDX-License-Identifier: GPL-2.0
/*
 * Events: objects with nothing but a signal word.  ZX_EVENT_SIGNALED and the
 * eight user signals may be set and cleared with zx_object_signal.  An event
 * has no lock of its own beyond zx_object.lock.
 */

#include <linux/slab.h>

#include <linux/zircon.h>

#include "zircon.h"

struct zx_event {
	struct zx_object base;
};

static void zx_event_destroy(struct zx_object *obj)
{
	kfree(container_of(obj, struct zx_event, base));
}

static const struct zx_object_ops zx_event_ops = {
	.type = ZX_OBJ_TYPE_EVENT,
	.user_signals = ZX_EVENT_SIGNALED | ZX_USER_SIGNAL_ALL,
	.destroy = zx_event_destroy,
};

int zx_sys_event_create(struct zx_process *proc, struct zx_ioc_event_create *a)
{
	struct zx_event *event;
	int status;

	if (a->reserved)
		return ZX_ERR_INVALID_ARGS;
	status = zx_process_check_policy(proc, ZX_POL_NEW_EVENT);
	if (status)
		return status;
	if (a->options)
		return ZX_ERR_INVALID_ARGS;
	event = kzalloc(sizeof(*event), GFP_KERNEL_ACCOUNT);
	if (!event)
		return ZX_ERR_NO_MEMORY;
	zx_object_init(&event->base, &zx_event_ops, 0);
	status = zx_handle_install_user(proc, &event->base, ZX_DEFAULT_EVENT_RIGHTS, a->out);
	zx_object_put(&event->base);
	return status;
}
