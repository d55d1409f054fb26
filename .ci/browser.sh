#!/usr/bin/env bash
# Install Debian's Chromium for the browser tests if it is not there yet (idempotent; no browser download
# by Playwright: the tests point Playwright at this binary). Needs root, as CI and the dev machines have.
set -euo pipefail
if command -v chromium >/dev/null 2>&1; then
    echo "browser.sh: $(chromium --version 2>/dev/null || echo chromium) already installed"
    exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
    echo "browser.sh: chromium is missing and installing it needs root (apt-get install chromium)" >&2
    exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -q
apt-get install -y -q --no-install-recommends chromium fonts-dejavu-core
echo "browser.sh: installed $(chromium --version)"
