#pragma once
// `veriloop debug`: the auto-debug loop (DESIGN.md "The debug / optimize / assert loop").
//   run the checks with line coverage → evidence + fault localization → propose →
//   screen each candidate (patch_safety) → check in the sandbox, many candidates per build →
//   feed back what failed → ... until a candidate passes or the budget is spent.
// A candidate passes when the testbench passes and, with a golden (a fixed version of the
// design), seeded random differential runs match the golden. The first passing candidate in
// the proposer's order is the fix ("@1"); it is `correct` when its sources equal the golden or
// Yosys proves it equivalent to the golden (after the buggy design was shown non-equivalent by
// the same setup), else `plausible`. The user's files are never written here (see --apply).

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/design.h"
#include "core/diagnostic.h"
#include "core/progress.h"
#include "equivalence/yosys_formal.h"
#include "flows/fault_localization.h"
#include "llm_client/proposer.h"

namespace veriloop {

struct DebugBudget {
    int maxIterations = 5;    ///< propose/check rounds
    int64_t maxTokens = 0;    ///< prompt + completion tokens; 0: no limit
    double maxSeconds = 0;    ///< wall clock; 0: no limit
};

struct DebugOptions {
    DebugBudget budget;
    /// A fixed version of the design's sources (same paths); empty: no golden.
    std::vector<SourceFile> golden;
    std::filesystem::path workDir;       ///< private scratch folder
    std::filesystem::path runtimeCache;  ///< shared Verilator runtime objects; empty: none
    std::filesystem::path hlsInclude;    ///< HLS C++: the HLS headers; empty: veriloop's own
    /// Where the golden's build and reference outputs are kept for reuse by later runs with
    /// the same golden (eval: every sample of a design); empty: in workDir, not reused.
    std::filesystem::path goldenCache;
    int jobs = 2;
    int flRuns = 24;      ///< seeded short random differential runs for the spectrum (golden)
    int checkSeeds = 3;   ///< extra seeded random runs every candidate must match (golden)
    bool formal = true;   ///< Yosys equivalence against the golden for `correct`
    FormalOptions formalOptions;
    /// JSON Lines written as the run goes (start, fault localization, each round, the
    /// result), each line flushed when written, so a killed run keeps what it did; empty: none.
    std::filesystem::path transcript;
    std::function<void(const std::string&)> log;  ///< progress lines (stderr); may be empty
    ProgressMode progress = ProgressMode::Quiet;   ///< status line: iteration k/N, outcomes
};

enum class RepairVerdict { Correct, Plausible, Failed };
std::string_view repairVerdictName(RepairVerdict v);

/// One checked (or rejected) candidate.
struct AttemptRecord {
    int iteration = 0;
    std::string origin;
    std::string description;
    std::string diff;
    /// rejected | patch-error | build-failed | testbench-failed | differential-failed |
    /// rule-violation (HLS: passes C simulation, breaks a pragma rule) |
    /// timeout | passed | not-run (a candidate ranked after the accepted one)
    std::string outcome;
    std::string detail;
};

struct DebugResult {
    RepairVerdict verdict = RepairVerdict::Failed;
    std::optional<Diagnostic> error;  ///< the input could not be debugged at all
    std::string evidence;             ///< the failing checks before any fix
    FaultLocalization localization;
    std::vector<AttemptRecord> attempts;
    int iterations = 0;
    int candidatesChecked = 0;        ///< candidates that went through the sandbox
    int acceptedRank = 0;             ///< 1-based position of the fix among checked candidates
    int64_t promptTokens = 0, completionTokens = 0;
    std::string stopReason;
    // The fix, when one passed:
    std::vector<SourceFile> fixed;
    std::string diff;
    std::string fixOrigin, fixDescription;
    std::string correctness;  ///< how `correct` was decided, or why only `plausible`
    double seconds = 0;       ///< not part of the transcript (it would not replay identically)

    /// The transcript (--json): deterministic for the same inputs and replies.
    nlohmann::json toJson() const;
};

/// Runs the loop on `design` (whose sources are the buggy version), RTL or HLS C++.
DebugResult runDebugLoop(const Design& design, Proposer& proposer, const DebugOptions& options);

/// Reads the golden sources for `design` from `goldenDir` (same relative paths).
tl::expected<std::vector<SourceFile>, Diagnostic> loadGolden(const Design& design,
                                                             const std::filesystem::path& goldenDir);

/// Unified diff of every changed file, in source order.
std::string sourcesDiff(const std::vector<SourceFile>& before, const std::vector<SourceFile>& after);

}  // namespace veriloop
