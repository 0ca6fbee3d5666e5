#!/bin/sh
# Runs a command in a private D-Bus session whose Secret Service is an unlocked gnome-keyring
# keeping its files in a temporary folder: the tests store and read real keys without touching
# the user's own keyring, and nothing is left running afterwards. Linux only.
#   sh tests/keyring-session.sh COMMAND [ARGS...]
set -eu
for tool in dbus-run-session dbus-send gnome-keyring-daemon; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "keyring-session: $tool not found (\`cargo xtask deps\` installs dbus and gnome-keyring)" >&2
    exit 1
  fi
done
work=$(mktemp -d "${TMPDIR:-/tmp}/rapport-keyring.XXXXXX")
# GTK may start the document portal in this session, which mounts a FUSE folder under the
# runtime dir; unmount it before removing the folder, and never let cleanup change the status.
cleanup() {
  if [ -d "$work/runtime/doc" ]; then
    fusermount -uz "$work/runtime/doc" 2>/dev/null || umount -l "$work/runtime/doc" 2>/dev/null || true
  fi
  rm -rf "$work" 2>/dev/null || true
}
trap cleanup EXIT
mkdir -p "$work/data" "$work/config" "$work/cache" "$work/runtime"
chmod 700 "$work/runtime"
# gnome-keyring keeps its keyrings under XDG_DATA_HOME and its sockets under XDG_RUNTIME_DIR.
export XDG_DATA_HOME="$work/data" XDG_CONFIG_HOME="$work/config" XDG_CACHE_HOME="$work/cache"
export XDG_RUNTIME_DIR="$work/runtime"
status=0
dbus-run-session -- sh -c '
  # --unlock reads the password of a new login keyring from stdin; it becomes the default
  # collection, where keys are stored.
  printf rapport-tests | gnome-keyring-daemon --unlock --components=secrets --daemonize >/dev/null
  owner() {
    dbus-send --session --print-reply --dest=org.freedesktop.DBus / \
      org.freedesktop.DBus.GetConnectionUnixProcessID string:org.freedesktop.secrets 2>/dev/null |
      awk "/uint32/ { print \$2 }"
  }
  # The daemon claims its bus name a moment after it forks; a call before that would start a
  # second daemon through D-Bus activation.
  tries=0
  keyring=$(owner)
  while [ -z "$keyring" ] && [ "$tries" -lt 100 ]; do
    sleep 0.1
    tries=$((tries + 1))
    keyring=$(owner)
  done
  if [ -z "$keyring" ]; then
    echo "keyring-session: gnome-keyring did not start" >&2
    exit 1
  fi
  status=0
  "$@" || status=$?
  # The daemon outlives the bus: end the one this session started, by its id.
  kill "$keyring" 2>/dev/null || true
  exit "$status"
' keyring-session "$@" || status=$?
exit "$status"
