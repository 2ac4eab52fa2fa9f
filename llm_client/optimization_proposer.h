#pragma once
// The interface behind which optimizations are proposed (`veriloop optimize`), as proposer.h
// is for fixes: the LLM optimizer (llm_optimizer.h) and the built-in rewrites
// (flows/optimize_rewrites.h) turn an OptimizeContext (the design as optimized so far, its
// synthesis numbers, what earlier proposals got back) into changed versions of the design. A
// proposer never builds or proves anything: flows/optimize.h screens, synthesizes and proves.

#include <string>
#include <vector>

#include <tl/expected.hpp>

#include "core/design.h"
#include "core/site.h"
#include "core/source.h"

namespace veriloop {

struct OptimizeCandidate {
    std::string origin;       ///< "builtin:<rewrite>" or "llm:<model>"
    std::string description;  ///< one line, with the file and line it changes
    std::vector<SourceFile> files;  ///< every design source after the change
    std::string file;         ///< the (first) changed file, relative to the design folder
    int line = 0;             ///< the (first) changed line
    std::string reply;        ///< the raw reply that produced it (LLM); empty otherwise
};

/// What a proposer sees in one round.
struct OptimizeContext {
    const Design* design = nullptr;
    std::vector<SourceFile> sources;    ///< the design as optimized so far (proved equivalent)
    std::vector<Site> sites;            ///< the RTL frontend's sites of `sources`
    std::string synthesis;              ///< its synthesis numbers, one line ("LUT 20 FF 8 ...")
    std::string target;                 ///< "xilinx" (7-series LUTs) or "generic" (gates)
    std::vector<std::string> rejected;  ///< earlier proposals and why they were not kept
    int round = 1;
};

class OptimizationProposer {
public:
    virtual ~OptimizationProposer() = default;
    virtual std::string name() const = 0;  ///< "builtin" or "llm:<model>"
    /// Candidates for this round; an error message stops the run (no server, replay miss,
    /// a prompt that does not render). A reply without a usable diff is no candidate, not an
    /// error: `problem` says why and the next round is told.
    virtual tl::expected<std::vector<OptimizeCandidate>, std::string> propose(const OptimizeContext& context,
                                                                              std::string& problem) = 0;
};

}  // namespace veriloop
