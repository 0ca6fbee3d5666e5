#!/usr/bin/env bash
# Runs the end-to-end suite against the built app (the CLI-built binary that
# `cargo xtask e2e` / `cargo xtask test` copy to target/e2e/) inside a private D-Bus session
# (with its own unlocked gnome-keyring) and X server, with
# fresh XDG directories, so no state leaks between runs and no daemon is left behind.
#   RAPPORT_APP    the app binary (default: <repo>/target/e2e/rapport-app, the copy xtask takes
#                  right after the Tauri CLI build; target/debug/rapport-app may be a dev build)
#   TAURI_DRIVER   tauri-driver (default: on PATH or ~/.cargo/bin)
#   SCREENSHOT_DIR where screenshots and driver logs go (default: tests/e2e/screenshots)
#   E2E_TIMEOUT    seconds for the whole suite (default: 900)
#   E2E_SPECS      which spec files to run (default: specs/*.test.mjs)
set -euo pipefail
cd "$(dirname "$0")"
root=$(cd ../.. && pwd)

export RAPPORT_APP="${RAPPORT_APP:-$root/target/e2e/rapport-app}"
if [ ! -x "$RAPPORT_APP" ]; then
  echo "e2e: $RAPPORT_APP is missing: build it with \`cargo xtask e2e\` (or tauri build --debug --no-bundle)" >&2
  exit 1
fi
if [ -z "${TAURI_DRIVER:-}" ]; then
  TAURI_DRIVER=$(command -v tauri-driver || echo "$HOME/.cargo/bin/tauri-driver")
fi
export TAURI_DRIVER
for tool in "$TAURI_DRIVER" WebKitWebDriver xvfb-run dbus-run-session gnome-keyring-daemon node; do
  command -v "$tool" >/dev/null || { echo "e2e: $tool not found (cargo xtask deps installs it)" >&2; exit 1; }
done
[ -d node_modules/webdriverio ] || { echo "e2e: run \`npm ci\` in tests/e2e first" >&2; exit 1; }

export SCREENSHOT_DIR="${SCREENSHOT_DIR:-$PWD/screenshots}"
rm -rf "$SCREENSHOT_DIR"
mkdir -p "$SCREENSHOT_DIR"

E2E_WORK=$(mktemp -d "${TMPDIR:-/tmp}/rapport-e2e.XXXXXX")
export E2E_WORK
cleanup() {
  # The suite records each tauri-driver it starts (a process group holding WebKitWebDriver and
  # the app); end any that survived, by id.
  if [ -f "$E2E_WORK/pids" ]; then
    while read -r pid; do
      [ -n "$pid" ] && kill -KILL -- "-$pid" 2>/dev/null || true
    done <"$E2E_WORK/pids"
  fi
  rm -rf "$E2E_WORK"
}
trap cleanup EXIT
mkdir -p "$E2E_WORK/xdg/data" "$E2E_WORK/xdg/cache" "$E2E_WORK/xdg/config"
export XDG_DATA_HOME="$E2E_WORK/xdg/data" XDG_CACHE_HOME="$E2E_WORK/xdg/cache" XDG_CONFIG_HOME="$E2E_WORK/xdg/config"
export NO_AT_BRIDGE=1
unset RAPPORT_DB

echo "e2e: app $RAPPORT_APP"
echo "e2e: driver $TAURI_DRIVER"
status=0
# The app keeps its database key in the Secret Service: the private D-Bus session gets an
# unlocked gnome-keyring of its own (tests/keyring-session.sh).
timeout --kill-after=20 "${E2E_TIMEOUT:-1800}" \
  sh "$root/tests/keyring-session.sh" \
  xvfb-run -a -s "-screen 0 1600x1000x24 -nolisten tcp" \
  node --test --test-concurrency=1 --test-timeout=600000 \
  --test-reporter=spec --test-reporter-destination=stdout \
  --test-reporter=./lib/failures-reporter.mjs --test-reporter-destination="$E2E_WORK/failures.txt" \
  ${E2E_SPECS:-specs/*.test.mjs} \
  || status=$?
if [ "$status" -eq 124 ]; then
  echo "e2e: the suite did not finish within ${E2E_TIMEOUT:-1800} s" >&2
fi
echo "e2e: $(find "$SCREENSHOT_DIR" -name '*.png' | wc -l) screenshots and the driver logs are in $SCREENSHOT_DIR"
# The reporter's list of failures comes last, so that whoever reads only the end of the output
# (a CI summary) sees which check failed and why.
if [ -s "$E2E_WORK/failures.txt" ]; then
  echo "e2e: failures:"
  cat "$E2E_WORK/failures.txt"
fi
exit "$status"
