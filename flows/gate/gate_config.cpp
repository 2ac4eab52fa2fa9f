// `[gate]` of veriloop.toml: defaults for every design, `[gate.design.<name>]` overrides. Every
// key is validated (type, range, known check names) so a typo fails loudly instead of quietly
// turning a check off.

#include <fmt/format.h>
#include <toml++/toml.h>

#include "flows/gate/gate.h"

namespace veriloop {

namespace {

Diagnostic configError(const std::filesystem::path& file, const std::string& message,
                       const toml::source_region& where = {})
{
    return makeDiag(DiagCode::InvalidOption, message, file.string(),
                    static_cast<int>(where.begin.line), static_cast<int>(where.begin.column));
}

tl::expected<std::vector<std::string>, std::string> strings(const toml::node& node)
{
    const auto* arr = node.as_array();
    if (!arr) return tl::unexpected(std::string("expected a list of strings"));
    std::vector<std::string> out;
    for (const auto& el : *arr) {
        auto s = el.value<std::string>();
        if (!s) return tl::unexpected(std::string("expected a list of strings"));
        out.push_back(*s);
    }
    return out;
}

std::string knownChecks()
{
    std::string out;
    for (const auto* c : gateChecks()) out += (out.empty() ? "" : ", ") + std::string(c->id());
    return out;
}

// Applies the keys of one table to `s`; `design` tables may not nest further.
tl::expected<void, Diagnostic> applyTable(const toml::table& table, GateSettings& s,
                                          const std::filesystem::path& file, bool isDefaults)
{
    for (const auto& [key, node] : table) {
        const std::string k(key.str());
        const auto where = node.source();
        auto bad = [&](const std::string& why) {
            return tl::unexpected(configError(file, fmt::format("[gate] {}: {}", k, why), where));
        };
        if (k == "design" && isDefaults) continue;
        if (k == "checks" || k == "equivalent") {
            auto list = strings(node);
            if (!list) return bad(list.error());
            if (k == "checks")
                for (const auto& c : *list)
                    if (!findGateCheck(c))
                        return bad(fmt::format("unknown check `{}` (known: {})", c, knownChecks()));
            (k == "checks" ? s.checks : s.equivalent) = *list;
        } else if (k == "min_mutation_score") {
            auto v = node.value<double>();
            if (!v || *v < 0 || *v > 1) return bad("expected a number from 0 to 1");
            s.minMutationScore = *v;
        } else if (k == "max_mutants" || k == "formal_bound") {
            auto v = node.value<int64_t>();
            if (!v || *v < 1) return bad("expected a positive integer");
            if (k == "max_mutants") s.maxMutants = static_cast<size_t>(*v);
            else s.formalBound = static_cast<int>(*v);
        } else if (k == "timeout_s" || k == "budget_s") {
            auto v = node.value<double>();
            if (!v || *v <= 0) return bad("expected a positive number of seconds");
            (k == "timeout_s" ? s.checkTimeoutSeconds : s.designBudgetSeconds) = *v;
        } else if (k == "operators" || k == "properties") {
            auto v = node.value<std::string>();
            if (!v) return bad("expected a string");
            (k == "operators" ? s.operators : s.properties) = *v;
        } else {
            return bad("unknown key (known: checks, min_mutation_score, max_mutants, operators, "
                       "equivalent, properties, timeout_s, budget_s, formal_bound, design)");
        }
    }
    return {};
}

}  // namespace

const GateSettings& GateConfig::forDesign(const std::string& name) const
{
    auto it = designs.find(name);
    return it == designs.end() ? defaults : it->second;
}

tl::expected<GateConfig, Diagnostic> loadGateConfig(const std::filesystem::path& file)
{
    GateConfig config;
    std::error_code ec;
    if (file.empty() || !std::filesystem::exists(file, ec)) return config;
    config.file = file;
    toml::table root;
    try {
        root = toml::parse_file(file.string());
    } catch (const toml::parse_error& err) {
        return tl::unexpected(configError(file, std::string(err.description()), err.source()));
    }
    const auto* gate = root["gate"].as_table();
    if (!gate) return config;
    if (auto r = applyTable(*gate, config.defaults, file, true); !r) return tl::unexpected(r.error());
    if (const auto* node = gate->get("design")) {
        const auto* designs = node->as_table();
        if (!designs)
            return tl::unexpected(configError(file, "[gate] design: expected tables "
                                                    "[gate.design.<name>]", node->source()));
        for (const auto& [name, table] : *designs) {
            const auto* t = table.as_table();
            if (!t)
                return tl::unexpected(configError(
                    file, fmt::format("[gate.design] {}: expected a table", name.str()),
                    table.source()));
            GateSettings s = config.defaults;
            if (auto r = applyTable(*t, s, file, false); !r) return tl::unexpected(r.error());
            config.designs[std::string(name.str())] = s;
        }
    }
    return config;
}

}  // namespace veriloop
