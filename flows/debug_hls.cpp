// The HLS C++ checker of the debug loop. Why its verdicts are right: a candidate `passes` only
// when every check the labeler uses to confirm an HLS bug holds on the fixed sources: the
// testbench passes with zero auto-initialization, passes clean under ASan+UBSan, prints the
// same with pattern auto-initialization (no uninitialized read shows), and (with a golden)
// the generated differential harness prints what the golden prints on seeded random inputs,
// and the pragma rules find no violation the golden does not have. `correct` needs more: the
// fix equals the golden on an extended set of seeded random inputs as well.
//
// Fault localization: a Coverage build (gcov, pattern init, sanitizers in recover mode) of the
// buggy kernel runs the testbench and the harness on single seeds; Ochiai ranks the lines.
// Lines named by a pragma-rule violation rank first: C simulation cannot see those bugs.

#include <algorithm>
#include <atomic>
#include <mutex>
#include <set>
#include <thread>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "core/json_text.h"
#include "core/text.h"
#include "equivalence/csim.h"
#include "equivalence/hls_harness.h"
#include "equivalence/hls_rules.h"
#include "flows/debug_checker.h"
#include "flows/design_labeler.h"
#include "frontend/hls/hls_frontend.h"

namespace veriloop {

namespace {

constexpr int kCheckSeeds = 8;        // random inputs every candidate must match the golden on
constexpr int kExtendedSeeds = 200;   // more inputs the fix must match for `correct`
constexpr double kTimeoutFactor = 20; // a candidate may run this many times the golden's time
constexpr double kSanitizerSlowdown = 4;
constexpr int kMaxAloneBuilds = 20;   // candidates built on their own per round

// The builds of one version of the sources, or of a schema holding many candidates.
struct CsimBuilds {
    CsimBuild zero, sanitize, pattern;
    std::optional<CsimBuild> harness;  // ASan+UBSan build of the differential harness
    /// Not empty while only `zero` is built: the other flavors are built under this name
    /// once the zero-init testbench passes.
    std::string pendingName;
};

struct Placed {
    std::shared_ptr<CsimBuilds> builds;
    int selector = 0;
};

// The golden's outputs on the harness, one block per seed, and its testbench time.
struct GoldenReference {
    std::vector<uint64_t> seeds;              // seeds on which the golden runs clean
    std::map<uint64_t, std::string> outputs;  // seed -> the harness's block for it
    double tbSeconds = 0, harnessSeconds = 0;
};

std::string seedHeader(uint64_t seed) { return fmt::format("# seed {}\n", seed); }

// Splits a harness's output into its per-seed blocks.
std::map<uint64_t, std::string> seedBlocks(const std::string& out)
{
    std::map<uint64_t, std::string> blocks;
    uint64_t current = 0;
    bool in = false;
    for (const auto& line : splitLines(out)) {
        if (line.rfind("# seed ", 0) == 0) {
            current = std::stoull(line.substr(7));
            in = true;
            blocks[current] = seedHeader(current);
        } else if (in) {
            blocks[current] += line + "\n";
        }
    }
    return blocks;
}

std::vector<std::string> seedArgs(const std::vector<uint64_t>& seeds)
{
    std::vector<std::string> args;
    for (uint64_t s : seeds) args.push_back(std::to_string(s));
    return args;
}

class HlsChecker final : public DebugChecker {
public:
    explicit HlsChecker(const DebugEnv& env)
        : env_(env), d_(env.design), o_(env.options),
          include_(o_.hlsInclude.empty() ? hls::defaultHlsIncludeDir() : o_.hlsInclude),
          ws_(d_, env.work / "csim", include_)
    {
    }

    const std::vector<Site>& sites() const override { return analysis_.sites; }
    const HlsAnalysis* hlsAnalysis() const override { return &analysis_; }

    bool prepare(DebugResult& r) override
    {
        auto analyzed = hls::analyzeHlsDesign(d_, include_);
        if (!analyzed) {
            r.error = analyzed.error();
            return false;
        }
        analysis_ = std::move(*analyzed);
        if (!o_.golden.empty() && !prepareGolden(r)) return false;
        violations_ = newViolations(baseline_, checkHlsRules(analysis_));
        return localize(r);
    }

    std::vector<CandidateOutcome> check(const std::vector<SourceFile>& base,
                                        const std::vector<const RepairCandidate*>& cands,
                                        int iteration) override
    {
        (void)base;  // candidates are edits of the design's sources, which the workspace holds
        std::vector<CandidateOutcome> out(cands.size());
        std::vector<Placed> where(cands.size());
        const std::string prefix = fmt::format("iter{}", iteration);
        // A pragma edit does not change what C simulation computes: such candidates run as the
        // design itself (selector 0 of a schema) and the pragma rules decide.
        std::vector<size_t> schema, alone, pragmaOnly;
        for (size_t i = 0; i < cands.size(); ++i) {
            const bool inSchema = cands[i]->schemaCapable;
            if (inSchema && cands[i]->mutant.check == MutantCheck::StaticRule) pragmaOnly.push_back(i);
            else (inSchema && cands[i]->mutant.check == MutantCheck::Schema ? schema : alone).push_back(i);
        }
        if (!schema.empty() || !pragmaOnly.empty())
            placeInSchema(cands, schema, pragmaOnly, alone, where, prefix);
        std::atomic<size_t> firstPass{SIZE_MAX};
        parallelFor(cands.size(), o_.jobs, [&](size_t i) {
            if (!where[i].builds || i > firstPass.load()) return;
            out[i] = checkOne(*cands[i], where[i]);
            if (out[i].outcome != "passed") return;
            size_t cur = firstPass.load();
            while (i < cur && !firstPass.compare_exchange_weak(cur, i)) {
            }
        });
        runAlone(cands, alone, where, out, firstPass, prefix);
        placed_.clear();
        for (size_t i = 0; i < cands.size(); ++i) placed_[cands[i]] = where[i];
        return out;
    }

    // Runs the candidates the schema cannot hold (`alone`), after those it holds ran.
    void runAlone(const std::vector<const RepairCandidate*>& cands, std::vector<size_t> alone,
                  std::vector<Placed>& where, std::vector<CandidateOutcome>& out,
                  std::atomic<size_t>& firstPass, const std::string& prefix)
    {
        // Each with builds of its own: only those ranked before the first that passed, at most
        // kMaxAloneBuilds a round, and the other flavors only once the zero-init testbench
        // passes. Candidates that are rarely a fix and many (a declaration retyped, an
        // initializer dropped, a read made signed) go last.
        auto rarelyAFix = [&](size_t i) {
            static const std::set<std::string> origins = {
                "builtin:hls-repair-retype-declaration", "builtin:hls-width-narrow",
                "builtin:hls-use-signed-declaration", "builtin:hls-use-sign-extend",
                "builtin:hls-init-delete"};
            return origins.count(cands[i]->origin) > 0;
        };
        std::sort(alone.begin(), alone.end(), [&](size_t a, size_t b) {
            return std::make_pair(rarelyAFix(a), a) < std::make_pair(rarelyAFix(b), b);
        });
        int built = 0;
        for (size_t i : alone) {
            if (i > firstPass.load()) continue;
            if (built++ >= kMaxAloneBuilds) continue;  // stays not-run
            const std::string name = fmt::format("{}-alone{}", prefix, i);
            auto zero = ws_.build(cands[i]->files, CsimFlavor::Zero, name);
            if (!zero) {
                out[i] = {"build-failed", env_.normalize(oneLine(zero.error().log, 800))};
                continue;
            }
            auto builds = std::make_shared<CsimBuilds>();
            builds->zero = *zero;
            builds->pendingName = name;
            where[i] = {builds, 0};
            out[i] = checkOne(*cands[i], where[i]);
            if (out[i].outcome == "passed") firstPass = i;
        }
    }

    std::pair<RepairVerdict, std::string> judge(const RepairCandidate& fix) override
    {
        // C simulation cannot tell pragmas apart: a fix must carry the golden's directives.
        if (auto differs = pragmaDifference(fix.files, o_.golden); !differs.empty())
            return {RepairVerdict::Plausible,
                    "passes the tests and the pragma rules, but its directives differ from the "
                    "golden's: " + differs};
        auto it = placed_.find(&fix);
        if (!harnessWs_ || it == placed_.end() || !it->second.builds->harness)
            return {RepairVerdict::Plausible,
                    "passes the testbench in every flavor; no differential harness could drive "
                    "the top function, so equality with the golden was not tested"};
        std::vector<uint64_t> extended(golden_.seeds.begin() + std::min(golden_.seeds.size(), checkEnd()),
                                       golden_.seeds.end());
        if (extended.empty())
            return {RepairVerdict::Plausible, "passes the tests; the golden runs clean on no "
                                              "further random inputs to compare on"};
        auto diff = compareHarness(*it->second.builds->harness, it->second.selector, extended);
        if (diff.empty())
            return {RepairVerdict::Correct,
                    fmt::format("equal to the golden on the testbench (zero/pattern init, "
                                "ASan+UBSan) and on {} more seeded random inputs",
                                golden_.seeds.size())};
        return {RepairVerdict::Plausible,
                "passes the tests, but differs from the golden on an extended random input: " + diff};
    }

private:
    // The first `#pragma HLS` directive (with its arguments) one version has and the other
    // has not; empty when both carry the same directives.
    static std::string pragmaDifference(const std::vector<SourceFile>& a, const std::vector<SourceFile>& b)
    {
        auto directives = [](const std::vector<SourceFile>& files) {
            std::multiset<std::string> out;
            for (size_t f = 0; f < files.size(); ++f)
                for (const auto& p : scanHlsPragmas(files[f].text, static_cast<int>(f))) {
                    // `mode=m_axi` and a bare `m_axi` (`type=cyclic`, `cyclic`) say the same.
                    std::set<std::string> words(p.flags.begin(), p.flags.end());
                    for (const auto& [k, v] : p.args)
                        words.insert(k == "mode" || k == "type" ? v : k + "=" + v);
                    std::string key = p.directive;
                    for (const auto& w : words) key += " " + w;
                    out.insert(key);
                }
            return out;
        };
        const auto da = directives(a), db = directives(b);
        for (const auto& d : da)
            if (da.count(d) != db.count(d)) return "`" + d + "`";
        for (const auto& d : db)
            if (da.count(d) != db.count(d)) return "`" + d + "` (missing)";
        return {};
    }

    // ---- the golden: rule baseline, differential harness, reference outputs ----

    bool prepareGolden(DebugResult& r)
    {
        const HlsFunction* top = analysis_.function(d_.top);
        HlsHarness harness = top ? generateHlsHarness(d_, *top)
                                 : HlsHarness{{}, "the top function `" + d_.top + "` is not defined"};
        if (!harness.problem.empty()) {
            env_.log(fmt::format("{}: no random differential harness ({}); the testbench alone "
                                 "decides",
                                 d_.name, harness.problem));
        } else {
            const auto path = env_.work / "harness" / "veriloop_harness.cpp";
            writeFile(path, harness.source);
            harnessDesign_ = d_;
            harnessDesign_.testbench.sources = {path.string()};
            harnessDesign_.testbench.passStdout.clear();
            harnessDesign_.testbench.passExitCode = 0;
            harnessWs_ = std::make_unique<CsimWorkspace>(harnessDesign_, env_.work / "harness-csim", include_);
        }
        std::string key = harness.source;
        for (const auto& f : o_.golden) key += f.path + '\0' + f.text + '\0';
        key += fmt::format("{}:{}:{}:{}", o_.flRuns, kCheckSeeds, kExtendedSeeds, include_.string());
        const auto cache = o_.goldenCache.empty()
                               ? std::filesystem::path()
                               : std::filesystem::absolute(o_.goldenCache) / ("hls-" + contentHash(key)) / "golden.json";
        if (!cache.empty())
            if (auto text = readFile(cache)) {
                auto j = nlohmann::json::parse(*text, nullptr, false);
                if (!j.is_discarded()) {
                    for (const auto& v : j["rule_baseline"])
                        baseline_.push_back({v["rule"], v["subject"], v["message"], v["line"]});
                    golden_.seeds = j["seeds"].get<std::vector<uint64_t>>();
                    for (auto& [k, v] : j["outputs"].items()) golden_.outputs[std::stoull(k)] = v;
                    golden_.tbSeconds = j["tb_seconds"];
                    golden_.harnessSeconds = j["harness_seconds"];
                    return true;
                }
            }
        // The rules the golden itself breaks are not the bug's (a Clang parse of the golden).
        Design golden = d_;
        golden.sources = o_.golden;
        if (auto a = hls::analyzeHlsDesign(golden, include_)) baseline_ = checkHlsRules(*a);
        if (!runGolden(r)) return false;
        if (!cache.empty()) {
            nlohmann::json j = {{"seeds", golden_.seeds}, {"tb_seconds", golden_.tbSeconds},
                                {"harness_seconds", golden_.harnessSeconds},
                                {"rule_baseline", nlohmann::json::array()}};
            for (const auto& v : baseline_)
                j["rule_baseline"].push_back(
                    {{"rule", v.rule}, {"subject", v.subject}, {"message", v.message}, {"line", v.line}});
            for (const auto& [k, v] : golden_.outputs) j["outputs"][std::to_string(k)] = v;
            writeFile(cache, jsonText(j));
        }
        return true;
    }

    bool runGolden(DebugResult& r)
    {
        auto zero = ws_.build(o_.golden, CsimFlavor::Zero, "golden");
        if (!zero) {
            r.error = makeDiag(DiagCode::BuildFailed,
                               "the golden does not build with the testbench: " + oneLine(zero.error().log, 400),
                               d_.dir.string());
            return false;
        }
        CsimRun tb = runCsim(ws_, *zero, 0, d_.testbench.timeoutSeconds);
        if (!tb.passed) {
            r.error = makeDiag(DiagCode::TestbenchFailsOriginal,
                               "the golden fails the testbench: " + firstLineWith(tb.out + tb.err, "FAIL"),
                               d_.dir.string());
            return false;
        }
        golden_.tbSeconds = tb.seconds;
        if (!harnessWs_) return true;
        auto h = harnessWs_->build(o_.golden, CsimFlavor::Sanitize, "golden");
        if (!h) {
            env_.log(fmt::format("{}: the differential harness does not compile ({}); the testbench "
                                 "alone decides",
                                 d_.name, oneLine(h.error().log, 300)));
            harnessWs_.reset();
            return true;
        }
        // Seeds on which the golden itself misbehaves (a random size past an array, an empty
        // stream read) are not inputs the design accepts: they are dropped. A run that stops
        // on seed k is started again after it.
        const uint64_t total = static_cast<uint64_t>(o_.flRuns) + kCheckSeeds + kExtendedSeeds;
        uint64_t next = 1;
        for (uint64_t attempt = 0; next <= total && attempt <= total; ++attempt) {
            std::vector<uint64_t> seeds;
            for (uint64_t s = next; s <= total; ++s) seeds.push_back(s);
            CsimRun run = runCsim(*harnessWs_, *h, 0, std::max(10.0, d_.testbench.timeoutSeconds), 1024,
                                  {seedArgs(seeds), {}});
            golden_.harnessSeconds += run.seconds;
            const auto blocks = seedBlocks(run.out);
            const bool clean = run.passed && run.sanitizerReport.empty();
            // Unless the run finished clean, the last block it printed is the seed it stopped on.
            const uint64_t stopped = clean ? total + 1 : blocks.empty() ? next : blocks.rbegin()->first;
            for (const auto& [seed, block] : blocks)
                if (seed < stopped) {
                    golden_.seeds.push_back(seed);
                    golden_.outputs[seed] = block;
                }
            next = stopped + 1;
        }
        if (golden_.seeds.size() < static_cast<size_t>(kCheckSeeds)) {
            env_.log(fmt::format("{}: the golden runs clean on only {} random inputs; the testbench "
                                 "alone decides",
                                 d_.name, golden_.seeds.size()));
            harnessWs_.reset();
        }
        return true;
    }

    size_t flEnd() const { return std::min(golden_.seeds.size(), static_cast<size_t>(o_.flRuns)); }
    size_t checkEnd() const { return std::min(golden_.seeds.size(), flEnd() + kCheckSeeds); }

    double tbTimeout() const
    {
        if (golden_.tbSeconds <= 0) return d_.testbench.timeoutSeconds;
        return std::min(d_.testbench.timeoutSeconds, std::max(1.0, kTimeoutFactor * golden_.tbSeconds));
    }

    double harnessTimeout(size_t seeds) const
    {
        const double perSeed = golden_.seeds.empty() ? 0.05 : golden_.harnessSeconds / golden_.seeds.size();
        return std::max(2.0, kTimeoutFactor * perSeed * static_cast<double>(seeds) * kSanitizerSlowdown);
    }

    // The first seed among `seeds` on which the harness build differs from the golden, as
    // one line; empty when it matches on all of them.
    std::string compareHarness(const CsimBuild& build, int selector, const std::vector<uint64_t>& seeds) const
    {
        CsimRun run = runCsim(*harnessWs_, build, selector, harnessTimeout(seeds.size()), 1024,
                              {seedArgs(seeds), {}});
        const bool clean = run.passed && run.sanitizerReport.empty();
        auto blocks = seedBlocks(run.out);
        for (uint64_t s : seeds) {
            auto it = blocks.find(s);
            // A block the run did not finish (the last one when it stopped) is its failure.
            if (it == blocks.end() || (!clean && std::next(it) == blocks.end()))
                return fmt::format("seed {}: {}", s, runFailure(run));
            const std::string& expected = golden_.outputs.at(s);
            if (it->second != expected) {
                auto d = firstOutputDifference(expected, it->second);
                return fmt::format("seed {}: output line {}: expected `{}`, got `{}`", s,
                                   d["line"].get<int>(), d["expected"].get<std::string>(),
                                   d["actual"].get<std::string>());
            }
        }
        return clean ? std::string() : "after the last seed: " + runFailure(run);
    }

    static std::string runFailure(const CsimRun& run)
    {
        if (run.timedOut) return "timed out";
        if (!run.sanitizerReport.empty()) return "sanitizer: " + oneLine(run.sanitizerReport, 300);
        if (run.signal) return fmt::format("killed by signal {}", run.signal);
        const std::string fail = firstLineWith(run.out + "\n" + run.err, "FAIL");
        if (!fail.empty()) return fail;
        const std::string error = firstLineWith(run.err, "ERROR");
        return error.empty() ? fmt::format("exit code {}", run.exitCode) : error;
    }

    // ---- fault localization ----

    bool localize(DebugResult& r)
    {
        auto tbBuild = ws_.build(d_.sources, CsimFlavor::Coverage, "coverage");
        if (!tbBuild) {
            r.error = makeDiag(DiagCode::BuildFailed,
                               "the design does not build with its testbench: " +
                                   env_.normalize(oneLine(tbBuild.error().log, 600)),
                               (d_.dir / "design.toml").string());
            return false;
        }
        std::optional<CsimBuild> harness;
        if (harnessWs_)
            if (auto h = harnessWs_->build(d_.sources, CsimFlavor::Coverage, "coverage")) harness = *h;
        std::vector<CoverageRun> runs(1 + (harness ? flEnd() : 0));
        std::set<LineKey> known;
        std::mutex knownMutex;
        std::vector<std::string> failures(runs.size());
        parallelFor(runs.size(), o_.jobs, [&](size_t i) {
            const bool isTb = i == 0;
            const CsimWorkspace& ws = isTb ? ws_ : *harnessWs_;
            const CsimBuild& build = isTb ? *tbBuild : *harness;
            const auto covDir = (isTb ? ws_.sandbox().workDir() : harnessWs_->sandbox().workDir()) /
                                "coverage-runs" / std::to_string(i);
            CsimRunExtras extras{{}, covDir};
            const uint64_t seed = isTb ? 0 : golden_.seeds[i - 1];
            if (!isTb) extras.args = {std::to_string(seed)};
            CsimRun run = runCsim(ws, build, 0, isTb ? tbTimeout() : harnessTimeout(1) * 2, 1024, extras);
            bool failed = !run.passed || !run.sanitizerReport.empty();
            std::string why = failed ? runFailure(run) : "";
            if (!isTb && !failed) {
                auto blocks = seedBlocks(run.out);
                auto it = blocks.find(seed);
                if (it == blocks.end() || it->second != golden_.outputs.at(seed)) {
                    failed = true;
                    auto d = firstOutputDifference(golden_.outputs.at(seed),
                                                   it == blocks.end() ? std::string() : it->second);
                    why = fmt::format("output line {}: expected `{}`, got `{}`", d["line"].get<int>(),
                                      d["expected"].get<std::string>(), d["actual"].get<std::string>());
                }
            }
            runs[i].name = isTb ? "testbench" : fmt::format("random seed={}", seed);
            runs[i].failed = failed;
            if (failed) failures[i] = why;
            std::set<LineKey> k;
            for (const auto& [file, line] : readCsimCoverage(ws, build, covDir, d_.sources, &k))
                runs[i].executed.insert({file, line});
            std::lock_guard lock(knownMutex);
            known.insert(k.begin(), k.end());
        });
        if (!failures[0].empty()) r.evidence += "testbench: " + failures[0] + "\n";
        for (size_t i = 1; i < runs.size(); ++i)
            if (!failures[i].empty()) {
                r.evidence += fmt::format("random differential run against the golden ({}): {}\n",
                                          runs[i].name, failures[i]);
                break;
            }
        // A local declared without code of its own (`int acc;`) has no gcov line; it counts as
        // run by every run. Other lines gcov does not know (pragmas, parameters) are not code.
        std::set<LineKey> always;
        for (const auto& s : analysis_.sites) {
            if (s.kind != SiteKind::Declaration || known.count({s.token.file, s.line})) continue;
            const HlsFunction* f = analysis_.function(s.module);
            if (f && s.token.begin > f->bodyInsert) always.insert({s.token.file, s.line});
        }
        r.localization = rankLines(runs, always, d_.sources);
        rankViolations(r);
        if (r.localization.failingRuns == 0) {
            r.error = makeDiag(DiagCode::NothingToDebug,
                               o_.golden.empty()
                                   ? "the kernel passes its testbench (zero and pattern init, "
                                     "ASan+UBSan) and the pragma rules: nothing to debug (give "
                                     "--golden DIR to compare against a fixed version)"
                                   : "the kernel passes its testbench, matches the golden on random "
                                     "inputs and breaks no pragma rule: nothing to debug",
                               (d_.dir / "design.toml").string());
            return false;
        }
        r.evidence = env_.normalize(r.evidence);
        env_.log(fmt::format("{}: {} failing and {} passing runs; most suspicious: {}", d_.name,
                             r.localization.failingRuns, r.localization.passingRuns,
                             r.localization.ranked.empty()
                                 ? std::string("-")
                                 : fmt::format("{}:{}", r.localization.ranked[0].file,
                                               r.localization.ranked[0].line)));
        return true;
    }

    // Pragma-rule violations are failures no run shows: their lines go first, and the check
    // counts as one failing run.
    void rankViolations(DebugResult& r) const
    {
        if (violations_.empty()) return;
        const HlsFunction* top = analysis_.function(d_.top);
        const int file = top ? top->range.file : 0;
        std::vector<SuspiciousLine> first;
        std::set<int> seen;
        for (const auto& v : violations_) {
            r.evidence += fmt::format("pragma rule {} (line {}): {}\n", v.rule, v.line, v.message);
            if (v.line <= 0 || !seen.insert(v.line).second) continue;
            const auto lines = splitLines(d_.sources[file].text);
            first.push_back({d_.sources[file].path, v.line, 1.0,
                             v.line <= static_cast<int>(lines.size()) ? oneLine(lines[v.line - 1], 200)
                                                                      : std::string()});
        }
        auto& ranked = r.localization.ranked;
        ranked.erase(std::remove_if(ranked.begin(), ranked.end(),
                                    [&](const SuspiciousLine& s) {
                                        return s.file == d_.sources[file].path && seen.count(s.line);
                                    }),
                     ranked.end());
        ranked.insert(ranked.begin(), first.begin(), first.end());
        ++r.localization.failingRuns;
    }

    // ---- checking candidates ----

    // The schema of every schema-capable candidate: one build per flavor. Candidates the
    // schema cannot hold are built alone.
    void placeInSchema(const std::vector<const RepairCandidate*>& cands, const std::vector<size_t>& schema,
                       const std::vector<size_t>& pragmaOnly, std::vector<size_t>& alone,
                       std::vector<Placed>& where, const std::string& prefix)
    {
        std::vector<const Mutant*> mutants;
        for (size_t i : schema) mutants.push_back(&cands[i]->mutant);
        auto built = buildCsimSchema(ws_, mutants, prefix + "-schema");
        auto builds = built ? buildFlavors(built->files, prefix + "-schema", built->build)
                            : tl::expected<CsimBuilds, std::string>(tl::unexpected(std::string()));
        if (!builds) {
            alone.insert(alone.end(), schema.begin(), schema.end());
            alone.insert(alone.end(), pragmaOnly.begin(), pragmaOnly.end());
            std::sort(alone.begin(), alone.end());
            return;
        }
        auto shared = std::make_shared<CsimBuilds>(std::move(*builds));
        for (size_t i : pragmaOnly) where[i] = {shared, 0};
        for (size_t k = 0; k < schema.size(); ++k) {
            auto it = built->selector.find(mutants[k]);
            if (it == built->selector.end()) alone.push_back(schema[k]);
            else where[schema[k]] = {shared, it->second};
        }
        std::sort(alone.begin(), alone.end());
    }

    // The sanitizer, pattern and harness builds of sources whose zero-init build is `zero`.
    tl::expected<CsimBuilds, std::string> buildFlavors(const std::vector<SourceFile>& files,
                                                       const std::string& name, const CsimBuild& zero)
    {
        CsimBuilds b;
        b.zero = zero;
        tl::expected<CsimBuild, CsimBuildFailure> sanitize, pattern;
        std::optional<tl::expected<CsimBuild, CsimBuildFailure>> harness;
        // Builds running at the same time write their sources to folders of their own.
        std::thread t([&] {
            sanitize = ws_.build(files, CsimFlavor::Sanitize, name + "-asan");
            if (harnessWs_) harness = harnessWs_->build(files, CsimFlavor::Sanitize, name);
        });
        pattern = ws_.build(files, CsimFlavor::Pattern, name + "-pattern");
        t.join();
        for (auto* x : {&sanitize, &pattern})
            if (!*x) return tl::unexpected(env_.normalize(oneLine(x->error().log, 800)));
        b.sanitize = *sanitize;
        b.pattern = *pattern;
        if (harness && *harness) b.harness = **harness;
        return b;
    }

    // Cheapest first: the testbench, the same under the sanitizers, with pattern init, the
    // harness against the golden, then the pragma rules (a Clang parse).
    CandidateOutcome checkOne(const RepairCandidate& cand, const Placed& at)
    {
        CsimBuilds& b = *at.builds;
        const int sel = at.selector;
        CsimRun zero = runCsim(ws_, b.zero, sel, tbTimeout());
        if (!zero.passed)
            return {zero.timedOut ? "timeout" : "testbench-failed", runFailure(zero)};
        if (!b.pendingName.empty()) {
            auto flavors = buildFlavors(cand.files, b.pendingName, b.zero);
            if (!flavors) return {"build-failed", flavors.error()};
            b = std::move(*flavors);
        }
        CsimRun san = runCsim(ws_, b.sanitize, sel, tbTimeout() * kSanitizerSlowdown + 2);
        if (!san.passed || !san.sanitizerReport.empty())
            return {san.timedOut ? "timeout" : "testbench-failed",
                    "under ASan+UBSan: " + runFailure(san)};
        CsimRun pat = runCsim(ws_, b.pattern, sel, tbTimeout());
        if (!pat.passed || pat.out != zero.out)
            return {pat.timedOut ? "timeout" : "testbench-failed",
                    "with pattern auto-initialization the testbench " +
                        (pat.passed ? std::string("prints something else (an uninitialized read)")
                                    : runFailure(pat))};
        if (b.harness && harnessWs_) {
            std::vector<uint64_t> seeds(golden_.seeds.begin() + flEnd(), golden_.seeds.begin() + checkEnd());
            if (auto diff = compareHarness(*b.harness, sel, seeds); !diff.empty())
                return {"differential-failed", diff};
        }
        if (auto v = ruleViolation(cand); !v.empty()) return {"rule-violation", v};
        return {"passed", harnessWs_ ? "the testbench (zero/pattern init, ASan+UBSan), random "
                                       "differential runs against the golden and the pragma rules pass"
                                     : "the testbench (zero/pattern init, ASan+UBSan) and the pragma "
                                       "rules pass"};
    }

    std::string ruleViolation(const RepairCandidate& cand)
    {
        std::lock_guard lock(clangMutex_);  // one Clang parse at a time
        Design fixed = d_;
        fixed.sources = cand.files;
        auto a = hls::analyzeHlsDesign(fixed, include_);
        if (!a) return "the fixed kernel does not parse: " + a.error().message;
        auto fresh = newViolations(baseline_, checkHlsRules(*a));
        if (fresh.empty()) return {};
        return fmt::format("pragma rule {} (line {}): {}", fresh[0].rule, fresh[0].line, fresh[0].message);
    }

    const DebugEnv& env_;
    const Design& d_;
    const DebugOptions& o_;
    std::filesystem::path include_;
    CsimWorkspace ws_;
    HlsAnalysis analysis_;
    std::vector<RuleViolation> baseline_;    // the golden's (rules the design may break anyway)
    std::vector<RuleViolation> violations_;  // the design's beyond the baseline
    Design harnessDesign_;
    std::unique_ptr<CsimWorkspace> harnessWs_;
    GoldenReference golden_;
    std::map<const RepairCandidate*, Placed> placed_;  // where the last batch was built
    std::mutex clangMutex_;
};

}  // namespace

std::unique_ptr<DebugChecker> makeHlsChecker(const DebugEnv& env)
{
    return std::make_unique<HlsChecker>(env);
}

}  // namespace veriloop
