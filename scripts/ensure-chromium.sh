#!/usr/bin/env bash
# Makes sure Debian's Chromium (and a font with wide glyph coverage) is installed for the end-to-end
# tests. Idempotent: when /usr/bin/chromium exists it installs nothing and only prints the version.
# CI runs it before `npm run check` (see .ci/run); never downloads a browser build from elsewhere.
set -euo pipefail
# shellcheck source=lib-apt.sh
source "$(dirname "$0")/lib-apt.sh"

apt_ensure ensure-chromium /usr/bin/chromium chromium fonts-dejavu-core

# The Debian launcher script prints harmless shell warnings on some machines; keep only the version line.
/usr/bin/chromium --version 2>/dev/null
