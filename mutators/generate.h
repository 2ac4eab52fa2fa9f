#pragma once
// From sites to mutants: every selected operator at every site, edits checked against the
// exact source text, deduplicated by the hash of the mutated sources, deterministic for a seed.

#include <string>
#include <vector>

#include "core/mutant.h"
#include "core/site.h"
#include "mutators/operator.h"

namespace veriloop {

struct GenerateOptions {
    uint64_t seed = 1;
    size_t maxPerDesign = 0;  // 0: no limit; otherwise a seeded sample of this size
    /// HLS C++ designs: the frontend's analysis; only hls-* operators apply. Null: RTL.
    const HlsAnalysis* hls = nullptr;
};

struct GenerateResult {
    std::vector<Mutant> mutants;
    size_t duplicates = 0;      // proposals whose mutated sources equal an earlier one
    size_t editMismatches = 0;  // proposals whose edit text did not match the source (a bug)
};

GenerateResult generateMutants(const std::vector<SourceFile>& files, const std::vector<Site>& sites,
                               const std::vector<const MutationOperator*>& operators,
                               const GenerateOptions& options);

}  // namespace veriloop
