// The pragma bug types of the Chrysalis HLS taxonomy (APT, FND, DID, DFP, IDAP, RAMB, SMA, AMS,
// MLP, ILNU). A pragma does not change C simulation, so these mutants are confirmed by the
// pragma rule checker (equivalence/hls_rules.h) on the mutated kernel: a mutant is a bug only
// when a documented HLS rule that held before now fails.

#include <optional>
#include <set>

#include <fmt/format.h>

#include "mutators/hls_operator_kit.h"

namespace veriloop {

namespace {

const HlsPragma* pragmaOf(const Site& site, const MutationContext& ctx)
{
    if (!ctx.hls || site.kind != SiteKind::Pragma || site.pragma < 0) return nullptr;
    return &ctx.hls->pragmas[site.pragma];
}

std::string indentOf(const std::string& line)
{
    return line.substr(0, line.find_first_not_of(" \t"));
}

Edit rewriteLine(const Site& site, std::string newLine)
{
    return Edit{site.token, site.text, std::move(newLine)};
}

// An ARRAY_PARTITION pragma with the array it names and the dimension size it cuts.
struct Partition {
    const HlsPragma* pragma = nullptr;
    std::vector<long> dims;
    int dim = 1;     // 1-based; 0 = every dimension
    long size = 0;   // size of that dimension (of the first one for dim=0)
};

std::optional<Partition> partitionOf(const Site& site, const MutationContext& ctx)
{
    const HlsPragma* p = pragmaOf(site, ctx);
    if (!p || p->directive != "ARRAY_PARTITION") return std::nullopt;
    const HlsArray* a = ctx.hls->array(p->function, p->arg("variable"));
    if (!a || a->dims.empty()) return std::nullopt;
    Partition part{p, a->dims, 1, 0};
    if (auto d = p->arg("dim"); !d.empty()) part.dim = std::atoi(d.c_str());
    if (part.dim < 0 || part.dim > static_cast<int>(a->dims.size())) return std::nullopt;
    part.size = a->dims[part.dim == 0 ? 0 : part.dim - 1];
    return part;
}

long smallestDivisor(long n)
{
    for (long f = 2; f <= n; ++f)
        if (n % f == 0) return f;
    return n;
}

void partitionType(const Site& site, const MutationContext& ctx, std::vector<Proposal>& out)
{
    auto part = partitionOf(site, ctx);
    if (!part) return;
    const std::string from = part->pragma->partitionType();
    for (const std::string to : {"cyclic", "block", "complete"}) {
        if (to == from) continue;
        std::string line = withPragmaArg(site.text, "type", to, from);
        if (to != "complete" && part->pragma->arg("factor").empty()) {
            // Under-partitioned: the fewest banks that still cut the dimension (1 for a prime).
            const long f = smallestDivisor(part->size);
            line = withPragmaArg(line, "factor", std::to_string(f < part->size ? f : 1));
        }
        out.push_back(pragmaProposal({rewriteLine(site, line)},
                                     fmt::format("the partition of `{}` became type={} (was {})",
                                                 part->pragma->arg("variable"), to, from)));
    }
}

void partitionFactor(const Site& site, const MutationContext& ctx, std::vector<Proposal>& out)
{
    auto part = partitionOf(site, ctx);
    if (!part || part->size < 2) return;
    const std::string type = part->pragma->partitionType();
    std::string line = site.text;
    long factor = 0;
    if (type == "complete") {
        factor = smallestNonDivisor(part->size, 2);
        line = withPragmaArg(line, "type", "cyclic", "complete");
    } else {
        const long now = std::atol(part->pragma->arg("factor").c_str());
        if (now <= 0) return;
        factor = smallestNonDivisor(part->size, now + 1);
    }
    line = withPragmaArg(line, "factor", std::to_string(factor));
    out.push_back(pragmaProposal({rewriteLine(site, line)},
                                 fmt::format("the partition factor of `{}` became {} (dimension of {})",
                                             part->pragma->arg("variable"), factor, part->size)));
}

void partitionDim(const Site& site, const MutationContext& ctx, std::vector<Proposal>& out)
{
    auto part = partitionOf(site, ctx);
    if (!part || part->dim == 0) return;
    const int rank = static_cast<int>(part->dims.size());
    for (int d = 1; d <= rank + 1; ++d) {
        if (d == part->dim) continue;
        out.push_back(pragmaProposal(
            {rewriteLine(site, withPragmaArg(site.text, "dim", std::to_string(d)))},
            fmt::format("the partitioned dimension of `{}` became dim={} (was {}, rank {})",
                        part->pragma->arg("variable"), d, part->dim, rank)));
    }
}

// DFP: the DATAFLOW pragma moves from the function body into a loop body.
void dataflowPosition(const Site& site, const MutationContext& ctx, std::vector<Proposal>& out)
{
    const HlsPragma* p = pragmaOf(site, ctx);
    if (!p || p->directive != "DATAFLOW" || p->loop >= 0) return;
    const std::string indent = indentOf(site.text);
    int moved = 0;
    for (const HlsLoop& loop : ctx.hls->loops) {
        if (!loop.bodyIsCompound || loop.range.file != site.token.file || moved == 6) continue;
        Edit insert{ByteRange{site.token.file, loop.bodyInsert, loop.bodyInsert}, "",
                    "\n" + indent + "#pragma HLS DATAFLOW"};
        out.push_back(pragmaProposal(
            {rewriteLine(site, ""), insert},
            fmt::format("the DATAFLOW pragma of `{}` moved into loop `{}` of `{}`", p->function,
                        loop.name(), loop.function)));
        ++moved;
    }
}

// The parameter an INTERFACE pragma names, and its current mode.
struct PortPragma {
    const HlsPragma* pragma = nullptr;
    const HlsParam* param = nullptr;
    std::string mode;
};

std::optional<PortPragma> portOf(const Site& site, const MutationContext& ctx)
{
    const HlsPragma* p = pragmaOf(site, ctx);
    if (!p || p->directive != "INTERFACE") return std::nullopt;
    const HlsFunction* f = ctx.hls->function(p->function);
    if (!f) return std::nullopt;
    for (const auto& param : f->params)
        if (param.name == p->arg("port")) return PortPragma{p, &param, p->interfaceMode()};
    return std::nullopt;
}

bool isArrayPort(const HlsParam& p) { return !p.arrayDims.empty() || p.isPointer; }

void remode(const Site& site, const PortPragma& port, const std::string& mode,
            std::vector<Proposal>& out)
{
    out.push_back(pragmaProposal(
        {rewriteLine(site, withPragmaArg(site.text, "mode", mode, port.mode))},
        fmt::format("the interface of `{}` ({}) became {} (was {})", port.param->name,
                    port.param->type, mode, port.mode)));
}

const std::set<std::string> kMemoryModes = {"m_axi", "bram", "ap_memory"};
const std::set<std::string> kScalarModes = {"s_axilite", "ap_none", "ap_vld", "ap_ack", "ap_hs",
                                            "ap_ovld"};

void interfaceAccessPattern(const Site& site, const MutationContext& ctx, std::vector<Proposal>& out)
{
    auto port = portOf(site, ctx);
    if (!port || !isArrayPort(*port->param) || !kMemoryModes.count(port->mode)) return;
    remode(site, *port, "ap_fifo", out);
    remode(site, *port, "axis", out);
}

void interfaceRandomAccess(const Site& site, const MutationContext& ctx, std::vector<Proposal>& out)
{
    auto port = portOf(site, ctx);
    if (port && isArrayPort(*port->param) &&
        (port->mode == "bram" || port->mode == "ap_memory" || port->mode == "ap_fifo"))
        remode(site, *port, "m_axi", out);
}

void scalarToArray(const Site& site, const MutationContext& ctx, std::vector<Proposal>& out)
{
    auto port = portOf(site, ctx);
    if (!port || !port->param->isScalar() || !kScalarModes.count(port->mode)) return;
    remode(site, *port, "ap_memory", out);
    remode(site, *port, "m_axi", out);
}

void arrayToScalar(const Site& site, const MutationContext& ctx, std::vector<Proposal>& out)
{
    auto port = portOf(site, ctx);
    if (!port || !isArrayPort(*port->param) || port->param->isStream ||
        !(kMemoryModes.count(port->mode) || port->mode == "ap_fifo"))
        return;
    remode(site, *port, "ap_none", out);
    remode(site, *port, "ap_vld", out);
}

bool underPipeline(const HlsAnalysis& a, int loop)
{
    for (int l = a.loops[loop].parent; l >= 0; l = a.loops[l].parent)
        if (a.pipelineOf(l) >= 0) return true;
    return false;
}

bool holdsPipeline(const HlsAnalysis& a, int loop)
{
    for (size_t l = 0; l < a.loops.size(); ++l)
        if (static_cast<int>(l) != loop && a.within(static_cast<int>(l), loop) &&
            a.pipelineOf(static_cast<int>(l)) >= 0)
            return true;
    return false;
}

bool hasUnroll(const HlsAnalysis& a, int loop)
{
    for (const auto& p : a.pragmas)
        if (p.loop == loop && p.directive == "UNROLL") return true;
    return false;
}

Edit insertInto(const HlsLoop& loop, const std::string& pragma)
{
    return Edit{ByteRange{loop.body.file, loop.bodyInsert, loop.bodyInsert}, "", "\n#pragma HLS " + pragma};
}

// MLP: a loop above or below a pipelined loop is pipelined too.
void nestedPipeline(const Site& site, const MutationContext& ctx, std::vector<Proposal>& out)
{
    if (!ctx.hls) return;
    if (site.kind == SiteKind::LoopBody && site.loop >= 0) {
        const auto& a = *ctx.hls;
        if (a.pipelineOf(site.loop) >= 0) return;
        if (!holdsPipeline(a, site.loop) && !underPipeline(a, site.loop)) return;
        out.push_back(pragmaProposal({insertInto(a.loops[site.loop], "PIPELINE II=1")},
                                     fmt::format("loop `{}` was pipelined as well (a loop above or "
                                                 "below it already is)",
                                                 a.loops[site.loop].name())));
        return;
    }
    const HlsPragma* p = pragmaOf(site, ctx);
    if (!p || p->directive != "UNROLL" || p->loop < 0 || !underPipeline(*ctx.hls, p->loop)) return;
    out.push_back(pragmaProposal({rewriteLine(site, indentOf(site.text) + "#pragma HLS PIPELINE II=1")},
                                 fmt::format("the UNROLL of loop `{}` became PIPELINE",
                                             ctx.hls->loops[p->loop].name())));
}

// ILNU: a loop under a pipelined loop is only partly unrolled, or the pipeline moves up.
void innerNotUnrolled(const Site& site, const MutationContext& ctx, std::vector<Proposal>& out)
{
    if (!ctx.hls) return;
    const auto& a = *ctx.hls;
    if (site.kind == SiteKind::LoopBody && site.loop >= 0) {
        if (!underPipeline(a, site.loop) || hasUnroll(a, site.loop)) return;
        out.push_back(pragmaProposal({insertInto(a.loops[site.loop], "UNROLL factor=2")},
                                     fmt::format("loop `{}` under a pipelined loop is unrolled by "
                                                 "2 only",
                                                 a.loops[site.loop].name())));
        return;
    }
    const HlsPragma* p = pragmaOf(site, ctx);
    if (!p || p->loop < 0) return;
    if (p->directive == "UNROLL" && p->arg("factor").empty() && underPipeline(a, p->loop)) {
        out.push_back(pragmaProposal({rewriteLine(site, withPragmaArg(site.text, "factor", "2"))},
                                     fmt::format("the full UNROLL of loop `{}` became factor=2",
                                                 a.loops[p->loop].name())));
    }
    if (p->directive == "PIPELINE") {
        const int parent = a.loops[p->loop].parent;
        if (parent < 0 || !a.loops[parent].bodyIsCompound || a.pipelineOf(parent) >= 0) return;
        out.push_back(pragmaProposal(
            {rewriteLine(site, ""), insertInto(a.loops[parent], "PIPELINE II=1")},
            fmt::format("the PIPELINE of loop `{}` moved up to loop `{}`", a.loops[p->loop].name(),
                        a.loops[parent].name())));
    }
}

bool isMaxiPort(const HlsAnalysis& a, const std::string& function, const std::string& name)
{
    for (const auto& p : a.pragmas)
        if (p.directive == "INTERFACE" && p.function == function && p.arg("port") == name &&
            p.interfaceMode() == "m_axi")
            return true;
    return false;
}

bool walks(const HlsAccess& acc, const std::string& var)
{
    bool moves = false;
    for (const auto& idx : acc.indices) {
        if (!idx.affine) return false;
        auto it = idx.coeffs.find(var);
        moves = moves || (it != idx.coeffs.end() && it->second != 0);
    }
    return moves;
}

// A loop that only copies between an m_axi port and a local buffer, element by element:
// its body is one statement with exactly those two accesses, both walking the loop's counter.
// Running such a loop in another order computes the same buffer.
struct CopyLoop {
    const HlsLoop* loop = nullptr;
    const HlsAccess* port = nullptr;
    const HlsAccess* local = nullptr;
};

std::optional<CopyLoop> copyLoop(const MutationContext& ctx, int index)
{
    const auto& a = *ctx.hls;
    const HlsLoop& loop = a.loops[index];
    const auto& text = (*ctx.files)[loop.header.file].text;
    if (loop.step != 1 || loop.header.empty() || loop.bodyStatements != 1 ||
        text.compare(loop.header.begin, 4, "int ") != 0)
        return std::nullopt;
    for (const auto& l : a.loops)
        if (l.parent == index) return std::nullopt;
    std::vector<const HlsAccess*> accs;
    for (const auto& acc : a.accesses)
        if (acc.loop == index) accs.push_back(&acc);
    if (accs.size() != 2 || accs[0]->isWrite == accs[1]->isWrite) return std::nullopt;
    const HlsAccess* port = isMaxiPort(a, loop.function, accs[0]->array) ? accs[0] : accs[1];
    const HlsAccess* local = port == accs[0] ? accs[1] : accs[0];
    const HlsArray* buffer = a.array(loop.function, local->array);
    if (!isMaxiPort(a, loop.function, port->array) || !buffer || buffer->isParam ||
        (local->isRead && local->isWrite) || !walks(*port, loop.inductionVar) ||
        !walks(*local, loop.inductionVar))
        return std::nullopt;
    return CopyLoop{&loop, port, local};
}

std::string headerText(const MutationContext& ctx, const HlsLoop& loop)
{
    const ByteRange& h = loop.header;
    return (*ctx.files)[h.file].text.substr(h.begin, h.end - h.begin);
}

// RAMB: the copy loop runs backwards. C simulation computes the same, but the port's
// addresses now decrease, so no burst is inferred and every element is a single-beat access.
void reversedCopy(const Site& site, const MutationContext& ctx, std::vector<Proposal>& out)
{
    if (!ctx.hls || site.kind != SiteKind::LoopStep || site.loop < 0) return;
    auto copy = copyLoop(ctx, site.loop);
    if (!copy) return;
    const HlsLoop& loop = *copy->loop;
    out.push_back(pragmaProposal(
        {Edit{loop.header, headerText(ctx, loop),
              fmt::format("int {0} = ({1}) - 1; {0} >= {2}; {0}--", loop.inductionVar,
                          loop.boundText, loop.startText)}},
        fmt::format("the copy loop `{}` between m_axi port `{}` and `{}` runs backwards",
                    loop.name(), copy->port->array, copy->local->array)));
}

// RAMB: a two-level copy nest is interchanged, so the inner loop strides through the port.
void interchangedCopy(const Site& site, const MutationContext& ctx, std::vector<Proposal>& out)
{
    if (!ctx.hls || site.kind != SiteKind::LoopStep || site.loop < 0) return;
    auto copy = copyLoop(ctx, site.loop);
    if (!copy || copy->loop->parent < 0) return;
    const HlsLoop& outer = ctx.hls->loops[copy->loop->parent];
    if (outer.bodyStatements != 1 || outer.header.empty() || outer.step != 1 ||
        !walks(*copy->port, outer.inductionVar))
        return;
    const HlsLoop& inner = *copy->loop;
    out.push_back(pragmaProposal(
        {Edit{outer.header, headerText(ctx, outer), headerText(ctx, inner)},
         Edit{inner.header, headerText(ctx, inner), headerText(ctx, outer)}},
        fmt::format("the copy nest `{}`/`{}` over m_axi port `{}` was interchanged", outer.name(),
                    inner.name(), copy->port->array)));
}

// RAMB: a read of a local copy of an m_axi port (`x_buf[col[j]]`, filled by `x_buf[i] = x[i]`)
// reads the port itself. C simulation computes the same; the port now sees the random accesses
// the buffer was there to absorb.
void unbufferedRead(const Site& site, const MutationContext& ctx, std::vector<Proposal>& out)
{
    if (!ctx.hls || site.kind != SiteKind::Identifier || site.arrayName.empty() ||
        site.isWriteTarget || site.loop < 0)
        return;
    const auto& a = *ctx.hls;
    const HlsArray* buffer = a.array(site.module, site.arrayName);
    if (!buffer || buffer->isParam || buffer->dims.size() != 1) return;
    std::optional<CopyLoop> fill;
    int writes = 0;
    for (const auto& acc : a.accesses)
        if (acc.array == site.arrayName && acc.function == site.module && acc.isWrite) ++writes;
    for (size_t l = 0; l < a.loops.size() && !fill; ++l)
        if (auto c = copyLoop(ctx, static_cast<int>(l));
            c && c->local->array == site.arrayName && c->local->isWrite && c->port->isRead &&
            c->port->indices.size() == 1 && c->local->indices[0].text == c->port->indices[0].text)
            fill = c;
    if (!fill || writes != 1 || a.within(site.loop, static_cast<int>(fill->loop - a.loops.data())))
        return;
    if (site.text.compare(0, site.arrayName.size(), site.arrayName) != 0) return;
    const std::string port = fill->port->array;
    out.push_back(pragmaProposal(
        {editToken(site, port + site.text.substr(site.arrayName.size()))},
        fmt::format("the read `{}` of the local copy `{}` reads m_axi port `{}` directly", site.text,
                    site.arrayName, port)));
}

const std::vector<std::string> kPragma = {"default", "hls", "chrysalis", "pragma"};

struct RegisterHlsPragma {
    RegisterHlsPragma()
    {
        registerOp("hls-apt-partition-type", "APT", "an array_partition type changed", kPragma,
                   partitionType);
        registerOp("hls-fnd-partition-factor", "FND",
                   "an array_partition factor that does not divide the dimension", kPragma,
                   partitionFactor);
        registerOp("hls-did-partition-dim", "DID", "an array_partition dim changed", kPragma,
                   partitionDim);
        registerOp("hls-dfp-dataflow-moved", "DFP", "the DATAFLOW pragma moved into a loop", kPragma,
                   dataflowPosition);
        registerOp("hls-idap-fifo", "IDAP", "an array interface became ap_fifo", kPragma,
                   interfaceAccessPattern);
        registerOp("hls-ramb-maxi", "RAMB", "a local-memory array interface became m_axi", kPragma,
                   interfaceRandomAccess);
        registerOp("hls-ramb-reversed-copy", "RAMB",
                   "a copy loop over an m_axi port runs backwards (no burst)", kPragma, reversedCopy);
        registerOp("hls-ramb-unbuffered-read", "RAMB",
                   "a read of a local copy of an m_axi port reads the port", kPragma, unbufferedRead);
        registerOp("hls-ramb-interchanged-copy", "RAMB",
                   "a copy nest over an m_axi port interchanged (strided, no burst)", kPragma,
                   interchangedCopy);
        registerOp("hls-sma-scalar-as-array", "SMA", "a scalar argument given an array interface",
                   kPragma, scalarToArray);
        registerOp("hls-ams-array-as-scalar", "AMS", "an array argument given a scalar interface",
                   kPragma, arrayToScalar);
        registerOp("hls-mlp-nested-pipeline", "MLP", "a loop nested with a pipelined loop pipelined",
                   kPragma, nestedPipeline);
        registerOp("hls-ilnu-partial-unroll", "ILNU",
                   "a loop under a pipelined loop not fully unrolled", kPragma, innerNotUnrolled);
    }
};
const RegisterHlsPragma registerHlsPragma;

}  // namespace

}  // namespace veriloop
