// The `veriloop` executable: subcommands, options, human and JSON output.

#include <unistd.h>

#include <cstdlib>
#include <iostream>

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <nlohmann/json.hpp>

#include "cli/debug_commands.h"
#include "cli/assert_commands.h"
#include "cli/optimize_commands.h"
#include "cli/gate_command.h"
#include "core/design.h"
#include "core/interrupt.h"
#include "core/json_text.h"
#include "dataset/database.h"
#include "dataset/export.h"
#include "dataset/report_html.h"
#include "flows/waveform.h"
#include "core/text.h"
#include "flows/cosim.h"
#include "equivalence/hls_rules.h"
#include "flows/dataset_audit.h"
#include "flows/dataset_build.h"
#include "flows/synth_report.h"
#include "flows/tool_versions.h"
#include "frontend/hls/hls_frontend.h"
#include "frontend/rtl/rtl_frontend.h"
#include "mutators/generate.h"

namespace vl = veriloop;

namespace {

std::string joinArgs(int argc, char** argv)
{
    std::string s;
    for (int i = 0; i < argc; ++i) s += (i ? " " : "") + std::string(argv[i]);
    return s;
}

int cmdDoctor(bool json)
{
    auto tools = vl::probeTools();
    bool ok = true;
    nlohmann::json j = nlohmann::json::object();
    for (const auto& t : tools) {
        const bool missing = t.version.empty();
        ok = ok && !(missing && t.required);
        j[t.name] = {{"version", t.version}, {"required", t.required}, {"found", !missing},
                     {"purpose", t.purpose}};
        if (!json)
            fmt::print("{:<10} {:<9} {}\n{:<21}{}\n", t.name,
                       missing ? (t.required ? "MISSING" : "absent") : "ok",
                       missing ? "" : t.version, "", t.purpose);
    }
    if (json) {
        j["ok"] = ok;
        fmt::print("{}\n", vl::jsonText(j, 2));
    } else if (!ok) {
        fmt::print("\nSome required tools are missing. On Debian 12:\n"
                   "  apt-get install -y iverilog g++ make perl bubblewrap\n"
                   "and the pinned engines (Verilator 5.048, libyosys 0.70, slang 1.0.191) with\n"
                   "scripts/install_tools.sh, then rebuild.\n");
    }
    return ok ? 0 : 1;
}

int parseShard(const std::string& spec, vl::DatasetBuildOptions& o)
{
    if (spec.empty()) return 0;
    auto slash = spec.find('/');
    try {
        if (slash == std::string::npos) throw std::invalid_argument("no slash");
        o.shardIndex = std::stoi(spec.substr(0, slash));
        o.shardCount = std::stoi(spec.substr(slash + 1));
    } catch (const std::exception&) {
        o.shardCount = 0;
    }
    if (o.shardCount < 1 || o.shardIndex < 0 || o.shardIndex >= o.shardCount) {
        fmt::print(stderr, "error VL014: --shard takes i/N with 0 <= i < N, got `{}`\n", spec);
        return 2;
    }
    return 0;
}

int cmdDatasetBuild(const std::vector<std::string>& paths, vl::DatasetBuildOptions o,
                    const std::string& shard, bool json, bool quiet, bool quick)
{
    if (int rc = parseShard(shard, o)) return rc;
    if (quick) {
        o.designLimit = 8;
        if (o.maxPerDesign == 0) o.maxPerDesign = 12;
        o.formalTimeout = std::min(o.formalTimeout, 20.0);
    }
    if (o.workRoot.empty()) o.workRoot = o.db.string() + ".work";
    o.workRoot = std::filesystem::absolute(o.workRoot);
    o.db = std::filesystem::absolute(o.db);
    if (o.jobs <= 0) o.jobs = static_cast<int>(std::max(1L, sysconf(_SC_NPROCESSORS_ONLN)));
    o.progress = vl::progressModeFor(quiet);
    std::vector<std::filesystem::path> roots(paths.begin(), paths.end());
    vl::installInterruptHandler();
    auto summary = vl::buildDataset(roots, o, [](const std::string& line) {
        fmt::print(stderr, "{}\n", line);
    });
    if (json) {
        nlohmann::json problems = nlohmann::json::array();
        for (const auto& p : summary.problems)
            problems.push_back({{"code", vl::diagCodeName(p.code)}, {"message", p.message},
                                {"file", p.file}, {"line", p.line}});
        fmt::print("{}\n", vl::jsonText(nlohmann::json{{"db", o.db.string()},
                                                       {"designs_found", summary.designsFound},
                                                       {"designs_labeled", summary.designsLabeled},
                                                       {"designs_up_to_date", summary.designsUpToDate},
                                                       {"designs_skipped", summary.designsSkipped},
                                                       {"mutants_labeled", summary.mutantsLabeled},
                                                       {"interrupted", summary.interrupted},
                                                       {"problems", problems}}, 2));
    } else {
        fmt::print("designs: {} found, {} labeled, {} up to date, {} skipped; {} mutants labeled\n",
                   summary.designsFound, summary.designsLabeled, summary.designsUpToDate,
                   summary.designsSkipped, summary.mutantsLabeled);
        for (const auto& p : summary.problems) fmt::print("  {}\n", p.render());
        if (summary.designsLabeled + summary.designsUpToDate > 0 && !summary.interrupted) {
            const std::string db = std::filesystem::relative(o.db).string();
            fmt::print("dataset: {}\nnext:    veriloop dataset report --db {} --out {}.html   # plots and samples\n"
                       "         veriloop dataset export --db {} --out {}_jsonl    # JSONL + dataset card\n",
                       db, db, std::filesystem::path(db).replace_extension().string(), db,
                       std::filesystem::path(db).replace_extension().string());
            if (quick)
                fmt::print("this was the --quick slice ({} designs, at most {} mutants each); the full "
                           "corpus:\n         veriloop dataset build {} --db all.sqlite\n",
                           o.designLimit, o.maxPerDesign, fmt::join(paths, " "));
        }
    }
    if (summary.interrupted) {
        fmt::print("interrupted: every verdict above is kept in {}; run the same command again "
                   "to resume\n", o.db.string());
        return 130;
    }
    return summary.designsLabeled + summary.designsUpToDate > 0 ? 0 : 1;
}

// Opens a dataset that must already exist; prints the problem and returns nullopt otherwise.
std::optional<vl::Database> openExisting(const std::string& path)
{
    if (!std::filesystem::exists(path)) {
        fmt::print(stderr, "{}\n",
                   vl::makeDiag(vl::DiagCode::DatabaseError, "no such database", path).format());
        return std::nullopt;
    }
    auto db = vl::Database::open(path);
    if (!db) {
        fmt::print(stderr, "{}\n", db.error().render());
        return std::nullopt;
    }
    return std::move(*db);
}

int cmdDatasetStats(const std::string& dbPath, bool json)
{
    auto db = openExisting(dbPath);
    if (!db) return 2;
    auto s = db->stats();
    if (json) {
        nlohmann::json j{{"designs", s.designs},       {"designs_skipped", s.designsSkipped},
                         {"mutants", s.mutants},       {"pending", s.pending},
                         {"confirmed", s.confirmed},   {"by_verdict", s.byVerdict},
                         {"by_bug_class", s.byBugClass}, {"confirmed_by_bug_class", s.confirmedByBugClass},
                         {"by_operator", s.byOperator},
                         {"confirmed_by_evidence_kind", s.confirmedByEvidenceKind},
                         {"skipped_design_mutants", s.skippedMutants}};
        nlohmann::json designs = nlohmann::json::object();
        for (const auto& [name, d] : s.byDesign)
            designs[name] = {{"status", d.status}, {"mutants", d.mutants},
                             {"confirmed", d.confirmed}, {"equivalent", d.equivalent},
                             {"killed_by_testbench", d.byTestbench},
                             {"killed_by_differential", d.byDifferential},
                             {"nonequivalent_by_formal", d.byFormal},
                             {"killed_by_rule", d.byRule}, {"weak_testbench", d.weakTestbench()}};
        j["by_design"] = designs;
        fmt::print("{}\n", vl::jsonText(j, 2));
        return 0;
    }
    const double pct = s.mutants ? 100.0 * s.confirmed / s.mutants : 0.0;
    fmt::print("designs {} ({} skipped)   mutants {}   confirmed {} ({:.1f}%)   pending {}\n\n",
               s.designs, s.designsSkipped, s.mutants, s.confirmed, pct, s.pending);
    fmt::print("{:<16}{:>8}\n", "verdict", "count");
    for (const auto& [k, n] : s.byVerdict) fmt::print("{:<16}{:>8}\n", k, n);
    fmt::print("\n{:<22}{:>8}{:>11}\n", "bug class", "mutants", "confirmed");
    for (const auto& [k, n] : s.byBugClass)
        fmt::print("{:<22}{:>8}{:>11}\n", k, n, s.confirmedByBugClass[k]);
    fmt::print("\n{:<22}{:>8}\n", "evidence (confirmed)", "count");
    for (const auto& [k, n] : s.confirmedByEvidenceKind) fmt::print("{:<22}{:>8}\n", k, n);
    if (s.skippedMutants)
        fmt::print("\n{} mutants of skipped designs are not counted above\n", s.skippedMutants);
    fmt::print("\ntestbench strength (confirmed bugs found by each checker)\n");
    fmt::print("{:<22}{:>8}{:>10}{:>10}{:>13}{:>8}{:>7}{:>11}\n", "design", "mutants", "confirmed",
               "testbench", "differential", "formal", "rule", "equivalent");
    std::vector<std::string> weak;
    for (const auto& [name, d] : s.byDesign) {
        fmt::print("{:<22}{:>8}{:>10}{:>10}{:>13}{:>8}{:>7}{:>11}\n", name, d.mutants, d.confirmed,
                   d.byTestbench, d.byDifferential, d.byFormal, d.byRule, d.equivalent);
        if (d.weakTestbench()) weak.push_back(name);
    }
    for (const auto& name : weak)
        fmt::print("warning: the testbench of `{}` finds {} of its {} confirmed bugs (under half); "
                   "strengthen its checks\n",
                   name, s.byDesign[name].byTestbench, s.byDesign[name].confirmed);
    return 0;
}

int cmdDatasetAudit(const std::string& dbPath, vl::AuditOptions options, bool json, bool quiet)
{
    options.db = dbPath;
    options.progress = vl::progressModeFor(quiet);
    options.workDir = dbPath + ".audit";
    auto report = vl::auditDataset(options, [](const std::string& line) { fmt::print(stderr, "{}\n", line); });
    if (!report) {
        fmt::print(stderr, "{}\n", report.error().render());
        return 2;
    }
    fmt::print("{}\n", json ? vl::auditReportJson(*report) : vl::auditReportText(*report));
    return report->falseTotal() == 0 ? 0 : 1;
}

int cmdDatasetExport(const std::string& dbPath, const std::string& out, bool unconfirmed, bool json)
{
    auto db = openExisting(dbPath);
    if (!db) return 2;
    vl::ExportOptions eo;
    eo.includeUnconfirmed = unconfirmed;
    auto summary = vl::exportJsonl(*db, out, eo);
    if (!summary) {
        fmt::print(stderr, "{}\n", summary.error().render());
        return 2;
    }
    nlohmann::json files = nlohmann::json::array();
    for (const auto& [split, n] : summary->records) {
        const std::string file = fmt::format("{}/{}.jsonl", out, split);
        files.push_back({{"split", split}, {"file", file}, {"records", n}});
        if (!json) fmt::print("{}: {} records\n", file, n);
    }
    const std::string card = fmt::format("{}/README.md", out), schema = fmt::format("{}/schema.json", out);
    const std::string waveforms = fmt::format("{}/waveforms", out);
    if (json)
        fmt::print("{}\n", vl::jsonText(nlohmann::json{{"out", out}, {"files", files}, {"card", card},
                                                       {"schema", schema}, {"waveforms", waveforms},
                                                       {"waveform_files", summary->waveforms}}, 2));
    else
        fmt::print("{}: dataset card\n{}: JSON Schema of a record\n{}: {} counterexample waveform(s) (VCD)\n",
                   card, schema, waveforms, summary->waveforms);
    return 0;
}

int cmdDatasetReport(const std::string& dbPath, const std::string& out, size_t maxSamples, bool json)
{
    auto db = openExisting(dbPath);
    if (!db) return 2;
    vl::ReportOptions ro;
    ro.dbPath = dbPath;
    ro.maxSamples = maxSamples;
    const std::string html = vl::datasetReportHtml(*db, ro);
    if (!vl::writeFile(out, html)) {
        fmt::print(stderr, "{}\n", vl::makeDiag(vl::DiagCode::DatabaseError, "cannot write the report", out).format());
        return 2;
    }
    const auto abs = std::filesystem::absolute(out).string();
    if (json)
        fmt::print("{}\n", vl::jsonText(nlohmann::json{{"report", abs}, {"bytes", html.size()}}));
    else
        fmt::print("report: {} ({} KiB; open it in a browser: file://{})\n", out, html.size() / 1024, abs);
    return 0;
}

int cmdDatasetWaveform(const std::string& dbPath, const std::string& id, const std::string& out, bool json)
{
    auto db = openExisting(dbPath);
    if (!db) return 2;
    auto r = vl::writeMutantWaveforms(*db, id, out, 2);
    if (!r) {
        fmt::print(stderr, "{}\n", r.error().render());
        return 2;
    }
    if (json) {
        fmt::print("{}\n", vl::jsonText(nlohmann::json{{"original", r->original.string()},
                                                       {"mutant", r->mutant.string()},
                                                       {"stimulus", r->stimulus},
                                                       {"mismatch", r->mismatch}}));
    } else {
        fmt::print("original: {}\nmutant:   {}\nstimulus: {}\n{}\n(open them in GTKWave or Surfer)\n",
                   r->original.string(), r->mutant.string(), r->stimulus,
                   r->mismatch.empty() ? "no output differs under this stimulus" : "first difference: " + r->mismatch);
    }
    return 0;
}

int cmdDatasetMerge(const std::string& dbPath, const std::vector<std::string>& inputs,
                    const std::string& commandLine, bool json)
{
    auto db = vl::Database::open(dbPath);
    if (!db) {
        fmt::print(stderr, "{}\n", db.error().render());
        return 2;
    }
    auto run = db->beginRun(commandLine, "{}", 0, vl::toolVersionsJson());
    if (!run) {
        fmt::print(stderr, "{}\n", run.error().render());
        return 2;
    }
    nlohmann::json merged = nlohmann::json::array();
    for (const auto& in : inputs) {
        auto shard = openExisting(in);
        if (!shard) return 2;
        auto n = db->mergeFrom(*shard, *run);
        if (!n) {
            fmt::print(stderr, "{}: {}\n", in, n.error().render());
            return 2;
        }
        merged.push_back({{"input", in}, {"verdicts", *n}});
        if (!json) fmt::print("{}: {} verdicts merged\n", in, *n);
    }
    if (json) fmt::print("{}\n", vl::jsonText(nlohmann::json{{"db", dbPath}, {"merged", merged}}, 2));
    return 0;
}

// `veriloop help [VLnnn]`: every diagnostic code, or one explained.
int cmdHelp(const std::string& code)
{
    if (code.empty()) {
        fmt::print("Diagnostic codes (`veriloop help VLnnn` explains one):\n");
        for (const auto& row : vl::diagCodeHelp())
            fmt::print("  {}  {}\n", vl::diagCodeName(row.code), row.title);
        return 0;
    }
    const vl::DiagHelp* row = vl::findDiagHelp(code);
    if (!row) {
        fmt::print(stderr, "error {}: no diagnostic code {} (`veriloop help` lists them)\n",
                   vl::diagCodeName(vl::DiagCode::InvalidOption), code);
        return 2;
    }
    fmt::print("{}: {}\n\n{}\n\nWhat to do: {}\n", vl::diagCodeName(row->code), row->title,
               row->meaning, row->action);
    return 0;
}

// The sites of one design from its language's frontend (RTL: parser + Verilator; HLS C++:
// Clang), with the HLS analysis the HLS operators need.
struct FrontendView {
    std::vector<vl::Site> sites;
    std::optional<vl::HlsAnalysis> hls;
};

tl::expected<FrontendView, vl::Diagnostic> analyzeDesign(const vl::Design& design,
                                                         const std::filesystem::path& hlsInclude)
{
    FrontendView view;
    if (!design.isRtl()) {
        auto a = vl::hls::analyzeHlsDesign(design, hlsInclude);
        if (!a) return tl::unexpected(a.error());
        view.sites = a->sites;
        view.hls = std::move(*a);
        return view;
    }
    auto work = std::filesystem::temp_directory_path() / fmt::format("veriloop-mutate-{}", getpid());
    auto analyzed = vl::rtl::analyzeRtlDesign(design);
    std::error_code ec;
    std::filesystem::remove_all(work, ec);
    if (!analyzed) return tl::unexpected(analyzed.error());
    for (const auto& w : analyzed->warnings) fmt::print(stderr, "{}\n", w);
    view.sites = std::move(analyzed->sites);
    return view;
}

std::string_view checkName(vl::MutantCheck c)
{
    switch (c) {
    case vl::MutantCheck::Schema: return "schema";
    case vl::MutantCheck::Standalone: return "standalone";
    case vl::MutantCheck::StaticRule: return "static-rule";
    }
    return "schema";
}

int cmdMutate(const std::string& dir, const std::string& operators, bool json, uint64_t seed,
              const std::string& hlsInclude)
{
    auto design = vl::loadDesign(dir);
    if (!design) {
        fmt::print(stderr, "{}\n", design.error().render());
        return 1;
    }
    auto ops = vl::OperatorRegistry::instance().select(operators);
    if (!ops) {
        fmt::print(stderr, "error VL014: {}\n", ops.error());
        return 2;
    }
    auto view = analyzeDesign(*design, hlsInclude.empty() ? vl::hls::defaultHlsIncludeDir()
                                                          : std::filesystem::path(hlsInclude));
    if (!view) {
        fmt::print(stderr, "{}\n", view.error().render());
        return 1;
    }
    vl::GenerateOptions go{seed, 0, view->hls ? &*view->hls : nullptr};
    auto gen = vl::generateMutants(design->sources, view->sites, *ops, go);
    for (const auto& message : gen.capMessages()) fmt::print(stderr, "warning: {}\n", message);
    if (json) {
        nlohmann::json arr = nlohmann::json::array();
        for (const auto& m : gen.mutants)
            arr.push_back({{"id", m.id}, {"operator", m.operatorId}, {"bug_class", m.bugClass},
                           {"file", m.file}, {"line", m.line}, {"column", m.column},
                           {"check", checkName(m.check)}, {"description", m.description}});
        fmt::print("{}\n", vl::jsonText(nlohmann::json{{"language", vl::languageName(design->language)},
                                          {"sites", view->sites.size()},
                                          {"mutants", arr}}, 2));
        return 0;
    }
    if (view->hls) {
        for (const auto& v : vl::checkHlsRules(*view->hls))
            fmt::print("{}:{}: pragma rule {}: {}\n", design->dir.string(), v.line, v.rule, v.message);
        for (const auto& f : view->hls->functions) {
            fmt::print("function {}{} (line {})\n", f.name, f.isTop ? " [top]" : "", f.line);
            for (const auto& p : f.params) fmt::print("  param {} : {}\n", p.name, p.type);
        }
        for (const auto& l : view->hls->loops)
            fmt::print("loop {} in {} line {} depth {} trip count {}\n", l.name(), l.function,
                       l.line, l.depth, l.tripCount);
        for (const auto& p : view->hls->pragmas)
            fmt::print("pragma HLS {} line {}\n", p.directive, p.line);
    }
    for (const auto& m : gen.mutants)
        fmt::print("{}:{}:{}: [{}] {}\n", m.file, m.line, m.column, m.operatorId, m.description);
    fmt::print("{} sites, {} mutants ({} duplicates dropped)\n", view->sites.size(),
               gen.mutants.size(), gen.duplicates);
    return 0;
}

int cmdSynthReport(const std::vector<std::string>& dirs, bool json)
{
    nlohmann::json arr = nlohmann::json::array();
    int failures = 0;
    if (!json)
        fmt::print("{:<18}{:>8}{:>8}{:>6}{:>7}{:>8}{:>7}\n", "design", "LUT", "FF", "DSP", "BRAM",
                   "CARRY4", "depth");
    for (const auto& root : dirs) {
        for (const auto& dir : vl::findDesignDirs(root)) {
            auto design = vl::loadDesign(dir);
            if (!design) {
                fmt::print(stderr, "{}\n", design.error().render());
                ++failures;
                continue;
            }
            auto work = std::filesystem::temp_directory_path() /
                        fmt::format("veriloop-synth-{}-{}", getpid(), design->name);
            auto rep = vl::synthReport(*design, work);
            std::error_code ec;
            std::filesystem::remove_all(work, ec);
            if (!rep) {
                fmt::print(stderr, "{}\n", rep.error().render());
                ++failures;
                continue;
            }
            if (json) {
                arr.push_back({{"design", rep->design}, {"luts", rep->luts}, {"ffs", rep->ffs},
                               {"dsps", rep->dsps}, {"brams", rep->brams}, {"carry4", rep->carry},
                               {"lutrams", rep->lutrams}, {"logic_depth", rep->logicDepth},
                               {"cells", rep->cells}});
            } else {
                fmt::print("{:<18}{:>8}{:>8}{:>6}{:>7}{:>8}{:>7}\n", rep->design, rep->luts,
                           rep->ffs, rep->dsps, rep->brams, rep->carry, rep->logicDepth);
            }
        }
    }
    if (json) fmt::print("{}\n", vl::jsonText(arr, 2));
    return failures ? 1 : 0;
}

int cmdListOperators(bool json)
{
    const auto& ops = vl::OperatorRegistry::instance().all();
    if (json) {
        nlohmann::json arr = nlohmann::json::array();
        for (const auto& op : ops)
            arr.push_back({{"id", op->info().id}, {"bug_class", op->info().bugClass},
                           {"summary", op->info().summary}, {"groups", op->info().groups}});
        fmt::print("{}\n", vl::jsonText(arr, 2));
        return 0;
    }
    for (const auto& op : ops)
        fmt::print("{:<28} {:<20} {}\n", op->info().id, op->info().bugClass, op->info().summary);
    fmt::print("\n{} operators in {} bug classes\n", ops.size(), vl::bugClasses().size());
    return 0;
}

// Exit 0: the HLS twin and the RTL block agree on every vector; 1: they differ, or one side
// crashed or hung; 2: the block, its [cosim] table, an option or a build is wrong.
int cmdCosim(const std::string& block, int vectors, uint64_t seed, bool json, const std::string& work)
{
    auto fail = [json](const vl::Diagnostic& d) {
        fmt::print(stderr, "{}\n", d.render());
        if (json)
            fmt::print("{}\n", vl::jsonText(nlohmann::json{{"status", "ERROR"},
                                              {"error", {{"code", vl::diagCodeName(d.code)},
                                                         {"message", d.message}}}}, 2));
        return 2;
    };
    auto spec = vl::loadCosimSpec(block);
    if (!spec) return fail(spec.error());
    vl::CosimOptions o;
    o.vectors = vectors;
    o.seed = seed;
    o.workDir = work.empty() ? std::filesystem::temp_directory_path() /
                                   fmt::format("veriloop-cosim-{}", getpid())
                             : std::filesystem::path(work);
    auto result = vl::runCosim(*spec, o);
    std::error_code ec;
    if (work.empty()) std::filesystem::remove_all(o.workDir, ec);
    if (!result) return fail(result.error());
    if (json)
        fmt::print("{}\n", vl::cosimReportJson(*spec, *result));
    else
        fmt::print("{}", vl::cosimReportText(*spec, *result, block));
    return result->agree ? 0 : 1;
}

}  // namespace

int runCommandLine(int argc, char** argv)
{
    CLI::App app{"veriloop: verification datasets, auto-debug and CI gating for RTL and HLS C++.\n"
                 "Run `veriloop <command> --help` for the options of a command."};
    app.set_version_flag("--version", std::string("veriloop ") + VERILOOP_VERSION);
    app.require_subcommand(1);

    bool json = false;
    bool quiet = false;
    auto* doctor = app.add_subcommand("doctor", "Report the tools veriloop needs and their versions");
    doctor->add_flag("--json", json, "Print one JSON object");
    doctor->footer("Exit codes: 0 every required tool works, 1 a required tool is missing.");

    auto* dataset = app.add_subcommand("dataset", "Build, inspect and export bug datasets");
    dataset->require_subcommand(1);
    vl::DatasetBuildOptions bo;
    std::vector<std::string> paths;
    std::string dbPath, shard, outDir;
    auto* build = dataset->add_subcommand(
        "build", "Inject labeled bugs into every design under PATH and prove each one real.\n"
                 "Each mutant is simulated (one Verilator build per design, one run per mutant);\n"
                 "survivors go to Yosys formal. Re-running the same command resumes.");
    build->add_option("paths", paths, "Design folders or corpora (folders holding design.toml)")
        ->required();
    build->add_option("--db", dbPath, "SQLite dataset to create or resume")->required();
    build->add_option("--seed", bo.seed, "Seed for sampling, wrong-variable choices and splits")
        ->capture_default_str();
    build->add_option("--max-per-design", bo.maxPerDesign, "Seeded sample of at most N mutants per design (0: all)")
        ->capture_default_str();
    build->add_option("--operators", bo.operators,
                      "Operator groups or ids, comma separated (see `veriloop operators`)")
        ->capture_default_str();
    build->add_option("--jobs,-j", bo.jobs, "Parallel runs (default: number of cores)");
    bool noFormal = false;
    build->add_flag("--no-formal", noFormal, "Skip Yosys formal checks for survivors");
    build->add_option("--formal-bound", bo.formalBound, "BMC/induction depth")->capture_default_str();
    build->add_option("--formal-timeout", bo.formalTimeout, "Seconds per formal check")->capture_default_str();
    build->add_option("--hls-include", bo.hlsInclude,
                      "HLS C++: folder of vendor HLS headers (ap_int.h, hls_stream.h, ...) to use "
                      "instead of veriloop's own");
    build->add_option("--shard", shard, "Process slice i of N (i/N) of the designs, e.g. for a Slurm array");
    std::string work;
    build->add_option("--work", work, "Scratch folder (default: <db>.work)");
    bool quick = false;
    build->add_flag("--quick", quick,
                    "A first look in minutes: 8 designs spread over the corpus, at most 12 mutants\n"
                    "each (unless --max-per-design), 20 s formal checks");
    build->add_flag("--quiet,-q", quiet, "No progress: neither the status line nor the per-design "
                                         "lines (warnings and errors still print)");
    build->add_flag("--json", json,
                    "End with one JSON object: designs_found, designs_labeled, designs_up_to_date,\n"
                    "designs_skipped, mutants_labeled, interrupted, problems [{code, message, file, line}]");
    build->footer("Exit codes: 0 designs labeled or already up to date, 1 no design could be "
                  "labeled (the\nproblems list each design's VLnnn code; `veriloop help VLnnn` "
                  "explains it), 2 a bad option,\n130 interrupted (every verdict is kept; run the "
                  "same command again to resume).");
    bo.jobs = 0;

    auto* stats = dataset->add_subcommand("stats", "Summarize a dataset: verdicts and bug classes");
    stats->add_option("--db", dbPath, "SQLite dataset")->required();
    stats->add_flag("--json", json,
                    "One JSON object: designs, mutants, by_verdict, by_bug_class, confirmed, ...");
    stats->footer("Exit codes: 0 printed, 2 the database cannot be opened (VL013).");

    bool unconfirmed = false;
    auto* exp = dataset->add_subcommand(
        "export", "Write train/val/test JSONL (splits by design), a dataset card (README.md), the\n"
                  "JSON Schema of a record (schema.json) and counterexample VCDs (waveforms/).\n"
                  "Confirmed bugs are `buggy`;\n"
                  "originals and proved-equivalent mutants are `bug-free`.");
    exp->add_option("--db", dbPath, "SQLite dataset")->required();
    exp->add_option("--out", outDir, "Output folder")->required();
    exp->add_flag("--include-unconfirmed", unconfirmed,
                  "Also export survived/invalid/timeout mutants with label `unconfirmed`");
    exp->add_flag("--json", json, "One JSON object: out, files [{split, file, records}], card, schema,\n"
                                 "waveforms, waveform_files");
    exp->footer("Exit codes: 0 written, 2 the database cannot be opened or the output written (VL013).");

    vl::AuditOptions ao;
    std::string auditDb;
    auto* audit = dataset->add_subcommand(
        "audit", "Re-check a dataset's labels independently, each mutant in a build of its own:\n"
                 "a sample of killed mutants must fail again, every formal counterexample must\n"
                 "replay, every equivalent must survive more random cycles and seeds than\n"
                 "labeling used (and Icarus, when installed), a sample of HLS survivors is\n"
                 "rebuilt at -O0 in every flavor.\n\n"
                 "Exit codes: 0 no false label, 1 some label is false, 2 bad input.");
    audit->add_option("--db", auditDb, "SQLite dataset")->required();
    audit->add_option("--sample", ao.samplePerDesign,
                      "Killed (and HLS survived) mutants re-checked per design")->capture_default_str();
    audit->add_option("--design", ao.designs, "Only these designs (repeatable)");
    audit->add_option("--jobs,-j", ao.jobs, "make -j for each build")->capture_default_str();
    audit->add_flag("--json", json, "One JSON object: by_verdict counts, false_labels, inconclusive");
    audit->add_flag("--quiet,-q", quiet, "No progress (status line and per-design lines)");

    std::string reportOut;
    size_t reportMax = 20000;
    auto* report = dataset->add_subcommand(
        "report", "Write one self-contained HTML file (no network): plots of verdicts per design\n"
                  "and bug class, evidence kinds, per-operator kill rates, testbench strength and\n"
                  "checker time, and a filterable table of the samples with diffs and evidence.\n"
                  "The table takes a filter from the URL: report.html#verdict=equivalent&design=alu");
    report->add_option("--db", dbPath, "SQLite dataset")->required();
    report->add_option("--out", reportOut, "HTML file to write")->required();
    report->add_option("--max-samples", reportMax, "Rows in the samples table (plots count all)")
        ->capture_default_str();
    report->add_flag("--json", json, "One JSON object: report (absolute path), bytes");
    report->footer("Exit codes: 0 written, 2 the database cannot be opened or the file written (VL013).");

    std::string waveId, waveOut = "waveforms";
    auto* waveform = dataset->add_subcommand(
        "waveform", "Write VCD waveforms of one RTL mutant and its original, each built alone with\n"
                    "Verilator tracing and driven by the mutant's formal counterexample, or else by\n"
                    "the design's seeded random stimulus; prints both paths and the first difference.");
    waveform->add_option("--db", dbPath, "SQLite dataset")->required();
    waveform->add_option("--id", waveId, "Mutant id (from the export or the HTML report)")->required();
    waveform->add_option("--out", waveOut, "Folder for the two VCD files")->capture_default_str();
    waveform->add_flag("--json", json, "One JSON object: original, mutant, stimulus, mismatch");
    waveform->footer("Exit codes: 0 written, 2 no such dataset or mutant, an HLS design, or a build failure.");

    std::vector<std::string> mergeInputs;
    auto* merge = dataset->add_subcommand(
        "merge", "Join datasets built with --shard i/N (or on several machines) into one");
    merge->add_option("--db", dbPath, "Dataset to create or extend")->required();
    merge->add_option("inputs", mergeInputs, "Shard datasets")->required();
    merge->add_flag("--json", json, "One JSON object: db, merged [{input, verdicts}]");
    merge->footer("Exit codes: 0 merged, 2 a database cannot be opened or written (VL013).");

    std::string mutateDir, mutateOps = "default";
    uint64_t mutateSeed = 1;
    auto* mutate = app.add_subcommand("mutate", "List the sites and mutants of one design without running anything");
    mutate->add_option("design", mutateDir, "Design folder (holding design.toml)")->required();
    mutate->add_option("--operators", mutateOps, "Operator groups or ids")->capture_default_str();
    mutate->add_option("--seed", mutateSeed, "Seed")->capture_default_str();
    bool listFlag = false;
    mutate->add_flag("--list", listFlag, "List mutants (the default action)");
    mutate->add_flag("--json", json, "JSON output");
    mutate->footer("Exit codes: 0 listed, 1 the design does not load or elaborate, 2 a bad option.");
    std::string mutateHlsInclude;
    mutate->add_option("--hls-include", mutateHlsInclude,
                       "HLS C++: folder of vendor HLS headers (ap_int.h, ...) to use instead of "
                       "veriloop's own");

    auto* operators = app.add_subcommand("operators", "List the mutation operators and bug classes");
    operators->add_flag("--json", json, "JSON output");
    operators->footer("Exit codes: 0 listed.");

    std::vector<std::string> synthDirs;
    auto* synth = app.add_subcommand(
        "synth-report",
        "Synthesize designs with Yosys synth_xilinx (7-series) and report LUT, FF, DSP, BRAM,\n"
        "CARRY4 counts and logic depth (longest combinational path in cells)");
    synth->add_option("designs", synthDirs, "Design folders or corpora")->required();
    synth->add_flag("--json", json, "JSON array, one object per design");
    synth->footer("Exit codes: 0 every design synthesized, 1 some design did not.");

    std::string cosimBlock, cosimWork;
    int cosimVectors = 0;
    uint64_t cosimSeed = 1;
    auto* cosim = app.add_subcommand(
        "cosim",
        "C/RTL co-simulation: drive an RTL block (Verilator) and its HLS C++ twin (C simulation)\n"
        "with the same seeded random vectors and compare every output exactly. The block's\n"
        "design.toml [cosim] table names the twin (hls) and the two drivers (hls_driver,\n"
        "rtl_driver), which print one line `vec <i>: <values>` per vector.\n"
        "Exit codes: 0 all vectors agree (PASS); 1 a vector differs or a side crashed or hung (FAIL;\n"
        "the first differing vector is shown as `hls:` and `rtl:` lines); 2 setup error (ERROR).\n"
        "--json prints {status, block, hls_design, seed, vectors, compared, mismatches,\n"
        "first_mismatch: {vector, hls, rtl, fields} | null,\n"
        "hls / rtl: {build_s, build_reused, run_s, lines, failure}},\n"
        "or {status: ERROR, error: {code, message}}.\n"
        "With --work DIR the builds are kept and reused when their inputs did not change.");
    cosim->add_option("block", cosimBlock, "RTL block folder whose design.toml has [cosim]")->required();
    cosim->add_option("--vectors", cosimVectors, "Vectors to compare, 1..2000 (default: [cosim] vectors)");
    cosim->add_option("--seed", cosimSeed, "Seed of the vector generator")->capture_default_str();
    cosim->add_option("--work", cosimWork,
                      "Keep builds here and reuse them (default: a temporary folder, removed)");
    cosim->add_flag("--json", json, "One JSON object (shape above)");

    std::string helpCode;
    auto* help = app.add_subcommand("help", "Explain a diagnostic code (VL001 ...), or list them all");
    help->add_option("code", helpCode, "A code such as VL005");
    help->footer("Exit codes: 0 explained, 2 no such code.");

    auto* eval = app.add_subcommand("eval", "Evaluate proposers: repair on bugs, optimize and assert on designs");
    eval->require_subcommand(1);
    auto runDebugCommands = veriloop::cli::addDebugCommands(app, eval);
    auto runOptimizeCommands = veriloop::cli::addOptimizeCommands(app, *eval, joinArgs(argc, argv));
    auto runAssertCommands = veriloop::cli::addAssertCommands(app, *eval, joinArgs(argc, argv));
    auto runGateCommand = veriloop::cli::addGateCommand(app);

    CLI11_PARSE(app, argc, argv);
    if (int rc = runDebugCommands(); rc >= 0) return rc;
    if (int rc = runGateCommand(); rc >= 0) return rc;
    if (int rc = runOptimizeCommands(); rc >= 0) return rc;
    if (int rc = runAssertCommands(); rc >= 0) return rc;
    if (synth->parsed()) return cmdSynthReport(synthDirs, json);
    if (cosim->parsed()) return cmdCosim(cosimBlock, cosimVectors, cosimSeed, json, cosimWork);

    if (doctor->parsed()) return cmdDoctor(json);
    if (help->parsed()) return cmdHelp(helpCode);
    if (operators->parsed()) return cmdListOperators(json);
    if (mutate->parsed()) return cmdMutate(mutateDir, mutateOps, json, mutateSeed, mutateHlsInclude);
    if (build->parsed()) {
        bo.db = dbPath;
        bo.formal = !noFormal;
        bo.workRoot = work;
        bo.commandLine = joinArgs(argc, argv);
        return cmdDatasetBuild(paths, bo, shard, json, quiet, quick);
    }
    if (stats->parsed()) return cmdDatasetStats(dbPath, json);
    if (audit->parsed()) return cmdDatasetAudit(auditDb, ao, json, quiet);
    if (merge->parsed()) return cmdDatasetMerge(dbPath, mergeInputs, joinArgs(argc, argv), json);
    if (exp->parsed()) return cmdDatasetExport(dbPath, outDir, unconfirmed, json);
    if (report->parsed()) return cmdDatasetReport(dbPath, reportOut, reportMax, json);
    if (waveform->parsed()) return cmdDatasetWaveform(dbPath, waveId, waveOut, json);
    return 2;
}

int main(int argc, char** argv)
{
    try {
        return runCommandLine(argc, argv);
    } catch (const std::exception& e) {
        fmt::print(stderr, "veriloop: {}: {} (a bug in veriloop; please report it with the command "
                           "line)\n", vl::diagCodeName(vl::DiagCode::InternalError), e.what());
    } catch (...) {
        fmt::print(stderr, "veriloop: {}: unknown exception (a bug in veriloop)\n",
                   vl::diagCodeName(vl::DiagCode::InternalError));
    }
    return 2;
}
