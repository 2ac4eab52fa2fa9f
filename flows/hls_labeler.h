#pragma once
// Labels the mutants of one HLS C++ kernel, cheapest checker first: one C-simulation build of
// the mutant schema per flavor (zero-init, pattern-init, ASan+UBSan) and one sandboxed run per
// mutant; a build of its own for mutants the schema cannot hold; the pragma rule checker for
// pragma mutants, which C simulation cannot see.

#include <filesystem>
#include <vector>

#include "core/design.h"
#include "core/hls_model.h"
#include "core/mutant.h"
#include "flows/design_labeler.h"

namespace veriloop {

struct HlsLabelOptions {
    int jobs = 1;
    std::filesystem::path workDir;     // private to this design
    std::filesystem::path hlsInclude;  // HLS headers (veriloop's own or a vendor's)
};

LabelOutcome labelHlsMutants(const Design& design, const HlsAnalysis& analysis,
                             const std::vector<Mutant>& pending, const HlsLabelOptions& options,
                             const VerdictSink& sink, const ProgressSink& progress);

}  // namespace veriloop
