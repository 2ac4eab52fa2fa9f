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
    };
    return classes;
}

Edit editToken(const Site& site, std::string newText)
{
    return Edit{site.token, site.text, std::move(newText)};
}

}  // namespace veriloop
