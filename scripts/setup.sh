#!/usr/bin/env bash
# Installs what fazhi needs to build, test and run its demo, and nothing twice: Debian
# packages that are missing, then the web UI's npm packages from the committed lockfile.
# Safe to run again and again (make demo and make test both call it).
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(
  cmake ninja-build pkg-config g++ make ccache
  libboost1.81-dev nlohmann-json3-dev libsqlite3-dev sqlite3 libpq-dev postgresql-15
  libssl-dev libsodium-dev libzip-dev libexpat1-dev libpugixml-dev libxlsxwriter-dev
  libpoppler-cpp-dev poppler-utils libicu-dev libopencc-dev opencc libre2-dev
  libspdlog-dev libfmt-dev libcli11-dev libgtest-dev libgmock-dev libbenchmark-dev
  clang-16 libclang-rt-16-dev clang-format zlib1g-dev libbrotli-dev brotli
  chromium fonts-noto-cjk fonts-arphic-ukai wrk hyperfine nginx-light
  libreoffice-writer-nogui xlsx2csv python3-openpyxl unzip
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  sudo_cmd=()
  [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  export DEBIAN_FRONTEND=noninteractive
  "${sudo_cmd[@]}" apt-get update -qq
  "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# Node.js: the machine may ship its own node and npm; Debian's conflict with it.
if ! command -v npm >/dev/null 2>&1; then
  sudo_cmd=()
  [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get install -y -qq nodejs npm
fi

if [ -f web/package-lock.json ]; then
  stamp=web/node_modules/.fazhi-lock
  if [ ! -f "$stamp" ] || ! cmp -s web/package-lock.json "$stamp"; then
    echo "setup: npm ci in web/"
    (cd web && npm ci --no-audit --no-fund --loglevel=error)
    cp web/package-lock.json "$stamp"
  fi
fi
