#include <signal.h>
#include <chrono>
#include <thread>

#include <gtest/gtest.h>

#include "core/design.h"
#include "core/oversized_literals.h"
#include "core/process.h"
#include "core/progress.h"
#include "core/source.h"
#include "core/text.h"
#include "equivalence/sandbox.h"
#include "mutators/rtl_operator_kit.h"
#include "test_support.h"

using namespace veriloop;

TEST(Literals, OffsetKeepsSizeAndBase)
{
    EXPECT_EQ(offsetLiteral("8'd200", 1), "8'd201");
    EXPECT_EQ(offsetLiteral("4'b1111", 1), "4'b0000");
    EXPECT_EQ(offsetLiteral("8'hFF", -1), "8'hfe");
    EXPECT_EQ(offsetLiteral("12", -1), "11");
    EXPECT_EQ(offsetLiteral("0", -1), std::nullopt);
    EXPECT_EQ(offsetLiteral("4'bx01", 1), std::nullopt);
    EXPECT_EQ(offsetLiteral("'0", 1), std::nullopt);
}

TEST(Edits, MismatchedExpectedTextIsRefused)
{
    std::vector<SourceFile> files = {{"a.sv", "assign y = a + b;"}};
    auto ok = applyEdits(files, {Edit{{0, 13, 14}, "+", "-"}});
    ASSERT_TRUE(ok);
    EXPECT_EQ(ok->front().text, "assign y = a - b;");
    auto bad = applyEdits(files, {Edit{{0, 13, 14}, "*", "-"}});
    ASSERT_FALSE(bad);
    EXPECT_EQ(bad.error().code, DiagCode::EditMismatch);
    EXPECT_EQ(bad.error().line, 1);
}

TEST(UnifiedDiff, OneHunkWithContext)
{
    const std::string a = "l1\nl2\nl3\nl4\nl5\nl6\nl7\n";
    const std::string b = "l1\nl2\nl3\nX4\nl5\nl6\nl7\n";
    EXPECT_EQ(unifiedDiff("f.sv", a, b),
              "--- a/f.sv\n+++ b/f.sv\n@@ -1,7 +1,7 @@\n l1\n l2\n l3\n-l4\n+X4\n l5\n l6\n l7\n");
    EXPECT_EQ(unifiedDiff("f.sv", a, a), "");
}

TEST(DesignToml, MissingSourceNamesTheFile)
{
    auto dir = test::freshDir("missing");
    writeFile(dir / "design.toml", "[design]\nname=\"x\"\ntop=\"x\"\nsources=[\"rtl/nope.sv\"]\n");
    auto d = loadDesign(dir);
    ASSERT_FALSE(d);
    EXPECT_EQ(d.error().code, DiagCode::SourceMissing);
    EXPECT_NE(d.error().format().find("rtl/nope.sv"), std::string::npos);
}

TEST(DesignToml, SyntaxErrorHasLineAndColumn)
{
    auto dir = test::freshDir("badtoml");
    writeFile(dir / "design.toml", "[design]\nname = \"x\"\ntop = = 3\n");
    auto d = loadDesign(dir);
    ASSERT_FALSE(d);
    EXPECT_EQ(d.error().code, DiagCode::DesignTomlInvalid);
    EXPECT_EQ(d.error().line, 3);
}

TEST(Sandbox, TimeoutKillsTheWholeProcessGroup)
{
    auto dir = test::freshDir("sandbox");
    Sandbox sandbox(dir);
    SandboxLimits limits;
    limits.wallSeconds = 1;
    // The child starts a grandchild that would outlive it and write a marker file.
    auto r = sandbox.run({"sh", "-c", "(sleep 3; touch " + (dir / "leaked").string() + ") & sleep 30"},
                         limits);
    EXPECT_TRUE(r.timedOut);
    EXPECT_LT(r.seconds, 5);
    sleep(4);
    EXPECT_FALSE(std::filesystem::exists(dir / "leaked"));
}

TEST(Sandbox, WritesOutsideTheWorkDirFailWhenIsolated)
{
    if (!Sandbox::bubblewrapUsable()) GTEST_SKIP() << "bubblewrap is not usable on this machine";
    auto dir = test::freshDir("sandbox-ro");
    auto outside = test::freshDir("sandbox-outside");
    Sandbox sandbox(dir);
    auto r = sandbox.run({"sh", "-c", "touch " + (outside / "x").string()}, {});
    EXPECT_NE(r.exitCode, 0);
    EXPECT_FALSE(std::filesystem::exists(outside / "x"));
}

// A resident child: one line in, one line out; a child that does not answer in time is stopped
// (its whole group), and later requests fail at once instead of waiting again.
TEST(Coprocess, AnswersLineByLineAndIsStoppedWhenSilent)
{
    ProcessSpec echo;
    echo.argv = {"cat"};
    auto c = Coprocess::start(echo);
    ASSERT_TRUE(c);
    EXPECT_EQ(c->exchange("first", 5).value_or(""), "first");
    EXPECT_EQ(c->exchange("second", 5).value_or(""), "second");

    ProcessSpec silent;
    silent.argv = {"sh", "-c", "read x; sleep 30"};
    auto s = Coprocess::start(silent);
    ASSERT_TRUE(s);
    const auto start = std::chrono::steady_clock::now();
    EXPECT_FALSE(s->exchange("hello", 0.5));
    EXPECT_LT(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(), 5);
    EXPECT_FALSE(s->running());
    EXPECT_FALSE(s->exchange("again", 30));
}

TEST(Diagnostics, EveryCodeHasHelpInOrder)
{
    const auto& rows = diagCodeHelp();
    ASSERT_EQ(rows.size(), static_cast<size_t>(kLastDiagCode) + 1);
    for (size_t i = 0; i < rows.size(); ++i) {
        EXPECT_EQ(static_cast<size_t>(rows[i].code), i);
        EXPECT_FALSE(rows[i].meaning.empty());
        EXPECT_FALSE(rows[i].action.empty());
    }
    EXPECT_EQ(findDiagHelp("VL016")->code, DiagCode::PathOutsideDesign);
    EXPECT_EQ(findDiagHelp("16")->code, DiagCode::PathOutsideDesign);
    EXPECT_EQ(findDiagHelp("VL0x"), nullptr);
    EXPECT_EQ(findDiagHelp(""), nullptr);
}

// The one progress line every long command shows: done/total, the item and its phase, counts by
// outcome, a rate and an ETA; Plain mode prints it as a line at most every 30 s, Quiet never.
TEST(Progress, StatusLineCountsAndEstimates)
{
    FILE* out = std::tmpfile();
    ASSERT_NE(out, nullptr);
    {
        Progress p(ProgressMode::Plain, "designs", 3, out);
        p.startItem("alu");
        p.phase("simulate", 4, 10);
        p.count("killed");
        p.count("killed");
        p.count("survived");
        const std::string running = p.statusLine();
        EXPECT_NE(running.find("[0/3 designs] alu: simulate 4/10"), std::string::npos) << running;
        EXPECT_NE(running.find("killed 2 survived 1"), std::string::npos) << running;
        EXPECT_EQ(running.find("ETA"), std::string::npos) << running;  // nothing finished yet
        p.finishItem();
        EXPECT_NE(p.statusLine().find("[1/3 designs]"), std::string::npos);
        EXPECT_NE(p.statusLine().find("ETA"), std::string::npos) << p.statusLine();
        bool wrote = false;
        p.around([&] { wrote = true; });
        EXPECT_TRUE(wrote);
    }
    std::fseek(out, 0, SEEK_END);
    EXPECT_EQ(std::ftell(out), 0L);  // Plain: nothing within the first 30 s
    std::fclose(out);
}

// A long build emits no event, yet its elapsed time on a terminal must move: the ticker redraws.
TEST(Progress, LiveLineKeepsTheElapsedTimeMovingWhileNothingHappens)
{
    FILE* out = std::tmpfile();
    ASSERT_NE(out, nullptr);
    {
        Progress p(ProgressMode::Live, "designs", 1, out);
        p.startItem("alu");
        p.phase("build schema", 0, 40);
        std::this_thread::sleep_for(std::chrono::milliseconds(2300));
    }
    std::fseek(out, 0, SEEK_END);
    std::string text(static_cast<size_t>(std::ftell(out)), '\0');
    std::rewind(out);
    ASSERT_EQ(std::fread(text.data(), 1, text.size(), out), text.size());
    std::fclose(out);
    EXPECT_NE(text.find("alu: build schema 0/40 (2s)"), std::string::npos) << text;
    EXPECT_GE(std::count(text.begin(), text.end(), '\r'), 3);
}

TEST(Diagnostics, RenderShowsTheSourceLineWithACaretAndAHint)
{
    const auto dir = std::filesystem::temp_directory_path() / fmt::format("veriloop-render-{}", getpid());
    std::filesystem::create_directories(dir);
    writeFile(dir / "x.sv", "module x(input a, output y);\n  assign y = a +;\nendmodule\n");
    Diagnostic d = makeDiag(DiagCode::FrontendRejected, "syntax error", (dir / "x.sv").string(), 2, 17);
    const std::string text = d.render();
    EXPECT_EQ(text.rfind(d.format(), 0), 0u);  // the compiler-style line first
    EXPECT_NE(text.find("\n      assign y = a +;\n                    ^\n"), std::string::npos) << text;
    EXPECT_NE(text.find("hint: "), std::string::npos);
    EXPECT_NE(text.find("veriloop help VL004"), std::string::npos);
    // No file, no excerpt: the line and the hint only.
    const std::string bare = makeDiag(DiagCode::GitError, "revision 'x' does not name a commit").render();
    EXPECT_EQ(std::count(bare.begin(), bare.end(), '\n'), 1);
    std::filesystem::remove_all(dir);
}

TEST(OversizedLiterals, TruncatedFromTheLeftOnTheSameLine)
{
    const std::string text = "// 2'h10 in a comment stays\n"
                             "wire [1:0] k = 2'h10; wire [3:0] m = 4'b0011; wire [2:0] n = 3'sb1101;\n"
                             "wire [3:0] z = 4'hx1; wire [7:0] w = 8'hff; wire [2:0] d = 3'd9;\n";
    LiteralTruncation t = truncateOversizedLiterals(text);
    ASSERT_EQ(t.literals.size(), 3u);
    EXPECT_EQ(t.literals[0].before, "2'h10");
    EXPECT_EQ(t.literals[0].after, "2'b00");
    EXPECT_EQ(t.literals[0].line, 2);
    EXPECT_EQ(t.literals[0].column, 16);
    EXPECT_EQ(t.literals[1].after, "3'sb101");
    EXPECT_EQ(t.literals[2].before, "4'hx1");
    EXPECT_EQ(t.literals[2].after, "4'b0001");
    // Leading zeros (4'b0011), fitting literals and decimals (Verilator truncates 3'd9 itself)
    // stay as written; the line structure is unchanged.
    EXPECT_NE(t.text.find("4'b0011"), std::string::npos);
    EXPECT_NE(t.text.find("3'd9"), std::string::npos);
    EXPECT_NE(t.text.find("// 2'h10 in a comment stays"), std::string::npos);
    EXPECT_EQ(std::count(t.text.begin(), t.text.end(), '\n'), 3);
}
