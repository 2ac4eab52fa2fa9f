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

class Auditor {
public:
    Auditor(const AuditOptions& o, AuditReport& r, const std::function<void(const std::string&)>& log)
        : options_(o), report_(r), log_(log)
    {
    }

    void design(const DesignRow& row, const std::vector<MutantRow>& mutants)
    {
        auto d = loadDesign(row.dir);
        if (!d || d->inputHash() != row.inputHash) {
            report_.designsSkipped.push_back(row.name + ": the design folder changed or is gone since labeling");
            return;
        }
        work_ = options_.workDir / row.name;
        if (d->isRtl()) auditRtl(*d, row, mutants);
        else auditHls(*d, row, mutants);
        std::error_code ec;
        std::filesystem::remove_all(work_, ec);
    }

private:
    void tally(const std::string& verdict, const std::string& design, const MutantRow& m,
               const char* outcome, const std::string& check, const std::string& detail = {})
    {
        AuditCount& c = report_.byVerdict[verdict];
        ++c.checked;
        const std::string o = outcome;
        if (o == "confirmed") ++c.confirmed;
        else if (o == "four-state") ++c.fourStateOnly, ++c.confirmed;
        else if (o == "false") ++c.falseLabels;
        else ++c.inconclusive;
        if (o == "false") report_.falseLabels.push_back({m.mutant.id, design, verdict, check, detail});
        if (o == "inconclusive") report_.inconclusive.push_back({m.mutant.id, design, verdict, check, detail});
    }

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

    std::vector<std::string> stimulus(uint64_t seed, int cycles, int resetEvery) const
    {
        return {fmt::format("+vl_seed={}", seed), fmt::format("+vl_cycles={}", cycles),
                fmt::format("+vl_reset_every={}", resetEvery)};
    }

    // The original's dump for stimulus k (0: the design's own; 1..: long runs).
    std::vector<std::string> stimulusFor(const Design& d, int k) const
    {
        if (k == 0) return stimulus(d.stimulus.seed, d.stimulus.cycles, 0);
        return stimulus(d.stimulus.seed + 7919 * static_cast<uint64_t>(k), kAuditCycles,
                        d.reset ? kAuditResetEvery : 0);
    }

    bool makeReferences(const Design& d, const SimBuild& diff, int count)
    {
        Sandbox sandbox(work_ / "run");
        for (int k = static_cast<int>(refs_.size()); k < count; ++k) {
            SimRunOptions o;
            o.timeoutSeconds = 120;
            o.extraArgs = stimulusFor(d, k);
            const auto path = sandbox.workDir() / fmt::format("ref-{}.txt", k);
            o.extraArgs.push_back("+vl_dump=" + path.string());
            if (!runDifferential(diff, sandbox, o).passed) return false;
            refs_.push_back(path);
        }
        return true;
    }

    // The first differential difference of `diff` against the original over `count` stimuli.
    std::string differs(const Design& d, const SimBuild& diff, int count)
    {
        Sandbox sandbox(work_ / "run");
        for (int k = 0; k < count && k < static_cast<int>(refs_.size()); ++k) {
            SimRunOptions o;
            o.timeoutSeconds = 120;
            o.extraArgs = stimulusFor(d, k);
            o.extraArgs.push_back("+vl_ref=" + refs_[k].string());
            SimRun r = runDifferential(diff, sandbox, o);
            if (!r.passed && !r.harnessError) return r.evidence.empty() ? "differs" : r.evidence;
        }
        return {};
    }

    void auditRtl(const Design& d, const DesignRow& row, const std::vector<MutantRow>& mutants)
    {
        auto analyzed = rtl::analyzeRtlDesign(d, work_ / "frontend");
        if (!analyzed) {
            report_.designsSkipped.push_back(row.name + ": " + analyzed.error().format());
            return;
        }
        ports_.clear();
        refs_.clear();
        for (const auto& p : analyzed->topPorts) ports_.push_back({p.name, p.width, p.dir});
        auto tb = build(d, d.sources, SimKind::Testbench, "original-tb");
        auto diff = ports_.empty() ? std::nullopt : build(d, d.sources, SimKind::Differential, "original-diff");
        const bool haveRefs = diff && makeReferences(d, *diff, 1 + kAuditSeeds);
        std::vector<const MutantRow*> killed, others;
        for (const auto& m : mutants) {
            if (!m.verdict) continue;
            if (m.verdict->verdict == Verdict::Killed) killed.push_back(&m);
            else if (m.verdict->verdict == Verdict::Nonequivalent || m.verdict->verdict == Verdict::Equivalent)
                others.push_back(&m);
        }
        for (const MutantRow* m : spread(killed, options_.samplePerDesign)) rekill(d, row, *m, tb.has_value(), haveRefs);
        for (const MutantRow* m : others) {
            if (m->verdict->verdict == Verdict::Nonequivalent) replay(d, row, *m, diff);
            else reconfirmEquivalent(d, row, *m, haveRefs);
        }
    }

    void rekill(const Design& d, const DesignRow& row, const MutantRow& m, bool haveTb, bool haveRefs)
    {
        auto files = applyEdits(d.sources, m.mutant.edits);
        const bool icarusLabel = m.verdict->engine.find("icarus") != std::string::npos;
        if (!files) return tally("killed", row.name, m, "inconclusive", "rebuild", "the edits no longer apply");
        const std::string dir = "m-" + contentHash(m.mutant.id);
        if (icarusLabel) {
            // Labeled with Icarus' agreement: Icarus must fail it again.
            auto ib = buildIcarus(d, *files, SimKind::Testbench, {}, work_ / dir / "icarus");
            if (ib) {
                SimRun r = runIcarusTestbench(d, *ib, Sandbox(work_ / "run"), 120);
                if (!r.passed) return tally("killed", row.name, m, "confirmed", "icarus-testbench");
            }
        }
        if (haveTb) {
            if (auto tb = build(d, *files, SimKind::Testbench, dir + "/tb")) {
                SimRunOptions o;
                o.timeoutSeconds = d.testbench.timeoutSeconds;
                if (!runTestbench(d, *tb, Sandbox(work_ / "run"), o).passed)
                    return tally("killed", row.name, m, "confirmed", "testbench");
            } else if (!icarusLabel) {
                return tally("killed", row.name, m, "inconclusive", "rebuild", "the mutant no longer builds alone");
            }
        }
        if (haveRefs)
            if (auto diff = build(d, *files, SimKind::Differential, dir + "/diff"))
                if (!differs(d, *diff, 1 + kAuditSeeds).empty())
                    return tally("killed", row.name, m, "confirmed", "differential");
        if (icarusLabel && icarusShows(d, *files, dir).first)
            return tally("killed", row.name, m, "confirmed", "icarus-differential");
        tally("killed", row.name, m, "false", "rekill",
              "the mutant built alone passes the testbench and every random run");
    }

    void replay(const Design& d, const DesignRow& row, const MutantRow& m, const std::optional<SimBuild>& diff)
    {
        auto ev = nlohmann::json::parse(m.verdict->evidence, nullptr, false);
        auto files = applyEdits(d.sources, m.mutant.edits);
        if (!diff || !files || !ev.is_object() || !ev.contains("trace"))
            return tally("nonequivalent", row.name, m, "inconclusive", "replay", "no trace or no harness");
        std::string text;
        for (const auto& step : ev["trace"]) {
            for (const auto& [name, value] : step.items()) text += name + "=" + value.get<std::string>() + " ";
            text += "\n";
        }
        const std::string dir = "m-" + contentHash(m.mutant.id);
        Sandbox sandbox(work_ / dir / "replay");
        writeFile(sandbox.workDir() / "trace.txt", text);
        SimRunOptions o;
        o.timeoutSeconds = 60;
        o.extraArgs = {"+vl_trace=" + (sandbox.workDir() / "trace.txt").string(),
                       "+vl_dump=" + (sandbox.workDir() / "ref.txt").string()};
        if (!runDifferential(*diff, sandbox, o).passed)
            return tally("nonequivalent", row.name, m, "inconclusive", "replay", "the original does not run the trace");
        auto gate = build(d, *files, SimKind::Differential, dir + "/diff");
        if (!gate) return tally("nonequivalent", row.name, m, "inconclusive", "replay", "the mutant does not build alone");
        o.extraArgs = {"+vl_trace=" + (sandbox.workDir() / "trace.txt").string(),
                       "+vl_ref=" + (sandbox.workDir() / "ref.txt").string()};
        SimRun r = runDifferential(*gate, sandbox, o);
        if (!r.passed && !r.harnessError) return tally("nonequivalent", row.name, m, "confirmed", "replay");
        tally("nonequivalent", row.name, m, "false", "replay", "the counterexample shows no difference in a fresh build");
    }

    // Icarus differential of the mutant against the original: (differs in 2-state, detail)
    // or a 4-state-only difference (first false, detail non-empty).
    std::pair<bool, std::string> icarusShows(const Design& d, const std::vector<SourceFile>& files,
                                             const std::string& dir)
    {
        if (!icarusAvailable() || ports_.empty()) return {false, {}};
        auto orig = buildIcarus(d, d.sources, SimKind::Differential, ports_, work_ / "icarus-original");
        auto mut = buildIcarus(d, files, SimKind::Differential, ports_, work_ / dir / "icarus-diff");
        if (!orig || !mut) return {false, {}};
        Sandbox sandbox(work_ / "run");
        for (int k = 0; k < kIcarusSeeds; ++k) {
            RandomStimulus s{d.stimulus.seed + 31 * static_cast<uint64_t>(k + 1), kIcarusCycles,
                             d.reset ? kAuditResetEvery : 0};
            auto a = runIcarusDifferential(*orig, sandbox, s, 120, nullptr);
            auto b = runIcarusDifferential(*mut, sandbox, s, 120, nullptr);
            if (!a || !b) continue;
            const std::string diff = firstDumpDifference(*a, *b, ports_);
            if (diff.empty()) continue;
            const bool fourState = nlohmann::json::parse(diff, nullptr, false).value("four_state", false);
            return {!fourState, diff};
        }
        return {false, {}};
    }

    void reconfirmEquivalent(const Design& d, const DesignRow& row, const MutantRow& m, bool haveRefs)
    {
        auto files = applyEdits(d.sources, m.mutant.edits);
        if (!files || !haveRefs)
            return tally("equivalent", row.name, m, "inconclusive", "random", "no differential harness");
        const std::string dir = "m-" + contentHash(m.mutant.id);
        const bool blockingClass = m.mutant.bugClass == "blocking-assignment";
        auto diff = build(d, *files, SimKind::Differential, dir + "/diff");
        if (diff) {
            if (auto why = differs(d, *diff, 1 + kAuditSeeds); !why.empty())
                return tally("equivalent", row.name, m, "false", "verilator-random", why);
        } else if (!blockingClass) {
            return tally("equivalent", row.name, m, "inconclusive", "random", "the mutant does not build alone");
        }
        auto [differs2State, detail] = icarusShows(d, *files, dir);
        if (differs2State && blockingClass)
            return tally("equivalent", row.name, m, "false", "icarus-random", detail);
        if (differs2State)
            return tally("equivalent", row.name, m, "inconclusive", "icarus-random",
                         "only Icarus shows a difference: " + detail);
        tally("equivalent", row.name, m, detail.empty() ? "confirmed" : "four-state", "random", detail);
    }

    // ---- HLS ----

    void auditHls(const Design& d, const DesignRow& row, const std::vector<MutantRow>& mutants)
    {
        const auto include = options_.hlsInclude.empty() ? hls::defaultHlsIncludeDir() : options_.hlsInclude;
        CsimWorkspace ws(d, work_ / "csim", include);
        std::map<CsimFlavor, std::string> originalOut;
        for (CsimFlavor f : {CsimFlavor::Zero, CsimFlavor::Pattern, CsimFlavor::Sanitize}) {
            auto b = ws.build(d.sources, f, fmt::format("original-{}", csimFlavorName(f)));
            if (!b) continue;
            CsimRun r = runCsim(ws, *b, 0, d.testbench.timeoutSeconds * 4);
            if (r.passed && r.sanitizerReport.empty()) originalOut[f] = r.out;
        }
        std::vector<const MutantRow*> killed, survived;
        for (const auto& m : mutants) {
            if (!m.verdict) continue;
            if (m.verdict->verdict == Verdict::Killed) killed.push_back(&m);
            if (m.verdict->verdict == Verdict::Survived) survived.push_back(&m);
        }
        auto check = [&](const MutantRow& m) { return hlsShows(d, ws, originalOut, m); };
        for (const MutantRow* m : spread(killed, options_.samplePerDesign)) {
            if (m->verdict->engine == "hls-rules") {
                tally("killed", row.name, *m, ruleShows(d, *m) ? "confirmed" : "false", "static-rule");
                continue;
            }
            const std::string seen = check(*m);
            tally("killed", row.name, *m, seen.empty() ? "false" : "confirmed", "csim-O0",
                  seen.empty() ? "passes every C-simulation flavor built alone at -O0" : "");
        }
        for (const MutantRow* m : spread(survived, options_.samplePerDesign)) {
            if (m->verdict->engine == "hls-rules" || m->verdict->evidenceKind == "compiler") continue;
            const std::string seen = check(*m);
            tally("survived", row.name, *m, seen.empty() ? "confirmed" : "false", "csim-O0", seen);
        }
    }

    // What a C-simulation flavor at -O0 shows for the mutant alone; empty when nothing.
    std::string hlsShows(const Design& d, CsimWorkspace& ws, const std::map<CsimFlavor, std::string>& originalOut,
                         const MutantRow& m)
    {
        auto files = applyEdits(d.sources, m.mutant.edits);
        if (!files) return {};
        for (const auto& [flavor, out] : originalOut) {
            const auto name = fmt::format("m-{}-{}", contentHash(m.mutant.id), csimFlavorName(flavor));
            auto b = ws.build(*files, flavor, name);
            if (!b) return "does not compile";
            CsimRun r = runCsim(ws, *b, 0, d.testbench.timeoutSeconds);
            if (!r.passed || !r.sanitizerReport.empty() || r.out != out)
                return fmt::format("{}: {}", csimFlavorName(flavor),
                                   r.timedOut ? "timed out"
                                   : !r.sanitizerReport.empty() ? oneLine(r.sanitizerReport, 200)
                                   : r.passed ? "output differs"
                                              : "testbench fails");
        }
        return {};
    }

    bool ruleShows(const Design& d, const MutantRow& m)
    {
        const auto include = options_.hlsInclude.empty() ? hls::defaultHlsIncludeDir() : options_.hlsInclude;
        auto files = applyEdits(d.sources, m.mutant.edits);
        auto before = hls::analyzeHlsDesign(d, include);
        if (!files || !before) return false;
        Design mutated = d;
        mutated.sources = *files;
        auto after = hls::analyzeHlsDesign(mutated, include);
        return after && !newViolations(checkHlsRules(*before), checkHlsRules(*after)).empty();
    }

    const AuditOptions& options_;
    AuditReport& report_;
    const std::function<void(const std::string&)>& log_;
    std::filesystem::path work_;
    std::vector<PortInfo> ports_;
    std::vector<std::filesystem::path> refs_;
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
    Auditor auditor(options, report, log);
    const auto designs = db->designs();
    for (size_t i = 0; i < designs.size(); ++i) {
        const auto& row = designs[i];
        if (row.status != "done") continue;
        if (!options.designs.empty() &&
            std::find(options.designs.begin(), options.designs.end(), row.name) == options.designs.end())
            continue;
        log(fmt::format("[{}/{}] {}", i + 1, designs.size(), row.name));
        auditor.design(row, db->mutants(row.id));
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
    return j.dump(2);
}

}  // namespace veriloop
