#include "core/verdict.h"

namespace veriloop {

std::string_view verdictName(Verdict v)
{
    switch (v) {
    case Verdict::Killed: return "killed";
    case Verdict::Nonequivalent: return "nonequivalent";
    case Verdict::Equivalent: return "equivalent";
    case Verdict::Survived: return "survived";
    case Verdict::Invalid: return "invalid";
    case Verdict::Timeout: return "timeout";
    }
    return "survived";
}

std::optional<Verdict> parseVerdict(std::string_view name)
{
    for (Verdict v : kAllVerdicts)
        if (verdictName(v) == name) return v;
    return std::nullopt;
}

}  // namespace veriloop
