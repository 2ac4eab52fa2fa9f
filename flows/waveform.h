#pragma once
// `veriloop dataset waveform`: the waveforms of one labeled RTL mutant next to its original.
// Both are built alone with Verilator tracing and the differential harness, driven by the
// mutant's own counterexample when formal found one, else by the design's seeded random
// stimulus (the one labeling ran first), and written as VCD files GTKWave or Surfer open.

#include <filesystem>
#include <string>

#include <tl/expected.hpp>

#include "core/diagnostic.h"
#include "dataset/database.h"

namespace veriloop {

struct WaveformResult {
    std::filesystem::path original, mutant;  // VCD files
    std::string stimulus;                    // what drove both
    std::string mismatch;                    // the first differing output, or empty
};

tl::expected<WaveformResult, Diagnostic> writeMutantWaveforms(Database& db, const std::string& mutantId,
                                                               const std::filesystem::path& outDir, int jobs);

}  // namespace veriloop
