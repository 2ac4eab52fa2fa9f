#pragma once
// Small pieces shared by the HLS C++ operators.

#include <optional>
#include <string>

#include "mutators/rtl_operator_kit.h"

namespace veriloop {

/// A C++ integer literal (`12`, `0x1F`, `8u`, `1UL`): its value and the suffix as written.
struct CppLiteral {
    unsigned long long value = 0;
    bool hex = false;
    std::string suffix;
};
std::optional<CppLiteral> parseCppLiteral(const std::string& text);
std::string formatCppLiteral(const CppLiteral& lit);

/// The loop whose induction variable is `name`, enclosing `loop` (itself included), or -1.
int enclosingLoopOfVar(const HlsAnalysis& a, int loop, const std::string& name);

/// A `#pragma HLS` line with one argument set to `value` (`key=value`), replacing the
/// argument or the bare word `bareWord` when present, else appending it.
std::string withPragmaArg(const std::string& line, const std::string& key, const std::string& value,
                          const std::string& bareWord = "");

/// The smallest factor >= `from` (and >= 2) that does not divide `dim`.
long smallestNonDivisor(long dim, long from);

/// A Proposal checked by the pragma rules (no C simulation: pragmas do not change it).
Proposal pragmaProposal(std::vector<Edit> edits, std::string sentence);

}  // namespace veriloop
