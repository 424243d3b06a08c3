#!/usr/bin/env bash
# Benchmarks (a command, not a test): prints figures and ratios against
# baselines measured in the same run. Installs what is missing first.
#   scripts/bench.sh    # nearest stock (index vs brute force), feed parsing (native, wasm, JS
#                       # baseline), clustering (ours vs supercluster), and the cold load on a
#                       # throttled phone profile against the 2020 peer (../shared/peer-baseline),
#                       # with the bytes of the first useful map and the wasm size budget
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
source "$repo/scripts/setup.sh"
cd "$repo"
trunk build --release
cargo bench --quiet --bench nearest -- "${MASK_MAP_DATA:-$repo/../shared/data}"
node scripts/bench-feed.mjs
node scripts/bench-cluster.mjs
node scripts/bench-load.mjs
