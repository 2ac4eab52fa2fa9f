#pragma once
// `veriloop optimize`: proof-gated optimization of an RTL design. A proposer (an LLM, or the
// built-in rewrites of flows/optimize_rewrites.h) offers changed versions of the design; each
// one is synthesized (Yosys: `synth_xilinx` LUT/FF/DSP/BRAM, or the generic gate library's
// cell count, and the longest path), and one that is smaller (or as small and shallower) is
// proved equivalent to the original with libyosys (the miter: complete for combinational
// logic, k-induction from the reset sequence for sequential logic; Yosys' equiv_induct with
// registers paired by name first). A proof is the only way in: a counterexample rejects the
// proposal (replayed in Verilator, the first differing output shown), an unknown result or a
// timeout rejects it with the reason. Kept proposals are applied greedily, round after round,
// each proved against the original, until no proposal both proves and improves; the result
// is one patch plus the table of every proposal.

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>
#include <tl/expected.hpp>

#include "core/design.h"
#include "core/diagnostic.h"
#include "core/site.h"
#include "flows/optimize_rewrites.h"
#include "llm_client/optimization_proposer.h"
#include "flows/synth_report.h"

namespace veriloop {

class BuiltinOptimizer final : public OptimizationProposer {
public:
    std::string name() const override { return "builtin"; }
    tl::expected<std::vector<OptimizeCandidate>, std::string> propose(const OptimizeContext& context,
                                                                      std::string& problem) override;
};

enum class ProposalOutcome {
    Kept,           ///< proved equivalent and smaller or shallower: applied
    NoGain,         ///< synthesized no smaller and no shallower: not proved
    NotEquivalent,  ///< a counterexample (replayed in Verilator)
    Unproved,       ///< no proof (unknown, timeout, unsupported): never kept
    Invalid,        ///< does not parse or does not synthesize
    Skipped,        ///< improves, but the round's proofs or the time budget ran out
};

std::string_view proposalOutcomeName(ProposalOutcome outcome);

struct OptimizeProposal {
    int round = 0;
    OptimizeCandidate candidate;
    ProposalOutcome outcome = ProposalOutcome::Invalid;
    SynthReport base;             ///< the version it was proposed on
    SynthReport synth;            ///< when it synthesized
    std::string proofEngine;      ///< sat-comb, sat-tempinduct, equiv-induct
    int proofBound = 0;           ///< induction depth; 0 for a complete combinational proof
    std::string proofMethod;      ///< one sentence a person reads
    std::string reason;           ///< why it was not kept
    nlohmann::json counterexample;  ///< the replayed mismatch (NotEquivalent), or null
    std::string diff;             ///< against the version it was proposed on
};

struct OptimizeReport {
    std::string design;
    std::string proposer;
    bool xilinx = true;
    SynthReport before, after;
    std::vector<OptimizeProposal> proposals;  ///< in the order they were decided
    std::vector<SourceFile> result;           ///< the optimized sources (the original: none kept)
    std::string patch;                        ///< unified diff, original → result
    std::string proofMethod;                  ///< how the result is proved equivalent ("" none kept)
    std::vector<std::string> problems;        ///< replies that gave no candidate, and why
    bool interrupted = false;

    int kept() const;
    nlohmann::json toJson() const;
    std::string toText() const;
};

struct OptimizeOptions {
    SynthTarget target = SynthTarget::Xilinx;
    std::filesystem::path workDir;
    int bound = 20;              ///< induction depth
    double proofSeconds = 60;    ///< per proof
    int maxRounds = 8;
    int maxProofsPerRound = 6;   ///< proofs tried per round, best gain first
    double maxSeconds = 0;       ///< wall clock for the whole run; 0: no limit
    int jobs = 2;                ///< synthesis runs at once
    std::function<void(const std::string&)> progress;  ///< one line per event; may be empty
};

class Database;

/// Stores each kept proposal of `report` as an `optimize` task record of `design` (the design
/// row created or refreshed): the file before and after, the diff, the proof method and the
/// synthesis numbers before and after. Returns how many were stored.
tl::expected<int, Diagnostic> storeOptimizations(Database& db, const Design& design, const OptimizeReport& report,
                                                 int64_t runId);

/// Optimizes `design` (RTL). Errors: an HLS design, a design the frontend rejects, an original
/// that does not synthesize or that the formal checker cannot load.
tl::expected<OptimizeReport, Diagnostic> optimizeDesign(const Design& design, OptimizationProposer& proposer,
                                                        const OptimizeOptions& options);

}  // namespace veriloop
