// Why the labels are right: a mutant is `killed` only when a run of the same binary that
// passes with selector 0 fails with its selector (a blocking/non-blocking change, which can
// reorder the whole schema's evaluation, only when its own build fails too); `nonequivalent` only when Yosys found a
// counterexample and replaying that input trace in Verilator shows an output difference;
// `equivalent` only when Yosys proved it and the design's canary (a mutant simulation killed)
// was disproved by the same formal setup. Everything else is `survived`, `timeout` or `invalid`.

#include "flows/design_labeler.h"

#include <atomic>
#include <deque>
#include <thread>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "core/text.h"
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

struct SchemaBuild {
    SimBuild build;
    std::vector<int> selector;  // per mutant in `placed` order
};

// A mutant the schema could not take (Verilator rejected it inside the `?:` or `if` wrapper)
// but that builds on its own: it gets builds of its own.
struct StandaloneBuild {
    const Mutant* mutant = nullptr;
    SimBuild tb;
    std::optional<SimBuild> diff;
};

// One mutant and the binaries that run it, with the selector that picks it there.
struct Candidate {
    const Mutant* mutant = nullptr;
    const SimBuild* tb = nullptr;
    int tbSelector = 0;
    const SimBuild* diff = nullptr;  // null when there is no differential build
    int diffSelector = 0;
};

class Labeler {
public:
    Labeler(const DesignContext& ctx, const LabelOptions& options, const VerdictSink& sink,
            const ProgressSink& progress)
        : ctx_(ctx), d_(*ctx.design), options_(options), sink_(sink), progress_(progress)
    {
    }

    LabelOutcome run(const std::vector<Mutant>& pending)
    {
        for (const auto& m : pending) all_.push_back(&m);
        if (progress_) progress_("build", 0, all_.size());
        std::vector<const Mutant*> valid = all_;
        auto tb = buildSchema(valid, SimKind::Testbench, "tb");
        if (!tb) {
            // Some mutant does not build: check the original, then find the culprits.
            auto original = buildSchema({}, SimKind::Testbench, "tb");
            if (!original) return fail(original.error());
            valid.clear();
            bisect(all_, valid);
            tb = buildSchema(valid, SimKind::Testbench, "tb");
            if (!tb) return fail(tb.error());
        }
        Sandbox sandbox(options_.workDir / "run");
        SimRunOptions base;
        base.timeoutSeconds = d_.testbench.timeoutSeconds;
        SimRun original = runTestbench(d_, tb->build, sandbox, base);
        if (!original.passed)
            return fail(makeDiag(original.timedOut ? DiagCode::TestbenchTimeout
                                                   : DiagCode::TestbenchFailsOriginal,
                                 original.timedOut
                                     ? fmt::format("the testbench did not finish within {} s on the "
                                                   "original design",
                                                   d_.testbench.timeoutSeconds)
                                     : "the testbench fails on the original design: " +
                                           oneLine(original.evidence, 300),
                                 (d_.dir / "design.toml").string()));
        if (!ctx_.ports.empty()) {
            auto diff = buildSchema(valid, SimKind::Differential, "diff");
            if (diff) diff_ = std::move(*diff);
            else outcome_.warnings.push_back(diff.error().format());
        }
        if (diff_ && d_.stimulus.random) prepareReference(sandbox);
        std::vector<Candidate> candidates;
        for (size_t i = 0; i < valid.size(); ++i)
            candidates.push_back({valid[i], &tb->build, tb->selector[i],
                                  diff_ ? &diff_->build : nullptr, diff_ ? diff_->selector[i] : 0});
        for (const auto& alone : standalone_)
            candidates.push_back({alone.mutant, &alone.tb, 0, alone.diff ? &*alone.diff : nullptr, 0});
        simulate(candidates, sandbox);
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

    tl::expected<SchemaBuild, Diagnostic> buildSchema(const std::vector<const Mutant*>& set,
                                                      SimKind kind, const std::string& name)
    {
        SchemaResult schema = buildMutantSchema(d_.sources, ctx_.selectorSites, set);
        SimBuildOptions bo;
        bo.jobs = options_.jobs;
        bo.runtimeCache = options_.runtimeCache;
        auto build = buildSimulation(d_, schema.files, kind, ctx_.ports,
                                     options_.workDir / name, bo);
        if (!build) return tl::unexpected(build.error());
        return SchemaBuild{*build, schema.selector};
    }

    // The mutants that do not build alone are `invalid` with the compiler's message.
    void bisect(const std::vector<const Mutant*>& set, std::vector<const Mutant*>& good)
    {
        if (set.empty()) return;
        auto build = buildSchema(set, SimKind::Testbench, "probe");
        if (build) {
            good.insert(good.end(), set.begin(), set.end());
            return;
        }
        if (set.size() == 1) {
            buildAlone(*set[0]);
            return;
        }
        const size_t half = set.size() / 2;
        bisect({set.begin(), set.begin() + half}, good);
        bisect({set.begin() + half, set.end()}, good);
    }

    // The mutant on its own: `invalid` only when it does not build without the schema either.
    bool buildAlone(const Mutant& m)
    {
        auto sources = applyEdits(d_.sources, m.edits);
        SimBuildOptions bo;
        bo.jobs = options_.jobs;
        bo.runtimeCache = options_.runtimeCache;
        const auto dir = options_.workDir / "alone" / contentHash(m.id);
        auto tb = sources ? buildSimulation(d_, *sources, SimKind::Testbench, {}, dir / "tb", bo)
                          : tl::expected<SimBuild, Diagnostic>(tl::unexpected(sources.error()));
        if (!tb) {
            VerdictRecord v;
            v.verdict = Verdict::Invalid;
            v.engine = "verilator";
            v.evidenceKind = "compiler";
            v.evidence = nlohmann::json{{"check", "build"}, {"message", tb.error().message}}.dump();
            emit(m, v);
            return false;
        }
        StandaloneBuild alone{&m, *tb, std::nullopt};
        if (!ctx_.ports.empty()) {
            auto diff = buildSimulation(d_, *sources, SimKind::Differential, ctx_.ports, dir / "diff", bo);
            if (diff) alone.diff = *diff;
        }
        standalone_.push_back(std::move(alone));
        return true;
    }

    void prepareReference(const Sandbox& sandbox)
    {
        refPath_ = options_.workDir / "diff_ref.txt";
        SimRunOptions o;
        o.timeoutSeconds = d_.testbench.timeoutSeconds;
        o.extraArgs = randomArgs();
        o.extraArgs.push_back("+vl_dump=" + refPath_.string());
        SimRun r = runDifferential(diff_->build, sandbox, o);
        if (!r.passed) {
            outcome_.warnings.push_back("differential harness fails on the original; random "
                                        "stimulus disabled: " + r.evidence);
            refPath_.clear();
        }
    }

    std::vector<std::string> randomArgs() const
    {
        return {fmt::format("+vl_seed={}", d_.stimulus.seed),
                fmt::format("+vl_cycles={}", d_.stimulus.cycles)};
    }

    // A blocking/non-blocking change can reorder Verilator's evaluation of every block in the
    // schema, so such a mutant's failure there is only trusted once it fails built on its own.
    static bool scheduleSensitive(const Mutant& m) { return m.bugClass == "blocking-assignment"; }

    // The testbench run, then (if it passes and random stimulus is on) the differential run.
    std::pair<SimRun, const char*> check(const Candidate& c, const Sandbox& sandbox) const
    {
        SimRunOptions o;
        o.selector = c.tbSelector;
        o.timeoutSeconds = d_.testbench.timeoutSeconds;
        SimRun r = runTestbench(d_, *c.tb, sandbox, o);
        if (!r.passed || refPath_.empty() || !c.diff) return {r, "testbench"};
        o.selector = c.diffSelector;
        o.extraArgs = randomArgs();
        o.extraArgs.push_back("+vl_ref=" + refPath_.string());
        return {runDifferential(*c.diff, sandbox, o), "differential"};
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

    void simulate(std::vector<Candidate>& set, const Sandbox& sandbox)
    {
        std::atomic<size_t> done{0};
        survivors_.assign(set.size(), 0);
        killed_.assign(set.size(), 0);
        std::vector<char> recheck(set.size(), 0);
        parallelFor(set.size(), options_.jobs, [&](size_t i) {
            auto [r, kind] = check(set[i], sandbox);
            if (!r.passed && set[i].tbSelector != 0 && scheduleSensitive(*set[i].mutant))
                recheck[i] = true;
            else
                record(i, set[i], r, kind, "verilator");
            if (progress_) progress_("simulate", ++done, set.size());
        });
        for (size_t i = 0; i < set.size(); ++i) {
            if (!recheck[i] || !buildAlone(*set[i].mutant)) continue;
            const StandaloneBuild& alone = standalone_.back();
            set[i] = {alone.mutant, &alone.tb, 0, alone.diff ? &*alone.diff : nullptr, 0};
            auto [r, kind] = check(set[i], sandbox);
            record(i, set[i], r, kind, "verilator-alone");
        }
    }

    // Replays a counterexample in Verilator: the original (selector 0 of the schema's
    // differential build) and the mutant get the same input trace; returns the mismatch.
    std::string replay(const Candidate& c, const std::vector<TraceStep>& trace,
                       const std::filesystem::path& dir)
    {
        if (!diff_ || !c.diff) return {};
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
        if (!runDifferential(diff_->build, sandbox, o).passed) return {};
        o.selector = c.diffSelector;
        o.extraArgs = {"+vl_trace=" + (dir / "cex_trace.txt").string(),
                       "+vl_ref=" + (dir / "cex_ref.txt").string()};
        SimRun r = runDifferential(*c.diff, sandbox, o);
        return r.passed ? std::string{} : r.evidence;
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
            if (!killed_[i]) continue;
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
            const std::string mismatch = replay(c, f.trace, dir);
            if (!mismatch.empty()) {
                v.verdict = Verdict::Nonequivalent;
                v.evidenceKind = "formal-counterexample";
                ev["replay"] = nlohmann::json::parse(mismatch, nullptr, false);
                std::lock_guard<std::mutex> lock(vcdMutex_);
                vcds_[&m] = readFile(f.vcd).value_or("");
            } else {
                v.evidenceKind = "formal-unreplayed";
                ev["note"] = "Yosys found a counterexample that did not replay in Verilator";
            }
        } else if (f.status == FormalStatus::Equivalent && trustEquivalent) {
            v.verdict = Verdict::Equivalent;
            v.evidenceKind = "formal-proof";
            ev["collapsed_miter"] = f.collapsed;
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
    std::vector<const Mutant*> all_;
    std::optional<SchemaBuild> diff_;
    std::filesystem::path refPath_;
    std::vector<char> survivors_;
    std::vector<char> killed_;
    std::deque<StandaloneBuild> standalone_;
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
