// SPDX-License-Identifier: MIT
// The process_kmem baseline: a static program of two threads that sleep
// until killed, like an idle Zircon process (its agent and one thread).
	.text
	.globl _start
_start:
	movl	$56, %eax		// clone(VM|FS|FILES|SIGHAND|THREAD|SYSVSEM, stack)
	movl	$0x50f00, %edi
	leaq	stack_top(%rip), %rsi
	xorl	%edx, %edx
	xorl	%r10d, %r10d
	xorl	%r8d, %r8d
	syscall
1:	movl	$34, %eax		// pause()
	syscall
	jmp	1b

	.bss
	.balign 16
	.skip	4096
stack_top:

	.section .note.GNU-stack, "", @progbits
