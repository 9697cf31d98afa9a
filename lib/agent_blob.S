// SPDX-License-Identifier: MIT
// The agent helper's program, built from agent.S, inside libzx.
	.section .rodata
	.balign 16
	.globl zx__agent_elf
	.globl zx__agent_elf_end
	.hidden zx__agent_elf
	.hidden zx__agent_elf_end
zx__agent_elf:
	.incbin ZX_AGENT_PATH
zx__agent_elf_end:

	.section .note.GNU-stack, "", @progbits
