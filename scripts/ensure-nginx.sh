#!/usr/bin/env bash
# Makes sure Debian's nginx is installed for the tests and benchmarks that serve static files through a real
# web server (test/support/nginx.ts). Idempotent: when /usr/sbin/nginx exists it installs nothing and only
# prints the version. CI runs it before `npm run check` (see .ci/run); never downloads nginx from elsewhere.
# We only ever run nginx as the current user with our own config, so the system service the package may
# start on port 80 is stopped and disabled right after installing it (best effort).
set -euo pipefail
# shellcheck source=lib-apt.sh
source "$(dirname "$0")/lib-apt.sh"

NGINX=/usr/sbin/nginx

if [ ! -e "$NGINX" ]; then
  apt_ensure ensure-nginx "$NGINX" nginx

  sudo=()
  if [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1; then sudo=(sudo); fi
  # ${sudo[@]+...}: an empty array is "unbound" under `set -u` in bash before 4.4.
  # Stop it and disable it for both init systems; systemctl disables offline too when systemd is not running.
  if [ -d /run/systemd/system ]; then ${sudo[@]+"${sudo[@]}"} systemctl stop nginx >/dev/null 2>&1 || true; fi
  ${sudo[@]+"${sudo[@]}"} systemctl disable nginx >/dev/null 2>&1 || true
  ${sudo[@]+"${sudo[@]}"} service nginx stop >/dev/null 2>&1 || true
  ${sudo[@]+"${sudo[@]}"} update-rc.d nginx disable >/dev/null 2>&1 || true
  # Whatever the init system did, a master started from the default config must not stay up.
  ${sudo[@]+"${sudo[@]}"} "$NGINX" -s quit >/dev/null 2>&1 || true
fi

# nginx prints its version on stderr.
"$NGINX" -v 2>&1
