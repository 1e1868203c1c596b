#!/usr/bin/env bash
# Measures Mostrador against the budgets of issue 18 and prints a table of every figure: measured,
# budget, ok or MISSED. Not a set-up command and not part of the test suite: it takes about
# 20 minutes on 2 cores after the builds (the release build alone is long the first time).
# Installs what it needs first, like scripts/setup.sh test (plus tauri-cli for the .deb).
# Usage: scripts/bench.sh [all|store|kyc|app|deb]...   (default: all)
#   store  the store crate's benches (search, customers: 1,000,000 links, 100,000 customers)
#          and the loopback sync of 100,000 links (service crate, links_sync)
#   kyc    KYC tracking of 1,000 pending customers with 200 ms added latency
#   app    start-up, window and footprint of the release build with 100,000 links (Xvfb)
#   deb    builds the .deb (cargo tauri build), installs it with dpkg -i (root), launches it
# Every part logs to target/bench/<part>.log; the figures are the `BUDGET name measured budget
# ok|MISSED` lines the parts print. Details and recorded results: docs/BENCHMARKS.md.
set -euo pipefail

# shellcheck source=scripts/setup.sh
. "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/setup.sh" test
LOGS="$ROOT/target/bench"
TARGET="${CARGO_TARGET_DIR:-$ROOT/target}"
# The driver's ports: set TAURI_DRIVER_PORT when another e2e run may hold 4444.
export TAURI_DRIVER_PORT="${TAURI_DRIVER_PORT:-4444}"

ensure_tauri_cli() {
  cargo tauri --version >/dev/null 2>&1 || {
    say "installing tauri-cli 2.x (cargo install, several minutes)"
    cargo install tauri-cli --version '^2' --locked
  }
}

# Runs one part with its output shown and logged; a failing part is reported, the others run.
part() {
  local name="$1"
  shift
  # The CPU model with the load: sessions have run on different hardware (docs/BENCHMARKS.md).
  say "$name (load: $(cut -d' ' -f1-3 /proc/loadavg); CPU:$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2))"
  # Not in an `if`: bash ignores `set -e` inside a condition, even in a subshell.
  set +e
  (set -e && "$@") 2>&1 | tee "$LOGS/$name.log"
  local status="${PIPESTATUS[0]}"
  set -e
  [ "$status" -eq 0 ] || echo "BUDGET ${name}_part_failed - - MISSED" >>"$LOGS/$name.log"
}

bench_store() {
  cargo bench -p mostrador-store --bench search
  if [ -f "$ROOT/src-tauri/crates/store/benches/customers.rs" ]; then
    cargo bench -p mostrador-store --bench customers
  fi
  # Fetching, parsing and writing 100,000 links from the Billpocket double over loopback.
  cargo bench -p mostrador-service --bench links_sync
}

# The release settings, as the app's embedded double runs: in the dev profile the double's
# state-file saves alone take longer than the 200 ms latency (docs/BENCHMARKS.md).
bench_kyc() {
  cargo bench -p mostrador-service --bench kyc_refresh
}

release_build() {
  npm --prefix "$ROOT/ui" run build
  cargo build --release -p mostrador
}

bench_app() {
  release_build
  MOSTRADOR_APP="$TARGET/release/mostrador" "$ROOT/tests/e2e/run.sh" bench bench/app-figures.mjs
}

bench_deb() {
  ensure_tauri_cli
  (cd "$ROOT" && cargo tauri build --bundles deb)
  local deb
  deb="$(ls -t "$TARGET"/release/bundle/deb/*.deb | head -n1)"
  echo "package $deb: $(stat -c %s "$deb") bytes"
  dpkg-deb --info "$deb" | grep -E '^ (Package|Version|Depends|Installed-Size):'
  dpkg-deb --contents "$deb" | awk '{print $6}' | grep -E 'bin/|\.desktop$|icons/' || true
  local started ended window
  started="$(date +%s%N)"
  as_root dpkg -i "$deb"
  ended="$(date +%s%N)"
  echo "dpkg -i: $(((ended - started) / 1000000)) ms"
  local shot="$LOGS/installed-window.png"
  window="$("$ROOT/scripts/keyring-session.sh" xvfb-run -a --server-args="-screen 0 1280x800x24" \
    "$ROOT/tests/e2e/bench/installed-window.sh" /usr/bin/mostrador "$shot" | tee /dev/stderr |
    awk '/^window_ms/ {print $2}')"
  echo "install to first window: $(((ended - started) / 1000000 + window)) ms (dpkg -i, then launch to a mapped window $window ms); screenshot $shot"
  if [ -z "${BENCH_KEEP_DEB:-}" ]; then as_root dpkg -r mostrador >/dev/null; fi
  echo "BUDGET deb_size $(($(stat -c %s "$deb") / 1000000))MB - info"
  echo "BUDGET deb_install_to_first_window $(((ended - started) / 1000000 + window))ms - info"
}

setup
mkdir -p "$LOGS"
[ $# -gt 0 ] || set -- all
[ "$1" = all ] && set -- store kyc app deb
echo "commit $(git -C "$ROOT" rev-parse --short HEAD), $(nproc) cores, $(date -u +%FT%TZ)"
for name in "$@"; do
  case "$name" in
    store | kyc | app | deb) part "$name" "bench_$name" ;;
    *) die "unknown part: $name (store, kyc, app, deb or all)" ;;
  esac
done
say "figures (load at the end: $(cut -d' ' -f1-3 /proc/loadavg))"
{
  echo "figure measured budget verdict"
  for name in "$@"; do grep -h '^BUDGET ' "$LOGS/$name.log" | cut -d' ' -f2- || true; done
} | column -t
