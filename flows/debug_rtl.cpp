// The RTL checker of the debug loop. Why its verdicts are right: a candidate `passes` only
// when the checks that fail on the buggy design (its testbench and, with a golden, seeded
// random differential runs compared cycle by cycle with the golden) pass on the fixed sources
// built in the sandbox. `correct` needs more: Yosys proves the fix equivalent to the golden
// after the same formal setup showed the buggy design non-equivalent (the canary, as in the
// labeler).

#include <atomic>
#include <mutex>
#include <thread>

#include <fmt/format.h>

#include "core/text.h"
#include "equivalence/schema.h"
#include "equivalence/verilator_sim.h"
#include "equivalence/yosys_formal.h"
#include "flows/debug_checker.h"
#include "flows/design_labeler.h"
#include "flows/fault_localization.h"
#include "flows/rtl_dependence.h"
#include "flows/signal_divergence.h"
#include "frontend/rtl/rtl_frontend.h"
#include "frontend/rtl/slang_elaboration.h"

namespace veriloop {

namespace {

struct StimulusRun : RandomStimulus {
    std::filesystem::path ref;  // the golden's outputs for this seed and length
};

// Binaries of one set of candidates (or of one version of the sources).
struct Builds {
    SimBuild tb;
    std::optional<SimBuild> diff;
    std::vector<int> tbSelector;  // per candidate; {0} for standalone builds
    /// Whether the differential build can be trusted to behave like each candidate built
    /// alone. A schema can read a variable inside the block that drives it (a wrong-variable
    /// candidate), and Verilator then orders the evaluation of the whole schema differently,
    /// so its outputs can differ from the same sources built alone in some cycles.
    bool diffFaithful = true;
};

class RtlChecker final : public DebugChecker {
public:
    explicit RtlChecker(const DebugEnv& env)
        : env_(env), d_(env.design), o_(env.options), work_(env.work),
          sandbox_(work_ / "run", runFolders(env))
    {
    }

    const std::vector<Site>& sites() const override { return sites_; }

    std::pair<RepairVerdict, std::string> judge(const RepairCandidate& fix) override
    {
        if (!o_.formal)
            return {RepairVerdict::Plausible, "passes the tests against the golden; formal check disabled"};
        FormalResult canary = checkEquivalence(d_, o_.golden, d_.sources, work_ / "formal" / "canary",
                                               o_.formalOptions);
        if (canary.status != FormalStatus::NonEquivalent)
            return {RepairVerdict::Plausible,
                    "passes the tests against the golden; Yosys could not tell the buggy design "
                    "from the golden here, so an equivalence proof would not be trusted"};
        FormalResult f = checkEquivalence(d_, o_.golden, fix.files, work_ / "formal" / "fix",
                                          o_.formalOptions);
        if (f.status == FormalStatus::Equivalent)
            return {RepairVerdict::Correct,
                    f.bound > 0 ? fmt::format("Yosys proves it equivalent to the golden ({}, bound {})",
                                              f.engine, f.bound)
                                : fmt::format("Yosys proves it equivalent to the golden ({})", f.engine)};
        if (f.status == FormalStatus::NonEquivalent)
            return {RepairVerdict::Plausible, "passes the tests, but Yosys finds an input sequence "
                                              "on which it differs from the golden"};
        return {RepairVerdict::Plausible,
                "passes the tests; Yosys could not decide equivalence to the golden"};
    }

private:
    bool hasGolden() const { return !o_.golden.empty() && !ports_.empty(); }

    // What runs see: the scratch folder and, when the golden's outputs are cached outside it
    // (eval: one cache per design), that cache: a reference the harness cannot read fails
    // every differential run.
    static std::vector<std::filesystem::path> runFolders(const DebugEnv& env)
    {
        std::vector<std::filesystem::path> folders = {env.work};
        if (!env.options.goldenCache.empty()) {
            std::error_code ec;
            std::filesystem::create_directories(env.options.goldenCache, ec);
            folders.push_back(std::filesystem::absolute(env.options.goldenCache));
        }
        return folders;
    }

    // ---- preparation: frontend, golden references, coverage runs, fault localization ----

    bool prepare(DebugResult& r) override
    {
        r_ = &r;
        std::error_code ec;
        std::filesystem::create_directories(work_, ec);
        auto analyzed = rtl::analyzeRtlDesign(d_);
        if (!analyzed) {
            r_->error = analyzed.error();
            return false;
        }
        for (const auto& w : analyzed->warnings) log(w);
        sites_ = analyzed->sites;
        for (const auto& m : analyzed->modules) selectorSites_.push_back({m.file, m.headerEnd});
        for (const auto& p : analyzed->topPorts) ports_.push_back({p.name, p.width, p.dir});
        if (!o_.golden.empty() && !prepareGolden()) return false;
        return runCoverage();
    }

    SimBuildOptions buildOptions(bool coverage, int jobs, bool trace = false) const
    {
        SimBuildOptions bo;
        bo.jobs = jobs;
        bo.runtimeCache = o_.runtimeCache;
        bo.coverage = coverage;
        bo.trace = trace;
        return bo;
    }

    // The golden's differential build and its outputs for every seed the loop uses.
    bool prepareGolden()
    {
        std::string key;
        for (const auto& f : o_.golden) key += f.path + '\0' + f.text + '\0';
        for (const auto& p : ports_) key += fmt::format("{}:{}:{};", p.name, p.width, p.dir);
        key += fmt::format("{}:{}:{}:{}:traced", d_.stimulus.seed, d_.stimulus.cycles, o_.checkSeeds, o_.flRuns);
        const auto dir = o_.goldenCache.empty() ? work_ / "golden"
                                                : std::filesystem::absolute(o_.goldenCache) / contentHash(key);
        // A cache is used only with the traced binary it names (an older cache, or one whose
        // binary is gone, is built again rather than leaving fault localization without it).
        const std::string cachedExe = readFile(dir / "exe").value_or("");
        const bool cached = !o_.goldenCache.empty() && std::filesystem::exists(dir / "ready") &&
                            !cachedExe.empty() && std::filesystem::exists(cachedExe);
        std::optional<SimBuild> build;
        if (!cached) {
            auto b = buildSimulation(d_, o_.golden, SimKind::Differential, ports_, dir / "diff",
                                     buildOptions(false, o_.jobs, true));
            if (!b) {
                r_->error = makeDiag(DiagCode::BuildFailed,
                                    "the golden does not build: " + b.error().message,
                                    d_.dir.string());
                return false;
            }
            build = *b;
        }
        goldenExe_ = cached ? cachedExe : build->exe.string();
        const int reset = d_.reset ? d_.reset->cycles : 0;
        const int full = std::max(d_.stimulus.cycles, 16);
        validation_.push_back({{d_.stimulus.seed, full, 0}, {}});
        for (int i = 0; i < o_.checkSeeds; ++i)
            validation_.push_back({{d_.stimulus.seed + 1000 + static_cast<uint64_t>(i), full, 0}, {}});
        static const int kLengths[] = {1, 2, 3, 4, 6, 8, 12, 16, 24, 32, 48, 64, 96, 128, 192, 256};
        for (int i = 0; i < o_.flRuns; ++i) {
            const int len = kLengths[(i / 2) % std::size(kLengths)];
            flStimuli_.push_back({{5000 + static_cast<uint64_t>(i), std::min(full, reset + len), 0}, {}});
        }
        std::vector<StimulusRun*> all;
        for (auto& s : validation_) all.push_back(&s);
        for (auto& s : flStimuli_) all.push_back(&s);
        for (auto* s : all) s->ref = dir / "run" / fmt::format("ref_{}_{}.txt", s->seed, s->cycles);
        if (cached) return true;
        std::atomic<bool> ok{true};
        Sandbox sandbox(dir / "run", {dir});
        parallelFor(all.size(), o_.jobs, [&](size_t i) {
            const StimulusRun& s = *all[i];
            SimRunOptions ro;
            ro.timeoutSeconds = d_.testbench.timeoutSeconds;
            ro.extraArgs = stimulusArgs(s);
            ro.extraArgs.push_back("+vl_dump=" + s.ref.string());
            if (!runDifferential(*build, sandbox, ro).passed) ok = false;
        });
        if (!ok) {
            r_->error = makeDiag(DiagCode::BuildFailed,
                                "the golden's differential harness does not run", d_.dir.string());
            return false;
        }
        if (!o_.goldenCache.empty() && !(writeFile(dir / "exe", goldenExe_) && writeFile(dir / "ready", key))) {
            r_->error = makeDiag(DiagCode::BuildFailed, "cannot write the golden cache " + dir.string(),
                                d_.dir.string());
            return false;
        }
        return true;
    }

    // Coverage builds of the buggy design: the testbench run and the seeded random runs
    // against the golden give the spectrum; their failures are the evidence.
    bool runCoverage()
    {
        std::optional<tl::expected<SimBuild, Diagnostic>> tb, diff;
        const bool withDiff = hasGolden();
        {
            std::thread t;
            if (withDiff)
                t = std::thread([&] {
                    diff = buildSimulation(d_, d_.sources, SimKind::Differential, ports_,
                                           work_ / "cov" / "diff", buildOptions(true, 1, true));
                });
            tb = buildSimulation(d_, d_.sources, SimKind::Testbench, ports_, work_ / "cov" / "tb",
                                 buildOptions(true, withDiff ? 1 : o_.jobs));
            if (t.joinable()) t.join();
        }
        if (!*tb) {
            r_->error = makeDiag(DiagCode::BuildFailed,
                                "the design does not build with its testbench: " +
                                    env_.normalize(tb->error().message),
                                (d_.dir / "design.toml").string());
            return false;
        }
        const auto assignments = rtlAssignments(sites_, d_.sources);
        std::vector<CoverageRun> runs;
        std::set<LineKey> known;
        PointLines tbPoints, diffPoints;
        const auto covDir = work_ / "run" / "cov";
        std::filesystem::create_directories(covDir);
        {
            SimRunOptions ro;
            ro.timeoutSeconds = d_.testbench.timeoutSeconds;
            ro.extraArgs = {"+vl_cov=" + (covDir / "tb.dat").string()};
            SimRun tbRun = runTestbench(d_, **tb, sandbox_, ro);
            tbSeconds_ = tbRun.seconds;
            CoverageRun cr{"testbench", !tbRun.passed, {}};
            if (auto text = readFile(covDir / "tb.dat"))
                cr.executed = parseCoverageDat(*text, d_.sources, &known, &cr.points, &tbPoints);
            if (!tbRun.passed) r_->evidence += "testbench: " + describeFailure(tbRun.evidence) + "\n";
            runs.push_back(std::move(cr));
        }
        if (withDiff && *diff) {
            std::vector<const StimulusRun*> stimuli = {&validation_.front()};
            for (const auto& s : flStimuli_) stimuli.push_back(&s);
            std::vector<CoverageRun> diffRuns(stimuli.size());
            std::vector<std::string> firstMismatch(stimuli.size());
            std::mutex knownMutex;
            parallelFor(stimuli.size(), o_.jobs, [&](size_t i) {
                const auto& s = *stimuli[i];
                const auto file = covDir / fmt::format("diff_{}.dat", i);
                SimRunOptions ro;
                ro.timeoutSeconds = d_.testbench.timeoutSeconds;
                ro.extraArgs = stimulusArgs(s);
                ro.extraArgs.push_back("+vl_ref=" + s.ref.string());
                ro.extraArgs.push_back("+vl_cov=" + file.string());
                SimRun run = runDifferential(**diff, sandbox_, ro);
                diffRuns[i] = {fmt::format("random seed={} cycles={}", s.seed, s.cycles), !run.passed, {}};
                if (!run.passed) firstMismatch[i] = run.evidence;
                if (auto text = readFile(file)) {
                    std::set<LineKey> k;
                    PointLines pl;
                    diffRuns[i].executed =
                        parseCoverageDat(*text, d_.sources, &k, &diffRuns[i].points, &pl);
                    std::lock_guard lock(knownMutex);
                    known.insert(k.begin(), k.end());
                    diffPoints.insert(pl.begin(), pl.end());
                }
            });
            {
                buggyDump_ = work_ / "run" / "buggy_dump.txt";
                SimRunOptions ro;
                ro.timeoutSeconds = d_.testbench.timeoutSeconds;
                ro.extraArgs = stimulusArgs(validation_.front());
                ro.extraArgs.push_back("+vl_dump=" + buggyDump_.string());
                if (!runDifferential(**diff, sandbox_, ro).passed) buggyDump_.clear();
            }
            if (!firstMismatch.front().empty())
                r_->evidence += fmt::format("random differential run against the golden (seed {}, "
                                           "{} cycles): {}\n",
                                           validation_.front().seed, validation_.front().cycles,
                                           describeFailure(firstMismatch.front()));
            runs.insert(runs.end(), diffRuns.begin(), diffRuns.end());
            const StimulusRun* shortest = nullptr;
            for (size_t i = 0; i < stimuli.size(); ++i)
                if (diffRuns[i].failed && (!shortest || stimuli[i]->cycles < shortest->cycles))
                    shortest = stimuli[i];
            if (shortest) divergence_ = divergenceFromGolden(**diff, *shortest, assignments);
        } else if (withDiff) {
            log("warning: the differential coverage build failed: " + diff->error().message);
        }
        std::set<LineKey> always;
        for (const auto& s : sites_) {
            // Declarations and event controls are never executed: dependence ranks them.
            if (s.kind == SiteKind::ParamValue || s.kind == SiteKind::EventControl) continue;
            const LineKey key{s.token.file, s.line};
            if (!known.count(key)) always.insert(key);
        }
        PointLines points = tbPoints;
        points.insert(diffPoints.begin(), diffPoints.end());
        r_->localization = rankLines(runs, always, d_.sources, points);
        rankByDivergence(r_->localization, divergence_, assignments, d_.sources);
        rankByDependence(r_->localization, sites_, d_.sources);
        if (r_->localization.failingRuns == 0) {
            r_->error = makeDiag(DiagCode::NothingToDebug,
                                hasGolden() ? "the design passes its testbench and matches the "
                                              "golden on random stimulus: nothing to debug"
                                            : "the design passes its testbench: nothing to debug "
                                              "(give --golden DIR to compare against a fixed "
                                              "version)",
                                (d_.dir / "design.toml").string());
            return false;
        }
        r_->evidence = env_.normalize(r_->evidence);
        log(fmt::format("{}: {} failing and {} passing runs; most suspicious: {}", d_.name,
                        r_->localization.failingRuns, r_->localization.passingRuns,
                        r_->localization.ranked.empty()
                            ? std::string("-")
                            : fmt::format("{}:{}", r_->localization.ranked[0].file,
                                          r_->localization.ranked[0].line)));
        return true;
    }

    // Both versions run `stimulus` with every signal traced, and the signals that differ are
    // found; then the buggy design runs the stimulus up to the cycle the first assigned one
    // differs and one cycle longer, and the coverage counts that grew are the lines executed
    // in that cycle. Nothing (with a warning) when a waveform cannot be written or read.
    DivergenceFacts divergenceFromGolden(const SimBuild& buggy, const StimulusRun& stimulus,
                                         const std::vector<AssignmentFacts>& assignments)
    {
        DivergenceFacts facts;
        facts.samplesPerCycle = kSamplesPerCycle;
        facts.resetCycles = d_.reset ? d_.reset->cycles : 0;
        if (goldenExe_.empty()) {
            log("warning: no traced golden binary: fault localization uses coverage only");
            return facts;
        }
        const auto dir = work_ / "run" / "cov";
        SimBuild golden{SimKind::Differential, goldenExe_, std::filesystem::path(goldenExe_).parent_path(), 0};
        auto run = [&](const SimBuild& build, StimulusRun s, const std::string& plusarg) {
            SimRunOptions ro;
            ro.timeoutSeconds = d_.testbench.timeoutSeconds;
            ro.extraArgs = stimulusArgs(s);
            ro.extraArgs.push_back(plusarg);
            runDifferential(build, sandbox_, ro);
        };
        std::optional<VcdTrace> traces[2];
        parallelFor(2, o_.jobs, [&](size_t i) {
            const auto file = dir / (i == 0 ? "buggy.vcd" : "golden.vcd");
            run(i == 0 ? buggy : golden, stimulus, "+vl_vcd=" + file.string());
            if (auto text = readFile(file)) traces[i] = parseVcd(*text);
        });
        if (!traces[0] || !traces[1] || traces[0]->changes.empty() || traces[1]->changes.empty()) {
            log("warning: no waveforms of the buggy and golden runs: fault localization uses "
                "coverage only");
            return facts;
        }
        facts.signals = firstDivergences(*traces[0], *traces[1]);
        std::set<std::string> assigned;
        for (const auto& a : assignments)
            if (!a.constant) assigned.insert(a.targets.begin(), a.targets.end());
        const auto first = std::find_if(facts.signals.begin(), facts.signals.end(),
                                        [&](const SignalDivergence& d) { return assigned.count(d.name) > 0; });
        if (first == facts.signals.end()) return facts;
        const int cycle = static_cast<int>(first->time / kSamplesPerCycle);
        std::optional<std::string> counts[2];
        parallelFor(2, o_.jobs, [&](size_t i) {
            StimulusRun s = stimulus;
            s.cycles = cycle + static_cast<int>(i);
            const auto file = dir / fmt::format("upto_{}.dat", s.cycles);
            run(buggy, s, "+vl_cov=" + file.string());
            counts[i] = readFile(file);
        });
        if (counts[0] && counts[1])
            facts.activeAtFirst = linesExecutedBetween(*counts[0], *counts[1], d_.sources, &facts.covered);
        return facts;
    }

    static std::string describeFailure(const std::string& evidenceJson)
    {
        auto j = nlohmann::json::parse(evidenceJson, nullptr, false);
        if (j.is_discarded() || !j.is_object()) return oneLine(evidenceJson, 400);
        if (j.contains("cycle"))
            return fmt::format("first mismatch at cycle {} on output `{}`: expected {}, got {}",
                               j["cycle"].get<int>(), j.value("signal", ""),
                               j.value("expected", ""), j.value("actual", ""));
        std::string s;
        if (j.value("timed_out", false)) s += "timed out; ";
        if (j.contains("failure") && !j["failure"].get<std::string>().empty())
            s += j["failure"].get<std::string>();
        else if (j.contains("exit_code"))
            s += fmt::format("exit code {}", j["exit_code"].dump());
        if (j.contains("stdout_tail") && !j["stdout_tail"].get<std::string>().empty())
            s += "\n--- testbench output (tail) ---\n" + j["stdout_tail"].get<std::string>();
        return s;
    }

    // ---- checking candidates in the sandbox ----

    std::string unparsable(const std::vector<SourceFile>& base, const std::vector<SourceFile>& candidate) override
    {
        std::string key;
        for (const auto& f : base) key += f.path + '\0' + f.text + '\0';
        key = contentHash(key);
        auto known = baseSyntaxErrors_.find(key);
        if (known == baseSyntaxErrors_.end())
            known = baseSyntaxErrors_.emplace(key, rtl::syntaxErrors(d_, base).size()).first;
        const auto found = rtl::syntaxErrors(d_, candidate);
        if (found.size() <= known->second) return {};
        return "the fix does not parse: " + found.front();
    }

    std::vector<CandidateOutcome> check(const std::vector<SourceFile>& base,
                                        const std::vector<const RepairCandidate*>& cands,
                                        int iteration) override
    {
        std::vector<CandidateOutcome> out(cands.size());
        std::vector<size_t> schema, alone;
        for (size_t i = 0; i < cands.size(); ++i)
            (cands[i]->schemaCapable && cands[i]->mutant.check == MutantCheck::Schema ? schema : alone)
                .push_back(i);
        // (binaries, selector in them) per candidate
        std::vector<std::pair<std::shared_ptr<Builds>, size_t>> where(cands.size());
        const auto dir = work_ / fmt::format("iter{}", iteration);
        int buildNo = 0;
        std::function<void(const std::vector<size_t>&)> buildSchemaSet =
            [&](const std::vector<size_t>& set) {
                if (set.empty()) return;
                std::vector<const Mutant*> ms;
                for (size_t i : set) ms.push_back(&cands[i]->mutant);
                SchemaResult schema = buildMutantSchema(base, selectorSites_, ms);
                const auto buildDir = dir / fmt::format("b{}", buildNo++);
                auto b = buildPair(schema.files, buildDir);
                if (b) {
                    auto shared = std::make_shared<Builds>(std::move(*b));
                    shared->tbSelector = schema.selector;
                    shared->diffFaithful = faithful(*shared);
                    for (size_t k = 0; k < set.size(); ++k) {
                        if (schema.selector[k] == 0) alone.push_back(set[k]);  // not placed
                        else where[set[k]] = {shared, k};
                    }
                    return;
                }
                if (set.size() == 1) {
                    alone.push_back(set[0]);
                    return;
                }
                // The candidates Verilator's errors point into do not build (their own code
                // is what it rejects); the rest stay together.
                const auto culprits = schemaCulprits(schema, ms, base, verilatorErrorLocations(buildDir / "tb"));
                if (!culprits.empty() && culprits.size() < set.size()) {
                    std::vector<size_t> rest;
                    for (size_t k = 0; k < set.size(); ++k) {
                        if (std::find(culprits.begin(), culprits.end(), k) == culprits.end())
                            rest.push_back(set[k]);
                        else
                            out[set[k]] = {"build-failed", "Verilator rejects its code (in the "
                                                           "schema build): " + b.error().message};
                    }
                    buildSchemaSet(rest);
                    return;
                }
                const size_t half = set.size() / 2;
                buildSchemaSet({set.begin(), set.begin() + half});
                buildSchemaSet({set.begin() + half, set.end()});
            };
        buildSchemaSet(schema);
        runCandidates(where, out);
        // A candidate built on its own costs a build: only those ranked before the first
        // schema candidate that passed can still be the first to pass. Each gets its
        // testbench build first; the differential build follows only if the testbench passes
        // (confirmAlone).
        size_t firstPassed = cands.size();
        for (size_t i = 0; i < out.size() && firstPassed == cands.size(); ++i)
            if (out[i].outcome == "passed") firstPassed = i;
        std::sort(alone.begin(), alone.end());
        std::vector<std::pair<std::shared_ptr<Builds>, size_t>> whereAlone(cands.size());
        for (size_t i : alone) {
            if (i > firstPassed) {
                out[i] = {"not-run", ""};
                continue;
            }
            auto b = buildPair(cands[i]->files, dir / fmt::format("b{}", buildNo++), false);
            if (!b) {
                out[i] = {"build-failed", b.error().message};
                continue;
            }
            b->tbSelector = {0};
            whereAlone[i] = {std::make_shared<Builds>(std::move(*b)), 0};
        }
        runCandidates(whereAlone, out);
        confirmAlone(cands, out, dir);
        for (auto& o : out)
            if (o.outcome == "confirm") o = {"not-run", ""};
        return out;
    }

    // Selector 0 of a schema's differential build must reproduce the buggy design built alone
    // (the coverage build) cycle for cycle on the validation stimulus.
    bool faithful(const Builds& b)
    {
        if (!b.diff || buggyDump_.empty()) return true;
        const auto dump = work_ / "run" / fmt::format("faithful_{}.txt", ++dumps_);
        SimRunOptions ro;
        ro.timeoutSeconds = d_.testbench.timeoutSeconds;
        ro.extraArgs = stimulusArgs(validation_.front());
        ro.extraArgs.push_back("+vl_dump=" + dump.string());
        runDifferential(*b.diff, sandbox_, ro);
        const bool same = readFile(dump).value_or("-") == readFile(buggyDump_).value_or("+");
        if (!same) log(fmt::format("{}: the schema build does not reproduce the design cycle for "
                                   "cycle; differential checks are confirmed on builds of their own",
                                   d_.name));
        return same;
    }

    // Candidates that passed the testbench in a schema whose differential build is not
    // faithful get a differential build of their own, in proposer order, until one passes.
    void confirmAlone(const std::vector<const RepairCandidate*>& cands, std::vector<CandidateOutcome>& out,
                      const std::filesystem::path& dir)
    {
        int builds = 0;
        for (size_t i = 0; i < cands.size(); ++i) {
            if (out[i].outcome == "passed") return;
            if (out[i].outcome != "confirm") continue;
            if (builds >= kMaxConfirmBuilds) {
                out[i] = {"not-run", ""};
                continue;
            }
            ++builds;
            auto diff = buildSimulation(d_, cands[i]->files, SimKind::Differential, ports_,
                                        dir / fmt::format("alone{}", i), buildOptions(false, o_.jobs));
            if (!diff) {
                out[i] = {"build-failed", diff.error().message};
                continue;
            }
            out[i] = runValidation(*diff, 0);
        }
    }

    CandidateOutcome runValidation(const SimBuild& diff, int selector)
    {
        for (const auto& s : validation_) {
            SimRunOptions dro;
            dro.selector = selector;
            dro.timeoutSeconds = d_.testbench.timeoutSeconds;
            dro.extraArgs = stimulusArgs(s);
            dro.extraArgs.push_back("+vl_ref=" + s.ref.string());
            SimRun run = runDifferential(diff, sandbox_, dro);
            if (!run.passed)
                return {run.timedOut ? "timeout" : "differential-failed",
                        fmt::format("seed {}, {} cycles: {}", s.seed, s.cycles,
                                    describeFailure(run.evidence))};
        }
        return {"passed", "testbench and random differential runs against the golden pass"};
    }

    // Testbench build and (with a golden) differential build of one version of the sources.
    tl::expected<Builds, Diagnostic> buildPair(const std::vector<SourceFile>& files,
                                               const std::filesystem::path& dir,
                                               bool withDiff = true)
    {
        Builds b;
        std::optional<tl::expected<SimBuild, Diagnostic>> diff;
        std::thread t;
        withDiff = withDiff && hasGolden();
        if (withDiff)
            t = std::thread([&] {
                diff = buildSimulation(d_, files, SimKind::Differential, ports_, dir / "diff",
                                       buildOptions(false, 1));
            });
        auto tb = buildSimulation(d_, files, SimKind::Testbench, ports_, dir / "tb",
                                  buildOptions(false, withDiff ? 1 : o_.jobs));
        if (t.joinable()) t.join();
        if (!tb) return tl::unexpected(tb.error());
        b.tb = *tb;
        if (diff) {
            if (!*diff) return tl::unexpected(diff->error());
            b.diff = **diff;
        }
        return b;
    }

    // Runs every built candidate in proposer order on `jobs` threads; a candidate after one
    // that already passed is not run (it cannot be the first to pass).
    void runCandidates(const std::vector<std::pair<std::shared_ptr<Builds>, size_t>>& where,
                       std::vector<CandidateOutcome>& out)
    {
        std::atomic<size_t> firstPass{SIZE_MAX};
        const double tbTimeout =
            std::min(d_.testbench.timeoutSeconds, std::max(2.0, 20 * tbSeconds_));
        parallelFor(where.size(), o_.jobs, [&](size_t i) {
            if (!where[i].first || i > firstPass.load()) return;
            const Builds& b = *where[i].first;
            const int sel = b.tbSelector.empty() ? 0 : b.tbSelector[where[i].second];
            SimRunOptions ro;
            ro.selector = sel;
            ro.timeoutSeconds = tbTimeout;
            SimRun tb = runTestbench(d_, b.tb, sandbox_, ro);
            if (!tb.passed) {
                out[i] = {tb.timedOut ? "timeout" : "testbench-failed", describeFailure(tb.evidence)};
                return;
            }
            if ((b.diff && !b.diffFaithful) || (!b.diff && hasGolden())) {
                out[i] = {"confirm", ""};  // differential check on a build of its own
                return;
            }
            if (b.diff) {
                out[i] = runValidation(*b.diff, sel);
                if (out[i].outcome != "passed") return;
            } else {
                out[i] = {"passed", "the testbench passes"};
            }
            size_t cur = firstPass.load();
            while (i < cur && !firstPass.compare_exchange_weak(cur, i)) {
            }
        });
    }


    void log(const std::string& line) const { env_.log(line); }

    const DebugEnv& env_;
    const Design& d_;
    const DebugOptions& o_;
    std::filesystem::path work_;
    Sandbox sandbox_;
    DebugResult* r_ = nullptr;
    std::vector<Site> sites_;
    std::vector<SelectorSite> selectorSites_;
    std::vector<PortInfo> ports_;
    std::vector<StimulusRun> validation_, flStimuli_;
    double tbSeconds_ = 1;
    static constexpr int kSamplesPerCycle = 2;  // the differential harness's waveform
    std::string goldenExe_;                     // the golden's traced differential binary
    std::map<std::string, size_t> baseSyntaxErrors_;  // by the base sources' hash
    DivergenceFacts divergence_;
    std::filesystem::path buggyDump_;  // the buggy design's outputs on the validation stimulus
    std::atomic<int> dumps_{0};
    static constexpr int kMaxConfirmBuilds = 6;
};

}  // namespace

std::unique_ptr<DebugChecker> makeRtlChecker(const DebugEnv& env)
{
    return std::make_unique<RtlChecker>(env);
}

}  // namespace veriloop
