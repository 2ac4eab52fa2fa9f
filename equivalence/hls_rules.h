#pragma once
// The HLS pragma rule checker. Pragmas do not change what C simulation computes, so a pragma
// mutant is confirmed only when a documented Vitis HLS rule that the original kernel met is
// now broken. Each rule reads the Clang frontend's analysis (loops, arrays, affine array
// accesses, pragmas) and names the construct that breaks it.

#include <string>
#include <vector>

#include "core/hls_model.h"

namespace veriloop {

struct RuleViolation {
    std::string rule;     // e.g. partition-factor-divides
    std::string subject;  // what breaks it: an array, a port, a loop (stable across mutants)
    std::string message;  // one line a person can read
    int line = 0;

    std::string key() const { return rule + ":" + subject; }
};

/// Every rule violation of a kernel.
std::vector<RuleViolation> checkHlsRules(const HlsAnalysis& analysis);

/// Violations in `mutant` whose key is not among `original`'s.
std::vector<RuleViolation> newViolations(const std::vector<RuleViolation>& original,
                                         const std::vector<RuleViolation>& mutant);

/// The rules, with the documented behavior each one encodes (for --help and docs).
const std::vector<std::pair<std::string, std::string>>& hlsRules();

}  // namespace veriloop
