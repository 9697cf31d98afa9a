#!/bin/bash
# SPDX-License-Identifier: MIT
# Attach bpftrace to the module's tracepoints, run a small workload and
# check that every event it must cause was seen, with the right fields.
# Prints TAP.
cd "$(dirname "$0")/.." || exit 1
workload=build/selftests/trace_workload
out=$(mktemp)
trace=$(mktemp)
echo "TAP version 13"
echo "1..11"
if ! command -v bpftrace >/dev/null || [ ! -d /sys/kernel/tracing/events/zircon ]; then
	# Both are required: install-deps installs bpftrace and the module
	# defines the tracepoints.
	for i in $(seq 11); do echo "not ok $i no bpftrace or no zircon tracepoints"; done
	echo "# Totals: pass:0 fail:11 xfail:0 xpass:0 skip:0 error:0"
	exit 1
fi

bpftrace -e '
tracepoint:zircon:zx_object_create { printf("create koid=%llu type=%u\n", args->koid, args->type); }
tracepoint:zircon:zx_object_destroy { printf("destroy koid=%llu type=%u\n", args->koid, args->type); }
tracepoint:zircon:zx_handle_create {
	printf("hcreate owner=%llu handle=%u koid=%llu rights=%u\n", args->owner, args->handle,
	       args->koid, args->rights); }
tracepoint:zircon:zx_handle_duplicate {
	printf("hdup owner=%llu src=%u dst=%u koid=%llu rights=%u\n", args->owner, args->src,
	       args->dst, args->koid, args->rights); }
tracepoint:zircon:zx_vmo_create { printf("vcreate koid=%llu size=%llu\n", args->koid, args->size); }
tracepoint:zircon:zx_vmo_destroy { printf("vdestroy koid=%llu size=%llu\n", args->koid, args->size); }
tracepoint:zircon:zx_channel_write { printf("cwrite bytes=%u handles=%u\n", args->bytes, args->handles); }
tracepoint:zircon:zx_channel_read { printf("cread bytes=%u handles=%u\n", args->bytes, args->handles); }
tracepoint:zircon:zx_handle_close {
	printf("hclose owner=%llu handle=%u koid=%llu\n", args->owner, args->handle, args->koid); }
' > "$trace" 2>&1 &
bt=$!
for _ in $(seq 120); do
	grep -q Attaching "$trace" && break
	sleep 0.5
done
# "Attaching" is printed before the probes are live: run the workload until
# its events show up, then once more for the run that is checked.
for _ in $(seq 60); do
	"$workload" > "$out"
	sleep 0.5
	grep -q "^create koid=$(sed 's/.*koid=\([0-9]*\).*/\1/' "$out") " "$trace" && break
done
"$workload" > "$out"
sleep 1
kill -INT $bt
wait $bt
# shellcheck disable=SC2046
set -- $(sed 's/[a-z]*=//g' "$out")
owner=$1 koid=$2 handle=$3 dup=$4 vmo=$5

pass=0
fail=0
n=0
check() {
	n=$((n + 1))
	if grep -qE "$2" "$trace"; then
		echo "ok $n $1"
		pass=$((pass + 1))
	else
		echo "not ok $n $1"
		fail=$((fail + 1))
	fi
}
check "bpftrace attached" "Attaching"
check "object create" "^create koid=$koid type=5$"
check "handle create" "^hcreate owner=$owner handle=$handle koid=$koid rights=53251$"
check "handle duplicate" "^hdup owner=$owner src=$handle dst=$dup koid=$koid rights=16384$"
check "close of the duplicate" "^hclose owner=$owner handle=$dup koid=$koid$"
check "close of the original" "^hclose owner=$owner handle=$handle koid=$koid$"
check "object destroy" "^destroy koid=$koid type=5$"
check "vmo create" "^vcreate koid=$vmo size=16384$"
check "vmo destroy" "^vdestroy koid=$vmo size=16384$"
check "channel write" "^cwrite bytes=24 handles=1$"
check "channel read" "^cread bytes=24 handles=1$"
if [ "$fail" != 0 ]; then
	echo "# workload said: $(cat "$out")"
	sed 's/^/# trace: /' "$trace" | head -n 40
fi
echo "# Totals: pass:$pass fail:$fail xfail:0 xpass:0 skip:0 error:0"
rm -f "$out" "$trace"
[ "$fail" = 0 ]
