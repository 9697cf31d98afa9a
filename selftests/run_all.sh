#!/bin/sh
# SPDX-License-Identifier: MIT
# Run every selftest binary (and shell test) in build/selftests and
# selftests/, in the guest.  Each prints TAP and a "# Totals:" line.
cd "$(dirname "$0")/.." || exit 1
rc=0
for t in build/selftests/*_test selftests/*_test.sh; do
	[ -x "$t" ] || continue
	echo "# === $t"
	"$t" || rc=1
done
exit $rc
