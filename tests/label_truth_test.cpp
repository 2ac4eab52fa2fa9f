// Regression tests for label truth on code shaped like other people's (issue: label truth on
// designs nobody here wrote). Each test names what once broke and why.

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "dataset/database.h"
#include "dataset/export.h"
#include "equivalence/icarus_sim.h"
#include "equivalence/sandbox.h"
#include "equivalence/verilator_sim.h"
#include "equivalence/yosys_formal.h"
#include "frontend/rtl/rtl_parser.h"
#include "mutators/generate.h"
#include "test_support.h"

using namespace veriloop;
using namespace veriloop::test;

namespace {

const char* kComparator = R"(module cmp(input logic [3:0] a, input logic [3:0] b, output logic eq);
    assign eq = (a == b);
endmodule
)";

}  // namespace

// The miter once used -ignore_gold_x without modelling undef, which masked every output bit
// where the original is 0: `a == b` -> `b == b` was "proved" equivalent although 240 of 256
// input pairs differ.
TEST(LabelTruth, ComparatorWhoseDifferenceHidesInAZeroBitIsNotEquivalent)
{
    auto dir = writeDesign("cmp", kComparator);
    auto design = loadDesign(dir);
    ASSERT_TRUE(design) << design.error().format();
    std::string gate = kComparator;
    gate.replace(gate.find("(a == b)"), 8, "(b == b)");
    FormalResult r = checkEquivalence(*design, design->sources, {{design->sources[0].path, gate}},
                                      dir / "formal", FormalOptions{});
    EXPECT_EQ(r.status, FormalStatus::NonEquivalent) << r.message;
    ASSERT_FALSE(r.trace.empty());
}

// The differential harness once wrote its reference where the sandbox forbids writing; the
// open failed silently and every comparison printed DIFF-OK. A reference it cannot read or a
// dump it cannot write must now fail the run as a harness error, never pass.
TEST(LabelTruth, DifferentialHarnessFailsLoudlyWithoutItsReference)
{
    auto dir = writeDesign("cmp", kComparator);
    auto design = loadDesign(dir);
    ASSERT_TRUE(design);
    std::vector<PortInfo> ports = {{"a", 4, "input"}, {"b", 4, "input"}, {"eq", 1, "output"}};
    auto build = buildSimulation(*design, design->sources, SimKind::Differential, ports, dir / "diff", {});
    ASSERT_TRUE(build) << build.error().format();
    Sandbox sandbox(dir / "run", {dir});
    SimRunOptions o;
    o.extraArgs = {"+vl_cycles=50", "+vl_ref=" + (dir / "no-such-reference.txt").string()};
    SimRun missing = runDifferential(*build, sandbox, o);
    EXPECT_FALSE(missing.passed);
    EXPECT_TRUE(missing.harnessError) << missing.evidence;
    o.extraArgs = {"+vl_cycles=50", "+vl_dump=/proc/veriloop-cannot-write-here.txt"};
    SimRun unwritable = runDifferential(*build, sandbox, o);
    EXPECT_FALSE(unwritable.passed);
    EXPECT_TRUE(unwritable.harnessError) << unwritable.evidence;
}

// `always @* begin ... end` made site discovery spin forever (`@*` is one token and the
// `end` left at module level was never consumed).
TEST(LabelTruth, AlwaysStarBeginEndParsesAndTerminates)
{
    const std::string src = "module m(input a,b, output reg y); always @* begin y=a&b; end endmodule\n";
    auto parsed = rtl::parseRtlFile({"m.v", src}, 0, {});
    ASSERT_EQ(parsed.modules.size(), 1u);
    EXPECT_FALSE(parsed.sites.empty());
    // Stray tokens at module level are stepped over, never looped on.
    auto stray = rtl::parseRtlFile({"m.v", "module m(input a, output y); end end assign y = a; endmodule\n"}, 0, {});
    EXPECT_EQ(stray.modules.size(), 1u);
}

// Splits once came from the last run's seed and the rank of a design among the others, so a
// sharded build, a merge (seed 0) and an unsharded build put designs in different splits.
TEST(LabelTruth, ASplitDependsOnlyOnTheDesignName)
{
    std::vector<std::string> all;
    for (int i = 0; i < 60; ++i) all.push_back(fmt::format("design_{}", i));
    const auto whole = assignSplits(all);
    std::map<std::string, int> perSplit;
    for (size_t i = 0; i < all.size(); ++i) {
        const auto alone = assignSplits({all[i]});
        EXPECT_EQ(alone.at(all[i]), whole.at(all[i])) << all[i];
        EXPECT_EQ(splitOf(all[i]), whole.at(all[i]));
        ++perSplit[whole.at(all[i])];
    }
    EXPECT_GT(perSplit["test"], 0);
    EXPECT_GT(perSplit["val"], 0);
    EXPECT_GT(perSplit["train"], perSplit["test"] + perSplit["val"]);
}

// A testbench that checks nothing about `gt` leaves that bug to the random differential
// harness, which must kill it under the real sandbox (it once never killed anything there).
TEST(LabelTruth, DifferentialOnlyKillUnderTheSandbox)
{
    const char* sv = R"(module flags(input logic [3:0] a, input logic [3:0] b, output logic eq, output logic gt);
    assign eq = (a == b);
    assign gt = (a > b);
endmodule
)";
    const char* tb = R"(module tb;
    logic [3:0] a, b; logic eq, gt;
    flags dut(.a(a), .b(b), .eq(eq), .gt(gt));
    initial begin
        a = 4'd3; b = 4'd3; #1;
        if (eq !== 1'b1) begin $display("FAIL: eq"); $fatal(1); end
        $display("PASS"); $finish;
    end
endmodule
)";
    auto dir = writeDesignWithTestbench("flags", sv, tb);
    writeFile(dir / "design.toml", readFile(dir / "design.toml").value_or("") +
                                       "[stimulus]\nrandom = true\ncycles = 200\nseed = 1\n");
    const std::string db = (dir / "d.sqlite").string();
    auto r = runVeriloop({"dataset", "build", dir.string(), "--db", db, "--operators",
                          "rtl-relop-gt-to-ge", "--no-formal", "-j", "2"});
    ASSERT_EQ(r.exitCode, 0) << r.err << r.out;
    auto d = Database::open(db);
    ASSERT_TRUE(d);
    size_t byDifferential = 0;
    for (const auto& design : d->designs())
        for (const auto& row : d->mutants(design.id))
            if (row.verdict && row.verdict->verdict == Verdict::Killed &&
                row.verdict->evidenceKind == "differential")
                ++byDifferential;
    EXPECT_GT(byDifferential, 0u) << "sandbox isolated: " << Sandbox::bubblewrapUsable();
}

// Loops written the classic C way (counter declared before the loop, while loops, stride 2,
// `<=` bounds, counting down) once got trip count -1 and no induction variable, so OOB and INF
// found no sites in them.
TEST(LabelTruth, ClassicCLoopsHaveTripCountsAndOobInfSites)
{
    const char* cpp = R"(#include "k.h"
void k(int a[16], int b[17]) {
    int i, j;
load:
    for (i = 0; i < 16; i++) a[i] = a[i] + 1;
    int k = 0;
walk:
    while (k < 16) { a[k] = a[k] * 2; k++; }
pairs:
    for (j = 0; j < 16; j += 2) a[j] = a[j + 1];
incl:
    for (i = 0; i <= 16; i++) b[i] = i;
down:
    for (int d = 15; d >= 0; d--) a[d] = a[d] - 1;
}
)";
    auto kernel = analyzeHlsKernel("k", cpp, "void k(int a[16], int b[17]);\n");
    std::map<std::string, long> trips;
    for (const auto& l : kernel.analysis.loops) trips[l.label] = l.tripCount;
    EXPECT_EQ(trips["load"], 16);
    EXPECT_EQ(trips["walk"], 16);
    EXPECT_EQ(trips["pairs"], 8);
    EXPECT_EQ(trips["incl"], 17);
    EXPECT_EQ(trips["down"], 16);
    auto ops = OperatorRegistry::instance().select("all");
    ASSERT_TRUE(ops);
    GenerateOptions go{1, 0, &kernel.analysis};
    auto mutants = generateMutants(kernel.design.sources, kernel.analysis.sites, *ops, go).mutants;
    std::set<std::string> classes;
    for (const auto& m : mutants) classes.insert(m.bugClass);
    EXPECT_TRUE(classes.count("OOB"));
    EXPECT_TRUE(classes.count("INF"));
}

// A variable left uninitialized on a mutant's path only. GCC 12 at -O1 merges an undefined
// value with the other path's constant even under -ftrivial-auto-var-init=zero (`int g; if (c)
// g = 11;` prints 11, not 0, when c is false), so deleting one of two `scale = 2;` made the
// mutant behave exactly like the original and it was labeled `survived`. C simulation builds
// at -O0, where the deleted assignment reads zero and the testbench sees it.
TEST(LabelTruth, UninitializedOnTheMutantPathOnlyIsKilled)
{
    const char* cpp = R"(#include "step.h"
int step(int up, int pos) {
    int next;
    int scale;
    if (up) {
        scale = 2;
        next = pos + 1;
    } else {
        scale = 2;
        next = pos - 1;
    }
    return next * scale;
}
)";
    const char* tb = R"(#include <cstdio>
#include "step.h"
int main() {
    if (step(1, 4) != 10 || step(0, 4) != 6) { std::printf("FAIL: step\n"); return 1; }
    std::printf("PASS\n");
    return 0;
}
)";
    auto dir = writeHlsDesign("step", cpp, "int step(int up, int pos);\n", tb);
    const std::string db = (dir / "d.sqlite").string();
    auto r = runVeriloop({"dataset", "build", dir.string(), "--db", db, "--operators", "hls-statement-delete", "-j", "2"});
    auto d = Database::open(db);
    ASSERT_TRUE(d);
    size_t deleted = 0, killed = 0;
    for (const auto& design : d->designs())
        for (const auto& row : d->mutants(design.id)) {
            if (row.mutant.originalText.find("scale = 2") == std::string::npos) continue;
            ++deleted;
            if (row.verdict && row.verdict->verdict == Verdict::Killed) ++killed;
        }
    ASSERT_EQ(deleted, 2u) << r.err;
    EXPECT_EQ(killed, deleted);
}

namespace {

// Verilog-2005 the way older third-party RTL is written: non-ANSI ports, `output reg`,
// `always @*` next-state logic next to a clocked block.
const char* kNonAnsiCounter = R"(module ctr(clk, rst, up, q, top);
    input clk;
    input rst;
    input up;
    output reg [3:0] q;
    output top;
    reg [3:0] next;
    assign top = (q == 4'd9);
    always @* begin
        next = q;
        if (up) next = (q == 4'd9) ? 4'd0 : q + 4'd1;
    end
    always @(posedge clk) begin
        if (rst) q <= 4'd0;
        else q <= next;
    end
endmodule
)";

}  // namespace

// One alternative Verilator rejects makes it reject the whole schema build. The errors'
// locations must name that mutant and no other, so the rest of the set stays in one schema
// build (the labeler once halved such sets build after build). Verilator 5.006 rejected a
// blocking alternative next to the original's `<=` (BLKANDNBLK); 5.048 schedules that, so the
// rejected alternative here reads a signal that does not exist, as a mistaken operator or a
// proposed patch could.
TEST(LabelTruth, SchemaErrorsNameOnlyTheMutantsVerilatorRejects)
{
    auto dir = writeDesign("ctr", kNonAnsiCounter);
    auto design = loadDesign(dir);
    ASSERT_TRUE(design);
    auto analyzed = rtl::analyzeRtlDesign(*design);
    ASSERT_TRUE(analyzed) << analyzed.error().format();
    auto ops = OperatorRegistry::instance().select("rtl-nba-to-blocking,rtl-relop-eq-to-ne");
    ASSERT_TRUE(ops);
    auto mutants = generateMutants(design->sources, analyzed->sites, *ops, {}).mutants;
    ASSERT_GE(mutants.size(), 3u);
    Mutant& broken = mutants.front();  // its alternative now reads what does not exist
    broken.id = "hand-made:undeclared-signal";
    ASSERT_FALSE(broken.choices.empty());
    broken.choices.front().altText = "no_such_signal";
    std::vector<const Mutant*> set;
    for (const auto& m : mutants) set.push_back(&m);
    std::vector<SelectorSite> sel;
    for (const auto& m : analyzed->modules) sel.push_back({m.file, m.headerEnd});
    SchemaResult schema = buildMutantSchema(design->sources, sel, set);
    auto build = buildSimulation(*design, schema.files, SimKind::Differential,
                                 {{"clk", 1, "input"}, {"rst", 1, "input"}, {"up", 1, "input"},
                                  {"q", 4, "output"}, {"top", 1, "output"}},
                                 dir / "schema", {});
    ASSERT_FALSE(build) << "Verilator accepted a schema reading an undeclared signal";
    const auto errors = verilatorErrorLocations(dir / "schema");
    ASSERT_FALSE(errors.empty());
    const auto culprits = schemaCulprits(schema, set, design->sources, errors);
    ASSERT_EQ(culprits.size(), 1u);
    EXPECT_EQ(set[culprits.front()]->id, "hand-made:undeclared-signal");
}

// The Icarus differential testbench runs old-style RTL (non-ANSI ports, `output reg`), sees a
// one-constant change, and a dump it cannot write is a harness error, never a difference.
TEST(LabelTruth, IcarusDifferentialOnNonAnsiRtlAndItsHarnessErrors)
{
    if (!icarusAvailable()) FAIL() << "iverilog is not installed (scripts/setup.sh installs it)";
    auto dir = writeDesign("ctr", kNonAnsiCounter, "[clock]\nname = \"clk\"\n[reset]\nname = \"rst\"\nactive_low = false\ncycles = 2\n");
    auto design = loadDesign(dir);
    ASSERT_TRUE(design);
    const std::vector<PortInfo> ports = {{"clk", 1, "input"}, {"rst", 1, "input"}, {"up", 1, "input"},
                                         {"q", 4, "output"}, {"top", 1, "output"}};
    std::string changed = kNonAnsiCounter;
    changed.replace(changed.find("4'd9)"), 5, "4'd8)");
    auto a = buildIcarus(*design, design->sources, SimKind::Differential, ports, dir / "a");
    auto b = buildIcarus(*design, {{design->sources[0].path, changed}}, SimKind::Differential, ports, dir / "b");
    ASSERT_TRUE(a) << a.error().format();
    ASSERT_TRUE(b) << b.error().format();
    Sandbox sandbox(dir / "run", {dir});
    const RandomStimulus s{7, 400, 97};
    IcarusDiffRun ra = runIcarusDifferential(*a, sandbox, s, 60);
    IcarusDiffRun rb = runIcarusDifferential(*b, sandbox, s, 60);
    ASSERT_TRUE(ra.dump) << ra.failure;
    ASSERT_TRUE(rb.dump) << rb.failure;
    EXPECT_EQ(splitLines(*ra.dump).size(), 400u);
    EXPECT_TRUE(firstDumpDifference(*ra.dump, *ra.dump).empty());
    const auto diff = nlohmann::json::parse(firstDumpDifference(*ra.dump, *rb.dump), nullptr, false);
    ASSERT_TRUE(diff.is_object());
    EXPECT_EQ(diff["four_state"], false);

    // A dump it cannot open: the testbench says so and never reports a finished run.
    ProcessSpec spec;
    spec.argv = {"vvp", "-n", a->image.string(), "+vl_cycles=10", "+vl_dump=/proc/veriloop/no-such-dir/d.txt"};
    ProcessResult blocked = runProcess(spec);
    EXPECT_NE(blocked.out.find("HARNESS-ERROR"), std::string::npos) << blocked.out;
    EXPECT_EQ(blocked.out.find("DIFF-DONE"), std::string::npos) << blocked.out;
}
