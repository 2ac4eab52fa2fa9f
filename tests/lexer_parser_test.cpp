#include <gtest/gtest.h>

#include "frontend/rtl/rtl_parser.h"
#include "frontend/rtl/sv_lexer.h"

using namespace veriloop;
using namespace veriloop::rtl;

TEST(SvLexer, KeepsExactRangesAndPositions)
{
    const std::string text = "module m; // c\n  assign y = 8'hFF + x <= 4'b1010; /* b */ endmodule";
    auto r = lexSystemVerilog(text);
    ASSERT_TRUE(r.error.empty());
    std::vector<std::string> texts;
    for (const auto& t : r.tokens)
        if (t.kind != TokKind::End) texts.push_back(std::string(t.text));
    const std::vector<std::string> expected = {"module", "m", ";", "assign", "y", "=", "8'hFF", "+",
                                               "x", "<=", "4'b1010", ";", "endmodule"};
    EXPECT_EQ(texts, expected);
    const Token& num = r.tokens[6];
    EXPECT_EQ(num.kind, TokKind::Number);
    EXPECT_EQ(num.line, 2);
    EXPECT_EQ(num.column, 14);
    EXPECT_EQ(text.substr(num.begin, num.end - num.begin), "8'hFF");
}

TEST(SvLexer, UnbasedLiteralsAndCasts)
{
    auto r = lexSystemVerilog("x = '0; y = W'(z); q = '1;");
    ASSERT_TRUE(r.error.empty());
    EXPECT_EQ(r.tokens[2].text, "'0");
    EXPECT_EQ(r.tokens[2].kind, TokKind::Number);
    EXPECT_EQ(r.tokens[6].text, "W");
    EXPECT_EQ(r.tokens[7].text, "'");
}

TEST(SvLexer, ReportsUnterminatedCommentWithLocation)
{
    auto r = lexSystemVerilog("module m;\n /* never closed");
    EXPECT_FALSE(r.error.empty());
    EXPECT_EQ(r.errorLine, 2);
}

TEST(RtlParser, FindsSitesWithExactExtents)
{
    const std::string sv = R"(module m(input logic [3:0] a, b, input logic clk, rst_n, output logic [3:0] q, y);
  assign y = (a + b) & {a[1:0], b[3:2]};
  always_ff @(posedge clk or negedge rst_n)
    if (!rst_n) q <= 4'd0;
    else if (a < b) q <= q - 1'b1;
endmodule
)";
    auto r = parseRtlFile({"m.sv", sv}, 0, {"rst_n", true});
    ASSERT_TRUE(r.error.empty());
    ASSERT_EQ(r.modules.size(), 1u);
    EXPECT_EQ(sv.substr(r.modules[0].headerEnd - 1, 1), ";");
    auto find = [&](SiteKind k, const std::string& text) -> const Site* {
        for (const auto& s : r.sites)
            if (s.kind == k && s.text == text) return &s;
        return nullptr;
    };
    const Site* plus = find(SiteKind::BinaryOp, "+");
    ASSERT_NE(plus, nullptr);
    EXPECT_EQ(sv.substr(plus->choice.begin, plus->choice.end - plus->choice.begin), "a + b");
    const Site* band = find(SiteKind::BinaryOp, "&");
    ASSERT_NE(band, nullptr);
    EXPECT_EQ(sv.substr(band->choice.begin, band->choice.end - band->choice.begin),
              "(a + b) & {a[1:0], b[3:2]}");
    ASSERT_NE(find(SiteKind::Concat, "{a[1:0], b[3:2]}"), nullptr);
    const Site* lt = find(SiteKind::BinaryOp, "<");
    ASSERT_NE(lt, nullptr);
    EXPECT_EQ(lt->line, 5);
    const Site* reset = find(SiteKind::Condition, "!rst_n");
    ASSERT_NE(reset, nullptr);
    EXPECT_TRUE(reset->mentionsReset);
    const Site* resetLit = find(SiteKind::Literal, "4'd0");
    ASSERT_NE(resetLit, nullptr);
    EXPECT_TRUE(resetLit->inResetBranch);
    const Site* decLit = find(SiteKind::Literal, "1'b1");
    ASSERT_NE(decLit, nullptr);
    EXPECT_FALSE(decLit->inResetBranch);
    // `q <= ...` is a non-blocking assignment, not a comparison.
    int nonblocking = 0;
    for (const auto& s : r.sites)
        if (s.kind == SiteKind::ProcAssign && !s.blocking) ++nonblocking;
    EXPECT_EQ(nonblocking, 2);
    EXPECT_EQ(find(SiteKind::BinaryOp, "<="), nullptr);
}

TEST(RtlParser, NoSitesInConstantContexts)
{
    const std::string sv = R"(module m #(parameter W = 4 + 1) (input logic [W-1:0] a, output logic [W-1:0] y);
  localparam Z = W * 2;
  assign y = a;
endmodule
)";
    auto r = parseRtlFile({"m.sv", sv}, 0, {});
    for (const auto& s : r.sites) {
        EXPECT_NE(s.kind, SiteKind::BinaryOp) << s.text;
        EXPECT_NE(s.kind, SiteKind::Literal) << s.text;
    }
}

TEST(SvLexer, MacroUsesAreOneTokenAndDirectivesEndAtTheirLine)
{
    const std::string text = "`define HI(x) (x*2+ \\\n 1)\nassign a = in[`HI(x):`LO(x, y)] + `W;\n";
    auto r = lexSystemVerilog(text);
    ASSERT_TRUE(r.error.empty()) << r.error;
    std::vector<std::string> texts;
    for (const auto& t : r.tokens)
        if (t.kind != TokKind::End) texts.push_back(std::string(t.text));
    const std::vector<std::string> expected = {"`define HI(x) (x*2+ \\\n 1)", "assign", "a", "=", "in",
                                               "[", "`HI(x)", ":", "`LO(x, y)", "]", "+", "`W", ";"};
    EXPECT_EQ(texts, expected);
    EXPECT_EQ(r.tokens[6].kind, TokKind::MacroUse);
    EXPECT_EQ(r.tokens[0].kind, TokKind::Directive);
}

// The operand spans of a continuous assignment that reads through macro calls end at the
// operand: once, the rest of the line was taken as one directive and the `;` went with it.
TEST(RtlParser, EditsAcrossMacroCallsStayWhole)
{
    const std::string sv = "module m(input logic [15:0] in, output logic [3:0] a, output logic [3:0] b);\n"
                           "  assign a = in[`HI(1,2):`LO(1,2)];\n"
                           "  `ifdef FAST\n"
                           "  assign b = in[3:0] ^ in[7:4];\n"
                           "  `endif\n"
                           "endmodule\n";
    auto r = parseRtlFile({"m.sv", sv}, 0, {});
    ASSERT_TRUE(r.error.empty()) << r.error;
    bool sawRhs = false, sawXor = false;
    for (const auto& s : r.sites) {
        if (s.kind == SiteKind::ContAssignRhs && s.line == 2) {
            EXPECT_EQ(s.text, "in[`HI(1,2):`LO(1,2)]");
            sawRhs = true;
        }
        sawXor = sawXor || (s.kind == SiteKind::BinaryOp && s.text == "^");
    }
    EXPECT_TRUE(sawRhs);
    EXPECT_TRUE(sawXor) << "the assignment after an `ifdef line was skipped";
}

// `wire x = expr;` is a continuous assignment (its constants and operators are sites like
// `assign`'s); a case item knows its whole case statement (with its `unique`) and whether it
// has a default.
TEST(RtlParser, NetDeclarationAssignmentsAndCaseEndsAreSeen)
{
    const std::string v = "module m(input [2:0] s, input [3:0] d, output reg [3:0] y, output w);\n"
                          "  wire [3:0] e = d + 4'd1, f;\n"
                          "  wire last = (s == 3'd7);\n"
                          "  always @* unique case (s)\n"
                          "    3'd0: y = e;\n"
                          "    3'd1: y = d;\n"
                          "  endcase\n"
                          "endmodule\n";
    auto r = parseRtlFile({"m.v", v}, 0, {});
    ASSERT_TRUE(r.error.empty()) << r.error;
    std::vector<std::string> rhs;
    int items = 0;
    for (const auto& s : r.sites) {
        if (s.kind == SiteKind::ContAssignRhs) rhs.push_back(s.text);
        if (s.kind != SiteKind::CaseItem) continue;
        ++items;
        EXPECT_FALSE(s.caseHasDefault);
        const std::string stmt = v.substr(s.caseStatement.begin, s.caseStatement.end - s.caseStatement.begin);
        EXPECT_EQ(stmt.substr(0, 15), "unique case (s)");
        EXPECT_EQ(stmt.substr(stmt.size() - 7), "endcase");
    }
    EXPECT_EQ(rhs, (std::vector<std::string>{"d + 4'd1", "(s == 3'd7)"}));
    EXPECT_EQ(items, 2);
}

TEST(RtlParser, DelayControlsInDesignsAreSteppedOver)
{
    const std::string v = "module m(input clk, input [3:0] d, output reg [3:0] q, output reg [3:0] p);\n"
                          "  always @(posedge clk) q <= #1 d + 4'd1;\n"
                          "  always @(posedge clk) #2 p = d - q;\n"
                          "endmodule\n";
    auto r = parseRtlFile({"m.v", v}, 0, {});
    ASSERT_TRUE(r.error.empty()) << r.error;
    std::vector<std::string> ops;
    for (const auto& s : r.sites)
        if (s.kind == SiteKind::BinaryOp || s.kind == SiteKind::ProcAssign) ops.push_back(s.text);
    std::sort(ops.begin(), ops.end());
    EXPECT_EQ(ops, (std::vector<std::string>{"+", "-", "<=", "="}));
}
