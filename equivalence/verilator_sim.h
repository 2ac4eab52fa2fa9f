#pragma once
// Verilator simulation of a mutant schema: one build, then one short run per mutant.

#include <filesystem>
#include <string>
#include <vector>

#include <tl/expected.hpp>

#include "core/design.h"
#include "core/diagnostic.h"
#include "core/source.h"
#include "equivalence/sandbox.h"
#include "equivalence/schema.h"
#include "equivalence/yosys_formal.h"

namespace veriloop {

struct PortInfo {
    std::string name;
    int width = 1;
    std::string dir;  // input, output, inout
};

enum class SimKind {
    Testbench,     // the design's own self-checking testbench
    Differential,  // generated harness: seeded random inputs, every output compared per cycle
};

struct SimBuild {
    SimKind kind = SimKind::Testbench;
    std::filesystem::path exe;
    std::filesystem::path dir;
    double seconds = 0;
};

struct SimBuildOptions {
    int jobs = 1;                         // make -j
    std::filesystem::path runtimeCache;   // where Verilator's runtime objects are kept
    /// Line coverage (`--coverage-line`): each run given `+vl_cov=FILE` writes Verilator's
    /// coverage.dat there, also when the testbench stops with $fatal/$stop or a mismatch.
    bool coverage = false;
    /// `--assert`: immediate and concurrent assertions are checked; a violation fails the run.
    bool assertions = false;
    /// `--trace`: a differential build writes a VCD of every port to +vl_vcd=FILE.
    bool trace = false;
};

/// Builds `files` (the schema, or any version of the design sources) with the testbench or the
/// differential harness into `buildDir`. A failed build returns BuildFailed with the first
/// compiler error; Verilator's whole output is then kept in `buildDir`/verilator.log.
tl::expected<SimBuild, Diagnostic> buildSimulation(const Design& design,
                                                   const std::vector<SourceFile>& files,
                                                   SimKind kind,
                                                   const std::vector<PortInfo>& ports,
                                                   const std::filesystem::path& buildDir,
                                                   const SimBuildOptions& options);

/// The outcome of one run of a simulation binary for one selector value.
struct SimRun {
    bool passed = false;
    bool timedOut = false;
    bool harnessError = false;  // the harness could not read its reference or write its dump
    std::string evidence;  // JSON object text; empty when passed
    std::string output;    // the run's stdout (bounded by the sandbox's capture limit)
    double seconds = 0;
};

/// Where the errors of a failed build point (Verilator's `%Error` lines and their "...
/// Location" lines; warnings are skipped), for files under `srcRoot` (`buildDir`/src), with
/// paths relative to it. Read from the build's verilator.log.
std::vector<ErrorLocation> verilatorErrorLocations(const std::filesystem::path& buildDir);

/// Seeded random stimulus for a differential harness; `resetEvery` > 0 re-asserts reset for
/// the declared cycles at every multiple of it.
struct RandomStimulus {
    uint64_t seed = 1;
    int cycles = 1000;
    int resetEvery = 0;
};

/// The plusargs that give a differential harness (Verilator's or Icarus') this stimulus.
std::vector<std::string> stimulusArgs(const RandomStimulus& s);

/// A counterexample as the Verilator harness reads it with `+vl_trace=FILE`: one line a
/// cycle of `port=hex` pairs.
std::string harnessTraceText(const std::vector<TraceStep>& trace);

struct SimRunOptions {
    int selector = 0;
    double timeoutSeconds = 10;
    long memoryMiB = 2048;
    std::vector<std::string> extraArgs;  // e.g. +vl_ref=..., +vl_trace=...
};

/// Runs the testbench build for one mutant and judges it by the design's pass criteria.
SimRun runTestbench(const Design& design, const SimBuild& build, const Sandbox& sandbox,
                    const SimRunOptions& options);

/// Runs the differential build; with `+vl_ref=FILE` it stops at the first output that differs.
SimRun runDifferential(const SimBuild& build, const Sandbox& sandbox, const SimRunOptions& options);

/// The C++ source of the differential harness for a top module with these ports.
std::string differentialHarnessSource(const Design& design, const std::vector<PortInfo>& ports);

}  // namespace veriloop
