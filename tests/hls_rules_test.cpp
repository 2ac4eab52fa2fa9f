// The HLS pragma rules: a clean kernel breaks none, and each documented rule fires on the
// construct that breaks it (and names it).

#include <gtest/gtest.h>

#include "equivalence/hls_rules.h"
#include "test_support.h"

using namespace veriloop;
using namespace veriloop::test;

namespace {

const char* kHeader = "#pragma once\nvoid k(const int a[16], int b[16], int n, const int idx[16]);\n";

const std::string kClean = R"(#include "k.h"
void k(const int a[16], int b[16], int n, const int idx[16]) {
#pragma HLS INTERFACE m_axi port=a depth=16
#pragma HLS INTERFACE m_axi port=b depth=16
#pragma HLS INTERFACE s_axilite port=n
#pragma HLS INTERFACE m_axi port=idx depth=16
    int buf[16];
#pragma HLS ARRAY_PARTITION variable=buf type=cyclic factor=4 dim=1
outer:
    for (int i = 0; i < 16; i += 4) {
#pragma HLS PIPELINE II=1
    lanes:
        for (int j = 0; j < 4; j++) {
            buf[i + j] = a[i + j];
        }
    }
store:
    for (int i = 0; i < 16; i++) {
#pragma HLS PIPELINE II=1
        b[i] = buf[i] + idx[i] + n;
    }
}
)";

std::vector<RuleViolation> violationsOf(const std::string& cpp)
{
    auto k = analyzeHlsKernel("k", cpp, kHeader);
    EXPECT_FALSE(k.analysis.functions.empty());
    return checkHlsRules(k.analysis);
}

std::string replaced(std::string text, const std::string& from, const std::string& to)
{
    const auto at = text.find(from);
    EXPECT_NE(at, std::string::npos) << from;
    if (at != std::string::npos) text.replace(at, from.size(), to);
    return text;
}

struct RuleCase {
    const char* name;
    const char* from;
    const char* to;
    const char* rule;     // expected to fire ("" = nothing may fire)
    const char* mention;  // in the message
};

const RuleCase kCases[] = {
    {"factor does not divide", "factor=4", "factor=3", "partition-factor-divides", "factor=3"},
    {"dim beyond the rank", "factor=4 dim=1", "factor=4 dim=2", "partition-dim-in-rank", "dim=2"},
    {"block puts the lanes in one bank", "type=cyclic", "type=block", "partition-bank-conflict", "buf"},
    {"no partition at all", "#pragma HLS ARRAY_PARTITION variable=buf type=cyclic factor=4 dim=1\n",
     "", "partition-bank-conflict", "buf"},
    {"scalar protocol on an array", "m_axi port=a", "ap_none port=a", "interface-mode-type", "`a`"},
    {"memory protocol on a scalar", "s_axilite port=n", "ap_memory port=n", "interface-mode-type", "`n`"},
    {"fifo read in order is fine", "m_axi port=a", "ap_fifo port=a", "", ""},
    {"fifo written in order is fine", "m_axi port=b", "ap_fifo port=b", "", ""},
    {"m_axi read backwards", "idx[i] + n", "idx[15 - i] + n", "maxi-burst", "decreases"},
    {"m_axi read at a data-dependent address", "idx[i] + n", "a[idx[i] & 15] + n", "maxi-burst",
     "depends on data"},
    {"pipeline inside a pipeline", "        for (int j = 0; j < 4; j++) {\n",
     "        for (int j = 0; j < 4; j++) {\n#pragma HLS PIPELINE II=1\n", "pipeline-nesting", "lanes"},
    {"variable bound under a pipeline", "j < 4", "j < n", "unroll-under-pipeline", "variable trip count"},
    {"partial unroll under a pipeline", "        for (int j = 0; j < 4; j++) {\n",
     "        for (int j = 0; j < 4; j++) {\n#pragma HLS UNROLL factor=2\n", "unroll-under-pipeline",
     "by 2"},
    {"dataflow inside a loop", "    for (int i = 0; i < 16; i++) {\n",
     "    for (int i = 0; i < 16; i++) {\n#pragma HLS DATAFLOW\n", "dataflow-placement", "store"},
};

}  // namespace

TEST(HlsRules, CleanKernelBreaksNoRule)
{
    auto v = violationsOf(kClean);
    for (const auto& x : v) ADD_FAILURE() << x.rule << ": " << x.message;
}

TEST(HlsRules, EachRuleFiresOnTheConstructThatBreaksIt)
{
    for (const RuleCase& c : kCases) {
        SCOPED_TRACE(c.name);
        auto v = violationsOf(replaced(kClean, c.from, c.to));
        if (c.rule[0] == '\0') {
            for (const auto& x : v) ADD_FAILURE() << "unexpected " << x.rule << ": " << x.message;
            continue;
        }
        bool fired = false;
        for (const auto& x : v)
            if (x.rule == c.rule) {
                fired = true;
                EXPECT_NE(x.message.find(c.mention), std::string::npos) << x.message;
                EXPECT_GT(x.line, 0);
            }
        EXPECT_TRUE(fired) << "rule " << c.rule << " did not fire";
    }
}

TEST(HlsRules, FifoReadTwiceBreaksSequentialAccess)
{
    auto v = violationsOf(replaced(replaced(kClean, "m_axi port=idx", "ap_fifo port=idx"),
                                   "buf[i] + idx[i]", "buf[i] + idx[i] + idx[15 - i]"));
    bool fired = false;
    for (const auto& x : v) fired = fired || (x.rule == "fifo-sequential-access" && x.subject == "idx");
    EXPECT_TRUE(fired);
}

TEST(HlsRules, OnlyNewViolationsConfirmAMutant)
{
    const auto before = violationsOf(replaced(kClean, "factor=4", "factor=3"));
    ASSERT_FALSE(before.empty());
    // The same violation again is not new; a second, different one is.
    EXPECT_TRUE(newViolations(before, before).empty());
    auto after = violationsOf(replaced(replaced(kClean, "factor=4", "factor=3"), "j < 4", "j < n"));
    auto fresh = newViolations(before, after);
    ASSERT_EQ(fresh.size(), 1u);
    EXPECT_EQ(fresh[0].rule, "unroll-under-pipeline");
}
