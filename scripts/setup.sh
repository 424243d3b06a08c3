#!/usr/bin/env bash
# Installs whatever is missing to build, serve and test mask-map on a fresh
# Debian machine of this kind, and nothing that is already there. Sourced by
# serve.sh and test.sh; safe to run again and again.
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
export PATH="$repo/node_modules/.bin:$HOME/.cargo/bin:$PATH"

TRUNK_VERSION=0.21.14
say() { printf '\033[1msetup:\033[0m %s\n' "$*" >&2; }
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

apt_updated=
apt_install() {
  [ -n "$apt_updated" ] || { as_root apt-get update -qq; apt_updated=1; }
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

# Debian's Chromium and its driver: the browser for the browser and end-to-end
# tests; Noto CJK so that its screenshots show Chinese as a phone would.
if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null \
  || ! dpkg -s fonts-noto-cjk >/dev/null 2>&1; then
  say "installing chromium, chromium-driver and fonts-noto-cjk (Debian)"
  apt_install chromium chromium-driver fonts-noto-cjk
fi
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  say "installing nodejs and npm (Debian)"
  apt_install nodejs npm
fi

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
  say "installing trunk $TRUNK_VERSION"
  cargo install --locked trunk --version "$TRUNK_VERSION"
fi

# wasm-bindgen-cli must match the wasm-bindgen crate in Cargo.lock exactly.
# (No --locked: one of its locked dependencies is yanked.)
wb_version=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' "$repo/Cargo.lock")
if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $wb_version" ]; then
  say "installing wasm-bindgen-cli $wb_version"
  cargo install wasm-bindgen-cli --version "$wb_version"
fi
if ! grep -q "wasm_bindgen = \"$wb_version\"" "$repo/Trunk.toml"; then
  echo "Trunk.toml pins a wasm-bindgen other than Cargo.lock's $wb_version" >&2
  exit 1
fi

# npm packages (Leaflet, binaryen's wasm-opt, Playwright) from the committed lock file.
lock_sum=$(sha256sum "$repo/package-lock.json" | cut -d' ' -f1)
if [ "$(cat "$repo/node_modules/.lock-sum" 2>/dev/null)" != "$lock_sum" ]; then
  say "installing npm packages from package-lock.json"
  (cd "$repo" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error)
  echo "$lock_sum" >"$repo/node_modules/.lock-sum"
fi
