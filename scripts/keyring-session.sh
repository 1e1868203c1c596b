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

# D-Bus starts the daemon on the first keyring call, through the session's own services
# directory (read before the system's): --unlock reads the password on stdin and creates the
# "login" keyring with it, or opens the one on disk. Started that way, and not before the
# command, there is no window in which a call finds no daemon and D-Bus starts a second one.
# And when gnome-keyring-daemon (Debian 12) aborts, as it sometimes does when a client is killed
# with calls in flight (the end-to-end tests kill the app on purpose), the next call starts it
# again with the same password and keyring file: every secret carries over. Before, D-Bus
# started the system's daemon instead, whose locked keyring asked for its password through a
# prompt no headless session can show, and every later write failed.
saved_umask=$(umask)
umask 077
head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n' >"$keyring_home/password"
cat >"$keyring_home/keyring-daemon" <<SCRIPT
#!/bin/sh
exec gnome-keyring-daemon --unlock --components=secrets --foreground <"$keyring_home/password"
SCRIPT
chmod 700 "$keyring_home/keyring-daemon"
mkdir -p "$XDG_DATA_HOME/dbus-1/services"
for name in org.freedesktop.secrets org.gnome.keyring; do
    printf '[D-BUS Service]\nName=%s\nExec=%s\n' "$name" "$keyring_home/keyring-daemon" \
        >"$XDG_DATA_HOME/dbus-1/services/$name.service"
done
umask "$saved_umask"

dbus-run-session -- "$@"
