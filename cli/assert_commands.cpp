// `veriloop assert DIR` and `veriloop eval assert`. Exit codes (STYLE.md: exit 0 only when the
// outcome is the one expected):
//   assert       0 at least one assertion was kept, 1 none was, 2 bad input, 130 interrupted
//   eval assert  0 the evaluation ran, 2 bad input

#include "cli/assert_commands.h"

#include <memory>
#include <optional>
#include <set>

#include <fmt/format.h>

#include "cli/cli_support.h"
#include "core/design.h"
#include "core/interrupt.h"
#include "core/json_text.h"
#include "core/text.h"
#include "core/verdict.h"
#include "dataset/database.h"
#include "flows/assertions.h"
#include "frontend/rtl/rtl_frontend.h"
#include "mutators/generate.h"
#include "mutators/operator.h"
#include "llm_client/llm_asserter.h"

namespace veriloop::cli {

namespace {

struct AssertFlags {
    std::string work, db;
    int cycles = 2000, seeds = 3, bound = 20, jobs = 2;
    double proofSeconds = 30;
    size_t maxMutants = 150;
    LlmFlags llm;

    void add(CLI::App* cmd)
    {
        cmd->add_option("--cycles", cycles, "Random cycles of the mining run and of each mutant run "
                                            "(the original's hold runs are 5x longer)")
            ->capture_default_str();
        cmd->add_option("--seeds", seeds, "Random runs of the original a simulation-only assertion must pass")
            ->capture_default_str();
        cmd->add_option("--bound", bound, "Induction depth of a proof")->capture_default_str();
        cmd->add_option("--proof-seconds", proofSeconds, "Seconds per proof")->capture_default_str();
        cmd->add_option("--max-mutants", maxMutants, "Mutants generated to score the assertions")->capture_default_str();
        cmd->add_option("--jobs,-j", jobs, "Parallel compile jobs")->capture_default_str();
        cmd->add_option("--work", work, "Scratch folder (default: a temporary folder, removed)");
        llm.add(cmd);
    }

    // The LLM proposer when one is asked for (its properties join the mined ones); null otherwise.
    tl::expected<std::unique_ptr<AssertionProposer>, std::string> proposer() const
    {
        if (!llm.wanted()) return std::unique_ptr<AssertionProposer>{};
        auto c = llm.config();
        if (!c) return tl::unexpected(c.error());
        auto client = llm::LlmClient::create(*c);
        if (!client) return tl::unexpected(client.error().format());
        return std::unique_ptr<AssertionProposer>(std::make_unique<llm::LlmAsserter>(std::move(*client)));
    }

    AssertOptions options(const std::filesystem::path& workDir) const
    {
        AssertOptions o;
        o.workDir = workDir;
        o.cycles = cycles;
        o.seeds = seeds;
        o.bound = bound;
        o.proofSeconds = proofSeconds;
        o.maxMutants = maxMutants;
        o.jobs = std::max(1, jobs);
        if (stderrProgress()) o.progress = [](const std::string& line) { fmt::print(stderr, "{}\n", line); };
        return o;
    }
};

int runAssert(const std::string& dir, const std::string& out, const std::string& jsonFile, const AssertFlags& flags,
              const std::string& commandLine)
{
    auto design = loadDesign(dir);
    if (!design) return badInput(design.error());
    for (const auto& [file, option] : {std::pair{jsonFile, "--json"}, std::pair{out, "--out"}})
        if (auto bad = unwritable(file, option)) return badInput(*bad);
    auto proposer = flags.proposer();
    if (!proposer) return badInput(makeDiag(DiagCode::InvalidOption, proposer.error()));
    auto dataset = openDataset(flags.db, commandLine);
    if (!dataset) return badInput(dataset.error());
    installInterruptHandler();
    const auto work = workFolder(flags.work, "assert");
    auto options = flags.options(work);
    options.proposer = proposer->get();
    auto report = assertDesign(*design, options);
    removeWork(flags.work, work);
    if (!report) {
        const int code = report.error().code == DiagCode::Interrupted ? 130 : 2;
        badInput(report.error());
        return code;
    }
    if (*dataset) {
        auto stored = storeAssertions((*dataset)->first, *design, *report, (*dataset)->second);
        if (!stored) return badInput(stored.error());
        fmt::print(stderr, "stored {} assertion(s) in {}\n", *stored, flags.db);
    }
    const std::string outFile = out.empty() ? design->name + "_props.sv" : out;
    if (report->kept() > 0) {
        if (!writeFile(outFile, report->bindFile)) {
            fmt::print(stderr, "error: cannot write {}\n", outFile);
            return 2;
        }
    }
    if (!jsonFile.empty()) writeJsonReport(jsonFile, report->toJson());
    if (jsonFile != "-") {
        fmt::print("{}", report->toText());
        if (report->kept() > 0) fmt::print("bind file: {}\n", outFile);
    }
    return report->kept() > 0 ? 0 : 1;
}

// One design to evaluate: the folder, and the dataset's confirmed mutants when the designs
// come from a dataset.
struct EvalDesign {
    std::filesystem::path dir;
    std::optional<std::vector<Mutant>> confirmed;
};

// The designs of `--designs`, or else those of the dataset (labeled, unchanged on disk since)
// with their confirmed mutants.
tl::expected<std::vector<EvalDesign>, Diagnostic> evalDesigns(const std::vector<std::string>& roots, Database* db)
{
    std::vector<EvalDesign> out;
    if (!roots.empty()) {
        auto dirs = designDirsBelow(roots);
        if (!dirs) return tl::unexpected(dirs.error());
        for (auto& d : *dirs) out.push_back({std::move(d), std::nullopt});
        return out;
    }
    for (const auto& row : db->designs()) {
        if (row.status != "done" || row.language == "hls-cpp") continue;
        auto design = loadDesign(row.dir);
        if (!design || design->inputHash() != row.inputHash) {
            fmt::print(stderr, "{}: skipped: the design folder {} is gone or changed since it was labeled\n", row.name,
                       row.dir);
            continue;
        }
        // The dataset keeps a mutant's edits, not its schema choices: the generator makes them
        // again (same sites, same ids) and the confirmed ones are taken by id.
        std::set<std::string> ids;
        for (const auto& m : db->mutants(row.id))
            if (m.verdict && isConfirmedBug(m.verdict->verdict)) ids.insert(m.mutant.id);
        auto analyzed = rtl::analyzeRtlDesign(*design);
        auto ops = OperatorRegistry::instance().select("all");
        if (!analyzed || !ops) continue;
        std::vector<Mutant> confirmed;
        for (auto& m : generateMutants(design->sources, analyzed->sites, *ops, {}).mutants)
            if (ids.count(m.id)) confirmed.push_back(std::move(m));
        if (confirmed.size() < ids.size())
            fmt::print(stderr, "{}: {} of its {} confirmed mutants are made again by this generator\n", row.name,
                       confirmed.size(), ids.size());
        out.push_back({row.dir, std::move(confirmed)});
    }
    if (out.empty()) return tl::unexpected(makeDiag(DiagCode::NoDesigns, "no labeled RTL design in the dataset"));
    return out;
}

int runEvalAssert(const std::vector<std::string>& roots, bool json, const AssertFlags& flags,
                  const std::string& commandLine)
{
    if (roots.empty() && flags.db.empty())
        return badInput(makeDiag(DiagCode::InvalidOption, "give --designs (folders) or --db (a labeled dataset)"));
    auto proposer = flags.proposer();
    if (!proposer) return badInput(makeDiag(DiagCode::InvalidOption, proposer.error()));
    auto dataset = openDataset(flags.db, commandLine);
    if (!dataset) return badInput(dataset.error());
    auto designs = evalDesigns(roots, *dataset ? &(*dataset)->first : nullptr);
    if (!designs) return badInput(designs.error());
    installInterruptHandler();
    const auto workRoot = workFolder(flags.work, "eval-assert");
    nlohmann::json rows = nlohmann::json::array();
    // The table goes to stdout, or with --json to stderr as each design ends (the JSON object
    // comes at the end).
    FILE* table = json ? stderr : stdout;
    fmt::print(table, "{:<22}{:>6}{:>6}{:>8}{:>10}{:>10}{:>8}\n", "design", "cand", "kept", "proved", "sim-only",
               "confirmed", "union");
    int atHalf = 0;
    for (const auto& ed : *designs) {
        if (interruptRequested()) break;
        auto design = loadDesign(ed.dir);
        if (!design) {
            fmt::print(stderr, "{}\n", design.error().render());
            continue;
        }
        if (!design->isRtl() || design->clock.empty()) continue;
        auto options = flags.options(workRoot / design->name);
        options.proposer = proposer->get();
        if (ed.confirmed) options.confirmedMutants = &*ed.confirmed;
        auto report = assertDesign(*design, options);
        if (!report) {
            fmt::print(stderr, "{}: {}\n", design->name, report.error().format());
            rows.push_back({{"design", design->name}, {"error", report.error().format()}});
            continue;
        }
        if (*dataset)
            if (auto stored = storeAssertions((*dataset)->first, *design, *report, (*dataset)->second); !stored)
                return badInput(stored.error());
        atHalf += report->confirmed > 0 && report->unionKillRate() >= 0.5;
        nlohmann::json j = report->toJson();
        j.erase("assertions");
        j["mutants_from"] = ed.confirmed ? "dataset" : "generated";
        rows.push_back(j);
        fmt::print(table, "{:<22}{:>6}{:>6}{:>8}{:>10}{:>10}{:>7.0f}%\n", design->name, report->candidates, report->kept(),
                   report->keptProved(), report->kept() - report->keptProved(), report->confirmed,
                   100.0 * report->unionKillRate());
    }
    removeWork(flags.work, workRoot);
    if (json)
        fmt::print("{}\n", jsonText({{"designs", rows.size()}, {"union_at_least_half", atHalf}, {"results", rows}}, 2));
    else
        fmt::print("{} of {} designs: the kept assertions catch at least half of the confirmed mutants\n", atHalf,
                   rows.size());
    return 0;
}

}  // namespace

std::function<int()> addAssertCommands(CLI::App& app, CLI::App& eval, const std::string& commandLine)
{
    struct State {
        std::string dir, out, json, commandLine;
        std::vector<std::string> roots;
        bool evalJson = false;
        AssertFlags flags, evalFlags;
    };
    auto st = std::make_shared<State>();
    st->commandLine = commandLine;
    auto* assertCmd = app.add_subcommand(
        "assert",
        "Mine assertions for a clocked RTL design and keep the ones that hold and catch bugs.\n"
        "Candidates come from a traced random run of the original (value ranges, one-hot\n"
        "vectors, exclusive signals, registers stable while an enable is low, valid held until\n"
        "ready, flags equal to a comparison) and, with --llm-url/--model, from an LLM (the SVA\n"
        "subset: expr, a |-> b, a |=> b, $past/$stable/$rose/$fell/$onehot). Each is compiled\n"
        "by Yosys (read_verilog -formal) and Verilator (--assert), must hold on the original - proved by Yosys k-induction from\n"
        "the reset sequence, else not violated by the testbench and long random runs\n"
        "(\"simulation-only\", never called proved) - and is scored by the share of the design's\n"
        "confirmed mutants whose simulation violates it. Assertions that catch nothing new are\n"
        "dropped. Writes a bind file (default <design>_props.sv), each assertion commented with\n"
        "its hold method and kill rate; the CI gate's `assertions` check reads it.\n"
        "Exit: 0 assertions kept, 1 none, 2 bad input, 130 interrupted (Ctrl-C; nothing is written).\n\n"
        "Examples:\n"
        "  veriloop assert corpora/rtl/sync_fifo --out sync_fifo_props.sv\n"
        "  veriloop assert fpga_targets/systolic_int8 --json - --db props.sqlite");
    assertCmd->add_option("design", st->dir, "Design folder (holding design.toml)")->required();
    assertCmd->add_option("--out", st->out, "Bind file to write (default: <design>_props.sv)");
    assertCmd->add_option("--json", st->json,
                          "Write the report to FILE (`-`: stdout instead of the text report): candidates, kept, "
                          "kept_proved, kept_simulation_only, confirmed_mutants, union_kill_rate, assertions "
                          "[{id, kind, property, status, proved, method, reason, kills}], bind_file");
    assertCmd->add_option("--db", st->flags.db, "Store each kept assertion in this dataset (an `assert` record)");
    st->flags.add(assertCmd);

    auto* evalAssert = eval.add_subcommand(
        "assert",
        "Run `assert` on every clocked RTL design below the given folders (mutants generated on\n"
        "the fly) or of a labeled dataset (its confirmed mutants) and print, per design, the\n"
        "candidates, the kept assertions (proved / simulation-only), the confirmed mutants and\n"
        "the union kill rate.\n\n"
        "Examples:\n"
        "  veriloop eval assert --designs corpora/rtl fpga_targets\n"
        "  veriloop eval assert --db rtl.sqlite --json\n"
        "  veriloop eval assert --designs fpga_targets --json --db props.sqlite");
    evalAssert->add_option("--designs", st->roots, "Folders holding designs (mutants generated on the fly)");
    evalAssert->add_flag("--json", st->evalJson,
                         "One JSON object: designs, union_at_least_half, results [one report per design, "
                         "without the per-assertion rows]");
    evalAssert->add_option("--db", st->evalFlags.db,
                           "A labeled dataset: without --designs its RTL designs are evaluated against their "
                           "confirmed mutants; the kept assertions are stored in it either way");
    st->evalFlags.add(evalAssert);
    evalAssert->footer("Exit codes: 0 evaluated, 2 bad input.");

    return [st, assertCmd, evalAssert]() -> int {
        if (assertCmd->parsed()) return runAssert(st->dir, st->out, st->json, st->flags, st->commandLine);
        if (evalAssert->parsed()) return runEvalAssert(st->roots, st->evalJson, st->evalFlags, st->commandLine);
        return -1;
    };
}

}  // namespace veriloop::cli
