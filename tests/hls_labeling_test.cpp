// HLS C++ labeling end to end on small kernels with self-checking testbenches: hand-verified
// verdicts and evidence kinds, schema runs that agree with one build per mutant, containment
// of mutants that hang, exhaust memory, write out of bounds or crash, and kernels that do not
// parse.

#include <dirent.h>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "dataset/database.h"
#include "dataset/export.h"
#include "equivalence/csim.h"
#include "flows/dataset_build.h"
#include "test_support.h"

using namespace veriloop;
using namespace veriloop::test;

namespace {

const char* kHeader = "#pragma once\nvoid scan(const int in[8], int out[8], int n);\n";

const char* kKernel = R"(#include "scan.h"
#include <vector>

void scan(const int in[8], int out[8], int n) {
#pragma HLS INTERFACE m_axi port=in depth=8
#pragma HLS INTERFACE m_axi port=out depth=8
#pragma HLS INTERFACE s_axilite port=n
    int sum = 0;
    int scale = 3;
    int* dst = out;
    if (n > 100) dst = nullptr;
    std::vector<int> seen;
    for (int k = 0; k < n; k++) {
        seen.push_back(in[k]);
    }
    for (int i = 0; i < n; i++) {
        sum += in[i] * scale;
        dst[i] = sum >> 1;
    }
    int last[8];
    for (int j = 0; j < 8; j++) {
        last[j] = in[j];
    }
    if (seen.size() != static_cast<unsigned>(n) || last[7] != in[7]) out[0] = -1;
}
)";

const char* kTestbench = R"(#include <cstdio>
#include "scan.h"
int main() {
    for (int n = 1; n <= 8; ++n) {
        int in[8], out[8];
        for (int i = 0; i < 8; ++i) { in[i] = (i * 37 + n) % 19 - 9; out[i] = 12345; }
        scan(in, out, n);
        int sum = 0;
        for (int i = 0; i < 8; ++i) {
            int expect = 12345;
            if (i < n) { sum += in[i] * 3; expect = sum >> 1; }
            if (out[i] != expect) {
                std::printf("FAIL: n=%d out[%d]: expected %d got %d\n", n, i, expect, out[i]);
                return 1;
            }
        }
    }
    std::printf("PASS\n");
    return 0;
}
)";

struct Labeled {
    std::filesystem::path dir, db;
    std::map<std::string, MutantRow> rows;  // by mutant id
};

Labeled labelKernel(const std::string& name)
{
    Labeled l;
    l.dir = writeHlsDesign("scan", kKernel, kHeader, kTestbench);
    l.db = l.dir / "out" / (name + ".sqlite");
    std::filesystem::create_directories(l.db.parent_path());
    DatasetBuildOptions o;
    o.db = l.db;
    o.workRoot = l.dir / "out" / "work";
    o.jobs = 2;
    auto summary = buildDataset({l.dir}, o, [](const std::string&) {});
    EXPECT_EQ(summary.designsLabeled, 1) << (summary.problems.empty() ? "" : summary.problems[0].format());
    auto db = Database::open(l.db);
    EXPECT_TRUE(db);
    for (const auto& d : db->designs())
        for (auto& row : db->mutants(d.id)) l.rows[row.mutant.id] = row;
    return l;
}

const Labeled& scan()
{
    static const Labeled l = labelKernel("scan");
    return l;
}

// The one mutant of `op` whose description mentions `what`.
const MutantRow* find(const std::string& op, const std::string& what)
{
    for (const auto& [id, row] : scan().rows)
        if (row.mutant.operatorId == op && row.mutant.description.find(what) != std::string::npos)
            return &row;
    return nullptr;
}

void expectVerdict(const std::string& op, const std::string& what, Verdict v,
                   const std::string& kind)
{
    SCOPED_TRACE(op + " / " + what);
    const MutantRow* row = find(op, what);
    ASSERT_NE(row, nullptr);
    ASSERT_TRUE(row->verdict);
    EXPECT_EQ(verdictName(row->verdict->verdict), verdictName(v)) << row->verdict->evidence;
    EXPECT_EQ(row->verdict->evidenceKind, kind) << row->verdict->evidence;
}

// Processes (other than this test) whose command line mentions `needle`.
int processesMentioning(const std::string& needle)
{
    int n = 0;
    DIR* proc = opendir("/proc");
    while (dirent* e = readdir(proc)) {
        if (!std::isdigit(static_cast<unsigned char>(e->d_name[0]))) continue;
        if (std::atoi(e->d_name) == getpid()) continue;
        auto cmd = readFile(std::filesystem::path("/proc") / e->d_name / "cmdline");
        if (cmd && cmd->find(needle) != std::string::npos) ++n;
    }
    closedir(proc);
    return n;
}

}  // namespace

TEST(HlsLabeling, HandVerifiedVerdictsAndEvidence)
{
    // Wrong arithmetic: the testbench sees the first wrong output.
    expectVerdict("hls-arith-addeq-to-subeq", "", Verdict::Killed, "output-mismatch");
    // `int sum;` reads garbage: equal outputs with zero auto-init, different with a pattern.
    expectVerdict("hls-init-delete", "`sum`", Verdict::Killed, "uninit-differential");
    // `scale = 0` is a wrong value, not an uninitialized read.
    expectVerdict("hls-zero-init", "`scale`", Verdict::Killed, "output-mismatch");
    // `in[i + 1]` reads past the caller's 8-element array when n = 8: AddressSanitizer.
    expectVerdict("hls-oob-past-end", "`in`", Verdict::Killed, "sanitizer");
    // `sum >> (1) + 32`: UndefinedBehaviorSanitizer's shift check.
    expectVerdict("hls-shift-out-of-range", "", Verdict::Killed, "sanitizer");
    // The second loop without `i++` never ends (the original finishes in milliseconds).
    expectVerdict("hls-inf-step-removed", "`i++`", Verdict::Killed, "timeout");
    // Pragma: a scalar argument with a memory interface breaks the interface rule.
    expectVerdict("hls-sma-scalar-as-array", "ap_memory", Verdict::Killed, "static-rule");
}

TEST(HlsLabeling, EveryConfirmedMutantHasEvidence)
{
    static const std::set<std::string> kinds = {"output-mismatch", "sanitizer", "uninit-differential",
                                                "timeout", "static-rule", "crash"};
    size_t confirmed = 0;
    for (const auto& [id, row] : scan().rows) {
        ASSERT_TRUE(row.verdict) << id << " has no verdict";
        if (!isConfirmedBug(row.verdict->verdict)) continue;
        ++confirmed;
        EXPECT_TRUE(kinds.count(row.verdict->evidenceKind)) << id << ": " << row.verdict->evidenceKind;
        auto ev = nlohmann::json::parse(row.verdict->evidence, nullptr, false);
        EXPECT_TRUE(ev.is_object() && !ev.empty()) << id;
    }
    EXPECT_GE(confirmed, scan().rows.size() * 3 / 4);
}

TEST(HlsLabeling, ContainsHangsMemoryExhaustionOutOfBoundsAndCrashes)
{
    // Loops forever and grows a vector until the memory limit: `k++` removed.
    const MutantRow* memory = find("hls-inf-step-removed", "`k++`");
    // Writes through a null pointer: the condition `n > 100` inverted.
    const MutantRow* crash = find("hls-cond-negate", "n > 100");
    // Writes one past the end of a local array.
    const MutantRow* oob = find("hls-oob-past-end", "`last`");
    for (const MutantRow* row : {memory, crash, oob}) {
        ASSERT_NE(row, nullptr);
        ASSERT_TRUE(row->verdict);
        const Verdict v = row->verdict->verdict;
        EXPECT_TRUE(v == Verdict::Killed || v == Verdict::Timeout) << row->mutant.id;
    }
    EXPECT_EQ(processesMentioning((scan().dir / "out" / "work").string()), 0);
}

TEST(HlsLabeling, SchemaRunsAgreeWithOneBuildPerMutant)
{
    auto design = loadDesign(scan().dir);
    ASSERT_TRUE(design);
    CsimWorkspace ws(*design, scan().dir / "out" / "alone", hls::defaultHlsIncludeDir());
    int checked = 0;
    for (const auto& [id, row] : scan().rows) {
        if (!row.verdict || row.verdict->engine != "csim-schema") continue;
        const std::string kind = row.verdict->evidenceKind;
        if (kind != "output-mismatch" && kind != "none") continue;
        if (checked++ >= 12) break;
        auto files = applyEdits(design->sources, row.mutant.edits);
        ASSERT_TRUE(files);
        auto build = ws.build(*files, CsimFlavor::Zero, "m" + std::to_string(checked));
        ASSERT_TRUE(build) << build.error().log;
        CsimRun run = runCsim(ws, *build, 0, 5);
        EXPECT_EQ(run.passed, kind == "none") << id;
    }
    EXPECT_GE(checked, 6);
}

TEST(HlsLabeling, ExportCarriesEvidenceKindInEveryRecord)
{
    auto db = Database::open(scan().db);
    ASSERT_TRUE(db);
    const auto out = scan().dir / "out" / "export";
    ExportOptions eo;
    eo.includeUnconfirmed = true;
    auto r = exportJsonl(*db, out, eo);
    ASSERT_TRUE(r) << r.error().format();
    size_t records = 0;
    for (const char* split : {"train", "val", "test"}) {
        auto text = readFile(out / fmt::format("{}.jsonl", split));
        ASSERT_TRUE(text);
        std::istringstream in(*text);
        std::string line;
        while (std::getline(in, line)) {
            auto j = nlohmann::json::parse(line);
            EXPECT_EQ(j["language"], "hls-cpp");
            EXPECT_TRUE(j.contains("evidence_kind") && j["evidence_kind"].is_string()) << line.substr(0, 200);
            ++records;
        }
    }
    EXPECT_GT(records, 10u);
}

TEST(HlsLabeling, KernelsThatDoNotParseAreSkippedWithFileAndLine)
{
    auto bad = writeHlsDesign("broken", "#include \"broken.h\"\nvoid broken(int x[4]) {\n  x[0] = ;\n}\n",
                              "#pragma once\nvoid broken(int x[4]);\n", kTestbench);
    auto missing = writeHlsDesign("noinc", "#include \"nowhere.h\"\nvoid noinc() {}\n",
                                  "#pragma once\nvoid noinc();\n", kTestbench);
    auto good = scan().dir;
    const auto root = bad.parent_path() / "mixed";
    std::filesystem::remove_all(root);
    std::filesystem::create_directories(root);
    for (const auto& d : {bad, missing})
        std::filesystem::copy(d, root / d.filename(), std::filesystem::copy_options::recursive);
    DatasetBuildOptions o;
    o.db = root / "mixed.sqlite";
    o.workRoot = root / "work";
    o.maxPerDesign = 5;
    std::vector<std::string> log;
    auto summary = buildDataset({root, good}, o, [&](const std::string& s) { log.push_back(s); });
    EXPECT_EQ(summary.designsSkipped, 2);
    EXPECT_EQ(summary.designsLabeled, 1);
    bool syntax = false, include = false;
    for (const auto& p : summary.problems) {
        syntax = syntax || (p.file.find("broken.cpp") != std::string::npos && p.line == 3);
        include = include || (p.file.find("noinc.cpp") != std::string::npos && p.line == 1 &&
                              p.message.find("nowhere.h") != std::string::npos);
    }
    EXPECT_TRUE(syntax);
    EXPECT_TRUE(include);
}
