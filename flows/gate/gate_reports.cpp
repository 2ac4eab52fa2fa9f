#include "flows/gate/gate_reports.h"

#include <map>

#include <fmt/format.h>

namespace veriloop {

namespace {

std::string xmlEscaped(const std::string& s)
{
    std::string out;
    for (unsigned char c : s) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&apos;"; break;
        default:
            if (c < 0x20 && c != '\n' && c != '\t') out += ' ';  // not allowed in XML 1.0
            else out += static_cast<char>(c);
        }
    }
    return out;
}

std::string where(const GateFinding& f)
{
    if (f.file.empty()) return "";
    return f.line > 0 ? fmt::format("{}:{}:{}", f.file, f.line, std::max(f.column, 1)) : f.file;
}

std::string shortCommit(const std::string& c) { return c.substr(0, 12); }

struct Counts {
    int tests = 0, failures = 0, errors = 0, skipped = 0;
    double seconds = 0;
    void add(const GateCheckResult& c)
    {
        ++tests;
        seconds += c.seconds;
        failures += c.status == GateStatus::Fail || c.status == GateStatus::Timeout;
        errors += c.status == GateStatus::Error;
        skipped += c.status == GateStatus::Skip;
    }
    std::string attributes() const
    {
        return fmt::format(R"(tests="{}" failures="{}" errors="{}" skipped="{}" time="{:.3f}")", tests,
                           failures, errors, skipped, seconds);
    }
};

std::string checkRuleId(const GateCheckResult& c)
{
    return fmt::format("gate-{}-{}", c.check, c.status == GateStatus::Timeout ? "timeout" : "error");
}

}  // namespace

std::string gateJunitXml(const GateReport& report)
{
    Counts all;
    std::string suites;
    for (const auto& d : report.designs) {
        Counts counts;
        std::string cases;
        for (const auto& c : d.checks) {
            counts.add(c);
            all.add(c);
            std::string body;
            std::string detail = c.summary;
            for (const auto& f : c.findings) detail += "\n" + where(f) + ": " + f.message;
            if (c.status == GateStatus::Fail || c.status == GateStatus::Timeout)
                body = fmt::format(R"(<failure message="{}" type="{}">{}</failure>)", xmlEscaped(c.summary),
                                   gateStatusName(c.status), xmlEscaped(detail));
            else if (c.status == GateStatus::Error)
                body = fmt::format(R"(<error message="{}" type="ERROR">{}</error>)", xmlEscaped(c.summary),
                                   xmlEscaped(detail));
            else if (c.status == GateStatus::Skip)
                body = fmt::format(R"(<skipped message="{}"/>)", xmlEscaped(c.summary));
            else
                body = fmt::format("<system-out>{}</system-out>", xmlEscaped(c.summary));
            cases += fmt::format("    <testcase classname=\"veriloop.gate.{}\" name=\"{}\" time=\"{:.3f}\">{}</testcase>\n",
                                 xmlEscaped(d.name), xmlEscaped(c.check), c.seconds, body);
        }
        suites += fmt::format("  <testsuite name=\"{}\" {}>\n{}  </testsuite>\n", xmlEscaped(d.name),
                              counts.attributes(), cases);
    }
    return fmt::format("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"veriloop gate\" {}>\n{}</testsuites>\n",
                       all.attributes(), suites);
}

nlohmann::json gateSarif(const GateReport& report)
{
    std::map<std::string, std::string> ruleText;  // id -> description
    nlohmann::json results = nlohmann::json::array();
    auto addResult = [&](const GateCheckResult& c, const std::string& ruleId, const std::string& level,
                         const std::string& message, const GateFinding* f, const std::string& fingerprint) {
        if (!ruleText.count(ruleId)) {
            const GateCheck* check = findGateCheck(c.check);
            ruleText[ruleId] = check ? std::string(check->summary()) : c.check;
        }
        nlohmann::json r{{"ruleId", ruleId},
                         {"level", level},
                         {"message", {{"text", message}}},
                         {"partialFingerprints", {{"veriloopFindingHash/v1", fingerprint}}}};
        if (f && !f->file.empty()) {
            nlohmann::json loc{{"artifactLocation", {{"uri", f->file}, {"uriBaseId", "SRCROOT"}}}};
            if (f->line > 0) {
                nlohmann::json region{{"startLine", f->line}};
                if (f->column > 0) region["startColumn"] = f->column;
                if (f->endLine >= f->line) region["endLine"] = f->endLine;
                if (f->endColumn > 0 && f->endLine >= f->line) region["endColumn"] = f->endColumn;
                loc["region"] = region;
            }
            r["locations"] = nlohmann::json::array({{{"physicalLocation", loc}}});
        }
        results.push_back(r);
    };
    for (const auto& d : report.designs)
        for (const auto& c : d.checks) {
            for (const auto& f : c.findings) addResult(c, f.ruleId, f.level, f.message, &f, f.fingerprint);
            if (c.findings.empty() && (c.status == GateStatus::Error || c.status == GateStatus::Timeout ||
                                       c.status == GateStatus::Fail))
                addResult(c, checkRuleId(c), "error", fmt::format("{}: {}", d.name, c.summary), nullptr,
                          d.folder + "/" + c.check);
        }
    nlohmann::json rules = nlohmann::json::array();
    std::map<std::string, int> index;
    for (const auto& [id, text] : ruleText) {
        index[id] = static_cast<int>(rules.size());
        rules.push_back({{"id", id}, {"shortDescription", {{"text", text}}}});
    }
    for (auto& r : results) r["ruleIndex"] = index[r["ruleId"].get<std::string>()];
    nlohmann::json run{
        {"tool", {{"driver", {{"name", "veriloop"}, {"version", VERILOOP_VERSION}, {"rules", rules}}}}},
        {"originalUriBaseIds", {{"SRCROOT", {{"uri", "file://" + report.repo + "/"}}}}},
        {"results", results},
        {"properties", {{"base", report.baseCommit}, {"head", report.headCommit}}}};
    return {{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
            {"version", "2.1.0"},
            {"runs", nlohmann::json::array({run})}};
}

std::string gateMarkdown(const GateReport& report, size_t maxFindings)
{
    std::vector<std::string> checks;
    for (const auto* c : gateChecks()) checks.push_back(std::string(c->id()));
    std::string out = fmt::format("## veriloop gate: {}\n\n`{}` ({}) → `{}` ({}), {} design(s) changed, {:.0f} s\n\n",
                                  report.passed() ? "PASS" : "FAIL", report.base, shortCommit(report.baseCommit),
                                  report.head, shortCommit(report.headCommit), report.designs.size(), report.seconds);
    if (!report.designs.empty()) {
        out += "| design |";
        for (const auto& c : checks) out += " " + c + " |";
        out += "\n|---|";
        for (size_t i = 0; i < checks.size(); ++i) out += "---|";
        out += "\n";
        for (const auto& d : report.designs) {
            out += "| " + d.name + " |";
            for (const auto& name : checks) {
                std::string cell = " ";
                for (const auto& c : d.checks)
                    if (c.check == name || (c.check == "load" && name == checks.front()))
                        cell = c.status == GateStatus::Pass || c.status == GateStatus::Skip
                                   ? std::string(gateStatusName(c.status))
                                   : fmt::format("**{}**", gateStatusName(c.status));
                out += " " + cell + " |";
            }
            out += "\n";
        }
    }
    std::string findings;
    size_t shown = 0;
    for (const auto& d : report.designs)
        for (const auto& c : d.checks) {
            if (c.status != GateStatus::Pass && c.status != GateStatus::Skip && c.findings.empty() &&
                shown++ < maxFindings)
                findings += fmt::format("- **{}** {} {}: {}\n", gateStatusName(c.status), d.name, c.check, c.summary);
            for (const auto& f : c.findings)
                if (shown++ < maxFindings)
                    findings += fmt::format("- `{}` {}: {}\n", where(f), f.ruleId, f.message);
        }
    if (!findings.empty()) out += "\n### Findings\n\n" + findings;
    if (shown > maxFindings) out += fmt::format("\n… and {} more (see the SARIF report)\n", shown - maxFindings);
    for (const auto& n : report.notes) out += "\n> " + n + "\n";
    return out;
}

nlohmann::json gateJson(const GateReport& report)
{
    nlohmann::json designs = nlohmann::json::array();
    for (const auto& d : report.designs) {
        nlohmann::json checks = nlohmann::json::array();
        for (const auto& c : d.checks) {
            nlohmann::json findings = nlohmann::json::array();
            for (const auto& f : c.findings)
                findings.push_back({{"rule", f.ruleId}, {"level", f.level}, {"message", f.message},
                                    {"file", f.file}, {"line", f.line}, {"column", f.column},
                                    {"fingerprint", f.fingerprint}});
            checks.push_back({{"check", c.check}, {"status", gateStatusName(c.status)},
                              {"summary", c.summary}, {"seconds", c.seconds}, {"details", c.details},
                              {"findings", findings}, {"artifacts", c.artifacts}});
        }
        nlohmann::json changed = nlohmann::json::object();
        for (const auto& [file, spans] : d.changedLines) changed[file] = spans;
        designs.push_back({{"design", d.name}, {"folder", d.folder}, {"changed_lines", changed},
                           {"checks", checks}});
    }
    return {{"status", report.passed() ? "PASS" : "FAIL"}, {"base", report.base},
            {"head", report.head}, {"base_commit", report.baseCommit},
            {"head_commit", report.headCommit}, {"seconds", report.seconds},
            {"designs", designs}, {"notes", report.notes}};
}

std::string gateText(const GateReport& report)
{
    std::string out;
    for (const auto& d : report.designs)
        for (const auto& c : d.checks) {
            out += fmt::format("{:<24} {:<12} {:<8} {}\n", d.name, c.check, gateStatusName(c.status), c.summary);
            for (const auto& f : c.findings) out += fmt::format("    {}: {} [{}]\n", where(f), f.message, f.ruleId);
        }
    for (const auto& n : report.notes) out += "note: " + n + "\n";
    out += fmt::format("gate: {} ({} design(s) changed between {} and {}, {:.0f} s)\n",
                       report.passed() ? "PASS" : "FAIL", report.designs.size(), report.base, report.head,
                       report.seconds);
    return out;
}

}  // namespace veriloop
