#!/usr/bin/env bash
# Makes sure the libsodium headers are installed, so `npm ci` (its prepare step) can build the native OPRF
# addon in native/sodium-oprf. Idempotent: when sodium.h exists it installs nothing and only prints the
# version. CI runs it before `npm ci` (see .ci/run). Without it the OPRF still works, on libsodium WASM.
set -euo pipefail
# shellcheck source=lib-apt.sh
source "$(dirname "$0")/lib-apt.sh"

apt_ensure ensure-libsodium /usr/include/sodium.h libsodium-dev

version=$(sed -n 's/^#define SODIUM_VERSION_STRING "\(.*\)"$/\1/p' /usr/include/sodium/version.h 2>/dev/null || true)
echo "libsodium-dev ${version:-(unknown version)}"
