// Tests of reply parsing and patch application: a reply is untrusted text, so every way it
// can be wrong (no diff, bad paths, stale context) must fail clearly and change nothing.

#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "llm_client/patch.h"

namespace veriloop::llm {
namespace {

const std::string kAlu = R"(module alu (
    input  logic [3:0] a, b,
    input  logic       op,
    output logic [3:0] y
);
    always_comb begin
        if (op) y = a - b;
        else    y = a & b;
    end
endmodule
)";

const std::string kPkg = R"(package alu_pkg;
    localparam int W = 4;
endpackage
)";

std::vector<SourceFile> design() { return {{"rtl/alu.sv", kAlu}, {"rtl/alu_pkg.sv", kPkg}}; }

/// A one-hunk diff of rtl/alu.sv turning `a & b` into `a | b`, under the given paths.
std::string aluDiff(const std::string& oldPath, const std::string& newPath,
                    const std::string& header = "@@ -6,4 +6,4 @@")
{
    return "--- " + oldPath + "\n+++ " + newPath + "\n" + header + R"(
     always_comb begin
         if (op) y = a - b;
-        else    y = a & b;
+        else    y = a | b;
     end
)";
}

TEST(LlmPatch, FencedDiffIsExtractedFromProseAndApplied)
{
    std::string reply = "The else branch should OR.\n\n```diff\n" +
                        aluDiff("a/rtl/alu.sv", "b/rtl/alu.sv") +
                        "```\n\n- this bullet is prose, not a removed line\n";
    auto result = applyReply(reply, design());
    ASSERT_TRUE(result) << result.error().format();
    EXPECT_EQ(result->changed, std::vector<std::string>{"rtl/alu.sv"});
    EXPECT_NE(result->files[0].text.find("else    y = a | b;"), std::string::npos);
    EXPECT_EQ(result->files[0].text.find("a & b"), std::string::npos);
    EXPECT_EQ(result->files[1].text, kPkg);
}

TEST(LlmPatch, DiffIsTakenFromAStructuredJsonReply)
{
    nlohmann::json reply = {{"diff", aluDiff("a/rtl/alu.sv", "b/rtl/alu.sv")},
                            {"explanation", "OR, not AND"}};
    auto diff = extractDiff(reply.dump(2));
    ASSERT_TRUE(diff) << diff.error().format();
    EXPECT_EQ(*diff, aluDiff("a/rtl/alu.sv", "b/rtl/alu.sv"));

    nlohmann::json fencedInside = {
        {"diff", "```diff\n" + aluDiff("a/rtl/alu.sv", "b/rtl/alu.sv") + "```"}};
    auto unwrapped = extractDiff(fencedInside.dump());
    ASSERT_TRUE(unwrapped) << unwrapped.error().format();
    EXPECT_EQ(*unwrapped, aluDiff("a/rtl/alu.sv", "b/rtl/alu.sv"));

    auto empty = extractDiff(R"({"diff": "  ", "explanation": "nothing to do"})");
    ASSERT_FALSE(empty);
    EXPECT_EQ(empty.error().kind, PatchErrorKind::NoDiff);
}

TEST(LlmPatch, BareDiffAndUnlabeledFenceAreFound)
{
    auto bare = extractDiff("Here you go:\n" + aluDiff("a/rtl/alu.sv", "b/rtl/alu.sv"));
    ASSERT_TRUE(bare) << bare.error().format();
    EXPECT_TRUE(bare->starts_with("--- a/rtl/alu.sv\n"));

    auto unlabeled = extractDiff("```\n" + aluDiff("a/rtl/alu.sv", "b/rtl/alu.sv") + "```\n");
    ASSERT_TRUE(unlabeled) << unlabeled.error().format();
    EXPECT_EQ(*unlabeled, aluDiff("a/rtl/alu.sv", "b/rtl/alu.sv"));
}

TEST(LlmPatch, ReplyWithoutADiffIsAnError)
{
    auto result = applyReply("I think the bug is in the ALU, but I am not sure.", design());
    ASSERT_FALSE(result);
    EXPECT_EQ(result.error().kind, PatchErrorKind::NoDiff);
    EXPECT_NE(result.error().message.find("```diff"), std::string::npos);
}

TEST(LlmPatch, MultiFileDiffParsesIntoPerFileHunks)
{
    std::string diff = "diff --git a/rtl/alu.sv b/rtl/alu.sv\nindex 1234..5678 100644\n" +
                       aluDiff("a/rtl/alu.sv", "b/rtl/alu.sv") +
                       "--- a/rtl/alu_pkg.sv\t2024-01-01 00:00:00\n+++ b/rtl/alu_pkg.sv\n"
                       "@@ -1,3 +1,3 @@\n package alu_pkg;\n-    localparam int W = 4;\n"
                       "+    localparam int W = 8;\n endpackage\n";
    auto patches = parseUnifiedDiff(diff);
    ASSERT_TRUE(patches) << patches.error().format();
    ASSERT_EQ(patches->size(), 2u);
    EXPECT_EQ((*patches)[0].newPath, "b/rtl/alu.sv");
    EXPECT_EQ((*patches)[1].oldPath, "a/rtl/alu_pkg.sv");  // timestamp dropped
    ASSERT_EQ((*patches)[1].hunks.size(), 1u);
    EXPECT_EQ((*patches)[1].hunks[0].oldStart, 1);
    EXPECT_EQ((*patches)[1].hunks[0].lines.size(), 4u);

    auto result = applyPatch(*patches, design());
    ASSERT_TRUE(result) << result.error().format();
    EXPECT_EQ(result->changed, (std::vector<std::string>{"rtl/alu.sv", "rtl/alu_pkg.sv"}));
    EXPECT_NE(result->files[1].text.find("W = 8"), std::string::npos);
}

TEST(LlmPatch, WrongLineNumbersAndMissingNumbersStillApplyByContext)
{
    for (std::string header : {"@@ -40,4 +40,4 @@", "@@ ... @@", "@@ -1,9 +1,2 @@"}) {
        auto result = applyReply(aluDiff("a/rtl/alu.sv", "b/rtl/alu.sv", header), design());
        ASSERT_TRUE(result) << header << ": " << result.error().format();
        EXPECT_NE(result->files[0].text.find("a | b"), std::string::npos) << header;
    }
}

TEST(LlmPatch, NearestMatchToTheHeaderWinsWhenContextRepeats)
{
    std::string text = "x\nx\ny\nx\nx\ny\n";
    std::string diff = "--- a/f.v\n+++ b/f.v\n@@ -5,2 +5,2 @@\n x\n-y\n+z\n";
    auto result = applyReply(diff, {{"f.v", text}});
    ASSERT_TRUE(result) << result.error().format();
    EXPECT_EQ(result->files[0].text, "x\nx\ny\nx\nx\nz\n");
}

TEST(LlmPatch, TwoHunksApplyInOrder)
{
    std::string diff = "--- a/rtl/alu.sv\n+++ b/rtl/alu.sv\n"
                       "@@ -1,2 +1,2 @@\n-module alu (\n+module alu2 (\n"
                       "     input  logic [3:0] a, b,\n"
                       "@@ -9,2 +9,2 @@\n     end\n-endmodule\n+endmodule // alu2\n";
    auto result = applyReply(diff, design());
    ASSERT_TRUE(result) << result.error().format();
    EXPECT_TRUE(result->files[0].text.starts_with("module alu2 (\n"));
    EXPECT_NE(result->files[0].text.find("endmodule // alu2\n"), std::string::npos);
}

TEST(LlmPatch, AbsolutePathIsRejected)
{
    auto result = applyReply(aluDiff("/etc/passwd", "/etc/passwd"), design());
    ASSERT_FALSE(result);
    EXPECT_EQ(result.error().kind, PatchErrorKind::PathRejected);
    EXPECT_NE(result.error().message.find("absolute path"), std::string::npos);
}

TEST(LlmPatch, DotDotPathIsRejectedEvenWhenItLeadsBackIn)
{
    auto result = applyReply(aluDiff("a/rtl/../rtl/alu.sv", "b/rtl/../rtl/alu.sv"), design());
    ASSERT_FALSE(result);
    EXPECT_EQ(result.error().kind, PatchErrorKind::PathRejected);
    EXPECT_NE(result.error().message.find("`..`"), std::string::npos);
}

TEST(LlmPatch, FileNotOnTheAllowListIsRejected)
{
    auto result = applyReply(aluDiff("a/tb/tb_alu.sv", "b/tb/tb_alu.sv"), design());
    ASSERT_FALSE(result);
    EXPECT_EQ(result.error().kind, PatchErrorKind::PathRejected);
    EXPECT_NE(result.error().message.find("not one of the design's files"), std::string::npos);
    EXPECT_NE(result.error().message.find("rtl/alu.sv, rtl/alu_pkg.sv"), std::string::npos);
}

TEST(LlmPatch, CreatingDeletingAndRenamingFilesAreRejected)
{
    auto create = applyReply(
        "--- /dev/null\n+++ b/rtl/new.sv\n@@ -0,0 +1 @@\n+module n; endmodule\n", design());
    ASSERT_FALSE(create);
    EXPECT_EQ(create.error().kind, PatchErrorKind::PathRejected);
    EXPECT_NE(create.error().message.find("creates or deletes"), std::string::npos);

    auto remove = applyReply("--- a/rtl/alu_pkg.sv\n+++ /dev/null\n@@ -1,3 +0,0 @@\n"
                             "-package alu_pkg;\n-    localparam int W = 4;\n-endpackage\n",
                             design());
    ASSERT_FALSE(remove);
    EXPECT_EQ(remove.error().kind, PatchErrorKind::PathRejected);

    auto rename = applyReply(aluDiff("a/rtl/alu.sv", "b/rtl/alu_pkg.sv"), design());
    ASSERT_FALSE(rename);
    EXPECT_EQ(rename.error().kind, PatchErrorKind::PathRejected);
    EXPECT_NE(rename.error().message.find("renaming"), std::string::npos);
}

TEST(LlmPatch, OneBadPathRejectsTheWholeReply)
{
    std::string diff = aluDiff("a/rtl/alu.sv", "b/rtl/alu.sv") +
                       "--- a/../../etc/shadow\n+++ b/../../etc/shadow\n@@ -1 +1 @@\n-x\n+y\n";
    auto patches = parseUnifiedDiff(diff);
    ASSERT_TRUE(patches) << patches.error().format();
    ASSERT_EQ(patches->size(), 2u);
    auto result = applyPatch(*patches, design());
    ASSERT_FALSE(result);
    EXPECT_EQ(result.error().kind, PatchErrorKind::PathRejected);
    EXPECT_EQ(result.error().file, "a/../../etc/shadow");
}

TEST(LlmPatch, GitPrefixesAreOptionalAndRealDirectoriesNamedANotConfused)
{
    EXPECT_EQ(resolvePatchPath("rtl/alu.sv", {"rtl/alu.sv"}).value_or(""), "rtl/alu.sv");
    EXPECT_EQ(resolvePatchPath("./rtl//alu.sv", {"rtl/alu.sv"}).value_or(""), "rtl/alu.sv");
    EXPECT_EQ(resolvePatchPath("b/rtl/alu.sv", {"rtl/alu.sv"}).value_or(""), "rtl/alu.sv");
    EXPECT_EQ(resolvePatchPath("a/x.sv", {"a/x.sv"}).value_or(""), "a/x.sv");
    EXPECT_EQ(resolvePatchPath("a/a/x.sv", {"a/x.sv"}).value_or(""), "a/x.sv");
    EXPECT_FALSE(resolvePatchPath("rtl\\alu.sv", {"rtl/alu.sv"}));
    EXPECT_FALSE(resolvePatchPath("C:/rtl/alu.sv", {"rtl/alu.sv"}));
    EXPECT_FALSE(resolvePatchPath("", {"rtl/alu.sv"}));
}

TEST(LlmPatch, StaleContextIsAHunkMismatchNamingTheHunk)
{
    std::string diff = "--- a/rtl/alu.sv\n+++ b/rtl/alu.sv\n@@ -7,2 +7,2 @@\n"
                       "         if (op) y = a + b;\n-        else    y = a & b;\n"
                       "+        else    y = a | b;\n";
    auto result = applyReply(diff, design());
    ASSERT_FALSE(result);
    EXPECT_EQ(result.error().kind, PatchErrorKind::HunkMismatch);
    EXPECT_EQ(result.error().file, "rtl/alu.sv");
    EXPECT_EQ(result.error().hunk, 1);
    EXPECT_NE(result.error().message.find("if (op) y = a + b;"), std::string::npos);
}

TEST(LlmPatch, TrailingWhitespaceDifferencesAreTolerated)
{
    std::string diff = "--- a/rtl/alu.sv\n+++ b/rtl/alu.sv\n@@ -7,2 +7,2 @@\n"
                       "         if (op) y = a - b;   \n-        else    y = a & b;\t\n"
                       "+        else    y = a | b;\n";
    auto result = applyReply(diff, design());
    ASSERT_TRUE(result) << result.error().format();
    EXPECT_NE(result->files[0].text.find("a | b"), std::string::npos);
}

TEST(LlmPatch, NoNewlineAtEndOfFileMarkerIsHonored)
{
    std::vector<SourceFile> files = {{"f.v", "a\nb"}};
    std::string diff = "--- a/f.v\n+++ b/f.v\n@@ -1,2 +1,2 @@\n a\n-b\n"
                       "\\ No newline at end of file\n+c\n\\ No newline at end of file\n";
    auto result = applyReply(diff, files);
    ASSERT_TRUE(result) << result.error().format();
    EXPECT_EQ(result->files[0].text, "a\nc");

    std::string addNewline = "--- a/f.v\n+++ b/f.v\n@@ -1,2 +1,2 @@\n a\n-b\n"
                             "\\ No newline at end of file\n+b\n";
    auto fixed = applyReply(addNewline, files);
    ASSERT_TRUE(fixed) << fixed.error().format();
    EXPECT_EQ(fixed->files[0].text, "a\nb\n");
}

TEST(LlmPatch, CrlfFilesKeepTheirLineEndings)
{
    std::vector<SourceFile> files = {{"f.v", "a\r\nb\r\nc\r\n"}};
    auto result = applyReply("--- a/f.v\n+++ b/f.v\n@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n", files);
    ASSERT_TRUE(result) << result.error().format();
    EXPECT_EQ(result->files[0].text, "a\r\nB\r\nc\r\n");
}

TEST(LlmPatch, BlankLinesInsideAHunkAreEmptyContext)
{
    std::vector<SourceFile> files = {{"f.v", "a\n\nb\n"}};
    // Models often drop the space that prefixes an empty context line.
    auto result = applyReply("--- a/f.v\n+++ b/f.v\n@@ -1,3 +1,3 @@\n a\n\n-b\n+c\n\n", files);
    ASSERT_TRUE(result) << result.error().format();
    EXPECT_EQ(result->files[0].text, "a\n\nc\n");
}

TEST(LlmPatch, HunkWithoutContextOrLineNumberIsRefused)
{
    auto result = applyReply("--- a/f.v\n+++ b/f.v\n@@ ... @@\n+inserted\n", {{"f.v", "a\nb\n"}});
    ASSERT_FALSE(result);
    EXPECT_EQ(result.error().kind, PatchErrorKind::Malformed);

    auto placed = applyReply("--- a/f.v\n+++ b/f.v\n@@ -1,0 +2 @@\n+inserted\n",
                             {{"f.v", "a\nb\n"}});
    ASSERT_TRUE(placed) << placed.error().format();
    EXPECT_EQ(placed->files[0].text, "a\ninserted\nb\n");
}

TEST(LlmPatch, PatchThatChangesNothingIsAnError)
{
    auto result = applyReply("--- a/f.v\n+++ b/f.v\n@@ -1 +1 @@\n-a\n+a\n", {{"f.v", "a\n"}});
    ASSERT_FALSE(result);
    EXPECT_EQ(result.error().kind, PatchErrorKind::NoDiff);
    EXPECT_NE(result.error().message.find("changes nothing"), std::string::npos);
}

TEST(LlmPatch, HeaderWithoutHunksIsMalformed)
{
    auto result = parseUnifiedDiff("--- a/f.v\n+++ b/f.v\nsome prose\n");
    ASSERT_FALSE(result);
    EXPECT_EQ(result.error().kind, PatchErrorKind::Malformed);
    EXPECT_NE(result.error().message.find("no hunks"), std::string::npos);
}

}  // namespace
}  // namespace veriloop::llm
