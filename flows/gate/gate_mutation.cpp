// Gate check `mutation`: does head's testbench catch bugs in the code that changed? The
// mutants whose edit touches a changed line (every mutant with --full), a seeded sample of at
// most `max_mutants`, are labeled by the dataset engine (one schema build, a run each, formal
// for survivors). Score = killed / (mutants - proved equivalent - invalid); a mutant the
// testbench misses (survived, or shown different only by formal) is reported at its file and
// line with its edit, so the author sees exactly which change the tests do not notice. When the
// testbench itself changed, its strength changed everywhere: the whole design is measured. A
// testbench run that hangs counts as caught (the suite would not pass).

#include <algorithm>
#include <mutex>

#include <fmt/format.h>

#include "core/source.h"
#include "flows/design_labeler.h"
#include "flows/gate/gate_check_kit.h"
#include "flows/hls_labeler.h"
#include "frontend/hls/hls_frontend.h"
#include "frontend/rtl/rtl_frontend.h"
#include "mutators/generate.h"
#include "mutators/operator.h"

namespace veriloop {

namespace {

struct Labeled {
    const Mutant* mutant;
    VerdictRecord verdict;
};

class MutationCheck final : public GateCheck {
public:
    std::string_view id() const override { return "mutation"; }
    std::string_view summary() const override
    {
        return "the testbench kills the mutants of the changed lines (score >= min_mutation_score)";
    }

    GateCheckResult run(const GateDesignContext& ctx) const override
    {
        auto ops = OperatorRegistry::instance().select(ctx.settings.operators);
        if (!ops) return gateResult(GateStatus::Error, "operators: " + ops.error());
        std::vector<Site> sites;
        std::optional<rtl::RtlFrontendResult> rtlView;
        std::optional<HlsAnalysis> hlsView;
        if (ctx.head.isRtl()) {
            auto a = rtl::analyzeRtlDesign(ctx.head);
            if (!a) return gateResult(GateStatus::Error, "head does not elaborate: " + a.error().format());
            rtlView = std::move(*a);
            sites = rtlView->sites;
        } else {
            auto a = hls::analyzeHlsDesign(ctx.head, hls::defaultHlsIncludeDir());
            if (!a) return gateResult(GateStatus::Error, "head does not parse: " + a.error().format());
            hlsView = std::move(*a);
            sites = hlsView->sites;
        }
        GenerateOptions go{ctx.seed, 0, hlsView ? &*hlsView : nullptr};
        auto generated = generateMutants(ctx.head.sources, sites, *ops, go);
        const bool whole = ctx.full || ctx.target.testbenchChanged;
        std::vector<Mutant> pending = selectMutants(ctx, generated.mutants, whole);
        if (pending.empty())
            return gateResult(GateStatus::Pass, whole ? "the design has no mutation sites"
                                                      : "no mutation site on the changed lines");
        std::vector<Labeled> labeled;
        std::mutex mutex;
        auto sink = [&](const Mutant& m, const VerdictRecord& v, const std::string&) {
            std::lock_guard<std::mutex> lock(mutex);
            labeled.push_back({&m, v});
        };
        auto progress = [&](const std::string& phase, size_t done, size_t total) {
            ctx.progress->phase("mutation " + phase, done, total);
        };
        LabelOutcome outcome = hlsView ? labelHls(ctx, *hlsView, pending, sink, progress)
                                       : labelRtl(ctx, *rtlView, pending, sink, progress);
        if (!outcome.ok && outcome.problem.code == DiagCode::TestbenchFailsOriginal)
            return gateResult(GateStatus::Error, "not measured: head's own testbench fails (a mutation "
                                                 "score needs a passing testbench)");
        if (!outcome.ok)
            return gateResult(GateStatus::Error, "mutants could not be labeled: " + outcome.problem.format());
        GateCheckResult r = score(ctx, labeled, pending.size());
        r.details["scope"] = ctx.full ? "design (--full)"
                             : whole  ? "design (the testbench changed)"
                                      : "changed lines";
        return r;
    }

private:
    static std::vector<Mutant> selectMutants(const GateDesignContext& ctx, const std::vector<Mutant>& all,
                                             bool whole)
    {
        std::vector<Mutant> out;
        for (const auto& m : all)
            if (whole || ctx.changed(m.file, m.line, std::max(m.line, m.endLine))) out.push_back(m);
        if (out.size() > ctx.settings.maxMutants) {
            // A seeded sample that does not depend on the order the operators ran in.
            std::sort(out.begin(), out.end(), [&](const Mutant& a, const Mutant& b) {
                return contentHash(fmt::format("{}:{}", ctx.seed, a.id)) <
                       contentHash(fmt::format("{}:{}", ctx.seed, b.id));
            });
            out.resize(ctx.settings.maxMutants);
        }
        return out;
    }

    static LabelOutcome labelRtl(const GateDesignContext& ctx, const rtl::RtlFrontendResult& a,
                                 const std::vector<Mutant>& pending, const VerdictSink& sink,
                                 const ProgressSink& progress)
    {
        DesignContext dc;
        dc.design = &ctx.head;
        for (const auto& m : a.modules) dc.selectorSites.push_back({m.file, m.headerEnd});
        for (const auto& p : a.topPorts) dc.ports.push_back({p.name, p.width, p.dir});
        LabelOptions lo;
        lo.jobs = ctx.jobs;
        lo.formalOptions.bound = ctx.settings.formalBound;
        lo.formalOptions.timeoutSeconds = std::clamp(ctx.timeoutSeconds / 10, 5.0, 60.0);
        lo.workDir = ctx.work / "label";
        lo.runtimeCache = ctx.work / "verilator-runtime";
        return labelMutants(dc, pending, lo, sink, progress);
    }

    static LabelOutcome labelHls(const GateDesignContext& ctx, const HlsAnalysis& a,
                                 const std::vector<Mutant>& pending, const VerdictSink& sink,
                                 const ProgressSink& progress)
    {
        HlsLabelOptions lo{ctx.jobs, ctx.work / "label", hls::defaultHlsIncludeDir()};
        return labelHlsMutants(ctx.head, a, pending, lo, sink, progress);
    }

    static GateCheckResult score(const GateDesignContext& ctx, std::vector<Labeled>& labeled, size_t total)
    {
        std::sort(labeled.begin(), labeled.end(), [](const Labeled& a, const Labeled& b) {
            return std::tie(a.mutant->file, a.mutant->line, a.mutant->id) <
                   std::tie(b.mutant->file, b.mutant->line, b.mutant->id);
        });
        std::map<std::string, int> counts;
        for (const auto& l : labeled) ++counts[std::string(verdictName(l.verdict.verdict))];
        const int killed = counts["killed"] + counts["timeout"];
        const int measured = static_cast<int>(total) - counts["equivalent"] - counts["invalid"];
        const double score = measured > 0 ? static_cast<double>(killed) / measured : 1.0;
        const bool pass = score + 1e-9 >= ctx.settings.minMutationScore &&
                          labeled.size() == total;
        GateCheckResult r = gateResult(
            pass ? GateStatus::Pass : GateStatus::Fail,
            fmt::format("mutation score {:.2f} ({} of {} caught; {} equivalent, {} invalid; "
                        "threshold {:.2f}){}",
                        score, killed, measured, counts["equivalent"], counts["invalid"],
                        ctx.settings.minMutationScore,
                        labeled.size() == total ? "" : fmt::format("; only {} of {} labeled", labeled.size(), total)));
        for (const auto& l : labeled) {
            const Verdict v = l.verdict.verdict;
            if (v != Verdict::Survived && v != Verdict::Nonequivalent) continue;
            const Mutant& m = *l.mutant;
            GateFinding f = gateFinding(
                ctx, "gate-mutation-survivor",
                fmt::format("the tests miss this bug: `{}` -> `{}` ({}: {}){}", m.originalText,
                            m.mutatedText, m.operatorId, m.description,
                            v == Verdict::Nonequivalent ? "; formal shows it changes behavior" : ""),
                m.file, m.line, m.column, m.endLine, m.endColumn, m.id);
            f.level = pass ? "warning" : "error";
            r.findings.push_back(std::move(f));
        }
        r.details = {{"score", score},       {"mutants", total},
                     {"killed", killed},     {"equivalent", counts["equivalent"]},
                     {"invalid", counts["invalid"]}, {"survived", counts["survived"]},
                     {"nonequivalent", counts["nonequivalent"]},
                     {"threshold", ctx.settings.minMutationScore}};
        return r;
    }
};

}  // namespace

const GateCheck& mutationGateCheck()
{
    static const MutationCheck check;
    return check;
}

}  // namespace veriloop
