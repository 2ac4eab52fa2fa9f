// The debug loop: the built-in repairer on hand-planted bugs in corpus designs (RTL and HLS
// C++), the LLM proposer through the real client against the scripted fixture server, the
// safety screen, fault localization, transcript replay and --apply.

#include <sys/wait.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "core/design.h"
#include "core/text.h"
#include "equivalence/csim.h"
#include "flows/builtin_proposer.h"
#include "flows/debug_loop.h"
#include "flows/fault_localization.h"
#include "flows/patch_safety.h"
#include "frontend/hls/hls_frontend.h"
#include "llm_client/fixture_server.h"
#include "llm_client/llm_proposer.h"
#include "test_support.h"

namespace fs = std::filesystem;
using namespace veriloop;
using veriloop::test::freshDir;

namespace {

const fs::path kSource = VERILOOP_SOURCE_DIR;

// A copy of a design folder with `from` replaced by `to` (once) in `file`.
fs::path plantBug(const fs::path& design, const std::string& name, const std::string& file,
                  const std::string& from, const std::string& to)
{
    auto dir = freshDir(name) / "design";
    fs::copy(design, dir, fs::copy_options::recursive);
    auto text = readFile(dir / file).value_or("");
    const auto at = text.find(from);
    EXPECT_NE(at, std::string::npos) << from << " not in " << file;
    if (at != std::string::npos) text.replace(at, from.size(), to);
    writeFile(dir / file, text);
    return dir;
}

DebugOptions testOptions(const fs::path& work)
{
    DebugOptions o;
    o.workDir = work;
    // Shared across the tests of a run (keyed by Verilator's flags, so sharing is safe).
    o.runtimeCache = fs::temp_directory_path() / "veriloop-debugtest-verilator-runtime";
    o.jobs = 2;
    o.flRuns = 16;
    o.checkSeeds = 2;
    o.budget.maxIterations = 3;
    return o;
}

std::vector<SourceFile> goldenOf(const Design& d, const fs::path& goldenDir)
{
    auto g = loadGolden(d, goldenDir);
    EXPECT_TRUE(g.has_value());
    return g ? *g : std::vector<SourceFile>{};
}

std::vector<std::string> texts(const std::vector<SourceFile>& files)
{
    std::vector<std::string> out;
    for (const auto& f : files) out.push_back(f.path + "\n" + f.text);
    return out;
}

// The built-in repairer on a copy of `original` with `from` replaced by `to` in `file`, the
// original as golden. `dir` receives the copy.
DebugResult repairPlanted(const fs::path& original, const std::string& file, const std::string& from,
                          const std::string& to, fs::path& dir, std::vector<SourceFile>& golden)
{
    dir = plantBug(original, fmt::format("planted-{}", original.filename().string()), file, from, to);
    auto design = loadDesign(dir);
    EXPECT_TRUE(design.has_value()) << design.error().format();
    if (!design) return {};
    auto o = testOptions(dir.parent_path() / "work");
    o.golden = golden = goldenOf(*design, original);
    BuiltinProposer proposer;
    return runDebugLoop(*design, proposer, o);
}

int runCli(const std::string& args, std::string* out = nullptr)
{
    const std::string cmd = fmt::format("{} {} 2>&1", VERILOOP_BINARY, args);
    FILE* p = popen(cmd.c_str(), "r");
    if (!p) return -1;
    std::string text;
    char buf[4096];
    while (size_t n = fread(buf, 1, sizeof buf, p)) text.append(buf, n);
    const int status = pclose(p);
    if (out) *out = text;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

// ---------------------------------------------------------------- fault localization

TEST(FaultLocalization, ParsesVerilatorCoverageAndRanksByOchiai)
{
    const std::vector<SourceFile> files = {{"rtl/a.sv", "l1\nl2\nl3\nl4\nl5\n"}};
    // Two points of the design file (one with a line range), one of the testbench.
    const std::string dat =
        "# SystemC::Coverage-3\n"
        "C '\001f\002/w/src/rtl/a.sv\001l\0022\001n\0025\001page\002v_line/a\001o\002block"
        "\001S\0022-3\001h\002TOP.a' 4\n"
        "C '\001f\002/w/src/rtl/a.sv\001l\0025\001n\0025\001page\002v_line/a\001o\002else"
        "\001h\002TOP.a' 0\n"
        "C '\001f\002/w/tb.sv\001l\0021\001n\0021\001page\002v_line/tb\001o\002block"
        "\001h\002TOP' 1\n";
    std::set<LineKey> known;
    auto executed = parseCoverageDat(dat, files, &known);
    EXPECT_EQ(executed, (std::set<LineKey>{{0, 2}, {0, 3}}));
    EXPECT_EQ(known, (std::set<LineKey>{{0, 2}, {0, 3}, {0, 5}}));

    // Line 4 runs only in the failing runs, line 2 in every run, line 1 never fails.
    std::vector<CoverageRun> runs = {{"f1", true, {{0, 2}, {0, 4}}},
                                     {"f2", true, {{0, 2}, {0, 4}}},
                                     {"p1", false, {{0, 1}, {0, 2}}},
                                     {"p2", false, {{0, 2}}}};
    auto fl = rankLines(runs, {}, files);
    ASSERT_EQ(fl.ranked.size(), 2u);
    EXPECT_EQ(fl.ranked[0].line, 4);
    EXPECT_DOUBLE_EQ(fl.ranked[0].score, 1.0);
    EXPECT_EQ(fl.ranked[1].line, 2);
    EXPECT_NEAR(fl.ranked[1].score, 2.0 / std::sqrt(2.0 * 4.0), 1e-9);
    EXPECT_EQ(fl.ranked[0].text, "l4");
    EXPECT_EQ(fl.failingRuns, 2);
    EXPECT_EQ(fl.passingRuns, 2);
}

TEST(FaultLocalization, NoFailingRunRanksNothing)
{
    const std::vector<SourceFile> files = {{"a.sv", "x\n"}};
    EXPECT_TRUE(rankLines({{"p", false, {{0, 1}}}}, {}, files).ranked.empty());
}

// ---------------------------------------------------------------- safety screen

class Safety : public ::testing::Test {
protected:
    void SetUp() override
    {
        auto d = loadDesign(kSource / "tests/data/debug/llm_counter");
        ASSERT_TRUE(d.has_value());
        design = *d;
    }
    SafetyVerdict with(const std::string& from, const std::string& to)
    {
        auto after = design.sources;
        const auto at = after[0].text.find(from);
        EXPECT_NE(at, std::string::npos);
        after[0].text.replace(at, from.size(), to);
        return checkPatchSafety(design, design.sources, after);
    }
    Design design;
};

TEST_F(Safety, AcceptsAPlainFix)
{
    EXPECT_TRUE(with("count - 8'd1", "count + 8'd1").ok);
}

TEST_F(Safety, RejectsSystemTask)
{
    auto v = with("endmodule", "initial $system(\"rm -rf /\");\nendmodule");
    EXPECT_FALSE(v.ok);
    EXPECT_NE(v.reason.find("$system"), std::string::npos) << v.reason;
}

TEST_F(Safety, RejectsDpiImportAndFileIo)
{
    EXPECT_FALSE(with("endmodule", "import \"DPI-C\" function int f();\nendmodule").ok);
    EXPECT_FALSE(with("endmodule", "initial $fopen(\"x\", \"w\");\nendmodule").ok);
    EXPECT_FALSE(with("endmodule", "initial $readmemh(\"x\", mem);\nendmodule").ok);
    EXPECT_FALSE(with("endmodule", "initial $writememh(\"x\", mem);\nendmodule").ok);
    EXPECT_FALSE(with("endmodule", "initial $c(\"system(0)\");\nendmodule").ok);
}

TEST_F(Safety, RejectsIncludeOutsideTheDesign)
{
    auto v = with("module counter", "`include \"../../etc/passwd\"\nmodule counter");
    EXPECT_FALSE(v.ok);
    EXPECT_NE(v.reason.find("include"), std::string::npos);
    EXPECT_FALSE(with("module counter", "`include \"/etc/passwd\"\nmodule counter").ok);
}

TEST_F(Safety, RejectsPortListChange)
{
    auto v = with("output logic [7:0] count", "output logic [8:0] count");
    EXPECT_FALSE(v.ok);
    EXPECT_NE(v.reason.find("port list"), std::string::npos);
    EXPECT_FALSE(with("input  logic       rst_n,", "input  logic       rst_n, input logic x,").ok);
}

TEST_F(Safety, RejectsOtherFilesAndTheTestbench)
{
    auto after = design.sources;
    after.push_back({"tb/tb_counter.sv", "module tb_counter; endmodule\n"});
    EXPECT_FALSE(checkPatchSafety(design, design.sources, after).ok);
    after = design.sources;
    after[0].path = "../secrets.txt";
    EXPECT_FALSE(checkPatchSafety(design, design.sources, after).ok);
}

TEST_F(Safety, CommentsDoNotCount)
{
    EXPECT_TRUE(with("endmodule", "// no $system here, nor $fopen\nendmodule").ok);
}

// ---------------------------------------------------------------- built-in repairer

struct PlantedBug {
    const char* design;
    const char* file;
    const char* from;
    const char* to;
};

class BuiltinRepair : public ::testing::TestWithParam<PlantedBug> {};

TEST_P(BuiltinRepair, RestoresTheOriginal)
{
    const PlantedBug& bug = GetParam();
    fs::path dir;
    std::vector<SourceFile> golden;
    DebugResult r = repairPlanted(kSource / "corpora/rtl" / bug.design, bug.file, bug.from, bug.to,
                                  dir, golden);
    ASSERT_FALSE(r.error) << r.error->format();
    EXPECT_EQ(r.verdict, RepairVerdict::Correct) << r.toJson().dump(2);
    EXPECT_EQ(texts(r.fixed), texts(golden)) << r.diff;
    EXPECT_NE(r.diff.find(std::string("+") ), std::string::npos);
    EXPECT_NE(r.diff.find(bug.from), std::string::npos) << r.diff;
    // The user's files were not touched.
    EXPECT_NE(readFile(dir / bug.file).value_or("").find(bug.to), std::string::npos);
    fs::remove_all(dir.parent_path());
}

INSTANTIATE_TEST_SUITE_P(
    Corpus, BuiltinRepair,
    ::testing::Values(PlantedBug{"saturating_add", "rtl/saturating_add.sv", "raw[7] != a[7]",
                                 "raw[7] == a[7]"},
                      PlantedBug{"counter", "rtl/counter.sv", "count + 1'b1", "count - 1'b1"}),
    [](const auto& info) { return std::string(info.param.design); });

// ---------------------------------------------------------------- HLS C++

struct PlantedHlsBug {
    const char* design;
    const char* file;
    const char* from;
    const char* to;
    const char* fixedBy;  // the operator or template expected to undo it
    bool identical;       // the fix is the original text (else: equal on the extended test)
    int flWithin;         // the planted line is among this many most suspicious
};

class HlsBuiltinRepair : public ::testing::TestWithParam<PlantedHlsBug> {};

// C simulation in three flavors, gcov fault localization, the differential harness and the
// pragma rules find and undo single bugs in corpus kernels; the fix equals the original.
TEST_P(HlsBuiltinRepair, RestoresTheOriginal)
{
    const PlantedHlsBug& bug = GetParam();
    fs::path dir;
    std::vector<SourceFile> golden;
    DebugResult r = repairPlanted(kSource / "corpora/hls" / bug.design, bug.file, bug.from, bug.to,
                                  dir, golden);
    ASSERT_FALSE(r.error) << r.error->format();
    EXPECT_EQ(r.verdict, RepairVerdict::Correct) << r.toJson().dump(2);
    if (bug.identical) {
        EXPECT_EQ(texts(r.fixed), texts(golden)) << r.diff;
    }
    EXPECT_EQ(r.fixOrigin, std::string("builtin:") + bug.fixedBy) << r.diff;
    // The planted line is among the most suspicious (lines every failing run and no passing
    // run executes tie; ties keep file order).
    const int line = [&] {
        const auto text = readFile(dir / bug.file).value_or("");
        return 1 + static_cast<int>(std::count(text.begin(), text.begin() + text.find(bug.to), '\n'));
    }();
    int rank = 0;
    for (size_t k = 0; k < r.localization.ranked.size() && !rank; ++k)
        if (r.localization.ranked[k].line == line) rank = static_cast<int>(k) + 1;
    EXPECT_GE(rank, 1) << r.toJson()["fault_localization"].dump(2);
    EXPECT_LE(rank, bug.flWithin) << r.toJson()["fault_localization"].dump(2);
    EXPECT_NE(readFile(dir / bug.file).value_or("").find(bug.to), std::string::npos);
    fs::remove_all(dir.parent_path());
}

INSTANTIATE_TEST_SUITE_P(
    Corpus, HlsBuiltinRepair,
    ::testing::Values(
        // output mismatch: a wrong lane of the unrolled dot product
        PlantedHlsBug{"gemm", "src/gemm.cpp", "acc2 += a_tile[i][k + 2]", "acc2 += a_tile[i][k + 1]",
                      "hls-index-inc", false, 20},
        // uninitialized loop counter: only pattern auto-initialization shows it
        PlantedHlsBug{"softmax_fixed", "src/softmax_fixed.cpp", "for (int i = 0; i < n; i++) {",
                      "for (int i; i < n; i++) {", "hls-repair-add-initializer", true, 5},
        // a partition factor that does not divide the dimension: only the pragma rules see it
        PlantedHlsBug{"stencil2d", "src/stencil2d.cpp", "variable=k type=complete dim=1",
                      "variable=k type=cyclic dim=1 factor=2", "hls-repair-partition-shape", true, 1}),
    [](const auto& info) { return std::string(info.param.design); });

// Without a golden the testbench (in every flavor) decides, and the verdict is at most
// plausible.
TEST(HlsDebug, WithoutGoldenTheTestbenchDecides)
{
    const fs::path original = kSource / "corpora/hls/gemm";
    auto dir = plantBug(original, "hls-nogolden", "src/gemm.cpp", "acc2 += a_tile[i][k + 2]",
                        "acc2 -= a_tile[i][k + 2]");
    auto design = loadDesign(dir);
    ASSERT_TRUE(design.has_value());
    auto o = testOptions(dir.parent_path() / "work");
    BuiltinProposer proposer;
    DebugResult r = runDebugLoop(*design, proposer, o);
    ASSERT_FALSE(r.error) << r.error->format();
    EXPECT_NE(r.evidence.find("FAIL"), std::string::npos) << r.evidence;
    EXPECT_EQ(r.verdict, RepairVerdict::Plausible) << r.toJson().dump(2);
    EXPECT_NE(r.diff.find("+                acc2 += a_tile[i][k + 2]"), std::string::npos) << r.diff;
    fs::remove_all(dir.parent_path());
}

// gcov coverage of a Coverage build: the lines a run executed, also when a sanitizer reports
// an error and when the run hangs (its alarm writes the data before the time limit).
TEST(HlsDebug, CoverageBuildReportsExecutedLinesOfFailingRuns)
{
    struct Case {
        const char* name;
        const char* from;
        const char* to;
        const char* marker;  // text on the line that must be executed
    };
    for (const Case& c : {Case{"oob", "acc2 += a_tile[i][k + 2]", "acc2 += a_tile[i][k + 200]", "k + 200"},
                          Case{"hang", "k < GEMM_K; k += 4)", "k < GEMM_K; )", "acc3 +="}}) {
        SCOPED_TRACE(c.name);
        auto dir = plantBug(kSource / "corpora/hls/gemm", fmt::format("hls-coverage-{}", c.name),
                            "src/gemm.cpp", c.from, c.to);
        auto design = loadDesign(dir);
        ASSERT_TRUE(design.has_value());
        CsimWorkspace ws(*design, dir.parent_path() / "ws", hls::defaultHlsIncludeDir());
        auto build = ws.build(design->sources, CsimFlavor::Coverage, "cov");
        ASSERT_TRUE(build.has_value()) << build.error().log;
        const auto covDir = dir.parent_path() / "ws" / "run1";
        CsimRun run = runCsim(ws, *build, 0, 2, 1024, {{}, covDir});
        EXPECT_FALSE(run.passed);
        if (std::string(c.name) == "oob") EXPECT_FALSE(run.sanitizerReport.empty()) << run.err;
        else EXPECT_TRUE(run.timedOut);
        std::set<std::pair<int, int>> known;
        auto executed = readCsimCoverage(ws, *build, covDir, design->sources, &known);
        const auto text = readFile(dir / "src/gemm.cpp").value_or("");
        const int line = 1 + static_cast<int>(std::count(text.begin(), text.begin() + text.find(c.marker), '\n'));
        EXPECT_TRUE(executed.count({0, line})) << "line " << line;
        EXPECT_GE(known.size(), executed.size());
        fs::remove_all(dir.parent_path());
    }
}

// ---------------------------------------------------------------- LLM proposer

class LlmDebug : public ::testing::Test {
protected:
    void SetUp() override
    {
        if (!llm::fixture::fixtureAvailable()) GTEST_SKIP() << "no Python 3 for the fixture server";
        dir = freshDir(::testing::UnitTest::GetInstance()->current_test_info()->name());
        fs::copy(kSource / "tests/data/debug/llm_counter", dir / "design", fs::copy_options::recursive);
        auto d = loadDesign(dir / "design");
        ASSERT_TRUE(d.has_value());
        design = *d;
    }
    void TearDown() override
    {
        if (server) server->stop();
        if (!dir.empty()) fs::remove_all(dir);
    }
    void startServer(const std::string& scenario)
    {
        std::string error;
        server = llm::fixture::FixtureServer::start(scenario, dir / "requests.jsonl", error);
        ASSERT_TRUE(server.has_value()) << error;
    }
    llm::LlmConfig config(llm::CacheMode mode = llm::CacheMode::Off) const
    {
        llm::LlmConfig c;
        c.baseUrl = server ? server->baseUrl() : "";
        c.model = "fixture-model";
        c.maxRetries = 0;
        c.cacheMode = mode;
        if (mode != llm::CacheMode::Off) c.cachePath = dir / "cache.sqlite";
        return c;
    }
    DebugResult debug(const std::string& scenario, bool golden, int iters = 3)
    {
        startServer(scenario);
        auto client = llm::LlmClient::create(config());
        EXPECT_TRUE(client.has_value());
        llm::LlmProposer proposer(std::move(*client));
        auto o = testOptions(dir / "work");
        o.budget.maxIterations = iters;
        if (golden) o.golden = goldenOf(design, kSource / "tests/data/debug/llm_counter_golden");
        return runDebugLoop(design, proposer, o);
    }
    fs::path dir;
    Design design;
    std::optional<llm::fixture::FixtureServer> server;
};

TEST_F(LlmDebug, GoodPatchIsCorrectAgainstTheGolden)
{
    DebugResult r = debug("good-patch", true);
    ASSERT_FALSE(r.error) << r.error->format();
    EXPECT_EQ(r.verdict, RepairVerdict::Correct) << r.toJson().dump(2);
    EXPECT_EQ(r.iterations, 1);
    EXPECT_NE(r.diff.find("+        else        count <= count + 8'd1;"), std::string::npos);
    EXPECT_EQ(r.fixOrigin, "llm:fixture-model");
    // The prompt carried the design, the evidence and the ranked lines.
    auto requests = server->requests();
    ASSERT_EQ(requests.size(), 1u);
    const std::string body = requests[0]["body"].dump();
    EXPECT_NE(body.find("count - 8'd1"), std::string::npos);
    EXPECT_NE(body.find("FAIL: count"), std::string::npos);
    EXPECT_NE(body.find("rtl/counter.sv:8"), std::string::npos);
    EXPECT_NE(body.find("json_schema"), std::string::npos);
}

TEST_F(LlmDebug, GoodPatchWithoutGoldenIsPlausible)
{
    DebugResult r = debug("good-patch", false);
    ASSERT_FALSE(r.error) << r.error->format();
    EXPECT_EQ(r.verdict, RepairVerdict::Plausible);
}

TEST_F(LlmDebug, WrongPatchThenGoodOneAfterFeedback)
{
    DebugResult r = debug("debug-wrong-then-good", false);
    ASSERT_FALSE(r.error) << r.error->format();
    EXPECT_EQ(r.verdict, RepairVerdict::Plausible) << r.toJson().dump(2);
    EXPECT_EQ(r.iterations, 2);
    ASSERT_EQ(r.attempts.size(), 2u);
    EXPECT_EQ(r.attempts[0].outcome, "testbench-failed");
    EXPECT_EQ(r.attempts[1].outcome, "passed");
    auto requests = server->requests();
    ASSERT_EQ(requests.size(), 2u);
    const auto& messages = requests[1]["body"]["messages"];
    ASSERT_EQ(messages.size(), 4u);  // system, user, assistant (the wrong reply), feedback
    EXPECT_EQ(messages[2]["role"], "assistant");
    EXPECT_NE(messages[2]["content"].get<std::string>().find("8'd2"), std::string::npos);
    const std::string feedback = messages[3]["content"];
    EXPECT_NE(feedback.find("Your fix was not accepted"), std::string::npos);
    EXPECT_NE(feedback.find("FAIL: count"), std::string::npos) << feedback;
}

TEST_F(LlmDebug, MalformedReplyFailsWithoutBuilding)
{
    DebugResult r = debug("malformed-json", false, 2);
    ASSERT_FALSE(r.error) << r.error->format();
    EXPECT_EQ(r.verdict, RepairVerdict::Failed);
    EXPECT_EQ(r.candidatesChecked, 0);
    ASSERT_FALSE(r.attempts.empty());
    EXPECT_EQ(r.attempts[0].outcome, "patch-error");
    EXPECT_NE(r.attempts[0].detail.find("malformed"), std::string::npos) << r.attempts[0].detail;
}

TEST_F(LlmDebug, PatchOutsideTheDesignIsRejectedNotBuilt)
{
    DebugResult r = debug("outside-design", false, 1);
    EXPECT_EQ(r.verdict, RepairVerdict::Failed);
    EXPECT_EQ(r.candidatesChecked, 0);
    ASSERT_EQ(r.attempts.size(), 1u);
    EXPECT_EQ(r.attempts[0].outcome, "rejected");
    EXPECT_FALSE(fs::exists(dir / "work" / "iter1"));  // nothing was built for it
}

TEST_F(LlmDebug, TestbenchEditIsRejected)
{
    DebugResult r = debug("debug-testbench", false, 1);
    EXPECT_EQ(r.verdict, RepairVerdict::Failed);
    ASSERT_EQ(r.attempts.size(), 1u);
    EXPECT_EQ(r.attempts[0].outcome, "rejected");
}

TEST_F(LlmDebug, SystemTaskIsRejectedNotBuilt)
{
    DebugResult r = debug("debug-system", false, 1);
    EXPECT_EQ(r.verdict, RepairVerdict::Failed);
    EXPECT_EQ(r.candidatesChecked, 0);
    ASSERT_EQ(r.attempts.size(), 1u);
    EXPECT_EQ(r.attempts[0].outcome, "rejected");
    EXPECT_NE(r.attempts[0].detail.find("$system"), std::string::npos);
    EXPECT_FALSE(fs::exists(dir / "work" / "iter1"));
    EXPECT_FALSE(fs::exists("/tmp/veriloop-pwned"));
}

TEST_F(LlmDebug, PortChangeIsRejected)
{
    DebugResult r = debug("debug-port-change", false, 1);
    ASSERT_EQ(r.attempts.size(), 1u);
    EXPECT_EQ(r.attempts[0].outcome, "rejected");
    EXPECT_NE(r.attempts[0].detail.find("port list"), std::string::npos);
}

// Every candidate is re-parsed (slang) before anything is built: one that lost a `;` is
// rejected with the place of the error.
TEST_F(LlmDebug, AFixThatDoesNotParseIsRejectedNotBuilt)
{
    DebugResult r = debug("debug-syntax-error", false, 1);
    EXPECT_EQ(r.candidatesChecked, 0);
    ASSERT_EQ(r.attempts.size(), 1u);
    EXPECT_EQ(r.attempts[0].outcome, "rejected");
    EXPECT_NE(r.attempts[0].detail.find("does not parse: rtl/counter.sv:8:"), std::string::npos)
        << r.attempts[0].detail;
    EXPECT_FALSE(fs::exists(dir / "work" / "iter1"));
}

// The CLI: replay gives byte-identical transcripts; a replay miss fails clearly.
TEST_F(LlmDebug, ReplayIsByteIdenticalAndAMissFailsClearly)
{
    startServer("debug-wrong-then-good");
    const std::string common = fmt::format("debug {} --model fixture-model --llm-cache {} -j 2",
                                           (dir / "design").string(), (dir / "cache.sqlite").string());
    std::string out;
    ASSERT_EQ(runCli(fmt::format("{} --llm-url {} --json {}", common, server->baseUrl(),
                                 (dir / "t1.json").string()),
                     &out),
              0)
        << out;
    server->stop();
    ASSERT_EQ(runCli(fmt::format("{} --llm-replay --json {}", common, (dir / "t2.json").string()), &out), 0)
        << out;
    const auto t1 = readFile(dir / "t1.json"), t2 = readFile(dir / "t2.json");
    ASSERT_TRUE(t1 && t2);
    EXPECT_EQ(*t1, *t2);
    EXPECT_NE(t1->find("\"verdict\": \"plausible\""), std::string::npos);
    // Another design: its prompt is not in the cache.
    auto text = readFile(dir / "design/rtl/counter.sv").value_or("");
    writeFile(dir / "design/rtl/counter.sv", "// changed\n" + text);
    EXPECT_EQ(runCli(fmt::format("{} --llm-replay", common), &out), 2) << out;
    EXPECT_NE(out.find("no cached response"), std::string::npos) << out;
}

// ---------------------------------------------------------------- --apply

TEST(DebugCli, UserFilesChangeOnlyWithApply)
{
    auto dir = freshDir("apply");
    fs::copy(kSource / "tests/data/debug/llm_counter", dir / "design", fs::copy_options::recursive);
    const auto file = dir / "design/rtl/counter.sv";
    const auto before = readFile(file).value_or("");
    std::string out;
    EXPECT_EQ(runCli(fmt::format("debug {} --builtin -j 2", (dir / "design").string()), &out), 0) << out;
    EXPECT_EQ(readFile(file).value_or(""), before);
    EXPECT_NE(out.find("verdict: plausible"), std::string::npos) << out;
    EXPECT_EQ(runCli(fmt::format("debug {} --builtin -j 2 --apply", (dir / "design").string()), &out), 0)
        << out;
    EXPECT_EQ(readFile(file).value_or(""),
              readFile(kSource / "tests/data/debug/llm_counter_golden/rtl/counter.sv").value_or("-"));
    // Fixed now: nothing to debug is bad input (exit 2, VL015).
    EXPECT_EQ(runCli(fmt::format("debug {} --builtin", (dir / "design").string()), &out), 2);
    EXPECT_NE(out.find("VL015"), std::string::npos) << out;
    EXPECT_EQ(runCli("debug /nonexistent/design", &out), 2);
    EXPECT_NE(out.find("VL001"), std::string::npos) << out;
    fs::remove_all(dir);
}

}  // namespace
