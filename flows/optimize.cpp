#include "flows/optimize.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <map>
#include <mutex>
#include <set>
#include <thread>

#include <fmt/format.h>

#include "core/interrupt.h"
#include "core/json_text.h"
#include "core/text.h"
#include "dataset/database.h"
#include "equivalence/counterexample_replay.h"
#include "equivalence/yosys_formal.h"
#include "flows/patch_safety.h"
#include "frontend/rtl/rtl_frontend.h"

namespace veriloop {

namespace {

using Clock = std::chrono::steady_clock;

std::string diffOf(const std::vector<SourceFile>& before, const std::vector<SourceFile>& after)
{
    std::string diff;
    for (size_t i = 0; i < before.size() && i < after.size(); ++i)
        if (before[i].text != after[i].text) diff += unifiedDiff(before[i].path, before[i].text, after[i].text);
    return diff;
}

std::string filesKey(const std::vector<SourceFile>& files)
{
    std::string all;
    for (const auto& f : files) all += f.path + '\0' + f.text + '\0';
    return contentHash(all);
}

// Smaller, or as small and shallower.
bool improves(const SynthReport& after, const SynthReport& before, bool xilinx)
{
    const int a = after.area(xilinx), b = before.area(xilinx);
    return a < b || (a == b && after.logicDepth < before.logicDepth);
}

std::string proofMethodText(const FormalResult& f, bool combinational)
{
    if (f.engine == "equiv-induct")
        return combinational ? std::string("equiv-induct: Yosys' structural proof, complete for combinational logic")
                             : fmt::format("equiv-induct: registers paired by name, induction over {} steps", f.bound);
    if (combinational) return fmt::format("{}: complete SAT proof of the combinational miter", f.engine);
    return fmt::format("{}: k-induction of the miter to depth {} from the reset sequence (registers "
                       "starting at zero)", f.engine, f.bound);
}

std::vector<PortInfo> portsOf(const rtl::RtlFrontendResult& a)
{
    std::vector<PortInfo> ports;
    for (const auto& p : a.topPorts) ports.push_back({p.name, p.width, p.dir});
    return ports;
}

nlohmann::json synthJson(const SynthReport& r, bool xilinx)
{
    nlohmann::json j = {{"area", r.area(xilinx)}, {"depth", r.logicDepth}};
    if (xilinx) {
        j["lut"] = r.luts;
        j["ff"] = r.ffs;
        j["dsp"] = r.dsps;
        j["bram"] = r.brams;
        j["carry4"] = r.carry;
    } else {
        j["cells"] = r.totalCells;
        j["ff"] = r.ffs;
    }
    return j;
}

std::string synthText(const SynthReport& r, bool xilinx)
{
    return xilinx ? fmt::format("LUT {} FF {} DSP {} BRAM {} CARRY4 {} depth {}", r.luts, r.ffs, r.dsps, r.brams,
                                r.carry, r.logicDepth)
                  : fmt::format("cells {} FF {} depth {}", r.totalCells, r.ffs, r.logicDepth);
}

class Optimizer {
public:
    Optimizer(const Design& design, OptimizationProposer& proposer, const OptimizeOptions& options)
        : d_(design), proposer_(proposer), o_(options), xilinx_(options.target == SynthTarget::Xilinx),
          start_(Clock::now())
    {
    }

    tl::expected<OptimizeReport, Diagnostic> run()
    {
        if (!d_.isRtl())
            return tl::unexpected(makeDiag(DiagCode::InvalidOption,
                                           "optimize works on RTL designs; " + d_.name + " is HLS C++",
                                           (d_.dir / "design.toml").string()));
        auto original = rtl::analyzeRtlDesign(d_);
        if (!original) return tl::unexpected(original.error());
        replayer_ = std::make_unique<CounterexampleReplayer>(d_, d_.sources, portsOf(*original),
                                                             o_.workDir / "replay", o_.jobs);
        auto before = synthReport(d_, d_.sources, o_.workDir / "synth" / "original", o_.target);
        if (!before) return tl::unexpected(before.error());
        report_.design = d_.name;
        report_.proposer = proposer_.name();
        report_.xilinx = xilinx_;
        report_.before = report_.after = *before;
        report_.result = d_.sources;
        note(fmt::format("original: {}", synthText(*before, xilinx_)));

        FormalOptions fo;
        fo.bound = o_.bound;
        fo.timeoutSeconds = o_.proofSeconds;
        fo.structuralFirst = true;
        formal_ = std::make_unique<FormalChecker>(d_, d_.sources, o_.workDir / "formal", fo);

        std::vector<Site> sites = original->sites;
        for (int round = 1; round <= o_.maxRounds && !outOfTime(); ++round) {
            OptimizeContext ctx;
            ctx.design = &d_;
            ctx.sources = report_.result;
            ctx.sites = sites;
            ctx.synthesis = synthText(report_.after, xilinx_);
            ctx.target = xilinx_ ? "xilinx" : "generic";
            ctx.rejected = rejected_;
            ctx.round = round;
            std::string problem;
            auto proposed = proposer_.propose(ctx, problem);
            if (!problem.empty()) {
                note(fmt::format("round {}: {}", round, problem));
                rejected_.push_back("the reply of round " + std::to_string(round) + ": " + problem);
                report_.problems.push_back(problem);
            }
            if (!proposed)
                return tl::unexpected(makeDiag(DiagCode::ToolMissing, "the proposer cannot run: " + proposed.error()));
            // A round that kept nothing ends the run unless the proposer may answer differently
            // next time (it was told what failed): a reply that gave nothing usable, or
            // candidates that were all new.
            if (!runRound(round, std::move(*proposed)) && problem.empty() && !freshLastRound_) break;
            Design current = d_;
            current.sources = report_.result;
            auto analyzed = rtl::analyzeRtlDesign(current);
            if (!analyzed) break;  // cannot happen for a proved version; stop rather than guess
            sites = analyzed->sites;
        }
        report_.interrupted = interruptRequested();
        report_.patch = diffOf(d_.sources, report_.result);
        return std::move(report_);
    }

private:
    bool outOfTime() const
    {
        if (interruptRequested()) return true;
        if (o_.maxSeconds <= 0) return false;
        return std::chrono::duration<double>(Clock::now() - start_).count() > o_.maxSeconds;
    }

    void note(const std::string& line) const
    {
        if (o_.progress) o_.progress(line);
    }

    // One round: synthesize every new candidate, prove the gainers best first, apply the first
    // proof. Returns whether one was kept.
    bool runRound(int round, std::vector<OptimizeCandidate> candidates)
    {
        std::vector<OptimizeProposal> fresh;
        for (auto& c : candidates) {
            if (!tried_.insert(filesKey(c.files)).second) continue;
            OptimizeProposal p;
            p.round = round;
            p.base = report_.after;
            p.diff = diffOf(report_.result, c.files);
            p.candidate = std::move(c);
            if (p.diff.empty()) continue;
            fresh.push_back(std::move(p));
        }
        freshLastRound_ = !fresh.empty();
        note(fmt::format("round {}: {} proposals to synthesize", round, fresh.size()));
        synthesizeAll(round, fresh);
        std::vector<OptimizeProposal*> gainers;
        for (auto& p : fresh)
            if (p.outcome == ProposalOutcome::Skipped) gainers.push_back(&p);
        gainers = proofOrder(std::move(gainers));
        bool kept = false;
        int proofs = 0;
        for (OptimizeProposal* p : gainers) {
            if (kept || proofs >= o_.maxProofsPerRound || outOfTime()) {
                p->reason = kept ? "a better proposal of this round was kept first"
                                 : "not proved: the round's proofs or the time budget ran out";
                continue;
            }
            ++proofs;
            prove(*p, fmt::format("r{}-{}", round, proofs));
            if (p->outcome == ProposalOutcome::Kept) {
                kept = true;
                report_.result = p->candidate.files;
                report_.after = p->synth;
                report_.proofMethod = p->proofMethod;
            } else {
                rejected_.push_back(p->candidate.description + ": " + p->reason);
            }
        }
        for (auto& p : fresh) report_.proposals.push_back(std::move(p));
        return kept;
    }

    // The biggest gain first, but one of each kind of rewrite before the second of any: one
    // kind's guesses tend to fail together (every register of a module narrowed, say).
    std::vector<OptimizeProposal*> proofOrder(std::vector<OptimizeProposal*> gainers) const
    {
        std::stable_sort(gainers.begin(), gainers.end(), [&](const OptimizeProposal* a, const OptimizeProposal* b) {
            return std::make_pair(a->synth.area(xilinx_), a->synth.logicDepth) <
                   std::make_pair(b->synth.area(xilinx_), b->synth.logicDepth);
        });
        std::vector<OptimizeProposal*> ordered;
        std::map<std::string, int> taken;
        for (int pass = 0; ordered.size() < gainers.size(); ++pass) {
            std::map<std::string, bool> thisPass;
            for (OptimizeProposal* p : gainers) {
                const std::string& kind = p->candidate.origin;
                if (taken[kind] > pass || thisPass[kind]) continue;
                if (std::find(ordered.begin(), ordered.end(), p) != ordered.end()) continue;
                ordered.push_back(p);
                thisPass[kind] = true;
                ++taken[kind];
            }
        }
        return ordered;
    }

    void synthesizeAll(int round, std::vector<OptimizeProposal>& proposals)
    {
        std::atomic<size_t> next{0};
        auto worker = [&] {
            for (size_t i; (i = next++) < proposals.size();) {
                auto& p = proposals[i];
                if (outOfTime()) {
                    p.outcome = ProposalOutcome::Invalid;
                    p.reason = "not synthesized: the time budget ran out";
                    continue;
                }
                if (auto safety = checkPatchSafety(d_, report_.result, p.candidate.files); !safety.ok) {
                    p.outcome = ProposalOutcome::Invalid;
                    p.reason = "rejected before building: " + safety.reason;
                    continue;
                }
                auto errors = rtl::syntaxErrors(d_, p.candidate.files);
                if (errors.size() > baseSyntaxErrors()) {
                    p.outcome = ProposalOutcome::Invalid;
                    p.reason = "does not parse: " + errors.front();
                    continue;
                }
                auto s = synthReport(d_, p.candidate.files,
                                     o_.workDir / "synth" / fmt::format("r{}-{}", round, i + 1), o_.target);
                if (!s) {
                    p.outcome = ProposalOutcome::Invalid;
                    p.reason = s.error().message;
                    continue;
                }
                p.synth = *s;
                if (improves(*s, report_.after, xilinx_)) {
                    p.outcome = ProposalOutcome::Skipped;  // until proved
                } else {
                    p.outcome = ProposalOutcome::NoGain;
                    p.reason = fmt::format("no gain: {} (now {})", synthText(*s, xilinx_),
                                           synthText(report_.after, xilinx_));
                }
            }
        };
        std::vector<std::thread> threads;
        for (int t = 0; t < std::max(1, o_.jobs); ++t) threads.emplace_back(worker);
        for (auto& t : threads) t.join();
    }

    size_t baseSyntaxErrors()
    {
        std::call_once(baseErrorsOnce_, [&] { baseErrors_ = rtl::syntaxErrors(d_, d_.sources).size(); });
        return baseErrors_;
    }

    void prove(OptimizeProposal& p, const std::string& name)
    {
        note(fmt::format("proving {}: {}", name, p.candidate.description));
        FormalResult f = formal_->check(p.candidate.files, o_.workDir / "formal" / name);
        p.proofEngine = f.engine;
        p.proofBound = f.bound;
        switch (f.status) {
        case FormalStatus::Equivalent:
            p.outcome = ProposalOutcome::Kept;
            p.proofMethod = proofMethodText(f, d_.clock.empty());
            note(fmt::format("kept {}: {} ({})", name, synthText(p.synth, xilinx_), p.proofMethod));
            return;
        case FormalStatus::NonEquivalent: {
            p.outcome = ProposalOutcome::NotEquivalent;
            const std::string inputs = counterexampleInputsText(f.trace, d_.clock);
            const std::string evidence = replayer_->replay(d_, p.candidate.files, f.trace, name);
            auto ev = nlohmann::json::parse(evidence, nullptr, false);
            if (evidence.empty() || ev.is_discarded()) {
                p.reason = fmt::format("not equivalent: Yosys found a counterexample ({}) that did not replay "
                                       "in Verilator", inputs);
            } else {
                p.counterexample = ev;
                p.counterexample["inputs"] = inputs;
                p.reason = fmt::format("not equivalent: at cycle {} output {} is {} in the original and {} "
                                       "here (inputs: {})",
                                       ev.value("cycle", 0), ev.value("signal", std::string("?")),
                                       ev.value("expected", std::string("?")),
                                       ev.value("actual", std::string("?")), inputs);
            }
            break;
        }
        case FormalStatus::Unknown:
        case FormalStatus::Error:
            p.outcome = ProposalOutcome::Unproved;
            p.reason = "not proved (" +
                       (f.message.empty() ? fmt::format("no proof within depth {}", f.bound) : oneLine(f.message, 300)) +
                       "); only a proof keeps a proposal";
            break;
        }
        note(fmt::format("rejected {}: {}", name, p.reason));
    }

    const Design& d_;
    OptimizationProposer& proposer_;
    OptimizeOptions o_;
    bool xilinx_;
    Clock::time_point start_;
    OptimizeReport report_;
    std::unique_ptr<CounterexampleReplayer> replayer_;
    std::unique_ptr<FormalChecker> formal_;
    std::set<std::string> tried_;
    std::vector<std::string> rejected_;
    bool freshLastRound_ = false;
    std::once_flag baseErrorsOnce_;
    size_t baseErrors_ = 0;
};

}  // namespace

std::string_view proposalOutcomeName(ProposalOutcome outcome)
{
    switch (outcome) {
    case ProposalOutcome::Kept: return "kept";
    case ProposalOutcome::NoGain: return "no-gain";
    case ProposalOutcome::NotEquivalent: return "not-equivalent";
    case ProposalOutcome::Unproved: return "unproved";
    case ProposalOutcome::Invalid: return "invalid";
    case ProposalOutcome::Skipped: return "skipped";
    }
    return "?";
}

tl::expected<std::vector<OptimizeCandidate>, std::string> BuiltinOptimizer::propose(const OptimizeContext& context,
                                                                                     std::string& /*problem*/)
{
    return builtinOptimizations(context.sources, context.sites);
}

int OptimizeReport::kept() const
{
    return static_cast<int>(std::count_if(proposals.begin(), proposals.end(), [](const OptimizeProposal& p) {
        return p.outcome == ProposalOutcome::Kept;
    }));
}

nlohmann::json OptimizeReport::toJson() const
{
    nlohmann::json props = nlohmann::json::array();
    for (const auto& p : proposals) {
        nlohmann::json j = {{"round", p.round},
                            {"origin", p.candidate.origin},
                            {"description", p.candidate.description},
                            {"file", p.candidate.file},
                            {"line", p.candidate.line},
                            {"outcome", std::string(proposalOutcomeName(p.outcome))},
                            {"reason", p.reason},
                            {"diff", p.diff}};
        if (p.synth.totalCells > 0) j["synth"] = synthJson(p.synth, xilinx);
        if (!p.proofEngine.empty()) {
            j["proof"] = {{"engine", p.proofEngine}, {"bound", p.proofBound}, {"method", p.proofMethod}};
        }
        if (!p.counterexample.is_null()) j["counterexample"] = p.counterexample;
        props.push_back(std::move(j));
    }
    return {{"design", design},
            {"proposer", proposer},
            {"target", xilinx ? "xilinx" : "generic"},
            {"before", synthJson(before, xilinx)},
            {"after", synthJson(after, xilinx)},
            {"kept", kept()},
            {"proof_method", proofMethod},
            {"patch", patch},
            {"interrupted", interrupted},
            {"problems", problems},
            {"proposals", props}};
}

std::string OptimizeReport::toText() const
{
    std::string out = fmt::format("{}: {} proposals from {}, {} kept\n", design, proposals.size(), proposer, kept());
    out += fmt::format("  before: {}\n  after:  {}\n", synthText(before, xilinx), synthText(after, xilinx));
    if (!proofMethod.empty()) out += "  proved: " + proofMethod + "\n";
    for (const auto& p : proposals) {
        if (p.outcome == ProposalOutcome::NoGain || p.outcome == ProposalOutcome::Invalid) continue;
        out += fmt::format("  [{}] round {}: {}{}\n", proposalOutcomeName(p.outcome), p.round, p.candidate.description,
                           p.outcome == ProposalOutcome::Kept ? " -> " + synthText(p.synth, xilinx)
                                                              : "\n      " + oneLine(p.reason, 160));
    }
    const auto quiet = std::count_if(proposals.begin(), proposals.end(), [](const OptimizeProposal& p) {
        return p.outcome == ProposalOutcome::NoGain || p.outcome == ProposalOutcome::Invalid;
    });
    if (quiet > 0) out += fmt::format("  ({} more gained nothing or did not synthesize; --json lists them)\n", quiet);
    if (interrupted) out += "  interrupted: the result holds what was proved until then\n";
    return out;
}

tl::expected<int, Diagnostic> storeOptimizations(Database& db, const Design& design, const OptimizeReport& report,
                                                 int64_t runId)
{
    auto row = db.upsertDesign(design, runId);
    if (!row) return tl::unexpected(row.error());
    std::vector<SourceFile> before = design.sources;
    int stored = 0;
    for (const auto& p : report.proposals) {
        if (p.outcome != ProposalOutcome::Kept) continue;
        std::string original, optimized;
        for (size_t i = 0; i < before.size(); ++i)
            if (before[i].path == p.candidate.file) {
                original = before[i].text;
                optimized = p.candidate.files[i].text;
            }
        nlohmann::json r = {{"origin", p.candidate.origin},
                            {"description", p.candidate.description},
                            {"file", p.candidate.file},
                            {"line", p.candidate.line},
                            {"target", report.xilinx ? "xilinx" : "generic"},
                            {"diff", p.diff},
                            {"proof_engine", p.proofEngine},
                            {"proof_bound", p.proofBound},
                            {"proof_method", p.proofMethod},
                            {"before", synthJson(p.base, report.xilinx)},
                            {"after", synthJson(p.synth, report.xilinx)},
                            {"area_delta", p.synth.area(report.xilinx) - p.base.area(report.xilinx)},
                            {"depth_delta", p.synth.logicDepth - p.base.logicDepth}};
        setTextFields(r, {{"original_source", &original}, {"optimized_source", &optimized}});
        TaskRecord t{"optimize", contentHash(r.dump()).substr(0, 16), jsonText(r)};
        if (auto ok = db.recordTask(row->id, t, runId); !ok) return tl::unexpected(ok.error());
        before = p.candidate.files;
        ++stored;
    }
    return stored;
}

tl::expected<OptimizeReport, Diagnostic> optimizeDesign(const Design& design, OptimizationProposer& proposer,
                                                        const OptimizeOptions& options)
{
    return Optimizer(design, proposer, options).run();
}

}  // namespace veriloop
