#!/usr/bin/env bash
# Shared by the ensure-*.sh scripts: installs Debian packages (as root, or through sudo) unless a file they
# provide already exists, then checks that it does. Never downloads anything but Debian's packages.
# Usage: apt_ensure TOOL-NAME PATH-THAT-MUST-EXIST PACKAGE...
apt_ensure() {
  local name=$1 path=$2
  shift 2
  if [ ! -e "$path" ]; then
    local sudo=()
    if [ "$(id -u)" -ne 0 ]; then
      if command -v sudo >/dev/null 2>&1; then
        sudo=(sudo)
      else
        echo "$name: $path is missing and this user is not root (and sudo is not available)" >&2
        return 1
      fi
    fi
    echo "$name: installing Debian's $*" >&2
    # ${sudo[@]+...}: an empty array is "unbound" under `set -u` in bash before 4.4.
    ${sudo[@]+"${sudo[@]}"} apt-get update
    ${sudo[@]+"${sudo[@]}"} env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "$@"
  fi
  if [ ! -e "$path" ]; then
    echo "$name: $path is still missing after installing $*" >&2
    return 1
  fi
}
