#!/usr/bin/env bash
# Builds the libFuzzer targets of bench/fuzz in /tmp/fuzz-build and runs each for SECONDS.
#
#   bench/fuzz/run.sh [SECONDS] [TARGET...]      (default: 60 seconds, every target)
#
# Each target starts from a copy of tests/fuzz/corpus/<target>/ plus, for the SV parser and
# the pragma scanner, the bundled designs' sources (the repository is never written). Prints one line per target: target, runs, seconds, result. Exits 1 when any target
# crashed, hung, leaked or ran out of memory; the input that did it and the log are kept under
# $FUZZ_OUT (default /tmp/fuzz-out). Everything runs under `nice -n 19`, one process at a time.
# Environment: FUZZ_BUILD (build folder), FUZZ_OUT, CC/CXX (default clang-14/clang++-14).
set -euo pipefail

seconds=${1:-60}
shift || true
repo=$(cd "$(dirname "$0")/../.." && pwd)
build=${FUZZ_BUILD:-/tmp/fuzz-build}
out=${FUZZ_OUT:-/tmp/fuzz-out}
all_targets=(fuzz_sv_parser fuzz_design_toml fuzz_llm_patch fuzz_hls_pragmas)
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=("${all_targets[@]}")

if ! [[ $seconds =~ ^[0-9]+$ ]] || [ "$seconds" -eq 0 ]; then
    echo "usage: $0 [SECONDS] [TARGET...]" >&2
    exit 2
fi

CC=${CC:-clang-14} CXX=${CXX:-clang++-14} nice -n 19 \
    cmake -S "$repo/bench/fuzz" -B "$build" >&2
nice -n 19 cmake --build "$build" -j1 --target "${targets[@]}" >&2

# The last count libFuzzer reported: the final stats when it finished, else the last status line.
runs_of() {
    local log=$1 n
    n=$(sed -n 's/^stat::number_of_executed_units: *\([0-9]*\).*/\1/p' "$log" | tail -1)
    [ -n "$n" ] || n=$(sed -n 's/^#\([0-9][0-9]*\).*/\1/p' "$log" | tail -1)
    echo "${n:-0}"
}

result_of() {
    local log=$1 rc=$2
    if grep -q 'ERROR: libFuzzer: timeout' "$log"; then echo hang
    elif grep -q 'ERROR: libFuzzer: out-of-memory\|ERROR: libFuzzer: malloc' "$log"; then echo oom
    elif grep -q 'ERROR: LeakSanitizer' "$log"; then echo leak
    elif [ "$rc" -ne 0 ]; then echo crash
    else echo ok
    fi
}

failed=0
printf '%-18s %12s %8s  %s\n' target runs seconds result
for t in "${targets[@]}"; do
    work=$out/$t
    rm -rf "$work"
    mkdir -p "$work/corpus" "$work/artifacts" "$work/tmp"
    [ -d "$repo/tests/fuzz/corpus/$t" ] && cp -r "$repo/tests/fuzz/corpus/$t/." "$work/corpus/"
    case $t in
        fuzz_sv_parser) cp "$repo"/corpora/rtl/*/rtl/*.sv "$work/corpus/" ;;
        fuzz_hls_pragmas) cp "$repo"/corpora/hls/*/src/*.cpp "$work/corpus/" ;;
    esac
    dict=()
    [ -f "$repo/bench/fuzz/$t.dict" ] && dict=("-dict=$repo/bench/fuzz/$t.dict")
    start=$(date +%s)
    rc=0
    TMPDIR=$work/tmp nice -n 19 "$build/$t" -max_total_time="$seconds" -timeout=10 \
        -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$work/artifacts/" \
        "${dict[@]}" "$work/corpus" </dev/null >"$work/log" 2>&1 || rc=$?
    elapsed=$(( $(date +%s) - start ))
    result=$(result_of "$work/log" "$rc")
    if [ "$result" != ok ]; then
        failed=1
        artifact=$(ls "$work/artifacts" | head -1)
        result="$result: $work/artifacts/$artifact (log: $work/log)"
    fi
    rm -rf "$work/tmp"
    printf '%-18s %12s %8s  %s\n' "$t" "$(runs_of "$work/log")" "$elapsed" "$result"
done
exit $failed
