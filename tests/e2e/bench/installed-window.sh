#!/usr/bin/env bash
# Benchmark step, not a test: launches an installed Mostrador ($1, e.g. /usr/bin/mostrador) as a
# user would, with a fresh home, under the X server, D-Bus session and keyring this runs in
# (scripts/bench.sh wraps it in keyring-session.sh and xvfb-run). Prints the time from launch to
# its window being mapped, then screenshots the display to $2 once the page has had 8 s to load.
set -euo pipefail
APP="$1" SHOT="$2"
home="$(mktemp -d -t mostrador-installed.XXXXXX)"
export XDG_DATA_HOME="$home/data" XDG_CONFIG_HOME="$home/config" XDG_CACHE_HOME="$home/cache"
export NO_AT_BRIDGE=1 WEBKIT_DISABLE_COMPOSITING_MODE=1 WEBKIT_DISABLE_DMABUF_RENDERER=1 LIBGL_ALWAYS_SOFTWARE=1
started="$(date +%s%N)"
"$APP" >"$home/app.log" 2>&1 &
pid=$!
cleanup() {
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  rm -rf "$home"
}
trap cleanup EXIT
# A viewable (mapped) top-level window titled Mostrador; polled every 20 ms.
viewable() {
  local id
  for id in $(xwininfo -root -tree 2>/dev/null | awk '/"Mostrador"/ {print $1}'); do
    xwininfo -id "$id" 2>/dev/null | grep -q 'Map State: IsViewable' && return 0
  done
  return 1
}
until viewable; do
  kill -0 "$pid" 2>/dev/null || { cat "$home/app.log" >&2; echo "the app exited" >&2; exit 1; }
  [ $(($(date +%s%N) - started)) -lt 60000000000 ] || { echo "no window in 60 s" >&2; exit 1; }
  sleep 0.02
done
echo "window_ms $((($(date +%s%N) - started) / 1000000))"
sleep 8
import -window root "$SHOT"
echo "screenshot $SHOT"
