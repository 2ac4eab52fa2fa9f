#!/usr/bin/env bash
# Mutation planning against file size: generates one-module RTL files of growing size (a chain
# of registered adders, the shape of a generated netlist) and times `veriloop mutate` on each.
# Prints seconds per MB for each size and the ratio to the smallest: near 1 means linear.
# Usage: bench/plan_scale.sh [MB ...]   (default: 0.5 1 2 5)
set -euo pipefail
cd "$(dirname "$0")/.."
bin=build/veriloop
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
sizes=("$@")
[ ${#sizes[@]} -eq 0 ] && sizes=(0.5 1 2 5)
for mb in "${sizes[@]}"; do
    dir="$work/scale_$mb"
    mkdir -p "$dir/rtl"
    python3 - "$mb" "$dir" <<'PY'
import sys
mb, d = float(sys.argv[1]), sys.argv[2]
regs = int(mb * 1e6 / 86)
out = ["module scale(input logic clk, input logic [31:0] a, b, output logic [31:0] y);"]
out += [f"  logic [31:0] r{i};" for i in range(regs)]
for i in range(regs):
    src = "a" if i == 0 else f"r{i-1}"
    out.append(f"  always_ff @(posedge clk) r{i} <= ({src} + b) ^ (a & 32'd{(i * 7919) % 1000});")
out += [f"  assign y = r{regs-1};", "endmodule", ""]
open(f"{d}/rtl/scale.sv", "w").write("\n".join(out))
open(f"{d}/design.toml", "w").write('[design]\nname = "scale"\ntop = "scale"\nsources = ["rtl/scale.sv"]\n')
PY
    start=$(date +%s.%N)
    summary=$("$bin" mutate "$dir" | tail -1)
    python3 - "$start" "$(date +%s.%N)" "$(stat -c %s "$dir/rtl/scale.sv")" "$summary" "$work/base" <<'PY'
import os, sys
secs = float(sys.argv[2]) - float(sys.argv[1])
mb = int(sys.argv[3]) / 1e6
per = secs / mb
base_file = sys.argv[5]
if not os.path.exists(base_file):
    open(base_file, "w").write(str(per))
base = float(open(base_file).read())
print(f"{mb:6.2f} MB  {secs:8.2f} s  {per:7.3f} s/MB  ratio {per / base:5.2f}  ({sys.argv[4]})")
PY
done
