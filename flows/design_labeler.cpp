// Why the labels are right:
// - The schema is faithful by construction: a plain build of the original runs first, and every
//   schema group must reproduce it with selector 0 (the same testbench output and the same
//   differential trace); a group that does not is split in halves until each part does, down
//   to single mutants built alone. No design is rejected because of the schema.
// - `killed`: a run that passes with the original fails with the mutant. Blocking/non-blocking
//   mutants, whose meaning depends on scheduling, are built alone and need Verilator and Icarus
//   (event-driven, LRM scheduling) to agree; where they disagree the mutant is `survived` with
//   both outcomes (`simulator-dependent`), and a construct Verilator reports as unsupported is
//   decided by Icarus alone.
// - `nonequivalent`: Yosys found a counterexample and replaying its input trace in Verilator
//   shows an output difference.
// - `equivalent`: Yosys proved it (no X masking), the design's canary (a killed mutant) was
//   disproved by the same formal setup, and a long seeded random differential simulation
//   (4 seeds x 10,000 cycles with reset re-asserted) finds no difference.
// Everything else is `survived`, `timeout` or `invalid`. Terminates: every build and run has
// a time limit, and group splitting halves the set each step.

#include "flows/design_labeler.h"

#include <atomic>
#include <chrono>
#include <deque>
#include <algorithm>
#include <map>
#include <thread>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "core/interrupt.h"
#include "core/json_text.h"
#include "core/text.h"
#include "equivalence/icarus_sim.h"
#include "equivalence/schema.h"

namespace veriloop {

void parallelFor(size_t n, int jobs, const std::function<void(size_t)>& fn)
{
    std::atomic<size_t> next{0};
    std::mutex failedMutex;
    std::exception_ptr failed;
    auto worker = [&] {
        for (size_t i = next++; i < n && !interruptRequested(); i = next++) {
            try {
                fn(i);
            } catch (...) {
                std::lock_guard<std::mutex> lock(failedMutex);
                if (!failed) failed = std::current_exception();
                next = n;
            }
        }
    };
    std::vector<std::thread> threads;
    for (int t = 1; t < std::max(1, jobs); ++t) threads.emplace_back(worker);
    worker();
    for (auto& th : threads) th.join();
    if (failed) std::rethrow_exception(failed);
}

namespace {

constexpr int kConfirmSeeds = 4;
constexpr int kConfirmCycles = 10000;
constexpr int kConfirmResetEvery = 997;  // prime: reset returns at every phase of a counter

// A faithful schema build: testbench and (when the design has ports) differential binaries.
struct Group {
    SimBuild tb;
    std::optional<SimBuild> diff;
};

// One try at a schema group: the group when it builds and is faithful; otherwise where the
// testbench build's errors point, or that it changed the original's behaviour.
struct GroupAttempt {
    std::optional<Group> group;
    SchemaResult schema;
    std::vector<ErrorLocation> errors;
    bool unfaithful = false;
};

// A mutant built on its own: it did not fit a faithful group, or its meaning depends on
// scheduling. `tb` is empty when Verilator reports the mutant's construct as unsupported.
struct StandaloneBuild {
    const Mutant* mutant = nullptr;
    std::optional<SimBuild> tb;
    std::optional<SimBuild> diff;
    std::string unsupported;  // Verilator's message when tb is empty
};

// One mutant and the binaries that run it, with the selector that picks it there.
struct Candidate {
    const Mutant* mutant = nullptr;
    const SimBuild* tb = nullptr;  // null: Verilator cannot build it (see `alone`)
    int tbSelector = 0;
    const SimBuild* diff = nullptr;
    int diffSelector = 0;
    const StandaloneBuild* alone = nullptr;
    bool scheduleSensitive = false;
};

// What Icarus saw of one mutant: which checks ran and the first difference (empty: none).
struct IcarusVerdict {
    bool testbenchRan = false;
    bool differentialRan = false;
    std::string difference;  // evidence JSON
    bool ran() const { return testbenchRan || differentialRan; }
};

// A blocking/non-blocking change can reorder evaluation: its label needs an event-driven
// simulator's agreement.
bool scheduleSensitive(const Mutant& m) { return m.bugClass == "blocking-assignment"; }

// A testbench's output with the build folder's paths taken out, so two builds compare.
std::string normalizedOutput(const SimRun& run, const SimBuild& build)
{
    std::string out = run.output;
    const std::string prefix = (build.dir / "src").string() + "/";
    for (size_t at; (at = out.find(prefix)) != std::string::npos;) out.erase(at, prefix.size());
    return out;
}

nlohmann::json evidenceJson(const std::string& text) { return nlohmann::json::parse(text, nullptr, false); }

class Labeler {
public:
    Labeler(const DesignContext& ctx, const LabelOptions& options, const VerdictSink& sink,
            const ProgressSink& progress)
        : ctx_(ctx), d_(*ctx.design), options_(options), sink_(sink), progress_(progress),
          sandbox_(options.workDir / "run", {options.workDir})
    {
    }

    LabelOutcome run(const std::vector<Mutant>& pending)
    {
        std::vector<const Mutant*> schemable, sensitive;
        for (const auto& m : pending) (scheduleSensitive(m) ? sensitive : schemable).push_back(&m);
        if (progress_) progress_("build original", 0, pending.size());
        if (auto problem = prepareOriginal()) return fail(std::move(*problem));
        if (progress_) progress_("build schema", 0, pending.size());
        place(schemable, false);
        place(sensitive, true);  // groups of their own: they may change the scheduling
        if (interruptRequested()) return interrupted();
        std::vector<Candidate> candidates;
        for (const auto& g : groups_)
            for (const auto& [m, sel] : g.members)
                candidates.push_back({m, &g.build->tb, sel, g.build->diff ? &*g.build->diff : nullptr,
                                      sel, nullptr, g.sensitive});
        for (const auto& alone : standalone_)
            candidates.push_back({alone.mutant, alone.tb ? &*alone.tb : nullptr, 0,
                                  alone.diff ? &*alone.diff : nullptr, 0, &alone,
                                  scheduleSensitive(*alone.mutant)});
        if (unfaithfulGroups_)
            outcome_.warnings.push_back(fmt::format(
                "{} schema group(s) changed the original's behaviour and were split; {} schema "
                "builds, {} mutants built alone",
                unfaithfulGroups_, groups_.size(), standalone_.size()));
        simulate(candidates);
        if (interruptRequested()) return interrupted();
        if (!sensitive.empty() && !icarusProblem().empty())
            outcome_.warnings.push_back("Icarus cannot judge this design, so its blocking/non-"
                                        "blocking mutants stay `survived`: " + oneLine(icarusProblem(), 300));
        if (auto problem = harnessProblem()) return fail(std::move(*problem));
        formalForSurvivors(candidates);
        if (auto problem = harnessProblem()) return fail(std::move(*problem));
        if (interruptRequested()) return interrupted();
        outcome_.ok = true;
        return outcome_;
    }

private:
    LabelOutcome fail(Diagnostic d)
    {
        outcome_.ok = false;
        outcome_.problem = std::move(d);
        return outcome_;
    }

    // The verdicts emitted so far are kept; the rest stay pending for the next run.
    LabelOutcome interrupted()
    {
        return fail(makeDiag(DiagCode::Interrupted, "interrupted", d_.dir.string()));
    }

    void emit(const Mutant& m, VerdictRecord v, const std::string& vcd = {})
    {
        std::lock_guard<std::mutex> lock(sinkMutex_);
        sink_(m, v, vcd);
    }

    // A harness that could not read its reference or write its dump fails the whole design:
    // its runs decided nothing.
    void harnessFailed(const std::string& evidence)
    {
        std::lock_guard<std::mutex> lock(sinkMutex_);
        harnessFailure_ = evidence;
    }

    std::optional<Diagnostic> harnessProblem()
    {
        std::lock_guard<std::mutex> lock(sinkMutex_);
        if (harnessFailure_.empty()) return std::nullopt;
        return makeDiag(DiagCode::FormalSetupError, "the differential harness failed: " + harnessFailure_,
                        (d_.dir / "design.toml").string());
    }

    SimBuildOptions buildOptions() const
    {
        SimBuildOptions bo;
        bo.jobs = options_.jobs;
        bo.runtimeCache = options_.runtimeCache;
        return bo;
    }

    RandomStimulus mainStimulus() const { return {d_.stimulus.seed, d_.stimulus.cycles, 0}; }

    RandomStimulus confirmStimulus(int k) const
    {
        return {d_.stimulus.seed + 1000 * static_cast<uint64_t>(k + 1),
                std::max(kConfirmCycles, d_.stimulus.cycles), d_.reset ? kConfirmResetEvery : 0};
    }

    double longRunTimeout() const { return std::max(30.0, 4 * d_.testbench.timeoutSeconds); }

    // A differential run of `build` (selector `sel`) against the reference `ref`.
    SimRun compareRun(const SimBuild& build, int sel, const RandomStimulus& s,
                      const std::filesystem::path& ref, double timeout)
    {
        SimRunOptions o;
        o.selector = sel;
        o.timeoutSeconds = timeout;
        o.extraArgs = stimulusArgs(s);
        o.extraArgs.push_back("+vl_ref=" + ref.string());
        SimRun r = runDifferential(build, sandbox_, o);
        if (r.harnessError) harnessFailed(r.evidence);
        return r;
    }

    // Writes the original's differential dump for `s` into the sandbox; false on failure.
    bool dumpReference(const RandomStimulus& s, const std::filesystem::path& path, std::string& why)
    {
        SimRunOptions o;
        o.timeoutSeconds = longRunTimeout();
        o.extraArgs = stimulusArgs(s);
        o.extraArgs.push_back("+vl_dump=" + path.string());
        SimRun r = runDifferential(*origDiff_, sandbox_, o);
        if (r.passed) return true;
        why = r.evidence;
        if (r.harnessError) harnessFailed(r.evidence);
        return false;
    }

    // The plain original: its testbench must pass; its differential dumps are the references.
    std::optional<Diagnostic> prepareOriginal()
    {
        auto tb = buildSimulation(d_, d_.sources, SimKind::Testbench, {}, options_.workDir / "original-tb",
                                  buildOptions());
        if (!tb) return tb.error();
        SimRunOptions o;
        o.timeoutSeconds = d_.testbench.timeoutSeconds;
        SimRun r = runTestbench(d_, *tb, sandbox_, o);
        if (!r.passed) {
            // A sentence for the person, the whole output in a file the message names.
            const auto log = options_.workDir / "original-tb" / "testbench-output.txt";
            writeFile(log, r.output);
            const auto ev = nlohmann::json::parse(r.evidence, nullptr, false);
            const std::string failure = ev.is_object() ? ev.value("failure", std::string{}) : std::string{};
            std::string how = ev.is_object() && ev.contains("signal")
                                  ? fmt::format("killed by signal {}", ev["signal"].get<int>())
                                  : fmt::format("exit code {}", ev.is_object() ? ev.value("exit_code", -1) : -1);
            return makeDiag(r.timedOut ? DiagCode::TestbenchTimeout : DiagCode::TestbenchFailsOriginal,
                            r.timedOut ? fmt::format("the testbench did not finish within {} s on the "
                                                     "original design (output: {})",
                                                     d_.testbench.timeoutSeconds, log.string())
                                       : fmt::format("the testbench fails on the original design ({}{}{}); "
                                                     "its output: {}",
                                                     how, failure.empty() ? "" : ": ",
                                                     oneLine(failure, 160), log.string()),
                            (d_.dir / "design.toml").string());
        }
        originalTbOutput_ = normalizedOutput(r, *tb);
        if (ctx_.ports.empty()) return std::nullopt;
        auto diff = buildSimulation(d_, d_.sources, SimKind::Differential, ctx_.ports,
                                    options_.workDir / "original-diff", buildOptions());
        if (!diff) {
            outcome_.warnings.push_back("no differential harness: " + diff.error().format());
            return std::nullopt;
        }
        origDiff_ = *diff;
        std::string why;
        mainRef_ = sandbox_.workDir() / "ref-main.txt";
        if (!dumpReference(mainStimulus(), mainRef_, why)) {
            if (auto problem = harnessProblem()) return problem;
            outcome_.warnings.push_back("the differential harness fails on the original; random "
                                        "stimulus and equivalence confirmation are off: " + why);
            origDiff_.reset();
            return std::nullopt;
        }
        for (int k = 0; k < kConfirmSeeds; ++k) {
            const auto path = sandbox_.workDir() / fmt::format("ref-confirm-{}.txt", k);
            if (!dumpReference(confirmStimulus(k), path, why)) {
                if (auto problem = harnessProblem()) return problem;
                outcome_.warnings.push_back("the long random run fails on the original; no "
                                            "`equivalent` labels: " + why);
                confirmRefs_.clear();
                break;
            }
            confirmRefs_.push_back(path);
        }
        return std::nullopt;
    }

    // Places `set` into faithful schema groups; what fits none is built alone. A failed build
    // gives up the mutants its errors point at (schemaCulprits), an unfaithful one is halved;
    // scheduling-sensitive mutants that reorder a schema do so in most subsets, so they go
    // straight to builds of their own.
    void place(const std::vector<const Mutant*>& set, bool sensitive)
    {
        if (set.empty()) return;
        GroupAttempt a = tryGroup(set);
        if (a.group) {
            auto& placed = groups_.emplace_back(
                PlacedGroup{std::make_unique<Group>(std::move(*a.group)), {}, sensitive});
            for (size_t i = 0; i < set.size(); ++i) {
                if (a.schema.selector[i] != 0) placed.members.push_back({set[i], a.schema.selector[i]});
                else buildAlone(*set[i], sensitive);  // its range crosses another mutant's
            }
            return;
        }
        const auto culprits = schemaCulprits(a.schema, set, d_.sources, a.errors);
        if (set.size() == 1 || (sensitive && a.unfaithful)) {
            for (const Mutant* m : set) buildAlone(*m, sensitive);
            return;
        }
        if (!culprits.empty() && culprits.size() < set.size()) {
            std::vector<const Mutant*> rest;
            for (size_t i = 0; i < set.size(); ++i) {
                if (std::find(culprits.begin(), culprits.end(), i) != culprits.end()) buildAlone(*set[i], sensitive);
                else rest.push_back(set[i]);
            }
            place(rest, sensitive);
            return;
        }
        const size_t half = set.size() / 2;
        place({set.begin(), set.begin() + half}, sensitive);
        place({set.begin() + half, set.end()}, sensitive);
    }

    // One schema build of `set`, kept only when selector 0 reproduces the plain original.
    GroupAttempt tryGroup(const std::vector<const Mutant*>& set)
    {
        GroupAttempt a;
        a.schema = buildMutantSchema(d_.sources, ctx_.selectorSites, set);
        const auto dir = options_.workDir / fmt::format("group-{}", groupBuilds_++);
        auto tb = buildSimulation(d_, a.schema.files, SimKind::Testbench, {}, dir / "tb", buildOptions());
        if (!tb) {
            a.errors = verilatorErrorLocations(dir / "tb");
            return a;
        }
        SimRunOptions o;
        o.timeoutSeconds = d_.testbench.timeoutSeconds;
        SimRun r = runTestbench(d_, *tb, sandbox_, o);
        a.unfaithful = !r.passed || normalizedOutput(r, *tb) != originalTbOutput_;
        if (a.unfaithful) {
            ++unfaithfulGroups_;
            return a;
        }
        Group g{*tb, std::nullopt};
        if (origDiff_) {
            auto diff = buildSimulation(d_, a.schema.files, SimKind::Differential, ctx_.ports,
                                        dir / "diff", buildOptions());
            if (!diff) {
                a.errors = verilatorErrorLocations(dir / "diff");
                return a;
            }
            a.unfaithful = !compareRun(*diff, 0, mainStimulus(), mainRef_, d_.testbench.timeoutSeconds).passed;
            if (a.unfaithful) {
                ++unfaithfulGroups_;
                return a;
            }
            g.diff = *diff;
        }
        a.group = std::move(g);
        return a;
    }

    // The mutant on its own: `invalid` only when it does not build without the schema either
    // (for a scheduling-sensitive mutant, a construct Verilator calls unsupported is left to
    // Icarus). Scheduling-sensitive mutants get Icarus' differential instead of Verilator's.
    void buildAlone(const Mutant& m, bool sensitive)
    {
        auto sources = applyEdits(d_.sources, m.edits);
        const auto dir = options_.workDir / "alone" / contentHash(m.id);
        auto tb = sources ? buildSimulation(d_, *sources, SimKind::Testbench, {}, dir / "tb", buildOptions())
                          : tl::expected<SimBuild, Diagnostic>(tl::unexpected(sources.error()));
        StandaloneBuild alone{&m, std::nullopt, std::nullopt, {}};
        if (!tb) {
            const std::string& msg = tb.error().message;
            const bool unsupported = msg.find("Unsupported") != std::string::npos ||
                                     msg.find("BLKANDNBLK") != std::string::npos;
            if (!sensitive || !sources || !unsupported) {
                VerdictRecord v;
                v.verdict = Verdict::Invalid;
                v.engine = "verilator";
                v.evidenceKind = "compiler";
                v.evidence = jsonText(nlohmann::json{{"check", "build"}, {"message", msg}});
                emit(m, v);
                return;
            }
            alone.unsupported = msg;
        } else {
            alone.tb = *tb;
            if (origDiff_ && !sensitive)
                if (auto diff = buildSimulation(d_, *sources, SimKind::Differential, ctx_.ports,
                                                dir / "diff", buildOptions()))
                    alone.diff = *diff;
        }
        standalone_.push_back(std::move(alone));
    }

    // The testbench run, then (if it passes and random stimulus is on) the differential run.
    // A harness error decides nothing (the design fails as a whole), so it reads as a pass.
    std::pair<SimRun, const char*> check(const Candidate& c)
    {
        SimRunOptions o;
        o.selector = c.tbSelector;
        o.timeoutSeconds = d_.testbench.timeoutSeconds;
        SimRun r = runTestbench(d_, *c.tb, sandbox_, o);
        if (!r.passed || !d_.stimulus.random || mainRef_.empty() || !origDiff_ || !c.diff)
            return {r, "testbench"};
        SimRun dr = compareRun(*c.diff, c.diffSelector, mainStimulus(), mainRef_, d_.testbench.timeoutSeconds);
        if (dr.harnessError) dr.passed = true;
        return {dr, "differential"};
    }

    void record(size_t i, const Candidate& c, const SimRun& r, const char* kind, const char* engine)
    {
        if (r.passed) {
            survivors_[i] = true;
            return;
        }
        VerdictRecord v;
        v.verdict = r.timedOut ? Verdict::Timeout : Verdict::Killed;
        v.engine = engine;
        v.evidenceKind = kind;
        v.evidence = r.evidence;
        v.seconds = r.seconds;
        emit(*c.mutant, v);
        killed_[i] = v.verdict == Verdict::Killed;
    }

    void simulate(const std::vector<Candidate>& set)
    {
        std::atomic<size_t> done{0};
        survivors_.assign(set.size(), 0);
        killed_.assign(set.size(), 0);
        parallelFor(set.size(), options_.jobs, [&](size_t i) {
            if (set[i].scheduleSensitive) {
                labelScheduleSensitive(i, set[i]);
            } else {
                auto [r, kind] = check(set[i]);
                record(i, set[i], r, kind, set[i].alone ? "verilator-alone" : "verilator");
            }
            if (progress_) progress_("simulate", ++done, set.size());
        });
    }

    // --- Icarus: the event-driven second opinion for scheduling-sensitive mutants -----------

    // Builds and checks the original in Icarus once; empty when Icarus can judge this design
    // (its testbench passes there, or the Icarus differential testbench runs on it).
    std::string icarusProblem()
    {
        std::call_once(icarusOnce_, [&] {
            const auto dir = options_.workDir / "icarus-original";
            std::string tbProblem, diffProblem = "the design has no ports";
            auto tb = buildIcarus(d_, d_.sources, SimKind::Testbench, {}, dir / "tb");
            if (tb) {
                SimRun r = runIcarusTestbench(d_, *tb, sandbox_, longRunTimeout());
                if (r.passed) icarusTestbench_ = true;
                else tbProblem = "the original fails its testbench in Icarus: " + r.evidence;
            } else {
                tbProblem = tb.error().message;
            }
            if (!ctx_.ports.empty()) {
                auto diff = buildIcarus(d_, d_.sources, SimKind::Differential, ctx_.ports, dir / "diff");
                if (!diff) diffProblem = diff.error().message;
                for (int k = 0; diff && k < kConfirmSeeds; ++k) {
                    IcarusDiffRun run = runIcarusDifferential(*diff, sandbox_, confirmStimulus(k), longRunTimeout());
                    if (!run.dump) {
                        diffProblem = "the original fails the Icarus differential run: " + run.failure;
                        icarusDumps_.clear();
                        break;
                    }
                    icarusDumps_.push_back(*run.dump);
                }
            }
            if (!icarusTestbench_ && icarusDumps_.empty())
                icarusProblem_ = "testbench: " + tbProblem + "; differential: " + diffProblem;
        });
        return icarusProblem_;
    }

    // The mutant in Icarus, computed once: the testbench, then the random differential
    // against the original over the confirmation stimuli.
    IcarusVerdict icarusVerdictOf(const Mutant& m)
    {
        {
            std::lock_guard<std::mutex> lock(icarusMutex_);
            if (auto it = icarusVerdicts_.find(&m); it != icarusVerdicts_.end()) return it->second;
        }
        IcarusVerdict v = runIcarus(m);
        std::lock_guard<std::mutex> lock(icarusMutex_);
        return icarusVerdicts_.emplace(&m, v).first->second;
    }

    IcarusVerdict runIcarus(const Mutant& m)
    {
        IcarusVerdict v;
        auto sources = applyEdits(d_.sources, m.edits);
        if (!sources || !icarusProblem().empty()) return v;
        const auto dir = options_.workDir / "icarus" / contentHash(m.id);
        if (icarusTestbench_)
            if (auto tb = buildIcarus(d_, *sources, SimKind::Testbench, {}, dir / "tb")) {
                v.testbenchRan = true;
                SimRun r = runIcarusTestbench(d_, *tb, sandbox_, longRunTimeout());
                if (!r.passed) {
                    v.difference = r.evidence;
                    return v;
                }
            }
        if (icarusDumps_.empty()) return v;
        auto diff = buildIcarus(d_, *sources, SimKind::Differential, ctx_.ports, dir / "diff");
        if (!diff) return v;
        for (int k = 0; k < kConfirmSeeds; ++k) {
            IcarusDiffRun run = runIcarusDifferential(*diff, sandbox_, confirmStimulus(k), longRunTimeout());
            if (run.harnessError) {
                harnessFailed(run.failure);
                return v;
            }
            v.differentialRan = true;
            v.difference = run.dump ? firstDumpDifference(icarusDumps_[k], *run.dump)
                                    : jsonText(nlohmann::json{{"check", "differential"}, {"simulator", "icarus"},
                                                     {"failure", run.failure}});
            if (!v.difference.empty()) return v;
        }
        return v;
    }

    void labelScheduleSensitive(size_t i, const Candidate& c)
    {
        std::optional<std::pair<SimRun, const char*>> verilator;
        if (c.tb) verilator = check(c);
        const IcarusVerdict icarus = icarusVerdictOf(*c.mutant);
        const bool vKill = verilator && !verilator->first.passed;
        const bool iKill = !icarus.difference.empty();
        nlohmann::json both;
        both["verilator"] = !c.tb  ? nlohmann::json("unsupported: " + c.alone->unsupported)
                            : vKill ? evidenceJson(verilator->first.evidence)
                                    : nlohmann::json("passes");
        if (!icarus.ran())
            both["icarus"] = "did not run: " + (icarusProblem().empty() ? std::string("it does not build the mutant")
                                                                        : oneLine(icarusProblem(), 300));
        else
            both["icarus"] = iKill ? evidenceJson(icarus.difference) : nlohmann::json("passes");
        if (!iKill && !vKill && icarus.ran()) {
            survivors_[i] = true;  // both see no difference: formal decides, with care
            return;
        }
        VerdictRecord v;
        v.engine = c.tb ? "verilator+icarus" : "icarus";
        v.evidence = jsonText(both);
        if (iKill && (vKill || !c.tb)) {
            v.verdict = Verdict::Killed;
            v.evidenceKind = vKill ? verilator->second : "testbench";
            killed_[i] = true;
        } else {
            v.verdict = Verdict::Survived;
            v.evidenceKind = "simulator-dependent";
            both["note"] = icarus.ran() ? "Verilator and Icarus disagree; a blocking/non-blocking "
                                          "label needs both"
                                        : "a blocking/non-blocking label needs an event-driven "
                                          "simulator (Icarus) to agree";
            v.evidence = jsonText(both);
        }
        emit(*c.mutant, v);
    }

    // --- formal, for survivors of simulation ------------------------------------------------

    // Replays a counterexample in Verilator: the plain original and the mutant get the same
    // input trace; returns the mismatch.
    std::string replay(const Candidate& c, const std::vector<TraceStep>& trace,
                       const std::filesystem::path& dir)
    {
        if (!origDiff_ || !c.diff) return {};
        writeFile(dir / "cex_trace.txt", harnessTraceText(trace));
        Sandbox sandbox(dir);
        SimRunOptions o;
        o.timeoutSeconds = d_.testbench.timeoutSeconds;
        o.extraArgs = {"+vl_trace=" + (dir / "cex_trace.txt").string(),
                       "+vl_dump=" + (dir / "cex_ref.txt").string()};
        if (!runDifferential(*origDiff_, sandbox, o).passed) return {};
        o.selector = c.diffSelector;
        o.extraArgs = {"+vl_trace=" + (dir / "cex_trace.txt").string(),
                       "+vl_ref=" + (dir / "cex_ref.txt").string()};
        SimRun r = runDifferential(*c.diff, sandbox, o);
        if (r.harnessError) harnessFailed(r.evidence);
        return r.passed || r.harnessError ? std::string{} : r.evidence;
    }

    FormalResult formalCheck(const Mutant& m, const std::filesystem::path& dir)
    {
        auto gate = applyEdits(d_.sources, m.edits);
        if (!gate) {
            FormalResult r;
            r.message = gate.error().format();
            return r;
        }
        return formal_->check(*gate, dir);
    }

    void formalForSurvivors(const std::vector<Candidate>& set)
    {
        std::vector<size_t> todo;
        for (size_t i = 0; i < set.size(); ++i)
            if (survivors_[i]) todo.push_back(i);
        if (todo.empty()) return;
        // Started here, on the labeler's own thread (the workers' sandboxes die with the thread
        // that started them), one per parallel job.
        if (options_.formal)
            formal_ = std::make_unique<FormalChecker>(d_, d_.sources, options_.workDir / "formal",
                                                      options_.formalOptions, options_.jobs);
        const bool trustEquivalent = options_.formal && canaryDisproved(set);
        std::atomic<size_t> done{0};
        parallelFor(todo.size(), options_.jobs, [&](size_t t) {
            const size_t i = todo[t];
            VerdictRecord v = options_.formal ? formalVerdict(set[i], trustEquivalent)
                                              : VerdictRecord{};
            if (!options_.formal) {
                v.engine = "verilator";
                v.evidenceKind = "none";
                v.evidence = R"({"note":"passed every simulation; formal checks disabled"})";
            }
            emit(*set[i].mutant, v, lastVcd(set[i].mutant));
            if (progress_) progress_("formal", ++done, todo.size());
        });
    }

    // The canary: a mutant simulation killed must be disproved by the same formal setup before
    // any `equivalent` label is trusted. Killed mutants are tried in order until one gives a
    // definite answer (some are outside what Yosys reads, e.g. a non-constant async reset).
    bool canaryDisproved(const std::vector<Candidate>& set)
    {
        int tries = 0;
        for (size_t i = 0; i < set.size() && tries < 4; ++i) {
            if (!killed_[i] || set[i].scheduleSensitive) continue;
            ++tries;
            FormalResult c = formalCheck(*set[i].mutant, options_.workDir / "formal" / "canary");
            if (c.status == FormalStatus::NonEquivalent) return true;
            if (c.status == FormalStatus::Equivalent) {
                outcome_.warnings.push_back(fmt::format(
                    "formal setup error (VL010): mutant {} that simulation killed was proved "
                    "equivalent; no `equivalent` labels for this design",
                    set[i].mutant->id));
                return false;
            }
        }
        outcome_.warnings.push_back("no canary mutant could be disproved by formal; no "
                                    "`equivalent` labels for this design");
        return false;
    }

    std::string lastVcd(const Mutant* m)
    {
        std::lock_guard<std::mutex> lock(vcdMutex_);
        auto it = vcds_.find(m);
        return it == vcds_.end() ? std::string{} : it->second;
    }

    // Verilator's long seeded random runs against the original: the first difference, or
    // empty; `ran` is false when they could not run.
    std::string verilatorConfirmation(const Candidate& c, bool& ran)
    {
        ran = c.diff && !confirmRefs_.empty();
        for (size_t k = 0; ran && k < confirmRefs_.size(); ++k) {
            SimRun r = compareRun(*c.diff, c.diffSelector, confirmStimulus(static_cast<int>(k)),
                                  confirmRefs_[k], longRunTimeout());
            if (r.harnessError) ran = false;
            else if (!r.passed) return r.evidence;
        }
        return {};
    }

    // What a proof must survive before `equivalent` stands. Scheduling-sensitive mutants need
    // Icarus' random differential (Verilator's runs too where it builds them); a difference
    // that only one simulator shows leaves them `survived`.
    VerdictRecord confirmProof(const Candidate& c, nlohmann::json ev)
    {
        VerdictRecord v;
        v.verdict = Verdict::Survived;
        bool verilatorRan = false;
        const std::string vDiff = verilatorConfirmation(c, verilatorRan);
        if (c.scheduleSensitive) {
            const IcarusVerdict icarus = icarusVerdictOf(*c.mutant);
            if (!icarus.difference.empty() || !vDiff.empty()) {
                v.engine = "verilator+icarus";
                v.evidenceKind = "simulator-dependent";
                v.evidence = jsonText(nlohmann::json{{"verilator", vDiff.empty() ? nlohmann::json("passes") : evidenceJson(vDiff)},
                                            {"icarus", icarus.difference.empty() ? nlohmann::json("passes")
                                                                                 : evidenceJson(icarus.difference)},
                                            {"note", "proved equivalent, but a long random run differs"}});
                if (!icarus.difference.empty() && (!vDiff.empty() || !c.tb)) v.verdict = Verdict::Killed;
                return v;
            }
            verilatorRan = icarus.differentialRan && (verilatorRan || !c.tb);
        } else if (!vDiff.empty()) {
            // The proof missed a difference that simulation shows: the simulation stands.
            v.verdict = Verdict::Killed;
            v.engine = "verilator-long-random";
            v.evidenceKind = "differential";
            v.evidence = vDiff;
            return v;
        }
        if (verilatorRan) {
            v.verdict = Verdict::Equivalent;
            v.evidenceKind = "formal-proof";
            ev["random_confirmation"] = {{"seeds", kConfirmSeeds},
                                         {"cycles", std::max(kConfirmCycles, d_.stimulus.cycles)},
                                         {"reset_every", d_.reset ? kConfirmResetEvery : 0},
                                         {"icarus", c.scheduleSensitive}};
        } else {
            v.evidenceKind = "formal-unconfirmed";
            ev["note"] = "proved, but no long random simulation could confirm it";
        }
        v.evidence = jsonText(ev);
        return v;
    }

    VerdictRecord formalVerdict(const Candidate& c, bool trustEquivalent)
    {
        const Mutant& m = *c.mutant;
        const auto dir = options_.workDir / "formal" / contentHash(m.id);
        const auto start = std::chrono::steady_clock::now();
        FormalResult f = formalCheck(m, dir);
        VerdictRecord v;
        v.verdict = Verdict::Survived;
        nlohmann::json ev{{"check", "formal"}, {"engine", f.engine}, {"bound", f.bound}};
        if (f.status == FormalStatus::NonEquivalent) {
            nlohmann::json trace = nlohmann::json::array();
            for (const auto& step : f.trace) {
                nlohmann::json s = nlohmann::json::object();
                for (const auto& [n, val] : step.inputs) s[n] = val;
                trace.push_back(s);
            }
            ev["trace"] = trace;
            const std::string mismatch = c.scheduleSensitive ? std::string{} : replay(c, f.trace, dir);
            if (!mismatch.empty()) {
                v.verdict = Verdict::Nonequivalent;
                v.evidenceKind = "formal-counterexample";
                ev["replay"] = evidenceJson(mismatch);
                std::lock_guard<std::mutex> lock(vcdMutex_);
                vcds_[&m] = readFile(f.vcd).value_or("");
            } else {
                v.evidenceKind = "formal-unreplayed";
                ev["note"] = c.scheduleSensitive
                                 ? "a counterexample for a blocking/non-blocking mutant that "
                                   "neither simulator shows"
                                 : "Yosys found a counterexample that did not replay in Verilator";
            }
            v.evidence = jsonText(ev);
        } else if (f.status == FormalStatus::Equivalent && trustEquivalent) {
            ev["collapsed_miter"] = f.collapsed;
            v = confirmProof(c, ev);
        } else {
            v.evidenceKind = f.status == FormalStatus::Equivalent ? "formal-untrusted" : "formal-unknown";
            if (!f.message.empty()) ev["message"] = f.message;
            v.evidence = jsonText(ev);
        }
        if (v.engine.empty()) v.engine = f.engine;
        v.bound = f.bound;
        v.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        std::error_code ec;
        std::filesystem::remove_all(dir, ec);
        return v;
    }

    struct PlacedGroup {
        std::unique_ptr<Group> build;
        std::vector<std::pair<const Mutant*, int>> members;  // mutant, selector
        bool sensitive = false;
    };

    const DesignContext& ctx_;
    const Design& d_;
    const LabelOptions& options_;
    const VerdictSink& sink_;
    const ProgressSink& progress_;
    Sandbox sandbox_;                       // every run's private work folder
    std::optional<SimBuild> origDiff_;      // the plain original's differential harness
    std::string originalTbOutput_;          // the plain original's testbench output
    std::filesystem::path mainRef_;         // the original's dump under the design's stimulus
    std::vector<std::filesystem::path> confirmRefs_;  // the original's long random dumps
    std::deque<PlacedGroup> groups_;
    std::deque<StandaloneBuild> standalone_;
    int groupBuilds_ = 0;
    int unfaithfulGroups_ = 0;
    std::string harnessFailure_;
    std::once_flag icarusOnce_;
    std::string icarusProblem_;
    bool icarusTestbench_ = false;          // the design's testbench runs in Icarus
    std::vector<std::string> icarusDumps_;  // the original's Icarus dumps, one per confirm seed
    std::mutex icarusMutex_;
    std::map<const Mutant*, IcarusVerdict> icarusVerdicts_;
    std::vector<char> survivors_;
    std::vector<char> killed_;
    std::mutex sinkMutex_;
    std::mutex vcdMutex_;
    std::unique_ptr<FormalChecker> formal_;  // the original loaded once per Yosys worker
    std::map<const Mutant*, std::string> vcds_;
    LabelOutcome outcome_;
};

}  // namespace

LabelOutcome labelMutants(const DesignContext& ctx, const std::vector<Mutant>& pending,
                          const LabelOptions& options, const VerdictSink& sink,
                          const ProgressSink& progress)
{
    return Labeler(ctx, options, sink, progress).run(pending);
}

}  // namespace veriloop
