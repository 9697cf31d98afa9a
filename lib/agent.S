// SPDX-License-Identifier: MIT
// The agent helper: a static program without a C library that libzx runs
// for each new process (see process.c).  It blocks every signal it can and
// binds itself to the process whose descriptor it got as ZX_AGENT_FD; from
// then on the module runs it and this code is gone.  It only comes back
// here if binding failed, and then exits with the Zircon status negated.
	.text
	.globl _start
_start:
	movl	$14, %eax		// rt_sigprocmask(SIG_SETMASK, &all, NULL, 8)
	movl	$2, %edi
	leaq	all(%rip), %rsi
	xorl	%edx, %edx
	movl	$8, %r10d
	syscall
	movl	$16, %eax		// ioctl(ZX_AGENT_FD, ZX_IOC_AGENT_BIND, 0)
	movl	$3, %edi
	movl	$0xb99e, %esi
	xorl	%edx, %edx
	syscall
	movl	%eax, %edi		// exit_group(result)
	movl	$231, %eax
	syscall
	hlt

	.section .rodata
	.balign 8
all:
	.quad	-1

	.section .note.GNU-stack, "", @progbits
