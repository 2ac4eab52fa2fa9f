#!/usr/bin/env bash
# Installs the pinned engines veriloop takes from PyPI into tools/ (a cache: a second run only
# checks). libyosys 0.70 comes from the pyosys wheel: libyosys.so, yosys-abc, the techmap
# library and the kernel headers veriloop-yosys is compiled against.
set -euo pipefail
cd "$(dirname "$0")/.."
PYOSYS_VERSION=0.70
dest="tools/pyosys-$PYOSYS_VERSION"
if [ ! -f "$dest/pyosys/libyosys.so" ]; then
    mkdir -p tools/wheels
    if ! ls tools/wheels/pyosys-"$PYOSYS_VERSION"-*.whl >/dev/null 2>&1; then
        python3 -m pip download --quiet --no-deps --only-binary=:all: \
            --dest tools/wheels "pyosys==$PYOSYS_VERSION"
    fi
    rm -rf "$dest.partial"
    unzip -q tools/wheels/pyosys-"$PYOSYS_VERSION"-*.whl 'pyosys/*' -d "$dest.partial"
    mv "$dest.partial" "$dest"
fi
echo "libyosys $PYOSYS_VERSION: $dest/pyosys"

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
