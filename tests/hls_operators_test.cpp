// Every HLS C++ operator: applies where expected with the exact edit text (on a kernel the
// real Clang frontend analyzes), never where its construct is absent, and mutants are
// deterministic and distinct.

#include <gtest/gtest.h>

#include "test_support.h"

using namespace veriloop;
using namespace veriloop::test;

namespace {

const char* kRichHeader = R"(#pragma once
#include <stdint.h>
#include "ap_int.h"
#define N 8
void rich(const int a[N], int b[N], uint8_t u[N], int n, ap_uint<8> px[N], int out[2]);
)";

const char* kRich = R"(#include "rich.h"

void rich(const int a[N], int b[N], uint8_t u[N], int n, ap_uint<8> px[N], int out[2]) {
#pragma HLS INTERFACE m_axi port=a offset=slave depth=8
#pragma HLS INTERFACE bram port=b
#pragma HLS INTERFACE ap_memory port=u
#pragma HLS INTERFACE s_axilite port=n
#pragma HLS INTERFACE m_axi port=px depth=8
#pragma HLS INTERFACE m_axi port=out depth=2
#pragma HLS DATAFLOW
    int buf[N];
    int tile[4][8];
#pragma HLS ARRAY_PARTITION variable=buf type=cyclic factor=2 dim=1
#pragma HLS ARRAY_PARTITION variable=tile type=complete dim=2
    int acc = 0;
    int best = 5;
    ap_int<12> wide = 3;
    uint8_t first = u[0];
copy:
    for (int i = 0; i < N; i++) {
#pragma HLS PIPELINE II=1
        buf[i] = a[i];
    }
rows:
    for (int r = 0; r < 4; r++) {
    cols:
        for (int c = 0; c < 8; c++) {
#pragma HLS PIPELINE II=1
            tile[r][c] = buf[c] << 1;
        }
    }
    for (int r = 0; r < 2; r++) {
        for (int c = 0; c < 4; c++) {
            tile[r][c] = a[r * 4 + c];
        }
    }
sums:
    for (int r = 0; r < 4; r++) {
#pragma HLS PIPELINE II=1
        for (int k = 0; k < 4; k++) {
#pragma HLS UNROLL
            acc += tile[r][k];
        }
    }
    for (int i = 0; i < N; i += 2) {
        acc += buf[i] + buf[i + 1];
    }
    for (int i = 0; i < n; i++) {
        if (u[i] > 3 && !(a[i] == 0)) best = best * 2 - u[i];
        wide += px[i];
    }
    if (acc < 100 && acc >= -5 && acc <= 99 && (acc > -9 || n == 0) && acc != 7) acc = acc - 1;
    b[0] = buf[N / 2];
    out[0] = ((acc ^ best) & 255) | (~acc & 1);
    out[1] = ((int)wide >> 1) + first;
}
)";

struct Row {
    const char* op;
    const char* expectedText;  // must appear in one mutated source ("" = any change)
};

const Row kRows[] = {
    {"hls-arith-add-to-sub", "buf[i] - buf[i + 1]"},
    {"hls-arith-sub-to-add", "best * 2 + u[i]"},
    {"hls-arith-mul-to-add", "best + 2 - u[i]"},
    {"hls-arith-addeq-to-subeq", "acc -= buf[i]"},
    {"hls-relop-lt-to-le", "acc <= 100"},
    {"hls-relop-le-to-lt", "acc < 99"},
    {"hls-relop-gt-to-ge", "u[i] >= 3"},
    {"hls-relop-ge-to-gt", "acc > -5"},
    {"hls-relop-eq-to-ne", "!(a[i] != 0)"},
    {"hls-relop-ne-to-eq", "acc == 7"},
    {"hls-logic-land-to-lor", "u[i] > 3 || !(a[i] == 0)"},
    {"hls-logic-lor-to-land", "(acc > -9 && n == 0)"},
    {"hls-logic-and-to-or", "((acc ^ best) | 255)"},
    {"hls-logic-or-to-and", "((acc ^ best) & 255) & (~acc & 1)"},
    {"hls-logic-xor-to-or", "((acc | best) & 255)"},
    {"hls-logic-bitnot-drop", "(acc & 1)"},
    {"hls-cond-lognot-drop", "u[i] > 3 && (a[i] == 0)"},
    {"hls-shift-left-to-right", "buf[c] >> 1"},
    {"hls-shift-right-to-left", "(int)wide << 1"},
    {"hls-const-inc", "int best = 6;"},
    {"hls-const-dec", "int best = 4;"},
    {"hls-loop-bound", "i <= N; i++"},
    {"hls-index-inc", "b[0 + 1] = buf"},
    {"hls-index-dec", "buf[i - 1] + buf[i + 1]"},
    {"hls-cond-negate", "if (!(u[i] > 3 && !(a[i] == 0)))"},
    {"hls-var-swap", ""},
    {"hls-statement-delete", "    \n    out[0]"},
    {"hls-width-narrow", "ap_int<11> wide = 3;"},
    {"hls-oob-past-end", "buf[i] = a[i + 1];"},
    {"hls-init-delete", "int acc;"},
    {"hls-shift-out-of-range", "buf[c] << (1) + 32"},
    {"hls-inf-step-removed", "i < N; ) {\n#pragma HLS PIPELINE"},
    {"hls-inf-wrong-counter", "c < 8; r++"},
    {"hls-use-sign-extend", "((signed char)u[i]) > 3"},
    {"hls-mlu-step", "i < N; i += 1"},
    {"hls-mlu-lane", "buf[i] + buf[i];"},
    {"hls-zero-init", "int best = 0;"},
    {"hls-buf-wrong-half", "buf[i] = a[((i) + 4) % 8];"},
    {"hls-apt-partition-type", "variable=buf type=block factor=2 dim=1"},
    {"hls-fnd-partition-factor", "variable=buf type=cyclic factor=3 dim=1"},
    {"hls-did-partition-dim", "variable=tile type=complete dim=3"},
    {"hls-dfp-dataflow-moved", "i++) {\n#pragma HLS DATAFLOW\n#pragma HLS PIPELINE"},
    {"hls-idap-fifo", "INTERFACE mode=ap_fifo port=a"},
    {"hls-ramb-maxi", "INTERFACE mode=m_axi port=b"},
    {"hls-ramb-unbuffered-read", "acc += a[i] + buf[i + 1];"},
    {"hls-use-signed-declaration", "int8_t first = u[0];"},
    {"hls-ramb-interchanged-copy", "for (int c = 0; c < 4; c++) {\n        for (int r = 0; r < 2; r++) {"},
    {"hls-ramb-reversed-copy", "for (int i = (N) - 1; i >= 0; i--) {\n#pragma HLS PIPELINE II=1\n        buf[i] = a[i];"},
    {"hls-sma-scalar-as-array", "INTERFACE mode=ap_memory port=n"},
    {"hls-ams-array-as-scalar", "INTERFACE mode=ap_none port=a"},
    {"hls-mlp-nested-pipeline", "r++) {\n#pragma HLS PIPELINE II=1\n    cols:"},
    {"hls-ilnu-partial-unroll", "#pragma HLS UNROLL factor=2"},
};

using Kernel = HlsKernel;

Kernel analyzeKernel(const std::string& name, const std::string& cpp, const std::string& header)
{
    Kernel k = analyzeHlsKernel(name, cpp, header);
    EXPECT_FALSE(k.analysis.functions.empty()) << name << " did not parse";
    return k;
}

std::vector<Mutant> hlsMutantsOf(const std::string& op, const Kernel& k)
{
    auto ops = OperatorRegistry::instance().select(op);
    if (!ops) return {};
    GenerateOptions go;
    go.hls = &k.analysis;
    return generateMutants(k.design.sources, k.analysis.sites, *ops, go).mutants;
}

const Kernel& rich()
{
    static const Kernel k = analyzeKernel("rich", kRich, kRichHeader);
    return k;
}

}  // namespace

TEST(HlsOperators, EveryHlsOperatorHasATableRow)
{
    size_t hls = 0;
    for (const auto& op : OperatorRegistry::instance().all()) {
        if (!op->info().forHls()) continue;
        ++hls;
        bool found = false;
        for (const Row& r : kRows) found = found || op->info().id == r.op;
        EXPECT_TRUE(found) << op->info().id << " has no test row";
    }
    EXPECT_EQ(hls, std::size(kRows));
}

TEST(HlsOperators, EveryChrysalisTypeHasAnOperator)
{
    std::set<std::string> classes;
    for (const auto& op : OperatorRegistry::instance().all())
        if (op->info().forHls()) classes.insert(op->info().bugClass);
    for (const char* t : {"OOB", "INIT", "SHFT", "INF", "USE", "MLU", "ZERO", "BUF", "APT", "FND",
                          "DID", "DFP", "IDAP", "RAMB", "SMA", "AMS", "MLP", "ILNU"})
        EXPECT_TRUE(classes.count(t)) << t;
}

TEST(HlsOperators, ApplyWithExactEditText)
{
    for (const Row& row : kRows) {
        SCOPED_TRACE(row.op);
        auto mutants = hlsMutantsOf(row.op, rich());
        ASSERT_FALSE(mutants.empty());
        bool seen = false;
        for (const auto& m : mutants) {
            EXPECT_EQ(m.operatorId, row.op);
            EXPECT_EQ(m.file, "src/rich.cpp");
            const std::string after = mutatedSource(kRich, m);
            EXPECT_NE(after, kRich);
            seen = seen || after.find(row.expectedText) != std::string::npos;
        }
        EXPECT_TRUE(seen) << "no mutant produced `" << row.expectedText << "`";
    }
}

TEST(HlsOperators, NeverApplyWhereTheConstructIsAbsent)
{
    const Kernel plain = analyzeKernel("plain", "#include \"plain.h\"\nint plain(int x) { return x; }\n",
                                       "#pragma once\nint plain(int x);\n");
    for (const Row& row : kRows) {
        SCOPED_TRACE(row.op);
        EXPECT_TRUE(hlsMutantsOf(row.op, plain).empty());
    }
}

TEST(HlsOperators, RtlOperatorsDoNotApplyToHlsAndBack)
{
    auto all = OperatorRegistry::instance().select("all");
    ASSERT_TRUE(all);
    GenerateOptions go;
    go.hls = &rich().analysis;
    for (const auto& m : generateMutants(rich().design.sources, rich().analysis.sites, *all, go).mutants)
        EXPECT_EQ(m.operatorId.rfind("hls-", 0), 0u) << m.operatorId;
}

TEST(HlsOperators, PragmaMutantsAreCheckedByRulesAndTypeChangesAlone)
{
    for (const auto& m : hlsMutantsOf("all", rich())) {
        const bool pragma = m.originalText.find("#pragma") != std::string::npos ||
                            m.bugClass == "DFP" || m.bugClass == "MLP" || m.bugClass == "ILNU";
        if (m.bugClass == "APT" || m.bugClass == "FND" || m.bugClass == "DID" ||
            m.bugClass == "DFP" || m.bugClass == "IDAP" || m.bugClass == "RAMB" ||
            m.bugClass == "SMA" || m.bugClass == "AMS" || m.bugClass == "MLP" || m.bugClass == "ILNU")
            EXPECT_EQ(m.check, MutantCheck::StaticRule) << m.id;
        else
            EXPECT_FALSE(pragma) << m.id;
        if (m.bugClass == "bit-width" || m.bugClass == "INIT")
            EXPECT_EQ(m.check, MutantCheck::Standalone) << m.id;
    }
}

TEST(HlsOperators, DeterministicIdsAndDeduplication)
{
    auto a = hlsMutantsOf("all", rich());
    auto b = hlsMutantsOf("all", rich());
    ASSERT_EQ(a.size(), b.size());
    std::set<std::string> hashes;
    for (size_t i = 0; i < a.size(); ++i) {
        EXPECT_EQ(a[i].id, b[i].id);
        EXPECT_TRUE(hashes.insert(a[i].sourcesHash).second) << "duplicate mutant " << a[i].id;
    }
    EXPECT_GE(a.size(), 150u);
}
