#pragma once
// The one interface behind which fixes are proposed (DESIGN.md "LLM client and proposers"):
// the LLM proposer (llm_proposer.h) and the built-in search-based repairer
// (flows/builtin_proposer.h) both turn a RepairContext (the design as it is now, the evidence
// of its failure, the ranked suspicious lines and what earlier attempts got back) into
// candidate fixes. A proposer never builds or runs anything: the debug loop checks every
// candidate for safety and then in the sandbox.

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/design.h"
#include "core/hls_model.h"
#include "core/mutant.h"
#include "core/site.h"
#include "core/source.h"

namespace veriloop {

/// One line ranked by fault localization, most suspicious first.
struct SuspiciousLine {
    std::string file;  ///< path relative to the design folder
    int line = 0;      ///< 1-based
    double score = 0;  ///< Ochiai suspiciousness in [0, 1]
    std::string text;  ///< the line's source text, trimmed
    /// Why it is ranked: "spectrum" (Ochiai over the runs), or the dependence that ranks a
    /// line no run can execute (a declaration, an event control, a case item never taken).
    std::string reason = "spectrum";
};

/// What an earlier attempt proposed and why it was not accepted; fed back to the proposer.
struct AttemptFeedback {
    int iteration = 0;
    std::string reply;    ///< the proposer's raw output (the LLM's reply); may be empty
    std::string diff;     ///< the candidate as a unified diff; empty when none was parsed
    std::string failure;  ///< one paragraph: rejected / build error / test failure / mismatch
};

struct RepairContext {
    const Design* design = nullptr;         ///< the failing design (testbench, top, clock...)
    std::vector<SourceFile> sources;        ///< its sources as they are now
    std::string evidence;                   ///< the failing checks, human readable
    std::vector<SuspiciousLine> suspicious; ///< ranked, most suspicious first
    std::vector<AttemptFeedback> history;   ///< earlier attempts, oldest first
    /// Every candidate checked so far: its description → its outcome (testbench-failed,
    /// differential-failed: it passed the testbench, ...). The built-in repairer combines
    /// the partial fixes.
    std::map<std::string, std::string> outcomes;
    std::vector<Site> sites;                ///< mutation sites of `sources` (the frontend's)
    const HlsAnalysis* hls = nullptr;       ///< HLS C++: the frontend's analysis of `sources`
    int iteration = 1;                      ///< 1-based
};

/// One proposed fix. `files` always holds every design source after the fix; `mutant` is set
/// when the fix is a small edit that can also be a choice in a mutant schema (built-in
/// candidates), so many candidates share one build.
struct RepairCandidate {
    std::string origin;       ///< "builtin:<operator>" or "llm:<model>"
    std::string description;  ///< one line
    std::vector<SourceFile> files;
    bool schemaCapable = false;
    Mutant mutant;            ///< valid when schemaCapable: edits/choices on `sources`
    std::string reply;        ///< the raw reply that produced it (LLM); empty otherwise
};

/// The answer of one propose() call.
struct ProposalBatch {
    std::vector<RepairCandidate> candidates;  ///< in the order they should be tried
    /// Not empty when the proposer answered but nothing usable came of it (a reply without a
    /// diff, a patch that does not apply, a path outside the design). Fed back next time.
    std::string problem;
    std::string reply;           ///< the raw reply when `problem` is set
    bool rejected = false;       ///< `problem` is a path outside the design's files
    bool fatal = false;          ///< stop the loop (no server, replay miss, bad config)
    bool exhausted = false;      ///< the proposer has nothing more to offer
    int64_t promptTokens = 0;
    int64_t completionTokens = 0;
    bool fromCache = false;
};

class Proposer {
public:
    virtual ~Proposer() = default;
    /// "builtin" or "llm:<model>".
    virtual std::string name() const = 0;
    virtual ProposalBatch propose(const RepairContext& context) = 0;
};

}  // namespace veriloop
