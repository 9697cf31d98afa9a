// SPDX-License-Identifier: MIT
// Entry of the freestanding test program: record every register as the
// thread found it, then call fs_main(arg1, arg2) on the given stack.
	.section .text.start, "ax"
	.globl _start
_start:
	jmp	1f			// two bytes: no register changes

// Offset FS_THREAD_OFFSET: entry of the threads the program or its
// launcher starts, fs_thread(arg1, arg2).
	.balign 8
	.globl fs_thread_entry
fs_thread_entry:
	call	fs_thread
	ud2

1:	movq	%rax, fs_regs+0(%rip)
	movq	%rbx, fs_regs+8(%rip)
	movq	%rcx, fs_regs+16(%rip)
	movq	%rdx, fs_regs+24(%rip)
	movq	%rsi, fs_regs+32(%rip)
	movq	%rdi, fs_regs+40(%rip)
	movq	%rbp, fs_regs+48(%rip)
	movq	%rsp, fs_regs+56(%rip)
	movq	%r8, fs_regs+64(%rip)
	movq	%r9, fs_regs+72(%rip)
	movq	%r10, fs_regs+80(%rip)
	movq	%r11, fs_regs+88(%rip)
	movq	%r12, fs_regs+96(%rip)
	movq	%r13, fs_regs+104(%rip)
	movq	%r14, fs_regs+112(%rip)
	movq	%r15, fs_regs+120(%rip)
	pushfq
	popq	fs_regs+128(%rip)
	stmxcsr	fs_regs+136(%rip)
	movq	fs_regs+40(%rip), %rdi
	movq	fs_regs+32(%rip), %rsi
	call	fs_main
	ud2

	.section .note.GNU-stack, "", @progbits
