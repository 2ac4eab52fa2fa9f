// The assertion miner on a trace written here (no simulator): the datapath relations of an
// accumulator (sum == x + acc; acc loads sum, zero or keeps its value by {en, clear}) are
// found, and a reset between two samples never counts as a step of the design.

#include <algorithm>
#include <random>

#include <gtest/gtest.h>

#include "flows/property_mining.h"

namespace veriloop {
namespace {

// acc <= clear ? 0 : en ? sum : acc;  sum = acc + x  (8 bits, wrapping); ge = acc >= x; one reset in
// the middle of the run: the sample after it follows no sample of the design.
struct Accumulator {
    std::vector<TraceSignal> signals = {{"clk", 1, true}, {"rst_n", 1, true}, {"en", 1, true}, {"clear", 1, true},
                                        {"x", 8, true},   {"acc", 8, false},  {"sum", 8, false}, {"ge", 1, false}};
    TraceSamples samples;

    explicit Accumulator(bool markReset)
    {
        std::mt19937 rng(5);
        long long acc = 0;
        for (int cycle = 0; cycle < 400; ++cycle) {
            const bool afterReset = cycle == 200;
            if (afterReset) acc = 0;
            long long en = rng() % 4 != 0, clear = rng() % 8 == 0, x = rng() % 256;
            if (cycle % 10 == 5) x = acc;                 // a compare's edge case, seen
            if (cycle == 199) en = 1, clear = 0, x = 77;  // the step the reset cuts short
            const long long sum = (acc + x) & 0xff;
            samples.rows.push_back({0, 1, en, clear, x, acc, sum, acc >= x});
            samples.followsPrevious.push_back(cycle > 0 && !(afterReset && markReset));
            acc = clear ? 0 : en ? sum : acc;
        }
    }
};

Design clockedDesign()
{
    Design d;
    d.top = "acc8";
    d.clock = "clk";
    d.reset = ResetSpec{"rst_n", true, 2};
    return d;
}

bool hasProperty(const std::vector<Property>& props, const std::string& sva)
{
    return std::any_of(props.begin(), props.end(), [&](const Property& p) { return p.sva == sva; });
}

std::string listed(const std::vector<Property>& props)
{
    std::string out;
    for (const auto& p : props) out += p.kind + ": " + p.sva + "\n";
    return out;
}

TEST(PropertyMining, DatapathRelationsOfAnAccumulatorAreFound)
{
    Accumulator a(true);
    const auto props = mineProperties(clockedDesign(), a.signals, a.samples);
    EXPECT_TRUE(hasProperty(props, "sum == ((x + acc) & 8'hff)")) << listed(props);
    EXPECT_TRUE(hasProperty(props, "{en, clear} == 2'd2 |=> acc == (($past(sum)) & 8'hff)")) << listed(props);
    EXPECT_TRUE(hasProperty(props, "{en, clear} == 2'd0 |=> acc == (($past(acc)) & 8'hff)")) << listed(props);
    EXPECT_TRUE(hasProperty(props, "{en, clear} == 2'd1 |=> acc == 8'd0")) << listed(props);
    EXPECT_TRUE(hasProperty(props, "ge == ((acc >= x) & 1'h1)")) << listed(props);
    // The check the monitors use reads the selector one cycle back, like the property.
    for (const auto& p : props)
        if (p.sva == "{en, clear} == 2'd1 |=> acc == 8'd0")
            EXPECT_EQ(p.check, "({vl_past_en, vl_past_clear} != 2'd1 || acc == 8'd0)");
}

TEST(PropertyMining, AResetBetweenTwoSamplesIsNotAStepOfTheDesign)
{
    // Unmarked, the reset looks like acc dropping to zero while enabled: the load relation
    // is broken by the trace, not by the design, and is not mined.
    Accumulator unmarked(false);
    const auto props = mineProperties(clockedDesign(), unmarked.signals, unmarked.samples);
    EXPECT_FALSE(hasProperty(props, "{en, clear} == 2'd2 |=> acc == (($past(sum)) & 8'hff)")) << listed(props);
}

}  // namespace
}  // namespace veriloop
