// General HLS C++ operators: operator swaps, constants, conditions, loop bounds, array
// indices, ap_int/ap_fixed width narrowing, wrong variable and deleted statement. They work on
// the Clang frontend's sites; a change the schema cannot choose at run time (a declaration's
// type) is checked with a build of its own.

#include <iterator>
#include <regex>

#include <fmt/format.h>

#include "mutators/hls_operator_kit.h"

namespace veriloop {

namespace {

constexpr SwapRow kHlsSwapRows[] = {
    {"hls-arith-add-to-sub", "arithmetic", SiteKind::BinaryOp, "+", "-", "addition", "default,hls"},
    {"hls-arith-sub-to-add", "arithmetic", SiteKind::BinaryOp, "-", "+", "subtraction", "default,hls"},
    {"hls-arith-mul-to-add", "arithmetic", SiteKind::BinaryOp, "*", "+", "multiplication", "default,hls"},
    {"hls-arith-addeq-to-subeq", "arithmetic", SiteKind::BinaryOp, "+=", "-=", "accumulation", "default,hls"},
    {"hls-relop-lt-to-le", "relational", SiteKind::BinaryOp, "<", "<=", "comparison", "default,hls"},
    {"hls-relop-le-to-lt", "relational", SiteKind::BinaryOp, "<=", "<", "comparison", "default,hls"},
    {"hls-relop-gt-to-ge", "relational", SiteKind::BinaryOp, ">", ">=", "comparison", "default,hls"},
    {"hls-relop-ge-to-gt", "relational", SiteKind::BinaryOp, ">=", ">", "comparison", "default,hls"},
    {"hls-relop-eq-to-ne", "relational", SiteKind::BinaryOp, "==", "!=", "equality test", "default,hls"},
    {"hls-relop-ne-to-eq", "relational", SiteKind::BinaryOp, "!=", "==", "inequality test", "default,hls"},
    {"hls-logic-land-to-lor", "logical", SiteKind::BinaryOp, "&&", "||", "logical AND", "default,hls"},
    {"hls-logic-lor-to-land", "logical", SiteKind::BinaryOp, "||", "&&", "logical OR", "default,hls"},
    {"hls-logic-and-to-or", "logical", SiteKind::BinaryOp, "&", "|", "bitwise AND", "default,hls"},
    {"hls-logic-or-to-and", "logical", SiteKind::BinaryOp, "|", "&", "bitwise OR", "default,hls"},
    {"hls-logic-xor-to-or", "logical", SiteKind::BinaryOp, "^", "|", "bitwise XOR", "default,hls"},
    {"hls-logic-bitnot-drop", "logical", SiteKind::UnaryOp, "~", "", "bitwise negation", "default,hls"},
    {"hls-cond-lognot-drop", "inverted-condition", SiteKind::UnaryOp, "!", "", "logical negation", "default,hls"},
    {"hls-shift-left-to-right", "shift", SiteKind::BinaryOp, "<<", ">>", "left shift", "default,hls"},
    {"hls-shift-right-to-left", "shift", SiteKind::BinaryOp, ">>", "<<", "right shift", "default,hls"},
};

const struct RegisterHlsSwapRows {
    RegisterHlsSwapRows() { registerSwapRows(kHlsSwapRows, std::size(kHlsSwapRows)); }
} registerHlsSwapRows;

void constantOffset(const Site& site, int delta, std::vector<Proposal>& out)
{
    if (site.kind != SiteKind::Literal) return;
    auto lit = parseCppLiteral(site.text);
    if (!lit || (delta < 0 && lit->value == 0)) return;
    lit->value += delta;
    Proposal p;
    p.edits.push_back(editToken(site, formatCppLiteral(*lit)));
    p.description = "the constant";
    out.push_back(std::move(p));
}

// `i < N` of a loop becomes `i <= N` (and back): one iteration too many or too few.
void loopBound(const Site& site, const MutationContext&, std::vector<Proposal>& out)
{
    static const std::map<std::string, std::string> swap = {
        {"<", "<="}, {"<=", "<"}, {">", ">="}, {">=", ">"}};
    if (site.kind != SiteKind::BinaryOp || !site.inLoopCondition) return;
    auto it = swap.find(site.text);
    if (it == swap.end()) return;
    Proposal p;
    p.edits.push_back(editToken(site, it->second));
    p.description = "the loop bound test";
    out.push_back(std::move(p));
}

// Whether the OOB operator owns this index: `v` walking a loop as long as the dimension.
bool indexRunsToTheEnd(const Site& site, const MutationContext& ctx)
{
    if (!ctx.hls || site.kind != SiteKind::ArrayIndex || site.arrayDim <= 0) return false;
    const int l = enclosingLoopOfVar(*ctx.hls, site.loop, site.text);
    if (l < 0) return false;
    const HlsLoop& loop = ctx.hls->loops[l];
    return loop.start == 0 && loop.step == 1 &&
           (loop.tripCount == site.arrayDim || loop.tripCount < 0);
}

void indexOffset(const Site& site, const MutationContext& ctx, int delta,
                 std::vector<Proposal>& out)
{
    if (site.kind != SiteKind::ArrayIndex) return;
    if (delta > 0 && indexRunsToTheEnd(site, ctx)) return;
    Proposal p;
    p.edits.push_back(editToken(site, fmt::format("{} {} 1", site.text, delta > 0 ? '+' : '-')));
    p.description = "the array index";
    out.push_back(std::move(p));
}

void conditionNegate(const Site& site, const MutationContext&, std::vector<Proposal>& out)
{
    if (site.kind != SiteKind::Condition || site.inLoopCondition) return;
    Proposal p;
    p.edits.push_back(editToken(site, "!(" + site.text + ")"));
    p.description = "the condition";
    out.push_back(std::move(p));
}

void wrongVariable(const Site& site, const MutationContext& ctx, std::vector<Proposal>& out)
{
    if (site.kind != SiteKind::Identifier || site.isWriteTarget || site.sameTypeVars.empty())
        return;
    const std::string& other = site.sameTypeVars[pick(site, ctx.seed, site.sameTypeVars.size())];
    Proposal p;
    p.edits.push_back(editToken(site, other));
    p.description = "the variable read";
    out.push_back(std::move(p));
}

void deleteStatement(const Site& site, const MutationContext&, std::vector<Proposal>& out)
{
    if (site.kind != SiteKind::ProcAssign) return;
    Proposal p;
    p.edits.push_back(editToken(site, ""));
    p.description = "the statement";
    out.push_back(std::move(p));
}

// ap_int<W> / ap_uint<W> -> W-1; ap_fixed<W, I> / ap_ufixed<W, I> -> <W-1, I-1> (the top
// integer bit is lost, the fraction kept).
void narrowWidth(const Site& site, const MutationContext&, std::vector<Proposal>& out)
{
    static const std::regex intRe(R"(^(ap_u?int)\s*<\s*(\d+)\s*>$)");
    static const std::regex fixedRe(R"(^(ap_u?fixed)\s*<\s*(\d+)\s*,\s*(\d+)\s*(,[^>]*)?>$)");
    if (site.kind != SiteKind::Declaration) return;
    std::smatch m;
    std::string narrowed;
    if (std::regex_match(site.text, m, intRe)) {
        const int w = std::stoi(m[2].str());
        if (w < 2) return;
        narrowed = fmt::format("{}<{}>", m[1].str(), w - 1);
    } else if (std::regex_match(site.text, m, fixedRe)) {
        const int w = std::stoi(m[2].str()), i = std::stoi(m[3].str());
        if (w < 2 || i < 2) return;
        narrowed = fmt::format("{}<{}, {}{}>", m[1].str(), w - 1, i - 1, m[4].str());
    } else {
        return;
    }
    Proposal p;
    p.edits.push_back(editToken(site, narrowed));
    p.description = fmt::format("the type of `{}`", site.target);
    p.check = MutantCheck::Standalone;
    out.push_back(std::move(p));
}

const std::vector<std::string> kGeneral = {"default", "hls"};

struct RegisterHlsGeneral {
    RegisterHlsGeneral()
    {
        registerOp("hls-const-inc", "constant", "an integer constant + 1", kGeneral,
                   [](const Site& s, const MutationContext&, std::vector<Proposal>& out) {
                       constantOffset(s, +1, out);
                   });
        registerOp("hls-const-dec", "constant", "an integer constant - 1", kGeneral,
                   [](const Site& s, const MutationContext&, std::vector<Proposal>& out) {
                       constantOffset(s, -1, out);
                   });
        registerOp("hls-loop-bound", "loop-bound", "a loop test `<` becomes `<=` (and back)",
                   kGeneral, loopBound);
        registerOp("hls-index-inc", "index", "an array index + 1", kGeneral,
                   [](const Site& s, const MutationContext& c, std::vector<Proposal>& out) {
                       indexOffset(s, c, +1, out);
                   });
        registerOp("hls-index-dec", "index", "an array index - 1", kGeneral,
                   [](const Site& s, const MutationContext& c, std::vector<Proposal>& out) {
                       indexOffset(s, c, -1, out);
                   });
        registerOp("hls-cond-negate", "inverted-condition", "an if/?: condition negated",
                   kGeneral, conditionNegate);
        registerOp("hls-var-swap", "wrong-variable", "a read of another variable of the same type",
                   kGeneral, wrongVariable);
        registerOp("hls-statement-delete", "deleted-statement", "an assignment statement deleted",
                   kGeneral, deleteStatement);
        registerOp("hls-width-narrow", "bit-width", "an ap_int/ap_fixed declaration one bit narrower",
                   kGeneral, narrowWidth);
    }
};
const RegisterHlsGeneral registerHlsGeneral;

}  // namespace

}  // namespace veriloop
