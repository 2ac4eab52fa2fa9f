// `veriloop assert`: mined assertions are kept only when they hold on the original (proved,
// or simulation-only) and catch confirmed mutants. The designs are tests/data/optimize/tick10
// (a counter with an enable and a terminal-count output, with a testbench) and an inline
// free-running counter whose range only holds on a short run.

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "core/process.h"
#include "core/text.h"
#include "dataset/database.h"
#include "dataset/export.h"
#include "equivalence/verilator_sim.h"
#include "flows/assertions.h"
#include "test_support.h"

namespace fs = std::filesystem;

namespace veriloop {
namespace {

const fs::path kSource = fs::path(__FILE__).parent_path().parent_path();

AssertOptions quickOptions(const fs::path& work)
{
    AssertOptions o;
    o.workDir = work;
    o.cycles = 2000;
    o.seeds = 2;
    return o;
}

TEST(Assert, KeptAssertionsHoldOnTheOriginalAndCatchMostConfirmedMutants)
{
    auto dir = test::freshDir("assert-tick10");
    auto design = loadDesign(kSource / "tests/data/optimize/tick10");
    ASSERT_TRUE(design.has_value()) << design.error().format();
    auto r = assertDesign(*design, quickOptions(dir / "work"));
    ASSERT_TRUE(r.has_value()) << r.error().format();
    EXPECT_GE(r->kept(), 2) << r->toText();
    EXPECT_GE(r->keptProved(), 1) << r->toText();
    EXPECT_GT(r->confirmed, 10);
    EXPECT_GE(r->unionKillRate(), 0.5) << r->toText();
    EXPECT_TRUE(r->verilatorChecked) << "the bind file must build with --assert and the testbench pass";
    EXPECT_NE(r->bindFile.find("bind tick10 tick10_veriloop_props"), std::string::npos) << r->bindFile;
    EXPECT_NE(r->bindFile.find("disable iff (!rst_n)"), std::string::npos);
    EXPECT_NE(r->bindFile.find("confirmed mutants"), std::string::npos);
    for (const auto& a : r->results) {
        if (a.status != "kept") continue;
        EXPECT_FALSE(a.kills.empty()) << a.property.id;
        EXPECT_FALSE(a.method.empty()) << a.property.id;
        if (!a.proved) EXPECT_NE(a.method.find("simulation-only"), std::string::npos) << a.method;
    }
    // Re-checked on their own: the original with the bind file and Verilator --assert passes
    // long random runs (an assertion that fails stops the run).
    auto analyzed = rtl::analyzeRtlDesign(*design);
    ASSERT_TRUE(analyzed.has_value());
    std::vector<PortInfo> ports;
    for (const auto& p : analyzed->topPorts) ports.push_back({p.name, p.width, p.dir});
    auto files = design->sources;
    files.push_back({"props.sv", r->bindFile});
    SimBuildOptions bo;
    bo.assertions = true;
    auto build = buildSimulation(*design, files, SimKind::Differential, ports, dir / "recheck", bo);
    ASSERT_TRUE(build.has_value()) << build.error().format();
    Sandbox sandbox(dir / "recheck-runs");
    fs::create_directories(dir / "recheck-runs");
    for (uint64_t seed : {11, 12, 13}) {
        SimRunOptions o;
        o.timeoutSeconds = 60;
        o.extraArgs = stimulusArgs({seed, 20000, 5000});
        SimRun run = runDifferential(*build, sandbox, o);
        EXPECT_TRUE(run.passed) << "seed " << seed << ": " << run.evidence << run.output;
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
    auto r = assertDesign(*design, quickOptions(dir / "work"));
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
    fs::remove_all(dir);
}

TEST(Assert, TheCommandWritesTheBindFileAndTheDatasetGetsAssertRecords)
{
    auto dir = test::freshDir("assert-cli");
    ProcessSpec spec;
    spec.argv = {VERILOOP_BINARY, "assert", (kSource / "tests/data/optimize/tick10").string(), "--out",
                 (dir / "props.sv").string(), "--db", (dir / "props.sqlite").string(), "--json",
                 (dir / "report.json").string(), "--seeds", "1", "--work", (dir / "work").string()};
    spec.timeoutSeconds = 600;
    auto run = runProcess(spec);
    EXPECT_EQ(run.exitCode, 0) << run.out << run.err;
    EXPECT_NE(run.out.find("proved"), std::string::npos) << run.out;
    auto bind = readFile(dir / "props.sv");
    ASSERT_TRUE(bind.has_value());
    EXPECT_NE(bind->find("assert property"), std::string::npos);
    auto report = nlohmann::json::parse(readFile(dir / "report.json").value_or("{}"), nullptr, false);
    ASSERT_TRUE(report.is_object());
    EXPECT_EQ(report["kept"].get<int>(), report["kept_proved"].get<int>() + report["kept_simulation_only"].get<int>());
    auto db = Database::open(dir / "props.sqlite");
    ASSERT_TRUE(db.has_value());
    auto summary = exportJsonl(*db, dir / "export", {});
    ASSERT_TRUE(summary.has_value()) << summary.error().format();
    const std::string split = splitOf("tick10");
    EXPECT_EQ(summary->taskRecords["assert"][split], static_cast<size_t>(report["kept"].get<int>()));
    auto text = readFile(dir / "export" / fmt::format("assert_{}.jsonl", split));
    ASSERT_TRUE(text.has_value());
    auto rec = nlohmann::json::parse(splitLines(*text).front());
    EXPECT_EQ(rec["task"], "assert");
    EXPECT_FALSE(rec["property"].get<std::string>().empty());
    EXPECT_FALSE(rec["hold_method"].get<std::string>().empty());
    EXPECT_GT(rec["kill_rate"].get<double>(), 0.0);
    fs::remove_all(dir);
}

}  // namespace
}  // namespace veriloop
