#include <gtest/gtest.h>

#include "flows/synth_report.h"
#include "test_support.h"

using namespace veriloop;

TEST(SynthReport, ParsesYosysStatAndLtp)
{
    const std::string stat = R"(
=== top ===

        +----------Local Count, excluding submodules.
        | 
       12 wires
       19 wire bits
        5 ports
        9 cells
        1   CARRY4
        4   FDCE
        2   LUT2
        1   LUT6
        1   DSP48E1

)";
    auto r = parseSynthOutput(stat, "Longest topological path in top (length=7):\n");
    EXPECT_EQ(r.luts, 3);
    EXPECT_EQ(r.ffs, 4);
    EXPECT_EQ(r.dsps, 1);
    EXPECT_EQ(r.carry, 1);
    EXPECT_EQ(r.brams, 0);
    EXPECT_EQ(r.logicDepth, 7);
}

TEST(SynthReport, CountsTheRegistersOfARealDesign)
{
    auto design = loadDesign(test::sourceDir() / "tests/data/designs/tiny_counter");
    ASSERT_TRUE(design);
    auto r = synthReport(*design, test::freshDir("synth"));
    ASSERT_TRUE(r) << r.error().format();
    EXPECT_EQ(r->ffs, 4);  // the 4-bit count register
    EXPECT_GE(r->luts, 1);
    EXPECT_EQ(r->dsps, 0);
    EXPECT_GT(r->logicDepth, 0);
}
