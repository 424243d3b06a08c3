#!/usr/bin/env bash
# Installs what is missing, then runs every test: formatting, the house
# rules (scripts/house-rules.mjs) and lints,
# native unit and real-data tests, browser tests (wasm in Chromium), and the
# end-to-end suite against the release build. Exits non-zero if any fails.
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
source "$repo/scripts/setup.sh"
cd "$repo"

log=$(mktemp)
trap 'rm -f "$log"' EXIT
step() {
  printf '\n== %s\n' "$1"
  shift
  "$@" 2>&1 | tee -a "$log"
}

step "format" cargo fmt --check
step "house rules: the checker's own tests" node --test scripts/house-rules.test.mjs
step "house rules (file size, import cycles, map/ui, pure modules)" node scripts/house-rules.mjs
step "build hook: short import names, minified module (scripts/minify-glue.mjs)" node --test scripts/minify-glue.test.mjs
step "lint: native (pure logic and its tests)" cargo clippy --all-targets -- -D warnings
step "lint: wasm32 (browser glue)" cargo clippy --target wasm32-unknown-unknown --lib --bins --test browser -- -D warnings
step "unit and real-data tests (native)" cargo test
step "browser tests (wasm-bindgen-test in headless Chromium)" \
  env CHROMEDRIVER="$(command -v chromedriver)" cargo test --target wasm32-unknown-unknown --test browser
step "release build (trunk, wasm-opt)" trunk build --release
step "end-to-end tests (Playwright, Debian's Chromium)" playwright test

# One closing line over every runner (cargo's and Playwright's own lines are above).
passed=$(grep -oE '(test result: ok\. |^ *)[0-9]+ passed' "$log" | grep -oE '[0-9]+' | awk '{ n += $1 } END { print n }')
printf '\nsummary: %s passed, 0 failed\n' "$passed"
