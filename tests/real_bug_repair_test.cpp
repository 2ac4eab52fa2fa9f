// Repair of bugs shaped like people's (issue 15): designs with delays and oversized literals
// are debugged, a bug in two places is fixed by one two-edit candidate, lines no run executes
// (a declaration, a case item never taken) are ranked with their reason, and a streamed
// transcript survives a run that is killed. The whole hand-written suite runs in bench/
// (`veriloop eval repair --suite corpora/bugs`); a test loads it and checks every bug is whole.

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "core/design.h"
#include "core/site.h"
#include "core/text.h"
#include "flows/builtin_proposer.h"
#include "flows/debug_loop.h"
#include "flows/eval_repair.h"
#include "flows/fault_localization.h"
#include "flows/repair_suite.h"
#include "flows/rtl_dependence.h"
#include "flows/rtl_repair_templates.h"
#include "flows/signal_divergence.h"
#include "frontend/rtl/rtl_parser.h"
#include "mutators/generate.h"
#include "test_support.h"

namespace fs = std::filesystem;
using namespace veriloop;
using veriloop::test::freshDir;

namespace {

const fs::path kSource = VERILOOP_SOURCE_DIR;

// design.toml of a design in one file with the testbench tb/tb.sv (top `tb`, prints PASS), clock
// `clk`, active-high reset `rst` held two cycles, and `cycles` cycles of seeded random stimulus.
std::string oneFileDesignToml(const std::string& top, const std::string& language,
                              const std::string& source, int cycles)
{
    return fmt::format(R"([design]
name = "{0}"
language = "{1}"
top = "{0}"
sources = ["{2}"]
[testbench]
sources = ["tb/tb.sv"]
top = "tb"
pass = {{ exit_code = 0, stdout = "PASS" }}
timeout_s = 10
[clock]
name = "clk"
[reset]
name = "rst"
active_low = false
cycles = 2
[stimulus]
random = true
cycles = {3}
seed = 1
)",
                       top, language, source, cycles);
}

// A Verilog-2001 design (non-ANSI ports, `<= #1`, an oversized literal the LRM truncates,
// old-style sensitivity list) with a self-checking testbench; `body` is the counter's limit
// compare, so a test can plant a bug in it.
fs::path writeOldStyleDesign(const fs::path& dir, const std::string& limitCompare,
                             const std::string& wrapCompare)
{
    writeFile(dir / "rtl/tick.v", fmt::format(R"(`timescale 1ns/1ps
`define STEP 4'd1
module tick(clk, rst, en, cnt, wrap, odd);
  input clk, rst, en;
  output [3:0] cnt;
  output wrap, odd;
  reg [3:0] cnt;
  reg wrap;
  reg odd;
  wire [1:0] pad = 2'h14;   // the LRM truncates this to 2'b00
  always @(posedge clk or posedge rst)
    if (rst) cnt <= #1 4'd0;
    else if (en) begin
      if ({0}) cnt <= #1 4'd0;
      else cnt <= #1 cnt + `STEP + pad;
    end
  always @(cnt or en)
    if ({1}) wrap = en;
    else wrap = 1'b0;
  always @(cnt) odd = cnt[0];
endmodule
)",
                                                   limitCompare, wrapCompare));
    writeFile(dir / "tb/tb.sv", R"(module tb;
  reg clk = 0, rst = 1, en = 0;
  wire [3:0] cnt; wire wrap, odd;
  integer i, expect_cnt;
  tick dut(.clk(clk), .rst(rst), .en(en), .cnt(cnt), .wrap(wrap), .odd(odd));
  always #5 clk = ~clk;
  initial begin
    #12 rst = 0; en = 1; expect_cnt = 0;
    for (i = 0; i < 40; i = i + 1) begin
      @(posedge clk); #2;
      expect_cnt = (expect_cnt == 9) ? 0 : expect_cnt + 1;
      if (cnt !== expect_cnt[3:0]) begin $display("FAIL: cnt=%0d expected %0d", cnt, expect_cnt); $fatal(1); end
      if (wrap !== (cnt == 9)) begin $display("FAIL: wrap=%0d at cnt=%0d", wrap, cnt); $fatal(1); end
    end
    $display("PASS"); $finish;
  end
endmodule
)");
    writeFile(dir / "design.toml", oneFileDesignToml("tick", "verilog", "rtl/tick.v", 300));
    return dir;
}

// The built-in repairer on the tick design with a bug planted in its two compares, against
// the bug-free tick; `golden` receives the golden's sources.
DebugResult repairTick(const fs::path& root, const std::string& limitCompare,
                       const std::string& wrapCompare, std::vector<SourceFile>& golden)
{
    auto design = loadDesign(writeOldStyleDesign(root / "buggy", limitCompare, wrapCompare));
    auto goldenDesign = loadDesign(writeOldStyleDesign(root / "golden", "cnt == 4'd9", "cnt == 4'd9"));
    EXPECT_TRUE(design && goldenDesign);
    if (!design || !goldenDesign) return {};
    golden = goldenDesign->sources;
    DebugOptions o;
    o.workDir = root / "work";
    o.runtimeCache = fs::temp_directory_path() / "veriloop-debugtest-verilator-runtime";
    o.jobs = 2;
    o.flRuns = 16;
    o.checkSeeds = 2;
    o.budget.maxIterations = 4;
    o.golden = golden;
    BuiltinProposer proposer;
    return runDebugLoop(*design, proposer, o);
}

}  // namespace

// Delays in the design and an oversized literal no longer stop the debug loop before it
// starts (Verilator rejects `2'h14` and, without --timing, `#1`); the bug is found and fixed.
TEST(RealBugs, ADesignWithDelaysAndAnOversizedLiteralIsRepaired)
{
    const auto root = freshDir("delays");
    std::vector<SourceFile> golden;
    DebugResult r = repairTick(root, "cnt == 4'd10", "cnt == 4'd9", golden);
    ASSERT_FALSE(r.error) << r.error->format();
    EXPECT_NE(r.verdict, RepairVerdict::Failed) << r.toJson().dump(2);
    EXPECT_NE(r.diff.find("-      if (cnt == 4'd10)"), std::string::npos) << r.diff;
    fs::remove_all(root);
}

// The same wrong constant in two places: no single edit passes, the candidate that makes the
// same change at both sites (two hunks) does.
TEST(RealBugs, ABugOnTwoLinesIsRepairedByOneTwoEditCandidate)
{
    const auto root = freshDir("twoline");
    std::vector<SourceFile> golden;
    DebugResult r = repairTick(root, "cnt == 4'd8", "cnt == 4'd8", golden);
    ASSERT_FALSE(r.error) << r.error->format();
    ASSERT_EQ(r.verdict, RepairVerdict::Correct) << r.toJson().dump(2);
    EXPECT_EQ(r.fixed.front().text, golden.front().text) << r.diff;
    EXPECT_NE(r.fixDescription.find("; and "), std::string::npos) << r.fixDescription;
    fs::remove_all(root);
}

// A localparam the suspicious lines read, an always block's event control and a case item no
// run executed get ranks (just below what depends on them) and say why.
TEST(RealBugs, LinesNoRunExecutesAreRankedByDependence)
{
    const std::string text = "module m;\n"                       // 1
                             "  localparam LIMIT = 4'd9;\n"       // 2
                             "  always @(posedge clk)\n"          // 3
                             "    if (cnt == LIMIT) cnt <= 0;\n"  // 4
                             "  always @* case (s)\n"             // 5
                             "    A: y = 1;\n"                    // 6
                             "    A: y = 2;\n"                    // 7
                             "  endcase\n"                        // 8
                             "endmodule\n";
    std::vector<SourceFile> files = {{"m.v", text}};
    auto site = [&](SiteKind k, const std::string& token, int line) {
        Site s;
        s.kind = k;
        s.module = "m";
        const auto at = static_cast<uint32_t>(text.find(token));
        s.token = {0, at, at + static_cast<uint32_t>(token.size())};
        s.text = token;
        s.line = line;
        return s;
    };
    Site param = site(SiteKind::ParamValue, "4'd9", 2);
    param.target = "LIMIT";
    Site event = site(SiteKind::EventControl, "@(posedge clk)", 3);
    const auto op = static_cast<uint32_t>(text.find("<= 0"));
    event.parts = {{0, op, op + 2}};
    event.partTexts = {"<="};
    const auto item7 = static_cast<uint32_t>(text.find("A: y = 2"));
    Site taken = site(SiteKind::CaseItem, "A: y = 1;", 6);
    Site never = site(SiteKind::CaseItem, "A: y = 2;", 7);
    never.token = {0, item7, item7 + 9};
    FaultLocalization fl;
    fl.failingRuns = 2;
    fl.ranked = {{"m.v", 4, 0.8, "if (cnt == LIMIT) cnt <= 0;"}, {"m.v", 6, 0.5, "A: y = 1;"}};
    rankByDependence(fl, {param, event, taken, never}, files);
    std::map<int, std::pair<size_t, std::string>> rankOf;
    for (size_t i = 0; i < fl.ranked.size(); ++i) rankOf[fl.ranked[i].line] = {i + 1, fl.ranked[i].reason};
    ASSERT_TRUE(rankOf.count(2) && rankOf.count(3) && rankOf.count(7)) << fl.ranked.size();
    EXPECT_EQ(rankOf[4].first, 1u);
    EXPECT_NE(rankOf[2].second.find("declares `LIMIT`, read on line 4"), std::string::npos) << rankOf[2].second;
    EXPECT_NE(rankOf[3].second.find("event control"), std::string::npos);
    EXPECT_NE(rankOf[7].second.find("never executed"), std::string::npos);
    EXPECT_LT(rankOf[2].first, rankOf[6].first);  // 0.95 * 0.8 above the item's 0.5
    EXPECT_GT(rankOf[7].first, rankOf[6].first);
    EXPECT_EQ(rankOf[4].second, "spectrum");
}

namespace {

// The candidates one RTL repair template makes at every site of a one-file design.
GenerateResult templateCandidates(const std::vector<SourceFile>& files, const std::string& templateId)
{
    auto parsed = rtl::parseRtlFile(files[0], 0, {});
    EXPECT_TRUE(parsed.error.empty()) << parsed.error;
    auto templates = rtlRepairTemplates(&parsed.sites);
    std::vector<const MutationOperator*> ops;
    for (const auto& t : templates)
        if (t->info().id == templateId) ops.push_back(t.get());
    EXPECT_EQ(ops.size(), 1u) << templateId;
    return generateMutants(files, parsed.sites, ops, GenerateOptions{});
}

}  // namespace

// A case of combinational code without a default (a latch where a value was meant): the
// template adds one before `endcase` assigning zero to what the items assign, once per case
// however many of its items are ranked, as a schema choice (the whole case statement); a case
// that has a default gets none.
TEST(RealBugs, ACaseWithoutADefaultGetsOne)
{
    const std::string v = "module m(input [1:0] s, input [3:0] d, output reg [3:0] y, output reg z);\n"
                          "  always @* begin\n"
                          "    case (s)\n"
                          "      2'd0: begin y = d; z = 1'b1; end\n"
                          "      2'd1: y = ~d;\n"
                          "    endcase\n"
                          "    case (d[0])\n"
                          "      1'b0: z = 1'b0;\n"
                          "      default: z = 1'b1;\n"
                          "    endcase\n"
                          "  end\n"
                          "endmodule\n";
    const std::vector<SourceFile> files = {{"m.v", v}};
    auto gen = templateCandidates(files, "repair-missing-default");
    ASSERT_EQ(gen.mutants.size(), 1u);
    EXPECT_EQ(gen.editMismatches, 0u);
    auto fixed = applyEdits(files, gen.mutants[0].edits);
    ASSERT_TRUE(fixed);
    EXPECT_NE(fixed->front().text.find("      2'd1: y = ~d;\n    default: begin y = 0; z = 0; end\n    endcase\n"),
              std::string::npos)
        << fixed->front().text;
    EXPECT_NE(gen.mutants[0].description.find("added before `endcase`"), std::string::npos);
    // A schema candidate: the alternative is the whole first case statement with the item.
    EXPECT_EQ(gen.mutants[0].check, MutantCheck::Schema);
    ASSERT_EQ(gen.mutants[0].choices.size(), 1u);
    const std::string& alt = gen.mutants[0].choices[0].altText;
    const std::string tail = "2'd1: y = ~d;\n    default: begin y = 0; z = 0; end\n    endcase";
    EXPECT_EQ(alt.rfind("case (s)\n", 0), 0u) << alt;
    ASSERT_GE(alt.size(), tail.size());
    EXPECT_EQ(alt.substr(alt.size() - tail.size()), tail);
}

// A numeric case label written twice (a copy-paste that forgot to change it): the template
// offers the one value no item covers.
TEST(RealBugs, ADuplicatedNumericLabelBecomesTheValueNoItemCovers)
{
    const std::string v = "module m(input [1:0] s, output reg [3:0] y);\n"
                          "  always @* case (s)\n"
                          "    2'd0: y = 4'd1;\n"
                          "    2'd1: y = 4'd2;\n"
                          "    2'd1: y = 4'd8;\n"
                          "    2'd2: y = 4'd4;\n"
                          "  endcase\n"
                          "endmodule\n";
    const std::vector<SourceFile> files = {{"m.v", v}};
    auto gen = templateCandidates(files, "repair-case-label");
    ASSERT_EQ(gen.mutants.size(), 1u);
    auto fixed = applyEdits(files, gen.mutants[0].edits);
    ASSERT_TRUE(fixed);
    EXPECT_NE(fixed->front().text.find("    2'd3: y = 4'd8;\n"), std::string::npos) << fixed->front().text;
}

// Two waveforms as Verilator writes them (scopes, vectors without leading zeros, a code shared
// by two names, array elements): the signals that differ come out earliest first, by their own
// name; equal values written differently are no difference.
TEST(SignalDivergence, TheEarliestDifferingSignalsComeFirst)
{
    auto vcd = [](const std::string& keep5At9, const std::string& countAt4) {
        return fmt::format(R"($version Generated by VerilatedVcd $end
$timescale 1ps $end
 $scope module TOP $end
  $scope module store $end
   $var wire 1 ! clk $end
   $var wire 8 " keep[5] [7:0] $end
   $var wire 4 # count [3:0] $end
   $var wire 4 # count_alias [3:0] $end
  $upscope $end
 $upscope $end
$enddefinitions $end
#0
$dumpvars
0!
b00000000 "
b0000 #
$end
#1
1!
#4
{}
#9
{}
#12
b0011 #
)",
                           countAt4, keep5At9);
    };
    const VcdTrace golden = parseVcd(vcd("b101 \"", "b0010 #"));
    ASSERT_EQ(golden.changes.size(), 4u);
    EXPECT_EQ(golden.endTime, 12u);
    EXPECT_TRUE(firstDivergences(golden, parseVcd(vcd("b00000101 \"", "b10 #"))).empty());
    const auto diff = firstDivergences(parseVcd(vcd("b110 \"", "b0001 #")), golden);
    ASSERT_EQ(diff.size(), 3u);
    EXPECT_EQ(diff[0].name, "count");
    EXPECT_EQ(diff[0].time, 4u);
    EXPECT_EQ(diff[1].name, "count_alias");
    EXPECT_EQ(diff[2].name, "keep");
    EXPECT_EQ(diff[2].path, "TOP.store.keep[5]");
    EXPECT_EQ(diff[2].time, 9u);
}

// The ranking from where the runs part: a parameter whose value differs from the golden's
// first; of two lines assigning the first signal to differ, the one executed in that cycle
// above the other; a blocking assignment the root reads, where the name is also assigned with
// `<=`, above the root; a line assigning nothing that differs keeps half its score.
TEST(RealBugs, TheLinesWhereTheRunsPartRankFirst)
{
    const std::string text = "module m;\n"                     // 1
                             "  localparam LIMIT = 4'd6;\n"    // 2
                             "  always @(posedge clk) begin\n" // 3
                             "    t = a + b;\n"                // 4
                             "    if (go) q <= t;\n"           // 5
                             "    else q <= LIMIT;\n"          // 6
                             "    t <= 0;\n"                   // 7
                             "    r <= a;\n"                   // 8
                             "  end\n"
                             "endmodule\n";
    const std::vector<SourceFile> files = {{"m.v", text}};
    auto assign = [](int line, std::string target, std::set<std::string> reads, bool registered) {
        AssignmentFacts a;
        a.file = 0;
        a.line = line;
        a.module = "m";
        a.targets = {std::move(target)};
        a.reads = std::move(reads);
        a.registered = registered;
        return a;
    };
    AssignmentFacts limit = assign(2, "LIMIT", {}, false);
    limit.constant = true;
    std::vector<AssignmentFacts> facts = {limit, assign(4, "t", {"a", "b"}, false),
                                          assign(5, "q", {"t", "go"}, true),
                                          assign(6, "q", {"LIMIT", "go"}, true),
                                          assign(7, "t", {}, true), assign(8, "r", {"a"}, true)};
    facts[2].guards = {{5, false}};
    FaultLocalization fl;
    fl.failingRuns = 1;
    fl.ranked = {{"m.v", 8, 0.9, "r <= a;"}, {"m.v", 5, 0.5, "if (go) q <= t;"}, {"m.v", 6, 0.5, "else q <= LIMIT;"}};
    DivergenceFacts d;
    d.signals = {{"LIMIT", "TOP.m.LIMIT", 0}, {"q", "TOP.m.q", 21}};
    d.activeAtFirst = {{0, 5}};
    d.covered = {{0, 5}, {0, 6}};
    d.resetCycles = 2;
    rankByDivergence(fl, d, facts, files);
    std::vector<int> order;
    for (const auto& l : fl.ranked) order.push_back(l.line);
    ASSERT_GE(order.size(), 5u);
    EXPECT_EQ(order[0], 2) << fl.ranked[0].reason;
    EXPECT_EQ(order[1], 4) << fl.ranked[1].reason;  // blocking `t = a + b`, read by line 5
    EXPECT_EQ(order[2], 5);
    EXPECT_LT(std::find(order.begin(), order.end(), 6), std::find(order.begin(), order.end(), 8));
    EXPECT_NE(fl.ranked[0].reason.find("value differs from the golden's"), std::string::npos);
    EXPECT_NE(fl.ranked[2].reason.find("cycle 10, executed in that cycle"), std::string::npos) << fl.ranked[2].reason;
    EXPECT_DOUBLE_EQ(fl.ranked.back().score, 0.45);  // line 8: r does not differ
}

// A wrong write condition corrupts a register that an output shows only later, when it is
// read: coverage points at the read, the waveforms against the golden point at the register
// and the condition that guards its write, which ranks in the first three with its reason.
TEST(RealBugs, AWrongConditionRanksTheRegisterItCorruptsFirst)
{
    const auto root = freshDir("divergence");
    auto write = [&](const fs::path& dir, const std::string& writeCondition) {
        writeFile(dir / "rtl/store.sv", fmt::format(R"(module store(input logic clk, input logic rst,
    input logic wr, input logic [7:0] din, input logic rd,
    output logic [7:0] dout, output logic busy);
  logic [7:0] keep;
  logic [2:0] hold;
  always_ff @(posedge clk) begin
    if (rst) begin
      keep <= 8'd0;
      hold <= 3'd0;
    end else begin
      if ({})
        keep <= din;
      if (wr && !busy) hold <= 3'd7;
      else if (hold != 3'd0) hold <= hold - 3'd1;
    end
  end
  assign busy = hold != 3'd0;
  always_ff @(posedge clk)
    if (rst) dout <= 8'd0;
    else if (rd) dout <= keep;
endmodule
)", writeCondition));
        writeFile(dir / "tb/tb.sv", "module tb; initial begin $display(\"PASS\"); $finish; end endmodule\n");
        writeFile(dir / "design.toml", oneFileDesignToml("store", "systemverilog", "rtl/store.sv", 200));
        return loadDesign(dir);
    };
    auto design = write(root / "buggy", "wr");
    auto golden = write(root / "golden", "wr && !busy");
    ASSERT_TRUE(design && golden);
    DebugOptions o;
    o.workDir = root / "work";
    o.runtimeCache = fs::temp_directory_path() / "veriloop-debugtest-verilator-runtime";
    o.jobs = 2;
    o.flRuns = 8;
    o.budget.maxIterations = 0;
    o.golden = golden->sources;
    BuiltinProposer proposer;
    const DebugResult r = runDebugLoop(*design, proposer, o);
    ASSERT_GT(r.localization.failingRuns, 0) << r.toJson().dump(2);
    const auto& ranked = r.localization.ranked;
    const auto at = std::find_if(ranked.begin(), ranked.end(), [](const SuspiciousLine& l) { return l.line == 11; });
    ASSERT_NE(at, ranked.end());
    EXPECT_LT(at - ranked.begin(), 3) << r.toJson().dump(2);
    EXPECT_NE(at->reason.find("guards line 12, which assigns `keep`"), std::string::npos) << at->reason;
    fs::remove_all(root);
}

// `--transcript` writes a JSON line as the run goes: a run killed without warning while it
// checks its first round leaves whole lines (the start and the fault localization); a run that
// ends has one line per round and the result; a transcript that cannot be written is bad input.
TEST(RealBugs, AKilledRunLeavesAReadableTranscript)
{
    const auto root = freshDir("transcript");
    writeOldStyleDesign(root / "golden", "cnt == 4'd9", "cnt == 4'd9");
    writeOldStyleDesign(root / "buggy", "cnt == 4'd7", "cnt == 4'd5");
    auto events = [](const fs::path& file) {
        std::vector<nlohmann::json> out;
        for (const auto& line : splitLines(readFile(file).value_or(""))) {
            if (line.empty()) continue;
            auto j = nlohmann::json::parse(line, nullptr, false);
            EXPECT_FALSE(j.is_discarded()) << "not a whole JSON line: " << line;
            if (!j.is_discarded()) out.push_back(j);
        }
        return out;
    };
    auto start = [&](const fs::path& transcript, const char* maxIters) {
        const pid_t pid = fork();
        if (pid == 0) {
            const std::string golden = (root / "golden").string(), buggy = (root / "buggy").string(),
                              out = transcript.string(), work = (root / "work").string();
            ::setpgid(0, 0);
            execl(VERILOOP_BINARY, VERILOOP_BINARY, "debug", buggy.c_str(), "--golden", golden.c_str(),
                  "--builtin", "--transcript", out.c_str(), "--work", work.c_str(), "--max-iters",
                  maxIters, "-j", "2", static_cast<char*>(nullptr));
            _exit(127);
        }
        return pid;
    };
    const auto killed = root / "killed.jsonl";
    const pid_t pid = start(killed, "50");
    ASSERT_GT(pid, 0);
    bool localized = false;
    for (int i = 0; i < 1200 && !localized; ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
        localized = readFile(killed).value_or("").find("\"event\":\"localized\"") != std::string::npos;
    }
    ::kill(-pid, SIGKILL);
    int status = 0;
    waitpid(pid, &status, 0);
    ASSERT_TRUE(localized) << readFile(killed).value_or("(no transcript)");
    auto partial = events(killed);
    ASSERT_GE(partial.size(), 2u);
    EXPECT_EQ(partial[0].value("event", ""), "start");
    EXPECT_EQ(partial[1].value("event", ""), "localized");
    EXPECT_FALSE(partial[1]["fault_localization"]["ranked"].empty());
    EXPECT_NE(partial.back().value("event", ""), "end") << "the run was not killed mid-way";

    const auto finished = root / "finished.jsonl";
    const pid_t whole = start(finished, "1");
    waitpid(whole, &status, 0);
    auto all = events(finished);
    ASSERT_EQ(all.size(), 4u);
    EXPECT_EQ(all[2].value("event", ""), "round");
    EXPECT_GT(all[2]["attempts"].size(), 0u);
    EXPECT_EQ(all[3].value("event", ""), "end");
    EXPECT_EQ(all[3].value("iterations", 0), 1);

    // A transcript that cannot be written stops the run before it starts (bad input).
    const pid_t refused = start(root / "no-such-folder" / "t.jsonl", "1");
    waitpid(refused, &status, 0);
    ASSERT_TRUE(WIFEXITED(status));
    EXPECT_EQ(WEXITSTATUS(status), 2);
    EXPECT_FALSE(fs::exists(root / "no-such-folder"));
    fs::remove_all(root);
}

// `eval repair --suite` on a suite of one bug: the golden's outputs are cached outside the
// sample's scratch folder, and the runs in the sandbox must see them (once, every
// differential run failed to read its reference, so no candidate could ever pass in eval).
TEST(RealBugs, TheSuiteEvaluationRepairsABugAndRanksItsLine)
{
    const auto root = freshDir("suite");
    writeFile(root / "suite/suite.toml", "name = \"one\"\n");
    const auto golden = writeOldStyleDesign(root / "suite/tick", "cnt == 4'd9", "cnt == 4'd9");
    const auto buggy = writeOldStyleDesign(root / "buggy", "cnt == 4'd10", "cnt == 4'd9");
    writeFile(golden / "bugs/tick_limit/bug.toml", "kind = \"off-by-one\"\ndescription = \"wraps at 10\"\n");
    fs::create_directories(golden / "bugs/tick_limit/rtl");
    fs::copy_file(buggy / "rtl/tick.v", golden / "bugs/tick_limit/rtl/tick.v");
    EvalRepairOptions o;
    o.workRoot = root / "work";
    o.debug.jobs = 2;
    o.debug.flRuns = 16;
    o.debug.checkSeeds = 2;
    o.debug.budget.maxIterations = 2;
    o.debug.formal = false;
    o.makeProposer = [] { return std::make_unique<BuiltinProposer>(); };
    auto report = evalRepairSuite(o, root / "suite");
    ASSERT_TRUE(report) << report.error().format();
    ASSERT_EQ(report->samples.size(), 1u);
    const auto& s = report->samples[0];
    EXPECT_EQ(s.verdict, "correct") << s.note;
    EXPECT_EQ(s.bugClass, "off-by-one");
    EXPECT_GE(s.flRank, 1);
    EXPECT_LE(s.flRank, 10);  // in the first window of ranked lines
    EXPECT_NE(report->table().find("off-by-one"), std::string::npos);

    // A golden cache that lost its traced binary (or predates it) is built again: the second
    // evaluation ranks as the first did, and the cache names a binary that exists.
    auto cachedBinaries = [&] {
        std::vector<fs::path> out;
        for (const auto& e : fs::recursive_directory_iterator(o.workRoot / "golden"))
            if (e.path().filename() == "exe") out.push_back(e.path());
        return out;
    };
    ASSERT_EQ(cachedBinaries().size(), 1u);
    fs::remove(cachedBinaries().front());
    auto again = evalRepairSuite(o, root / "suite");
    ASSERT_TRUE(again) << again.error().format();
    EXPECT_EQ(again->samples[0].flRank, s.flRank);
    ASSERT_EQ(cachedBinaries().size(), 1u);
    EXPECT_TRUE(fs::exists(readFile(cachedBinaries().front()).value_or("")));
    fs::remove_all(root);
}

// Every bug of the bundled suite loads: a known kind, a buggy file that differs from the
// golden, and a location the fault-localization metric can use.
TEST(RealBugs, TheBundledSuiteIsWhole)
{
    auto bugs = loadRepairSuite(kSource / "corpora/bugs");
    ASSERT_TRUE(bugs) << bugs.error().format();
    std::set<std::string> designs;
    int multiHunk = 0;
    for (const auto& b : *bugs) {
        designs.insert(b.design.name);
        EXPECT_FALSE(b.bugLines.empty()) << b.id;
        EXPECT_FALSE(b.description.empty()) << b.id;
        multiHunk += b.hunks > 1;
    }
    EXPECT_GE(bugs->size(), 40u);
    EXPECT_GE(designs.size(), 15u);
    EXPECT_GE(multiHunk, 6);
}

TEST(RealBugs, ChangedLinesComeFromTheAlignmentWithTheGolden)
{
    auto [lines, hunks] = changedLines("a\nb\nc\nd\ne\n", "a\nB\nc\nd\nE\nf\n");
    EXPECT_EQ(lines, (std::set<int>{2, 5, 6}));
    EXPECT_EQ(hunks, 2);
    auto [del, delHunks] = changedLines("a\nb\nc\n", "a\nc\n");
    EXPECT_EQ(del, (std::set<int>{1, 2}));  // the lines around the deleted one
    EXPECT_EQ(delHunks, 1);
}
