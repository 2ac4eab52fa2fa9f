// Why the candidates are sound inputs to the checkers: each template only rewrites the exact
// text of its site's token or parts (generateMutants refuses an edit whose old text does not
// match the source), and a template whose change cannot be a runtime choice (an event control,
// a declaration, a case label) marks its proposal Standalone, so it is built on its own.

#include "flows/rtl_repair_templates.h"

#include <algorithm>
#include <cctype>
#include <regex>
#include <set>

#include <fmt/format.h>

#include "mutators/rtl_operator_kit.h"

namespace veriloop {

namespace {

void swapOperator(const Site& site, const char* from, const char* to, std::vector<Proposal>& out)
{
    if (site.kind != SiteKind::BinaryOp || site.text != from) return;
    out.push_back({{editToken(site, to)}, "the operator", false, {}});
}

// Another literal of the same size from the same module (at most eight distinct ones).
void otherLiteral(const Site& site, const std::vector<Site>& sites, std::vector<Proposal>& out)
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
}

// Every readable variable of the same type (rtl-var-swap offers three of them).
void anyVariable(const Site& site, std::vector<Proposal>& out)
{
    if (site.kind != SiteKind::Identifier) return;
    for (size_t k = 0; k < site.sameTypeVars.size() && k < 16; ++k)
        out.push_back({{editToken(site, site.sameTypeVars[k])},
                       fmt::format("the read of `{}`", site.text), false, {}});
}

Proposal standalone(Edit edit, std::string description)
{
    Proposal p{{std::move(edit)}, std::move(description), false, {}};
    p.check = MutantCheck::Standalone;
    return p;
}

// posedge <-> negedge: each edge of the list alone, and all of them when there are several.
void edgeSwap(const Site& site, std::vector<Proposal>& out)
{
    if (site.kind != SiteKind::EventControl) return;
    static const std::regex edge(R"(\b(posedge|negedge)\b)");
    std::vector<std::pair<size_t, bool>> edges;  // offset, is posedge
    for (auto it = std::sregex_iterator(site.text.begin(), site.text.end(), edge);
         it != std::sregex_iterator(); ++it)
        edges.push_back({static_cast<size_t>(it->position()), (*it)[1] == "posedge"});
    auto flipped = [&](const std::vector<size_t>& which) {
        std::string t = site.text;
        for (size_t k : which) t.replace(edges[k].first, 7, edges[k].second ? "negedge" : "posedge");
        return t;
    };
    for (size_t k = 0; k < edges.size(); ++k)
        out.push_back(standalone(editToken(site, flipped({k})), "the event control"));
    if (edges.size() > 1) {
        std::vector<size_t> all(edges.size());
        for (size_t k = 0; k < all.size(); ++k) all[k] = k;
        out.push_back(standalone(editToken(site, flipped(all)), "the event control"));
    }
}

// `@(a or b)` that leaves out a signal the block reads: `@*` reads them all.
void completeSensitivity(const Site& site, std::vector<Proposal>& out)
{
    if (site.kind != SiteKind::EventControl) return;
    if (site.text.find("edge") != std::string::npos || site.text == "@*") return;
    std::string inner = site.text;
    inner.erase(std::remove_if(inner.begin(), inner.end(), [](char c) { return std::isspace(static_cast<unsigned char>(c)); }),
                inner.end());
    if (inner == "@(*)" || inner == "@*") return;
    out.push_back(standalone(editToken(site, "@*"), "the sensitivity list"));
}

// Every assignment of one always block non-blocking, or every one blocking.
void blockAssignments(const Site& site, std::vector<Proposal>& out)
{
    if (site.kind != SiteKind::EventControl || site.parts.empty()) return;
    for (const char* to : {"<=", "="}) {
        Proposal p;
        p.check = MutantCheck::Standalone;
        p.description = fmt::format("every assignment of the block made `{}`", to);
        p.sentence = true;
        for (size_t k = 0; k < site.parts.size(); ++k)
            if (site.partTexts[k] != to) p.edits.push_back({site.parts[k], site.partTexts[k], to});
        if (!p.edits.empty()) out.push_back(std::move(p));
    }
}

bool startsWithIf(const std::string& text) { return text.rfind("if", 0) == 0 && text.size() > 2 && !std::isalnum(static_cast<unsigned char>(text[2])); }

// The then and else branches of an if/else exchanged. A branch that is itself an if without
// braces is wrapped in begin/end, so an else cannot attach to it.
void branchSwap(const Site& site, const MutationContext& ctx, std::vector<Proposal>& out)
{
    if (site.kind != SiteKind::IfElse || site.parts.size() != 2 || !ctx.files) return;
    auto wrap = [](const std::string& s) { return startsWithIf(s) ? "begin " + s + " end" : s; };
    Proposal p;
    p.edits = {{site.parts[0], site.partTexts[0], wrap(site.partTexts[1])},
               {site.parts[1], site.partTexts[1], site.partTexts[0]}};
    p.description = "the if and else branches swapped";
    p.sentence = true;
    // The schema alternative is the whole if statement with its branches exchanged.
    const std::string& file = (*ctx.files)[site.choice.file].text;
    std::string alt = file.substr(site.choice.begin, site.choice.end - site.choice.begin);
    for (int k : {1, 0})
        alt.replace(p.edits[k].range.begin - site.choice.begin,
                    p.edits[k].range.end - p.edits[k].range.begin, p.edits[k].newText);
    p.choices.push_back(SchemaChoice{site.choice, true, alt});
    out.push_back(std::move(p));
}

void negationSwap(const Site& site, std::vector<Proposal>& out)
{
    if (site.kind != SiteKind::UnaryOp) return;
    if (site.text == "!") out.push_back({{editToken(site, "~")}, "the negation", false, {}});
    if (site.text == "~") out.push_back({{editToken(site, "!")}, "the negation", false, {}});
}

// `4'b10` meant as ten, `8'd11` meant as a bit pattern, `3'd8` one bit short.
void literalBaseWidth(const Site& site, std::vector<Proposal>& out)
{
    if (site.kind != SiteKind::Literal && site.kind != SiteKind::ParamValue) return;
    static const std::regex based(R"(^(\d+)\s*'([sS]?)([bBoOdDhH])\s*([0-9a-fA-F_]+)$)");
    std::smatch m;
    if (!std::regex_match(site.text, m, based)) return;
    const int size = std::stoi(m[1].str());
    const std::string sign = m[2].str();
    const char base = static_cast<char>(std::tolower(static_cast<unsigned char>(m[3].str()[0])));
    std::string digits;
    for (char c : m[4].str())
        if (c != '_') digits.push_back(c);
    auto fits = [](const std::string& d, int radix) {
        return std::all_of(d.begin(), d.end(), [radix](char c) {
            const int v = std::isdigit(static_cast<unsigned char>(c)) ? c - '0' : std::tolower(c) - 'a' + 10;
            return v < radix;
        });
    };
    const auto check = site.kind == SiteKind::ParamValue ? MutantCheck::Standalone : MutantCheck::Schema;
    std::set<std::string> seen{site.text};
    auto add = [&](int w, char b) {
        const std::string text = fmt::format("{}'{}{}{}", w, sign, b, digits);
        if (!seen.insert(text).second || digits.size() > 18) return;
        Proposal p{{editToken(site, text)}, "the literal", false, {}};
        p.check = check;
        out.push_back(std::move(p));
    };
    for (auto [b, radix] : {std::pair{'b', 2}, std::pair{'o', 8}, std::pair{'d', 10}, std::pair{'h', 16}})
        if (b != base && fits(digits, radix)) add(size, b);
    if (base == 'd' && fits(digits, 10)) {  // wide enough for the value it names
        const unsigned long long v = std::stoull(digits);
        int need = 1;
        while (need < 64 && (v >> need) != 0) ++need;
        if (need > size) add(need, 'd');
    }
}

// A parameter or localparam value one off, doubled, halved, or another value of the module.
void paramValue(const Site& site, const std::vector<Site>& sites, std::vector<Proposal>& out)
{
    if (site.kind != SiteKind::ParamValue) return;
    std::set<std::string> seen{site.text};
    auto add = [&](const std::optional<std::string>& text) {
        if (text && seen.insert(*text).second) out.push_back(standalone(editToken(site, *text), "the parameter value"));
    };
    add(offsetLiteral(site.text, 1));
    add(offsetLiteral(site.text, -1));
    if (auto lit = parseLiteral(site.text); lit && !lit->unbasedFill) {
        Literal twice = *lit, half = *lit;
        twice.value <<= 1;
        half.value >>= 1;
        if (twice.size <= 0 || twice.size >= 64 || twice.value < (uint64_t{1} << twice.size)) add(formatLiteral(twice));
        add(formatLiteral(half));
    }
    for (const auto& other : sites)
        if (other.kind == SiteKind::ParamValue && other.module == site.module && seen.size() < 8)
            add(other.text);
}

// A case item whose label repeats an earlier one never runs: it was meant for a named
// constant no item uses or, when the labels are numbers of one size, for a value no item
// covers (at most eight such values).
void caseLabel(const Site& site, const std::vector<Site>& sites, std::vector<Proposal>& out)
{
    if (site.kind != SiteKind::CaseItem || !site.duplicateLabel) return;
    auto labelOf = [](const Site& s) {
        std::string label = s.text.substr(0, s.text.find(':'));
        while (!label.empty() && std::isspace(static_cast<unsigned char>(label.back()))) label.pop_back();
        return label;
    };
    const std::string label = labelOf(site);
    if (label.size() == site.text.size()) return;
    auto relabel = [&](const std::string& to) {
        Edit e{{site.token.file, site.token.begin, site.token.begin + static_cast<uint32_t>(label.size())}, label, to};
        out.push_back(standalone(std::move(e), "the case label"));
    };
    for (const auto& name : site.unusedLabels) relabel(name);
    const auto mine = parseLiteral(label);
    if (!mine || mine->size <= 0 || mine->size > 8 || mine->unbasedFill) return;
    std::set<uint64_t> covered;
    for (const auto& s : sites) {
        if (s.kind != SiteKind::CaseItem || s.isDefaultItem || s.caseStatement.file != site.caseStatement.file ||
            s.caseStatement.begin != site.caseStatement.begin)
            continue;
        const auto lit = parseLiteral(labelOf(s));
        if (!lit || lit->size != mine->size || lit->unbasedFill) return;  // not all numbers of one size
        covered.insert(lit->value);
    }
    std::vector<uint64_t> missing;
    for (uint64_t v = 0; v < (uint64_t{1} << mine->size) && missing.size() <= 8; ++v)
        if (!covered.count(v)) missing.push_back(v);
    if (missing.size() > 8) return;
    for (uint64_t v : missing) {
        Literal to = *mine;
        to.value = v;
        relabel(formatLiteral(to));
    }
}

// A case statement of combinational code without a default item keeps its outputs when no
// label matches (a latch, or a value left over from another path): a default item before
// `endcase` that assigns zero to what the items assign with `=`. The schema alternative is
// the whole case statement with the item added.
void missingDefault(const Site& site, const std::vector<Site>& sites, const MutationContext& ctx,
                    std::vector<Proposal>& out)
{
    constexpr uint32_t kEndcase = 7;  // strlen("endcase")
    const ByteRange& stmt = site.caseStatement;
    if (site.kind != SiteKind::CaseItem || site.caseHasDefault || stmt.end < stmt.begin + kEndcase || !ctx.files)
        return;
    const std::string& text = (*ctx.files)[stmt.file].text;
    const uint32_t endcase = stmt.end - kEndcase;
    if (text.compare(endcase, kEndcase, "endcase") != 0) return;
    std::vector<std::string> targets;
    for (const auto& s : sites) {
        if (s.kind != SiteKind::ProcAssign || !s.blocking || s.token.file != stmt.file ||
            s.choice.begin < stmt.begin || s.choice.begin >= endcase)
            continue;
        std::string lhs = text.substr(s.choice.begin, s.token.begin - s.choice.begin);
        lhs.erase(std::remove_if(lhs.begin(), lhs.end(), [](char c) { return std::isspace(static_cast<unsigned char>(c)); }),
                  lhs.end());
        const bool whole = !lhs.empty() && std::all_of(lhs.begin(), lhs.end(), [](char c) {
            return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
        });
        if (whole && std::find(targets.begin(), targets.end(), lhs) == targets.end()) targets.push_back(lhs);
    }
    if (targets.empty() || targets.size() > 8) return;
    const size_t lineStart = text.rfind('\n', endcase == 0 ? 0 : endcase - 1);
    const size_t indentBegin = lineStart == std::string::npos ? 0 : lineStart + 1;
    std::string indent = text.substr(indentBegin, endcase - indentBegin);
    if (!std::all_of(indent.begin(), indent.end(), [](char c) { return c == ' ' || c == '\t'; })) indent = " ";
    std::string item = "default:";
    if (targets.size() > 1) item += " begin";
    for (const auto& t : targets) item += fmt::format(" {} = 0;", t);
    if (targets.size() > 1) item += " end";
    Proposal p;
    p.edits = {{{stmt.file, endcase, endcase}, "", item + "\n" + indent}};
    p.description = fmt::format("`{}` added before `endcase`", item);
    p.sentence = true;
    std::string alt = text.substr(stmt.begin, stmt.end - stmt.begin);
    alt.insert(endcase - stmt.begin, item + "\n" + indent);
    p.choices.push_back(SchemaChoice{stmt, true, alt});
    out.push_back(std::move(p));
}

}  // namespace

std::vector<std::unique_ptr<MutationOperator>> rtlRepairTemplates(const std::vector<Site>* sites)
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
        [sites](const Site& s, const MutationContext&, auto& out) { otherLiteral(s, *sites, out); });
    add("repair-edge-swap", "posedge and negedge exchanged in an event control",
        [](const Site& s, const MutationContext&, auto& out) { edgeSwap(s, out); });
    add("repair-sensitivity-star", "an explicit combinational sensitivity list becomes `@*`",
        [](const Site& s, const MutationContext&, auto& out) { completeSensitivity(s, out); });
    add("repair-block-assignments", "every assignment of an always block non-blocking (or blocking)",
        [](const Site& s, const MutationContext&, auto& out) { blockAssignments(s, out); });
    add("repair-branch-swap", "the branches of an if/else exchanged",
        [](const Site& s, const MutationContext& ctx, auto& out) { branchSwap(s, ctx, out); });
    add("repair-negation", "`!` and `~` exchanged",
        [](const Site& s, const MutationContext&, auto& out) { negationSwap(s, out); });
    add("repair-literal-base-width", "a literal read in another base, or wide enough for its value",
        [](const Site& s, const MutationContext&, auto& out) { literalBaseWidth(s, out); });
    add("repair-parameter-value", "a parameter value one off, doubled, halved or another of the module",
        [sites](const Site& s, const MutationContext&, auto& out) { paramValue(s, *sites, out); });
    add("repair-case-label", "a duplicated case label becomes a named constant no item uses, or a value no item covers",
        [sites](const Site& s, const MutationContext&, auto& out) { caseLabel(s, *sites, out); });
    add("repair-missing-default", "a case of combinational code without a default gets one assigning zero",
        [sites](const Site& s, const MutationContext& ctx, auto& out) { missingDefault(s, *sites, ctx, out); });
    return t;
}

}  // namespace veriloop
