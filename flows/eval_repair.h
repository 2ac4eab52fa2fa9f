#pragma once
// `veriloop eval repair`: the debug loop over the confirmed bugs (killed / nonequivalent
// mutants) of one dataset split. The buggy design of a sample is the original sources stored in
// the dataset with the mutant's edits applied; the golden is the original. Splits come from
// assignSplits, exactly as `dataset export` makes them.
//
// Metrics (fractions in [0, 1]); a "round" is one call of the proposer (one LLM sample, or one
// window of ranked lines for the built-in repairer):
//   plausible@1  the first round yields a candidate that passes the checks (testbench and
//                random differential runs against the golden); the first such candidate in
//                the proposer's order is the one evaluated
//   correct@1    that candidate is correct (identical to the golden or proved equivalent)
//   plausible@k  a passing candidate within k rounds (k = the iteration budget)
//   correct@k    the first passing candidate within k rounds is correct
//   fl_top1/5    the mutated line (a suite bug: any of its changed lines) is the first /
//                among the first five ranked lines

#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>
#include <tl/expected.hpp>

#include "core/diagnostic.h"
#include "core/progress.h"
#include "flows/debug_loop.h"

namespace veriloop {

struct EvalRepairOptions {
    std::filesystem::path db;
    std::string split = "test";
    size_t limit = 0;                   ///< 0: every sample; else N evenly spread over the split
    DebugOptions debug;                 ///< budget (k = maxIterations), jobs, formal, ...
    std::filesystem::path workRoot;     ///< scratch; per-sample folders are removed after use
    std::function<std::unique_ptr<Proposer>()> makeProposer;
    std::function<void(const std::string&)> log;  ///< a line per sample (stderr)
    ProgressMode progress = ProgressMode::Quiet;   ///< status line on stderr (core/progress.h)
    /// JSON Lines, one sample's result a line, on disk as each sample ends (a long evaluation
    /// that is stopped keeps what it measured); empty: none.
    std::filesystem::path samplesFile;
};

struct EvalSampleResult {
    std::string id, design, bugClass, operatorId;
    std::string verdict;        ///< correct | plausible | failed | not-reproduced | error
    int iterations = 0;         ///< rounds used
    int fixRound = 0;           ///< round of the accepted fix; 0 when none
    int candidatesChecked = 0;
    int flRank = 0;             ///< 1-based rank of the (first) bug line; 0 when not ranked
    int hunks = 1;              ///< separate groups of changed lines (suite bugs)
    std::string fix;            ///< the accepted fix's description; empty when none
    double seconds = 0;
    std::string note;           ///< error text or how correctness was decided

    nlohmann::json toJson() const;
};

struct EvalRepairReport {
    std::string proposer, split;
    int k = 1;
    std::vector<EvalSampleResult> samples;

    nlohmann::json toJson() const;
    std::string table() const;
};

tl::expected<EvalRepairReport, Diagnostic> evalRepair(const EvalRepairOptions& options);

/// The same loop over the hand-written bugs of a repair suite (corpora/bugs/README.md), or
/// over one of them; the bug class of a sample is its kind.
tl::expected<EvalRepairReport, Diagnostic> evalRepairSuite(const EvalRepairOptions& options,
                                                           const std::filesystem::path& suite,
                                                           const std::string& onlyBug = "");

}  // namespace veriloop
