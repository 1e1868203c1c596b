#!/bin/sh
# Runs a command inside a throwaway D-Bus session with an unlocked GNOME Keyring (Secret
# Service) and MOSTRADOR_REAL_KEYRING=1, so vault tests use the real keyring on a headless
# machine:
#   scripts/keyring-session.sh cargo test -p mostrador-vault
# The keyring lives in a temporary XDG_DATA_HOME, deleted afterwards; the password is random.
# Needs: dbus-run-session (dbus), gnome-keyring-daemon (gnome-keyring).
set -eu

if [ "$#" -eq 0 ]; then
    echo "usage: $0 COMMAND [ARG...]" >&2
    exit 2
fi
for tool in dbus-run-session gnome-keyring-daemon; do
    command -v "$tool" >/dev/null 2>&1 || { echo "$0: $tool not found (apt install dbus gnome-keyring)" >&2; exit 127; }
done

keyring_home=$(mktemp -d)
trap 'rm -rf "$keyring_home"' EXIT INT TERM
export XDG_DATA_HOME="$keyring_home/data"
# Tells the vault's tests a real keyring is present.
export MOSTRADOR_REAL_KEYRING=1
export XDG_RUNTIME_DIR="${XDG_RUNTIME_DIR:-$keyring_home/run}"
mkdir -p "$XDG_DATA_HOME" "$XDG_RUNTIME_DIR"
chmod 700 "$XDG_RUNTIME_DIR"

# shellcheck disable=SC2016 # expanded by the inner shell
dbus-run-session -- sh -c '
    set -eu
    # --unlock reads the password on stdin and creates the "login" keyring with it; the
    # printed GNOME_KEYRING_CONTROL/SSH_AUTH_SOCK lines are exported for the command.
    eval "$(head -c 24 /dev/urandom | od -An -tx1 | tr -d " \n" |
        gnome-keyring-daemon --unlock --components=secrets --daemonize | sed "s/^/export /")"
    exec "$@"
' keyring-session "$@"
