// Operators on control and structure: inverted conditions, reset polarity, assignment kind,
// deleted assignments, missing case items, swapped concatenations and port connections.

#include <fmt/format.h>

#include "core/text.h"
#include "mutators/rtl_operator_kit.h"

namespace veriloop {

namespace {

void negateCondition(const Site& site, bool resetConditions, std::vector<Proposal>& out)
{
    if (site.kind != SiteKind::Condition || site.mentionsReset != resetConditions) return;
    out.push_back({{editToken(site, fmt::format("!({})", site.text))},
                   resetConditions ? "the reset condition" : "the condition", false, {}});
}

void assignmentKind(const Site& site, bool toBlocking, std::vector<Proposal>& out)
{
    if (site.kind != SiteKind::ProcAssign || site.blocking == toBlocking) return;
    out.push_back({{editToken(site, toBlocking ? "=" : "<=")}, "the assignment", false, {}});
}

void deleteProcAssign(const Site& site, const MutationContext& ctx, std::vector<Proposal>& out)
{
    if (site.kind != SiteKind::ProcAssign) return;
    // The whole statement (the choice range) becomes the null statement `;`.
    const ByteRange& r = site.choice;
    const std::string stmt = (*ctx.files)[r.file].text.substr(r.begin, r.end - r.begin);
    Proposal p;
    p.edits.push_back(Edit{r, stmt, ";"});
    p.description = fmt::format("the assignment `{}` was deleted", oneLine(stmt, 60));
    p.sentence = true;
    out.push_back(std::move(p));
}

void zeroContAssign(const Site& site, std::vector<Proposal>& out)
{
    if (site.kind != SiteKind::ContAssignRhs || site.text == "'0") return;
    Proposal p;
    p.edits.push_back(editToken(site, "'0"));
    // In the schema the zero must keep the expression's signedness, or the `?:` around it
    // would turn a signed original unsigned: `E ^ E` is zero of E's own type.
    p.choices.push_back(
        SchemaChoice{site.choice, false, fmt::format("(({0}) ^ ({0}))", site.text)});
    p.description = fmt::format("the continuous assignment of `{}` was removed (the net reads 0)",
                                oneLine(site.text, 60));
    p.sentence = true;
    out.push_back(std::move(p));
}

void dropCaseItem(const Site& site, bool dropDefault, std::vector<Proposal>& out)
{
    if (site.kind != SiteKind::CaseItem || site.isDefaultItem != dropDefault) return;
    Proposal p;
    p.edits.push_back(editToken(site, ""));
    // Without the item its values fall to `default` (or do nothing), which is what the
    // schema alternative runs in place of the item's statement.
    const std::string alt = site.altText.empty() ? ";" : site.altText;
    p.choices.push_back(SchemaChoice{site.choice, true, alt});
    p.description = fmt::format("the case item `{}` was removed{}", oneLine(site.text, 60),
                                dropDefault || site.altText.empty()
                                    ? ""
                                    : " (its values fall to `default`)");
    p.sentence = true;
    out.push_back(std::move(p));
}

void swapConcat(const Site& site, std::vector<Proposal>& out)
{
    if (site.kind != SiteKind::Concat || site.partTexts.size() < 2 ||
        site.partTexts[0] == site.partTexts[1])
        return;
    std::string text = "{" + site.partTexts[1] + ", " + site.partTexts[0];
    for (size_t i = 2; i < site.partTexts.size(); ++i) text += ", " + site.partTexts[i];
    text += "}";
    out.push_back({{editToken(site, text)}, "the concatenation", false, {}});
}

void swapPorts(const Site& site, std::vector<Proposal>& out)
{
    if (site.kind != SiteKind::PortConnections) return;
    for (size_t i = 0; i + 1 < site.parts.size(); ++i) {
        if (i + 1 >= site.partIsInput.size() || !site.partIsInput[i] || !site.partIsInput[i + 1] ||
            site.partWidths[i] <= 0 || site.partWidths[i] != site.partWidths[i + 1] ||
            site.partTexts[i] == site.partTexts[i + 1])
            continue;
        Proposal p;
        p.edits.push_back(Edit{site.parts[i], site.partTexts[i], site.partTexts[i + 1]});
        p.edits.push_back(Edit{site.parts[i + 1], site.partTexts[i + 1], site.partTexts[i]});
        p.choices.push_back(SchemaChoice{site.parts[i], false, site.partTexts[i + 1]});
        p.choices.push_back(SchemaChoice{site.parts[i + 1], false, site.partTexts[i]});
        p.description = fmt::format(
            "the connections of ports `{}` and `{}` of the `{}` instance were swapped",
            site.partNames[i], site.partNames[i + 1], site.target);
        p.sentence = true;
        out.push_back(std::move(p));
    }
}

struct RegisterControlOperators {
    RegisterControlOperators()
    {
        registerOp("rtl-cond-negate", "inverted-condition", "an if or ?: condition is inverted",
                   {"default", "logic"},
                   [](const Site& s, const MutationContext&, auto& out) { negateCondition(s, false, out); });
        registerOp("rtl-reset-polarity", "reset-polarity",
                   "a condition on the reset signal is inverted", {"default", "reset"},
                   [](const Site& s, const MutationContext&, auto& out) { negateCondition(s, true, out); });
        registerOp("rtl-nba-to-blocking", "blocking-assignment", "`<=` becomes `=`", {"default"},
                   [](const Site& s, const MutationContext&, auto& out) { assignmentKind(s, true, out); });
        registerOp("rtl-blocking-to-nba", "blocking-assignment", "`=` becomes `<=`", {"default"},
                   [](const Site& s, const MutationContext&, auto& out) { assignmentKind(s, false, out); });
        registerOp("rtl-assign-delete", "deleted-assignment", "a procedural assignment is deleted",
                   {"default"},
                   deleteProcAssign);
        registerOp("rtl-contassign-zero", "deleted-assignment",
                   "a continuous assignment is removed (the net reads 0)", {"default"},
                   [](const Site& s, const MutationContext&, auto& out) { zeroContAssign(s, out); });
        registerOp("rtl-case-item-drop", "case-item", "a case item is removed", {"default"},
                   [](const Site& s, const MutationContext&, auto& out) { dropCaseItem(s, false, out); });
        registerOp("rtl-case-default-drop", "case-item", "the default case item is removed",
                   {"default"},
                   [](const Site& s, const MutationContext&, auto& out) { dropCaseItem(s, true, out); });
        registerOp("rtl-concat-swap", "concat-order", "the first two parts of a {a, b} swap",
                   {"default"},
                   [](const Site& s, const MutationContext&, auto& out) { swapConcat(s, out); });
        registerOp("rtl-port-swap", "port-swap",
                   "two input connections of the same width on an instance swap", {"default"},
                   [](const Site& s, const MutationContext&, auto& out) { swapPorts(s, out); });
    }
};

const RegisterControlOperators registerControlOperators;

}  // namespace

}  // namespace veriloop
