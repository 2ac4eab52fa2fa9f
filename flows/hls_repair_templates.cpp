// Why the candidates are sound: every edit names the exact text it replaces (generateMutants
// checks it against the source), and whether a candidate fixes anything is decided by the
// checker, never here. Pragma-only candidates are marked for the rule checker: they do not
// change what C simulation computes.

#include "flows/hls_repair_templates.h"

#include <regex>

#include <fmt/format.h>

#include "mutators/hls_operator_kit.h"

namespace veriloop {

namespace {

const std::string& fileText(const Site& site, const MutationContext& ctx)
{
    return (*ctx.files)[site.token.file].text;
}

// [begin, end) of the line holding byte `at`, without its newline.
std::pair<uint32_t, uint32_t> lineAround(const std::string& text, uint32_t at)
{
    size_t b = text.rfind('\n', at == 0 ? 0 : at - 1);
    b = (b == std::string::npos || at == 0) ? 0 : b + 1;
    size_t e = text.find('\n', at);
    if (e == std::string::npos) e = text.size();
    return {static_cast<uint32_t>(b), static_cast<uint32_t>(e)};
}

Edit replaceRange(const Site& site, const MutationContext& ctx, uint32_t begin, uint32_t end,
                  std::string newText)
{
    const auto& text = fileText(site, ctx);
    return Edit{ByteRange{site.token.file, begin, end}, text.substr(begin, end - begin), std::move(newText)};
}

void swapOperator(const Site& site, const char* from, const char* to, std::vector<Proposal>& out)
{
    if (site.kind != SiteKind::BinaryOp || site.text != from) return;
    out.push_back({{editToken(site, to)}, "the operator", false, {}});
}

void anyVariable(const Site& site, std::vector<Proposal>& out)
{
    if (site.kind != SiteKind::Identifier || site.isWriteTarget) return;
    for (size_t k = 0; k < site.sameTypeVars.size() && k < 16; ++k)
        out.push_back({{editToken(site, site.sameTypeVars[k])},
                       fmt::format("the read of `{}`", site.text), false, {}});
}

// `int acc;` -> `int acc = 0;` (built-in scalars; ap types zero-initialize themselves).
void addInitializer(const Site& site, const MutationContext& ctx, std::vector<Proposal>& out)
{
    if (site.kind != SiteKind::Declaration || site.classType || site.isArrayDecl ||
        !site.initRange.empty() || site.target.empty())
        return;
    const auto& text = fileText(site, ctx);
    const std::regex name("^\\s*" + site.target + "\\b");
    std::smatch m;
    const std::string after = text.substr(site.token.end, 80);
    if (!std::regex_search(after, m, name)) return;
    const uint32_t at = site.token.end + static_cast<uint32_t>(m.length(0));
    Proposal p;
    p.edits.push_back(replaceRange(site, ctx, at, at, " = 0"));
    p.description = fmt::format("`{}` initialized to 0", site.target);
    p.sentence = true;
    p.check = MutantCheck::Standalone;
    out.push_back(std::move(p));
}

// `for (int i = 0; i < n; )` -> `for (int i = 0; i < n; i++)` (and steps of 2, 4).
void addLoopIncrement(const Site& site, const MutationContext& ctx, std::vector<Proposal>& out)
{
    if (!ctx.hls) return;
    const auto& text = fileText(site, ctx);
    static const std::regex initVar(R"(^\s*(?:[\w:<>, ]+\s+)?(\w+)\s*(?:=[^;]*)?;)");
    for (const auto& loop : ctx.hls->loops) {
        if (loop.header.file != site.token.file || loop.line != site.line || loop.header.empty()) continue;
        const std::string header = text.substr(loop.header.begin, loop.header.end - loop.header.begin);
        const size_t second = header.find(';', header.find(';') + 1);
        if (second == std::string::npos || header.find_first_not_of(" \t", second + 1) != std::string::npos)
            continue;
        std::smatch m;
        if (!std::regex_search(header, m, initVar)) continue;
        const std::string var = m[1].str();
        for (const std::string& step : {var + "++", var + " += 2", var + " += 4"}) {
            Proposal p;
            p.edits.push_back(replaceRange(site, ctx, loop.header.end, loop.header.end, step));
            p.description = fmt::format("loop `{}` gets the increment `{}`", loop.name(), step);
            p.sentence = true;
            p.check = MutantCheck::Standalone;
            out.push_back(std::move(p));
        }
    }
}

// `ap_int<8>(x)` / `((signed char)x)` around a read -> `x`.
void removeSignedCast(const Site& site, const MutationContext& ctx, std::vector<Proposal>& out)
{
    if (site.kind != SiteKind::Identifier) return;
    const auto& text = fileText(site, ctx);
    const auto [lb, le] = lineAround(text, site.token.begin);
    const std::string line = text.substr(lb, le - lb);
    static const std::regex cast(R"(ap_int<\d+>\(|\(\((?:signed char|short|int)\))");
    for (auto it = std::sregex_iterator(line.begin(), line.end(), cast); it != std::sregex_iterator(); ++it) {
        const size_t open = it->position(0) + it->length(0);  // just past the cast's `(` / `)`
        const bool functional = it->str(0).rfind("ap_int", 0) == 0;
        // The operand runs to the parenthesis that closes the cast.
        int depth = 1;
        size_t close = open;
        for (; close < line.size() && depth > 0; ++close) {
            if (line[close] == '(') ++depth;
            if (line[close] == ')') --depth;
        }
        if (depth != 0) continue;
        const std::string inner = line.substr(open, close - 1 - open);
        const uint32_t begin = lb + static_cast<uint32_t>(it->position(0));
        const uint32_t end = lb + static_cast<uint32_t>(close);
        Proposal p;
        p.edits.push_back(replaceRange(site, ctx, begin, end, inner));
        p.description = fmt::format("the cast of `{}` removed", inner);
        p.sentence = true;
        p.check = functional ? MutantCheck::Standalone : MutantCheck::Schema;
        out.push_back(std::move(p));
    }
}

// `int8_t x` -> `uint8_t x`, `ap_int<8> x` -> `ap_uint<8> x`; `ap_int<7>` -> `ap_int<8>`.
void retypeDeclaration(const Site& site, const MutationContext&, std::vector<Proposal>& out)
{
    if (site.kind != SiteKind::Declaration) return;
    static const std::map<std::string, std::string> unsignedTwin = {
        {"int8_t", "uint8_t"}, {"int16_t", "uint16_t"}, {"int32_t", "uint32_t"},
        {"signed char", "unsigned char"}, {"short", "unsigned short"}};
    static const std::regex ap(R"(^ap_(u?)(int|fixed|ufixed)<(\d+)(.*)>$)");
    std::vector<std::string> types;
    if (auto it = unsignedTwin.find(site.text); it != unsignedTwin.end()) types.push_back(it->second);
    std::smatch m;
    if (std::regex_match(site.text, m, ap)) {
        const int w = std::stoi(m[3].str());
        if (m[1].str().empty() && m[2].str() == "int") types.push_back(fmt::format("ap_uint<{}>", w));
        if (w < 64) types.push_back(fmt::format("ap_{}{}<{}{}>", m[1].str(), m[2].str(), w + 1, m[4].str()));
    }
    for (const auto& t : types) {
        Proposal p;
        p.edits.push_back(editToken(site, t));
        p.description = fmt::format("`{}` declared as `{}`", site.target, t);
        p.sentence = true;
        p.check = MutantCheck::Standalone;
        out.push_back(std::move(p));
    }
}

// `x << (s) + 32` -> `x << s`: a shift amount pushed past the width comes back.
void shiftAmountBack(const Site& site, const MutationContext& ctx, std::vector<Proposal>& out)
{
    if (site.kind != SiteKind::BinaryOp || site.operand.empty()) return;
    const auto& text = fileText(site, ctx);
    const std::string amount = text.substr(site.operand.begin, site.operand.end - site.operand.begin);
    static const std::regex pushed(R"(^\((.*)\) \+ \d+$)");
    std::smatch m;
    if (!std::regex_match(amount, m, pushed)) return;
    out.push_back({{Edit{site.operand, amount, m[1].str()}}, "the shift amount", false, {}});
}

// ---- pragmas ----

const HlsPragma* pragmaAt(const Site& site, const MutationContext& ctx)
{
    if (!ctx.hls || site.kind != SiteKind::Pragma || site.pragma < 0) return nullptr;
    return &ctx.hls->pragmas[site.pragma];
}

// The pragma's line deleted, newline included.
Edit deleteLine(const Site& site, const MutationContext& ctx)
{
    const auto& text = fileText(site, ctx);
    const auto [b, e] = lineAround(text, site.token.begin);
    return replaceRange(site, ctx, b, std::min<uint32_t>(e + 1, text.size()), "");
}

void interfaceMode(const Site& site, const MutationContext& ctx, std::vector<Proposal>& out)
{
    const HlsPragma* p = pragmaAt(site, ctx);
    if (!p || p->directive != "INTERFACE") return;
    const std::string from = p->interfaceMode();
    static const char* modes[] = {"m_axi", "s_axilite", "axis", "ap_memory", "bram", "ap_fifo",
                                  "ap_none", "ap_vld"};
    for (const std::string to : modes) {
        if (to == from) continue;
        // Written the common way, `INTERFACE <mode> port=...`.
        std::string line = site.text;
        static const std::regex modeArg(R"(\bmode=\w+)");
        if (std::regex_search(line, modeArg)) line = std::regex_replace(line, modeArg, to);
        else if (!from.empty()) line = std::regex_replace(line, std::regex("\\b" + from + "\\b"), to);
        else continue;
        out.push_back(pragmaProposal({Edit{site.token, site.text, line}},
                                     fmt::format("the interface of `{}` became {} (was {})",
                                                 p->arg("port"), to, from)));
    }
}

void partitionShape(const Site& site, const MutationContext& ctx, std::vector<Proposal>& out)
{
    const HlsPragma* p = pragmaAt(site, ctx);
    if (!p || p->directive != "ARRAY_PARTITION") return;
    const HlsArray* a = ctx.hls->array(p->function, p->arg("variable"));
    if (!a || a->dims.empty()) return;
    const std::string type = p->partitionType();
    const int rank = static_cast<int>(a->dims.size());
    int dim = p->arg("dim").empty() ? 1 : std::atoi(p->arg("dim").c_str());
    const long size = a->dims[std::clamp(dim, 1, rank) - 1];
    auto add = [&](std::string line, std::string what) {
        if (line != site.text)
            out.push_back(pragmaProposal({Edit{site.token, site.text, std::move(line)}},
                                         fmt::format("the partition of `{}`: {}", p->arg("variable"), what)));
    };
    static const std::regex factorArg(R"(\s+factor=\d+)");
    add(std::regex_replace(withPragmaArg(site.text, "type", "complete", type), factorArg, ""),
        "type=complete");
    for (long f = 2; f < size; ++f)
        if (size % f == 0)
            for (const std::string t : {"cyclic", "block"})
                add(withPragmaArg(withPragmaArg(site.text, "type", t, type), "factor", std::to_string(f)),
                    fmt::format("type={} factor={}", t, f));
    for (int d = 1; d <= rank; ++d)
        if (d != dim) add(withPragmaArg(site.text, "dim", std::to_string(d)), fmt::format("dim={}", d));
}

// A PIPELINE removed, or moved down into each loop nested directly in its loop.
void pipelinePlacement(const Site& site, const MutationContext& ctx, std::vector<Proposal>& out)
{
    const HlsPragma* p = pragmaAt(site, ctx);
    if (!p || p->directive != "PIPELINE") return;
    const Edit removed = deleteLine(site, ctx);
    out.push_back(pragmaProposal({removed}, fmt::format("the PIPELINE at line {} removed", site.line)));
    if (p->loop < 0) return;
    for (const auto& inner : ctx.hls->loops) {
        if (inner.parent != p->loop || !inner.bodyIsCompound || inner.header.file != site.token.file) continue;
        const Edit added = replaceRange(site, ctx, inner.bodyInsert, inner.bodyInsert, "\n" + site.text);
        out.push_back(pragmaProposal({removed, added}, fmt::format("the PIPELINE at line {} moved into "
                                                                   "loop `{}`",
                                                                   site.line, inner.name())));
    }
}

// A DATAFLOW inside a loop moved to the start of a function body (the top function's, or
// the one holding the loop).
void dataflowOutOfLoop(const Site& site, const MutationContext& ctx, std::vector<Proposal>& out)
{
    const HlsPragma* p = pragmaAt(site, ctx);
    if (!p || p->directive != "DATAFLOW" || p->loop < 0) return;
    const Edit removed = deleteLine(site, ctx);
    for (const auto& f : ctx.hls->functions) {
        if (f.range.file != site.token.file || (!f.isTop && f.name != p->function)) continue;
        const Edit added = replaceRange(site, ctx, f.bodyInsert, f.bodyInsert, "\n" + site.text);
        out.push_back(pragmaProposal({removed, added},
                                     fmt::format("the DATAFLOW moved to the body of `{}`", f.name)));
    }
}

}  // namespace

std::vector<std::unique_ptr<MutationOperator>> hlsRepairTemplates()
{
    std::vector<std::unique_ptr<MutationOperator>> t;
    auto add = [&](const char* id, const char* summary, ProposeFn fn) {
        t.push_back(std::make_unique<FunctionOperator>(
            OperatorInfo{id, "repair-template", summary, {}}, std::move(fn)));
    };
    add("hls-repair-add-to-mul", "`+` becomes `*`", [](const Site& s, const MutationContext&, auto& out) {
        swapOperator(s, "+", "*", out);
        swapOperator(s, "+=", "*=", out);
    });
    add("hls-repair-subeq-to-addeq", "`-=` becomes `+=`",
        [](const Site& s, const MutationContext&, auto& out) { swapOperator(s, "-=", "+=", out); });
    add("hls-repair-or-to-xor", "`|` becomes `^`", [](const Site& s, const MutationContext&, auto& out) {
        swapOperator(s, "|", "^", out);
        swapOperator(s, "|=", "^=", out);
    });
    add("hls-repair-any-variable", "a variable read becomes any variable of the same type",
        [](const Site& s, const MutationContext&, auto& out) { anyVariable(s, out); });
    add("hls-repair-add-initializer", "a local without initializer is initialized to 0", addInitializer);
    add("hls-repair-loop-increment", "a loop without increment gets one", addLoopIncrement);
    add("hls-repair-remove-signed-cast", "a signed cast of a read removed", removeSignedCast);
    add("hls-repair-retype-declaration", "a declaration made unsigned or one bit wider", retypeDeclaration);
    add("hls-repair-shift-amount", "a shift amount loses its `+ W`", shiftAmountBack);
    add("hls-repair-interface-mode", "an INTERFACE pragma given another mode", interfaceMode);
    add("hls-repair-partition-shape", "an ARRAY_PARTITION given another type, factor or dim", partitionShape);
    add("hls-repair-pipeline-placement", "a PIPELINE removed or moved into a nested loop", pipelinePlacement);
    add("hls-repair-dataflow-placement", "a DATAFLOW moved out of a loop", dataflowOutOfLoop);
    return t;
}

}  // namespace veriloop
