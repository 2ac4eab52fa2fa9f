// Assignment facts from sites: a procedural assignment's statement is its site's `choice`
// (left side before the operator token, right side after it); a continuous assignment's right
// side is its site's token, the left side the tokens back to `assign` or `,`. Names are the
// lexer's identifier tokens; those inside brackets on the left are reads (indices).

#include "flows/rtl_dependence.h"

#include <algorithm>

#include "frontend/rtl/sv_lexer.h"

namespace veriloop {

namespace {

bool within(uint32_t offset, const ByteRange& r) { return offset >= r.begin && offset < r.end; }

struct FileTokens {
    std::vector<rtl::Token> tokens;

    // Tokens with begin in [b, e).
    std::pair<size_t, size_t> span(uint32_t b, uint32_t e) const
    {
        auto first = std::lower_bound(tokens.begin(), tokens.end(), b,
                                      [](const rtl::Token& t, uint32_t x) { return t.begin < x; });
        auto last = std::lower_bound(first, tokens.end(), e,
                                     [](const rtl::Token& t, uint32_t x) { return t.begin < x; });
        return {static_cast<size_t>(first - tokens.begin()), static_cast<size_t>(last - tokens.begin())};
    }

    void readsIn(uint32_t b, uint32_t e, std::set<std::string>& out) const
    {
        const auto [i, j] = span(b, e);
        for (size_t k = i; k < j; ++k)
            if (tokens[k].kind == rtl::TokKind::Identifier) out.insert(std::string(tokens[k].text));
    }

    // Left side [b, e): names at bracket depth 0 are targets, the others reads.
    void leftSide(uint32_t b, uint32_t e, AssignmentFacts& a) const
    {
        const auto [i, j] = span(b, e);
        int depth = 0;
        for (size_t k = i; k < j; ++k) {
            const auto& t = tokens[k];
            if (t.is("[")) ++depth;
            else if (t.is("]")) --depth;
            else if (t.kind == rtl::TokKind::Identifier) {
                if (depth == 0) a.targets.push_back(std::string(t.text));
                else a.reads.insert(std::string(t.text));
            }
        }
    }

    // The start of a continuous assignment's left side, its right side starting at `rhs`.
    uint32_t contAssignStart(uint32_t rhs) const
    {
        size_t k = span(0, rhs).second;
        if (k == 0 || !tokens[k - 1].is("=")) return rhs;
        --k;
        int depth = 0;
        while (k > 0) {
            const auto& t = tokens[k - 1];
            if (t.is("]") || t.is("}") || t.is(")")) ++depth;
            else if (t.is("[") || t.is("{") || t.is("(")) --depth;
            else if (depth == 0 && (t.is("assign") || t.is(",") || t.is(";"))) break;
            --k;
        }
        return tokens[k].begin;
    }
};

}  // namespace

std::vector<AssignmentFacts> rtlAssignments(const std::vector<Site>& sites,
                                            const std::vector<SourceFile>& files)
{
    std::vector<FileTokens> lexed(files.size());
    for (size_t f = 0; f < files.size(); ++f) lexed[f].tokens = rtl::lexSystemVerilog(files[f].text).tokens;
    auto valid = [&](const ByteRange& r) { return r.file >= 0 && r.file < static_cast<int>(files.size()); };
    std::vector<AssignmentFacts> out;
    for (const auto& s : sites) {
        if (!valid(s.token)) continue;
        const auto& toks = lexed[s.token.file];
        AssignmentFacts a;
        a.file = s.token.file;
        a.line = s.line;
        a.module = s.module;
        uint32_t at = 0;
        if (s.kind == SiteKind::ProcAssign && valid(s.choice)) {
            toks.leftSide(s.choice.begin, s.token.begin, a);
            toks.readsIn(s.token.end, s.choice.end, a.reads);
            at = s.choice.begin;
            a.registered = !s.blocking;
            a.inReset = s.inResetBranch;
        } else if (s.kind == SiteKind::ContAssignRhs) {
            const uint32_t left = toks.contAssignStart(s.token.begin);
            toks.leftSide(left, s.token.begin, a);
            toks.readsIn(s.token.begin, s.token.end, a.reads);
            at = left;
        } else if (s.kind == SiteKind::ParamValue && !s.target.empty()) {
            const bool seen = std::any_of(out.begin(), out.end(), [&](const AssignmentFacts& o) {
                return o.constant && o.file == a.file && o.line == a.line && o.targets.front() == s.target;
            });
            if (seen) continue;
            a.constant = true;
            a.targets = {s.target};
            out.push_back(std::move(a));
            continue;
        } else {
            continue;
        }
        if (a.targets.empty()) continue;
        for (const auto& g : sites) {
            if (g.token.file != a.file) continue;
            const bool guardedByIf = g.kind == SiteKind::Condition &&
                std::any_of(g.parts.begin(), g.parts.end(), [&](const ByteRange& r) { return within(at, r); });
            const bool guardedByItem = g.kind == SiteKind::CaseItem && within(at, g.choice);
            if (guardedByIf) toks.readsIn(g.token.begin, g.token.end, a.reads);
            else if (guardedByItem) toks.readsIn(g.token.begin, g.choice.begin, a.reads);
            else continue;
            a.guards.push_back({g.line, g.mentionsReset});
        }
        out.push_back(std::move(a));
    }
    return out;
}

}  // namespace veriloop
