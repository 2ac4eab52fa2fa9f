// Operators on values: literals (off by one, reset values), selects (index off by one),
// sign extension, and variable reads (wrong variable of the same width and signedness).

#include <fmt/format.h>

#include "mutators/rtl_operator_kit.h"

namespace veriloop {

namespace {

void registerOp(const char* id, const char* bugClass, const char* summary,
                std::vector<std::string> groups, ProposeFn fn)
{
    OperatorRegistry::instance().add(std::make_unique<FunctionOperator>(
        OperatorInfo{id, bugClass, summary, std::move(groups)}, std::move(fn)));
}

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

void indexOffset(const Site& site, int delta, std::vector<Proposal>& out)
{
    if (site.kind != SiteKind::Select || !site.indexIsNumber || site.width <= 1) return;
    const long msb = site.selMsb + delta;
    const long lsb = site.selLsb + delta;
    if (std::min(msb, lsb) < 0 || std::max(msb, lsb) >= site.width) return;
    const std::string base = site.text.substr(0, site.text.find('['));
    const std::string text = msb == lsb && site.selMsb == site.selLsb &&
                                     site.text.find(':') == std::string::npos
                                 ? fmt::format("{}[{}]", base, msb)
                                 : fmt::format("{}[{}:{}]", base, msb, lsb);
    out.push_back({{editToken(site, text)}, "the select", false, {}});
}

void signExtensionZero(const Site& site, std::vector<Proposal>& out)
{
    if (site.kind != SiteKind::Replication || site.partTexts.empty()) return;
    const std::string text = fmt::format("{{{}{{1'b0}}}}", site.partTexts[0]);
    out.push_back({{editToken(site, text)}, "the sign extension", false, {}});
}

void wrongVariable(const Site& site, const MutationContext& ctx, std::vector<Proposal>& out)
{
    if (site.kind != SiteKind::Identifier || site.sameTypeVars.empty()) return;
    const std::string& other = site.sameTypeVars[pick(site, ctx.seed, site.sameTypeVars.size())];
    out.push_back({{editToken(site, other)},
                   fmt::format("the read of `{}` (width {})", site.text, site.width), false, {}});
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
        registerOp("rtl-var-swap", "wrong-variable",
                   "a variable read becomes another variable of the same width and signedness",
                   {"default"}, wrongVariable);
    }
};

const RegisterValueOperators registerValueOperators;

}  // namespace

}  // namespace veriloop
