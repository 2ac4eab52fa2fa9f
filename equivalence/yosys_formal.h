#pragma once
// Yosys formal check of one mutant against the original, for mutants simulation did not kill.

#include <filesystem>
#include <string>
#include <vector>

#include "core/design.h"
#include "core/source.h"
#include "equivalence/sandbox.h"

namespace veriloop {

enum class FormalStatus { Equivalent, NonEquivalent, Unknown, Error };

struct FormalOptions {
    int bound = 20;             // BMC / induction depth for sequential designs
    double timeoutSeconds = 60; // per check
};

/// One input assignment per step, as the counterexample gives it.
struct TraceStep {
    std::vector<std::pair<std::string, std::string>> inputs;  // port name, hex value
};

struct FormalResult {
    FormalStatus status = FormalStatus::Error;
    std::string engine;   // sat-comb, sat-tempinduct, equiv-induct
    int bound = 0;        // steps reached (0 for a complete combinational proof)
    std::vector<TraceStep> trace;  // counterexample inputs, step 1 first
    std::filesystem::path vcd;     // counterexample waveform
    std::string message;           // Error: what went wrong
    bool collapsed = false;        // the miter optimized to a constant
};

/// Compares `gold` with `gate` (same file list, mutated). `workDir` is private to this check.
FormalResult checkEquivalence(const Design& design, const std::vector<SourceFile>& gold,
                              const std::vector<SourceFile>& gate,
                              const std::filesystem::path& workDir, const FormalOptions& options);

/// Parses the counterexample table `sat -show-inputs` printed after a failed proof.
std::vector<TraceStep> parseSatTrace(const std::string& log);

}  // namespace veriloop
