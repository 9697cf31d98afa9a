// SPDX-License-Identifier: MIT
// The freestanding test program's flat image, inside the test that runs it.
	.section .rodata
	.balign 4096
	.globl fsprog_image
	.globl fsprog_image_end
fsprog_image:
	.incbin FSPROG_PATH
fsprog_image_end:

	.section .note.GNU-stack, "", @progbits
