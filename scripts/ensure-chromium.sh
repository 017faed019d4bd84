#!/usr/bin/env bash
# Makes sure Debian's Chromium (and a font with wide glyph coverage) is installed for the end-to-end
# tests. Idempotent: when /usr/bin/chromium exists it installs nothing and only prints the version.
# CI runs it before `npm run check` (see .ci/run); never downloads a browser build from elsewhere.
set -euo pipefail

CHROMIUM_BIN=/usr/bin/chromium

if [ ! -x "$CHROMIUM_BIN" ]; then
  SUDO=()
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then
      SUDO=(sudo)
    else
      echo "ensure-chromium: $CHROMIUM_BIN is missing and this user is not root (and sudo is not available)" >&2
      exit 1
    fi
  fi
  echo "ensure-chromium: installing Debian's chromium and fonts-dejavu-core" >&2
  # ${SUDO[@]+...}: an empty array is "unbound" under `set -u` in bash before 4.4.
  ${SUDO[@]+"${SUDO[@]}"} apt-get update
  ${SUDO[@]+"${SUDO[@]}"} env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium fonts-dejavu-core
fi

if [ ! -x "$CHROMIUM_BIN" ]; then
  echo "ensure-chromium: $CHROMIUM_BIN is still missing after installing chromium" >&2
  exit 1
fi

# The Debian launcher script prints harmless shell warnings on some machines; keep only the version line.
"$CHROMIUM_BIN" --version 2>/dev/null
