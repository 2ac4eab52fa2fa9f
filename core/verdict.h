#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>

namespace veriloop {

/// What the checkers concluded about one mutant (DESIGN.md "Core model").
enum class Verdict { Killed, Nonequivalent, Equivalent, Survived, Invalid, Timeout };

inline constexpr std::array<Verdict, 6> kAllVerdicts = {
    Verdict::Killed,   Verdict::Nonequivalent, Verdict::Equivalent,
    Verdict::Survived, Verdict::Invalid,       Verdict::Timeout};

std::string_view verdictName(Verdict v);
std::optional<Verdict> parseVerdict(std::string_view name);

/// A confirmed bug has evidence that it changes behavior.
inline bool isConfirmedBug(Verdict v)
{
    return v == Verdict::Killed || v == Verdict::Nonequivalent;
}

/// The verdict of one mutant with the evidence behind it.
struct VerdictRecord {
    Verdict verdict = Verdict::Survived;
    std::string evidenceKind;  // testbench, differential, formal-cex, formal-proof, compiler, ...
    std::string evidence;      // JSON text: what was observed
    std::string engine;        // simulation, sat-tempinduct, sat-comb, ...
    int bound = 0;             // formal: steps reached
    double seconds = 0;
};

}  // namespace veriloop
