#include <gtest/gtest.h>

#include "equivalence/schema.h"
#include "equivalence/verilator_sim.h"
#include "test_support.h"

using namespace veriloop;
using namespace veriloop::test;

namespace {

const char* kAdder = R"(module adder(input logic [7:0] a, b, output logic [7:0] y);
  assign y = a + b;
endmodule
)";

}  // namespace

TEST(Schema, RendersExpressionChoicesAndSelector)
{
    std::vector<SourceFile> files = {{"adder.sv", kAdder}};
    const uint32_t plus = static_cast<uint32_t>(std::string(kAdder).find("a + b"));
    Mutant m1, m2;
    m1.choices = {{ByteRange{0, plus, plus + 5}, false, "a - b"}};
    m2.choices = {{ByteRange{0, plus, plus + 5}, false, "a & b"}};
    const uint32_t header = static_cast<uint32_t>(std::string(kAdder).find(';') + 1);
    auto s = buildMutantSchema(files, {{0, header}}, {&m1, &m2});
    EXPECT_EQ(s.selector, (std::vector<int>{1, 2}));
    const std::string& t = s.files[0].text;
    EXPECT_NE(t.find("((__vl_mut == 1) ? (a - b) : (__vl_mut == 2) ? (a & b) : (a + b))"),
              std::string::npos);
    EXPECT_NE(t.find("$value$plusargs(\"vl_mutant=%d\", __vl_mut)"), std::string::npos);
    // Line numbers are kept: the selector goes on the header's line.
    EXPECT_EQ(std::count(t.begin(), t.end(), '\n'), std::count(kAdder, kAdder + strlen(kAdder), '\n'));
}

// C++ schemas keep every line at its number: an alternative spanning lines is joined, so
// g++'s error lines name the mutants to build alone.
TEST(Schema, CppAlternativesSpanningLinesKeepLineNumbers)
{
    const std::string kernel = "int f(int a, int b) {\n    return a +\n           b;\n}\nint g() { return 1; }\n";
    std::vector<SourceFile> files = {{"k.cpp", kernel}};
    const uint32_t begin = static_cast<uint32_t>(kernel.find("a +"));
    const uint32_t end = static_cast<uint32_t>(kernel.find("b;") + 1);
    Mutant m;
    m.choices = {{ByteRange{0, begin, end}, false, "a -\n           b"}};
    auto s = buildMutantSchema(files, {{0, 0}}, {&m}, SchemaDialect::Cpp);
    ASSERT_EQ(s.selector, (std::vector<int>{1}));
    const std::string& t = s.files[0].text;
    EXPECT_NE(t.find("? (a -            b) : (a +\n           b)"), std::string::npos) << t;
    // After the `#line 1` of the selector declaration, the text has the original's lines.
    const std::string body = t.substr(t.find("#line 1\n") + 8);
    EXPECT_EQ(std::count(body.begin(), body.end(), '\n'), std::count(kernel.begin(), kernel.end(), '\n'));
}

TEST(Schema, CrossingRangesAreNotPlaced)
{
    std::vector<SourceFile> files = {{"adder.sv", kAdder}};
    Mutant a, b;
    a.choices = {{ByteRange{0, 10, 20}, false, "x"}};
    b.choices = {{ByteRange{0, 15, 25}, false, "y"}};
    auto s = buildMutantSchema(files, {}, {&a, &b});
    EXPECT_EQ(s.selector, (std::vector<int>{1, 0}));
    EXPECT_EQ(s.dropped, 1u);
}

TEST(Schema, OneBuildServesEveryMutant)
{
    const std::string tb = R"(module tb;
  logic [7:0] a = 8'd5, b = 8'd3, y;
  adder dut(.a(a), .b(b), .y(y));
  initial begin #1 $display("y=%0d", y); if (y == 8) $display("PASS"); else $fatal(1); $finish; end
endmodule
)";
    auto dir = writeDesignWithTestbench("adder", kAdder, tb);
    auto design = loadDesign(dir);
    ASSERT_TRUE(design);
    auto analyzed = rtl::analyzeRtlDesign(*design);
    ASSERT_TRUE(analyzed);
    auto ops = OperatorRegistry::instance().select("arith,logic");
    ASSERT_TRUE(ops);
    auto gen = generateMutants(design->sources, analyzed->sites, *ops, {});
    ASSERT_GE(gen.mutants.size(), 2u);
    auto schema = schemaOf(*design, *analyzed, gen.mutants);
    auto build = buildSimulation(*design, schema.files, SimKind::Testbench, {}, dir / "build", {});
    ASSERT_TRUE(build) << build.error().format();
    Sandbox sandbox(dir / "run");
    SimRunOptions o;
    EXPECT_TRUE(runTestbench(*design, *build, sandbox, o).passed);  // selector 0: the original
    for (size_t i = 0; i < gen.mutants.size(); ++i) {
        o.selector = schema.selector[i];
        SimRun r = runTestbench(*design, *build, sandbox, o);
        EXPECT_FALSE(r.passed) << gen.mutants[i].description;  // every arith/logic swap changes 5+3
        EXPECT_NE(r.evidence.find("testbench"), std::string::npos);
    }
}

// Regression: the schema once wrapped a signed right-hand side as `sel ? '0 : (a * b)`, and the
// unsigned '0 made the whole `?:` unsigned, so the original (selector 0) zero-extended a
// negative product and its own testbench failed.
TEST(Schema, ZeroedAssignmentKeepsTheOriginalSigned)
{
    const char* sv = R"(module smul(input logic signed [3:0] a, b, output logic signed [11:0] y);
  assign y = a * b;
endmodule
)";
    const std::string tb = R"(module tb;
  logic signed [3:0] a = -4'sd3, b = 4'sd5;
  logic signed [11:0] y;
  smul dut(.a(a), .b(b), .y(y));
  initial begin #1 if (y == -12'sd15) $display("PASS"); else $fatal(1); $finish; end
endmodule
)";
    auto dir = writeDesignWithTestbench("smul", sv, tb);
    auto design = loadDesign(dir);
    ASSERT_TRUE(design);
    auto analyzed = rtl::analyzeRtlDesign(*design);
    ASSERT_TRUE(analyzed);
    auto ops = OperatorRegistry::instance().select("rtl-contassign-zero");
    auto gen = generateMutants(design->sources, analyzed->sites, *ops, {});
    ASSERT_EQ(gen.mutants.size(), 1u);
    auto schema = schemaOf(*design, *analyzed, gen.mutants);
    auto build = buildSimulation(*design, schema.files, SimKind::Testbench, {}, dir / "build", {});
    ASSERT_TRUE(build) << build.error().format();
    Sandbox sandbox(dir / "run");
    SimRunOptions o;
    EXPECT_TRUE(runTestbench(*design, *build, sandbox, o).passed);
    o.selector = schema.selector[0];
    EXPECT_FALSE(runTestbench(*design, *build, sandbox, o).passed);
}
