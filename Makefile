# SPDX-License-Identifier: MIT
#
# make            libzx (static and shared), selftests, samples, benchmarks,
#                 and zircon.ko for the running kernel (if its headers are
#                 installed) and for Debian's 6.1 and 6.12 test kernels
# make check      install dependencies, build, run the selftests in a VM on
#                 each supported kernel; ends with "N passed, N failed"
# make demo       run samples/demo in a VM, traced by zx-lifecycle.bt
# make bench      run the benchmarks in a VM on each supported kernel
# make shell      an interactive shell in the VM (KERNEL=6.1 or 6.12)
# make modules_install  install zircon.ko for the running kernel
# make lint       checkpatch.pl and sparse (C=1) over the module
#
# The kernel module itself is built by Kbuild (see Kbuild, scripts/build-module).

CC ?= cc
CFLAGS ?= -O2 -g
KERNEL ?= 6.1

SERIES := 6.1 6.12
RELEASES := $(sort $(foreach s,$(SERIES),$(shell scripts/kernel-release $(s) 2>/dev/null)) \
	$(if $(wildcard /lib/modules/$(shell uname -r)/build/Makefile),$(shell uname -r)))
MODULES := $(foreach r,$(RELEASES),build/$(r)/zircon.ko)
MODULE_SRCS := Kbuild uapi/linux/zircon.h $(wildcard module/*.c module/*.h module/*.S)

LINUX_SRC := build/linux-src
KSFT_DIR := $(LINUX_SRC)/tools/testing/selftests
CHECKPATCH := $(LINUX_SRC)/scripts/checkpatch.pl

ZX_CFLAGS := -std=gnu11 -Wall -Wextra -Werror -Ilib/include $(CFLAGS)
LIB_SRCS := $(filter-out lib/freestanding.c,$(wildcard lib/*.c))
LIB_HDRS := $(wildcard lib/*.h lib/include/*/*.h lib/include/*/*/*.h) uapi/linux/zircon.h
LIB_OBJS := $(patsubst lib/%.c,build/lib/%.o,$(LIB_SRCS)) build/lib/agent_blob.o

# libzx-freestanding.a: the calls code inside a started process can make.
FS_SRCS := $(addprefix lib/,handle.c object.c channel.c port.c vmo.c vmar.c job.c status.c \
	task.c futex.c call.c freestanding.c)
FS_OBJS := $(patsubst lib/%.c,build/lib-fs/%.o,$(FS_SRCS))
FS_CFLAGS := -std=gnu11 -Wall -Wextra -Werror -Ilib/include -O2 -g -ffreestanding -fno-builtin \
	-fno-tree-loop-distribute-patterns -fno-stack-protector -fPIE -fvisibility=hidden \
	-fno-asynchronous-unwind-tables -mgeneral-regs-only

TEST_SRCS := $(wildcard selftests/*_test.c)
TESTS := $(patsubst selftests/%.c,build/selftests/%,$(TEST_SRCS)) build/selftests/trace_workload \
	build/selftests/launch_workload
SAMPLES := $(patsubst samples/%.c,build/samples/%,$(wildcard samples/*.c))
BENCH := build/bench/bench

.PHONY: all lib modules modules_install selftests samples check demo bench shell lint deps clean

all: lib selftests samples $(BENCH) modules

lib: lib/libzx.a lib/libzx.so lib/libzx-freestanding.a

# The agent helper, a static program without a C library, goes inside libzx.
build/lib/zx-agent: lib/agent.S
	@mkdir -p $(@D)
	$(CC) -nostdlib -static -Wl,--build-id=none -o $@ $<

build/lib/agent_blob.o: lib/agent_blob.S build/lib/zx-agent
	$(CC) -c -fPIC -DZX_AGENT_PATH='"$(CURDIR)/build/lib/zx-agent"' -o $@ $<

build/lib-fs/%.o: lib/%.c $(LIB_HDRS)
	@mkdir -p $(@D)
	$(CC) $(FS_CFLAGS) -c -o $@ $<

lib/libzx-freestanding.a: $(FS_OBJS) build/lib/agent_blob.o
	rm -f $@
	ar rcs $@ $^

build/lib/%.o: lib/%.c $(LIB_HDRS)
	@mkdir -p $(@D)
	$(CC) $(ZX_CFLAGS) -fPIC -c -o $@ $<

lib/libzx.a: $(LIB_OBJS)
	rm -f $@
	ar rcs $@ $^

lib/libzx.so: $(LIB_OBJS)
	$(CC) -shared -Wl,-soname,libzx.so.0 -o $@ $^ -lpthread
	ln -sf libzx.so lib/libzx.so.0

modules: $(MODULES)

build/%/zircon.ko: $(MODULE_SRCS)
	scripts/build-module $*

# Install the module for the running kernel (see Documentation/zircon/usage.rst).
modules_install: build/$(shell uname -r)/zircon.ko
	install -D -m 0644 $< /lib/modules/$(shell uname -r)/updates/zircon.ko
	depmod -a $(shell uname -r)

$(KSFT_DIR)/kselftest_harness.h:
	scripts/unpack-linux-src $(LINUX_SRC)

selftests: $(TESTS)

build/selftests/trace_workload: selftests/trace_workload.c lib/libzx.a
	@mkdir -p $(@D)
	$(CC) $(ZX_CFLAGS) -o $@ $< lib/libzx.a -lpthread

build/selftests/%: selftests/%.c selftests/zx_test.h lib/libzx.a $(KSFT_DIR)/kselftest_harness.h
	@mkdir -p $(@D)
	$(CC) $(ZX_CFLAGS) $(TEST_CFLAGS) -Wno-unused-parameter -Wno-misleading-indentation -Wno-sign-compare -I$(KSFT_DIR) -o $@ $< lib/libzx.a -lpthread

# A 32-bit program without a C library, which channel_test runs: the
# register calls are x86-64 only.
build/selftests/ioctl32: selftests/ioctl32.c
	@mkdir -p $(@D)
	$(CC) -m32 -nostdlib -static -ffreestanding -fno-pic -fno-stack-protector -O2 -Wall -Wextra \
		-Werror -o $@ $<
build/selftests/channel_test: build/selftests/ioctl32
build/selftests/channel_test: TEST_CFLAGS := -DIOCTL32='"$(CURDIR)/build/selftests/ioctl32"'

# One selftest links the shared library, to prove it works.
build/selftests/misc_test: selftests/misc_test.c selftests/zx_test.h lib/libzx.so $(KSFT_DIR)/kselftest_harness.h
	@mkdir -p $(@D)
	$(CC) $(ZX_CFLAGS) -Wno-unused-parameter -Wno-misleading-indentation -Wno-sign-compare -I$(KSFT_DIR) -o $@ $< \
		-Llib -lzx -Wl,-rpath,'$$ORIGIN/../../lib' -lpthread

# The freestanding program that process tests start, as a flat image.
FSPROG_FLAGS := $(FS_CFLAGS) -nostdlib -static -Wl,-T,selftests/fsprog/flat.ld -Wl,--build-id=none -Wl,--no-warn-rwx-segments
build/selftests/fsprog.elf: selftests/fsprog/prog.c selftests/fsprog/start.S selftests/fsprog/prog.h \
		selftests/fsprog/flat.ld lib/libzx-freestanding.a
	@mkdir -p $(@D)
	$(CC) $(FSPROG_FLAGS) -o $@ selftests/fsprog/start.S selftests/fsprog/prog.c \
		lib/libzx-freestanding.a

build/selftests/fsprog.bin: build/selftests/fsprog.elf
	objcopy -O binary --set-section-flags .bss=alloc,load,contents $< $@

build/selftests/fsprog_blob.o: selftests/fsprog_blob.S build/selftests/fsprog.bin
	$(CC) -c -DFSPROG_PATH='"$(CURDIR)/build/selftests/fsprog.bin"' -o $@ $<

build/selftests/process_test build/selftests/stress_test build/selftests/shared_test: \
		build/selftests/%: selftests/%.c \
		selftests/launch.h selftests/zx_test.h \
		build/selftests/fsprog_blob.o lib/libzx.a $(KSFT_DIR)/kselftest_harness.h
	@mkdir -p $(@D)
	$(CC) $(ZX_CFLAGS) -Wno-unused-parameter -Wno-misleading-indentation -Wno-sign-compare \
		-I$(KSFT_DIR) -o $@ $< build/selftests/fsprog_blob.o lib/libzx.a -lpthread

build/selftests/launch_workload: selftests/launch_workload.c selftests/launch.h \
		build/selftests/fsprog_blob.o lib/libzx.a
	@mkdir -p $(@D)
	$(CC) $(ZX_CFLAGS) -Iselftests -o $@ $< build/selftests/fsprog_blob.o lib/libzx.a -lpthread

samples: $(SAMPLES)

build/samples/%: samples/%.c lib/libzx.a selftests/launch.h build/selftests/fsprog_blob.o
	@mkdir -p $(@D)
	$(CC) $(ZX_CFLAGS) -Iselftests -o $@ $< build/selftests/fsprog_blob.o lib/libzx.a -lpthread

$(BENCH): bench/bench.c selftests/launch.h build/selftests/fsprog_blob.o lib/libzx.a \
		build/bench/exit0 build/bench/idle2
	@mkdir -p $(@D)
	$(CC) $(ZX_CFLAGS) -o $@ $< build/selftests/fsprog_blob.o lib/libzx.a -lpthread

build/bench/%: bench/%.S
	@mkdir -p $(@D)
	$(CC) -nostdlib -static -Wl,--build-id=none -o $@ $<

deps:
	scripts/install-deps

check: deps
	$(MAKE) all
	scripts/check

demo: deps
	$(MAKE) all
	scripts/vmtest --kernel $(KERNEL) -- scripts/demo

bench: deps
	$(MAKE) all
	for k in $(SERIES); do scripts/vmtest --no-slub-debug --kernel $$k -- $(BENCH) || exit 1; done

shell: all
	scripts/vmtest --kernel $(KERNEL) --interactive

lint: all
	perl $(CHECKPATCH) --no-tree --terse -f module/*.c module/*.h uapi/linux/*.h
	for r in $(RELEASES); do scripts/build-module $$r C=2 || exit 1; done

clean:
	rm -rf build lib/libzx.a lib/libzx.so lib/libzx.so.0 lib/libzx-freestanding.a
