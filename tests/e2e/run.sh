#!/usr/bin/env bash
# Runs the end-to-end specs against the built app (target/debug/mostrador) in a private X server,
# D-Bus session and unlocked keyring, with throwaway home directories so every run starts clean.
# `run.sh bench [bench/x.mjs]` runs a benchmark script (tests/e2e/bench, links-scroll.mjs unless
# named) in the same environment instead;
# `run.sh test specs/x.test.mjs` runs only the named specs.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
SANDBOX_HOME="$(mktemp -d -t mostrador-e2e.XXXXXX)"
# The desktop portal may still hold a FUSE mount under the runtime dir when the D-Bus session
# ends; unmount it lazily so cleaning up never turns a passing run into a failing one.
cleanup() {
  fusermount3 -uz "$SANDBOX_HOME/run/doc" 2>/dev/null || true
  rm -rf "$SANDBOX_HOME" 2>/dev/null || echo "note: could not remove $SANDBOX_HOME" >&2
}
trap cleanup EXIT
rm -rf "$HERE/artifacts"

export XDG_DATA_HOME="$SANDBOX_HOME/data" XDG_CONFIG_HOME="$SANDBOX_HOME/config"
export XDG_CACHE_HOME="$SANDBOX_HOME/cache" XDG_RUNTIME_DIR="$SANDBOX_HOME/run"
mkdir -p "$XDG_DATA_HOME" "$XDG_CONFIG_HOME" "$XDG_CACHE_HOME" "$XDG_RUNTIME_DIR"
chmod 700 "$XDG_RUNTIME_DIR"
# WebKitGTK under Xvfb: no accessibility bus, no GPU compositing (blank windows otherwise). Either
# WEBKIT_ variable set to 0 beforehand is left unset (the bench's A/B of WebKit's renderers).
export NO_AT_BRIDGE=1 LIBGL_ALWAYS_SOFTWARE=1
for var in WEBKIT_DISABLE_COMPOSITING_MODE WEBKIT_DISABLE_DMABUF_RENDERER; do
  if [ "${!var-1}" = 0 ]; then unset "$var"; else export "$var=1"; fi
done

MODE="${1:-test}"
[ $# -gt 0 ] && shift
cd "$HERE"
# Spec files listed by the shell: Node 22 reads a folder argument as a module, not a test dir.
[ "$MODE" = test ] && [ $# -eq 0 ] && set -- specs/*.test.mjs
[ "$MODE" = bench ] && [ $# -eq 0 ] && set -- bench/links-scroll.mjs
"$ROOT/scripts/keyring-session.sh" \
  xvfb-run -a --server-args="-screen 0 1280x800x24" npm run --silent "$MODE" -- "$@"
echo "screenshots: $HERE/artifacts"
