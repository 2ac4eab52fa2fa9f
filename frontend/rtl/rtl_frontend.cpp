#include "frontend/rtl/rtl_frontend.h"

#include <algorithm>
#include <map>
#include <tuple>

#include <fmt/format.h>

#include "core/oversized_literals.h"

namespace veriloop::rtl {

namespace {

// Operators and assignments must be in the elaborated design; variable reads are checked
// through their module's variables instead.
bool needsNode(SiteKind k)
{
    return k == SiteKind::BinaryOp || k == SiteKind::UnaryOp || k == SiteKind::ProcAssign;
}

// Wrong-variable candidates: at most this many variables of the same type, the first ones in
// declaration order. A generated netlist has thousands; listing all of them for every
// identifier made planning quadratic in the file size.
constexpr size_t kMaxSameTypeVars = 64;

// Per module and type (width, signedness, enum type): the variables a wrong-variable mutant
// may use.
using SameTypeKey = std::tuple<std::string, int, bool, std::string>;
using SameTypeCache = std::map<SameTypeKey, std::vector<std::string>>;

void annotateIdentifier(Site& s, const ElaboratedModule& mod, const std::string& clock,
                        const std::string& reset, SameTypeCache& cache)
{
    const VarInfo* v = mod.var(s.text);
    if (!v || v->param || v->width <= 0) {
        s.live = false;
        return;
    }
    s.width = v->width;
    s.isSigned = v->isSigned;
    auto [it, fresh] = cache.try_emplace({s.module, v->width, v->isSigned, v->enumType});
    if (fresh)
        for (const auto& other : mod.vars) {
            if (it->second.size() > kMaxSameTypeVars) break;  // one spare for the site's own
            if (other.param || other.name == clock || other.name == reset ||
                other.name.rfind("__", 0) == 0)
                continue;
            if (other.width == v->width && other.isSigned == v->isSigned &&
                other.enumType == v->enumType)
                it->second.push_back(other.name);
        }
    for (const auto& name : it->second)
        if (name != s.text && s.sameTypeVars.size() < kMaxSameTypeVars) s.sameTypeVars.push_back(name);
}

void annotateSelect(Site& s, const ElaboratedModule& mod)
{
    const std::string base = s.text.substr(0, s.text.find('['));
    const VarInfo* v = mod.var(base);
    if (!v || v->param) {
        s.live = false;
        return;
    }
    s.width = v->width;
}

void annotatePorts(Site& s, const ElaboratedDesign& elab)
{
    auto target = elab.modules.find(s.target);
    if (target == elab.modules.end()) {
        s.live = false;
        return;
    }
    for (const auto& port : s.partNames) {
        const VarInfo* v = target->second.var(port);
        s.partWidths.push_back(v ? v->width : 0);
        s.partIsInput.push_back(v && v->dir == "input");
    }
}

}  // namespace

tl::expected<std::vector<Site>, Diagnostic> annotateSites(std::vector<Site> sites,
                                                          const ElaboratedDesign& elab, const std::string& clock,
                                const std::string& reset)
{
    const bool parsedOperators =
        std::any_of(sites.begin(), sites.end(), [](const Site& s) { return needsNode(s.kind); });
    if (parsedOperators && elab.liveOffsets.empty())
        return tl::unexpected(makeDiag(
            DiagCode::InternalError,
            "the elaborated design maps no code back to the parsed sources, so every site would "
            "be dropped as dead; the frontend and slang disagree about the files"));
    std::vector<Site> live;
    SameTypeCache sameType;
    for (Site& s : sites) {
        auto mod = elab.modules.find(s.module);
        if (mod == elab.modules.end()) continue;  // module not used by the top
        if (needsNode(s.kind) && !elab.isLive(s.token.file, s.token.begin)) continue;
        if (s.kind == SiteKind::Identifier) annotateIdentifier(s, mod->second, clock, reset, sameType);
        if (s.kind == SiteKind::Select) annotateSelect(s, mod->second);
        if (s.kind == SiteKind::PortConnections) annotatePorts(s, elab);
        if (s.live) live.push_back(std::move(s));
    }
    return live;
}

tl::expected<RtlFrontendResult, Diagnostic> analyzeRtlDesign(const Design& design)
{
    RtlFrontendResult result;
    ResetFacts reset;
    if (design.reset) {
        reset.name = design.reset->name;
        reset.activeLow = design.reset->activeLow;
    }
    std::vector<Site> parsed;
    for (size_t i = 0; i < design.sources.size(); ++i) {
        ParseResult pr = parseRtlFile(design.sources[i], static_cast<int>(i), reset);
        if (!pr.error.empty())
            return tl::unexpected(makeDiag(DiagCode::FrontendRejected, pr.error,
                                           (design.dir / design.sources[i].path).string()));
        result.modules.insert(result.modules.end(), pr.modules.begin(), pr.modules.end());
        for (const auto& t : truncateOversizedLiterals(design.sources[i].text).literals)
            result.warnings.push_back(fmt::format(
                "{}:{}:{}: warning: `{}` has more digits than its size; truncated to `{}` as "
                "IEEE 1800 5.7.1 says (the simulators see the truncated literal)",
                design.sources[i].path, t.line, t.column, t.before, t.after));
        parsed.insert(parsed.end(), pr.sites.begin(), pr.sites.end());
    }
    auto elab = elaborateWithSlang(design);
    if (!elab) return tl::unexpected(elab.error());
    auto top = elab->modules.find(design.top);
    if (top == elab->modules.end())
        return tl::unexpected(makeDiag(DiagCode::FrontendRejected,
                                       fmt::format("top module `{}` not found", design.top),
                                       (design.dir / "design.toml").string()));
    for (const auto& v : top->second.vars)
        if (!v.dir.empty()) result.topPorts.push_back(v);
    auto sites = annotateSites(std::move(parsed), *elab, design.clock,
                               design.reset ? design.reset->name : "");
    if (!sites) return tl::unexpected(sites.error());
    result.sites = std::move(*sites);
    return result;
}

}  // namespace veriloop::rtl
