// `veriloop gate` on git repositories the tests create: a small comparator design with an
// exhaustive testbench, changed commit by commit the way a pull request would change it.

#include <fstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "flows/gate/gate.h"
#include "flows/gate/git_revisions.h"
#include "test_support.h"

namespace veriloop {
namespace {

using test::freshDir;
using test::runVeriloop;

constexpr const char* kComparator = R"(module cmpu (
    input  logic [3:0] a,
    input  logic [3:0] b,
    output logic       eq,
    output logic       lt
);
    assign eq = a == b;
    assign lt = a < b;
endmodule
)";

constexpr const char* kExhaustiveTb = R"(module tb_cmpu;
    logic [3:0] a, b;
    logic eq, lt;
    int errors = 0;
    cmpu dut (.a(a), .b(b), .eq(eq), .lt(lt));
    initial begin
        for (int i = 0; i < 256; i++) begin
            a = i[3:0];
            b = i[7:4];
            #1;
            if (eq !== (a == b) || lt !== (a < b)) errors++;
        end
        if (errors == 0) $display("PASS");
        else $display("FAIL: %0d errors", errors);
        $finish;
    end
endmodule
)";

// The same stimulus with its comparison removed: it passes whatever the design does.
constexpr const char* kCheckNothingTb = R"(module tb_cmpu;
    logic [3:0] a, b;
    logic eq, lt;
    cmpu dut (.a(a), .b(b), .eq(eq), .lt(lt));
    initial begin
        for (int i = 0; i < 256; i++) begin
            a = i[3:0];
            b = i[7:4];
            #1;
        end
        $display("PASS");
        $finish;
    end
endmodule
)";

constexpr const char* kDesignToml = R"([design]
name = "cmpu"
language = "systemverilog"
top = "cmpu"
sources = ["rtl/cmpu.sv"]

[testbench]
sources = ["tb/tb_cmpu.sv"]
top = "tb_cmpu"
pass = { exit_code = 0, stdout = "PASS" }
timeout_s = 20
)";

/// A git repository holding the comparator design at `hw/cmpu`, base committed.
class GateRepo {
public:
    explicit GateRepo(const std::string& name, const std::string& gateToml) : root_(freshDir("gate-" + name))
    {
        git({"init", "-q"});
        git({"config", "user.email", "gate-test@example.invalid"});
        git({"config", "user.name", "gate test"});
        write("veriloop.toml", "[project]\nname = \"gate-test\"\n" + gateToml);
        write("hw/cmpu/design.toml", kDesignToml);
        write("hw/cmpu/rtl/cmpu.sv", kComparator);
        write("hw/cmpu/tb/tb_cmpu.sv", kExhaustiveTb);
        commit("base");
    }

    void write(const std::string& path, const std::string& text) { writeFile(root_ / path, text); }

    void replace(const std::string& path, const std::string& from, const std::string& to)
    {
        std::string text = readFile(root_ / path).value_or("");
        const auto at = text.find(from);
        ASSERT_NE(at, std::string::npos) << from;
        write(path, text.replace(at, from.size(), to));
    }

    void commit(const std::string& message)
    {
        git({"add", "-A"});
        git({"commit", "-q", "-m", message});
    }

    /// `veriloop gate --base HEAD~1` with every report; returns the process result.
    ProcessResult gate(std::vector<std::string> extra = {})
    {
        std::vector<std::string> args = {"gate", "--repo", root_.string(), "--base", "HEAD~1",
                                         "--junit", junit().string(), "--sarif", sarif().string(),
                                         "--summary", (root_ / "gate.md").string(), "--artifacts",
                                         artifacts().string(), "--json", "-q", "-j", "2"};
        args.insert(args.end(), extra.begin(), extra.end());
        return runVeriloop(args, 600);
    }

    std::filesystem::path junit() const { return root_.parent_path() / (root_.filename().string() + ".xml"); }
    std::filesystem::path sarif() const { return root_.parent_path() / (root_.filename().string() + ".sarif"); }
    std::filesystem::path artifacts() const { return root_.parent_path() / (root_.filename().string() + "-art"); }
    const std::filesystem::path& root() const { return root_; }

private:
    void git(std::vector<std::string> args)
    {
        ProcessSpec spec;
        spec.argv = {"git", "-C", root_.string()};
        spec.argv.insert(spec.argv.end(), args.begin(), args.end());
        ProcessResult r = runProcess(spec);
        ASSERT_TRUE(r.ok()) << r.err;
    }

    std::filesystem::path root_;
};

nlohmann::json check(const nlohmann::json& report, const std::string& name)
{
    for (const auto& d : report["designs"])
        for (const auto& c : d["checks"])
            if (c["check"] == name) return c;
    return nullptr;
}

nlohmann::json sarifResults(const GateRepo& repo)
{
    auto sarif = nlohmann::json::parse(readFile(repo.sarif()).value_or("{}"), nullptr, false);
    return sarif.is_object() && sarif.contains("runs") ? sarif["runs"][0]["results"] : nlohmann::json::array();
}

TEST(Gate, ZeroContextDiffGivesTheChangedLinesOfTheNewVersion)
{
    auto files = parseZeroContextDiff(R"(diff --git a/hw/x.sv b/hw/x.sv
--- a/hw/x.sv
+++ b/hw/x.sv
@@ -3 +3 @@ module x
-    assign y = a;
+    assign y = b;
@@ -10,2 +10,0 @@
-gone
-gone
@@ -20,0 +19,3 @@
+new
+new
+new
diff --git a/hw/old.sv b/hw/old.sv
deleted file mode 100644
--- a/hw/old.sv
+++ /dev/null
@@ -1,2 +0,0 @@
-a
-b
)");
    ASSERT_EQ(files.size(), 2u);
    EXPECT_EQ(files[0].path, "hw/x.sv");
    EXPECT_EQ(files[0].newLines, (std::vector<LineSpan>{{3, 3}, {10, 10}, {19, 21}}));
    EXPECT_EQ(files[1].path, "hw/old.sv");
    EXPECT_TRUE(files[1].deleted);
}

TEST(Gate, ConfigRejectsUnknownKeysAndCheckNamesWithTheirLine)
{
    auto dir = freshDir("gate-config");
    writeFile(dir / "a.toml", "[gate]\nmin_mutation_score = 0.9\n\n[gate.design.cmpu]\nchecks = [\"lint\", \"tests\"]\n");
    auto ok = loadGateConfig(dir / "a.toml");
    ASSERT_TRUE(ok) << ok.error().format();
    EXPECT_DOUBLE_EQ(ok->forDesign("cmpu").minMutationScore, 0.9);  // inherited from [gate]
    EXPECT_EQ(ok->forDesign("cmpu").checks, (std::vector<std::string>{"lint", "tests"}));
    EXPECT_EQ(ok->forDesign("other").checks.size(), gateChecks().size());

    writeFile(dir / "b.toml", "[gate]\nchecks = [\"lint\", \"mutaton\"]\n");
    auto typo = loadGateConfig(dir / "b.toml");
    ASSERT_FALSE(typo);
    EXPECT_EQ(typo.error().line, 2);
    EXPECT_NE(typo.error().message.find("unknown check `mutaton`"), std::string::npos);
    EXPECT_NE(typo.error().message.find("mutation"), std::string::npos);  // lists the known ones

    writeFile(dir / "c.toml", "[gate]\nmin_score = 0.5\n");
    EXPECT_FALSE(loadGateConfig(dir / "c.toml"));
    writeFile(dir / "d.toml", "[gate]\nmin_mutation_score = 5\n");
    EXPECT_FALSE(loadGateConfig(dir / "d.toml"));
}

TEST(Gate, EquivalentRefactorDeclaredEquivalentPasses)
{
    GateRepo repo("refactor", "");
    repo.replace("hw/cmpu/rtl/cmpu.sv", "assign lt = a < b;", "assign lt = (a < b) ? 1'b1 : 1'b0;");
    repo.commit("cmpu: lt as a mux\n\nVeriloop-Equivalent: cmpu");
    ProcessResult r = repo.gate();
    ASSERT_EQ(r.exitCode, 0) << r.out << r.err;
    auto report = nlohmann::json::parse(r.out);
    EXPECT_EQ(report["status"], "PASS");
    EXPECT_EQ(check(report, "equivalence")["status"], "PASS");
    EXPECT_EQ(check(report, "lint")["status"], "PASS");
    EXPECT_EQ(check(report, "tests")["status"], "PASS");
    auto mutation = check(report, "mutation");
    EXPECT_EQ(mutation["status"], "PASS");
    EXPECT_GT(mutation["details"]["mutants"].get<int>(), 0);
    EXPECT_EQ(mutation["details"]["scope"], "changed lines");
    EXPECT_EQ(report["designs"][0]["changed_lines"]["rtl/cmpu.sv"], nlohmann::json::parse("[[8,8]]"));
}

TEST(Gate, BehaviorChangeDeclaredEquivalentFailsWithItsCounterexampleInSarifAndVcd)
{
    GateRepo repo("behavior", "[gate]\nchecks = [\"equivalence\"]\n");
    repo.replace("hw/cmpu/rtl/cmpu.sv", "assign lt = a < b;", "assign lt = a <= b;");
    repo.commit("cmpu: tidy\n\nVeriloop-Equivalent: cmpu");
    ProcessResult r = repo.gate();
    ASSERT_EQ(r.exitCode, 1) << r.out << r.err;
    auto eq = check(nlohmann::json::parse(r.out), "equivalence");
    EXPECT_EQ(eq["status"], "FAIL");
    EXPECT_EQ(eq["details"]["replay"]["signal"], "lt");  // replayed in Verilator: lt differs
    ASSERT_EQ(eq["artifacts"].size(), 1u);
    const std::string vcd = readFile(eq["artifacts"][0].get<std::string>()).value_or("");
    EXPECT_NE(vcd.find("$enddefinitions"), std::string::npos);
    bool located = false;
    for (const auto& result : sarifResults(repo))
        if (result["ruleId"] == "gate-equivalence-counterexample") {
            const auto& loc = result["locations"][0]["physicalLocation"];
            located = loc["artifactLocation"]["uri"] == "hw/cmpu/rtl/cmpu.sv" &&
                      loc["region"]["startLine"] == 8;
        }
    EXPECT_TRUE(located) << readFile(repo.sarif()).value_or("");
}

TEST(Gate, UndeclaredChangeIsNotProvedAndAnEquivalenceClaimOnAnotherModuleIsIgnored)
{
    GateRepo repo("undeclared", "[gate]\nchecks = [\"equivalence\"]\n");
    repo.replace("hw/cmpu/rtl/cmpu.sv", "assign lt = a < b;", "assign lt = a <= b;");
    repo.commit("cmpu: lt\n\nVeriloop-Equivalent: some_other_module");
    ProcessResult r = repo.gate();
    ASSERT_EQ(r.exitCode, 0) << r.out << r.err;
    EXPECT_EQ(check(nlohmann::json::parse(r.out), "equivalence")["status"], "SKIP");
}

TEST(Gate, TestbenchThatChecksNothingFailsTheMutationScoreNamingTheSurvivors)
{
    GateRepo repo("weak-tb", "[gate]\nchecks = [\"tests\", \"mutation\"]\n");
    repo.write("hw/cmpu/tb/tb_cmpu.sv", kCheckNothingTb);
    repo.commit("tb: faster");
    ProcessResult r = repo.gate();
    ASSERT_EQ(r.exitCode, 1) << r.out << r.err;
    auto report = nlohmann::json::parse(r.out);
    EXPECT_EQ(check(report, "tests")["status"], "PASS");  // it passes: it checks nothing
    auto mutation = check(report, "mutation");
    EXPECT_EQ(mutation["status"], "FAIL");
    EXPECT_LT(mutation["details"]["score"].get<double>(), 0.8);
    EXPECT_EQ(mutation["details"]["scope"], "design (the testbench changed)");
    ASSERT_FALSE(mutation["findings"].empty());
    for (const auto& f : mutation["findings"]) {
        EXPECT_EQ(f["rule"], "gate-mutation-survivor");
        EXPECT_EQ(f["file"], "hw/cmpu/rtl/cmpu.sv");
        EXPECT_GE(f["line"].get<int>(), 7);
        EXPECT_NE(f["message"].get<std::string>().find("->"), std::string::npos);  // the edit
    }
}

TEST(Gate, SyntaxErrorFailsLintWithFileAndLineInSarif)
{
    GateRepo repo("syntax", "[gate]\nchecks = [\"lint\"]\n");
    repo.replace("hw/cmpu/rtl/cmpu.sv", "assign eq = a == b;", "assign eq = a == b");
    repo.commit("oops");
    ProcessResult r = repo.gate();
    ASSERT_EQ(r.exitCode, 1) << r.out << r.err;
    bool located = false;
    for (const auto& result : sarifResults(repo))
        if (result["ruleId"] == "gate-lint-error" && result["level"] == "error") {
            const auto& loc = result["locations"][0]["physicalLocation"];
            located = loc["artifactLocation"]["uri"] == "hw/cmpu/rtl/cmpu.sv" &&
                      loc["region"]["startLine"].get<int>() >= 7;
        }
    EXPECT_TRUE(located) << readFile(repo.sarif()).value_or("");
}

TEST(Gate, OnlyLintWarningsBaseDoesNotHaveFail)
{
    GateRepo repo("warnings", "[gate]\nchecks = [\"lint\"]\n");
    repo.replace("hw/cmpu/rtl/cmpu.sv", "    assign eq", "    logic [7:0] spare;\n    assign eq");
    repo.commit("an unused signal (an old warning from here on)");
    repo.replace("hw/cmpu/rtl/cmpu.sv", "assign eq = a == b;", "assign eq = (a == b);");
    repo.commit("parentheses");
    ProcessResult old = repo.gate();
    ASSERT_EQ(old.exitCode, 0) << old.out << old.err;
    EXPECT_EQ(check(nlohmann::json::parse(old.out), "lint")["details"]["old_warnings"], 1);

    repo.replace("hw/cmpu/rtl/cmpu.sv", "assign lt = a < b;", "assign lt = a < 5'd3 + b;");
    repo.commit("a width mismatch");
    ProcessResult fresh = repo.gate();
    ASSERT_EQ(fresh.exitCode, 1) << fresh.out << fresh.err;
    auto lint = check(nlohmann::json::parse(fresh.out), "lint");
    ASSERT_EQ(lint["findings"].size(), 1u);
    EXPECT_EQ(lint["findings"][0]["rule"], "gate-lint-WIDTHEXPAND");  // Verilator 5.048 splits WIDTH
    EXPECT_EQ(lint["findings"][0]["line"], 9);
}

TEST(Gate, PropertyFileThatStopsHoldingFailsTheAssertionsCheck)
{
    GateRepo repo("props", "[gate]\nchecks = [\"assertions\"]\n[gate.design.cmpu]\nproperties = \"props.sv\"\n");
    repo.write("hw/cmpu/props.sv", R"(module cmpu_props (input logic [3:0] a, input logic [3:0] b,
                   input logic eq, input logic lt);
    always_comb begin
        if (eq) assert (!lt) else $error("eq and lt both set");
    end
endmodule
bind cmpu cmpu_props props (.*);
)");
    repo.commit("properties");
    ProcessResult holds = repo.gate();
    ASSERT_EQ(holds.exitCode, 0) << holds.out << holds.err;
    repo.replace("hw/cmpu/rtl/cmpu.sv", "assign lt = a < b;", "assign lt = a <= b;");
    repo.commit("lt");
    ProcessResult broken = repo.gate();
    ASSERT_EQ(broken.exitCode, 1) << broken.out << broken.err;
    auto a = check(nlohmann::json::parse(broken.out), "assertions");
    EXPECT_EQ(a["status"], "FAIL");
    EXPECT_EQ(a["findings"][0]["file"], "hw/cmpu/props.sv");
    EXPECT_EQ(a["findings"][0]["line"], 4);
    EXPECT_NE(a["details"]["method"].get<std::string>().find("simulation"), std::string::npos);
}

TEST(Gate, PropertyFileWithoutAssertionsFailsInsteadOfPassing)
{
    GateRepo repo("noprops", "[gate]\nchecks = [\"assertions\"]\n[gate.design.cmpu]\nproperties = \"props.sv\"\n");
    repo.write("hw/cmpu/props.sv", R"(// assert (!lt) when eq: to be written
module cmpu_props (input logic [3:0] a, input logic [3:0] b, input logic eq, input logic lt);
    initial $display("assert property (eq |-> !lt);");
endmodule
bind cmpu cmpu_props props (.*);
)");
    repo.commit("a property file that checks nothing");
    ProcessResult r = repo.gate();
    ASSERT_EQ(r.exitCode, 1) << r.out << r.err;
    auto a = check(nlohmann::json::parse(r.out), "assertions");
    EXPECT_EQ(a["status"], "FAIL");
    EXPECT_EQ(a["findings"][0]["rule"], "gate-assertions-empty");
    EXPECT_EQ(a["findings"][0]["file"], "hw/cmpu/props.sv");
}

// The required properties of SARIF 2.1.0 (sarif-schema-2.1.0.json): sarifLog {version, runs},
// run {tool}, tool {driver}, toolComponent {name}, result {message}, message {text (or id)},
// reportingDescriptor {id}, artifactLocation / region as given; plus what code-scanning views
// need: a ruleId per result, positive 1-based lines and columns, partialFingerprints.
TEST(Gate, SarifHasEverySchemaRequiredFieldAndJunitParsesWithAStandardXmlParser)
{
    GateRepo repo("reports", "[gate]\nchecks = [\"lint\", \"tests\", \"mutation\"]\n");
    repo.write("hw/cmpu/tb/tb_cmpu.sv", kCheckNothingTb);
    repo.replace("hw/cmpu/rtl/cmpu.sv", "assign lt = a < b;", "assign lt = a < 5'd3 + b;");
    repo.commit("weaker tests & a new warning");
    ProcessResult r = repo.gate();
    ASSERT_EQ(r.exitCode, 1) << r.out << r.err;
    auto sarif = nlohmann::json::parse(readFile(repo.sarif()).value_or("{}"));
    EXPECT_EQ(sarif["version"], "2.1.0");
    ASSERT_TRUE(sarif["runs"].is_array());
    ASSERT_EQ(sarif["runs"].size(), 1u);
    const auto& run = sarif["runs"][0];
    EXPECT_EQ(run["tool"]["driver"]["name"], "veriloop");
    std::set<std::string> ruleIds;
    for (const auto& rule : run["tool"]["driver"]["rules"]) {
        ASSERT_TRUE(rule["id"].is_string());
        ruleIds.insert(rule["id"]);
    }
    ASSERT_GE(run["results"].size(), 2u);
    for (const auto& res : run["results"]) {
        ASSERT_TRUE(res["message"]["text"].is_string());
        ASSERT_TRUE(ruleIds.count(res["ruleId"].get<std::string>())) << res.dump();
        EXPECT_EQ(run["tool"]["driver"]["rules"][res["ruleIndex"].get<int>()]["id"], res["ruleId"]);
        EXPECT_TRUE(res["level"] == "error" || res["level"] == "warning" || res["level"] == "note");
        EXPECT_FALSE(res["partialFingerprints"].empty());
        for (const auto& loc : res.value("locations", nlohmann::json::array())) {
            const auto& pl = loc["physicalLocation"];
            EXPECT_TRUE(pl["artifactLocation"]["uri"].is_string());
            EXPECT_EQ(pl["artifactLocation"]["uriBaseId"], "SRCROOT");
            EXPECT_TRUE(run["originalUriBaseIds"].contains("SRCROOT"));
            if (pl.contains("region")) {
                EXPECT_GE(pl["region"]["startLine"].get<int>(), 1);
                if (pl["region"].contains("startColumn")) {
                    EXPECT_GE(pl["region"]["startColumn"].get<int>(), 1);
                }
            }
        }
    }
    ProcessSpec py;
    py.argv = {"python3", "-c",
               "import sys, xml.etree.ElementTree as ET\n"
               "root = ET.parse(sys.argv[1]).getroot()\n"
               "assert root.tag == 'testsuites', root.tag\n"
               "cases = root.findall('./testsuite/testcase')\n"
               "print(len(cases), root.get('failures'), "
               "' '.join(c.get('name') + ('=F' if c.find('failure') is not None else '') for c in cases))\n",
               repo.junit().string()};
    ProcessResult parsed = runProcess(py);
    ASSERT_TRUE(parsed.ok()) << parsed.err;
    EXPECT_EQ(parsed.out, "3 2 lint=F tests mutation=F\n");
}

TEST(Gate, BadInputExitsTwoWithTheGitDiagnostic)
{
    GateRepo repo("bad", "");
    ProcessResult unknown = runVeriloop({"gate", "--repo", repo.root().string(), "--base", "no-such-rev"});
    EXPECT_EQ(unknown.exitCode, 2);
    EXPECT_NE(unknown.err.find("VL019"), std::string::npos) << unknown.err;
    auto notRepo = freshDir("gate-not-a-repo");
    ProcessResult outside = runVeriloop({"gate", "--repo", notRepo.string(), "--base", "HEAD~1"});
    EXPECT_EQ(outside.exitCode, 2);
    EXPECT_NE(outside.err.find("not in a git work tree"), std::string::npos) << outside.err;
    ProcessResult typo = runVeriloop({"gate", "--repo", repo.root().string(), "--base", "HEAD",
                                      "--designs", (repo.root() / "no-such-folder").string()});
    EXPECT_EQ(typo.exitCode, 2);  // never "0 designs changed: PASS"
    EXPECT_NE(typo.err.find("--designs: not a folder"), std::string::npos) << typo.err;
    repo.write("veriloop.toml", "[gate]\nchecks = [\"lintt\"]\n");
    ProcessResult badConfig = runVeriloop({"gate", "--repo", repo.root().string(), "--base", "HEAD"});
    EXPECT_EQ(badConfig.exitCode, 2);
    EXPECT_NE(badConfig.err.find("veriloop.toml:2"), std::string::npos) << badConfig.err;
}

}  // namespace
}  // namespace veriloop
