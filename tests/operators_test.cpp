// Every operator: applies where expected with the exact edit text, and never where its
// construct is absent.

#include <gtest/gtest.h>

#include "test_support.h"

using namespace veriloop;
using namespace veriloop::test;

namespace {

const char* kSub = R"(module sub(input logic [3:0] p, input logic [3:0] r, output logic [3:0] s);
  assign s = p - r;
endmodule
)";

const std::string kRich = std::string(kSub) + R"(module rich(
  input  logic       clk, rst_n, sel,
  input  logic [3:0] a, b,
  input  logic [7:0] w,
  output logic [3:0] q, y, z,
  output logic [7:0] e,
  output logic       f, g
);
  logic [3:0] t;
  sub u(.p(a), .r(b), .s(t));
  assign y = (a + b) | (a * b) | (a % 4'd3);
  assign z = (a & b) ^ (a >> 1) ^ (b << 1) ^ ~a ^ $unsigned($signed(a) >>> 1);
  assign e = {{4{a[3]}}, a} + {a, b} + {4'd0, w[7:4]};
  assign f = (a < b) || (a > b) && (a == b) || (a != b) || (a <= b) || (a >= b);
  assign g = !sel & a[0];
  always_ff @(posedge clk or negedge rst_n) begin
    if (!rst_n) q <= 4'd0;
    else begin
      case (a[1:0])
        2'd0: q <= t;
        2'd1: q <= b;
        default: q <= 4'd9;
      endcase
      if (sel) q = a - b;
    end
  end
endmodule
)";
const char* kRichToml = "[clock]\nname = \"clk\"\n[reset]\nname = \"rst_n\"\nactive_low = true\n";

const char* kPlain = R"(module plain(input logic a, output logic y);
  assign y = a;
endmodule
)";

struct Row {
    const char* op;
    const char* expectedText;  // must appear in the mutated source
    bool appliesToPlain;
};

const Row kRows[] = {
    {"rtl-arith-add-to-sub", "(a - b) | (a * b)", false},
    {"rtl-arith-sub-to-add", "assign s = p + r;", false},
    {"rtl-arith-mul-to-add", "(a + b) | (a + b)", false},
    {"rtl-arith-mod-to-div", "(a / 4'd3)", false},
    {"rtl-relop-lt-to-le", "(a <= b) || (a > b)", false},
    {"rtl-relop-le-to-lt", "|| (a < b) || (a >= b)", false},
    {"rtl-relop-gt-to-ge", "(a >= b) && (a == b)", false},
    {"rtl-relop-ge-to-gt", "|| (a > b);", false},
    {"rtl-relop-eq-to-ne", "&& (a != b)", false},
    {"rtl-relop-ne-to-eq", "|| (a == b) || (a <= b)", false},
    {"rtl-relop-lt-to-ge", "(a >= b) || (a > b)", false},
    {"rtl-relop-gt-to-le", "(a <= b) && (a == b)", false},
    {"rtl-relop-le-to-gt", "|| (a > b) || (a >= b);", false},
    {"rtl-relop-ge-to-lt", "|| (a < b);", false},
    {"rtl-relop-lt-to-gt", "(a > b) || (a > b)", false},
    {"rtl-relop-gt-to-lt", "(a < b) && (a == b)", false},
    {"rtl-logic-land-to-lor", "(a > b) || (a == b)", false},
    {"rtl-logic-lor-to-land", "(a < b) && (a > b)", false},
    {"rtl-logic-and-to-or", "(a | b) ^ (a >> 1)", false},
    {"rtl-logic-or-to-and", "(a + b) & (a * b)", false},
    {"rtl-logic-xor-to-or", "(a & b) | (a >> 1)", false},
    {"rtl-logic-and-to-xor", "(a ^ b) ^ (a >> 1)", false},
    {"rtl-logic-or-to-xor", "(a + b) ^ (a * b)", false},
    {"rtl-logic-xor-to-and", "(a & b) & (a >> 1)", false},
    {"rtl-logic-bitnot-drop", "^ a ^ $unsigned", false},
    {"rtl-cond-lognot-drop", "assign g = sel & a[0];", false},
    {"rtl-shift-left-to-right", "(b >> 1)", false},
    {"rtl-shift-right-to-left", "(a << 1) ^ (b << 1)", false},
    {"rtl-shift-arith-to-logic", "$signed(a) >> 1", false},
    {"rtl-cond-negate", "if (!(sel)) q = a - b;", false},
    {"rtl-reset-polarity", "if (!(!rst_n)) q <= 4'd0;", false},
    {"rtl-const-inc", "(a % 4'd4)", false},
    {"rtl-const-dec", "(a % 4'd2)", false},
    {"rtl-const-wrong", "(a % 4'd0)", false},
    {"rtl-reset-value-flip", "if (!rst_n) q <= 4'd1;", false},
    {"rtl-nba-to-blocking", "2'd1: q = b;", false},
    {"rtl-blocking-to-nba", "if (sel) q <= a - b;", false},
    {"rtl-assign-delete", "2'd1: ;", false},
    {"rtl-contassign-zero", "assign y = '0;", true},
    {"rtl-case-item-drop", "case (a[1:0])\n        \n        2'd1", false},
    {"rtl-case-default-drop", "2'd1: q <= b;\n        \n      endcase", false},
    {"rtl-index-inc", "case (a[2:1])", false},
    {"rtl-index-dec", "{4'd0, w[6:3]}", false},
    {"rtl-sext-zero-fill", "{{4{1'b0}}, a}", false},
    {"rtl-concat-swap", "{b, a}", false},
    {"rtl-port-swap", ".p(b), .r(a)", false},
    {"rtl-read-invert", "(~a + b) | (a * b)", true},
    {"rtl-var-swap", "(a + a)", true},
};

}  // namespace

TEST(Operators, EveryRegisteredOperatorHasATableRow)
{
    for (const auto& op : OperatorRegistry::instance().all()) {
        if (op->info().forHls()) continue;  // hls_operators_test.cpp has those
        bool found = false;
        for (const Row& r : kRows) found = found || op->info().id == r.op;
        EXPECT_TRUE(found) << op->info().id << " has no test row";
    }
}

TEST(Operators, ApplyWithExactEditText)
{
    for (const Row& row : kRows) {
        SCOPED_TRACE(row.op);
        auto mutants = mutantsOf(row.op, "rich", kRich, kRichToml);
        EXPECT_FALSE(mutants.empty());
        bool seen = false;
        for (const auto& m : mutants) {
            EXPECT_EQ(m.operatorId, row.op);
            EXPECT_FALSE(m.description.empty());
            const std::string after = mutatedSource(kRich, m);
            EXPECT_NE(after, kRich);
            seen = seen || after.find(row.expectedText) != std::string::npos;
        }
        EXPECT_TRUE(seen) << "no mutant produced `" << row.expectedText << "`";
    }
}

TEST(Operators, NeverApplyWhereTheConstructIsAbsent)
{
    for (const Row& row : kRows) {
        SCOPED_TRACE(row.op);
        auto mutants = mutantsOf(row.op, "plain", kPlain);
        if (row.appliesToPlain)
            EXPECT_EQ(mutants.size(), 1u);
        else
            EXPECT_TRUE(mutants.empty());
    }
}

TEST(Operators, UnknownGroupIsAnErrorListingTheGroups)
{
    auto r = OperatorRegistry::instance().select("default,nonsense");
    ASSERT_FALSE(r);
    EXPECT_NE(r.error().find("nonsense"), std::string::npos);
    EXPECT_NE(r.error().find("boundary"), std::string::npos);
}

TEST(Operators, DeterministicIdsAndDeduplication)
{
    auto a = mutantsOf("all", "rich", kRich, kRichToml);
    auto b = mutantsOf("all", "rich", kRich, kRichToml);
    ASSERT_EQ(a.size(), b.size());
    std::set<std::string> hashes;
    for (size_t i = 0; i < a.size(); ++i) {
        EXPECT_EQ(a[i].id, b[i].id);
        EXPECT_TRUE(hashes.insert(a[i].sourcesHash).second) << "duplicate mutant " << a[i].id;
    }
    EXPECT_GE(a.size(), 60u);
}
