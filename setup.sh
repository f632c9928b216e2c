#!/usr/bin/env bash
# One entry point for a fresh Debian 12 machine:
#   bash setup.sh demo   install what is missing, build, run the example round end to end
#   bash setup.sh test   install what is missing (test tools too), build, run every test
#   bash setup.sh build  install what is missing and build only
# Packages are installed with apt-get only when missing; the build goes to ./build
# (override with BUILD_DIR=..., BUILD_TYPE=Debug|Release).
set -euo pipefail
cd "$(dirname "$0")"
mode=${1:-demo}
BUILD_DIR=${BUILD_DIR:-build}
BUILD_TYPE=${BUILD_TYPE:-Release}

build_pkgs=(g++ cmake make pkg-config libcli11-dev libsqlitecpp-dev libsqlite3-dev libfmt-dev libtomlplusplus-dev
            doctest-dev nlohmann-json3-dev libssl-dev libxlsxwriter-dev
            libzip-dev libexpat1-dev liblemon-dev libicu-dev)
test_pkgs=(python3 python3-openpyxl python3-jsonschema sqlite3 chromium poppler-utils man-db)

install_missing() {
  local missing=()
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "setup: installing ${missing[*]}" >&2
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq || true
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
}

build() {
  cmake -S . -B "$BUILD_DIR" -DCMAKE_BUILD_TYPE="$BUILD_TYPE" ${CMAKE_FLAGS:-} >/dev/null
  cmake --build "$BUILD_DIR" -j"$(nproc)" >&2
}

case "$mode" in
  build)
    install_missing "${build_pkgs[@]}"
    build ;;
  demo)
    install_missing "${build_pkgs[@]}"
    build
    exec bash examples/kharkiv-esm/run.sh "$BUILD_DIR/competition" ;;
  test)
    install_missing "${build_pkgs[@]}" "${test_pkgs[@]}"
    build
    cd "$BUILD_DIR" && ctest -j2 --output-on-failure ${CTEST_FLAGS:-} ;;
  *)
    echo "usage: bash setup.sh demo|test|build" >&2
    exit 2 ;;
esac
