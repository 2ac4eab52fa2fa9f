#pragma once
// The built-in (offline) repairer: search over inverse mutations and repair templates at the
// lines fault localization ranks highest. Every mutation operator (group `all`) is run on the
// *buggy* design, restricted to sites on the ranked lines: each such mutant of the buggy design
// is a candidate fix (operator and constant replacement, condition negation, off-by-one bounds
// and indices, blocking/non-blocking swap, ...). Repair templates add what no operator undoes
// (`+` back to `*`, `/` back to `%`, `>>` back to `>>>`, a constant replaced by another
// constant of the same module, a variable read replaced by any variable of its type).
// HLS C++ designs get the hls-* operators and their own templates (flows/hls_repair_templates.h).
// Candidates carry schema choices, so a whole batch is checked in one build. Successive calls
// widen the window of ranked lines; a change whose text recurs at a few other sites of the
// module is also offered made at all of them. A candidate that passed the testbench but not
// the random differential runs is a partial fix: the next call combines it with one or two
// other offered candidates (multi-line bugs). The proposer is exhausted when every ranked
// line has been offered and no partial fix is left to combine.

#include <set>
#include <string>
#include <vector>

#include "llm_client/proposer.h"

namespace veriloop {

struct BuiltinProposerOptions {
    std::string operators = "all";
    /// Line windows of successive calls: lines [0, w0), [w0, w1), ... of the ranking, each
    /// extended over lines that tie with its last one.
    std::vector<size_t> lineWindows = {10, 25, 60, 100000};
    /// HLS C++: wider windows. A round costs a few g++ builds whatever its size, and gcov
    /// ranks whole loop bodies alike (every run that enters the loop executes all of it).
    std::vector<size_t> hlsLineWindows = {30, 80, 100000};
    uint64_t seed = 1;
};

class BuiltinProposer final : public Proposer {
public:
    explicit BuiltinProposer(BuiltinProposerOptions options = {});

    std::string name() const override { return "builtin"; }
    ProposalBatch propose(const RepairContext& context) override;

private:
    /// Candidates combining a partial fix (it passed the testbench, not the random
    /// differential runs) with one or two other offered candidates; empty when there is no
    /// partial fix not combined yet.
    std::vector<RepairCandidate> combinations(const RepairContext& context);

    static constexpr size_t kMaxTieExtension = 60;  // lines one window may grow by for ties
    BuiltinProposerOptions options_;
    size_t window_ = 0;  // next window index
    size_t next_ = 0;    // first ranked line not offered yet
    /// RTL: candidates built on their own (an event control, a declaration) cost a build
    /// each; a round takes at most this many, the rest wait for the next rounds.
    static constexpr size_t kMaxStandalonePerRound = 8;
    std::vector<RepairCandidate> deferred_;  // standalone candidates not offered yet, ranked
    std::vector<RepairCandidate> offered_;  // single-change candidates offered so far
    std::set<std::string> combined_;        // partial fixes already combined
};

/// The candidates at sites on `lines` (file path, line) of the design, in the order of `lines`.
/// `hls`: the HLS frontend's analysis of an HLS C++ design (hls-* operators and the HLS repair
/// templates apply); null for RTL.
std::vector<RepairCandidate> builtinCandidates(const std::vector<SourceFile>& sources,
                                               const std::vector<Site>& sites,
                                               const std::vector<std::pair<std::string, int>>& lines,
                                               const std::string& operators, uint64_t seed,
                                               const HlsAnalysis* hls = nullptr);

}  // namespace veriloop
