// Why it terminates: each call consumes one window of the finite line ranking and reports
// `exhausted` after the last. Why candidates are sound inputs to the checkers: they come out of
// generateMutants, which checks every edit against the exact source text and deduplicates by
// the hash of the fixed sources.

#include "flows/builtin_proposer.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include <fmt/format.h>

#include "mutators/generate.h"
#include "flows/hls_repair_templates.h"
#include "mutators/rtl_operator_kit.h"

namespace veriloop {

namespace {

void swapOperator(const Site& site, const char* from, const char* to, std::vector<Proposal>& out)
{
    if (site.kind != SiteKind::BinaryOp || site.text != from) return;
    out.push_back({{editToken(site, to)}, "the operator", false, {}});
}

// Another literal of the same size from the same file (at most eight distinct ones).
void otherLiteral(const Site& site, const MutationContext& ctx, const std::vector<Site>& sites,
                  std::vector<Proposal>& out)
{
    if (site.kind != SiteKind::Literal) return;
    auto lit = parseLiteral(site.text);
    if (!lit || lit->unbasedFill) return;
    std::set<std::string> seen{site.text};
    for (const auto& other : sites) {
        if (other.kind != SiteKind::Literal || other.token.file != site.token.file ||
            other.module != site.module)
            continue;
        auto o = parseLiteral(other.text);
        if (!o || o->unbasedFill || o->size != lit->size || o->value == lit->value) continue;
        Literal same = *lit;
        same.value = o->value;
        const std::string text = formatLiteral(same);
        if (!seen.insert(text).second) continue;
        out.push_back({{editToken(site, text)}, "the constant", false, {}});
        if (seen.size() > 8) break;
    }
    (void)ctx;
}

// Every readable variable of the same type (rtl-var-swap offers three of them).
void anyVariable(const Site& site, std::vector<Proposal>& out)
{
    if (site.kind != SiteKind::Identifier) return;
    for (size_t k = 0; k < site.sameTypeVars.size() && k < 16; ++k)
        out.push_back({{editToken(site, site.sameTypeVars[k])},
                       fmt::format("the read of `{}`", site.text), false, {}});
}

// Repair templates: fixes no mutation operator makes (the inverses of one-way operators).
std::vector<std::unique_ptr<MutationOperator>> repairTemplates(const std::vector<Site>* sites)
{
    std::vector<std::unique_ptr<MutationOperator>> t;
    auto add = [&](const char* id, const char* summary, ProposeFn fn) {
        t.push_back(std::make_unique<FunctionOperator>(
            OperatorInfo{id, "repair-template", summary, {}}, std::move(fn)));
    };
    add("repair-add-to-mul", "`+` becomes `*`",
        [](const Site& s, const MutationContext&, auto& out) { swapOperator(s, "+", "*", out); });
    add("repair-div-to-mod", "`/` becomes `%`",
        [](const Site& s, const MutationContext&, auto& out) { swapOperator(s, "/", "%", out); });
    add("repair-logic-to-arith-shift", "`>>` becomes `>>>`",
        [](const Site& s, const MutationContext&, auto& out) { swapOperator(s, ">>", ">>>", out); });
    add("repair-or-to-xor", "`|` becomes `^`",
        [](const Site& s, const MutationContext&, auto& out) { swapOperator(s, "|", "^", out); });
    add("repair-any-variable", "a variable read becomes any variable of the same type",
        [](const Site& s, const MutationContext&, auto& out) { anyVariable(s, out); });
    add("repair-other-constant", "a constant becomes another constant of its module",
        [sites](const Site& s, const MutationContext& ctx, auto& out) {
            otherLiteral(s, ctx, *sites, out);
        });
    return t;
}

}  // namespace

std::vector<RepairCandidate> builtinCandidates(const std::vector<SourceFile>& sources,
                                               const std::vector<Site>& sites,
                                               const std::vector<std::pair<std::string, int>>& lines,
                                               const std::string& operators, uint64_t seed,
                                               const HlsAnalysis* hls)
{
    std::map<std::pair<std::string, int>, size_t> rank;
    for (size_t i = 0; i < lines.size(); ++i) rank.emplace(lines[i], i);
    std::vector<Site> onLines;
    for (const auto& s : sites)
        if (s.token.file >= 0 && s.token.file < static_cast<int>(sources.size()) &&
            rank.count({sources[s.token.file].path, s.line}))
            onLines.push_back(s);
    auto ops = OperatorRegistry::instance().select(operators);
    if (!ops) return {};
    auto templates = hls ? hlsRepairTemplates() : repairTemplates(&sites);
    std::vector<const MutationOperator*> all = *ops;
    for (const auto& t : templates) all.push_back(t.get());
    auto gen = generateMutants(sources, onLines, all, GenerateOptions{seed, 0, hls});
    std::vector<RepairCandidate> out;
    for (auto& m : gen.mutants) {
        auto files = applyEdits(sources, m.edits);
        if (!files) continue;
        RepairCandidate c;
        c.origin = "builtin:" + m.operatorId;
        c.description = fmt::format("{}:{}: {}", m.file, m.line, m.description);
        c.files = std::move(*files);
        c.schemaCapable = true;
        c.mutant = std::move(m);
        out.push_back(std::move(c));
    }
    // The ranking decides; on one line the common bug patterns' inverses (operators of the
    // `default` group) come first, then the other operators, then the repair templates. For
    // HLS the templates come first: they are written as fixes, while the hls-* pragma
    // operators (not in `default`) make further pragma bugs.
    auto prior = [hls](const Mutant& m) {
        const MutationOperator* op = OperatorRegistry::instance().find(m.operatorId);
        if (!op) return hls ? 0 : 2;
        const auto& g = op->info().groups;
        return std::find(g.begin(), g.end(), "default") != g.end() ? 1 : 2;
    };
    std::stable_sort(out.begin(), out.end(), [&](const RepairCandidate& a, const RepairCandidate& b) {
        // A template's edit may sit on another line than its site (a pragma moved into a
        // nested loop): those go after the ranked lines.
        auto rankOf = [&](const Mutant& m) {
            auto it = rank.find({m.file, m.line});
            return it == rank.end() ? lines.size() : it->second;
        };
        const size_t ra = rankOf(a.mutant);
        const size_t rb = rankOf(b.mutant);
        if (ra != rb) return ra < rb;
        return prior(a.mutant) < prior(b.mutant);
    });
    return out;
}

BuiltinProposer::BuiltinProposer(BuiltinProposerOptions options) : options_(std::move(options)) {}

ProposalBatch BuiltinProposer::propose(const RepairContext& ctx)
{
    ProposalBatch batch;
    const auto& lines = ctx.suspicious;
    const auto& windows = ctx.hls ? options_.hlsLineWindows : options_.lineWindows;
    while (window_ < windows.size()) {
        const size_t begin = next_;
        size_t end = std::min(windows[window_], lines.size());
        ++window_;
        if (begin >= lines.size()) break;
        end = std::max(end, begin + 1);
        // A window never splits lines of equal suspiciousness: they are equally likely.
        while (end < lines.size() && end < begin + kMaxTieExtension &&
               std::abs(lines[end].score - lines[end - 1].score) < 1e-9)
            ++end;
        next_ = end;
        std::vector<std::pair<std::string, int>> window;
        for (size_t i = begin; i < end; ++i) window.push_back({lines[i].file, lines[i].line});
        batch.candidates = builtinCandidates(ctx.sources, ctx.sites, window, options_.operators,
                                             options_.seed, ctx.hls);
        if (!batch.candidates.empty()) break;
    }
    if (batch.candidates.empty()) {
        batch.exhausted = true;
        batch.problem = "the built-in repairer has no more candidates at the ranked lines";
    }
    batch.exhausted = batch.exhausted || window_ >= windows.size() || next_ >= lines.size();
    return batch;
}

}  // namespace veriloop
