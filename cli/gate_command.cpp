#include "cli/gate_command.h"

#include <thread>

#include <fmt/format.h>

#include "core/json_text.h"
#include "core/text.h"
#include "flows/gate/gate_reports.h"

namespace vl = veriloop;

namespace veriloop::cli {

namespace {

struct GateArgs {
    vl::GateOptions options;
    std::vector<std::string> scope;
    std::string junit, sarif, summary;
    bool json = false;
    bool quiet = false;
};

bool writeReport(const std::string& path, const std::string& text)
{
    if (path.empty()) return true;
    if (vl::writeFile(path, text)) return true;
    fmt::print(stderr, "{}\n", vl::makeDiag(vl::DiagCode::InvalidOption, "cannot write this report", path).format());
    return false;
}

int runGateCommand(GateArgs& a)
{
    for (const auto& s : a.scope) a.options.scope.push_back(s);
    a.options.progress = vl::progressModeFor(a.quiet);
    if (a.options.jobs <= 0) a.options.jobs = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    auto log = [&](const std::string& line) {
        if (!a.quiet) fmt::print(stderr, "{}\n", line);
    };
    auto report = vl::runGate(a.options, log);
    if (!report) {
        if (a.json)
            fmt::print("{}\n", vl::jsonText({{"status", "ERROR"},
                                             {"error", {{"code", vl::diagCodeName(report.error().code)},
                                                        {"message", report.error().format()}}}}));
        fmt::print(stderr, "{}\n", report.error().render());
        return 2;
    }
    bool written = writeReport(a.junit, vl::gateJunitXml(*report));
    written = writeReport(a.sarif, vl::jsonText(vl::gateSarif(*report), 2) + "\n") && written;
    written = writeReport(a.summary, vl::gateMarkdown(*report)) && written;
    if (a.json)
        fmt::print("{}\n", vl::jsonText(vl::gateJson(*report)));
    else
        fmt::print("{}", vl::gateText(*report));
    if (!written) return 2;
    return report->passed() ? 0 : 1;
}

}  // namespace

std::function<int()> addGateCommand(CLI::App& app)
{
    auto args = std::make_shared<GateArgs>();
    auto* gate = app.add_subcommand(
        "gate",
        "Gate an RTL change in CI: for every design whose files differ between two git revisions,\n"
        "run lint (Verilator -Wall; only warnings base does not have fail), the design's tests,\n"
        "an equivalence proof where the change is declared behavior-preserving (veriloop.toml\n"
        "[gate] equivalent = [\"module\"], or a commit trailer `Veriloop-Equivalent: module`), the\n"
        "design's property file, and the mutation score of the changed lines. Both revisions are\n"
        "exported into a scratch folder; the work tree is never touched. Settings: [gate] and\n"
        "[gate.design.<name>] in veriloop.toml (docs/gate.md).");
    gate->add_option("--base", args->options.base, "Base revision (e.g. origin/main)")->required();
    gate->add_option("--head", args->options.head, "Head revision")->capture_default_str();
    gate->add_option("--repo", args->options.repo, "A folder inside the git work tree")->capture_default_str();
    gate->add_option("--config", args->options.config, "Configuration (default: veriloop.toml at the repository root)");
    gate->add_option("--designs", args->scope, "Only designs below these folders (repeatable)");
    gate->add_flag("--full", args->options.full, "Mutation score of the whole design, not only the changed lines");
    gate->add_option("--jobs,-j", args->options.jobs, "Parallel runs (default: number of cores)");
    gate->add_option("--seed", args->options.seed, "Seed of the mutant sample")->capture_default_str();
    gate->add_option("--work", args->options.work, "Scratch folder, kept (default: a temporary folder, removed)");
    gate->add_option("--artifacts", args->options.artifacts, "Where counterexample waveforms (VCD) go")
        ->capture_default_str();
    gate->add_option("--junit", args->junit, "Write JUnit XML: one testcase per design x check");
    gate->add_option("--sarif", args->sarif, "Write SARIF 2.1.0: lint findings, counterexamples, surviving mutants");
    gate->add_option("--summary", args->summary, "Write a markdown summary (e.g. $GITHUB_STEP_SUMMARY)");
    gate->add_flag("--json", args->json,
                   "Print one JSON object: status, base, head, base_commit, head_commit, seconds,\n"
                   "designs [{design, folder, changed_lines, checks [{check, status, summary, seconds,\n"
                   "details, findings [{rule, level, message, file, line, column, fingerprint}], artifacts}]}]");
    gate->add_flag("--quiet,-q", args->quiet, "No progress and no per-check lines on stderr");
    gate->footer("Statuses: PASS, FAIL, TIMEOUT (over a budget: never a pass), ERROR, SKIP.\n"
                 "Exit codes: 0 every check passed or was skipped, 1 a check failed, timed out or\n"
                 "could not run, 2 bad input (not a git work tree, an unknown revision, a bad\n"
                 "veriloop.toml, a report that cannot be written). The reports never decide the exit code.");
    gate->fallthrough(false);
    return [gate, args]() { return gate->parsed() ? runGateCommand(*args) : -1; };
}

}  // namespace veriloop::cli
