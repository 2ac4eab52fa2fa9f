#include "mutators/operator.h"

#include <algorithm>
#include <set>

#include <fmt/format.h>

namespace veriloop {

OperatorRegistry& OperatorRegistry::instance()
{
    static OperatorRegistry registry;
    return registry;
}

void OperatorRegistry::add(std::unique_ptr<MutationOperator> op)
{
    ops_.push_back(std::move(op));
    std::sort(ops_.begin(), ops_.end(),
              [](const auto& a, const auto& b) { return a->info().id < b->info().id; });
}

const MutationOperator* OperatorRegistry::find(const std::string& id) const
{
    for (const auto& op : ops_)
        if (op->info().id == id) return op.get();
    return nullptr;
}

std::vector<std::string> OperatorRegistry::groups() const
{
    std::set<std::string> names = {"all"};
    for (const auto& op : ops_)
        for (const auto& g : op->info().groups) names.insert(g);
    for (const auto& [cls, _] : bugClasses()) names.insert(cls);
    return {names.begin(), names.end()};
}

tl::expected<std::vector<const MutationOperator*>, std::string> OperatorRegistry::select(
    const std::string& spec) const
{
    std::vector<const MutationOperator*> out;
    size_t start = 0;
    while (start <= spec.size()) {
        size_t comma = spec.find(',', start);
        std::string name = spec.substr(start, comma == std::string::npos ? std::string::npos
                                                                         : comma - start);
        bool matched = false;
        for (const auto& op : ops_) {
            const auto& g = op->info().groups;
            if (name == "all" || name == op->info().id || name == op->info().bugClass ||
                std::find(g.begin(), g.end(), name) != g.end()) {
                if (std::find(out.begin(), out.end(), op.get()) == out.end())
                    out.push_back(op.get());
                matched = true;
            }
        }
        if (!matched) {
            std::string known;
            for (const auto& gname : groups()) known += (known.empty() ? "" : ", ") + gname;
            return tl::unexpected(fmt::format(
                "unknown operator or group `{}`; groups: {} (operator ids: veriloop mutate --list-operators)",
                name, known));
        }
        if (comma == std::string::npos) break;
        start = comma + 1;
    }
    return out;
}

const std::vector<std::pair<std::string, std::string>>& bugClasses()
{
    static const std::vector<std::pair<std::string, std::string>> classes = {
        {"arithmetic", "wrong arithmetic operator"},
        {"relational", "wrong relational operator (boundary)"},
        {"logical", "wrong logical or bitwise operator"},
        {"shift", "wrong shift direction or kind"},
        {"inverted-condition", "condition inverted"},
        {"constant", "constant off by one or wrong literal"},
        {"reset-value", "wrong reset value"},
        {"blocking-assignment", "blocking vs non-blocking assignment"},
        {"reset-polarity", "wrong reset polarity"},
        {"index", "bit/part-select index off by one"},
        {"sign-extension", "missing sign extension"},
        {"wrong-variable", "wrong variable of the same width"},
        {"case-item", "missing case item or default"},
        {"deleted-assignment", "assignment deleted"},
        {"concat-order", "swapped concatenation order"},
        {"port-swap", "swapped instance port connections"},
        // HLS C++: the 18 types of the Chrysalis HLS bug taxonomy, by their names ...
        {"OOB", "HLS: out-of-bounds array access"},
        {"INIT", "HLS: read of an uninitialized variable"},
        {"SHFT", "HLS: shift by an out-of-range amount"},
        {"INF", "HLS: infinite loop from a wrong termination"},
        {"USE", "HLS: unintended sign extension"},
        {"MLU", "HLS: error in manual loop unrolling"},
        {"ZERO", "HLS: initialized to zero instead of a non-zero value"},
        {"BUF", "HLS: copy from the wrong half of a split buffer"},
        {"APT", "HLS pragma: wrong array_partition type"},
        {"FND", "HLS pragma: array_partition factor does not divide the dimension"},
        {"DID", "HLS pragma: wrong array_partition dim"},
        {"DFP", "HLS pragma: dataflow in the wrong position"},
        {"IDAP", "HLS pragma: interface with an incorrect data access pattern"},
        {"RAMB", "HLS pragma: random access on an m_axi interface (no burst)"},
        {"SMA", "HLS pragma: scalar mapped to an array interface"},
        {"AMS", "HLS pragma: array mapped to a scalar interface"},
        {"MLP", "HLS pragma: multi-level pipelining"},
        {"ILNU", "HLS pragma: inner loop not fully unrolled under a pipelined loop"},
        // ... and the general HLS classes not shared with RTL.
        {"loop-bound", "HLS: loop bound off by one"},
        {"bit-width", "HLS: ap_int/ap_fixed width narrowed"},
        {"deleted-statement", "HLS: statement deleted"},
    };
    return classes;
}

Edit editToken(const Site& site, std::string newText)
{
    return Edit{site.token, site.text, std::move(newText)};
}

}  // namespace veriloop
