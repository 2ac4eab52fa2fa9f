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

/// Seeded random stimulus for the differential testbench; `resetEvery` > 0 re-asserts reset
/// for the declared cycles at every multiple of it.
struct RandomStimulus {
    uint64_t seed = 1;
    int cycles = 1000;
    int resetEvery = 0;
};

/// Runs the differential image and returns its per-cycle output dump (one line a cycle), or
/// nothing when the run failed (timeout, crash); `failure` then says how.
std::optional<std::string> runIcarusDifferential(const IcarusBuild& build, const Sandbox& sandbox,
                                                 const RandomStimulus& stimulus,
                                                 double timeoutSeconds, std::string* failure);

/// The first cycle where two dumps differ, as JSON evidence text; empty when they agree.
/// A difference where either side holds x/z is marked "four_state": true.
std::string firstDumpDifference(const std::string& reference, const std::string& actual,
                                const std::vector<PortInfo>& ports);

/// The SV source of the Icarus differential testbench for a top module with these ports.
std::string icarusDifferentialSource(const Design& design, const std::vector<PortInfo>& ports);

}  // namespace veriloop
