#!/usr/bin/env bash
# Makes sure Debian's poppler-utils (pdftoppm, pdftotext) is installed: the tests turn the PDFs breachdesk
# produces into images and text to check that they render (test/support/pdf.ts). Idempotent: when pdftoppm
# exists it installs nothing and only prints the version. CI runs it before `npm run check` (see .ci/run).
set -euo pipefail
# shellcheck source=lib-apt.sh
source "$(dirname "$0")/lib-apt.sh"

PDFTOPPM=/usr/bin/pdftoppm

if [ ! -e "$PDFTOPPM" ]; then
  apt_ensure ensure-poppler "$PDFTOPPM" poppler-utils
fi

# pdftoppm prints its version on stderr, over several lines. Read it whole before keeping the first line:
# piping it into `head -n 1` can kill pdftoppm with SIGPIPE, which `set -o pipefail` turns into exit 141.
version=$("$PDFTOPPM" -v 2>&1 || true)
echo "${version%%$'\n'*}"
