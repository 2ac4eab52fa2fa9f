// Faults and bad input (docs/reliability.md): SIGKILL at random points, Ctrl-C, two builds on
// one database, a Latin-1 source, design paths that leave the design folder. Nothing decided is
// lost, nothing is half-written, and every refusal is a diagnostic.

#include <fcntl.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <map>
#include <random>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "core/design.h"
#include "core/hls_model.h"
#include "core/text.h"
#include "dataset/database.h"
#include "mutators/generate.h"
#include "mutators/operator.h"
#include "test_support.h"

namespace veriloop {
namespace {

struct Label {
    std::string verdict, kind, evidence;
    bool operator==(const Label&) const = default;
};

std::map<std::string, Label> labelsOf(const std::filesystem::path& db)
{
    std::map<std::string, Label> out;
    auto d = Database::open(db);
    if (!d) return out;
    for (const auto& design : d->designs())
        for (const auto& row : d->mutants(design.id))
            if (row.verdict)
                out[row.mutant.id] = {std::string(verdictName(row.verdict->verdict)),
                                      row.verdict->evidenceKind, row.verdict->evidence};
    return out;
}

std::string integrityCheck(const std::filesystem::path& db)
{
    sqlite3* h = nullptr;
    std::string result = "cannot open";
    if (sqlite3_open_v2(db.c_str(), &h, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
        sqlite3_stmt* st = nullptr;
        sqlite3_prepare_v2(h, "PRAGMA integrity_check", -1, &st, nullptr);
        result = sqlite3_step(st) == SQLITE_ROW
                     ? reinterpret_cast<const char*>(sqlite3_column_text(st, 0)) : "no answer";
        sqlite3_finalize(st);
    }
    sqlite3_close(h);
    return result;
}

pid_t startBuild(const std::string& design, const std::string& db)
{
    const pid_t pid = fork();
    if (pid == 0) {
        setpgid(0, 0);
        const int devnull = open("/dev/null", O_WRONLY);
        dup2(devnull, STDOUT_FILENO);
        dup2(devnull, STDERR_FILENO);
        execl(VERILOOP_BINARY, VERILOOP_BINARY, "dataset", "build", design.c_str(), "--db",
              db.c_str(), "-j", "2", static_cast<char*>(nullptr));
        _exit(127);
    }
    return pid;
}

const std::string& tinyCounter()
{
    static const std::string dir = (test::sourceDir() / "tests/data/designs/tiny_counter").string();
    return dir;
}

TEST(Reliability, TwentyKillsAtRandomPointsLoseNothing)
{
    const auto dir = test::freshDir("kill20");
    auto ref = test::runVeriloop({"dataset", "build", tinyCounter(), "--db", (dir / "ref.sqlite").string(), "-j", "2"});
    ASSERT_EQ(ref.exitCode, 0) << ref.err;
    const auto expected = labelsOf(dir / "ref.sqlite");
    ASSERT_GT(expected.size(), 10u);

    const auto db = (dir / "killed.sqlite").string();
    std::mt19937 rng(20261207);
    std::uniform_int_distribution<int> afterMs(200, 4000);
    int kills = 0;
    for (int i = 0; i < 20; ++i) {
        const pid_t pid = startBuild(tinyCounter(), db);
        usleep(afterMs(rng) * 1000);
        int status = 0;
        if (waitpid(pid, &status, WNOHANG) == pid) break;  // it finished first
        kill(-pid, SIGKILL);
        waitpid(pid, &status, 0);
        ++kills;
        EXPECT_EQ(integrityCheck(db), "ok") << "after kill " << kills;
    }
    EXPECT_GE(kills, 10);
    auto last = test::runVeriloop({"dataset", "build", tinyCounter(), "--db", db, "-j", "2"});
    ASSERT_EQ(last.exitCode, 0) << last.err;
    EXPECT_EQ(integrityCheck(db), "ok");
    const auto got = labelsOf(db);
    ASSERT_EQ(got.size(), expected.size());
    for (const auto& [id, label] : expected) {
        auto it = got.find(id);
        ASSERT_NE(it, got.end()) << id;
        EXPECT_EQ(it->second.verdict, label.verdict) << id;
        EXPECT_EQ(it->second.kind, label.kind) << id;
        EXPECT_EQ(it->second.evidence, label.evidence) << id;
    }
}

TEST(Reliability, CtrlCKeepsWhatWasDecidedAndTellsHowToResume)
{
    const auto dir = test::freshDir("sigint");
    const auto db = (dir / "i.sqlite").string();
    const auto out = dir / "out.txt";
    const pid_t pid = fork();
    if (pid == 0) {
        setpgid(0, 0);
        const int fd = open(out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        dup2(fd, STDOUT_FILENO);
        execl(VERILOOP_BINARY, VERILOOP_BINARY, "dataset", "build", tinyCounter().c_str(), "--db",
              db.c_str(), "-j", "1", static_cast<char*>(nullptr));
        _exit(127);
    }
    size_t decided = 0;
    for (int i = 0; i < 600 && decided < 2; ++i) {
        usleep(100000);
        decided = labelsOf(db).size();
    }
    kill(pid, SIGINT);
    int status = 0;
    waitpid(pid, &status, 0);
    ASSERT_TRUE(WIFEXITED(status));
    EXPECT_EQ(WEXITSTATUS(status), 130);
    EXPECT_NE(readFile(out).value_or("").find("run the same command again"), std::string::npos);
    EXPECT_GE(labelsOf(db).size(), decided);
    EXPECT_EQ(integrityCheck(db), "ok");
    auto again = test::runVeriloop({"dataset", "build", tinyCounter(), "--db", db, "-j", "2"});
    EXPECT_EQ(again.exitCode, 0) << again.err;
}

TEST(Reliability, ASecondBuildOnTheSameDatabaseIsRefused)
{
    const auto dir = test::freshDir("twowriters");
    const auto db = (dir / "w.sqlite").string();
    const pid_t first = startBuild(tinyCounter(), db);
    for (int i = 0; i < 100 && !std::filesystem::exists(db); ++i) usleep(50000);
    auto second = test::runVeriloop({"dataset", "build", tinyCounter(), "--db", db});
    kill(-first, SIGKILL);
    waitpid(first, nullptr, 0);
    EXPECT_NE(second.exitCode, 0);
    EXPECT_NE(second.err.find("is writing this database"), std::string::npos) << second.err;
}

TEST(BadInput, Latin1SourceIsLabeledAndExportedByteForByte)
{
    const std::string sv = "// auteur: Ren\xe9 \xa9 2001, r\xe9vision \xb5\n"
                           "module lat(input logic [3:0] a, b, output logic [3:0] y);\n"
                           "  assign y = a & b;  // \xe9t\xe9\nendmodule\n";
    const auto dir = test::writeDesignWithTestbench(
        "lat", sv,
        "module tb;\n  logic [3:0] a, b, y;\n  lat dut(.a(a), .b(b), .y(y));\n  initial begin\n"
        "    a = 4'b1100; b = 4'b1010; #1;\n    if (y == 4'b1000) $display(\"PASS\");\n"
        "    else $display(\"FAIL\");\n    $finish;\n  end\nendmodule\n");
    const auto db = dir / "lat.sqlite";
    auto r = test::runVeriloop({"dataset", "build", dir.string(), "--db", db.string(), "-j", "2"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const auto out = dir.parent_path() / "lat-export";
    auto e = test::runVeriloop({"dataset", "export", "--db", db.string(), "--out", out.string()});
    ASSERT_EQ(e.exitCode, 0) << e.err;
    size_t originals = 0;
    for (const char* split : {"train", "val", "test"})
        for (const auto& line : splitLines(readFile(out / (std::string(split) + ".jsonl")).value_or(""))) {
            if (line.empty()) continue;
            const auto rec = nlohmann::json::parse(line);
            EXPECT_EQ(rec.value("encoding", ""), "latin-1");
            if (rec["verdict"] != "original") continue;
            ++originals;
            EXPECT_EQ(utf8ToLatin1(rec["fixed_source"].get<std::string>()).value_or(""), sv);
        }
    EXPECT_EQ(originals, 1u);
}

TEST(BadInput, DesignPathsMustStayInsideTheDesign)
{
    const auto root = test::freshDir("escape");
    writeFile(root / "other/x.sv", "module x; endmodule\n");
    std::filesystem::create_directories(root / "d");
    std::filesystem::create_symlink("/etc/passwd", root / "d/link.sv");
    for (const std::string field : {"sources = [\"../other/x.sv\"]", "sources = [\"../../../../etc/passwd\"]",
                                    "sources = [\"/etc/passwd\"]", "sources = [\"link.sv\"]"}) {
        writeFile(root / "d/design.toml", "[design]\nname = \"d\"\ntop = \"x\"\n" + field + "\n");
        auto d = loadDesign(root / "d");
        ASSERT_FALSE(d) << field;
        EXPECT_EQ(d.error().code, DiagCode::PathOutsideDesign) << field;
    }
    writeFile(root / "d/x.sv", "module x; endmodule\n");
    writeFile(root / "d/design.toml", "[design]\nname = \"d\"\ntop = \"x\"\nsources = [\"x.sv\"]\n"
                                      "[testbench]\nsources = [\"../other/x.sv\"]\n");
    auto tb = loadDesign(root / "d");
    ASSERT_FALSE(tb);
    EXPECT_EQ(tb.error().code, DiagCode::PathOutsideDesign);
    writeFile(root / kProjectFile, "[project]\nname = \"escape\"\n");  // now one project
    writeFile(root / "d/design.toml", "[design]\nname = \"d\"\ntop = \"x\"\nsources = [\"../other/x.sv\"]\n");
    EXPECT_TRUE(loadDesign(root / "d"));
}

TEST(BadInput, AFileWithTooManySitesIsPlannedAtItsFirstOnesAndSaysSo)
{
    const std::vector<SourceFile> files = {{"small.sv", "assign y = a + b;\n"},
                                           {"netlist.sv", std::string(64, ' ')}};
    std::vector<Site> sites(kMaxSitesPerFile + 5);
    for (auto& s : sites) s.token = {1, 0, 1};
    auto ops = OperatorRegistry::instance().select("rtl-arith-add-to-sub");
    ASSERT_TRUE(ops) << ops.error();
    const auto result = generateMutants(files, sites, *ops, {});
    ASSERT_EQ(result.cappedFiles.size(), 1u);
    EXPECT_EQ(result.cappedFiles[0].first, "netlist.sv");
    EXPECT_EQ(result.cappedFiles[0].second, kMaxSitesPerFile + 5);
    ASSERT_EQ(result.capMessages().size(), 1u);
    EXPECT_NE(result.capMessages()[0].find("only the first"), std::string::npos);
}

// Found by bench/fuzz: std::regex recursed once per character of a pragma line.
TEST(BadInput, AVeryLongPragmaLineIsScannedWithoutRecursion)
{
    const std::string text = "void f() {\n#pragma HLS PIPELINE II=2 " + std::string(200000, 'a') +
                             "\n  # pragma hls unroll factor = 4 off\n}\n";
    const auto pragmas = scanHlsPragmas(text, 0);
    ASSERT_EQ(pragmas.size(), 2u);
    EXPECT_EQ(pragmas[0].directive, "PIPELINE");
    EXPECT_EQ(pragmas[0].args.at("ii"), "2");
    EXPECT_TRUE(pragmas[0].hasFlag(std::string(200000, 'a')));
    EXPECT_EQ(pragmas[1].directive, "UNROLL");
    EXPECT_EQ(pragmas[1].args.at("factor"), "4");
    EXPECT_TRUE(pragmas[1].hasFlag("off"));
    EXPECT_EQ(pragmas[1].line, 3);
}

TEST(BadInput, LineIndexAgreesWithAScanFromTheStart)
{
    const std::string text = "a\nbc\n\n\xe9t\xe9\nlast";
    const LineIndex index(text);
    for (uint32_t at = 0; at <= text.size() + 2; ++at) {
        EXPECT_EQ(index.at(at).line, lineColAt(text, at).line) << at;
        EXPECT_EQ(index.at(at).column, lineColAt(text, at).column) << at;
    }
}

}  // namespace
}  // namespace veriloop
