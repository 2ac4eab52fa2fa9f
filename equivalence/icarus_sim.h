#pragma once
// Icarus Verilog (`iverilog -g2012`, an event-driven simulator that follows the LRM's
// scheduling) next to Verilator: the design's SV testbench and a generated random differential
// testbench. Used where a label must not rest on one simulator's scheduling (blocking /
// non-blocking mutants) and by `dataset audit`'s cross-simulation.

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <tl/expected.hpp>

#include "core/design.h"
#include "core/diagnostic.h"
#include "core/source.h"
#include "equivalence/sandbox.h"
#include "equivalence/verilator_sim.h"

namespace veriloop {

/// Whether `iverilog` and `vvp` are on PATH.
bool icarusAvailable();

/// A compiled Icarus simulation (`vvp` image) of one version of the design.
struct IcarusBuild {
    SimKind kind = SimKind::Testbench;
    std::filesystem::path image;
};

/// Compiles `files` with the design's SV testbench (Testbench) or with the generated random
/// differential testbench (Differential). A C++ harness testbench is unsupported (error).
tl::expected<IcarusBuild, Diagnostic> buildIcarus(const Design& design,
                                                  const std::vector<SourceFile>& files,
                                                  SimKind kind, const std::vector<PortInfo>& ports,
                                                  const std::filesystem::path& buildDir);

/// Runs the testbench image and judges it by the design's pass criteria (evidence like
/// Verilator's, with "simulator": "icarus").
SimRun runIcarusTestbench(const Design& design, const IcarusBuild& build, const Sandbox& sandbox,
                          double timeoutSeconds);

/// One run of the differential image: its per-cycle output dump (one line a cycle), or how it
/// failed. `harnessError`: the testbench could not write its dump (never a verdict).
struct IcarusDiffRun {
    std::optional<std::string> dump;
    bool harnessError = false;
    std::string failure;
};

IcarusDiffRun runIcarusDifferential(const IcarusBuild& build, const Sandbox& sandbox,
                                    const RandomStimulus& stimulus, double timeoutSeconds);

/// The first cycle where two dumps differ, as JSON evidence text; empty when they agree.
/// A difference where either side holds x/z is marked "four_state": true.
std::string firstDumpDifference(const std::string& reference, const std::string& actual);

/// The SV source of the Icarus differential testbench for a top module with these ports.
std::string icarusDifferentialSource(const Design& design, const std::vector<PortInfo>& ports);

}  // namespace veriloop
