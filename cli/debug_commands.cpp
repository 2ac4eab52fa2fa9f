// `veriloop debug DIR` and `veriloop eval repair`. Exit codes (STYLE.md: exit 0 only when the
// outcome is the one expected):
//   debug        0 a fix was found (correct or plausible), 1 no fix within the budget,
//                2 bad input (a VLxxx diagnostic: no design, nothing fails, bad golden,
//                bad options, the proposer cannot run at all, e.g. a replay miss)
//   eval repair  0 the evaluation ran, 2 bad input

#include "cli/debug_commands.h"
#include "cli/cli_support.h"

#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <optional>
#include <memory>

#include <fmt/format.h>

#include "core/design.h"
#include "core/json_text.h"
#include "equivalence/sandbox.h"
#include "core/text.h"
#include "flows/builtin_proposer.h"
#include "flows/debug_loop.h"
#include "flows/eval_repair.h"
#include "llm_client/llm_proposer.h"

namespace veriloop::cli {

namespace {

struct CommonFlags {
    int maxIters = 5;
    int64_t maxTokens = 0;
    double maxSeconds = 0;
    int jobs = 0;
    bool noFormal = false;
    std::string work;
    std::string hlsInclude;

    void add(CLI::App* cmd)
    {
        cmd->add_option("--max-iters", maxIters, "Propose/check rounds at most")->capture_default_str();
        cmd->add_option("--max-tokens", maxTokens, "LLM tokens (prompt + completion) at most; 0: no limit")
            ->capture_default_str();
        cmd->add_option("--max-seconds", maxSeconds, "Wall-clock seconds at most; 0: no limit")
            ->capture_default_str();
        cmd->add_option("--jobs,-j", jobs, "Parallel builds and runs (default: number of cores)");
        cmd->add_flag("--no-formal", noFormal,
                      "Do not ask Yosys whether a fix equals the golden (verdict at most plausible "
                      "unless the sources are identical)");
        cmd->add_option("--work", work, "Scratch folder (default: a temporary folder, removed)");
        cmd->add_option("--hls-include", hlsInclude,
                        "HLS C++: folder of vendor HLS headers (ap_int.h, hls_stream.h, ...) to "
                        "use instead of veriloop's own");
    }

    DebugOptions options() const
    {
        DebugOptions o;
        o.budget.maxIterations = maxIters;
        o.budget.maxTokens = maxTokens;
        o.budget.maxSeconds = maxSeconds;
        o.jobs = jobs > 0 ? jobs : static_cast<int>(std::max(1L, sysconf(_SC_NPROCESSORS_ONLN)));
        o.formal = !noFormal;
        o.runtimeCache = userCacheDir() / "verilator-runtime";
        o.hlsInclude = hlsInclude;
        return o;
    }
};

void printResult(const Design& design, const DebugResult& r)
{
    fmt::print("design {}: {}\n", design.name, r.evidence.empty() ? "" : "failing checks:");
    for (const auto& line : splitLines(r.evidence)) fmt::print("  {}\n", line);
    if (!r.localization.ranked.empty()) {
        fmt::print("suspicious lines ({} failing / {} passing runs):\n", r.localization.failingRuns,
                   r.localization.passingRuns);
        for (size_t i = 0; i < r.localization.ranked.size() && i < 5; ++i) {
            const auto& s = r.localization.ranked[i];
            fmt::print("  {:.3f}  {}:{}: {}\n", s.score, s.file, s.line, s.text);
            if (!s.reason.empty() && s.reason != "spectrum") fmt::print("         ({})\n", s.reason);
        }
    }
    int rejected = 0;
    for (const auto& a : r.attempts) rejected += a.outcome == "rejected";
    fmt::print("rounds {}, candidates checked {}, rejected before building {}; {}\n", r.iterations,
               r.candidatesChecked, rejected, r.stopReason);
    if (r.verdict == RepairVerdict::Failed) {
        fmt::print("verdict: failed (no candidate passed)\n");
        return;
    }
    fmt::print("verdict: {} ({})\nfix ({}): {}\n\n{}", repairVerdictName(r.verdict), r.correctness,
               r.fixOrigin, r.fixDescription, r.diff);
}

int runDebug(const std::string& dir, const std::string& goldenDir, const std::string& jsonFile,
             const std::string& transcript, bool apply, bool keepWork, const CommonFlags& common,
             const LlmFlags& llmFlags)
{
    auto design = loadDesign(dir);
    if (!design) return badInput(design.error());
    DebugOptions o = common.options();
    if (o.budget.maxIterations < 1)
        return badInput(makeDiag(DiagCode::InvalidOption, "--max-iters must be at least 1"));
    if (!goldenDir.empty()) {
        if (!std::filesystem::is_directory(goldenDir))
            return badInput(makeDiag(DiagCode::InvalidOption, "--golden must name a folder", goldenDir));
        auto golden = loadGolden(*design, goldenDir);
        if (!golden) return badInput(golden.error());
        o.golden = std::move(*golden);
    }
    for (const auto& [file, option] : {std::pair{jsonFile, "--json"}, std::pair{transcript, "--transcript"}})
        if (auto bad = unwritable(file, option)) return badInput(*bad);
    auto factory = llmFlags.factory();
    if (!factory) return badInput(makeDiag(DiagCode::InvalidOption, factory.error()));
    auto proposer = (*factory)();
    o.transcript = transcript;
    const bool tempWork = common.work.empty();
    o.workDir = tempWork ? std::filesystem::temp_directory_path() /
                               fmt::format("veriloop-debug-{}", getpid())
                         : std::filesystem::path(common.work);
    if (stderrProgress()) o.log = [](const std::string& line) { fmt::print(stderr, "{}\n", line); };
    o.progress = progressModeFor(!stderrProgress());
    DebugResult r = runDebugLoop(*design, *proposer, o);
    if (tempWork && !keepWork) {
        std::error_code ec;
        std::filesystem::remove_all(o.workDir, ec);
    }
    if (!jsonFile.empty()) {
        nlohmann::json j = r.toJson();
        j["design"] = design->name;
        j["proposer"] = proposer->name();
        j["golden"] = !o.golden.empty();
        writeJsonReport(jsonFile, j);
    }
    if (r.error) return badInput(*r.error);
    if (jsonFile != "-") printResult(*design, r);
    for (const auto& a : r.attempts)
        if (a.outcome == "proposer-error") {
            fmt::print(stderr, "error: the proposer failed: {}\n", a.detail);
            return 2;
        }
    if (r.verdict == RepairVerdict::Failed) return 1;
    if (apply) {
        if (!applySources(*design, r.fixed, "the fix")) return 2;
    } else if (jsonFile != "-") {
        fmt::print("\n(your files are unchanged; run again with --apply to write the fix)\n");
    }
    return 0;
}

int runEvalRepair(const std::string& db, const std::string& split, size_t limit,
                  const std::string& suite, const std::string& bug, bool json,
                  const std::string& samplesFile, const CommonFlags& common, const LlmFlags& llmFlags)
{
    if (auto bad = unwritable(samplesFile, "--samples")) return badInput(*bad);
    if (db.empty() == suite.empty())
        return badInput(makeDiag(DiagCode::InvalidOption,
                                 "give either --db (a dataset's mutants) or --suite (a folder of "
                                 "hand-written bugs, e.g. corpora/bugs)"));
    if (!bug.empty() && suite.empty())
        return badInput(makeDiag(DiagCode::InvalidOption, "--bug selects a bug of a --suite"));
    EvalRepairOptions eo;
    eo.db = db;
    eo.split = split;
    eo.limit = limit;
    eo.debug = common.options();
    eo.samplesFile = samplesFile;
    auto factory = llmFlags.factory();
    if (!factory) return badInput(makeDiag(DiagCode::InvalidOption, factory.error()));
    eo.makeProposer = *factory;
    const bool tempWork = common.work.empty();
    eo.workRoot = tempWork ? std::filesystem::temp_directory_path() /
                                 fmt::format("veriloop-eval-{}", getpid())
                           : std::filesystem::path(common.work);
    if (stderrProgress()) eo.log = [](const std::string& line) { fmt::print(stderr, "{}\n", line); };
    eo.progress = progressModeFor(!stderrProgress());
    auto report = suite.empty() ? evalRepair(eo) : evalRepairSuite(eo, suite, bug);
    if (tempWork) {
        std::error_code ec;
        std::filesystem::remove_all(eo.workRoot, ec);
    }
    if (!report) return badInput(report.error());
    if (json) fmt::print("{}\n", jsonText(report->toJson(), 2));
    else fmt::print("{}", report->table());
    return 0;
}

}  // namespace

std::function<int()> addDebugCommands(CLI::App& app, CLI::App* eval)
{
    struct State {
        std::string dir, golden, json, transcript, db, split = "test", suite, bug, samples;
        bool apply = false, keepWork = false, evalJson = false;
        size_t limit = 0;
        CommonFlags debugCommon, evalCommon;
        LlmFlags debugLlm, evalLlm;
    };
    auto st = std::make_shared<State>();
    auto* debug = app.add_subcommand(
        "debug",
        "Find and fix the bug in a design whose testbench fails.\n"
        "Runs the checks with line coverage, ranks suspicious lines (Ochiai over passing and\n"
        "failing runs), asks a proposer for fixes, screens each (design files only, no\n"
        "testbench edits, no $system / DPI / file I/O, no port changes), checks it in the\n"
        "sandbox and feeds back what failed, until a fix passes or the budget is spent.\n"
        "Proposer: an LLM when --llm-url/--model (or VERILOOP_LLM_URL) is given, else the\n"
        "built-in repairer (inverse mutations and repair templates at the ranked lines,\n"
        "all candidates of a round in one build).\n"
        "RTL: Verilator testbench + random differential runs against --golden, Verilator\n"
        "line coverage. HLS C++: the C++ testbench built with g++ (zero and pattern\n"
        "auto-init, ASan+UBSan), a generated random differential harness against --golden,\n"
        "the pragma rules, gcov line coverage.\n"
        "Verdict: correct (equals --golden, or Yosys proves it equivalent (RTL), or it equals\n"
        "the golden on an extended seeded random test (HLS)), plausible (passes the tests\n"
        "only), failed. Your files change only with --apply.\n"
        "Exit: 0 fix found, 1 no fix, 2 bad input.\n\n"
        "Examples:\n"
        "  veriloop debug corpora/rtl/counter\n"
        "  veriloop debug my_kernel --golden my_kernel_v1     # HLS C++ (design.toml language)\n"
        "  veriloop debug my_design --golden my_design_v1 --json transcript.json\n"
        "  veriloop debug my_design --llm-url http://127.0.0.1:8000/v1 --model my-coder "
        "--max-iters 5");
    debug->add_option("design", st->dir, "Design folder (holding design.toml)")->required();
    debug->add_option("--golden", st->golden,
                      "Folder with a fixed version of the design's sources (same relative "
                      "paths): enables random differential checks and the `correct` verdict");
    debug->add_option("--json", st->json,
                      "Write the transcript of every attempt to FILE (`-`: stdout instead of the "
                      "human report); deterministic, so replayed runs give identical files");
    debug->add_option("--transcript", st->transcript,
                      "Stream the run to FILE as JSON Lines (start, fault localization, one line "
                      "per round, the result), each line on disk when its round ends: a run "
                      "killed or out of time keeps what it did");
    debug->add_flag("--apply", st->apply, "Write the accepted fix into the design's files");
    debug->add_flag("--keep-work", st->keepWork, "Keep the temporary scratch folder");
    st->debugCommon.add(debug);
    st->debugLlm.add(debug);

    if (!eval) {
        eval = app.add_subcommand("eval", "Evaluate proposers on a dataset");
        eval->require_subcommand(1);
    }
    auto* repair = eval->add_subcommand(
        "repair",
        "Run the debug loop over the confirmed bugs (killed/nonequivalent mutants) of one\n"
        "dataset split and report plausible@1, correct@1, plausible@k, correct@k (k =\n"
        "--max-iters rounds), fault-localization top-1/top-5, mean rounds and time, overall\n"
        "and per bug class. The buggy design is the stored original plus the mutant's edits;\n"
        "the golden is the original. Splits match `dataset export`.\n"
        "With --suite, the bugs are hand-written ones (corpora/bugs: golden designs, each bug\n"
        "a bug.toml with its kind plus the buggy files; corpora/bugs/README.md): the report is\n"
        "per bug kind, and fault localization counts any changed line of the bug.\n\n"
        "Examples:\n"
        "  veriloop eval repair --db all.sqlite --split test --limit 200 --json\n"
        "  veriloop eval repair --suite corpora/bugs --samples suite.jsonl\n"
        "  veriloop eval repair --suite corpora/bugs --bug a_gcd_unit_swapped_branches --json");
    repair->add_option("--db", st->db, "SQLite dataset (from `dataset build`)");
    repair->add_option("--suite", st->suite, "Folder of hand-written bugs (holding suite.toml)");
    repair->add_option("--bug", st->bug, "With --suite: only this bug (its folder name)");
    repair->add_option("--split", st->split, "train, val or test")->capture_default_str();
    repair->add_option("--limit", st->limit, "At most N samples, evenly spread over the split (0: all)")->capture_default_str();
    repair->add_flag("--json", st->evalJson,
                     "One JSON object: samples, plausible_at_1, correct_at_1, plausible_at_k, "
                     "correct_at_k, fl_top1, fl_top5 (fractions), mean_rounds, mean_seconds, "
                     "by_bug_class, results");
    repair->add_option("--samples", st->samples,
                       "Also write each sample's result to FILE as JSON Lines, as the sample "
                       "ends (a stopped evaluation keeps what it measured)");
    st->evalCommon.add(repair);
    st->evalLlm.add(repair);
    repair->footer("Exit codes: 0 evaluated (the report says how many were repaired), 2 bad input "
                   "(no such dataset, split or suite, a bad option).");

    return [st, debug, repair]() -> int {
        if (debug->parsed())
            return runDebug(st->dir, st->golden, st->json, st->transcript, st->apply, st->keepWork,
                            st->debugCommon, st->debugLlm);
        if (repair->parsed())
            return runEvalRepair(st->db, st->split, st->limit, st->suite, st->bug, st->evalJson,
                                 st->samples, st->evalCommon, st->evalLlm);
        return -1;
    };
}

}  // namespace veriloop::cli
