#include "flows/hls_labeler.h"

#include <algorithm>
#include <mutex>
#include <sstream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "core/interrupt.h"
#include "core/json_text.h"
#include "core/text.h"
#include "equivalence/csim.h"
#include "equivalence/hls_rules.h"
#include "frontend/hls/hls_frontend.h"

namespace veriloop {

namespace {

constexpr double kTimeoutFactor = 20;  // a mutant may run this many times the original's time
constexpr double kMinTimeout = 1.0;
constexpr double kSanitizerSlowdown = 4;

class HlsLabeler {
public:
    HlsLabeler(const Design& design, const HlsAnalysis& analysis, const HlsLabelOptions& options,
               const VerdictSink& sink, const ProgressSink& progress)
        : design_(design), analysis_(analysis), options_(options), sink_(sink), progress_(progress),
          ws_(design, options.workDir / "csim", options.hlsInclude)
    {
    }

    LabelOutcome run(const std::vector<Mutant>& pending)
    {
        std::vector<const Mutant*> schema, alone, rules;
        for (const auto& m : pending) {
            if (m.check == MutantCheck::StaticRule) rules.push_back(&m);
            else if (m.check == MutantCheck::Standalone || m.choices.empty()) alone.push_back(&m);
            else schema.push_back(&m);
        }
        total_ = pending.size();
        if (!buildOriginal()) return outcome_;
        if (!schema.empty()) buildSchema(schema, alone);
        parallelFor(schema.size(), options_.jobs, [&](size_t i) { labelInSchema(*schema[i], i); });
        parallelFor(alone.size(), options_.jobs, [&](size_t i) { labelAlone(*alone[i], i); });
        labelByRules(rules);
        if (interruptRequested()) {  // what was decided is kept; the rest stays pending
            outcome_.problem = makeDiag(DiagCode::Interrupted, "interrupted", design_.dir.string());
            return outcome_;
        }
        outcome_.ok = true;
        return outcome_;
    }

private:
    // The original must pass its testbench in every flavor that is used as a checker; its
    // run time sets the mutants' time limit.
    bool buildOriginal()
    {
        auto z = ws_.build(design_.sources, CsimFlavor::Zero, "original");
        if (!z) {
            outcome_.problem = makeDiag(DiagCode::BuildFailed,
                                        "the kernel and its testbench do not compile: " +
                                            oneLine(z.error().log, 400),
                                        (design_.dir / "design.toml").string());
            return false;
        }
        const double limit = design_.testbench.timeoutSeconds;
        CsimRun r = runCsim(ws_, *z, 0, limit);
        if (!r.passed) {
            outcome_.problem = makeDiag(
                r.timedOut ? DiagCode::TestbenchTimeout : DiagCode::TestbenchFailsOriginal,
                fmt::format("the original kernel fails its testbench (exit {}{}): {}", r.exitCode,
                            r.timedOut ? ", timed out" : "",
                            firstLineWith(r.out + r.err, "FAIL")),
                (design_.dir / "design.toml").string());
            return false;
        }
        originalOut_ = r.out;
        originalSeconds_ = r.seconds;
        timeout_ = std::min(limit, std::max(kMinTimeout, kTimeoutFactor * r.seconds));
        if (auto p = ws_.build(design_.sources, CsimFlavor::Pattern, "original")) {
            CsimRun pr = runCsim(ws_, *p, 0, timeout_);
            patternUsable_ = pr.passed;
            patternOut_ = pr.out;
        }
        if (!patternUsable_)
            outcome_.warnings.push_back("the original fails with pattern auto-initialization; the "
                                        "uninitialized-read check is off");
        return true;
    }

    // All schema mutants in one build; those the schema cannot hold get builds of their own.
    void buildSchema(std::vector<const Mutant*>& schema, std::vector<const Mutant*>& alone)
    {
        progress_("schema build", 0, total_);
        auto built = buildCsimSchema(ws_, schema);
        if (!built) {
            outcome_.warnings.push_back(fmt::format(
                "the mutant schema did not compile ({}); {} mutants are built one by one",
                oneLine(built.error().log, 200), schema.size()));
            alone.insert(alone.end(), schema.begin(), schema.end());
            schema.clear();
            return;
        }
        alone.insert(alone.end(), built->rejected.begin(), built->rejected.end());
        selector_ = built->selector;
        schema.erase(std::remove_if(schema.begin(), schema.end(),
                                    [&](const Mutant* m) { return !selector_.count(m); }),
                     schema.end());
        schemaFiles_ = built->files;
        zero_ = built->build;
        buildSchemaFlavors();
    }

    void buildSchemaFlavors()
    {
        if (patternUsable_)
            if (auto p = ws_.build(schemaFiles_, CsimFlavor::Pattern, "schema")) pattern_ = *p;
        auto s = ws_.build(schemaFiles_, CsimFlavor::Sanitize, "schema");
        if (s) {
            CsimRun r = runCsim(ws_, *s, 0, timeout_ * kSanitizerSlowdown + 2);
            if (r.passed && r.sanitizerReport.empty()) sanitize_ = *s;
            else
                outcome_.warnings.push_back("the original fails under ASan/UBSan (" +
                                            oneLine(r.sanitizerReport, 200) +
                                            "); the sanitizer check is off");
        }
    }

    VerdictRecord judge(const CsimRun& z, const CsimRun* s, const CsimRun* p, const char* engine) const
    {
        VerdictRecord v;
        v.engine = engine;
        v.seconds = z.seconds + (s ? s->seconds : 0) + (p ? p->seconds : 0);
        nlohmann::json ev;
        v.verdict = Verdict::Killed;
        if (z.timedOut) {
            v.evidenceKind = "timeout";
            ev = {{"original_seconds", originalSeconds_}, {"limit_seconds", timeout_},
                  {"note", "the original terminates; the mutant ran past the limit"}};
        } else if (s && !s->sanitizerReport.empty()) {
            v.evidenceKind = "sanitizer";
            ev = {{"report", s->sanitizerReport}, {"build", csimFlavorName(CsimFlavor::Sanitize)}};
        } else if (!z.passed) {
            v.evidenceKind = z.signal ? "crash" : "output-mismatch";
            ev = {{"exit_code", z.exitCode},
                  {"failure", firstLineWith(z.out + "\n" + z.err, "FAIL")},
                  {"first_difference", firstOutputDifference(originalOut_, z.out)}};
            if (z.signal) ev["signal"] = z.signal;
        } else if (p && (!p->passed || p->out != patternOut_)) {
            v.evidenceKind = "uninit-differential";
            ev = {{"zero_init", "passes"},
                  {"pattern_init", p->passed ? "output differs" : "fails"},
                  {"pattern_exit_code", p->exitCode}, {"pattern_signal", p->signal},
                  {"pattern_timed_out", p->timedOut},
                  {"failure", firstLineWith(p->out + "\n" + p->err, "FAIL")},
                  {"first_difference", firstOutputDifference(patternOut_, p->out)}};
        } else {
            v.verdict = Verdict::Survived;
            v.evidenceKind = "none";
            nlohmann::json checks = nlohmann::json::array({"zero-init"});
            if (s) checks.push_back("asan-ubsan");
            if (p) checks.push_back("pattern-init");
            ev = {{"checks", checks}};
        }
        v.evidence = jsonText(ev);
        return v;
    }

    void labelInSchema(const Mutant& m, size_t)
    {
        const int sel = selector_.at(&m);
        CsimRun z = runCsim(ws_, zero_, sel, timeout_);
        std::optional<CsimRun> s, p;
        if (!z.timedOut && sanitize_)
            s = runCsim(ws_, *sanitize_, sel, timeout_ * kSanitizerSlowdown + 2);
        if (z.passed && pattern_ && (!s || s->sanitizerReport.empty()))
            p = runCsim(ws_, *pattern_, sel, timeout_);
        decided(m, judge(z, s ? &*s : nullptr, p ? &*p : nullptr, "csim-schema"));
    }

    void labelAlone(const Mutant& m, size_t index)
    {
        VerdictRecord v;
        auto files = applyEdits(design_.sources, m.edits);
        const std::string name = fmt::format("alone-{}", index);
        auto z = files ? ws_.build(*files, CsimFlavor::Zero, name)
                       : tl::expected<CsimBuild, CsimBuildFailure>(
                             tl::unexpected(CsimBuildFailure{"the edits do not apply", {}, {}}));
        if (!z) {
            v.verdict = Verdict::Invalid;
            v.evidenceKind = "compiler";
            v.engine = "g++";
            v.evidence = jsonText(nlohmann::json{{"log", oneLine(z.error().log, 600)}});
            decided(m, v);
            return;
        }
        CsimRun zr = runCsim(ws_, *z, 0, timeout_);
        std::optional<CsimRun> pr;
        if (zr.passed && patternUsable_)
            if (auto p = ws_.build(*files, CsimFlavor::Pattern, name)) pr = runCsim(ws_, *p, 0, timeout_);
        decided(m, judge(zr, nullptr, pr ? &*pr : nullptr, "csim-standalone"));
        std::error_code ec;
        std::filesystem::remove_all(options_.workDir / "csim" / name, ec);
    }

    // Pragma mutants: the mutated kernel is parsed again by Clang and the rules are checked;
    // only a violation the original does not have confirms the bug.
    void labelByRules(const std::vector<const Mutant*>& mutants)
    {
        if (mutants.empty()) return;
        const auto before = checkHlsRules(analysis_);
        for (const Mutant* m : mutants) {
            if (interruptRequested()) return;
            VerdictRecord v;
            v.engine = "hls-rules";
            auto files = applyEdits(design_.sources, m->edits);
            Design mutated = design_;
            if (files) mutated.sources = *files;
            auto a = files ? hls::analyzeHlsDesign(mutated, options_.hlsInclude)
                           : tl::expected<HlsAnalysis, Diagnostic>(tl::unexpected(
                                 makeDiag(DiagCode::EditMismatch, "the edits do not apply")));
            if (!a) {
                v.verdict = Verdict::Invalid;
                v.evidenceKind = "compiler";
                v.evidence = jsonText(nlohmann::json{{"log", a.error().format()}});
            } else if (auto fresh = newViolations(before, checkHlsRules(*a)); !fresh.empty()) {
                v.verdict = Verdict::Killed;
                v.evidenceKind = "static-rule";
                nlohmann::json all = nlohmann::json::array();
                for (const auto& r : fresh)
                    all.push_back({{"rule", r.rule}, {"subject", r.subject}, {"message", r.message},
                                   {"line", r.line}});
                v.evidence = jsonText(nlohmann::json{{"rule", fresh[0].rule},
                                            {"message", fresh[0].message},
                                            {"line", fresh[0].line},
                                            {"violations", all}});
            } else {
                v.verdict = Verdict::Survived;
                v.evidenceKind = "none";
                v.evidence = jsonText(nlohmann::json{{"rules_checked", hlsRules().size()}});
            }
            decided(*m, v);
        }
    }

    void decided(const Mutant& m, const VerdictRecord& v)
    {
        std::lock_guard<std::mutex> lock(mutex_);
        sink_(m, v, "");
        progress_("labeling", ++done_, total_);
    }

    const Design& design_;
    const HlsAnalysis& analysis_;
    const HlsLabelOptions& options_;
    const VerdictSink& sink_;
    const ProgressSink& progress_;
    CsimWorkspace ws_;
    LabelOutcome outcome_;
    std::vector<SourceFile> schemaFiles_;
    std::map<const Mutant*, int> selector_;
    CsimBuild zero_;
    std::optional<CsimBuild> pattern_, sanitize_;
    std::string originalOut_, patternOut_;
    bool patternUsable_ = false;
    double originalSeconds_ = 0;
    double timeout_ = kMinTimeout;
    size_t total_ = 0, done_ = 0;
    std::mutex mutex_;
};

}  // namespace

LabelOutcome labelHlsMutants(const Design& design, const HlsAnalysis& analysis,
                             const std::vector<Mutant>& pending, const HlsLabelOptions& options,
                             const VerdictSink& sink, const ProgressSink& progress)
{
    return HlsLabeler(design, analysis, options, sink, progress).run(pending);
}

}  // namespace veriloop
