#!/usr/bin/env bash
# Installs the system packages the tests need that npm cannot bring: Debian's Chromium for the
# dashboard tab's browser tests. Safe to run again; does nothing when Chromium is present.
set -euo pipefail
if command -v chromium >/dev/null 2>&1; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ] && ! command -v sudo >/dev/null 2>&1; then
  echo "Chromium is missing and this user cannot install it: run 'apt-get install chromium' as root." >&2
  exit 1
fi
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null
