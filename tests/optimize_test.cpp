// `veriloop optimize`: proposals are kept only with a proof and a synthesis gain; wrong ones
// are rejected with a counterexample replayed in Verilator. The design is
// tests/data/optimize/tick10 (an 8-bit counter that only counts to 9). The LLM path talks
// HTTP to the fixture server (tests/llm_client/fixture_llm_server.py, scripted replies).

#include <cstdlib>
#include <fstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "core/process.h"
#include "core/text.h"
#include "dataset/database.h"
#include "dataset/export.h"
#include "equivalence/yosys_formal.h"
#include "flows/optimize.h"
#include "llm_client/client.h"
#include "llm_client/llm_optimizer.h"
#include "llm_client/fixture_server.h"
#include "test_support.h"

namespace fs = std::filesystem;

namespace veriloop {
namespace {

const fs::path kSource = fs::path(__FILE__).parent_path().parent_path();

struct OptimizeTest : ::testing::Test {
    void SetUp() override
    {
        dir = test::freshDir(::testing::UnitTest::GetInstance()->current_test_info()->name());
        fs::copy(kSource / "tests/data/optimize/tick10", dir / "design", fs::copy_options::recursive);
        auto d = loadDesign(dir / "design");
        ASSERT_TRUE(d.has_value()) << d.error().format();
        design = *d;
    }
    void TearDown() override
    {
        if (server) server->stop();
        fs::remove_all(dir);
    }
    OptimizeOptions options(int rounds) const
    {
        OptimizeOptions o;
        o.workDir = dir / "work";
        o.target = SynthTarget::Generic;
        o.maxRounds = rounds;
        o.proofSeconds = 60;
        return o;
    }
    OptimizeReport withLlm(const std::string& scenario, int rounds)
    {
        std::string error;
        server = llm::fixture::FixtureServer::start(scenario, dir / "requests.jsonl", error);
        EXPECT_TRUE(server.has_value()) << error;
        llm::LlmConfig c;
        c.baseUrl = server->baseUrl();
        c.model = "fixture-model";
        c.maxRetries = 0;
        auto client = llm::LlmClient::create(c);
        EXPECT_TRUE(client.has_value());
        llm::LlmOptimizer optimizer(std::move(*client));
        auto r = optimizeDesign(design, optimizer, options(rounds));
        EXPECT_TRUE(r.has_value()) << r.error().format();
        return r ? *r : OptimizeReport{};
    }
    std::string sourceText(const std::vector<SourceFile>& files) const { return files.front().text; }

    fs::path dir;
    Design design;
    std::optional<llm::fixture::FixtureServer> server;
};

TEST_F(OptimizeTest, AWrongProposalIsRejectedWithAReplayedCounterexampleAndTheNextOneKept)
{
    if (!llm::fixture::fixtureAvailable()) GTEST_SKIP() << "no Python 3 for the fixture server";
    OptimizeReport r = withLlm("optimize-wrong-then-good", 3);
    ASSERT_GE(r.proposals.size(), 2u) << r.toText();
    const auto& wrong = r.proposals[0];
    EXPECT_EQ(wrong.outcome, ProposalOutcome::NotEquivalent) << wrong.reason;
    EXPECT_EQ(wrong.counterexample.value("signal", std::string()), "tick") << wrong.counterexample.dump();
    EXPECT_NE(wrong.reason.find("output tick is 1 in the original and 0 here"), std::string::npos) << wrong.reason;
    const auto& good = r.proposals[1];
    EXPECT_EQ(good.outcome, ProposalOutcome::Kept) << good.reason;
    EXPECT_EQ(good.candidate.origin, "llm:fixture-model");
    EXPECT_EQ(r.kept(), 1);
    // The second request told the model why the first proposal was not kept.
    auto requests = server->requests();
    ASSERT_GE(requests.size(), 2u);
    EXPECT_EQ(requests[0]["body"].dump().find("not equivalent"), std::string::npos);
    EXPECT_NE(requests[1]["body"].dump().find("not equivalent: at cycle"), std::string::npos);
}

TEST_F(OptimizeTest, AProposalThatDoesNotParseIsRejectedWithTheReason)
{
    if (!llm::fixture::fixtureAvailable()) GTEST_SKIP() << "no Python 3 for the fixture server";
    OptimizeReport r = withLlm("optimize-syntax-error", 1);
    ASSERT_EQ(r.proposals.size(), 1u) << r.toText();
    EXPECT_EQ(r.proposals[0].outcome, ProposalOutcome::Invalid);
    EXPECT_NE(r.proposals[0].reason.find("does not parse: rtl/tick10.sv:9:"), std::string::npos)
        << r.proposals[0].reason;
    EXPECT_EQ(r.kept(), 0);
    EXPECT_TRUE(r.patch.empty());
}

TEST_F(OptimizeTest, KeptOptimizationsAreStoredAndExportedAsOptimizeRecords)
{
    if (!llm::fixture::fixtureAvailable()) GTEST_SKIP() << "no Python 3 for the fixture server";
    OptimizeReport r = withLlm("optimize-good", 1);
    ASSERT_EQ(r.kept(), 1) << r.toText();
    auto db = Database::open(dir / "opt.sqlite");
    ASSERT_TRUE(db.has_value());
    auto run = db->beginRun("test", "{}", 0, "{}");
    ASSERT_TRUE(run.has_value());
    auto stored = storeOptimizations(*db, design, r, *run);
    ASSERT_TRUE(stored.has_value()) << stored.error().format();
    EXPECT_EQ(*stored, 1);
    auto summary = exportJsonl(*db, dir / "export", {});
    ASSERT_TRUE(summary.has_value()) << summary.error().format();
    const std::string split = splitOf("tick10");
    EXPECT_EQ(summary->taskRecords["optimize"][split], 1u);
    auto text = readFile(dir / "export" / fmt::format("optimize_{}.jsonl", split));
    ASSERT_TRUE(text.has_value());
    auto rec = nlohmann::json::parse(splitLines(*text).front());
    EXPECT_EQ(rec["task"], "optimize");
    EXPECT_EQ(rec["design"], "tick10");
    EXPECT_EQ(rec["file"], "rtl/tick10.sv");
    EXPECT_NE(rec["original_source"].get<std::string>().find("logic [7:0] cnt;"), std::string::npos);
    EXPECT_NE(rec["optimized_source"].get<std::string>().find("logic [3:0] cnt;"), std::string::npos);
    EXPECT_NE(rec["proof_method"].get<std::string>().find("induction"), std::string::npos);
    EXPECT_LT(rec["area_delta"].get<int>(), 0);
    EXPECT_LT(rec["after"]["ff"].get<int>(), rec["before"]["ff"].get<int>() + 1);
}

// The built-in rewrites through the command: the over-wide counter is narrowed, narrower than
// its range is disproved, the result is proved again on its own, --apply writes it, and a
// second run with nothing left to gain exits 1.
TEST_F(OptimizeTest, TheBuiltinRewritesNarrowTheCounterTheCommandAppliesItAndSaysSoInItsExitCode)
{
    const std::string json = (dir / "report.json").string();
    ProcessSpec spec;
    spec.argv = {VERILOOP_BINARY, "optimize", (dir / "design").string(), "--target", "generic",
                 "--max-rounds", "2", "--json", json, "--apply", "--work", (dir / "cli").string()};
    spec.timeoutSeconds = 600;
    auto run = runProcess(spec);
    EXPECT_EQ(run.exitCode, 0) << run.out << run.err;
    auto report = nlohmann::json::parse(readFile(json).value_or("{}"), nullptr, false);
    ASSERT_TRUE(report.is_object());
    EXPECT_GE(report.value("kept", 0), 1) << report.dump(2);
    EXPECT_EQ(report.value("target", std::string()), "generic");
    EXPECT_LT(report["after"]["area"].get<int>(), report["before"]["area"].get<int>());
    EXPECT_NE(report["proof_method"].get<std::string>().find("induction"), std::string::npos);
    bool disproved = false;
    for (const auto& p : report["proposals"]) {
        if (p["outcome"] == "kept") EXPECT_TRUE(p.contains("proof")) << p.dump();
        if (p["outcome"] == "not-equivalent") {
            disproved = true;
            EXPECT_NE(p["reason"].get<std::string>().find("output tick"), std::string::npos) << p.dump();
        }
    }
    EXPECT_TRUE(disproved) << "narrower than the counter's range is proposed and disproved";
    auto applied = readFile(dir / "design" / "rtl" / "tick10.sv");
    ASSERT_TRUE(applied.has_value());
    EXPECT_NE(applied->find("logic [3:0] cnt;"), std::string::npos) << *applied;
    // The applied result, checked again on its own against the original, is equivalent.
    auto changed = design.sources;
    changed.front().text = *applied;
    FormalResult again = checkEquivalence(design, design.sources, changed, dir / "recheck", FormalOptions{});
    EXPECT_EQ(again.status, FormalStatus::Equivalent) << again.message;
    // Nothing more to gain from the same rewrites: exit 1, files unchanged.
    spec.argv = {VERILOOP_BINARY, "optimize", (dir / "design").string(), "--target", "generic",
                 "--max-rounds", "1", "--work", (dir / "cli2").string()};
    auto again2 = runProcess(spec);
    EXPECT_EQ(again2.exitCode, 1) << again2.out << again2.err;
    EXPECT_EQ(readFile(dir / "design" / "rtl" / "tick10.sv"), applied);
}

// The rewrites themselves (no synthesis, no proof): a register of a multi-name declaration is
// narrowed on a declaration of its own, magnitude comparisons get (in)equality, state codes
// are re-encoded but opcodes (the interface) are not.
TEST(OptimizeRewrites, NarrowCompareAndReencodeStatesButNotOpcodes)
{
    const std::string sv = R"(module m (
    input  logic       clk,
    input  logic [1:0] op,
    output logic [7:0] y
);
    localparam S_IDLE = 2'd0, S_RUN = 2'd1, S_DONE = 2'd2;
    localparam OP_ADD = 2'd0, OP_SUB = 2'd1, OP_AND = 2'd2;
    logic [1:0] state;
    logic [7:0] a, b;
    assign y = (op == OP_ADD) ? a + b : (op == OP_SUB) ? a - b : a & b;
    always_ff @(posedge clk) begin
        a <= (a >= 8'd9) ? 8'd0 : a + 8'd1;
        b <= {6'd0, state};
        case (state)
            S_IDLE:  state <= S_RUN;
            S_RUN:   state <= S_DONE;
            default: state <= S_IDLE;
        endcase
    end
endmodule
)";
    auto dir = test::writeDesign("m", sv, "[clock]\nname = \"clk\"\n");
    auto design = loadDesign(dir);
    ASSERT_TRUE(design.has_value());
    auto analyzed = rtl::analyzeRtlDesign(*design);
    ASSERT_TRUE(analyzed.has_value()) << analyzed.error().format();
    auto candidates = builtinOptimizations(design->sources, analyzed->sites);
    std::map<std::string, std::vector<std::string>> byRewrite;
    for (const auto& c : candidates) byRewrite[c.origin].push_back(c.files.front().text);
    bool narrowedB = false;
    for (const auto& text : byRewrite["builtin:narrow-register"])
        narrowedB = narrowedB || text.find("logic [7:0] a; logic [3:0] b;") != std::string::npos;
    EXPECT_TRUE(narrowedB) << "b narrowed to 4 bits on a declaration of its own";
    bool equality = false;
    for (const auto& text : byRewrite["builtin:compare-to-equality"])
        equality = equality || text.find("(a == 8'd9)") != std::string::npos;
    EXPECT_TRUE(equality);
    ASSERT_EQ(byRewrite["builtin:fsm-reencode"].size(), 2u) << "Gray and reversed, for S_* only";
    for (const auto& text : byRewrite["builtin:fsm-reencode"]) {
        EXPECT_NE(text.find("OP_ADD = 2'd0, OP_SUB = 2'd1, OP_AND = 2'd2"), std::string::npos);
        EXPECT_EQ(text.find("S_IDLE = 2'd0, S_RUN = 2'd1, S_DONE = 2'd2"), std::string::npos);
    }
    std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace veriloop
