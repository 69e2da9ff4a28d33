#!/usr/bin/env bash
# Installs every Debian package Hydrascope needs to build, test, benchmark and demo.
# Idempotent: asks dpkg first, runs apt-get only for what is missing.
# Works as root and through sudo. Debian 12 (bookworm) and Ubuntu 22.04+.
set -euo pipefail

packages=(
  # build
  cmake ninja-build g++ pkg-config
  qt6-base-dev qt6-base-dev-tools qt6-charts-dev qt6-svg-dev qt6-tools-dev qt6-tools-dev-tools
  qt6-l10n-tools libqcustomplot-dev libqt6opengl6-dev libgl-dev libxkbcommon-dev libsqlite3-dev libssl-dev
  # run time: SVG plugins, platform plugins
  libqt6svg6 qt6-qpa-plugins fonts-dejavu-core
  # script coverage: CJK, Arabic and Hebrew glyphs for the dashboard and the PDF report
  fonts-noto-core fonts-noto-cjk
  # gateway log import: JSON, compressed inputs, hashing, LiteLLM's PostgreSQL
  libsimdjson-dev zlib1g-dev libzstd-dev libxxhash-dev libpq-dev libcpptoml-dev
  # the network view's layouts
  libigraph-dev libgraphviz-dev
  # fuzzing (make fuzz: libFuzzer with ASan and UBSan) and the PostgreSQL tests' own server
  clang libfuzzer-14-dev postgresql
  # tests, benchmarks and the demo without a display
  sqlite3 xvfb xauth poppler-utils imagemagick time
  # packaging checks (tests/tst_package.sh; binutils for readelf)
  desktop-file-utils appstream dpkg-dev fakeroot groff-base lintian binutils
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages present"
  exit 0
fi

echo "install-deps: installing ${missing[*]}"
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
    echo "install-deps: need root or sudo to install: ${missing[*]}" >&2; exit 1
  fi
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -q
$sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
