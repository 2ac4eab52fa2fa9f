// Why it terminates: each call consumes one window of the finite line ranking and reports
// `exhausted` after the last. Why candidates are sound inputs to the checkers: they come out of
// generateMutants, which checks every edit against the exact source text and deduplicates by
// the hash of the fixed sources.

#include "flows/builtin_proposer.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
#include <optional>
#include <set>
#include <tuple>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "mutators/generate.h"
#include "flows/hls_repair_templates.h"
#include "flows/rtl_repair_templates.h"
#include "mutators/rtl_operator_kit.h"

namespace veriloop {

namespace {

constexpr size_t kMaxTwins = 4;           // a change repeated at more sites is not a typo
constexpr size_t kMaxCombinations = 400;  // multi-edit candidates per round

bool overlaps(const Edit& a, const Edit& b)
{
    return a.range.file == b.range.file && a.range.begin < b.range.end && b.range.begin < a.range.end;
}

// One candidate making the changes of all `parts` (each a fix of the same buggy sources);
// nullopt when two of them touch the same text.
std::optional<RepairCandidate> combine(const std::vector<SourceFile>& sources,
                                       const std::vector<const Mutant*>& parts)
{
    Mutant m = *parts.front();
    std::vector<std::string> ops{m.operatorId}, what{fmt::format("{}:{}: {}", m.file, m.line, m.description)};
    for (size_t k = 1; k < parts.size(); ++k) {
        const Mutant& p = *parts[k];
        for (const auto& e : p.edits)
            for (const auto& mine : m.edits)
                if (overlaps(e, mine)) return std::nullopt;
        m.edits.insert(m.edits.end(), p.edits.begin(), p.edits.end());
        m.choices.insert(m.choices.end(), p.choices.begin(), p.choices.end());
        if (p.check != MutantCheck::Schema) m.check = MutantCheck::Standalone;
        m.id += "+" + p.id;
        if (std::find(ops.begin(), ops.end(), p.operatorId) == ops.end()) ops.push_back(p.operatorId);
        what.push_back(fmt::format("{}:{}: {}", p.file, p.line, p.description));
    }
    if (m.check == MutantCheck::Standalone) m.choices.clear();
    auto files = applyEdits(sources, m.edits);
    if (!files) return std::nullopt;
    RepairCandidate c;
    c.origin = fmt::format("builtin:{}", fmt::join(ops, "+"));
    c.description = fmt::format("{}", fmt::join(what, "; and "));
    c.files = std::move(*files);
    c.schemaCapable = true;
    c.mutant = std::move(m);
    return c;
}

// The text with every run of digits as `#`, but a literal's size kept: `8'b10` -> `8'd10` and
// `8'b100` -> `8'd100` are the same change, `1'b0` -> `1'd0` (in every reset) another.
std::string shapeOf(const std::string& text)
{
    const size_t tick = text.find('\'');
    const bool sized = tick != std::string::npos && tick > 0 &&
                       std::all_of(text.begin(), text.begin() + static_cast<long>(tick),
                                   [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; });
    std::string out = sized ? text.substr(0, tick + 1) : "";
    for (char c : sized ? text.substr(tick + 1) : text) {
        const bool digit = std::isdigit(static_cast<unsigned char>(c)) != 0;
        if (!digit) out.push_back(c);
        else if (out.empty() || out.back() != '#') out.push_back('#');
    }
    return out;
}

std::string digitsOf(const std::string& text)
{
    std::string out;
    for (char c : text)
        if (std::isdigit(static_cast<unsigned char>(c))) out.push_back(c);
    return out;
}

// The same change at the other sites of the module with text of the same shape (a constant
// wrong in two places, both always blocks on the wrong edge, two literals in the wrong base):
// one candidate per change that two to kMaxTwins + 1 sites of the module share.
std::vector<RepairCandidate> sameChangeElsewhere(const std::vector<SourceFile>& sources,
                                                 const std::vector<Site>& sites,
                                                 const std::vector<Site>& onLines,
                                                 const std::vector<RepairCandidate>& singles,
                                                 const std::vector<const MutationOperator*>& ops,
                                                 uint64_t seed)
{
    // Twins: off-line sites whose text equals, or has the shape of, an on-line site's, in a
    // group small enough to be a repeated mistake.
    std::vector<Site> twins;
    auto where = [](const Site& s) {
        return std::tuple{static_cast<int>(s.kind), s.token.file, s.token.begin, s.token.end};
    };
    std::set<decltype(where(sites.front()))> taken;  // on the lines, or a twin already
    for (const auto& o : onLines) taken.insert(where(o));
    for (bool byShape : {false, true}) {
        auto key = [byShape](const Site& s) {
            return fmt::format("{}|{}|{}|{}", static_cast<int>(s.kind), s.token.file, s.module,
                               byShape ? shapeOf(s.text) : s.text);
        };
        std::map<std::string, size_t> onLineKeys;
        for (const auto& s : onLines) onLineKeys[key(s)]++;
        std::map<std::string, std::vector<Site>> twinsOf;
        for (const auto& s : sites) {
            const auto k = key(s);
            if (onLineKeys.count(k) && !taken.count(where(s))) twinsOf[k].push_back(s);
        }
        for (auto& [k, v] : twinsOf) {
            if (v.size() + onLineKeys[k] > kMaxTwins + 1) continue;
            for (const auto& t : v) taken.insert(where(t));
            twins.insert(twins.end(), v.begin(), v.end());
        }
    }
    auto gen = generateMutants(sources, twins, ops, GenerateOptions{seed, 0, nullptr});
    // (module, operator, old text, new text) → the mutants making that change, on the ranked
    // lines or off them
    using Change = std::tuple<std::string, std::string, std::string, std::string>;
    // A change that keeps every digit (`8'b10` -> `8'd10`) is the same change at any number;
    // one that changes a value (`4'd8` -> `4'd9`) is the same change only for the same text.
    auto changeOf = [](const Mutant& m) {
        const std::string& a = m.edits[0].oldText;
        const std::string& b = m.edits[0].newText;
        const bool keepsDigits = digitsOf(a) == digitsOf(b) && !digitsOf(a).empty();
        return Change{m.module, m.operatorId, keepsDigits ? shapeOf(a) : a, keepsDigits ? shapeOf(b) : b};
    };
    std::map<Change, std::vector<const Mutant*>> byChange;
    for (const auto& m : gen.mutants)
        if (m.edits.size() == 1) byChange[changeOf(m)].push_back(&m);
    for (const auto& c : singles)
        if (c.mutant.edits.size() == 1) byChange[changeOf(c.mutant)].push_back(&c.mutant);
    std::vector<RepairCandidate> out;
    for (const auto& [change, mutants] : byChange) {
        if (mutants.size() < 2 || mutants.size() > kMaxTwins + 1) continue;
        std::vector<const Mutant*> parts = mutants;
        std::sort(parts.begin(), parts.end(), [](const Mutant* a, const Mutant* b) {
            return a->edits[0].range.file != b->edits[0].range.file
                       ? a->edits[0].range.file < b->edits[0].range.file
                       : a->edits[0].range.begin < b->edits[0].range.begin;
        });
        // The first part on a ranked line leads (it places the candidate in the ranking).
        auto lead = std::find_if(parts.begin(), parts.end(), [&](const Mutant* m) {
            return std::any_of(singles.begin(), singles.end(), [m](const RepairCandidate& c) { return &c.mutant == m; });
        });
        if (lead == parts.end()) continue;
        std::rotate(parts.begin(), lead, lead + 1);
        if (auto all = combine(sources, parts)) out.push_back(std::move(*all));
    }
    return out;
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
    auto templates = hls ? hlsRepairTemplates() : rtlRepairTemplates(&sites);
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
    if (!hls) {
        auto again = sameChangeElsewhere(sources, sites, onLines, out, all, seed);
        for (auto& c : again) out.push_back(std::move(c));
    }
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

std::vector<RepairCandidate> BuiltinProposer::combinations(const RepairContext& ctx)
{
    std::vector<const RepairCandidate*> partial;
    for (const auto& c : offered_) {
        auto it = ctx.outcomes.find(c.description);
        if (it != ctx.outcomes.end() && it->second == "differential-failed" &&
            combined_.insert(c.description).second)
            partial.push_back(&c);
    }
    std::vector<RepairCandidate> out;
    std::set<std::string> seen;
    size_t standalone = 0;
    auto add = [&](std::vector<const Mutant*> parts) {
        if (out.size() >= kMaxCombinations) return;
        std::vector<std::string> ids;
        for (const Mutant* m : parts) ids.push_back(m->id);
        std::sort(ids.begin(), ids.end());
        if (!seen.insert(fmt::format("{}", fmt::join(ids, "+"))).second) return;
        for (size_t a = 0; a < parts.size(); ++a)
            for (size_t b = a + 1; b < parts.size(); ++b)
                if (parts[a]->file == parts[b]->file && parts[a]->line == parts[b]->line) return;
        auto c = combine(ctx.sources, parts);
        if (!c) return;
        if (c->mutant.check != MutantCheck::Schema && ++standalone > kMaxStandalonePerRound) return;
        out.push_back(std::move(*c));
    };
    for (size_t a = 0; a < partial.size(); ++a)
        for (size_t b = a + 1; b < partial.size(); ++b) add({&partial[a]->mutant, &partial[b]->mutant});
    for (const auto* p : partial)
        for (const auto& q : offered_) add({&p->mutant, &q.mutant});
    for (size_t a = 0; a < partial.size(); ++a)
        for (size_t b = a + 1; b < partial.size(); ++b)
            for (const auto& q : offered_) add({&partial[a]->mutant, &partial[b]->mutant, &q.mutant});
    return out;
}

ProposalBatch BuiltinProposer::propose(const RepairContext& ctx)
{
    ProposalBatch batch;
    if (!ctx.hls) {
        batch.candidates = combinations(ctx);
        if (!batch.candidates.empty()) return batch;
    }
    const auto& lines = ctx.suspicious;
    const auto& windows = ctx.hls ? options_.hlsLineWindows : options_.lineWindows;
    while (window_ < windows.size() && deferred_.size() < kMaxStandalonePerRound) {
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
        for (const auto& c : batch.candidates)
            if (c.mutant.id.find('+') == std::string::npos) offered_.push_back(c);
        if (!batch.candidates.empty()) break;
    }
    if (!ctx.hls) {
        // Standalone candidates: those waiting from earlier windows first, then this
        // window's, at most kMaxStandalonePerRound.
        std::vector<RepairCandidate> now, standalone = std::move(deferred_);
        deferred_.clear();
        for (auto& c : batch.candidates)
            (c.mutant.check == MutantCheck::Schema ? now : standalone).push_back(std::move(c));
        for (size_t k = 0; k < standalone.size(); ++k)
            (k < kMaxStandalonePerRound ? now : deferred_).push_back(std::move(standalone[k]));
        batch.candidates = std::move(now);
    }
    if (batch.candidates.empty()) {
        batch.exhausted = true;
        batch.problem = "the built-in repairer has no more candidates at the ranked lines";
    }
    // RTL: after the last window, one more call may combine the partial fixes it found.
    const bool lastWindow = window_ >= windows.size() || next_ >= lines.size();
    batch.exhausted = batch.exhausted || (lastWindow && ctx.hls);
    return batch;
}

}  // namespace veriloop
