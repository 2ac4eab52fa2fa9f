// `veriloop assert`: mined assertions are kept only when they hold on the original (proved,
// or simulation-only) and catch confirmed mutants. The designs are tests/data/optimize/tick10
// (a counter with an enable and a terminal-count output, with a testbench) and an inline
// free-running counter whose range only holds on a short run.

#include <fstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "core/process.h"
#include "core/text.h"
#include "dataset/database.h"
#include "dataset/export.h"
#include "equivalence/verilator_sim.h"
#include "flows/assertions.h"
#include "llm_client/client.h"
#include "llm_client/fixture_server.h"
#include "llm_client/llm_asserter.h"
#include "test_support.h"

namespace fs = std::filesystem;

namespace veriloop {
namespace {

const fs::path kSource = fs::path(__FILE__).parent_path().parent_path();


// One run of the command on tick10: the report, the bind file, the dataset records; then the
// kept assertions are re-checked on their own.
TEST(Assert, KeptAssertionsHoldOnTheOriginalCatchMostMutantsAndReachTheDataset)
{
    auto dir = test::freshDir("assert-tick10");
    const fs::path designDir = kSource / "tests/data/optimize/tick10";
    ProcessSpec spec;
    spec.argv = {VERILOOP_BINARY, "assert", designDir.string(), "--out", (dir / "props.sv").string(), "--db",
                 (dir / "props.sqlite").string(), "--json", (dir / "report.json").string(), "--seeds", "2",
                 "--work", (dir / "work").string()};
    spec.timeoutSeconds = 600;
    auto run = runProcess(spec);
    ASSERT_EQ(run.exitCode, 0) << run.out << run.err;
    EXPECT_NE(run.out.find("proved"), std::string::npos) << run.out;
    auto r = nlohmann::json::parse(readFile(dir / "report.json").value_or("{}"), nullptr, false);
    ASSERT_TRUE(r.is_object());
    EXPECT_GE(r["kept"].get<int>(), 2) << r.dump(2);
    EXPECT_GE(r["kept_proved"].get<int>(), 1);
    EXPECT_EQ(r["kept"].get<int>(), r["kept_proved"].get<int>() + r["kept_simulation_only"].get<int>());
    EXPECT_GT(r["confirmed_mutants"].get<int>(), 10);
    EXPECT_GE(r["union_kill_rate"].get<double>(), 0.5) << r.dump(2);
    EXPECT_TRUE(r["verilator_checked"].get<bool>()) << "the bind file must build with --assert and the testbench pass";
    for (const auto& a : r["assertions"]) {
        if (a["status"] != "kept") continue;
        EXPECT_GT(a["kills"].get<int>(), 0) << a.dump();
        if (!a["proved"].get<bool>()) EXPECT_NE(a["method"].get<std::string>().find("simulation-only"), std::string::npos);
    }
    const std::string bindFile = readFile(dir / "props.sv").value_or("");
    EXPECT_EQ(bindFile, r["bind_file"].get<std::string>());
    EXPECT_NE(bindFile.find("bind tick10 tick10_veriloop_props"), std::string::npos) << bindFile;
    EXPECT_NE(bindFile.find("disable iff (!rst_n)"), std::string::npos);
    EXPECT_NE(bindFile.find("confirmed mutants"), std::string::npos);

    // The dataset export has one assert record per kept assertion.
    auto db = Database::open(dir / "props.sqlite");
    ASSERT_TRUE(db.has_value());
    auto summary = exportJsonl(*db, dir / "export", {});
    ASSERT_TRUE(summary.has_value()) << summary.error().format();
    const std::string split = splitOf("tick10");
    EXPECT_EQ(summary->taskRecords["assert"][split], static_cast<size_t>(r["kept"].get<int>()));
    auto text = readFile(dir / "export" / fmt::format("assert_{}.jsonl", split));
    ASSERT_TRUE(text.has_value());
    auto rec = nlohmann::json::parse(splitLines(*text).front());
    EXPECT_EQ(rec["task"], "assert");
    EXPECT_FALSE(rec["property"].get<std::string>().empty());
    EXPECT_FALSE(rec["hold_method"].get<std::string>().empty());
    EXPECT_GT(rec["kill_rate"].get<double>(), 0.0);

    // Re-checked on their own: the original with the bind file and Verilator --assert passes
    // long random runs (an assertion that fails stops the run).
    auto design = loadDesign(designDir);
    ASSERT_TRUE(design.has_value());
    auto analyzed = rtl::analyzeRtlDesign(*design);
    ASSERT_TRUE(analyzed.has_value());
    std::vector<PortInfo> ports;
    for (const auto& p : analyzed->topPorts) ports.push_back({p.name, p.width, p.dir});
    auto files = design->sources;
    files.push_back({"props.sv", bindFile});
    SimBuildOptions bo;
    bo.assertions = true;
    auto build = buildSimulation(*design, files, SimKind::Differential, ports, dir / "recheck", bo);
    ASSERT_TRUE(build.has_value()) << build.error().format();
    fs::create_directories(dir / "recheck-runs");
    Sandbox sandbox(dir / "recheck-runs");
    for (uint64_t seed : {11, 12, 13}) {
        SimRunOptions o;
        o.timeoutSeconds = 60;
        o.extraArgs = stimulusArgs({seed, 20000, 5000});
        SimRun check = runDifferential(*build, sandbox, o);
        EXPECT_TRUE(check.passed) << "seed " << seed << ": " << check.evidence << check.output;
    }
    fs::remove_all(dir);
}

TEST(Assert, ARangeThatOnlyHeldOnTheMiningRunIsDroppedNotKept)
{
    auto dir = test::writeDesign("free16", R"(module free16 (
    input  logic clk,
    input  logic rst_n,
    output logic top_bit
);
    logic [15:0] cnt;
    assign top_bit = cnt[15];
    always_ff @(posedge clk or negedge rst_n)
        if (!rst_n) cnt <= 16'd0;
        else        cnt <= cnt + 16'd1;
endmodule
)",
                                 "[clock]\nname = \"clk\"\n[reset]\nname = \"rst_n\"\nactive_low = true\ncycles = 2\n");
    auto design = loadDesign(dir);
    ASSERT_TRUE(design.has_value()) << design.error().format();
    AssertOptions o;
    o.workDir = dir / "work";
    o.seeds = 2;
    auto r = assertDesign(*design, o);
    ASSERT_TRUE(r.has_value()) << r.error().format();
    bool rangeSeen = false;
    for (const auto& a : r->results) {
        if (a.property.kind != "range") continue;
        rangeSeen = true;
        EXPECT_EQ(a.status, "fails-original") << a.property.sva;
        EXPECT_NE(a.reason.find("violated on the original"), std::string::npos) << a.reason;
    }
    EXPECT_TRUE(rangeSeen) << r->toText();
    // The counter's step is a real invariant: proved.
    bool stepProved = false;
    for (const auto& a : r->results) stepProved = stepProved || (a.property.kind == "counter-step" && a.proved);
    EXPECT_TRUE(stepProved) << r->toText();
    // No testbench: the bind file could not be checked with Verilator, and the report says so.
    EXPECT_FALSE(r->verilatorChecked);
    EXPECT_NE(r->toText().find("warning: the design has no testbench"), std::string::npos) << r->toText();
    fs::remove_all(dir);
}

// A testbench that fails on the original with the monitors bound checked nothing past its
// failure: the run stops with the reason instead of calling the candidates held.
TEST(Assert, AnOriginalWhoseTestbenchFailsIsAnErrorNotAPass)
{
    auto dir = test::writeDesignWithTestbench("cnt4", R"(module cnt4 (
    input  logic       clk,
    input  logic       rst_n,
    output logic [3:0] q
);
    always_ff @(posedge clk or negedge rst_n)
        if (!rst_n) q <= 4'd0;
        else        q <= q + 4'd1;
endmodule
)",
                                              R"(module tb;
    logic clk = 1'b0, rst_n = 1'b0;
    logic [3:0] q;
    cnt4 dut (.clk(clk), .rst_n(rst_n), .q(q));
    always #5 clk = ~clk;
    initial begin
        #20 rst_n = 1'b1;
        #100 $display("FAIL: the reference model disagrees");
        $finish;
    end
endmodule
)");
    std::ofstream(dir / "design.toml", std::ios::app)
        << "[clock]\nname = \"clk\"\n[reset]\nname = \"rst_n\"\nactive_low = true\ncycles = 2\n";
    auto design = loadDesign(dir);
    ASSERT_TRUE(design.has_value()) << design.error().format();
    AssertOptions o;
    o.workDir = dir / "work";
    o.seeds = 1;
    auto r = assertDesign(*design, o);
    ASSERT_FALSE(r.has_value()) << r->toText();
    EXPECT_NE(r.error().message.find("testbench fails with the monitors bound"), std::string::npos)
        << r.error().message;
    fs::remove_all(dir);
}

// The LLM path (fixture server, scripted reply): a property that holds is checked like a mined
// one; one that fails on the design, one that does not parse and one naming no signal are
// rejected, each with its reason.
TEST(Assert, LlmPropertiesAreCheckedAndTheWrongOnesRejectedWithTheReason)
{
    if (!llm::fixture::fixtureAvailable()) GTEST_SKIP() << "no Python 3 for the fixture server";
    auto dir = test::freshDir("assert-llm");
    std::string error;
    auto server = llm::fixture::FixtureServer::start("assert-mixed", dir / "requests.jsonl", error);
    ASSERT_TRUE(server.has_value()) << error;
    llm::LlmConfig c;
    c.baseUrl = server->baseUrl();
    c.model = "fixture-model";
    c.maxRetries = 0;
    auto client = llm::LlmClient::create(c);
    ASSERT_TRUE(client.has_value());
    llm::LlmAsserter asserter(std::move(*client));
    auto design = loadDesign(kSource / "tests/data/optimize/tick10");
    ASSERT_TRUE(design.has_value());
    AssertOptions o;
    o.workDir = dir / "work";
    o.seeds = 1;
    o.maxMutants = 20;
    o.proposer = &asserter;
    auto r = assertDesign(*design, o);
    ASSERT_TRUE(r.has_value()) << r.error().format();
    EXPECT_EQ(r->proposer, "builtin+llm:fixture-model");
    std::map<std::string, const AssertionResult*> byLabel;
    for (const auto& a : r->results)
        if (a.property.kind == "llm") byLabel[a.property.id.substr(a.property.id.find("_llm_") + 5)] = &a;
    ASSERT_EQ(byLabel.size(), 4u) << r->toText();
    EXPECT_NE(byLabel["tick_at_nine"]->status, "fails-original") << byLabel["tick_at_nine"]->reason;
    EXPECT_NE(byLabel["tick_at_nine"]->status, "not-compiled") << byLabel["tick_at_nine"]->reason;
    EXPECT_TRUE(byLabel["tick_at_nine"]->proved) << byLabel["tick_at_nine"]->method;
    EXPECT_EQ(byLabel["never_above_five"]->status, "fails-original");
    EXPECT_NE(byLabel["never_above_five"]->reason.find("violated on the original"), std::string::npos);
    EXPECT_EQ(byLabel["broken"]->status, "not-compiled");
    EXPECT_NE(byLabel["broken"]->reason.find("does not parse"), std::string::npos) << byLabel["broken"]->reason;
    EXPECT_EQ(byLabel["uses_state"]->status, "not-compiled");
    EXPECT_NE(byLabel["uses_state"]->reason.find("names `LAST`"), std::string::npos) << byLabel["uses_state"]->reason;
    // The prompt carried the design, its signals and the mined properties.
    auto requests = server->requests();
    ASSERT_EQ(requests.size(), 1u);
    const std::string body = requests[0]["body"].dump();
    EXPECT_NE(body.find("logic [7:0] cnt;"), std::string::npos);
    EXPECT_NE(body.find("cnt [8]"), std::string::npos);
    EXPECT_NE(body.find("|=>"), std::string::npos);
    server->stop();
    fs::remove_all(dir);
}

}  // namespace
}  // namespace veriloop
