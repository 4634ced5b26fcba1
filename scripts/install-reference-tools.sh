#!/usr/bin/env bash
# Installs the Debian packages the differential tests compare against. Needs root (CI runs as
# root); elsewhere it says what is missing and leaves the tests to report it.
set -euo pipefail
pkgs=(auditd libaudit-dev libauparse-dev python3-audit tshark strace gcc make)
missing=()
for p in "${pkgs[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
if [ ${#missing[@]} -eq 0 ]; then exit 0; fi
if [ "$(id -u)" != 0 ]; then
  echo "install-reference-tools: not root; missing: ${missing[*]}" >&2
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
# tshark asks whether non-root users may capture; answer no without a prompt.
echo "wireshark-common wireshark-common/install-setuid boolean false" | debconf-set-selections
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
