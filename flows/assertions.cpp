#include "flows/assertions.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <regex>
#include <set>

#include <fmt/format.h>

#include "core/interrupt.h"
#include "core/json_text.h"
#include "core/text.h"
#include "dataset/database.h"
#include "equivalence/schema.h"
#include "equivalence/verilator_sim.h"
#include "equivalence/yosys_worker.h"
#include "frontend/rtl/rtl_frontend.h"
#include "frontend/rtl/slang_elaboration.h"
#include "mutators/generate.h"
#include "mutators/operator.h"

namespace veriloop {

namespace {

// The property indices a simulation-mode monitor printed ("VLPROP <i>").
std::set<int> firedProperties(const std::string& output)
{
    static const std::regex re(R"(VLPROP (\d+))");
    std::set<int> fired;
    for (std::sregex_iterator it(output.begin(), output.end(), re), end; it != end; ++it)
        fired.insert(std::stoi((*it)[1].str()));
    return fired;
}

class Asserter {
public:
    Asserter(const Design& design, const AssertOptions& options) : d_(design), o_(options), sandbox_(options.workDir / "runs")
    {
    }

    tl::expected<AssertReport, Diagnostic> run()
    {
        const auto toml = (d_.dir / "design.toml").string();
        if (!d_.isRtl())
            return tl::unexpected(makeDiag(DiagCode::InvalidOption, "assert works on RTL designs; " + d_.name + " is HLS C++", toml));
        if (d_.clock.empty())
            return tl::unexpected(makeDiag(DiagCode::InvalidOption,
                                           "assert mines clocked properties; " + d_.name + " has no [clock] in design.toml", toml));
        std::filesystem::create_directories(o_.workDir / "runs");
        auto analyzed = rtl::analyzeRtlDesign(d_);
        if (!analyzed) return tl::unexpected(analyzed.error());
        for (const auto& p : analyzed->topPorts) ports_.push_back({p.name, p.width, p.dir});
        auto elab = rtl::elaborateWithSlang(d_);
        if (!elab) return tl::unexpected(elab.error());
        if (auto top = elab->modules.find(d_.top); top != elab->modules.end())
            for (const auto& v : top->second.vars)
                if (!v.param && v.width >= 1 && v.width <= 4096) signals_.push_back({v.name, v.width, v.dir == "input"});

        report_.design = d_.name;
        auto samples = traceOriginal();
        if (!samples) return tl::unexpected(samples.error());
        std::vector<Property> candidates = mineProperties(d_, signals_, *samples, o_.maxCandidates);
        report_.candidates = static_cast<int>(candidates.size());
        note(fmt::format("{} candidate properties from {} sampled cycles", candidates.size(), samples->rows.size()));
        for (auto& p : candidates) report_.results.push_back({std::move(p), "", false, "", "", {}});
        if (o_.proposer) {
            if (auto ok = askProposer(); !ok) return tl::unexpected(ok.error());
        }

        if (auto ok = simulateOnOriginal(); !ok) return tl::unexpected(ok.error());
        if (interruptRequested()) return tl::unexpected(interrupted());
        if (auto ok = scoreOnMutants(analyzed->sites, analyzed->modules); !ok) return tl::unexpected(ok.error());
        if (interruptRequested()) return tl::unexpected(interrupted());
        selectProvedCover();
        if (interruptRequested()) return tl::unexpected(interrupted());
        writeBindFile();
        return std::move(report_);
    }

private:
    void note(const std::string& line) const
    {
        if (o_.progress) o_.progress(line);
    }

    bool alive(const AssertionResult& r) const { return r.status.empty(); }

    // Ctrl-C: a half-scored or half-proved set of assertions is not a result to keep.
    Diagnostic interrupted() const
    {
        return makeDiag(DiagCode::Interrupted, "stopped before the assertions of " + d_.name + " were all checked; none was kept");
    }

    std::vector<Property> aliveProperties(std::vector<size_t>& index) const
    {
        std::vector<Property> out;
        index.clear();
        for (size_t i = 0; i < report_.results.size(); ++i)
            if (alive(report_.results[i])) {
                out.push_back(report_.results[i].property);
                index.push_back(i);
            }
        return out;
    }

    SimRun differential(const SimBuild& build, int selector, uint64_t seed, int cycles,
                        std::vector<std::string> extra = {})
    {
        SimRunOptions o;
        o.selector = selector;
        o.timeoutSeconds = std::max(10.0, cycles / 500.0);
        RandomStimulus s;
        s.seed = seed;
        s.cycles = cycles;
        s.resetEvery = cycles / 2;
        o.extraArgs = stimulusArgs(s);
        o.extraArgs.insert(o.extraArgs.end(), extra.begin(), extra.end());
        return runDifferential(build, sandbox_, o);
    }

    // The original, traced, on a random run: one row of signal values per cycle.
    tl::expected<TraceSamples, Diagnostic> traceOriginal()
    {
        SimBuildOptions bo;
        bo.jobs = o_.jobs;
        bo.trace = true;
        auto build = buildSimulation(d_, d_.sources, SimKind::Differential, ports_, o_.workDir / "trace", bo);
        if (!build) return tl::unexpected(build.error());
        const auto vcd = o_.workDir / "runs" / "original.vcd";
        SimRun r = differential(*build, 0, 1, o_.cycles, {"+vl_vcd=" + vcd.string()});
        if (!r.passed)
            return tl::unexpected(makeDiag(DiagCode::BuildFailed, "the original's random simulation failed: " +
                                                                      oneLine(r.evidence + r.output, 300)));
        auto text = readFile(vcd);
        if (!text) return tl::unexpected(makeDiag(DiagCode::BuildFailed, "the original's waveform was not written"));
        return sampleBeforeEdges(parseVcd(*text), d_, signals_);
    }

    // The proposer's properties, translated and re-parsed; the ones that fail are kept in the
    // report as not-compiled, with the reason.
    tl::expected<void, Diagnostic> askProposer()
    {
        report_.proposer = "builtin+" + o_.proposer->name();
        AssertContext ctx;
        ctx.design = &d_;
        ctx.sources = d_.sources;
        for (const auto& s : signals_)
            ctx.signals += fmt::format("{} [{}]{}\n", s.name, s.width, s.input ? " (input)" : "");
        for (const auto& r : report_.results) ctx.mined += r.property.sva + "\n";
        std::string problem;
        auto proposed = o_.proposer->propose(ctx, problem);
        if (!proposed) return tl::unexpected(makeDiag(DiagCode::ToolMissing, "the proposer cannot run: " + proposed.error()));
        report_.problem = problem;
        const size_t base = report_.results.size();
        for (size_t i = 0; i < proposed->size(); ++i) {
            const auto& pp = (*proposed)[i];
            std::string label = pp.label;
            std::replace_if(label.begin(), label.end(), [](char c) { return !std::isalnum(static_cast<unsigned char>(c)) && c != '_'; }, '_');
            const std::string id = fmt::format("p{}_llm_{}", base + i + 1, label);
            AssertionResult r;
            auto p = propertyFromSva(id, pp.property, signals_);
            if (!p) {
                r.property.id = id;
                r.property.kind = "llm";
                r.property.sva = pp.property;
                r.status = "not-compiled";
                r.reason = "not translated: " + p.error();
            } else {
                r.property = std::move(*p);
                auto errors = rtl::syntaxErrors(
                    d_, withMonitor(d_, d_.sources, monitorText(d_, {r.property}, signals_, MonitorMode::Formal)));
                if (!errors.empty()) {
                    r.status = "not-compiled";
                    r.reason = "does not parse: " + errors.front();
                }
            }
            report_.results.push_back(std::move(r));
        }
        report_.candidates = static_cast<int>(report_.results.size());
        note(fmt::format("{} properties from {}", proposed->size(), o_.proposer->name()));
        return {};
    }

    // (b), simulation: the testbench and seeded random runs of the original with every
    // candidate monitored; a candidate that fires is dropped. Also (a) for Verilator.
    tl::expected<void, Diagnostic> simulateOnOriginal()
    {
        std::vector<size_t> index;
        auto props = aliveProperties(index);
        if (props.empty()) return {};
        auto files = withMonitor(d_, d_.sources, monitorText(d_, props, signals_, MonitorMode::Simulation));
        if (files.empty()) return tl::unexpected(makeDiag(DiagCode::InternalError, "the top module's endmodule was not found"));
        SimBuildOptions bo;
        bo.jobs = o_.jobs;
        auto diff = buildSimulation(d_, files, SimKind::Differential, ports_, o_.workDir / "monitor-diff", bo);
        if (!diff) return tl::unexpected(diff.error());
        auto drop = [&](const std::set<int>& fired, const std::string& where) {
            for (int f : fired)
                if (f >= 0 && static_cast<size_t>(f) < index.size() && alive(report_.results[index[f]])) {
                    report_.results[index[f]].status = "fails-original";
                    report_.results[index[f]].reason = "violated on the original: " + where;
                }
        };
        for (int seed = 1; seed <= o_.seeds; ++seed) {
            SimRun r = differential(*diff, 0, 1000 + seed, o_.cycles * 5);
            // A run that did not finish checked nothing after its end: never counted as a pass.
            if (!r.passed)
                return tl::unexpected(makeDiag(DiagCode::BuildFailed,
                                               fmt::format("the original's random run (seed {}) with the monitors did not "
                                                           "finish: {}", 1000 + seed, oneLine(r.evidence + r.output, 300))));
            drop(firedProperties(r.output), fmt::format("random run seed {} ({} cycles)", 1000 + seed, o_.cycles * 5));
        }
        if (!d_.testbench.sources.empty()) {
            auto tb = buildSimulation(d_, files, SimKind::Testbench, ports_, o_.workDir / "monitor-tb", bo);
            if (!tb) return tl::unexpected(tb.error());
            SimRunOptions o;
            o.timeoutSeconds = d_.testbench.timeoutSeconds;
            SimRun r = runTestbench(d_, *tb, sandbox_, o);
            drop(firedProperties(r.output), "the testbench");
            // Monitors only print: a testbench that fails with them bound ran into its own
            // failure, and what it did not reach was not checked.
            if (!r.passed)
                return tl::unexpected(makeDiag(DiagCode::TestbenchFailsOriginal,
                                               "the original's testbench fails with the monitors bound: " +
                                                   oneLine(r.evidence + r.output, 300)));
            testbenchChecked_ = true;
        }
        return {};
    }

    // (b), proof: each surviving candidate alone, k-induction from the reset sequence.
    // One Yosys proof of `props` together (their conjunction, k-induction from the reset
    // sequence), in `dir`.
    YosysRun prove(const std::vector<Property>& props, const std::filesystem::path& dir) const
    {
        std::filesystem::create_directories(dir);
        auto files = withMonitor(d_, d_.sources, monitorText(d_, props, signals_, MonitorMode::Formal));
        std::string read = "read_verilog -formal -sv -I" + d_.dir.string();
        for (const auto& f : files) {
            writeFile(dir / "src" / f.path, f.text);
            read += " " + (dir / "src" / f.path).string();
        }
        std::string sat = fmt::format("sat -tempinduct -prove-asserts -set-init-zero -timeout {}",
                                      static_cast<int>(o_.proofSeconds));
        int resetCycles = 0;
        if (d_.reset) {
            resetCycles = d_.reset->cycles;
            for (int step = 1; step <= resetCycles; ++step)
                sat += fmt::format(" -set-at {} {} {}", step, d_.reset->name, d_.reset->activeLow ? 0 : 1);
        }
        sat += fmt::format(" -seq {} -maxsteps {}", resetCycles, o_.bound);
        writeFile(dir / "prove.ys", fmt::format("{}\nprep -top {}\nmemory\nasync2sync\ndffunmap\n{}\n", read, d_.top, sat));
        return runYosysScript(yosysSandbox(dir, d_.inputFolders()), dir / "prove.ys", dir, o_.proofSeconds + 30);
    }

    static bool proved(const YosysRun& y) { return y.log.find("Induction step proven: SUCCESS!") != std::string::npos; }

    std::string provedMethod() const
    {
        return fmt::format("proved (Yosys sat-tempinduct, k-induction to depth {} from the reset sequence)", o_.bound);
    }

    // (b), proof of the results at `index` (the cover's new members: a candidate not in the
    // cover is dropped anyway), together first (a conjunction that is inductive proves each of
    // them, and often where one alone is not inductive); when that fails, each alone. True
    // when a proof showed one of them false or unreadable (it is dropped: the cover changes).
    bool proveKept(const std::vector<size_t>& index, const std::string& round)
    {
        std::vector<Property> props;
        for (size_t i : index) props.push_back(report_.results[i].property);
        if (props.empty()) return false;
        if (props.size() > 1 && proved(prove(props, o_.workDir / "proofs" / round))) {
            for (size_t i : index) {
                report_.results[i].proved = true;
                report_.results[i].method = provedMethod() + ", in one proof with the other kept assertions";
            }
            note(fmt::format("{} proved together", props.size()));
            return false;
        }
        bool dropped = false;
        for (size_t i : index) {
            if (interruptRequested()) return false;
            auto& r = report_.results[i];
            YosysRun y = prove({r.property}, o_.workDir / "proofs" / r.property.id);
            const std::string& log = y.log;
            const auto error = log.find("ERROR:");
            const bool readFailed = error != std::string::npos && log.find("Executing PREP") == std::string::npos;
            if (readFailed) {
                dropped = true;
                r.status = "not-compiled";
                r.reason = "Yosys (read_verilog -formal -sv): " + oneLine(log.substr(error), 200);
            } else if (proved(y)) {
                r.proved = true;
                r.method = provedMethod();
            } else if (log.find("model found for base case: FAIL!") != std::string::npos ||
                       log.find("model found: FAIL!") != std::string::npos) {
                dropped = true;
                r.status = "fails-original";
                r.reason = "violated on the original: Yosys found a trace from reset that breaks it";
            } else {
                const std::string why = error != std::string::npos
                                            ? "Yosys could not prove it: " + oneLine(log.substr(error + 7), 120)
                                        : y.timedOut ? fmt::format("the proof timed out after {} s", o_.proofSeconds)
                                                     : fmt::format("no proof within depth {}", o_.bound);
                r.method = fmt::format("simulation-only (not violated by {}{} random runs of {} cycles; {})",
                                       testbenchChecked_ ? "the testbench and " : "", o_.seeds, o_.cycles * 5, why);
            }
        }
        const auto provedCount = std::count_if(index.begin(), index.end(), [&](size_t i) { return report_.results[i].proved; });
        note(fmt::format("{} of {} proved{}", provedCount, index.size(), dropped ? ", some shown false: the cover is chosen again" : ""));
        return dropped;
    }

    // The greedy cover, each new member proved; one a proof shows false is dropped and the
    // cover chosen again from the rest. The proposer's properties are all proved (its author
    // learns whether each holds, kept or not); mined ones only when they join the cover.
    void selectProvedCover()
    {
        std::set<size_t> tried;
        for (size_t i = 0; i < report_.results.size(); ++i)
            if (alive(report_.results[i]) && report_.results[i].property.kind == "llm") tried.insert(i);
        proveKept({tried.begin(), tried.end()}, "proposed");
        for (int round = 1;; ++round) {
            selectCover();
            std::vector<size_t> fresh;
            for (size_t i = 0; i < report_.results.size(); ++i)
                if (report_.results[i].status == "kept" && !tried.count(i)) fresh.push_back(i);
            tried.insert(fresh.begin(), fresh.end());
            if (fresh.empty() || !proveKept(fresh, fmt::format("cover-{}", round)) || interruptRequested()) break;
            for (auto& r : report_.results)
                if (r.status == "kept" || r.status == "redundant") {
                    r.status.clear();
                    r.reason.clear();
                }
        }
        for (auto& r : report_.results)
            if (r.status == "redundant" && r.method.empty()) r.method = "not proved (not kept)";
        std::stable_partition(report_.results.begin(), report_.results.end(),
                              [](const AssertionResult& r) { return r.status == "kept"; });
    }

    // (c): mutants of the design in one schema build with the survivors monitored.
    tl::expected<void, Diagnostic> scoreOnMutants(const std::vector<Site>& sites, const std::vector<rtl::ModuleInfo>& modules)
    {
        std::vector<size_t> index;
        auto props = aliveProperties(index);
        auto ops = OperatorRegistry::instance().select("default");
        if (!ops) return tl::unexpected(makeDiag(DiagCode::InternalError, "no mutation operators"));
        GenerateOptions go;
        go.maxPerDesign = o_.maxMutants;
        std::vector<Mutant> mutants =
            o_.confirmedMutants ? *o_.confirmedMutants : generateMutants(d_.sources, sites, *ops, go).mutants;
        report_.mutants = static_cast<int>(mutants.size());
        std::vector<SelectorSite> selectorSites;
        for (const auto& m : modules) selectorSites.push_back({m.file, m.headerEnd});
        std::vector<const Mutant*> set;
        for (const auto& m : mutants) set.push_back(&m);
        SimBuildOptions bo;
        bo.jobs = o_.jobs;
        std::optional<SimBuild> build;
        SchemaResult schema;
        for (int attempt = 0; attempt < 4 && !build; ++attempt) {
            schema = buildMutantSchema(d_.sources, selectorSites, set);
            auto files = withMonitor(d_, schema.files, monitorText(d_, props, signals_, MonitorMode::Simulation));
            const auto dir = o_.workDir / fmt::format("schema-{}", attempt);
            auto b = buildSimulation(d_, files, SimKind::Differential, ports_, dir, bo);
            if (b) {
                build = std::move(*b);
                break;
            }
            auto culprits = schemaCulprits(schema, set, d_.sources, verilatorErrorLocations(dir));
            if (culprits.empty()) return tl::unexpected(b.error());
            std::set<size_t> drop(culprits.begin(), culprits.end());
            std::vector<const Mutant*> kept;
            for (size_t i = 0; i < set.size(); ++i)
                if (!drop.count(i)) kept.push_back(set[i]);
            set = std::move(kept);
        }
        if (!build) return tl::unexpected(makeDiag(DiagCode::BuildFailed, "the mutant schema did not build"));
        const auto ref = o_.workDir / "runs" / "reference.txt";
        SimRun orig = differential(*build, 0, 7, o_.cycles, {"+vl_dump=" + ref.string()});
        if (!orig.passed)
            return tl::unexpected(makeDiag(DiagCode::BuildFailed, "the original did not run in the schema build: " +
                                                                      oneLine(orig.evidence, 200)));
        int confirmed = 0;
        for (size_t m = 0; m < set.size() && !interruptRequested(); ++m) {
            const int sel = schema.selector[m];
            if (sel == 0) continue;
            if (!o_.confirmedMutants) {
                SimRun cmp = differential(*build, sel, 7, o_.cycles, {"+vl_ref=" + ref.string()});
                if (cmp.passed || cmp.harnessError || cmp.timedOut) continue;
            }
            SimRun full = differential(*build, sel, 7, o_.cycles);
            for (int f : firedProperties(full.output))
                if (f >= 0 && static_cast<size_t>(f) < index.size()) report_.results[index[f]].kills.push_back(confirmed);
            ++confirmed;
        }
        report_.mutants = static_cast<int>(set.size());
        report_.confirmed = confirmed;
        note(fmt::format("{} mutants, {} confirmed by the random differential run", set.size(), confirmed));
        return {};
    }

    // Greedy cover: the assertion catching the most not-yet-caught mutants first; one that
    // adds nothing is redundant.
    void selectCover()
    {
        std::set<int> caught;
        std::vector<size_t> order;
        std::vector<bool> used(report_.results.size(), false);
        while (true) {
            size_t best = report_.results.size();
            size_t bestGain = 0;
            for (size_t i = 0; i < report_.results.size(); ++i) {
                const auto& r = report_.results[i];
                if (used[i] || !alive(r)) continue;
                size_t gain = 0;
                for (int k : r.kills) gain += !caught.count(k);
                if (gain > bestGain || (gain == bestGain && gain > 0 && r.proved && !report_.results[best].proved)) {
                    best = i;
                    bestGain = gain;
                }
            }
            if (best == report_.results.size() || bestGain == 0) break;
            used[best] = true;
            order.push_back(best);
            caught.insert(report_.results[best].kills.begin(), report_.results[best].kills.end());
        }
        for (size_t i = 0; i < report_.results.size(); ++i)
            if (alive(report_.results[i]) && !used[i]) {
                report_.results[i].status = "redundant";
                report_.results[i].reason = report_.results[i].kills.empty() ? "catches no confirmed mutant"
                                                                             : "catches no mutant the kept ones miss";
            }
        for (size_t i : order) report_.results[i].status = "kept";
        report_.unionKills = static_cast<int>(caught.size());
    }

    void writeBindFile()
    {
        std::vector<Property> kept;
        std::vector<std::string> comments;
        for (const auto& r : report_.results) {
            if (r.status != "kept") continue;
            kept.push_back(r.property);
            comments.push_back(fmt::format("{}; catches {} of {} confirmed mutants ({:.0f}%)", r.method, r.kills.size(),
                                           report_.confirmed, 100.0 * r.kills.size() / std::max(1, report_.confirmed)));
        }
        if (kept.empty()) return;
        const std::string header = fmt::format(
            "// Assertions for `{}`, mined and checked by `veriloop assert`.\n"
            "// Each held on the original (proved, or simulation-only where no proof was found) and\n"
            "// catches mutants; together they catch {} of {} confirmed mutants ({:.0f}%).\n\n",
            d_.top, report_.unionKills, report_.confirmed, 100.0 * report_.unionKillRate());
        report_.bindFile = bindFileText(d_, kept, comments, signals_, header);
        // (a) for Verilator: the concurrent form, bound into the design, with the testbench.
        if (d_.testbench.sources.empty()) {
            report_.verilatorNote = "the design has no testbench to build the bind file with";
            return;
        }
        auto files = d_.sources;
        files.push_back({"veriloop_props.sv", report_.bindFile});
        SimBuildOptions bo;
        bo.jobs = o_.jobs;
        bo.assertions = true;
        auto tb = buildSimulation(d_, files, SimKind::Testbench, ports_, o_.workDir / "bind-tb", bo);
        if (!tb) {
            report_.verilatorNote = "the bind file does not build with Verilator --assert: " + oneLine(tb.error().message, 200);
            return;
        }
        SimRunOptions o;
        o.timeoutSeconds = d_.testbench.timeoutSeconds;
        SimRun run = runTestbench(d_, *tb, sandbox_, o);
        report_.verilatorChecked = run.passed;
        if (!run.passed)
            report_.verilatorNote = "the testbench fails with the bind file under --assert: " + oneLine(run.evidence, 200);
    }

    const Design& d_;
    AssertOptions o_;
    Sandbox sandbox_;
    std::vector<PortInfo> ports_;
    std::vector<TraceSignal> signals_;
    AssertReport report_;
    bool testbenchChecked_ = false;
};

}  // namespace

int AssertReport::kept() const
{
    return static_cast<int>(std::count_if(results.begin(), results.end(), [](const auto& r) { return r.status == "kept"; }));
}

int AssertReport::keptProved() const
{
    return static_cast<int>(
        std::count_if(results.begin(), results.end(), [](const auto& r) { return r.status == "kept" && r.proved; }));
}

nlohmann::json AssertReport::toJson() const
{
    nlohmann::json rows = nlohmann::json::array();
    for (const auto& r : results)
        rows.push_back({{"id", r.property.id},
                        {"kind", r.property.kind},
                        {"property", r.property.sva},
                        {"status", r.status},
                        {"proved", r.proved},
                        {"method", r.method},
                        {"reason", r.reason},
                        {"kills", r.kills.size()}});
    return {{"design", design},
            {"proposer", proposer},
            {"problem", problem},
            {"candidates", candidates},
            {"kept", kept()},
            {"kept_proved", keptProved()},
            {"kept_simulation_only", kept() - keptProved()},
            {"mutants", mutants},
            {"confirmed_mutants", confirmed},
            {"union_kills", unionKills},
            {"union_kill_rate", unionKillRate()},
            {"verilator_checked", verilatorChecked},
            {"verilator_note", verilatorNote},
            {"assertions", rows},
            {"bind_file", bindFile}};
}

std::string AssertReport::toText() const
{
    std::string out = fmt::format("{}: {} candidates, {} kept ({} proved, {} simulation-only); together they catch {} "
                                  "of {} confirmed mutants ({:.0f}%)\n",
                                  design, candidates, kept(), keptProved(), kept() - keptProved(), unionKills, confirmed,
                                  100.0 * unionKillRate());
    for (const auto& r : results) {
        if (r.status != "kept") continue;
        out += fmt::format("  [{}] {}  -- catches {}\n", r.proved ? "proved" : "simulation-only", r.property.sva,
                           r.kills.size());
    }
    std::map<std::string, int> dropped;
    for (const auto& r : results)
        if (r.status != "kept") ++dropped[r.status];
    for (const auto& [status, n] : dropped) out += fmt::format("  ({} {})\n", n, status);
    if (kept() > 0 && !verilatorChecked) out += "  warning: " + verilatorNote + "\n";
    return out;
}

tl::expected<int, Diagnostic> storeAssertions(Database& db, const Design& design, const AssertReport& report,
                                              int64_t runId)
{
    auto row = db.upsertDesign(design, runId);
    if (!row) return tl::unexpected(row.error());
    int stored = 0;
    for (const auto& r : report.results) {
        if (r.status != "kept") continue;
        nlohmann::json j = {{"property_id", r.property.id},
                            {"kind", r.property.kind},
                            {"property", r.property.sva},
                            {"file", design.sources.empty() ? "" : design.sources.front().path},
                            {"clock", design.clock},
                            {"reset", design.reset ? design.reset->name : ""},
                            {"proved", r.proved},
                            {"hold_method", r.method},
                            {"kills", r.kills.size()},
                            {"confirmed_mutants", report.confirmed},
                            {"kill_rate", report.confirmed ? static_cast<double>(r.kills.size()) / report.confirmed : 0.0},
                            {"union_kill_rate", report.unionKillRate()}};
        const std::string original = design.sources.empty() ? "" : design.sources.front().text;
        setTextFields(j, {{"original_source", &original}});
        TaskRecord t{"assert", contentHash(r.property.sva + design.clock).substr(0, 16), jsonText(j)};
        if (auto ok = db.recordTask(row->id, t, runId); !ok) return tl::unexpected(ok.error());
        ++stored;
    }
    return stored;
}

tl::expected<AssertReport, Diagnostic> assertDesign(const Design& design, const AssertOptions& options)
{
    return Asserter(design, options).run();
}

}  // namespace veriloop
