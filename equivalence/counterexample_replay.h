#pragma once
// A formal counterexample replayed in Verilator: the original and the changed version, each
// built plainly with the differential harness, are driven by the counterexample's inputs and
// the changed version's first output mismatch is the evidence. Used wherever a proof fails
// (the CI gate's `equivalence` check, `veriloop optimize`), so a rejection is always shown by
// a simulator, not only by the solver.

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/design.h"
#include "core/source.h"
#include "equivalence/verilator_sim.h"
#include "equivalence/yosys_formal.h"

namespace veriloop {

/// Replays counterexamples of changed versions against one original, built once (on first use).
class CounterexampleReplayer {
public:
    /// `goldDesign` gives the original's build settings; `work` holds the builds and traces.
    CounterexampleReplayer(const Design& goldDesign, std::vector<SourceFile> gold, std::vector<PortInfo> ports,
                           std::filesystem::path work, int jobs);

    /// Replays `trace` on the original and on `gate` (built with `gateDesign`'s settings, in a
    /// folder named `name`); returns the gate's first mismatch (the differential harness'
    /// evidence JSON), or empty when the trace is empty, a build fails or the outputs agree.
    std::string replay(const Design& gateDesign, const std::vector<SourceFile>& gate,
                       const std::vector<TraceStep>& trace, const std::string& name);

private:
    const Design& goldDesign_;
    std::vector<SourceFile> gold_;
    std::vector<PortInfo> ports_;
    std::filesystem::path work_;
    int jobs_;
    bool goldTried_ = false;
    std::optional<SimBuild> goldBuild_;
};

/// The counterexample's inputs, cycle by cycle ("cycle 0: a=0x1 b=0x0; cycle 1: ..."), the
/// clock (which the harness drives) left out, at most `maxSteps` cycles.
std::string counterexampleInputsText(const std::vector<TraceStep>& trace, const std::string& clock,
                                     size_t maxSteps = 8);

}  // namespace veriloop
