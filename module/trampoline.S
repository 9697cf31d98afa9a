/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The agent's trampoline: one page of user code that agent.c writes into a
 * shmem file and maps, read and execute, at ZX_TRAMPOLINE_ADDR in every
 * created process.  The agent returns here to make a thread:
 *
 *	tid = clone(CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND |
 *		    CLONE_THREAD | CLONE_SYSVSEM, 0, 0, 0, 0);
 *	ioctl(ZX_AGENT_FD, ZX_IOC_AGENT_PARK, tid);
 *
 * Both the agent (tid > 0) and the new thread (tid == 0) re-enter the module,
 * which never lets either come back here; should the ioctl fail (descriptor 3
 * closed or replaced), ud2 kills the process.  No stack is used.
 */

	.section .rodata, "a"
	.globl zx_trampoline_start
	.globl zx_trampoline_end
zx_trampoline_start:
	movl	$56, %eax		/* __NR_clone */
	movl	$0x50f00, %edi		/* the flags above */
	xorl	%esi, %esi
	xorl	%edx, %edx
	xorl	%r10d, %r10d
	xorl	%r8d, %r8d
	syscall
	movq	%rax, %rdx
	movl	$3, %edi		/* ZX_AGENT_FD */
	movl	$0xb99f, %esi		/* ZX_IOC_AGENT_PARK */
	movl	$16, %eax		/* __NR_ioctl */
	syscall
	ud2
zx_trampoline_end:
