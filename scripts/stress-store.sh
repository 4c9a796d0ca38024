#!/usr/bin/env bash
# The long run of the store's fault-injection test: ROUNDS rounds (default 25) of two cases
# (with and without a planted stale lock) of 40 concurrent CLI writers each, about a third
# killed at random moments; every writer that exited 0 must have its change on disk. With the
# default that is 2,000 writers. Prints the totals.
#
#   bash scripts/stress-store.sh [ROUNDS]
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-25}
log=$(mktemp)
trap 'rm -f "$log"' EXIT
OPSDECK_STRESS_ROUNDS=$rounds cargo test --test it \
    store::every_acknowledged_write_survives_killed_and_concurrent_writers -- --nocapture \
    2>&1 | tee "$log" | grep -E '^STRESS|test result|panicked' || true
grep -q 'test result: ok. 1 passed' "$log" || { echo "the stress test failed" >&2; exit 1; }
grep '^STRESS' "$log" | awk '
    { n++; w += 40; for (i = 1; i <= NF; i++) { if ($(i+1) == "acknowledged,") a += $i; if ($(i+1) == "killed,") k += $i } }
    END { printf "%d cases, %d writers: %d acknowledged, %d killed, 0 acknowledged writes lost\n", n, w, a, k }'
