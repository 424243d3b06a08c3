#!/usr/bin/env bash
# Benchmarks (a command, not a test): builds the release and prints one
# table, every row a figure for mask-map and a baseline measured in the same
# run, with the ratio. Installs what is missing first.
#   scripts/bench.sh
# Rows: the cold load on a throttled phone profile side by side with the 2020
# peer (../shared/peer-baseline), the bytes of the first useful map against
# kiang's points.json, memory after load (real and 100,000 pharmacies),
# clustering against supercluster, nearest stock against brute force, feed
# parsing against JSON.parse, and the issue's goals (the list's at 200,000
# pharmacies among them). Each benchmark's own
# detailed output goes to target/bench/details.txt.
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
source "$repo/scripts/setup.sh"
cd "$repo"
out="$repo/target/bench"
mkdir -p "$out"
export BENCH_ROWS="$out/rows.jsonl"
: >"$BENCH_ROWS"
: >"$out/details.txt"
step() {
  echo "bench: $1 (details: target/bench/details.txt)" >&2
  shift
  "$@" >>"$out/details.txt"
}
# The feed and clustering benchmarks call the wasm module's bench_* exports,
# which the release users get leaves out (src/bench.rs): a build with them
# for those two, then the release as users get it for the rest.
step "release build with the benchmarks' entry points" trunk build --release --features bench
step "nearest stock (native)" cargo bench --quiet --bench nearest -- "${MASK_MAP_DATA:-$repo/../shared/data}"
step "feed parsing" node scripts/bench-feed.mjs
step "clustering" node scripts/bench-cluster.mjs
step "release build" trunk build --release
step "load, memory and frames against the 2020 peer (several minutes)" node scripts/bench-load.mjs
step "the list at 200,000 pharmacies" node scripts/bench-list.mjs
echo
echo "mask-map benchmarks, $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, $(/usr/bin/chromium --version 2>/dev/null || echo Chromium)"
echo
node scripts/bench-table.mjs "$BENCH_ROWS"
