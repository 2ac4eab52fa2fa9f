#!/usr/bin/env bash
# Installs veriloop's Debian 12 dependencies and builds build/veriloop.
set -euo pipefail
cd "$(dirname "$0")/.."
if command -v apt-get >/dev/null 2>&1; then
    SUDO=""
    [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends \
        build-essential cmake make g++ pkg-config python3 \
        git curl perl chromium iverilog bubblewrap z3 sqlite3 python3-pip python3-venv unzip libpython3.11-dev \
        libsqlite3-dev libgtest-dev libcurl4-openssl-dev nlohmann-json3-dev libcli11-dev \
        libtomlplusplus-dev libspdlog-dev libfmt-dev libexpected-dev \
        clang-14 llvm-14-dev libclang-14-dev libclang-cpp14-dev \
        libffi-dev libncurses-dev libxml2-dev libz3-dev zlib1g-dev >/dev/null
fi
scripts/install_tools.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j"$(nproc)"
