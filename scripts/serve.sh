#!/usr/bin/env bash
# Installs what is missing, builds a release, and serves it on 127.0.0.1.
#   scripts/serve.sh                 # http://127.0.0.1:8080/
#   PORT=9000 scripts/serve.sh       # another port
#   MASK_MAP_DATA=/path scripts/serve.sh   # another real-data folder
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
source "$repo/scripts/setup.sh"
cd "$repo"
trunk build --release
exec node scripts/serve.mjs --port "${PORT:-8080}"
