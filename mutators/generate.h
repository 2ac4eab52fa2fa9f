#pragma once
// From sites to mutants: every selected operator at every site, edits checked against the
// exact source text, deduplicated by the change they make, deterministic for a seed. A file
// with more than kMaxSitesPerFile sites (a generated netlist) is planned at its first ones.

#include <string>
#include <vector>

#include "core/mutant.h"
#include "core/site.h"
#include "mutators/operator.h"

namespace veriloop {

/// Sites planned per source file at most; a file with more is reported in
/// GenerateResult::cappedFiles and planned at its first kMaxSitesPerFile sites in file order.
inline constexpr size_t kMaxSitesPerFile = 200000;

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
    /// Files over kMaxSitesPerFile: the path and how many sites it has.
    std::vector<std::pair<std::string, size_t>> cappedFiles;
    /// One line per capped file, for a log.
    std::vector<std::string> capMessages() const;
};

GenerateResult generateMutants(const std::vector<SourceFile>& files, const std::vector<Site>& sites,
                               const std::vector<const MutationOperator*>& operators,
                               const GenerateOptions& options);

}  // namespace veriloop
