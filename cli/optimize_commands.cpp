// `veriloop optimize DIR` and `veriloop eval optimize`. Exit codes (STYLE.md: exit 0 only when
// the outcome is the one expected):
//   optimize       0 at least one proposal was proved and kept, 1 none was, 2 bad input
//   eval optimize  0 the evaluation ran, 2 bad input

#include "cli/optimize_commands.h"

#include <memory>

#include <fmt/format.h>

#include "cli/cli_support.h"
#include "core/design.h"
#include "core/interrupt.h"
#include "core/json_text.h"
#include "core/text.h"
#include "dataset/database.h"
#include "flows/optimize.h"
#include "llm_client/llm_optimizer.h"

namespace veriloop::cli {

namespace {

struct OptimizeFlags {
    std::string target = "xilinx";
    std::string work, db;
    int maxRounds = 8, maxProofs = 6, bound = 20, jobs = 2;
    double proofSeconds = 60, maxSeconds = 0;
    LlmFlags llm;

    void add(CLI::App* cmd)
    {
        cmd->add_option("--target", target, "xilinx: synth_xilinx LUT/FF/DSP/BRAM (7-series); generic: Yosys' "
                                            "gate library, cell count")
            ->check(CLI::IsMember({"xilinx", "generic"}))
            ->capture_default_str();
        cmd->add_option("--max-rounds", maxRounds, "Propose/prove rounds at most (one kept proposal a round)")
            ->capture_default_str();
        cmd->add_option("--max-proofs", maxProofs, "Proofs per round at most, the biggest gain first")
            ->capture_default_str();
        cmd->add_option("--bound", bound, "Induction depth of a sequential proof")->capture_default_str();
        cmd->add_option("--proof-seconds", proofSeconds, "Seconds per proof")->capture_default_str();
        cmd->add_option("--max-seconds", maxSeconds, "Wall-clock seconds per design at most; 0: no limit")
            ->capture_default_str();
        cmd->add_option("--jobs,-j", jobs, "Synthesis runs at once")->capture_default_str();
        cmd->add_option("--db", db, "Store each kept optimization in this dataset (an `optimize` record; "
                                    "`dataset export` writes optimize_<split>.jsonl)");
        cmd->add_option("--work", work, "Scratch folder (default: a temporary folder, removed)");
        llm.add(cmd);
    }

    OptimizeOptions options(const std::filesystem::path& workDir) const
    {
        OptimizeOptions o;
        o.target = target == "generic" ? SynthTarget::Generic : SynthTarget::Xilinx;
        o.workDir = workDir;
        o.maxRounds = maxRounds;
        o.maxProofsPerRound = maxProofs;
        o.bound = bound;
        o.proofSeconds = proofSeconds;
        o.maxSeconds = maxSeconds;
        o.jobs = std::max(1, jobs);
        if (stderrProgress()) o.progress = [](const std::string& line) { fmt::print(stderr, "{}\n", line); };
        return o;
    }

    tl::expected<std::unique_ptr<OptimizationProposer>, std::string> proposer() const
    {
        if (!llm.wanted()) return std::unique_ptr<OptimizationProposer>(std::make_unique<BuiltinOptimizer>());
        auto c = llm.config();
        if (!c) return tl::unexpected(c.error());
        auto client = llm::LlmClient::create(*c);
        if (!client) return tl::unexpected(client.error().format());
        return std::unique_ptr<OptimizationProposer>(std::make_unique<llm::LlmOptimizer>(std::move(*client)));
    }
};

int runOptimize(const std::string& dir, const std::string& jsonFile, bool apply, const OptimizeFlags& flags,
                const std::string& commandLine)
{
    auto design = loadDesign(dir);
    if (!design) return badInput(design.error());
    if (auto bad = unwritable(jsonFile, "--json")) return badInput(*bad);
    auto proposer = flags.proposer();
    if (!proposer) return badInput(makeDiag(DiagCode::InvalidOption, proposer.error()));
    auto dataset = openDataset(flags.db, commandLine);
    if (!dataset) return badInput(dataset.error());
    installInterruptHandler();
    const auto work = workFolder(flags.work, "optimize");
    auto report = optimizeDesign(*design, **proposer, flags.options(work));
    removeWork(flags.work, work);
    if (!report) return badInput(report.error());
    if (*dataset) {
        auto stored = storeOptimizations((*dataset)->first, *design, *report, (*dataset)->second);
        if (!stored) return badInput(stored.error());
        fmt::print(stderr, "stored {} optimization(s) in {}\n", *stored, flags.db);
    }
    if (!jsonFile.empty()) writeJsonReport(jsonFile, report->toJson());
    if (jsonFile != "-") {
        fmt::print("{}", report->toText());
        if (!report->patch.empty()) fmt::print("\n{}", report->patch);
    }
    if (report->kept() == 0) return 1;
    if (apply) {
        if (!applySources(*design, report->result, "the optimization")) return 2;
    } else if (jsonFile != "-") {
        fmt::print("\n(your files are unchanged; run again with --apply to write the result)\n");
    }
    return 0;
}

int runEvalOptimize(const std::vector<std::string>& roots, bool json, const OptimizeFlags& flags,
                    const std::string& commandLine)
{
    auto dirs = designDirsBelow(roots);
    if (!dirs) return badInput(dirs.error());
    auto proposer = flags.proposer();
    if (!proposer) return badInput(makeDiag(DiagCode::InvalidOption, proposer.error()));
    auto dataset = openDataset(flags.db, commandLine);
    if (!dataset) return badInput(dataset.error());
    installInterruptHandler();
    const auto workRoot = workFolder(flags.work, "eval-optimize");
    nlohmann::json rows = nlohmann::json::array();
    const bool xilinx = flags.target != "generic";
    // The table goes to stdout, or with --json to stderr as each design ends (the JSON object
    // comes at the end).
    FILE* table = json ? stderr : stdout;
    fmt::print(table, "{:<22}{:>9}{:>6}{:>9}{:>9}{:>11}{:>11}  {}\n", "design", "proposed", "kept", "area", "area'",
                   xilinx ? "LUT/FF" : "cells/FF", xilinx ? "LUT'/FF'" : "cells'/FF'", "proof");
    int designsImproved = 0;
    for (const auto& dir : *dirs) {
        if (interruptRequested()) break;
        auto design = loadDesign(dir);
        if (!design) {
            fmt::print(stderr, "{}\n", design.error().render());
            continue;
        }
        if (!design->isRtl()) continue;
        auto report = optimizeDesign(*design, **proposer, flags.options(workRoot / design->name));
        if (!report) {
            fmt::print(stderr, "{}: {}\n", design->name, report.error().format());
            rows.push_back({{"design", design->name}, {"error", report.error().format()}});
            continue;
        }
        if (*dataset) {
            if (auto stored = storeOptimizations((*dataset)->first, *design, *report, (*dataset)->second); !stored)
                return badInput(stored.error());
        }
        designsImproved += report->kept() > 0;
        nlohmann::json j = report->toJson();
        rows.push_back({{"design", design->name},
                        {"proposals", report->proposals.size()},
                        {"kept", report->kept()},
                        {"before", j["before"]},
                        {"after", j["after"]},
                        {"area_delta", report->after.area(xilinx) - report->before.area(xilinx)},
                        {"proof_method", report->proofMethod},
                        {"patch", report->patch}});
        {
            const auto& b = report->before;
            const auto& a = report->after;
            fmt::print(table, "{:<22}{:>9}{:>6}{:>9}{:>9}{:>11}{:>11}  {}\n", design->name, report->proposals.size(),
                       report->kept(), b.area(xilinx), a.area(xilinx),
                       fmt::format("{}/{}", xilinx ? b.luts : b.totalCells, b.ffs),
                       fmt::format("{}/{}", xilinx ? a.luts : a.totalCells, a.ffs),
                       report->proofMethod.empty() ? "-" : report->proofMethod.substr(0, report->proofMethod.find(':')));
        }
    }
    removeWork(flags.work, workRoot);
    if (json) {
        fmt::print("{}\n", jsonText({{"target", flags.target},
                                     {"designs", rows.size()},
                                     {"improved", designsImproved},
                                     {"results", rows}},
                                    2));
    } else {
        fmt::print("{} of {} designs improved by a proved optimization\n", designsImproved, rows.size());
    }
    return 0;
}

}  // namespace

std::function<int()> addOptimizeCommands(CLI::App& app, CLI::App& eval, const std::string& commandLine)
{
    struct State {
        std::string dir, json, commandLine;
        std::vector<std::string> roots;
        bool apply = false, evalJson = false;
        OptimizeFlags flags, evalFlags;
    };
    auto st = std::make_shared<State>();
    st->commandLine = commandLine;
    auto* optimize = app.add_subcommand(
        "optimize",
        "Make an RTL design smaller or shallower, keeping only what Yosys proves equivalent.\n"
        "A proposer offers changed versions: an LLM when --llm-url/--model (or VERILOOP_LLM_URL)\n"
        "is given, else the built-in rewrites (narrow a register, compare a bounded counter\n"
        "with ==, re-encode a state machine). Each is screened (design files only, no port\n"
        "changes), re-parsed, synthesized (--target xilinx: synth_xilinx LUT/FF/DSP/BRAM;\n"
        "generic: gate count; both with the longest path) and, when smaller or as small and\n"
        "shallower, proved equivalent to the original with libyosys: a complete SAT proof for\n"
        "combinational logic, k-induction from the reset sequence for sequential logic. A\n"
        "counterexample rejects it (replayed in Verilator, the differing output shown); an\n"
        "unknown result or a timeout rejects it too. Kept proposals are applied greedily,\n"
        "round after round, until none proves and improves. Your files change only with --apply.\n"
        "Exit: 0 at least one optimization kept, 1 none, 2 bad input.\n\n"
        "Examples:\n"
        "  veriloop optimize fpga_targets/systolic_int8\n"
        "  veriloop optimize corpora/rtl/timer_prescaler --target generic --json -\n"
        "  veriloop optimize my_design --llm-url http://127.0.0.1:8000/v1 --model my-coder --apply");
    optimize->add_option("design", st->dir, "Design folder (holding design.toml)")->required();
    optimize->add_option("--json", st->json,
                         "Write the report to FILE (`-`: stdout instead of the text report): before, after, "
                         "kept, proof_method, patch, proposals [{round, origin, description, outcome, reason, "
                         "synth, proof, counterexample, diff}]");
    optimize->add_flag("--apply", st->apply, "Write the optimized sources into the design's files");
    st->flags.add(optimize);

    auto* evalOptimize = eval.add_subcommand(
        "optimize",
        "Run `optimize` on every RTL design below the given folders and print, per design, the\n"
        "proposals, how many were kept, the area before and after (LUT/FF or cells/FF) and the\n"
        "proof method of the result.\n\n"
        "Examples:\n"
        "  veriloop eval optimize --designs corpora/rtl fpga_targets\n"
        "  veriloop eval optimize --designs fpga_targets --json --db opt.sqlite");
    evalOptimize->add_option("--designs", st->roots, "Folders holding designs")->required();
    evalOptimize->add_flag("--json", st->evalJson,
                           "One JSON object: target, designs, improved, results [{design, proposals, kept, "
                           "before, after, area_delta, proof_method, patch}]");
    st->evalFlags.add(evalOptimize);
    evalOptimize->footer("Exit codes: 0 evaluated, 2 bad input.");

    return [st, optimize, evalOptimize]() -> int {
        if (optimize->parsed()) return runOptimize(st->dir, st->json, st->apply, st->flags, st->commandLine);
        if (evalOptimize->parsed()) return runEvalOptimize(st->roots, st->evalJson, st->evalFlags, st->commandLine);
        return -1;
    };
}

}  // namespace veriloop::cli
