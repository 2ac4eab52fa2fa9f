#pragma once
// `veriloop synth-report` and the area side of `veriloop optimize`: Yosys resource counts and
// logic depth for a design, for Xilinx 7-series (`synth_xilinx`) or a generic gate library
// (`synth`: Yosys' internal gates).

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
    int totalCells = 0;  // every cell (the area of the generic target)
    std::map<std::string, int> cells;  // every cell type and its count

    /// One number to compare two versions of a design: Xilinx: LUTs + FFs + CARRY4 + LUTRAMs,
    /// a DSP48 as 32 and a block RAM as 64 of them; generic: the cell count.
    int area(bool xilinx) const
    {
        return xilinx ? luts + ffs + carry + lutrams + 32 * dsps + 64 * brams : totalCells;
    }
};

enum class SynthTarget { Xilinx, Generic };

/// Synthesizes the design for Xilinx 7-series with Yosys (in the sandbox) and reads the counts.
tl::expected<SynthReport, Diagnostic> synthReport(const Design& design,
                                                  const std::filesystem::path& workDir);

/// The same for `sources` (the design's files, changed) and either target; the files are
/// written under `workDir`, includes still resolve from the design folder.
tl::expected<SynthReport, Diagnostic> synthReport(const Design& design, const std::vector<SourceFile>& sources,
                                                  const std::filesystem::path& workDir, SynthTarget target);

/// Parses Yosys `stat` text and `ltp` text (exposed for tests).
SynthReport parseSynthOutput(const std::string& stat, const std::string& ltp);

}  // namespace veriloop
