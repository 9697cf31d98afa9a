// SPDX-License-Identifier: MIT
/*
 * A 32-bit program with no C library, for channel_test: it opens
 * /dev/zircon, makes the ioctl whose number is its first argument (a
 * decimal, with a zero argument) through int $0x80, and exits with the
 * ioctl's result negated: 0 for ZX_OK, the errno of a Linux error, 100 +
 * the (negated) status of a Zircon error.
 */
#define NR_EXIT 1
#define NR_OPEN 5
#define NR_IOCTL 54
#define O_RDWR 2

static long sys3(long nr, long a, long b, long c)
{
	long r;

	__asm__ volatile("int $0x80" : "=a"(r) : "a"(nr), "b"(a), "c"(b), "d"(c) : "memory");
	return r;
}

/* argc, then argv[], on the stack at entry. */
__attribute__((used)) static void main32(long *sp)
{
	const char *arg = (const char *)sp[2];
	unsigned long cmd = 0;
	long fd, r;

	while (arg && *arg >= '0' && *arg <= '9')
		cmd = cmd * 10 + (unsigned long)(*arg++ - '0');
	fd = sys3(NR_OPEN, (long)"/dev/zircon", O_RDWR, 0);
	r = fd < 0 ? fd : sys3(NR_IOCTL, fd, (long)cmd, 0);
	sys3(NR_EXIT, r < 0 ? -r : r ? 100 + (r & 0x7f) : 0, 0, 0);
}

__asm__(".globl _start\n"
	"_start:\n"
	"	mov %esp, %eax\n"
	"	and $-16, %esp\n"
	"	sub $12, %esp\n"
	"	push %eax\n"
	"	call main32\n"
	"	hlt\n");
