// End to end: the veriloop executable builds a dataset from the two designs under
// tests/data/designs, whose verdicts were worked out by hand; kills are reproduced one mutant
// at a time, counterexamples are replayed in Verilator, and a killed build resumes.

#include <fcntl.h>
#include <signal.h>
#include <sys/file.h>

#include <fstream>
#include <sstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "core/process.h"
#include "dataset/database.h"
#include "equivalence/verilator_sim.h"
#include "test_support.h"

using namespace veriloop;
using namespace veriloop::test;

namespace {


std::string corpus() { return (sourceDir() / "tests/data/designs").string(); }

class DatasetBuild : public ::testing::Test {
protected:
    // ctest runs each test in its own process; they share one dataset, built once per
    // veriloop binary (the build is resumable, so a second run finds it up to date).
    static void SetUpTestSuite()
    {
        const auto stamp = std::filesystem::last_write_time(VERILOOP_BINARY).time_since_epoch().count();
        dir_ = new std::filesystem::path(std::filesystem::temp_directory_path() /
                                         fmt::format("veriloop-test-dataset-{}", stamp));
        std::filesystem::create_directories(*dir_);
        const int lock = open((*dir_ / "lock").c_str(), O_CREAT | O_RDWR, 0644);
        flock(lock, LOCK_EX);
        build_ = new ProcessResult(runVeriloop({"dataset", "build", corpus(), "--db",
                                                (*dir_ / "d.sqlite").string(), "-j", "2"}));
        flock(lock, LOCK_UN);
        close(lock);
    }
    static void TearDownTestSuite()
    {
        delete build_;
        delete dir_;
    }
    static Database db()
    {
        auto d = Database::open(*dir_ / "d.sqlite");
        EXPECT_TRUE(d);
        return std::move(*d);
    }
    static std::map<std::string, MutantRow> byDescription(Database& d, const std::string& design)
    {
        std::map<std::string, MutantRow> out;
        for (const auto& row : d.designs())
            if (row.name == design)
                for (auto& m : d.mutants(row.id)) out[m.mutant.description] = m;
        return out;
    }
    static Design design(const std::string& name)
    {
        return *loadDesign(sourceDir() / "tests/data/designs" / name);
    }
    static std::filesystem::path* dir_;
    static ProcessResult* build_;
};

std::filesystem::path* DatasetBuild::dir_ = nullptr;
ProcessResult* DatasetBuild::build_ = nullptr;

std::string verdictOf(const std::map<std::string, MutantRow>& rows, const std::string& desc)
{
    auto it = rows.find(desc);
    if (it == rows.end()) return "<no such mutant: " + desc + ">";
    return it->second.verdict ? std::string(verdictName(it->second.verdict->verdict)) : "<pending>";
}

}  // namespace

TEST_F(DatasetBuild, HandVerifiedVerdicts)
{
    ASSERT_EQ(build_->exitCode, 0) << build_->out << build_->err;
    auto d = db();
    auto alu = byDescription(d, "tiny_alu");
    // The testbench checks op 0: killed.
    EXPECT_EQ(verdictOf(alu, "the addition `a + b` became `a - b`"), "killed");
    // The testbench never drives op 3 and there is no random stimulus: formal finds it.
    EXPECT_EQ(verdictOf(alu, "the bitwise OR `a | b` became `a & b`"), "nonequivalent");
    // The LSB of shl is masked by 4'b1110: provably harmless.
    EXPECT_EQ(verdictOf(alu, "the constant `1'b0` became `1'b1`"), "equivalent");
    auto counter = byDescription(d, "tiny_counter");
    EXPECT_EQ(verdictOf(counter, "the addition `count + 4'd1` became `count - 4'd1`"), "killed");
    EXPECT_EQ(verdictOf(counter, "the reset value `4'd0` became `4'd1`"), "killed");
}

TEST_F(DatasetBuild, EveryConfirmedBugHasEvidenceAndNothingIsPending)
{
    auto d = db();
    auto s = d.stats();
    EXPECT_EQ(s.pending, 0);
    EXPECT_GT(s.confirmed, s.mutants / 2);
    EXPECT_EQ(s.byVerdict["invalid"], 0) << "an edit range was wrong";
    for (const auto& row : d.designs())
        for (const auto& m : d.mutants(row.id)) {
            ASSERT_TRUE(m.verdict);
            if (!isConfirmedBug(m.verdict->verdict)) continue;
            auto ev = nlohmann::json::parse(m.verdict->evidence, nullptr, false);
            ASSERT_TRUE(ev.is_object()) << m.mutant.id;
            EXPECT_FALSE(ev.empty()) << m.mutant.id;
            if (m.verdict->verdict == Verdict::Nonequivalent) {
                EXPECT_TRUE(ev.contains("trace"));
                EXPECT_TRUE(ev.contains("replay"));
                EXPECT_NE(m.vcd.find("$enddefinitions"), std::string::npos);
            }
        }
}

TEST_F(DatasetBuild, StatsJsonAndExport)
{
    auto stats = runVeriloop({"dataset", "stats", "--db", (*dir_ / "d.sqlite").string(), "--json"});
    ASSERT_EQ(stats.exitCode, 0);
    auto j = nlohmann::json::parse(stats.out);
    for (const char* v : {"killed", "nonequivalent", "equivalent", "survived", "invalid", "timeout"})
        EXPECT_TRUE(j["by_verdict"].contains(v)) << v;
    EXPECT_EQ(j["designs"], 2);
    EXPECT_EQ(j["confirmed"].get<int>(),
              j["by_verdict"]["killed"].get<int>() + j["by_verdict"]["nonequivalent"].get<int>());
    auto out = *dir_ / "jsonl";
    auto exp = runVeriloop({"dataset", "export", "--db", (*dir_ / "d.sqlite").string(), "--out", out.string()});
    ASSERT_EQ(exp.exitCode, 0) << exp.err;
    size_t buggy = 0, bugFree = 0;
    for (const char* split : {"train", "val", "test"}) {
        std::ifstream in(out / (std::string(split) + ".jsonl"));
        ASSERT_TRUE(in) << split;
        std::string line;
        while (std::getline(in, line)) {
            auto r = nlohmann::json::parse(line);
            for (const char* k : {"id", "language", "design", "top", "label", "bug_class", "operator",
                                  "file", "line", "column", "description", "buggy_source",
                                  "fixed_source", "diff", "verdict", "evidence"})
                EXPECT_TRUE(r.contains(k)) << k;
            if (r["label"] == "buggy") {
                ++buggy;
                EXPECT_NE(r["buggy_source"], r["fixed_source"]);
                EXPECT_EQ(r["diff"].get<std::string>().rfind("--- a/", 0), 0u);
            } else {
                ++bugFree;
            }
        }
    }
    EXPECT_GT(buggy, 0u);
    EXPECT_GT(bugFree, 2u);  // both originals and the equivalent mutants

    // The same export for a machine: every file with its record count.
    auto jexp = runVeriloop({"dataset", "export", "--db", (*dir_ / "d.sqlite").string(), "--out",
                             (*dir_ / "jsonl2").string(), "--json"});
    ASSERT_EQ(jexp.exitCode, 0) << jexp.err;
    auto files = nlohmann::json::parse(jexp.out)["files"];
    ASSERT_EQ(files.size(), 3u);
    size_t records = 0;
    for (const auto& f : files) records += f["records"].get<size_t>();
    EXPECT_EQ(records, buggy + bugFree);
    // A database that is not there is bad input (2), for every dataset command.
    const std::string missing = (*dir_ / "missing.sqlite").string();
    EXPECT_EQ(runVeriloop({"dataset", "stats", "--db", missing}).exitCode, 2);
    EXPECT_EQ(runVeriloop({"dataset", "export", "--db", missing, "--out", (*dir_ / "x").string()}).exitCode, 2);
}

// A user loads the export with the Hugging Face `datasets` library and pandas (installed by
// scripts/install_tools.sh into tools/pyenv for tests only): every record matches schema.json,
// the card is there, and integer columns stay integers.
TEST_F(DatasetBuild, ExportLoadsInDatasetsAndPandasWithOneTypePerColumn)
{
    const auto out = *dir_ / "jsonl-card";
    auto exp = runVeriloop({"dataset", "export", "--db", (*dir_ / "d.sqlite").string(), "--out",
                            out.string(), "--include-unconfirmed"});
    ASSERT_EQ(exp.exitCode, 0) << exp.err;
    const std::string card = readFile(out / "README.md").value_or("");
    for (const char* part : {"## Fields", "## Labels", "## Splits", "| label | train | val | test |",
                             "tool versions", "## Licenses", "`line` | integer"})
        EXPECT_NE(card.find(part), std::string::npos) << part;
    ProcessSpec py;
    py.argv = {(sourceDir() / "tools/pyenv/bin/python").string(),
               (sourceDir() / "tests/consumers/load_export.py").string(), out.string()};
    py.timeoutSeconds = 300;
    ProcessResult r = runProcess(py);
    ASSERT_TRUE(r.ok()) << "run scripts/install_tools.sh (tools/pyenv): " << r.err << r.out;
    auto seen = nlohmann::json::parse(r.out);
    EXPECT_GT(seen["records"].get<int>(), 10);
    EXPECT_EQ(seen["records"], seen["pandas_rows"]);
    EXPECT_EQ(seen["line_dtype"], "int64");
}

// The HTML report as a person sees it: Debian's headless Chromium renders it (screenshot not
// blank, every plot an SVG with bars) and its filter, taken from the URL, hides the other rows.
TEST_F(DatasetBuild, HtmlReportRendersInHeadlessChromium)
{
    const auto html = *dir_ / "report.html";
    auto r = runVeriloop({"dataset", "report", "--db", (*dir_ / "d.sqlite").string(), "--out", html.string()});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const std::string text = readFile(html).value_or("");
    EXPECT_EQ(text.find("http://"), text.find("http://www.w3.org/2000/svg"));  // no network
    EXPECT_EQ(text.find("<script src"), std::string::npos);
    auto chromium = [&](std::vector<std::string> args) {
        ProcessSpec spec;
        spec.argv = {"chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                     "--user-data-dir=" + (*dir_ / "chromium-profile").string()};
        spec.argv.insert(spec.argv.end(), args.begin(), args.end());
        spec.timeoutSeconds = 180;
        return runProcess(spec);
    };
    const auto png = *dir_ / "report.png";
    ProcessResult shot = chromium({"--window-size=1200,1600", "--screenshot=" + png.string(),
                                   "file://" + html.string()});
    ASSERT_TRUE(std::filesystem::exists(png)) << shot.err;
    ProcessSpec stats;
    stats.argv = {"python3", (sourceDir() / "tests/consumers/png_stats.py").string(), png.string()};
    ProcessResult decoded = runProcess(stats);
    ASSERT_TRUE(decoded.ok()) << decoded.err;
    auto pixels = nlohmann::json::parse(decoded.out);
    EXPECT_GT(pixels["colors"].get<int>(), 8) << decoded.out;       // bars in several colors
    EXPECT_GT(pixels["non_white"].get<double>(), 0.02) << decoded.out;

    ProcessResult dom = chromium({"--dump-dom", "file://" + html.string() + "#verdict=killed"});
    ASSERT_TRUE(dom.ok()) << dom.err;
    for (const char* plot : {"verdicts-by-design", "verdicts-by-class", "evidence-kinds",
                             "operator-kill-rates", "testbench-strength", "time-per-phase"}) {
        const auto at = dom.out.find(fmt::format("<figure id=\"{}\"><svg", plot));
        ASSERT_NE(at, std::string::npos) << plot;
        EXPECT_NE(dom.out.find("<rect", at), std::string::npos) << plot;
    }
    size_t rows = 0, hidden = 0, killed = 0;
    for (size_t at = dom.out.find("<tr class=\"sample\""); at != std::string::npos;
         at = dom.out.find("<tr class=\"sample\"", at + 1)) {
        const std::string tag = dom.out.substr(at, dom.out.find('>', at) - at);
        ++rows;
        hidden += tag.find("display: none") != std::string::npos;
        killed += tag.find("data-verdict=\"killed\"") != std::string::npos;
    }
    EXPECT_GT(killed, 0u);
    EXPECT_EQ(hidden, rows - killed);  // the script ran and kept exactly the killed rows
}

// A confirmed bug as waveforms: the mutant and its original, each built alone with tracing and
// driven by the recorded counterexample (formal) or the design's random stimulus (a kill).
TEST_F(DatasetBuild, WaveformsOfAConfirmedBugAndItsOriginal)
{
    auto d = db();
    std::string formalId, killedId;
    for (const auto& row : d.designs())
        for (const auto& m : d.mutants(row.id)) {
            if (!m.verdict) continue;
            if (m.verdict->verdict == Verdict::Nonequivalent && formalId.empty()) formalId = m.mutant.id;
            if (m.verdict->verdict == Verdict::Killed && row.name == "tiny_counter" && killedId.empty())
                killedId = m.mutant.id;
        }
    ASSERT_FALSE(formalId.empty());
    ASSERT_FALSE(killedId.empty());
    for (const auto& [id, stimulus] : {std::pair{formalId, "counterexample"}, std::pair{killedId, "random"}}) {
        const auto out = *dir_ / ("waves-" + contentHash(id));
        auto r = runVeriloop({"dataset", "waveform", "--db", (*dir_ / "d.sqlite").string(), "--id", id,
                              "--out", out.string(), "--json"});
        ASSERT_EQ(r.exitCode, 0) << r.err;
        auto j = nlohmann::json::parse(r.out);
        EXPECT_NE(j["stimulus"].get<std::string>().find(stimulus), std::string::npos) << r.out;
        EXPECT_FALSE(j["mismatch"].get<std::string>().empty()) << r.out;  // the bug shows
        for (const char* side : {"original", "mutant"}) {
            const std::string vcd = readFile(j[side].get<std::string>()).value_or("");
            EXPECT_NE(vcd.find("$enddefinitions"), std::string::npos) << side;
            EXPECT_NE(vcd.find("$var wire"), std::string::npos) << side;
            if (std::string(stimulus) == "random") {  // a sequential design: many time steps
                EXPECT_NE(vcd.find("\n#1"), std::string::npos) << side;
            }
        }
    }
    auto missing = runVeriloop({"dataset", "waveform", "--db", (*dir_ / "d.sqlite").string(), "--id", "no-such-id"});
    EXPECT_EQ(missing.exitCode, 2);
    EXPECT_NE(missing.err.find("no mutant with this id"), std::string::npos);
}

TEST_F(DatasetBuild, KilledMutantsReproduceOneByOne)
{
    auto d = db();
    int checked = 0;
    for (const auto& row : d.designs()) {
        Design des = design(row.name);
        int perDesign = 0;
        for (const auto& m : d.mutants(row.id)) {
            if (!m.verdict || m.verdict->verdict != Verdict::Killed || perDesign >= 2) continue;
            if (m.verdict->evidenceKind != "testbench") continue;
            ++perDesign;
            auto sources = applyEdits(des.sources, m.mutant.edits);
            ASSERT_TRUE(sources);
            auto dir = freshDir("replay-kill-" + std::to_string(checked));
            auto build = buildSimulation(des, *sources, SimKind::Testbench, {}, dir / "b", {});
            ASSERT_TRUE(build) << build.error().format();
            Sandbox sandbox(dir / "run", {dir});
            EXPECT_FALSE(runTestbench(des, *build, sandbox, {}).passed) << m.mutant.description;
            ++checked;
        }
    }
    EXPECT_EQ(checked, 4);
}

TEST_F(DatasetBuild, NonequivalentCounterexamplesReplayInVerilator)
{
    auto d = db();
    int checked = 0;
    for (const auto& row : d.designs()) {
        Design des = design(row.name);
        auto analyzed = rtl::analyzeRtlDesign(des);
        ASSERT_TRUE(analyzed);
        std::vector<PortInfo> ports;
        for (const auto& p : analyzed->topPorts) ports.push_back({p.name, p.width, p.dir});
        for (const auto& m : d.mutants(row.id)) {
            if (!m.verdict || m.verdict->verdict != Verdict::Nonequivalent || checked >= 2) continue;
            auto ev = nlohmann::json::parse(m.verdict->evidence);
            auto dir = freshDir("replay-cex-" + std::to_string(checked));
            std::string trace;
            for (const auto& step : ev["trace"]) {
                for (const auto& [k, v] : step.items()) trace += k + "=" + v.get<std::string>() + " ";
                trace += "\n";
            }
            writeFile(dir / "trace.txt", trace);
            auto mutated = applyEdits(des.sources, m.mutant.edits);
            ASSERT_TRUE(mutated);
            auto gold = buildSimulation(des, des.sources, SimKind::Differential, ports, dir / "gold", {});
            auto gate = buildSimulation(des, *mutated, SimKind::Differential, ports, dir / "gate", {});
            ASSERT_TRUE(gold && gate);
            Sandbox sandbox(dir);
            SimRunOptions o;
            o.extraArgs = {"+vl_trace=" + (dir / "trace.txt").string(), "+vl_dump=" + (dir / "ref.txt").string()};
            ASSERT_TRUE(runDifferential(*gold, sandbox, o).passed);
            o.extraArgs = {"+vl_trace=" + (dir / "trace.txt").string(), "+vl_ref=" + (dir / "ref.txt").string()};
            SimRun r = runDifferential(*gate, sandbox, o);
            EXPECT_FALSE(r.passed) << m.mutant.description;
            EXPECT_NE(r.evidence.find("expected"), std::string::npos);
            ++checked;
        }
    }
    EXPECT_GE(checked, 1);
}

TEST(DatasetResume, KillNineThenResumeLosesNothing)
{
    auto dir = freshDir("resume");
    const std::string dbPath = (dir / "r.sqlite").string();
    const std::string design = (sourceDir() / "tests/data/designs/tiny_counter").string();
    // Start a build and SIGKILL it (with its process group) once some verdicts are committed.
    pid_t pid = fork();
    if (pid == 0) {
        setpgid(0, 0);
        execl(VERILOOP_BINARY, VERILOOP_BINARY, "dataset", "build", design.c_str(), "--db",
              dbPath.c_str(), "-j", "1", static_cast<char*>(nullptr));
        _exit(127);
    }
    int decided = 0;
    for (int i = 0; i < 1200 && decided < 3; ++i) {
        usleep(100000);
        if (!std::filesystem::exists(dbPath)) continue;
        auto d = Database::open(dbPath);
        if (d) decided = static_cast<int>(d->stats().mutants - d->stats().pending);
    }
    kill(-pid, SIGKILL);
    int status = 0;
    waitpid(pid, &status, 0);
    ASSERT_GE(decided, 3) << "the build never committed a verdict";
    int64_t before = 0;
    {
        auto d = Database::open(dbPath);
        ASSERT_TRUE(d);
        auto s = d->stats();
        before = s.mutants - s.pending;
        EXPECT_GT(s.pending, 0) << "killed too late to test resume";
    }
    auto again = runVeriloop({"dataset", "build", design, "--db", dbPath, "-j", "2"});
    ASSERT_EQ(again.exitCode, 0) << again.err;
    auto d = Database::open(dbPath);
    auto s = d->stats();
    EXPECT_EQ(s.pending, 0);
    EXPECT_GE(s.mutants - s.pending, before);
    int64_t verdicts = 0;
    for (const auto& [k, n] : s.byVerdict) verdicts += n;
    EXPECT_EQ(verdicts, s.mutants);  // one verdict per mutant, none twice
}

TEST(DatasetBadInputs, EmptyFolderFails)
{
    auto dir = freshDir("empty");
    auto r = runVeriloop({"dataset", "build", dir.string(), "--db", (dir / "x.sqlite").string()});
    EXPECT_NE(r.exitCode, 0);
    EXPECT_NE(r.err.find("no design.toml"), std::string::npos) << r.err;
    auto j = runVeriloop({"dataset", "build", dir.string(), "--db", (dir / "y.sqlite").string(), "--json"});
    EXPECT_EQ(j.exitCode, 1);
    auto summary = nlohmann::json::parse(j.out, nullptr, false);
    ASSERT_TRUE(summary.is_object()) << j.out;
    EXPECT_EQ(summary["designs_found"], 0);
    ASSERT_FALSE(summary["problems"].empty());
    EXPECT_EQ(summary["problems"][0]["code"], "VL008") << j.out;
}

// Every diagnostic code is explained by `veriloop help`, and the explanation names what to do.
TEST(Help, EveryDiagnosticCodeIsExplained)
{
    auto list = runVeriloop({"help"});
    ASSERT_EQ(list.exitCode, 0) << list.err;
    for (int n = 1; n <= static_cast<int>(kLastDiagCode) + 1; ++n) {
        const std::string code = fmt::format("VL{:03}", n);
        EXPECT_NE(list.out.find(code), std::string::npos) << code;
        auto one = runVeriloop({"help", code});
        EXPECT_EQ(one.exitCode, 0) << code;
        EXPECT_NE(one.out.find("What to do:"), std::string::npos) << code << one.out;
    }
    EXPECT_NE(runVeriloop({"help", "vl5"}).out.find("testbench fails on the original"), std::string::npos);
    EXPECT_EQ(runVeriloop({"help", "VL999"}).exitCode, 2);
    // Every command documents its exit codes.
    for (const auto& cmd : std::vector<std::vector<std::string>>{
             {"doctor"}, {"dataset", "build"}, {"dataset", "stats"}, {"dataset", "export"},
             {"dataset", "audit"}, {"dataset", "merge"}, {"dataset", "report"}, {"dataset", "waveform"},
             {"mutate"}, {"operators"}, {"synth-report"}, {"cosim"}, {"help"}, {"debug"},
             {"eval", "repair"}, {"gate"}}) {
        auto args = cmd;
        args.push_back("--help");
        auto help = runVeriloop(args);
        EXPECT_EQ(help.exitCode, 0) << cmd.back();
        EXPECT_TRUE(help.out.find("Exit codes:") != std::string::npos ||
                    help.out.find("Exit: ") != std::string::npos) << cmd.back();
    }
}

TEST(DatasetBadInputs, BadDesignsAreSkippedOthersProceed)
{
    auto root = freshDir("bad-corpus");
    std::filesystem::copy(sourceDir() / "tests/data/designs/tiny_alu", root / "good",
                          std::filesystem::copy_options::recursive);
    writeFile(root / "missing/design.toml",
              "[design]\nname=\"missing\"\ntop=\"m\"\nsources=[\"rtl/gone.sv\"]\n");
    writeFile(root / "syntax/design.toml",
              "[design]\nname=\"syntax\"\ntop=\"s\"\nsources=[\"s.sv\"]\n");
    writeFile(root / "syntax/s.sv", "module s(input logic a, output logic y);\n  assign y = a +;\nendmodule\n");
    writeFile(root / "hang/design.toml",
              "[design]\nname=\"hang\"\ntop=\"h\"\nsources=[\"h.sv\"]\n[testbench]\nsources=[\"tb.sv\"]\n"
              "top=\"tb\"\ntimeout_s=2\n");
    writeFile(root / "hang/h.sv", "module h(input logic a, output logic y);\n  assign y = ~a;\nendmodule\n");
    writeFile(root / "hang/tb.sv", "module tb; logic a = 0, y; h d(.a(a), .y(y));\n"
                                   "initial forever #1 a = ~a;\nendmodule\n");
    writeFile(root / "fails/design.toml",
              "[design]\nname=\"fails\"\ntop=\"h\"\nsources=[\"h.sv\"]\n[testbench]\nsources=[\"tb.sv\"]\n"
              "top=\"tb\"\npass = { exit_code = 0, stdout = \"PASS\" }\n");
    writeFile(root / "fails/h.sv", "module h(input logic a, output logic y);\n  assign y = ~a;\nendmodule\n");
    writeFile(root / "fails/tb.sv", "module tb; logic a = 0, y; h d(.a(a), .y(y));\n"
                                    "initial begin #1 if (y !== 1'b0) $display(\"FAIL: y is %b\", y); $finish; end\nendmodule\n");
    auto r = runVeriloop({"dataset", "build", root.string(), "--db", (root / "x.sqlite").string(),
                          "--no-formal"});
    EXPECT_EQ(r.exitCode, 0) << r.err;
    EXPECT_NE(r.err.find("VL003"), std::string::npos) << r.err;  // missing source
    // file:line:col of the error, the file as the design names it
    EXPECT_NE(r.err.find("syntax/s.sv: error VL004: slang: s.sv:2:17:"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("VL006"), std::string::npos) << r.err;  // testbench never finishes
    // A failing original: a sentence with the failure line and the file holding the whole
    // output, never the evidence JSON.
    const auto at = r.err.find("VL005");
    ASSERT_NE(at, std::string::npos) << r.err;
    const std::string line = r.err.substr(at, r.err.find('\n', at) - at);
    EXPECT_NE(line.find("FAIL: y is 1"), std::string::npos) << line;
    EXPECT_NE(line.find("testbench-output.txt"), std::string::npos) << line;
    EXPECT_EQ(line.find('{'), std::string::npos) << line;
    EXPECT_NE(r.out.find("1 labeled"), std::string::npos) << r.out;
}

TEST_F(DatasetBuild, ShardsMergeIntoTheSameDataset)
{
    auto dir = freshDir("shards");
    std::vector<std::string> shards;
    for (int i = 0; i < 2; ++i) {
        const std::string db = (dir / fmt::format("s{}.sqlite", i)).string();
        auto r = runVeriloop({"dataset", "build", corpus(), "--db", db, "--shard", fmt::format("{}/2", i),
                              "-j", "2", "--no-formal"});
        ASSERT_EQ(r.exitCode, 0) << r.err;
        shards.push_back(db);
    }
    const std::string merged = (dir / "m.sqlite").string();
    auto m = runVeriloop({"dataset", "merge", "--db", merged, shards[0], shards[1]});
    ASSERT_EQ(m.exitCode, 0) << m.err;
    auto md = Database::open(merged);
    ASSERT_TRUE(md);
    auto whole = db();
    EXPECT_EQ(md->stats().mutants, whole.stats().mutants);
    EXPECT_EQ(md->stats().designs, 2);
    EXPECT_EQ(md->stats().pending, 0);
    auto bad = runVeriloop({"dataset", "build", corpus(), "--db", merged, "--shard", "2/2"});
    EXPECT_EQ(bad.exitCode, 2);
}

// A blocking/non-blocking change can reorder evaluation, and Verilator implements the
// scheduling differently from the LRM, so its kills are only kept when Icarus (event-driven)
// fails the mutant too; `-Wno-BLKANDNBLK` no longer hides Verilator's "unsupported".
TEST(DatasetSchedule, BlockingChangesAreKilledOnlyWhenIcarusAgrees)
{
    auto dir = freshDir("blocking");
    const std::string db = (dir / "b.sqlite").string();
    // pipelined_mult's valid chain (`v1 <= in_valid; v2 <= v1;` in one block) gives kills both
    // simulators agree on; sync_fifo's were races Verilator 5.048 and Icarus settle differently.
    auto r = runVeriloop({"dataset", "build", (sourceDir() / "corpora/rtl/pipelined_mult").string(),
                          "--db", db, "--operators", "rtl-nba-to-blocking", "--no-formal", "-j", "2"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    auto d = Database::open(db);
    ASSERT_TRUE(d);
    size_t killed = 0;
    for (const auto& design : d->designs())
        for (const auto& row : d->mutants(design.id)) {
            ASSERT_TRUE(row.verdict);
            if (row.verdict->verdict != Verdict::Killed) continue;
            ++killed;
            EXPECT_NE(row.verdict->engine.find("icarus"), std::string::npos) << row.mutant.id;
        }
    EXPECT_GT(killed, 0u);
}

// `dataset audit` re-checks labels in builds of their own: the dataset as labeled has no false
// label, and a label changed by hand (a killed mutant called `equivalent`) is reported false.
TEST_F(DatasetBuild, AuditConfirmsLabelsAndCatchesATamperedOne)
{
    ASSERT_EQ(build_->exitCode, 0) << build_->err;
    const auto original = *dir_ / "d.sqlite";
    auto ok = runVeriloop({"dataset", "audit", "--db", original.string(), "--sample", "1", "--json"});
    ASSERT_EQ(ok.exitCode, 0) << ok.out << ok.err;
    auto j = nlohmann::json::parse(ok.out);
    EXPECT_EQ(j["false_total"], 0);
    EXPECT_GT(j["by_verdict"]["killed"]["confirmed"].get<int>(), 0);

    const auto tampered = *dir_ / "tampered.sqlite";
    std::filesystem::copy_file(original, tampered, std::filesystem::copy_options::overwrite_existing);
    std::string victim, design;
    {
        auto d = Database::open(tampered);
        ASSERT_TRUE(d);
        for (const auto& row : d->designs())
            for (const auto& m : d->mutants(row.id))
                if (victim.empty() && m.verdict && m.verdict->verdict == Verdict::Killed &&
                    m.verdict->evidenceKind == "testbench") {
                    victim = m.mutant.id;
                    design = row.name;
                }
    }
    ASSERT_FALSE(victim.empty());
    ProcessSpec sql;
    sql.argv = {"sqlite3", tampered.string(),
                "UPDATE verdicts SET verdict = 'equivalent' WHERE mutant_id = '" + victim + "'"};
    ASSERT_TRUE(runProcess(sql).ok());
    auto bad = runVeriloop({"dataset", "audit", "--db", tampered.string(), "--sample", "0",
                            "--design", design, "--json"});
    EXPECT_EQ(bad.exitCode, 1) << bad.out << bad.err;
    auto jb = nlohmann::json::parse(bad.out);
    ASSERT_GE(jb["false_labels"].size(), 1u);
    bool named = false;
    for (const auto& f : jb["false_labels"]) named = named || f["id"] == victim;
    EXPECT_TRUE(named) << bad.out;
}

namespace {

// The `sh` blocks of a markdown page, in order, except those whose info string says `setup`.
std::string guideScript(const std::string& markdown)
{
    std::string script = "set -euo pipefail\n";
    std::istringstream in(markdown);
    std::string line;
    bool inBlock = false, keep = false;
    while (std::getline(in, line)) {
        if (!inBlock && line.rfind("```sh", 0) == 0) {
            inBlock = true;
            keep = line.find("setup") == std::string::npos;
        } else if (inBlock && line.rfind("```", 0) == 0) {
            inBlock = false;
        } else if (inBlock && keep) {
            const std::string binary = VERILOOP_BINARY;
            for (size_t at = line.find("build/veriloop "); at != std::string::npos;
                 at = line.find("build/veriloop ", at + binary.size()))
                line.replace(at, std::string("build/veriloop").size(), binary);
            script += line + "\n";
        }
    }
    return script;
}

}  // namespace

// docs/getting-started.md is a script: a dataset, its report and export, a planted bug
// repaired, a change gated. Every command of it runs here, in order.
TEST(GettingStarted, EveryCommandOfTheGuideRuns)
{
    const std::string script = guideScript(readFile(sourceDir() / "docs/getting-started.md").value_or(""));
    ASSERT_NE(script.find("dataset build"), std::string::npos);
    ASSERT_NE(script.find(" debug "), std::string::npos);
    ASSERT_NE(script.find(" gate "), std::string::npos);
    EXPECT_EQ(script.find("setup.sh"), std::string::npos);  // the set-up block is CI's own job
    const auto dir = freshDir("getting-started");
    writeFile(dir / "guide.sh", script);
    ProcessSpec spec;
    spec.argv = {"bash", (dir / "guide.sh").string()};
    spec.cwd = sourceDir();
    spec.timeoutSeconds = 900;
    spec.env["TMPDIR"] = dir.string();
    ProcessResult r = runProcess(spec);
    ASSERT_TRUE(r.ok()) << "exit " << r.exitCode << "\n" << r.out.substr(r.out.size() > 3000 ? r.out.size() - 3000 : 0) << r.err;
    EXPECT_NE(r.out.find("## veriloop gate: PASS"), std::string::npos);  // the gate summary
    EXPECT_NE(r.out.find("+++ b/rtl/counter.sv"), std::string::npos);    // the repair's patch
    EXPECT_NE(r.out.find("# veriloop verification dataset"), std::string::npos);  // the card
}
