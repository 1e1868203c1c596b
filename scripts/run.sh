#!/usr/bin/env bash
# Builds and opens Mostrador on the embedded Sandbox profile (installs what is missing first).
# Extra arguments go to the app.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$ROOT/scripts/setup.sh" run
# shellcheck source=scripts/env.sh
. "$ROOT/scripts/env.sh"
cd "$ROOT"
(cd ui && npm run build --silent)
# The default features embed ui/dist; `cargo tauri dev` is the hot-reload variant (see README).
exec cargo run --quiet -- "$@"
