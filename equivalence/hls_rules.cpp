// Rules and their sources: the Vitis HLS user guide (UG1399) on array_partition (factor and
// dim, bank ports), pipelining (a pipelined loop fully unrolls the loops below it; pipelines
// do not nest), dataflow (a region of tasks at function scope or a loop of task calls) and
// interfaces (ap_fifo/axis need sequential access; m_axi bursts need increasing contiguous
// addresses; scalar and memory modes match the argument's type).

#include "equivalence/hls_rules.h"

#include <algorithm>
#include <map>
#include <set>

#include <fmt/format.h>

namespace veriloop {

namespace {

constexpr long kPortsPerBank = 2;   // a dual-port RAM serves two accesses per cycle
constexpr long kParamValue = 16;    // stand-in value of a scalar argument inside an index
constexpr size_t kMaxLanes = 1024;

class RuleChecker {
public:
    explicit RuleChecker(const HlsAnalysis& a) : a_(a) {}

    std::vector<RuleViolation> run()
    {
        for (const auto& p : a_.pragmas) {
            if (p.directive == "ARRAY_PARTITION") checkPartition(p);
            if (p.directive == "INTERFACE") checkInterface(p);
            if (p.directive == "DATAFLOW") checkDataflow(p);
        }
        checkPipelines();
        checkBanks();
        return std::move(out_);
    }

private:
    std::string loopSubject(int l) const { return fmt::format("{}#loop{}", a_.loops[l].function, l); }

    void fire(const char* rule, std::string subject, std::string message, int line)
    {
        out_.push_back({rule, std::move(subject), std::move(message), line});
    }

    void checkPartition(const HlsPragma& p)
    {
        const HlsArray* arr = a_.array(p.function, p.arg("variable"));
        if (!arr) return;
        const int rank = static_cast<int>(arr->dims.size());
        const int dim = p.arg("dim").empty() ? 1 : std::atoi(p.arg("dim").c_str());
        if (dim < 0 || dim > rank) {
            fire("partition-dim-in-rank", arr->name,
                 fmt::format("array_partition dim={} of `{}`, which has {} dimension(s)", dim,
                             arr->name, rank),
                 p.line);
            return;
        }
        const std::string type = p.partitionType();
        if (type == "complete") return;
        const long factor = std::atol(p.arg("factor").c_str());
        for (int d = 1; d <= rank; ++d) {
            if (dim != 0 && d != dim) continue;
            const long size = arr->dims[d - 1];
            if (factor <= 0 || factor > size || size % factor != 0)
                fire("partition-factor-divides", fmt::format("{}:dim{}", arr->name, d),
                     fmt::format("array_partition {} factor={} of `{}` dim {} (size {}): the "
                                 "factor must divide the dimension",
                                 type, factor, arr->name, d, size),
                     p.line);
        }
    }

    const HlsParam* paramOf(const HlsPragma& p) const
    {
        const HlsFunction* f = a_.function(p.function);
        if (!f) return nullptr;
        for (const auto& param : f->params)
            if (param.name == p.arg("port")) return &param;
        return nullptr;
    }

    void checkInterface(const HlsPragma& p)
    {
        const HlsParam* param = paramOf(p);
        if (!param) return;
        static const std::set<std::string> scalarModes = {"ap_none", "ap_vld", "ap_ack", "ap_hs",
                                                          "ap_ovld"};
        static const std::set<std::string> memoryModes = {"ap_memory", "bram", "m_axi", "ap_fifo",
                                                          "axis"};
        const std::string mode = p.interfaceMode();
        if (scalarModes.count(mode) && !param->arrayDims.empty())
            fire("interface-mode-type", param->name,
                 fmt::format("interface {} on `{}`, an array argument ({}): {} is a scalar "
                             "protocol",
                             mode, param->name, param->type, mode),
                 p.line);
        if (memoryModes.count(mode) && param->isScalar())
            fire("interface-mode-type", param->name,
                 fmt::format("interface {} on `{}`, a scalar argument ({}): {} needs an array, "
                             "pointer or stream",
                             mode, param->name, param->type, mode),
                 p.line);
        if ((mode == "ap_fifo" || mode == "axis") && !param->isStream && !param->isScalar())
            checkSequential(p, *param, mode);
        if (mode == "m_axi" && !param->isScalar() && !param->isStream) checkBurst(p, *param);
    }

    std::vector<const HlsAccess*> accessesOf(const std::string& function, const std::string& name) const
    {
        std::vector<const HlsAccess*> out;
        for (const auto& acc : a_.accesses)
            if (acc.function == function && acc.array == name) out.push_back(&acc);
        return out;
    }

    // The index flattened over the argument's dimensions (row-major).
    static AffineIndex flatten(const HlsAccess& acc, const std::vector<long>& dims)
    {
        AffineIndex flat;
        flat.affine = true;
        long stride = 1;
        for (int d = static_cast<int>(acc.indices.size()) - 1; d >= 0; --d) {
            const auto& idx = acc.indices[d];
            if (!idx.affine) return AffineIndex{};
            flat.constant += idx.constant * stride;
            for (const auto& [v, c] : idx.coeffs) flat.coeffs[v] += c * stride;
            if (d < static_cast<int>(dims.size())) stride *= dims[d];
        }
        return flat;
    }

    long coeffOf(const AffineIndex& idx, int loop) const
    {
        auto it = idx.coeffs.find(a_.loops[loop].inductionVar);
        return it == idx.coeffs.end() ? 0 : it->second;
    }

    // ap_fifo / axis: each element once, in order: one access, its address the running count
    // of the loop nest around it.
    void checkSequential(const HlsPragma& p, const HlsParam& param, const std::string& mode)
    {
        const auto accs = accessesOf(p.function, param.name);
        if (accs.empty()) return;
        const auto fail = [&](const std::string& why, int line) {
            fire("fifo-sequential-access", param.name,
                 fmt::format("interface {} on `{}` needs sequential access, but {}", mode,
                             param.name, why),
                 line);
        };
        bool reads = false, writes = false;
        for (const auto* acc : accs) {
            reads = reads || acc->isRead;
            writes = writes || acc->isWrite;
        }
        if (reads && writes) return fail("it is both read and written", accs[0]->line);
        if (accs.size() > 1)
            return fail(fmt::format("it is accessed at {} places (lines {} and {})", accs.size(),
                                    accs[0]->line, accs[1]->line),
                        accs[1]->line);
        const HlsAccess& acc = *accs[0];
        const AffineIndex flat = flatten(acc, param.arrayDims);
        if (!flat.affine)
            return fail(fmt::format("its index `{}` depends on data", acc.indices.back().text), acc.line);
        long inner = 1;  // elements one iteration of the current loop covers
        for (int l = acc.loop; l >= 0; l = a_.loops[l].parent) {
            const HlsLoop& loop = a_.loops[l];
            const long stride = coeffOf(flat, l) * loop.step;
            if (stride != inner)
                return fail(fmt::format("loop `{}` moves its address by {} per iteration (sequential "
                                        "needs {})",
                                        loop.name(), stride, inner),
                            acc.line);
            if (loop.tripCount < 0) break;
            inner *= loop.tripCount;
        }
    }

    // m_axi: burst transfers need addresses that increase by one element per iteration of the
    // innermost loop; a data-dependent, strided or decreasing address is a single-beat access.
    void checkBurst(const HlsPragma& p, const HlsParam& param)
    {
        for (const auto* acc : accessesOf(p.function, param.name)) {
            if (acc->loop < 0) continue;
            const AffineIndex flat = flatten(*acc, param.arrayDims);
            const HlsLoop& loop = a_.loops[acc->loop];
            std::string why;
            if (!flat.affine)
                why = fmt::format("the address `{}` depends on data", acc->indices.back().text);
            else if (const long stride = coeffOf(flat, acc->loop) * loop.step; stride < 0)
                why = fmt::format("the address decreases by {} per iteration of loop `{}`", -stride,
                                  loop.name());
            else if (stride > 1)
                why = fmt::format("the address strides by {} elements per iteration of loop `{}`",
                                  stride, loop.name());
            if (!why.empty()) {
                fire("maxi-burst", param.name,
                     fmt::format("m_axi port `{}` cannot burst: {}", param.name, why), acc->line);
                return;
            }
        }
    }

    void checkDataflow(const HlsPragma& p)
    {
        if (p.loop < 0) return;
        const HlsLoop& loop = a_.loops[p.loop];
        if (!loop.bodyOnlyCalls)
            fire("dataflow-placement", loopSubject(p.loop),
                 fmt::format("DATAFLOW inside loop `{}`, whose body is not a sequence of task "
                             "calls; a dataflow region is a function body or a loop of calls",
                             loop.name()),
                 p.line);
        if (pipelinedAncestor(p.loop, true) >= 0)
            fire("dataflow-placement", loopSubject(p.loop) + ":pipelined",
                 fmt::format("DATAFLOW inside the pipelined loop `{}`", loop.name()), p.line);
    }

    bool functionPipelined(const std::string& fn) const
    {
        for (const auto& p : a_.pragmas)
            if (p.directive == "PIPELINE" && p.loop < 0 && p.function == fn && !p.hasFlag("off"))
                return true;
        return false;
    }

    // The nearest pipelined loop above `loop` (or `loop` itself when `self`), else -1.
    int pipelinedAncestor(int loop, bool self) const
    {
        for (int l = self ? loop : a_.loops[loop].parent; l >= 0; l = a_.loops[l].parent)
            if (a_.pipelineOf(l) >= 0) return l;
        return -1;
    }

    void checkPipelines()
    {
        for (size_t i = 0; i < a_.loops.size(); ++i) {
            const int l = static_cast<int>(i);
            const HlsLoop& loop = a_.loops[l];
            const int above = pipelinedAncestor(l, false);
            const bool inPipelinedFunction = functionPipelined(loop.function);
            if (a_.pipelineOf(l) >= 0) {
                if (above >= 0 || inPipelinedFunction)
                    fire("pipeline-nesting", loopSubject(l),
                         fmt::format("loop `{}` is pipelined inside the pipelined {}", loop.name(),
                                     above >= 0 ? "loop `" + a_.loops[above].name() + "`"
                                                : "function `" + loop.function + "`"),
                         loop.line);
                continue;
            }
            if (above < 0 && !inPipelinedFunction) continue;
            const std::string where = above >= 0 ? "loop `" + a_.loops[above].name() + "`"
                                                 : "function `" + loop.function + "`";
            if (loop.tripCount < 0) {
                fire("unroll-under-pipeline", loopSubject(l),
                     fmt::format("loop `{}` under the pipelined {} has a variable trip count, so it "
                                 "cannot be fully unrolled",
                                 loop.name(), where),
                     loop.line);
                continue;
            }
            for (const auto& p : a_.pragmas) {
                if (p.loop != l || p.directive != "UNROLL") continue;
                const long factor = std::atol(p.arg("factor").c_str());
                const bool off = p.arg("off") == "true" || p.hasFlag("off");
                if (off || (factor > 0 && factor < loop.tripCount))
                    fire("unroll-under-pipeline", loopSubject(l),
                         fmt::format("loop `{}` under the pipelined {} is unrolled {} (trip count "
                                     "{}); a pipelined loop needs the loops below it fully unrolled",
                                     loop.name(), where, off ? "not at all" : "by " + p.arg("factor"),
                                     loop.tripCount),
                         p.line);
            }
        }
    }

    struct Cut {
        std::string type;
        long factor = 0;
    };

    // Bank of one index of a partitioned dimension.
    static long bankOf(long idx, long size, const Cut& cut)
    {
        if (cut.type == "complete") return idx;
        const long f = std::max(1L, cut.factor);
        if (cut.type == "cyclic") return ((idx % f) + f) % f;
        const long block = (size + f - 1) / f;
        return idx >= 0 ? idx / block : -1 - (-idx - 1) / block;
    }

    // Index values of every lane of the loops unrolled under the pipelined region `region`
    // (-1: the whole function); other variables keep their first value.
    bool laneValues(const HlsAccess& acc, int region, std::vector<std::map<std::string, long>>& lanes) const
    {
        lanes = {{}};
        for (int l = acc.loop; l >= 0 && l != region; l = a_.loops[l].parent) {
            const HlsLoop& loop = a_.loops[l];
            if (loop.tripCount < 0 || loop.inductionVar.empty()) return false;
            std::vector<std::map<std::string, long>> next;
            for (const auto& lane : lanes)
                for (long k = 0; k < loop.tripCount; ++k) {
                    auto v = lane;
                    v[loop.inductionVar] = loop.start + k * (loop.step ? loop.step : 1);
                    next.push_back(std::move(v));
                }
            lanes = std::move(next);
            if (lanes.size() > kMaxLanes) return false;
        }
        for (int l = region; l >= 0; l = a_.loops[l].parent)
            for (auto& lane : lanes) lane.emplace(a_.loops[l].inductionVar, a_.loops[l].start);
        return true;
    }

    static long evaluate(const AffineIndex& idx, const std::map<std::string, long>& values)
    {
        long v = idx.constant;
        for (const auto& [name, c] : idx.coeffs) {
            auto it = values.find(name);
            v += c * (it == values.end() ? kParamValue : it->second);
        }
        return v;
    }

    // Partitioned arrays: the elements one pipeline iteration touches must spread over banks
    // so that no bank serves more than its ports.
    void checkBanks()
    {
        std::map<std::pair<std::string, std::string>, std::map<int, Cut>> cuts;
        for (const auto& p : a_.pragmas) {
            if (p.directive != "ARRAY_PARTITION") continue;
            const HlsArray* arr = a_.array(p.function, p.arg("variable"));
            if (!arr) continue;
            const int dim = p.arg("dim").empty() ? 1 : std::atoi(p.arg("dim").c_str());
            for (int d = 1; d <= static_cast<int>(arr->dims.size()); ++d)
                if (dim == 0 || dim == d)
                    cuts[{arr->function, arr->name}][d] = {p.partitionType(),
                                                           std::atol(p.arg("factor").c_str())};
        }
        // Regions: each pipelined loop and each pipelined function.
        std::vector<std::pair<std::string, int>> regions;
        for (size_t l = 0; l < a_.loops.size(); ++l)
            if (a_.pipelineOf(static_cast<int>(l)) >= 0)
                regions.push_back({a_.loops[l].function, static_cast<int>(l)});
        for (const auto& f : a_.functions)
            if (functionPipelined(f.name)) regions.push_back({f.name, -1});
        for (const auto& [fn, region] : regions) checkRegion(fn, region, cuts);
    }

    void checkRegion(const std::string& fn, int region,
                     const std::map<std::pair<std::string, std::string>, std::map<int, Cut>>& cuts)
    {
        // array -> bank -> distinct elements
        std::map<std::string, std::map<std::vector<long>, std::set<std::vector<long>>>> use;
        for (const auto& acc : a_.accesses) {
            if (acc.function != fn) continue;
            if (region >= 0 && (acc.loop < 0 || !a_.within(acc.loop, region))) continue;
            const HlsArray* arr = a_.array(fn, acc.array);
            if (!arr || arr->isParam || acc.indices.size() != arr->dims.size()) continue;
            bool affine = true;
            for (const auto& idx : acc.indices) affine = affine && idx.affine;
            std::vector<std::map<std::string, long>> lanes;
            if (!affine || !laneValues(acc, region, lanes)) continue;
            auto cutIt = cuts.find({fn, acc.array});
            for (const auto& lane : lanes) {
                std::vector<long> element, bank;
                for (size_t d = 0; d < acc.indices.size(); ++d) {
                    const long idx = evaluate(acc.indices[d], lane);
                    element.push_back(idx);
                    if (cutIt == cuts.end()) continue;
                    auto c = cutIt->second.find(static_cast<int>(d) + 1);
                    if (c != cutIt->second.end()) bank.push_back(bankOf(idx, arr->dims[d], c->second));
                }
                use[acc.array][bank].insert(element);
            }
        }
        const std::string where = region >= 0 ? "pipelined loop `" + a_.loops[region].name() + "`"
                                              : "pipelined function `" + fn + "`";
        for (const auto& [array, banks] : use) {
            for (const auto& [bank, elements] : banks) {
                if (static_cast<long>(elements.size()) <= kPortsPerBank) continue;
                fire("partition-bank-conflict",
                     fmt::format("{}@{}", array, region >= 0 ? loopSubject(region) : fn),
                     fmt::format("one iteration of the {} accesses {} elements of `{}` that share "
                                 "one memory bank (a bank has {} ports), so it cannot reach its II",
                                 where, elements.size(), array, kPortsPerBank),
                     region >= 0 ? a_.loops[region].line : 0);
                break;
            }
        }
    }

    const HlsAnalysis& a_;
    std::vector<RuleViolation> out_;
};

}  // namespace

std::vector<RuleViolation> checkHlsRules(const HlsAnalysis& analysis)
{
    return RuleChecker(analysis).run();
}

std::vector<RuleViolation> newViolations(const std::vector<RuleViolation>& original,
                                         const std::vector<RuleViolation>& mutant)
{
    std::set<std::string> before;
    for (const auto& v : original) before.insert(v.key());
    std::vector<RuleViolation> out;
    for (const auto& v : mutant)
        if (!before.count(v.key())) out.push_back(v);
    return out;
}

const std::vector<std::pair<std::string, std::string>>& hlsRules()
{
    static const std::vector<std::pair<std::string, std::string>> rules = {
        {"partition-factor-divides", "a cyclic/block array_partition factor divides the dimension"},
        {"partition-dim-in-rank", "array_partition dim is 0 or names one of the array's dimensions"},
        {"partition-bank-conflict", "a pipeline iteration needs no more than 2 elements per bank"},
        {"pipeline-nesting", "a pipelined loop is not inside another pipelined loop or function"},
        {"unroll-under-pipeline", "loops below a pipelined loop can be and are fully unrolled"},
        {"dataflow-placement", "DATAFLOW sits in a function body or a loop of task calls"},
        {"interface-mode-type", "scalar protocols on scalars, memory/stream protocols on arrays"},
        {"fifo-sequential-access", "ap_fifo/axis arrays are accessed once each, in order"},
        {"maxi-burst", "m_axi accesses in loops use increasing, contiguous, data-independent addresses"},
    };
    return rules;
}

}  // namespace veriloop
