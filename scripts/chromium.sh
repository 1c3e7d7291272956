#!/usr/bin/env bash
# Makes Debian's chromium available for the dashboard's browser spec (Playwright drives the system
# browser; it cannot download its own here). Idempotent: installs the package with apt-get when
# /usr/bin/chromium is missing, retrying (a fresh image may lack package lists, and its apt clean
# hook can remove them between calls). Prints the browser's path.
set -euo pipefail

log() { echo "chromium.sh: $*" >&2; }
as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"
  elif command -v sudo >/dev/null 2>&1; then sudo "$@"
  else log "error: '$*' needs root and sudo is missing; install chromium yourself"; exit 1
  fi
}

if [ ! -x /usr/bin/chromium ]; then
  command -v apt-get >/dev/null 2>&1 || { log "error: /usr/bin/chromium is missing and there is no apt-get"; exit 1; }
  log "installing chromium with apt-get"
  for attempt in 1 2 3; do
    if as_root apt-get update -qq >&2 \
      && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >&2; then
      break
    fi
    log "apt-get attempt $attempt failed; retrying"
    sleep 2
  done
  [ -x /usr/bin/chromium ] || { log "error: could not install chromium with apt-get after 3 attempts"; exit 1; }
fi
echo /usr/bin/chromium
