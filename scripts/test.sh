#!/usr/bin/env bash
# Runs the whole test suite (installs what is missing first): formatting, lints, every Rust test
# (the vault against the real Secret Service), the UI's typecheck, lint and unit tests, and the
# end-to-end suite on the real window under Xvfb.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$ROOT/scripts/setup.sh" test
# shellcheck source=scripts/env.sh
. "$ROOT/scripts/env.sh"
cd "$ROOT"

step() {
  local name="$1"; shift
  printf '\n\033[1;36m==> %s\033[0m\n' "$name"
  local start=$SECONDS
  "$@"
  printf '\033[1;32m<== %s (%ss)\033[0m\n' "$name" "$((SECONDS - start))"
}

# A cold debug build of the workspace takes about 5 GB (5.1 GB measured on 2026-12-03); when
# the disk fills, the linker dies with a bus error that says nothing about space, so say it first.
free_kb=$(df -Pk "$ROOT" | awk 'NR == 2 { print $4 }')
if [ "$free_kb" -lt $((10 * 1024 * 1024)) ]; then
  printf '\033[1;33mwarning: only %s MB free on the disk holding %s; a cold build needs about 5 GB\033[0m\n' \
    "$((free_kb / 1024))" "$ROOT" >&2
fi

step "cargo fmt --check" cargo fmt --all -- --check
# The app crate embeds ui/dist, so the UI is built before anything compiles the app.
step "build the UI" npm --prefix ui run build --silent
step "clippy" cargo clippy --workspace --all-targets --locked -- -D warnings
# gnome-keyring-daemon (Debian 12) sometimes aborts on a GLib error, seen after a test binary
# exits with keyring calls in flight; every later binary in that D-Bus session then failed. So
# each test binary runs in its own session and keyring (cargo's runner, ~0.13 s each), one test
# at a time (parallel keyring calls were seen to kill it too; ~7 s).
host=$(rustc -vV | sed -n 's/^host: //p' | tr 'a-z-' 'A-Z_')
step "Rust tests (real Secret Service)" env MOSTRADOR_REAL_KEYRING=1 RUST_TEST_THREADS=1 \
  "CARGO_TARGET_${host}_RUNNER=$ROOT/scripts/keyring-session.sh" cargo test --workspace --locked
step "UI typecheck" npm --prefix ui run typecheck --silent
step "UI format check" npm --prefix ui run format:check --silent
step "UI lint" npm --prefix ui run lint --silent
step "UI unit tests" npm --prefix ui run test --silent
# The app, and the standalone sandbox that the local-profile spec points a profile at.
step "build the app for end-to-end tests" cargo build --locked -p mostrador -p mostrador-sandbox
step "end-to-end tests" tests/e2e/run.sh
printf '\n\033[1;32mAll checks passed (%ss).\033[0m\n' "$SECONDS"
