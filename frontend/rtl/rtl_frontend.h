#pragma once
// The RTL frontend: the project's parser gives exact ranges, slang's elaboration gives
// widths, directions and liveness. Together they produce the sites the mutators consume.

#include <filesystem>
#include <vector>

#include <tl/expected.hpp>

#include "core/design.h"
#include "core/site.h"
#include "frontend/rtl/rtl_parser.h"
#include "frontend/rtl/slang_elaboration.h"

namespace veriloop::rtl {

struct RtlFrontendResult {
    std::vector<ModuleInfo> modules;  // every module in the design sources
    std::vector<Site> sites;          // live sites, annotated
    std::vector<VarInfo> topPorts;    // ports of the top module, in declaration order
    std::vector<std::string> warnings;  // `file:line:col: warning: ...` (oversized literals)
};

/// Parses and elaborates `design`.
tl::expected<RtlFrontendResult, Diagnostic> analyzeRtlDesign(const Design& design);

/// Annotates parsed sites with elaboration facts and drops the dead ones (exposed for tests).
/// When the parser found operators but the elaboration maps no code back to the sources, the
/// two disagree about the files (an internal error), never "every site is dead".
tl::expected<std::vector<Site>, Diagnostic> annotateSites(std::vector<Site> sites,
                                                          const ElaboratedDesign& elab, const std::string& clock,
                                const std::string& reset);

}  // namespace veriloop::rtl
