#!/bin/bash
# SPDX-License-Identifier: MIT
# Run scripts/bpftrace/zx-lifecycle.bt over one launch and check that the
# process's events come in the order create -> start -> thread exit -> exit
# (and a bind, at no fixed place), with its name, a Linux pid and its return code;
# then over a shared group: create, join, change, join, leave, leave (each with
# the member count it left).
# Prints TAP.
cd "$(dirname "$0")/.." || exit 1
workload=build/selftests/launch_workload
trace=$(mktemp)
out=$(mktemp)
out2=$(mktemp)
echo "TAP version 13"
echo "1..8"
if ! command -v bpftrace >/dev/null || [ ! -d /sys/kernel/tracing/events/zircon ]; then
	for i in $(seq 8); do echo "not ok $i no bpftrace or no zircon tracepoints"; done
	echo "# Totals: pass:0 fail:8 xfail:0 xpass:0 skip:0 error:0"
	exit 1
fi
bpftrace scripts/bpftrace/zx-lifecycle.bt > "$trace" 2>&1 &
bt=$!
for _ in $(seq 120); do
	grep -q Attaching "$trace" && break
	sleep 0.5
done
# The probes go live a little after "Attaching": launch until one shows.
for _ in $(seq 60); do
	"$workload" warmup > /dev/null
	sleep 0.5
	grep -q "^process-exit" "$trace" && break
done
"$workload" lifecycle-probe > "$out"
"$workload" shared-probe shared > "$out2"
sleep 1
kill -INT $bt
wait $bt
koid=$(sed -n 's/^process=//p' "$out")
group=$(sed -n 's/^group=//p' "$out2")
member=$(sed -n 's/^process=//p' "$out2")
shared=$(grep -E "^shared-[a-z]+ group=$group " "$trace" | awk '{
	out = $1
	for (i = 2; i <= NF; i++)
		if ($i ~ /^(process|members|prot|reached|error)=/)
			out = out " " $i
	print out
}' | sort | tr '\n' ',')
# The agent binds while the creator goes on, so bind has no fixed place.
events=$(grep -E "^(process-create|process-start|thread-exit|process-exit) process=$koid( |$)" \
	"$trace" | awk '{ print $1 }' | tr '\n' ' ')

pass=0
fail=0
n=0
check() {
	n=$((n + 1))
	if eval "$2"; then
		echo "ok $n $1"
		pass=$((pass + 1))
	else
		echo "not ok $n $1"
		fail=$((fail + 1))
	fi
}
check "the workload launched a process" '[ -n "$koid" ]'
check "events in order: $events" \
	'[ "$events" = "process-create process-start thread-exit process-exit " ]'
check "create names it" 'grep -q "^process-create process=$koid job=[0-9]* name=lifecycle-probe by=" "$trace"'
check "bind gives a Linux pid" 'grep -Eq "^process-bind process=$koid pid=[1-9][0-9]*$" "$trace"'
check "exit gives the return code" 'grep -Eq "^process-exit process=$koid pid=[1-9][0-9]* retcode=7$" "$trace"'
check "the workload made a shared group" '[ -n "$group" ] && [ -n "$member" ]'
# bpftrace reads its per-CPU buffers in turn, so events from two CPUs may
# print out of order: compare them sorted.  The member counts taken with
# each event fix the order (the member leaves first, then the first process).
expect=$(printf '%s\n' "shared-create" "shared-join process=$group members=1" \
	"shared-change prot=1 reached=1 error=0" "shared-join process=$member members=2" \
	"shared-leave process=$member members=1" "shared-leave process=$group members=0" |
	sort | tr '\n' ',')
check "group events, with the member counts of their order" '[ "$shared" = "$expect" ]'
check "shared-create names the group" 'grep -Eq "^shared-create group=$group vmar=[0-9]+ by=" "$trace"'
if [ "$fail" != 0 ]; then
	echo "# group events: $shared"
	echo "# expected:     $expect"
	echo "# trace:"
	sed 's/^/#   /' "$trace" | tail -n 30
fi
echo "# Totals: pass:$pass fail:$fail xfail:0 xpass:0 skip:0 error:0"
[ "$fail" = 0 ]
