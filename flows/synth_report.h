#pragma once
// `veriloop synth-report`: Yosys `synth_xilinx` resource counts and logic depth for a design.

#include <map>
#include <string>

#include <tl/expected.hpp>

#include "core/design.h"
#include "core/diagnostic.h"

namespace veriloop {

struct SynthReport {
    std::string design;
    int luts = 0;     // LUT1..LUT6
    int ffs = 0;      // FDRE/FDSE/FDCE/FDPE
    int dsps = 0;     // DSP48E1
    int brams = 0;    // RAMB18E1 + RAMB36E1 (a RAMB36 counts as one)
    int carry = 0;    // CARRY4
    int lutrams = 0;  // RAM32M/RAM64M/RAM*X1*
    int logicDepth = 0;  // longest topological path, in cells, through combinational logic
    std::map<std::string, int> cells;  // every cell type and its count
};

/// Synthesizes the design for Xilinx 7-series with Yosys (in the sandbox) and reads the counts.
tl::expected<SynthReport, Diagnostic> synthReport(const Design& design,
                                                  const std::filesystem::path& workDir);

/// Parses Yosys `stat` text and `ltp` text (exposed for tests).
SynthReport parseSynthOutput(const std::string& stat, const std::string& ltp);

}  // namespace veriloop
