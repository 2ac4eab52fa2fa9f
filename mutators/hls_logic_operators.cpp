// The logic bug types of the Chrysalis HLS taxonomy (OOB, INIT, SHFT, INF, USE, MLU, ZERO, BUF),
// injected at Clang sites with exact ranges. Each is written as the mistake a kernel author
// makes; whether it is a real bug is decided by execution (sanitizers, the auto-init
// differential, timeouts, output comparison), never by the operator.

#include <regex>

#include <fmt/format.h>

#include "mutators/hls_operator_kit.h"

namespace veriloop {

namespace {

// OOB: `a[i]` in a loop that runs i over the whole dimension becomes `a[i + 1]`.
void outOfBounds(const Site& site, const MutationContext& ctx, std::vector<Proposal>& out)
{
    if (!ctx.hls || site.kind != SiteKind::ArrayIndex || site.arrayDim <= 0) return;
    const int l = enclosingLoopOfVar(*ctx.hls, site.loop, site.text);
    if (l < 0) return;
    const HlsLoop& loop = ctx.hls->loops[l];
    if (loop.start != 0 || loop.step != 1 || (loop.tripCount >= 0 && loop.tripCount != site.arrayDim))
        return;
    Proposal p;
    p.edits.push_back(editToken(site, site.text + " + 1"));
    p.description = fmt::format("the index into `{}` (size {})", site.arrayName, site.arrayDim);
    out.push_back(std::move(p));
}

// INIT: `int acc = 0;` becomes `int acc;` (built-in types; our ap types zero-initialize).
void deleteInitializer(const Site& site, const MutationContext& ctx, std::vector<Proposal>& out)
{
    if (site.kind != SiteKind::Declaration || site.classType || site.initDelete.empty()) return;
    const ByteRange& r = site.initDelete;
    Proposal p;
    p.edits.push_back(Edit{r, (*ctx.files)[r.file].text.substr(r.begin, r.end - r.begin), ""});
    p.description = fmt::format("the initializer of `{}` was removed", site.target);
    p.sentence = true;
    p.check = MutantCheck::Standalone;
    out.push_back(std::move(p));
}

// SHFT: the shift amount `s` of a built-in shift becomes `s + W` (W = the promoted width).
void shiftOutOfRange(const Site& site, const MutationContext& ctx, std::vector<Proposal>& out)
{
    if (site.kind != SiteKind::BinaryOp || site.classType || site.operand.empty()) return;
    if (site.text != "<<" && site.text != ">>" && site.text != "<<=" && site.text != ">>=") return;
    const auto& files = *ctx.files;
    const std::string amount = files[site.operand.file].text.substr(
        site.operand.begin, site.operand.end - site.operand.begin);
    const int width = std::max(32, site.width);
    Proposal p;
    p.edits.push_back(Edit{site.operand, amount, fmt::format("({}) + {}", amount, width)});
    p.description = "the shift amount";
    out.push_back(std::move(p));
}

// INF: the loop's increment is lost, so the counter never reaches the bound.
void stuckCounter(const Site& site, const MutationContext& ctx, std::vector<Proposal>& out)
{
    if (!ctx.hls || site.kind != SiteKind::LoopStep || site.loop < 0) return;
    const HlsLoop& loop = ctx.hls->loops[site.loop];
    if (loop.inductionVar.empty() || loop.step == 0) return;
    Proposal p;
    p.edits.push_back(editToken(site, ""));
    // In the schema the increment's place reads the counter instead (same type, no effect).
    p.choices.push_back(SchemaChoice{site.token, false, loop.inductionVar});
    p.description = fmt::format("the increment `{}` of loop `{}` was removed", site.text, loop.name());
    p.sentence = true;
    out.push_back(std::move(p));
}

// INF: an inner loop increments the enclosing loop's counter instead of its own.
void wrongCounter(const Site& site, const MutationContext& ctx, std::vector<Proposal>& out)
{
    if (!ctx.hls || site.kind != SiteKind::LoopStep || site.loop < 0) return;
    const HlsLoop& loop = ctx.hls->loops[site.loop];
    if (loop.parent < 0 || loop.inductionVar.empty()) return;
    const std::string& outer = ctx.hls->loops[loop.parent].inductionVar;
    if (outer.empty() || outer == loop.inductionVar) return;
    const std::regex var("\\b" + loop.inductionVar + "\\b");
    if (!std::regex_search(site.text, var)) return;
    Proposal p;
    p.edits.push_back(editToken(site, std::regex_replace(site.text, var, outer)));
    p.description = "the inner loop's increment";
    out.push_back(std::move(p));
}

// USE: a read of an unsigned narrow value is reinterpreted as signed before widening.
void signExtend(const Site& site, const MutationContext&, std::vector<Proposal>& out)
{
    static const std::map<std::string, std::string> builtin = {
        {"unsigned char", "signed char"}, {"unsigned short", "short"}, {"unsigned int", "int"}};
    static const std::regex apRe(R"(^ap_uint<(\d+)>$)");
    // Data, not counters: array elements and ap_uint values (a small counter read as signed
    // keeps its value, so those reads are left alone).
    if (site.kind != SiteKind::Identifier || site.isWriteTarget) return;
    if (site.arrayName.empty() && !site.classType) return;
    std::string cast;
    std::smatch m;
    if (auto it = builtin.find(site.typeName); it != builtin.end())
        cast = fmt::format("(({}){})", it->second, site.text);
    else if (std::regex_match(site.typeName, m, apRe) && std::stoi(m[1].str()) < 64)
        cast = fmt::format("ap_int<{}>({})", m[1].str(), site.text);
    else
        return;
    Proposal p;
    p.edits.push_back(editToken(site, cast));
    p.description = "the unsigned read";
    if (site.classType) p.check = MutantCheck::Standalone;  // ap_int vs ap_uint do not join in ?:
    out.push_back(std::move(p));
}

// USE: a local declared with the signed twin of its unsigned type, so its values are
// sign-extended wherever they are widened (`uint8_t px` -> `int8_t px`).
void signedDeclaration(const Site& site, const MutationContext&, std::vector<Proposal>& out)
{
    static const std::map<std::string, std::string> twins = {
        {"uint8_t", "int8_t"},         {"uint16_t", "int16_t"}, {"uint32_t", "int32_t"},
        {"unsigned char", "signed char"}, {"unsigned short", "short"}, {"unsigned int", "int"},
        {"unsigned", "int"}};
    static const std::regex apRe(R"(^ap_u(int|fixed)(\s*<.*>)$)");
    if (site.kind != SiteKind::Declaration) return;
    std::string twin;
    std::smatch m;
    if (auto it = twins.find(site.text); it != twins.end()) twin = it->second;
    else if (std::regex_match(site.text, m, apRe)) twin = "ap_" + m[1].str() + m[2].str();
    else return;
    Proposal p;
    p.edits.push_back(editToken(site, twin));
    p.description = fmt::format("the type of `{}`", site.target);
    p.check = MutantCheck::Standalone;
    out.push_back(std::move(p));
}

// The nearest enclosing loop with a constant step above one (a manually unrolled loop).
int unrolledLoop(const MutationContext& ctx, int loop)
{
    for (int l = loop; l >= 0; l = ctx.hls->loops[l].parent)
        if (ctx.hls->loops[l].step > 1) return l;
    return -1;
}

// MLU: the manually unrolled loop advances one lane too few.
void unrollStep(const Site& site, const MutationContext& ctx, std::vector<Proposal>& out)
{
    if (!ctx.hls || site.kind != SiteKind::LoopStep || site.loop < 0) return;
    const HlsLoop& loop = ctx.hls->loops[site.loop];
    if (loop.step < 2 || loop.inductionVar.empty()) return;
    Proposal p;
    p.edits.push_back(editToken(site, fmt::format("{} += {}", loop.inductionVar, loop.step - 1)));
    p.description = fmt::format("the step of the unrolled loop `{}`", loop.name());
    out.push_back(std::move(p));
}

// MLU: one unrolled copy reads the previous lane (`a[i + 2]` written as `a[i + 1]`).
void unrollLane(const Site& site, const MutationContext& ctx, std::vector<Proposal>& out)
{
    if (!ctx.hls || site.kind != SiteKind::ArrayIndex) return;
    const int l = unrolledLoop(ctx, site.loop);
    if (l < 0) return;
    const HlsLoop& loop = ctx.hls->loops[l];
    const std::regex laneRe("^\\s*" + loop.inductionVar + R"(\s*\+\s*(\d+)\s*$)");
    std::smatch m;
    if (loop.inductionVar.empty() || !std::regex_match(site.text, m, laneRe)) return;
    const long lane = std::stol(m[1].str());
    if (lane < 1 || lane >= loop.step) return;
    Proposal p;
    p.edits.push_back(editToken(site, lane == 1 ? loop.inductionVar
                                                : fmt::format("{} + {}", loop.inductionVar, lane - 1)));
    p.description = fmt::format("lane {} of the unrolled loop `{}`", lane, loop.name());
    out.push_back(std::move(p));
}

bool isZeroLiteral(const std::string& text)
{
    static const std::regex zeroRe(R"(^\s*\(?\s*0+(\.0*)?[uUlLfF]*\s*\)?\s*$)");
    return std::regex_match(text, zeroRe);
}

// ZERO: a variable initialized to a non-zero value starts at zero instead.
void zeroInit(const Site& site, const MutationContext& ctx, std::vector<Proposal>& out)
{
    if (site.kind != SiteKind::Declaration || site.isArrayDecl || site.initRange.empty()) return;
    const auto& text = (*ctx.files)[site.initRange.file].text;
    const std::string init = text.substr(site.initRange.begin, site.initRange.end - site.initRange.begin);
    if (isZeroLiteral(init) || init.find('{') != std::string::npos) return;
    Proposal p;
    p.edits.push_back(Edit{site.initRange, init, "0"});
    p.description = fmt::format("the initial value of `{}`", site.target);
    if (site.classType) p.check = MutantCheck::Standalone;
    out.push_back(std::move(p));
}

// BUF: a copy reads the other half of the buffer (`buf[e]` -> `buf[(e + D/2) % D]`).
void wrongHalf(const Site& site, const MutationContext&, std::vector<Proposal>& out)
{
    if (site.kind != SiteKind::ArrayIndex || !site.isCopySource || site.arrayDim < 2 ||
        site.arrayDim % 2 != 0)
        return;
    Proposal p;
    p.edits.push_back(editToken(site, fmt::format("(({}) + {}) % {}", site.text, site.arrayDim / 2,
                                                  site.arrayDim)));
    p.description = fmt::format("the half of `{}` copied from", site.arrayName);
    out.push_back(std::move(p));
}

const std::vector<std::string> kLogic = {"default", "hls", "chrysalis"};

struct RegisterHlsLogic {
    RegisterHlsLogic()
    {
        registerOp("hls-oob-past-end", "OOB", "an index walking a whole dimension reads one past it",
                   kLogic, outOfBounds);
        registerOp("hls-init-delete", "INIT", "a local variable's initializer removed", kLogic,
                   deleteInitializer);
        registerOp("hls-shift-out-of-range", "SHFT", "a shift amount pushed past the operand width",
                   kLogic, shiftOutOfRange);
        registerOp("hls-inf-step-removed", "INF", "a loop's increment removed", kLogic, stuckCounter);
        registerOp("hls-inf-wrong-counter", "INF", "an inner loop increments the outer counter",
                   kLogic, wrongCounter);
        registerOp("hls-use-sign-extend", "USE", "an unsigned narrow read sign-extended", kLogic,
                   signExtend);
        registerOp("hls-use-signed-declaration", "USE",
                   "an unsigned local declared with the signed twin type", kLogic, signedDeclaration);
        registerOp("hls-mlu-step", "MLU", "a manually unrolled loop's step one lane short", kLogic,
                   unrollStep);
        registerOp("hls-mlu-lane", "MLU", "an unrolled copy reads the previous lane", kLogic,
                   unrollLane);
        registerOp("hls-zero-init", "ZERO", "a non-zero initial value becomes 0", kLogic, zeroInit);
        registerOp("hls-buf-wrong-half", "BUF", "a copy reads the other half of the buffer", kLogic,
                   wrongHalf);
    }
};
const RegisterHlsLogic registerHlsLogic;

}  // namespace

}  // namespace veriloop
