#pragma once
// What the debug loop (debug_loop.cpp) needs from a language: run the failing design's checks
// with line coverage (evidence + fault localization), check candidate fixes in the sandbox,
// and decide whether a passing fix that differs from the golden is `correct`. RTL
// (debug_rtl.cpp: Verilator testbench + differential runs, Yosys equivalence) and HLS C++
// (debug_hls.cpp: C simulation in three flavors, gcov, a generated differential harness,
// the pragma rules) implement it; the loop itself is the same for both.

#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "flows/debug_loop.h"

namespace veriloop {

/// The result of checking one candidate. `outcome` is one of AttemptRecord's outcomes.
struct CandidateOutcome {
    std::string outcome = "not-run";
    std::string detail;
};

/// What every checker shares: the design, the options, a private scratch folder.
struct DebugEnv {
    const Design& design;
    const DebugOptions& options;
    std::filesystem::path work;  ///< absolute

    void log(const std::string& line) const
    {
        if (options.log) options.log(line);
    }

    /// `text` with the scratch and design folders written as <work> and <design>, so that
    /// transcripts do not depend on where they ran.
    std::string normalize(std::string text) const;
};

class DebugChecker {
public:
    virtual ~DebugChecker() = default;

    /// Runs the design's checks with coverage. Fills `r.evidence` and `r.localization`, or
    /// `r.error` (the design does not build, nothing fails, ...) and returns false.
    virtual bool prepare(DebugResult& r) = 0;

    /// Mutation sites of the design as it is (for the built-in repairer).
    virtual const std::vector<Site>& sites() const = 0;
    /// The HLS frontend's analysis of the design; null for RTL.
    virtual const HlsAnalysis* hlsAnalysis() const { return nullptr; }

    /// Re-parses a candidate (edits of `base`) before anything is built: why it does not
    /// parse where `base` does (one line), or empty. Checks nothing where the language has no
    /// parser cheap enough for every candidate (HLS C++: the compiler reports it).
    virtual std::string unparsable(const std::vector<SourceFile>&, const std::vector<SourceFile>&)
    {
        return {};
    }

    /// Checks `candidates` (edits of `base`) in proposer order, one outcome each. A candidate
    /// after the first that passed may be left `not-run`.
    virtual std::vector<CandidateOutcome> check(const std::vector<SourceFile>& base,
                                                const std::vector<const RepairCandidate*>& candidates,
                                                int iteration) = 0;

    /// A fix passed and differs from the golden: is it `correct`, and how was that decided.
    virtual std::pair<RepairVerdict, std::string> judge(const RepairCandidate& fix) = 0;
};

std::unique_ptr<DebugChecker> makeRtlChecker(const DebugEnv& env);
std::unique_ptr<DebugChecker> makeHlsChecker(const DebugEnv& env);

}  // namespace veriloop
