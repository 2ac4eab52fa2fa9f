// The audit re-derives each checked label from scratch: the design is read again from its
// folder (and must hash as it did when labeled), every mutant is rebuilt alone from its stored
// edits, and only fresh runs decide. A label is `false` only when a fresh run contradicts it in
// the same semantics it was labeled in (2-state Verilator, or C simulation); anything that
// cannot run is `inconclusive`, never confirmed. Terminates: every build and run is bounded.

#include "flows/dataset_audit.h"

#include <algorithm>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "core/design.h"
#include "core/json_text.h"
#include "core/text.h"
#include "dataset/database.h"
#include "equivalence/csim.h"
#include "equivalence/hls_rules.h"
#include "equivalence/icarus_sim.h"
#include "equivalence/verilator_sim.h"
#include "frontend/hls/hls_frontend.h"
#include "frontend/rtl/rtl_frontend.h"

namespace veriloop {

int AuditReport::falseTotal() const { return static_cast<int>(falseLabels.size()); }

namespace {

constexpr int kAuditSeeds = 8;
constexpr int kAuditCycles = 20000;
constexpr int kAuditResetEvery = 1009;
constexpr int kIcarusSeeds = 2;
constexpr int kIcarusCycles = 5000;

// Every k-th of `rows` so that at most `n` are taken, spread over the list.
std::vector<const MutantRow*> spread(std::vector<const MutantRow*> rows, size_t n)
{
    if (rows.size() <= n) return rows;
    std::vector<const MutantRow*> out;
    for (size_t i = 0; i < n; ++i) out.push_back(rows[i * rows.size() / n]);
    return out;
}

// How one re-check came out. FourState: only a 4-state (x/z) difference, which 2-state
// labeling cannot see; it confirms an `equivalent` label and is counted apart.
enum class Outcome { Confirmed, FourState, False, Inconclusive };

// What a fresh run showed: a difference (with its evidence), none, or nothing could run.
struct Seen {
    bool ran = false;
    std::string difference;
    bool differs() const { return !difference.empty(); }
};

class Auditor {
public:
    Auditor(const AuditOptions& o, AuditReport& r, Progress& p) : options_(o), report_(r), progress_(p) {}

    void design(const DesignRow& row, const std::vector<MutantRow>& mutants)
    {
        auto d = loadDesign(row.dir);
        if (!d || d->inputHash() != row.inputHash) {
            report_.designsSkipped.push_back(row.name + ": the design folder changed or is gone since labeling");
            return;
        }
        work_ = options_.workDir / row.name;
        design_ = row.name;
        if (d->isRtl()) auditRtl(*d, mutants);
        else auditHls(*d, mutants);
        originalRules_.reset();
        std::error_code ec;
        std::filesystem::remove_all(work_, ec);
    }

private:
    void tally(const MutantRow& m, Outcome o, const std::string& check, const std::string& detail = {})
    {
        const std::string verdict(verdictName(m.verdict->verdict));
        AuditCount& c = report_.byVerdict[verdict];
        ++c.checked;
        const AuditFinding finding{m.mutant.id, design_, verdict, check, detail};
        progress_.count(o == Outcome::False ? "false" : o == Outcome::Inconclusive ? "inconclusive" : "confirmed");
        switch (o) {
        case Outcome::FourState: ++c.fourStateOnly; [[fallthrough]];
        case Outcome::Confirmed: ++c.confirmed; break;
        case Outcome::False:
            ++c.falseLabels;
            report_.falseLabels.push_back(finding);
            break;
        case Outcome::Inconclusive:
            ++c.inconclusive;
            report_.inconclusive.push_back(finding);
            break;
        }
    }

    Sandbox sandbox() const { return Sandbox(work_ / "run", {work_}); }

    // ---- RTL ----

    std::optional<SimBuild> build(const Design& d, const std::vector<SourceFile>& files, SimKind kind,
                                  const std::string& name)
    {
        SimBuildOptions bo;
        bo.jobs = options_.jobs;
        bo.runtimeCache = options_.workDir / "verilator-runtime";
        auto b = buildSimulation(d, files, kind, ports_, work_ / name, bo);
        return b ? std::optional<SimBuild>(*b) : std::nullopt;
    }

    // Stimulus k: 0 is the design's own, the others are longer, with reset re-asserted.
    RandomStimulus stimulusFor(const Design& d, int k) const
    {
        if (k == 0) return {d.stimulus.seed, d.stimulus.cycles, 0};
        return {d.stimulus.seed + 7919 * static_cast<uint64_t>(k), kAuditCycles,
                d.reset ? kAuditResetEvery : 0};
    }

    // The original's dumps for every stimulus; false when they cannot all be made.
    bool makeReferences(const Design& d, const SimBuild& diff)
    {
        for (int k = 0; k <= kAuditSeeds; ++k) {
            SimRunOptions o;
            o.timeoutSeconds = 120;
            o.extraArgs = stimulusArgs(stimulusFor(d, k));
            const auto path = sandbox().workDir() / fmt::format("ref-{}.txt", k);
            o.extraArgs.push_back("+vl_dump=" + path.string());
            if (!runDifferential(diff, sandbox(), o).passed) return false;
            refs_.push_back(path);
        }
        return true;
    }

    // The mutant's differential runs against the original's references.
    Seen verilatorShows(const Design& d, const std::vector<SourceFile>& files, const std::string& dir)
    {
        auto diff = refs_.empty() ? std::nullopt : build(d, files, SimKind::Differential, dir + "/diff");
        if (!diff) return {};
        for (size_t k = 0; k < refs_.size(); ++k) {
            SimRunOptions o;
            o.timeoutSeconds = 120;
            o.extraArgs = stimulusArgs(stimulusFor(d, static_cast<int>(k)));
            o.extraArgs.push_back("+vl_ref=" + refs_[k].string());
            SimRun r = runDifferential(*diff, sandbox(), o);
            if (r.harnessError) return {};
            if (!r.passed) return {true, r.evidence};
        }
        return {true, {}};
    }

    // The Icarus differential of the mutant against the original's Icarus dumps (made once
    // per design). A 4-state-only difference is returned with "four_state": true.
    Seen icarusShows(const Design& d, const std::vector<SourceFile>& files, const std::string& dir)
    {
        if (!icarusAvailable() || ports_.empty()) return {};
        if (!icarusTried_) {
            icarusTried_ = true;
            if (auto orig = buildIcarus(d, d.sources, SimKind::Differential, ports_, work_ / "icarus-original"))
                for (int k = 0; k < kIcarusSeeds; ++k) {
                    IcarusDiffRun run = runIcarusDifferential(*orig, sandbox(), icarusStimulus(d, k), 120);
                    if (!run.dump) {
                        icarusDumps_.clear();
                        break;
                    }
                    icarusDumps_.push_back(*run.dump);
                }
        }
        auto mut = icarusDumps_.empty() ? std::nullopt
                                        : std::optional(buildIcarus(d, files, SimKind::Differential, ports_,
                                                                    work_ / dir / "icarus-diff"));
        if (!mut || !*mut) return {};
        for (int k = 0; k < kIcarusSeeds; ++k) {
            IcarusDiffRun run = runIcarusDifferential(**mut, sandbox(), icarusStimulus(d, k), 120);
            if (!run.dump) return run.harnessError ? Seen{} : Seen{true, run.failure};
            if (auto diff = firstDumpDifference(icarusDumps_[k], *run.dump); !diff.empty()) return {true, diff};
        }
        return {true, {}};
    }

    RandomStimulus icarusStimulus(const Design& d, int k) const
    {
        return {d.stimulus.seed + 31 * static_cast<uint64_t>(k + 1), kIcarusCycles, d.reset ? kAuditResetEvery : 0};
    }

    void auditRtl(const Design& d, const std::vector<MutantRow>& mutants)
    {
        auto analyzed = rtl::analyzeRtlDesign(d);
        if (!analyzed) {
            report_.designsSkipped.push_back(design_ + ": " + analyzed.error().format());
            return;
        }
        ports_.clear();
        refs_.clear();
        icarusDumps_.clear();
        icarusTried_ = false;
        for (const auto& p : analyzed->topPorts) ports_.push_back({p.name, p.width, p.dir});
        haveTb_ = build(d, d.sources, SimKind::Testbench, "original-tb").has_value();
        auto diff = ports_.empty() ? std::nullopt : build(d, d.sources, SimKind::Differential, "original-diff");
        if (diff && !makeReferences(d, *diff)) refs_.clear();
        std::vector<const MutantRow*> killed;
        for (const auto& m : mutants) {
            if (!m.verdict) continue;
            if (m.verdict->verdict == Verdict::Killed) killed.push_back(&m);
            if (m.verdict->verdict == Verdict::Nonequivalent) replay(d, m, diff);
            if (m.verdict->verdict == Verdict::Equivalent) reconfirmEquivalent(d, m);
        }
        for (const MutantRow* m : spread(killed, options_.samplePerDesign)) rekill(d, *m);
    }

    // A killed mutant fails again: its testbench, Verilator's random runs, or (for labels
    // Icarus agreed to) Icarus. False only when every check that could show it ran and passed.
    void rekill(const Design& d, const MutantRow& m)
    {
        auto files = applyEdits(d.sources, m.mutant.edits);
        if (!files) return tally(m, Outcome::Inconclusive, "rebuild", "the edits no longer apply");
        const std::string dir = "m-" + contentHash(m.mutant.id);
        const bool icarusLabel = m.verdict->engine.find("icarus") != std::string::npos;
        bool everythingRan = true;
        if (icarusLabel) {
            auto ib = buildIcarus(d, *files, SimKind::Testbench, {}, work_ / dir / "icarus");
            if (ib && !runIcarusTestbench(d, *ib, sandbox(), 120).passed)
                return tally(m, Outcome::Confirmed, "icarus-testbench");
            const Seen icarus = icarusShows(d, *files, dir);
            if (icarus.differs()) return tally(m, Outcome::Confirmed, "icarus-differential", icarus.difference);
            everythingRan = icarus.ran;
        }
        auto tb = haveTb_ ? build(d, *files, SimKind::Testbench, dir + "/tb") : std::nullopt;
        if (tb) {
            SimRunOptions o;
            o.timeoutSeconds = d.testbench.timeoutSeconds;
            if (!runTestbench(d, *tb, sandbox(), o).passed) return tally(m, Outcome::Confirmed, "testbench");
        } else if (!icarusLabel) {
            everythingRan = false;
        }
        const Seen verilator = verilatorShows(d, *files, dir);
        if (verilator.differs()) return tally(m, Outcome::Confirmed, "differential", verilator.difference);
        if (!verilator.ran && m.verdict->evidenceKind == "differential") everythingRan = false;
        if (!everythingRan)
            return tally(m, Outcome::Inconclusive, "rekill", "a check that killed it could not run again");
        tally(m, Outcome::False, "rekill", "the mutant built alone passes the testbench and every random run");
    }

    void replay(const Design& d, const MutantRow& m, const std::optional<SimBuild>& diff)
    {
        auto ev = nlohmann::json::parse(m.verdict->evidence, nullptr, false);
        auto files = applyEdits(d.sources, m.mutant.edits);
        if (!diff || !files || !ev.is_object() || !ev.contains("trace"))
            return tally(m, Outcome::Inconclusive, "replay", "no trace or no harness");
        std::vector<TraceStep> trace;
        for (const auto& step : ev["trace"]) {
            TraceStep& t = trace.emplace_back();
            for (const auto& [name, value] : step.items()) t.inputs.push_back({name, value.get<std::string>()});
        }
        const std::string dir = "m-" + contentHash(m.mutant.id);
        Sandbox box(work_ / dir / "replay", {work_});
        writeFile(box.workDir() / "trace.txt", harnessTraceText(trace));
        SimRunOptions o;
        o.timeoutSeconds = 60;
        o.extraArgs = {"+vl_trace=" + (box.workDir() / "trace.txt").string(),
                       "+vl_dump=" + (box.workDir() / "ref.txt").string()};
        if (!runDifferential(*diff, box, o).passed)
            return tally(m, Outcome::Inconclusive, "replay", "the original does not run the trace");
        auto gate = build(d, *files, SimKind::Differential, dir + "/diff");
        if (!gate) return tally(m, Outcome::Inconclusive, "replay", "the mutant does not build alone");
        o.extraArgs = {"+vl_trace=" + (box.workDir() / "trace.txt").string(),
                       "+vl_ref=" + (box.workDir() / "ref.txt").string()};
        SimRun r = runDifferential(*gate, box, o);
        if (r.harnessError) return tally(m, Outcome::Inconclusive, "replay", r.evidence);
        if (!r.passed) return tally(m, Outcome::Confirmed, "replay");
        tally(m, Outcome::False, "replay", "the counterexample shows no difference in a fresh build");
    }

    // An equivalent shows no 2-state difference in Verilator's long random runs; Icarus is
    // the cross-check. For the blocking/non-blocking class Icarus is the judge (labeling
    // needed its agreement), for the others an Icarus-only difference is inconclusive.
    void reconfirmEquivalent(const Design& d, const MutantRow& m)
    {
        auto files = applyEdits(d.sources, m.mutant.edits);
        if (!files) return tally(m, Outcome::Inconclusive, "random", "the edits no longer apply");
        const std::string dir = "m-" + contentHash(m.mutant.id);
        const bool blockingClass = m.mutant.bugClass == "blocking-assignment";
        const Seen verilator = verilatorShows(d, *files, dir);
        if (verilator.differs()) return tally(m, Outcome::False, "verilator-random", verilator.difference);
        const Seen icarus = icarusShows(d, *files, dir);
        const bool fourState = icarus.differs() &&
                               nlohmann::json::parse(icarus.difference, nullptr, false).value("four_state", false);
        if (icarus.differs() && !fourState)
            return tally(m, blockingClass ? Outcome::False : Outcome::Inconclusive, "icarus-random",
                         icarus.difference);
        if (!verilator.ran && !(blockingClass && icarus.ran))
            return tally(m, Outcome::Inconclusive, "random", "no random run could be made");
        tally(m, fourState ? Outcome::FourState : Outcome::Confirmed, "random", icarus.difference);
    }

    // ---- HLS ----

    void auditHls(const Design& d, const std::vector<MutantRow>& mutants)
    {
        CsimWorkspace ws(d, work_ / "csim", include());
        std::map<CsimFlavor, std::string> originalOut;
        for (CsimFlavor f : {CsimFlavor::Zero, CsimFlavor::Pattern, CsimFlavor::Sanitize}) {
            auto b = ws.build(d.sources, f, fmt::format("original-{}", csimFlavorName(f)));
            if (!b) continue;
            CsimRun r = runCsim(ws, *b, 0, d.testbench.timeoutSeconds * 4);
            if (r.passed && r.sanitizerReport.empty()) originalOut[f] = r.out;
        }
        if (originalOut.empty()) {
            report_.designsSkipped.push_back(design_ + ": the original passes no C-simulation flavor");
            return;
        }
        std::vector<const MutantRow*> killed, survived;
        for (const auto& m : mutants) {
            if (!m.verdict) continue;
            if (m.verdict->verdict == Verdict::Killed) killed.push_back(&m);
            if (m.verdict->verdict == Verdict::Survived && m.verdict->engine != "hls-rules") survived.push_back(&m);
        }
        for (const MutantRow* m : spread(killed, options_.samplePerDesign)) {
            if (m->verdict->engine == "hls-rules") {
                const auto shows = ruleShows(d, *m);
                tally(*m, !shows ? Outcome::Inconclusive : *shows ? Outcome::Confirmed : Outcome::False,
                      "static-rule");
                continue;
            }
            const Seen seen = hlsShows(d, ws, originalOut, *m);
            tally(*m, !seen.ran ? Outcome::Inconclusive : seen.differs() ? Outcome::Confirmed : Outcome::False,
                  "csim-O0", seen.differs() ? seen.difference : "passes every C-simulation flavor built alone at -O0");
        }
        for (const MutantRow* m : spread(survived, options_.samplePerDesign)) {
            const Seen seen = hlsShows(d, ws, originalOut, *m);
            tally(*m, !seen.ran ? Outcome::Inconclusive : seen.differs() ? Outcome::False : Outcome::Confirmed,
                  "csim-O0", seen.difference);
        }
    }

    std::filesystem::path include() const
    {
        return options_.hlsInclude.empty() ? hls::defaultHlsIncludeDir() : options_.hlsInclude;
    }

    // What each C-simulation flavor the original passes shows for the mutant built alone at
    // -O0. A mutant that does not compile alone shows nothing (`ran` false).
    Seen hlsShows(const Design& d, CsimWorkspace& ws, const std::map<CsimFlavor, std::string>& originalOut,
                  const MutantRow& m)
    {
        auto files = applyEdits(d.sources, m.mutant.edits);
        if (!files) return {};
        for (const auto& [flavor, out] : originalOut) {
            auto b = ws.build(*files, flavor, fmt::format("m-{}-{}", contentHash(m.mutant.id), csimFlavorName(flavor)));
            if (!b) return {};
            CsimRun r = runCsim(ws, *b, 0, d.testbench.timeoutSeconds);
            if (!r.passed || !r.sanitizerReport.empty() || r.out != out)
                return {true, fmt::format("{}: {}", csimFlavorName(flavor),
                                          r.timedOut ? "timed out"
                                          : !r.sanitizerReport.empty() ? oneLine(r.sanitizerReport, 200)
                                          : r.passed ? "output differs"
                                                     : "testbench fails")};
        }
        return {true, {}};
    }

    // Whether the mutated kernel breaks a pragma rule the original meets; nothing when either
    // cannot be analyzed.
    std::optional<bool> ruleShows(const Design& d, const MutantRow& m)
    {
        if (!originalRules_) {
            auto before = hls::analyzeHlsDesign(d, include());
            if (!before) return std::nullopt;
            originalRules_ = checkHlsRules(*before);
        }
        auto files = applyEdits(d.sources, m.mutant.edits);
        if (!files) return std::nullopt;
        Design mutated = d;
        mutated.sources = *files;
        auto after = hls::analyzeHlsDesign(mutated, include());
        if (!after) return std::nullopt;
        return !newViolations(*originalRules_, checkHlsRules(*after)).empty();
    }

    const AuditOptions& options_;
    AuditReport& report_;
    Progress& progress_;
    std::filesystem::path work_;
    std::string design_;
    std::vector<PortInfo> ports_;
    bool haveTb_ = false;
    std::vector<std::filesystem::path> refs_;   // the original's dumps, one per stimulus
    bool icarusTried_ = false;
    std::vector<std::string> icarusDumps_;      // the original's Icarus dumps
    std::optional<std::vector<RuleViolation>> originalRules_;  // HLS: the original's violations
};

}  // namespace

tl::expected<AuditReport, Diagnostic> auditDataset(const AuditOptions& options,
                                                   const std::function<void(const std::string&)>& log)
{
    if (!std::filesystem::exists(options.db))
        return tl::unexpected(makeDiag(DiagCode::DatabaseError, "no such database", options.db.string()));
    auto db = Database::open(options.db);
    if (!db) return tl::unexpected(db.error());
    AuditReport report;
    for (const char* v : {"killed", "nonequivalent", "equivalent", "survived"}) report.byVerdict[v] = {};
    std::vector<DesignRow> designs;
    for (auto& row : db->designs())
        if (row.status == "done" &&
            (options.designs.empty() ||
             std::find(options.designs.begin(), options.designs.end(), row.name) != options.designs.end()))
            designs.push_back(std::move(row));
    Progress progress(options.progress, "designs", designs.size());
    Auditor auditor(options, report, progress);
    for (size_t i = 0; i < designs.size(); ++i) {
        progress.startItem(designs[i].name);
        if (options.progress != ProgressMode::Quiet)
            progress.around([&] { log(fmt::format("[{}/{}] {}", i + 1, designs.size(), designs[i].name)); });
        auditor.design(designs[i], db->mutants(designs[i].id));
        progress.finishItem();
    }
    std::error_code ec;
    std::filesystem::remove_all(options.workDir, ec);
    return report;
}

std::string auditReportText(const AuditReport& report)
{
    std::string out = fmt::format("{:<15}{:>9}{:>11}{:>7}{:>14}{:>12}\n", "verdict", "checked",
                                  "confirmed", "false", "inconclusive", "4-state");
    for (const auto& [v, c] : report.byVerdict)
        out += fmt::format("{:<15}{:>9}{:>11}{:>7}{:>14}{:>12}\n", v, c.checked, c.confirmed,
                           c.falseLabels, c.inconclusive, c.fourStateOnly);
    out += fmt::format("\nfalse labels: {}\n", report.falseTotal());
    for (const auto& f : report.falseLabels)
        out += fmt::format("  FALSE {} ({}, {}): {}: {}\n", f.mutantId, f.design, f.verdict, f.check,
                           oneLine(f.detail, 200));
    for (const auto& f : report.inconclusive)
        out += fmt::format("  inconclusive {} ({}): {}: {}\n", f.mutantId, f.verdict, f.check, oneLine(f.detail, 160));
    for (const auto& s : report.designsSkipped) out += "  design not audited: " + s + "\n";
    return out;
}

std::string auditReportJson(const AuditReport& report)
{
    nlohmann::json j;
    for (const auto& [v, c] : report.byVerdict)
        j["by_verdict"][v] = {{"checked", c.checked}, {"confirmed", c.confirmed},
                              {"false", c.falseLabels}, {"inconclusive", c.inconclusive},
                              {"four_state_only", c.fourStateOnly}};
    auto list = [](const std::vector<AuditFinding>& fs) {
        nlohmann::json a = nlohmann::json::array();
        for (const auto& f : fs)
            a.push_back({{"id", f.mutantId}, {"design", f.design}, {"verdict", f.verdict},
                         {"check", f.check}, {"detail", f.detail}});
        return a;
    };
    j["false_labels"] = list(report.falseLabels);
    j["inconclusive"] = list(report.inconclusive);
    j["designs_not_audited"] = report.designsSkipped;
    j["false_total"] = report.falseTotal();
    return jsonText(j, 2);
}

}  // namespace veriloop
