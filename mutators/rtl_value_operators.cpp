// Operators on values: literals (off by one, reset values), selects (index off by one),
// sign extension, and variable reads (wrong variable of the same width and signedness).

#include <fmt/format.h>

#include "mutators/rtl_operator_kit.h"

namespace veriloop {

namespace {

void constantOffset(const Site& site, int delta, std::vector<Proposal>& out)
{
    if (site.kind != SiteKind::Literal || site.inResetBranch) return;
    auto text = offsetLiteral(site.text, delta);
    if (!text) return;
    out.push_back({{editToken(site, *text)}, "the constant", false, {}});
}

void resetValue(const Site& site, std::vector<Proposal>& out)
{
    if (site.kind != SiteKind::Literal || !site.inResetBranch) return;
    auto lit = parseLiteral(site.text);
    if (!lit) return;
    Literal changed = *lit;
    changed.value = lit->value == 0 ? 1 : 0;
    out.push_back({{editToken(site, formatLiteral(changed))}, "the reset value", false, {}});
}

// Splits `base[msb:lsb]` / `base[idx]` (one bracket pair) into its index texts.
bool splitSelect(const std::string& text, std::string& base, std::string& msb, std::string& lsb)
{
    const size_t open = text.find('[');
    if (open == std::string::npos || text.back() != ']' || text.find('[', open + 1) != std::string::npos)
        return false;
    base = text.substr(0, open);
    const std::string inner = text.substr(open + 1, text.size() - open - 2);
    if (inner.find("+:") != std::string::npos || inner.find("-:") != std::string::npos) return false;
    int depth = 0;
    for (size_t i = 0; i < inner.size(); ++i) {
        if (inner[i] == '(') ++depth;
        if (inner[i] == ')') --depth;
        if (inner[i] == ':' && depth == 0) {
            msb = inner.substr(0, i);
            lsb = inner.substr(i + 1);
            return true;
        }
    }
    msb = lsb = inner;
    return true;
}

void indexOffset(const Site& site, int delta, std::vector<Proposal>& out)
{
    if (site.kind != SiteKind::Select || site.width <= 1) return;
    std::string base, msbText, lsbText;
    if (!splitSelect(site.text, base, msbText, lsbText)) return;
    const bool isBit = site.text.find(':') == std::string::npos;
    std::string text;
    if (site.indexIsNumber) {
        const long msb = site.selMsb + delta;
        const long lsb = site.selLsb + delta;
        if (std::min(msb, lsb) < 0 || std::max(msb, lsb) >= site.width) return;
        text = isBit ? fmt::format("{}[{}]", base, msb) : fmt::format("{}[{}:{}]", base, msb, lsb);
    } else {
        // A computed index: the off-by-one is written as an adjustment of the expression.
        const char* op = delta > 0 ? "+" : "-";
        text = isBit ? fmt::format("{}[({}) {} 1]", base, msbText, op)
                     : fmt::format("{}[({}) {} 1:({}) {} 1]", base, msbText, op, lsbText, op);
    }
    out.push_back({{editToken(site, text)}, "the select", false, {}});
}

void signExtensionZero(const Site& site, std::vector<Proposal>& out)
{
    if (site.kind != SiteKind::Replication || site.partTexts.empty()) return;
    const std::string text = fmt::format("{{{}{{1'b0}}}}", site.partTexts[0]);
    out.push_back({{editToken(site, text)}, "the sign extension", false, {}});
}

// Up to three other variables, chosen by the seed, each one mutant.
void wrongVariable(const Site& site, const MutationContext& ctx, std::vector<Proposal>& out)
{
    if (site.kind != SiteKind::Identifier || site.sameTypeVars.empty()) return;
    const size_t n = site.sameTypeVars.size();
    const size_t first = pick(site, ctx.seed, n);
    for (size_t k = 0; k < std::min<size_t>(3, n); ++k) {
        const std::string& other = site.sameTypeVars[(first + k) % n];
        out.push_back({{editToken(site, other)},
                       fmt::format("the read of `{}` (width {})", site.text, site.width), false,
                       {}});
    }
}

void invertRead(const Site& site, std::vector<Proposal>& out)
{
    if (site.kind != SiteKind::Identifier) return;
    out.push_back({{editToken(site, fmt::format("~{}", site.text))}, "the read", false, {}});
}

// A wrong literal: a non-zero constant becomes zero, a zero one becomes all ones.
void wrongLiteral(const Site& site, std::vector<Proposal>& out)
{
    if (site.kind != SiteKind::Literal || site.inResetBranch) return;
    auto lit = parseLiteral(site.text);
    if (!lit || lit->unbasedFill || lit->size < 0) return;
    Literal changed = *lit;
    changed.value = lit->value == 0 ? (lit->size >= 64 ? ~0ULL : (1ULL << lit->size) - 1) : 0;
    if (changed.value == lit->value) return;
    out.push_back({{editToken(site, formatLiteral(changed))}, "the constant", false, {}});
}

struct RegisterValueOperators {
    RegisterValueOperators()
    {
        registerOp("rtl-const-inc", "constant", "a constant is one larger", {"default", "boundary"},
                   [](const Site& s, const MutationContext&, auto& out) { constantOffset(s, 1, out); });
        registerOp("rtl-const-dec", "constant", "a constant is one smaller", {"default", "boundary"},
                   [](const Site& s, const MutationContext&, auto& out) { constantOffset(s, -1, out); });
        registerOp("rtl-reset-value-flip", "reset-value", "a value assigned in reset changes (0 <-> 1)",
                   {"default", "reset"},
                   [](const Site& s, const MutationContext&, auto& out) { resetValue(s, out); });
        registerOp("rtl-index-inc", "index", "a numeric bit/part select moves up by one",
                   {"default", "boundary"},
                   [](const Site& s, const MutationContext&, auto& out) { indexOffset(s, 1, out); });
        registerOp("rtl-index-dec", "index", "a numeric bit/part select moves down by one",
                   {"default", "boundary"},
                   [](const Site& s, const MutationContext&, auto& out) { indexOffset(s, -1, out); });
        registerOp("rtl-sext-zero-fill", "sign-extension",
                   "a replicated sign bit {N{x[i]}} becomes zeros", {"default", "arith"},
                   [](const Site& s, const MutationContext&, auto& out) { signExtensionZero(s, out); });
        registerOp("rtl-const-wrong", "constant",
                   "a sized constant becomes 0 (or all ones when it was 0)", {"default"},
                   [](const Site& s, const MutationContext&, auto& out) { wrongLiteral(s, out); });
        registerOp("rtl-read-invert", "logical", "a variable read is bitwise inverted",
                   {"default", "logic"},
                   [](const Site& s, const MutationContext&, auto& out) { invertRead(s, out); });
        registerOp("rtl-var-swap", "wrong-variable",
                   "a variable read becomes another variable of the same width and signedness",
                   {"default"}, wrongVariable);
    }
};

const RegisterValueOperators registerValueOperators;

}  // namespace

}  // namespace veriloop
