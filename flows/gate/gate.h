#pragma once
// `veriloop gate`: is an RTL change between two git revisions safe? For each design whose
// files changed, the registered checks run cheapest first (lint, tests, equivalence where the
// change is declared behavior-preserving, assertions, mutation score of the changed lines) and
// each ends PASS, FAIL, TIMEOUT, ERROR or SKIP (SBY's statuses). Reports (JUnit, SARIF,
// markdown, JSON: gate_reports.h) are views of the one GateReport; the exit status comes from
// GateReport::passed() alone.

#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>
#include <tl/expected.hpp>

#include "core/design.h"
#include "core/diagnostic.h"
#include "core/progress.h"
#include "flows/gate/git_revisions.h"

namespace veriloop {

/// One design's gate settings: `[gate]` in veriloop.toml, overridden per design by
/// `[gate.design.<name>]` (docs/gate.md lists the keys).
struct GateSettings {
    std::vector<std::string> checks = {"lint", "tests", "equivalence", "assertions", "mutation"};
    double minMutationScore = 0.8;
    size_t maxMutants = 60;              // changed-lines mutants labeled per design (seeded sample)
    std::string operators = "default";
    std::vector<std::string> equivalent; // modules declared behavior-preserving
    std::string properties;              // property/bind file, relative to the design folder
    double checkTimeoutSeconds = 600;
    double designBudgetSeconds = 1800;
    int formalBound = 20;
};

struct GateConfig {
    std::filesystem::path file;  // where it was read from; empty: defaults only
    GateSettings defaults;
    std::map<std::string, GateSettings> designs;

    const GateSettings& forDesign(const std::string& name) const;
};

/// Reads `[gate]` from a veriloop.toml; a missing file gives the defaults. Unknown keys and
/// wrong types are errors with the file and line.
tl::expected<GateConfig, Diagnostic> loadGateConfig(const std::filesystem::path& file);

enum class GateStatus { Pass, Fail, Timeout, Error, Skip };
std::string_view gateStatusName(GateStatus s);  // PASS, FAIL, TIMEOUT, ERROR, SKIP

/// One located result of a check, in the shape code-scanning views show inline.
struct GateFinding {
    std::string ruleId;       // stable: gate-lint-WIDTH, gate-mutation-survivor, ...
    std::string level = "error";  // error | warning | note
    std::string message;
    std::string file;         // relative to the repository root
    int line = 0, column = 0, endLine = 0, endColumn = 0;
    std::string fingerprint;  // stable across runs (a mutant id, a warning's text)
};

struct GateCheckResult {
    std::string check;
    GateStatus status = GateStatus::Error;
    std::string summary;      // one line
    std::vector<GateFinding> findings;
    std::vector<std::string> artifacts;  // files written (counterexample VCDs)
    nlohmann::json details = nlohmann::json::object();
    double seconds = 0;
};

struct GateDesignResult {
    std::string name;
    std::string folder;       // relative to the repository root
    std::map<std::string, std::vector<LineSpan>> changedLines;  // design-relative file -> lines
    bool testbenchChanged = false;  // the tests changed: mutation measures the whole design
    std::vector<GateCheckResult> checks;
};

struct GateReport {
    std::string repo, base, head, baseCommit, headCommit;
    std::vector<GateDesignResult> designs;
    std::vector<std::string> notes;  // e.g. designs removed by the change
    double seconds = 0;

    /// Every check ended as expected (PASS or SKIP).
    bool passed() const;
};

/// What one check of one design sees.
struct GateDesignContext {
    const Design& head;
    const Design* base = nullptr;  // null: the design is new in head
    const GateSettings& settings;
    const GateDesignResult& target;       // name, folder, changed lines
    std::vector<std::string> declaredEquivalent;  // settings + commit trailers
    std::filesystem::path work;           // private scratch folder of this check
    std::filesystem::path artifacts;      // where files for the user go
    double timeoutSeconds = 600;          // this check's budget
    int jobs = 1;
    bool full = false;                    // mutation: the whole design, not the changed lines
    uint64_t seed = 1;
    Progress* progress = nullptr;

    /// A design-relative path as the repository names it (what reports show).
    std::string repoPath(const std::string& designRelative) const;
    /// Whether lines [first, last] of a design file were changed.
    bool changed(const std::string& file, int first, int last) const;
};

/// A gate check: one file implementing it plus one line in gate_checks.cpp.
class GateCheck {
public:
    virtual ~GateCheck() = default;
    virtual std::string_view id() const = 0;       // the name used in veriloop.toml and reports
    virtual std::string_view summary() const = 0;  // one line, also SARIF's rule text
    virtual GateCheckResult run(const GateDesignContext& ctx) const = 0;
};

/// Every check, in the order they run (cheapest first).
const std::vector<const GateCheck*>& gateChecks();
const GateCheck* findGateCheck(std::string_view id);

struct GateOptions {
    std::filesystem::path repo = ".";   // any folder inside the work tree
    std::string base;
    std::string head = "HEAD";
    std::filesystem::path config;       // empty: veriloop.toml at the repository root
    std::vector<std::filesystem::path> scope;  // only designs below these folders
    bool full = false;
    int jobs = 1;
    uint64_t seed = 1;
    std::filesystem::path work;         // scratch; empty: a temporary folder, removed after
    std::filesystem::path artifacts = "veriloop-gate";  // counterexample VCDs
    ProgressMode progress = ProgressMode::Quiet;
};

/// Runs the gate. An error is bad input (no repository, unknown revision, bad config): exit 2.
tl::expected<GateReport, Diagnostic> runGate(const GateOptions& options,
                                             const std::function<void(const std::string&)>& log);

}  // namespace veriloop
