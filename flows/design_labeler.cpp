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
#include <deque>
#include <regex>
#include <set>
#include <thread>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "core/text.h"
#include "equivalence/icarus_sim.h"
#include "equivalence/schema.h"

namespace veriloop {

void parallelFor(size_t n, int jobs, const std::function<void(size_t)>& fn)
{
    std::atomic<size_t> next{0};
    auto worker = [&] {
        for (size_t i = next++; i < n; i = next++) fn(i);
    };
    std::vector<std::thread> threads;
    for (int t = 1; t < std::max(1, jobs); ++t) threads.emplace_back(worker);
    worker();
    for (auto& th : threads) th.join();
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

// A mutant built on its own: it did not fit a faithful group, or its meaning depends on
// scheduling. `tb` is empty when Verilator reports the mutant's construct as unsupported.
struct StandaloneBuild {
    const Mutant* mutant = nullptr;
    std::vector<SourceFile> sources;
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

// A blocking/non-blocking change can reorder evaluation: its label needs an event-driven
// simulator's agreement.
bool scheduleSensitive(const Mutant& m) { return m.bugClass == "blocking-assignment"; }

std::string replaceAll(std::string text, const std::string& from, const std::string& to)
{
    if (from.empty()) return text;
    for (size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
        text.replace(at, from.size(), to);
    return text;
}

// A testbench's output with the build folder's paths taken out, so two builds compare.
std::string normalizedOutput(const SimRun& run, const SimBuild& build)
{
    return replaceAll(run.output, (build.dir / "src").string() + "/", "");
}

class Labeler {
public:
    Labeler(const DesignContext& ctx, const LabelOptions& options, const VerdictSink& sink,
            const ProgressSink& progress)
        : ctx_(ctx), d_(*ctx.design), options_(options), sink_(sink), progress_(progress),
          sandbox_(options.workDir / "run")
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
        place(sensitive, true);  // a group of their own: they may change the scheduling
        std::vector<Candidate> candidates;
        for (const auto& g : groups_)
            for (const auto& [m, sel] : g.members)
                candidates.push_back({m, &g.build->tb, sel, g.build->diff ? &*g.build->diff : nullptr,
                                      sel, nullptr, g.sensitive});
        for (const auto& alone : standalone_)
            candidates.push_back({alone.mutant, alone.tb ? &*alone.tb : nullptr, 0,
                                  alone.diff ? &*alone.diff : nullptr, 0, &alone,
                                  scheduleSensitive(*alone.mutant)});
        if (unfaithfulSplits_)
            outcome_.warnings.push_back(fmt::format(
                "{} schema group(s) changed the original's behaviour and were split; {} schema "
                "builds, {} mutants built alone",
                unfaithfulSplits_, groups_.size(), standalone_.size()));
        simulate(candidates);
        if (!harnessFailure_.empty())
            return fail(makeDiag(DiagCode::FormalSetupError,
                                 "the differential harness failed: " + harnessFailure_,
                                 (d_.dir / "design.toml").string()));
        formalForSurvivors(candidates);
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

    void emit(const Mutant& m, VerdictRecord v, const std::string& vcd = {})
    {
        std::lock_guard<std::mutex> lock(sinkMutex_);
        sink_(m, v, vcd);
    }

    SimBuildOptions buildOptions() const
    {
        SimBuildOptions bo;
        bo.jobs = options_.jobs;
        bo.runtimeCache = options_.runtimeCache;
        return bo;
    }

    std::vector<std::string> stimulusArgs(uint64_t seed, int cycles, int resetEvery) const
    {
        return {fmt::format("+vl_seed={}", seed), fmt::format("+vl_cycles={}", cycles),
                fmt::format("+vl_reset_every={}", resetEvery)};
    }

    std::vector<std::string> mainStimulus() const
    {
        return stimulusArgs(d_.stimulus.seed, d_.stimulus.cycles, 0);
    }

    RandomStimulus confirmStimulus(int k) const
    {
        return {d_.stimulus.seed + 1000 * static_cast<uint64_t>(k + 1),
                std::max(kConfirmCycles, d_.stimulus.cycles), d_.reset ? kConfirmResetEvery : 0};
    }

    double longRunTimeout() const { return std::max(30.0, 4 * d_.testbench.timeoutSeconds); }

    // Writes the original's differential dump for `args` into the sandbox; false on failure.
    bool dumpReference(const std::vector<std::string>& args, const std::filesystem::path& path,
                       std::string& why)
    {
        SimRunOptions o;
        o.timeoutSeconds = longRunTimeout();
        o.extraArgs = args;
        o.extraArgs.push_back("+vl_dump=" + path.string());
        SimRun r = runDifferential(*origDiff_, sandbox_, o);
        if (r.passed) return true;
        why = r.evidence;
        if (r.harnessError) harnessFailure_ = r.evidence;
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
        if (!r.passed)
            return makeDiag(r.timedOut ? DiagCode::TestbenchTimeout : DiagCode::TestbenchFailsOriginal,
                            r.timedOut ? fmt::format("the testbench did not finish within {} s on the "
                                                     "original design",
                                                     d_.testbench.timeoutSeconds)
                                       : "the testbench fails on the original design: " +
                                             oneLine(r.evidence, 300),
                            (d_.dir / "design.toml").string());
        originalTb_ = *tb;
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
            if (!harnessFailure_.empty())
                return makeDiag(DiagCode::FormalSetupError,
                                "the differential harness cannot write its reference: " + why,
                                (d_.dir / "design.toml").string());
            outcome_.warnings.push_back("the differential harness fails on the original; random "
                                        "stimulus and equivalence confirmation are off: " + why);
            origDiff_.reset();
            return std::nullopt;
        }
        for (int k = 0; k < kConfirmSeeds; ++k) {
            const RandomStimulus s = confirmStimulus(k);
            const auto path = sandbox_.workDir() / fmt::format("ref-confirm-{}.txt", k);
            if (!dumpReference(stimulusArgs(s.seed, s.cycles, s.resetEvery), path, why)) {
                outcome_.warnings.push_back("the long random run fails on the original; no "
                                            "`equivalent` labels: " + why);
                confirmRefs_.clear();
                break;
            }
            confirmRefs_.push_back(path);
        }
        return std::nullopt;
    }

    // Places `set` into faithful schema groups; what fits none is built alone.
    void place(const std::vector<const Mutant*>& set, bool sensitive)
    {
        if (set.empty()) return;
        std::vector<int> selector;
        auto group = buildGroup(set, selector);
        if (group) {
            auto& placed = groups_.emplace_back(
                PlacedGroup{std::make_unique<Group>(std::move(*group)), {}, sensitive});
            for (size_t i = 0; i < set.size(); ++i) {
                if (selector[i] != 0) placed.members.push_back({set[i], selector[i]});
                else buildAlone(*set[i], sensitive);  // its range crosses another mutant's
            }
            return;
        }
        if (set.size() == 1) {
            buildAlone(*set[0], sensitive);
            return;
        }
        // The lines Verilator's errors name give the mutants to take out, when they are fewer
        // than all (an unsupported alternative); otherwise the set is halved.
        std::vector<const Mutant*> named, rest;
        const auto lines = errorLines(lastGroupDir_ / "tb" / "verilator.log");
        for (const Mutant* m : set) (touchesLines(*m, lines) ? named : rest).push_back(m);
        if (!named.empty() && !rest.empty()) {
            for (const Mutant* m : named) buildAlone(*m, sensitive);
            place(rest, sensitive);
            return;
        }
        if (sensitive && lastGroupUnfaithful_) {
            // Scheduling-sensitive alternatives that reorder the schema do so in most subsets.
            for (const Mutant* m : set) buildAlone(*m, sensitive);
            return;
        }
        const size_t half = set.size() / 2;
        place({set.begin(), set.begin() + half}, sensitive);
        place({set.begin() + half, set.end()}, sensitive);
    }

    // (file index, line) pairs that the errors of a Verilator log name as `path:line:col:`
    // (an error's own line and its "... Location" lines; warnings are skipped).
    std::set<std::pair<int, int>> errorLines(const std::filesystem::path& log) const
    {
        std::set<std::pair<int, int>> out;
        static const std::regex loc(R"(([^\s:]+):(\d+):\d+:)");
        std::string text;
        bool inError = false;
        for (const auto& line : splitLines(readFile(log).value_or(""))) {
            if (line.rfind("%Error", 0) == 0) inError = true;
            else if (line.rfind("%Warning", 0) == 0) inError = false;
            if (inError) text += line + "\n";
        }
        for (auto it = std::sregex_iterator(text.begin(), text.end(), loc); it != std::sregex_iterator(); ++it)
            for (size_t f = 0; f < d_.sources.size(); ++f) {
                const std::string path = (*it)[1].str(), want = "/" + d_.sources[f].path;
                if (path.size() >= want.size() && path.compare(path.size() - want.size(), want.size(), want) == 0)
                    out.insert({static_cast<int>(f), std::stoi((*it)[2].str())});
            }
        return out;
    }

    bool touchesLines(const Mutant& m, const std::set<std::pair<int, int>>& lines) const
    {
        for (const auto& c : m.choices) {
            const std::string& text = d_.sources[c.range.file].text;
            const int first = 1 + static_cast<int>(std::count(text.begin(), text.begin() + c.range.begin, '\n'));
            const int last = first + static_cast<int>(std::count(text.begin() + c.range.begin,
                                                                 text.begin() + c.range.end, '\n'));
            for (int l = first; l <= last; ++l)
                if (lines.count({c.range.file, l})) return true;
        }
        return false;
    }

    // One schema build of `set`, kept only when selector 0 reproduces the plain original.
    std::optional<Group> buildGroup(const std::vector<const Mutant*>& set, std::vector<int>& selector)
    {
        SchemaResult schema = buildMutantSchema(d_.sources, ctx_.selectorSites, set);
        selector = schema.selector;
        const auto dir = options_.workDir / fmt::format("group-{}", groupBuilds_++);
        lastGroupDir_ = dir;
        lastGroupUnfaithful_ = false;
        auto tb = buildSimulation(d_, schema.files, SimKind::Testbench, {}, dir / "tb", buildOptions());
        if (!tb) return std::nullopt;
        SimRunOptions o;
        o.timeoutSeconds = d_.testbench.timeoutSeconds;
        SimRun r = runTestbench(d_, *tb, sandbox_, o);
        if (!r.passed || normalizedOutput(r, *tb) != originalTbOutput_) {
            ++unfaithfulSplits_;
            lastGroupUnfaithful_ = true;
            return std::nullopt;
        }
        Group g{*tb, std::nullopt};
        if (!origDiff_) return g;
        auto diff = buildSimulation(d_, schema.files, SimKind::Differential, ctx_.ports, dir / "diff",
                                    buildOptions());
        if (!diff) return std::nullopt;
        o.extraArgs = mainStimulus();
        o.extraArgs.push_back("+vl_ref=" + mainRef_.string());
        SimRun dr = runDifferential(*diff, sandbox_, o);
        if (dr.harnessError) harnessFailure_ = dr.evidence;
        if (!dr.passed) {
            ++unfaithfulSplits_;
            lastGroupUnfaithful_ = true;
            return std::nullopt;
        }
        g.diff = *diff;
        return g;
    }

    // The mutant on its own: `invalid` only when it does not build without the schema either
    // (for a scheduling-sensitive mutant, a construct Verilator calls unsupported is left to
    // Icarus).
    void buildAlone(const Mutant& m, bool sensitive)
    {
        auto sources = applyEdits(d_.sources, m.edits);
        const auto dir = options_.workDir / "alone" / contentHash(m.id);
        auto tb = sources ? buildSimulation(d_, *sources, SimKind::Testbench, {}, dir / "tb", buildOptions())
                          : tl::expected<SimBuild, Diagnostic>(tl::unexpected(sources.error()));
        StandaloneBuild alone{&m, sources ? *sources : std::vector<SourceFile>{}, std::nullopt,
                              std::nullopt, {}};
        if (!tb) {
            const std::string& msg = tb.error().message;
            const bool unsupported = msg.find("Unsupported") != std::string::npos ||
                                     msg.find("BLKANDNBLK") != std::string::npos;
            if (!sensitive || !sources || !unsupported) {
                VerdictRecord v;
                v.verdict = Verdict::Invalid;
                v.engine = "verilator";
                v.evidenceKind = "compiler";
                v.evidence = nlohmann::json{{"check", "build"}, {"message", msg}}.dump();
                emit(m, v);
                return;
            }
            alone.unsupported = msg;
        } else {
            alone.tb = *tb;
            // Scheduling-sensitive mutants get Icarus' differential instead (see labelScheduleSensitive).
            if (origDiff_ && !sensitive)
                if (auto diff = buildSimulation(d_, *sources, SimKind::Differential, ctx_.ports,
                                                dir / "diff", buildOptions()))
                    alone.diff = *diff;
        }
        standalone_.push_back(std::move(alone));
    }

    // The testbench run, then (if it passes and random stimulus is on) the differential run.
    std::pair<SimRun, const char*> check(const Candidate& c)
    {
        SimRunOptions o;
        o.selector = c.tbSelector;
        o.timeoutSeconds = d_.testbench.timeoutSeconds;
        SimRun r = runTestbench(d_, *c.tb, sandbox_, o);
        if (!r.passed || !d_.stimulus.random || mainRef_.empty() || !origDiff_ || !c.diff)
            return {r, "testbench"};
        o.selector = c.diffSelector;
        o.extraArgs = mainStimulus();
        o.extraArgs.push_back("+vl_ref=" + mainRef_.string());
        SimRun dr = runDifferential(*c.diff, sandbox_, o);
        if (dr.harnessError) {
            std::lock_guard<std::mutex> lock(sinkMutex_);
            harnessFailure_ = dr.evidence;
            dr.passed = true;  // not a verdict: the design fails as a whole
        }
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

    // Builds and checks the original in Icarus once; empty when Icarus can judge this design.
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
                for (int k = 0; diff && k < kConfirmSeeds; ++k) {
                    auto dump = runIcarusDifferential(*diff, sandbox_, confirmStimulus(k),
                                                      longRunTimeout(), &diffProblem);
                    if (!dump) {
                        icarusDumps_.clear();
                        break;
                    }
                    icarusDumps_.push_back(*dump);
                }
                if (!diff) diffProblem = diff.error().message;
            }
            if (!icarusTestbench_ && icarusDumps_.empty())
                icarusProblem_ = "testbench: " + tbProblem + "; differential: " + diffProblem;
        });
        return icarusProblem_;
    }

    // The mutant in Icarus: the testbench, then the random differential against the original.
    // Returns the failing evidence, or empty when Icarus sees no difference.
    std::string icarusVerdict(const Mutant& m, bool& ran)
    {
        ran = false;
        auto sources = applyEdits(d_.sources, m.edits);
        if (!sources) return {};
        const auto dir = options_.workDir / "icarus" / contentHash(m.id);
        if (icarusTestbench_) {
            auto tb = buildIcarus(d_, *sources, SimKind::Testbench, {}, dir / "tb");
            if (!tb) return {};
            ran = true;
            SimRun r = runIcarusTestbench(d_, *tb, sandbox_, longRunTimeout());
            if (!r.passed) return r.evidence;
        }
        if (icarusDumps_.empty()) return {};
        auto diff = buildIcarus(d_, *sources, SimKind::Differential, ctx_.ports, dir / "diff");
        if (!diff) return {};
        ran = true;
        for (int k = 0; k < kConfirmSeeds; ++k) {
            std::string why;
            auto dump = runIcarusDifferential(*diff, sandbox_, confirmStimulus(k), longRunTimeout(), &why);
            if (!dump)
                return nlohmann::json{{"check", "differential"}, {"simulator", "icarus"},
                                      {"failure", why}}
                    .dump();
            if (auto d = firstDumpDifference(icarusDumps_[k], *dump, ctx_.ports); !d.empty()) return d;
        }
        return {};
    }

    void labelScheduleSensitive(size_t i, const Candidate& c)
    {
        std::optional<std::pair<SimRun, const char*>> verilator;
        if (c.tb) verilator = check(c);
        const std::string problem = icarusProblem();
        bool icarusRan = false;
        const std::string icarus = problem.empty() ? icarusVerdict(*c.mutant, icarusRan) : std::string{};
        const bool vKill = verilator && !verilator->first.passed;
        const bool iKill = !icarus.empty();
        nlohmann::json both{
            {"verilator", !c.tb ? nlohmann::json("unsupported: " + c.alone->unsupported)
                          : vKill ? nlohmann::json::parse(verilator->first.evidence, nullptr, false)
                                  : nlohmann::json("passes")},
            {"icarus", !problem.empty() ? nlohmann::json("unavailable: " + oneLine(problem, 300))
                       : !icarusRan     ? nlohmann::json("does not build the mutant")
                       : iKill          ? nlohmann::json::parse(icarus, nullptr, false)
                                        : nlohmann::json("passes")}};
        VerdictRecord v;
        if (iKill && (vKill || !c.tb)) {
            v.verdict = Verdict::Killed;
            v.engine = c.tb ? "verilator+icarus" : "icarus";
            v.evidenceKind = vKill ? verilator->second : "testbench";
            v.evidence = both.dump();
            killed_[i] = true;
        } else if (vKill || iKill || !icarusRan) {
            v.verdict = Verdict::Survived;
            v.engine = "verilator+icarus";
            v.evidenceKind = "simulator-dependent";
            both["note"] = icarusRan ? "Verilator and Icarus disagree; a blocking/non-blocking "
                                       "label needs both"
                                     : "a blocking/non-blocking label needs an event-driven "
                                       "simulator (Icarus) to agree";
            v.evidence = both.dump();
        } else {
            survivors_[i] = true;  // both see no difference: formal decides, with care
            return;
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
        std::string text;
        for (const auto& step : trace) {
            for (const auto& [name, value] : step.inputs) text += name + "=" + value + " ";
            text += "\n";
        }
        writeFile(dir / "cex_trace.txt", text);
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
        return checkEquivalence(d_, d_.sources, *gate, dir, options_.formalOptions);
    }

    void formalForSurvivors(const std::vector<Candidate>& set)
    {
        std::vector<size_t> todo;
        for (size_t i = 0; i < set.size(); ++i)
            if (survivors_[i]) todo.push_back(i);
        if (todo.empty()) return;
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

    // The long seeded random runs a proof must survive: the first difference, or empty.
    // `ran` is false when no confirmation run was possible.
    std::string confirmByRandomSimulation(const Candidate& c, bool& ran)
    {
        ran = false;
        if (c.scheduleSensitive) {
            // Icarus decides these (Verilator may not even build them).
            if (!icarusProblem().empty() || icarusDumps_.empty()) return {};
            bool icarusRan = false;
            std::string d = icarusVerdict(*c.mutant, icarusRan);
            ran = icarusRan;
            if (!d.empty() || !c.tb || !c.diff) return d;
        }
        if (!c.diff || confirmRefs_.empty()) {
            ran = false;
            return {};
        }
        for (size_t k = 0; k < confirmRefs_.size(); ++k) {
            const RandomStimulus s = confirmStimulus(static_cast<int>(k));
            SimRunOptions o;
            o.selector = c.diffSelector;
            o.timeoutSeconds = longRunTimeout();
            o.extraArgs = stimulusArgs(s.seed, s.cycles, s.resetEvery);
            o.extraArgs.push_back("+vl_ref=" + confirmRefs_[k].string());
            SimRun r = runDifferential(*c.diff, sandbox_, o);
            if (r.harnessError) return {};
            if (!r.passed) {
                ran = true;
                return r.evidence;
            }
        }
        ran = true;
        return {};
    }

    VerdictRecord formalVerdict(const Candidate& c, bool trustEquivalent)
    {
        const Mutant& m = *c.mutant;
        const auto dir = options_.workDir / "formal" / contentHash(m.id);
        FormalResult f = formalCheck(m, dir);
        VerdictRecord v;
        v.engine = f.engine;
        v.bound = f.bound;
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
                ev["replay"] = nlohmann::json::parse(mismatch, nullptr, false);
                std::lock_guard<std::mutex> lock(vcdMutex_);
                vcds_[&m] = readFile(f.vcd).value_or("");
            } else {
                v.evidenceKind = "formal-unreplayed";
                ev["note"] = c.scheduleSensitive
                                 ? "a counterexample for a blocking/non-blocking mutant that "
                                   "neither simulator shows"
                                 : "Yosys found a counterexample that did not replay in Verilator";
            }
        } else if (f.status == FormalStatus::Equivalent && trustEquivalent) {
            bool ran = false;
            const std::string difference = confirmByRandomSimulation(c, ran);
            if (!difference.empty()) {
                // The proof missed a difference that simulation shows: the simulation stands.
                v.verdict = Verdict::Killed;
                v.engine = "verilator-long-random";
                v.evidenceKind = "differential";
                v.evidence = difference;
                std::error_code ec;
                std::filesystem::remove_all(dir, ec);
                return v;
            }
            if (ran) {
                v.verdict = Verdict::Equivalent;
                v.evidenceKind = "formal-proof";
                ev["collapsed_miter"] = f.collapsed;
                ev["random_confirmation"] = {{"seeds", kConfirmSeeds},
                                             {"cycles", std::max(kConfirmCycles, d_.stimulus.cycles)},
                                             {"reset_every", d_.reset ? kConfirmResetEvery : 0}};
            } else {
                v.evidenceKind = "formal-unconfirmed";
                ev["note"] = "proved, but no long random simulation could confirm it";
            }
        } else {
            v.evidenceKind = f.status == FormalStatus::Equivalent ? "formal-untrusted" : "formal-unknown";
            if (!f.message.empty()) ev["message"] = f.message;
        }
        v.evidence = ev.dump();
        std::error_code ec;
        std::filesystem::remove_all(dir, ec);
        return v;
    }

    const DesignContext& ctx_;
    const Design& d_;
    const LabelOptions& options_;
    const VerdictSink& sink_;
    const ProgressSink& progress_;
    Sandbox sandbox_;                       // every run's private work folder
    std::optional<SimBuild> originalTb_, origDiff_;
    std::string originalTbOutput_;
    std::filesystem::path mainRef_;         // the original's dump under the design's stimulus
    std::vector<std::filesystem::path> confirmRefs_;  // the original's long random dumps
    struct PlacedGroup {
        std::unique_ptr<Group> build;
        std::vector<std::pair<const Mutant*, int>> members;  // mutant, selector
        bool sensitive = false;
    };
    std::deque<PlacedGroup> groups_;
    std::deque<StandaloneBuild> standalone_;
    int groupBuilds_ = 0;
    std::filesystem::path lastGroupDir_;
    bool lastGroupUnfaithful_ = false;
    int unfaithfulSplits_ = 0;
    std::string harnessFailure_;
    std::once_flag icarusOnce_;
    std::string icarusProblem_;
    bool icarusTestbench_ = false;          // the design's testbench runs in Icarus
    std::vector<std::string> icarusDumps_;  // the original's Icarus dumps, one per confirm seed
    std::vector<char> survivors_;
    std::vector<char> killed_;
    std::mutex sinkMutex_;
    std::mutex vcdMutex_;
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
