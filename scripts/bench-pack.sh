#!/usr/bin/env bash
# Whole-process comparison at scale: `opsdeck --pack` over 100,000 generated entries in three
# packs against `fzf --filter` over the same text, side by side with hyperfine, plus the peak
# memory of each (GNU time). Needs a release build, hyperfine and fzf (Debian packages).
#
#   bash scripts/bench-pack.sh [ENTRIES] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
entries=${1:-100000}
runs=${2:-5}
for tool in hyperfine fzf /usr/bin/time; do
    command -v "$tool" >/dev/null || { echo "missing $tool (apt-get install hyperfine fzf time)" >&2; exit 1; }
done
cargo build --release --quiet
bin=$PWD/target/release/opsdeck
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 scripts/genpack.py "$work" "$entries" 3 >/dev/null
export OPSDECK_DATA_DIR=$work/data
packs="--pack $work/pack-1.ron --pack $work/pack-2.ron --pack $work/pack-3.ron"
"$bin" $packs search blue green >/dev/null   # fail early if the packs do not load
hyperfine --warmup 1 --runs "$runs" --export-json "$work/hyperfine.json" \
    -n opsdeck "$bin $packs search blue green" \
    -n fzf "fzf --filter 'blue green' < $work/dump.txt"
python3 - "$work/hyperfine.json" <<'PY'
import json, statistics, sys
for r in json.load(open(sys.argv[1]))["results"]:
    print(f"median wall {r['command'].split()[0].rsplit('/', 1)[-1]}: {statistics.median(r['times']):.3f} s")
PY
echo "peak memory (median of $runs runs):"
peak() {
    for _ in $(seq "$runs"); do
        /usr/bin/time -f '%M' "$@" 2>&1 >/dev/null | tail -n1
    done | sort -n | awk '{a[NR]=$1} END {printf "%.0f MiB\n", a[int((NR+1)/2)]/1024}'
}
printf '  opsdeck: '; peak "$bin" $packs search blue green
printf '  fzf:     '; peak sh -c "fzf --filter 'blue green' < $work/dump.txt"
