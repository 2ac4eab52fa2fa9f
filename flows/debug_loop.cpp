// Why the verdicts are right: a candidate `passes` only when the language's checker
// (debug_rtl.cpp, debug_hls.cpp) finds that the checks failing on the buggy design pass on the
// fixed sources built in the sandbox; it is `correct` when its sources equal the golden or the
// checker's stronger test against the golden holds. Why it terminates: every round spends one
// iteration of a finite budget, and a proposer that reports itself exhausted or fails fatally
// ends the loop.

#include "flows/debug_loop.h"

#include <chrono>
#include <fstream>

#include <fmt/format.h>

#include "core/text.h"
#include "flows/debug_checker.h"
#include "flows/patch_safety.h"

namespace veriloop {

std::string_view repairVerdictName(RepairVerdict v)
{
    switch (v) {
    case RepairVerdict::Correct: return "correct";
    case RepairVerdict::Plausible: return "plausible";
    case RepairVerdict::Failed: return "failed";
    }
    return "failed";
}

std::string sourcesDiff(const std::vector<SourceFile>& before, const std::vector<SourceFile>& after)
{
    std::string out;
    for (size_t i = 0; i < before.size() && i < after.size(); ++i)
        if (before[i].text != after[i].text)
            out += unifiedDiff(after[i].path, before[i].text, after[i].text);
    return out;
}

tl::expected<std::vector<SourceFile>, Diagnostic> loadGolden(const Design& design,
                                                             const std::filesystem::path& goldenDir)
{
    std::vector<SourceFile> out;
    for (const auto& f : design.sources) {
        auto text = readFile(goldenDir / f.path);
        if (!text)
            return tl::unexpected(makeDiag(DiagCode::SourceMissing,
                                           fmt::format("the golden has no `{}` (it needs the same "
                                                       "source files as the design)",
                                                       f.path),
                                           (goldenDir / f.path).string()));
        out.push_back({f.path, *text});
    }
    return out;
}

nlohmann::json DebugResult::toJson() const
{
    nlohmann::json j;
    j["verdict"] = repairVerdictName(verdict);
    if (error) j["error"] = error->format();
    j["evidence"] = evidence;
    nlohmann::json ranked = nlohmann::json::array();
    for (size_t i = 0; i < localization.ranked.size() && i < 20; ++i) {
        const auto& s = localization.ranked[i];
        ranked.push_back({{"file", s.file}, {"line", s.line},
                          {"score", std::round(s.score * 1e6) / 1e6}, {"text", s.text},
                          {"reason", s.reason}});
    }
    j["fault_localization"] = {{"failing_runs", localization.failingRuns},
                               {"passing_runs", localization.passingRuns},
                               {"ranked", ranked}};
    nlohmann::json att = nlohmann::json::array();
    for (const auto& a : attempts)
        att.push_back({{"iteration", a.iteration}, {"origin", a.origin},
                       {"description", a.description}, {"diff", a.diff},
                       {"outcome", a.outcome}, {"detail", a.detail}});
    j["attempts"] = att;
    j["iterations"] = iterations;
    j["candidates_checked"] = candidatesChecked;
    j["tokens"] = {{"prompt", promptTokens}, {"completion", completionTokens}};
    j["stop_reason"] = stopReason;
    if (verdict != RepairVerdict::Failed)
        j["fix"] = {{"origin", fixOrigin}, {"description", fixDescription}, {"diff", diff},
                    {"correctness", correctness}, {"rank", acceptedRank}};
    else
        j["fix"] = nullptr;
    return j;
}

namespace {

using Clock = std::chrono::steady_clock;

class DebugSession {
public:
    DebugSession(const Design& design, Proposer& proposer, const DebugOptions& options)
        : env_{design, options, std::filesystem::absolute(options.workDir)}, d_(design),
          proposer_(proposer), o_(options),
          progress_(options.progress, "iterations", static_cast<size_t>(std::max(0, options.budget.maxIterations))),
          checker_(design.isRtl() ? makeRtlChecker(env_) : makeHlsChecker(env_))
    {
    }

    DebugResult run()
    {
        const auto start = Clock::now();
        std::error_code ec;
        std::filesystem::create_directories(env_.work, ec);
        stream({{"event", "start"}, {"design", d_.name}, {"golden", !o_.golden.empty()},
                {"max_iterations", o_.budget.maxIterations}, {"proposer", proposer_.name()}});
        const bool prepared = checker_->prepare(r_);
        if (prepared) {
            const nlohmann::json j = r_.toJson();
            stream({{"event", "localized"}, {"evidence", r_.evidence},
                    {"fault_localization", j["fault_localization"]}});
            loop(start);
        }
        r_.seconds = std::chrono::duration<double>(Clock::now() - start).count();
        nlohmann::json end = r_.toJson();
        end.erase("attempts");  // already streamed round by round
        end["event"] = "end";
        stream(end);
        return std::move(r_);
    }

private:
    void log(const std::string& line) { progress_.around([&] { env_.log(line); }); }

    // One line of the streamed transcript, on disk before the run goes on.
    void stream(const nlohmann::json& event)
    {
        if (o_.transcript.empty()) return;
        std::ofstream out(o_.transcript, firstLine_ ? std::ios::trunc : std::ios::app);
        firstLine_ = false;
        out << event.dump() << '\n';
        out.flush();
        if (!out && !streamFailed_) {
            streamFailed_ = true;
            log(fmt::format("warning: cannot write the transcript {}: the run goes on without it",
                            o_.transcript.string()));
        }
    }

    // The attempts of round `iteration`, streamed when the round ends.
    void streamRound(int iteration)
    {
        nlohmann::json attempts = nlohmann::json::array();
        for (const auto& a : r_.attempts)
            if (a.iteration == iteration)
                attempts.push_back({{"origin", a.origin}, {"description", a.description},
                                    {"diff", a.diff}, {"outcome", a.outcome}, {"detail", a.detail}});
        stream({{"event", "round"}, {"iteration", iteration}, {"attempts", attempts},
                {"tokens", {{"prompt", r_.promptTokens}, {"completion", r_.completionTokens}}}});
    }

    // ---- the loop ----

    bool budgetLeft(Clock::time_point start, std::string& why) const
    {
        if (r_.iterations >= o_.budget.maxIterations) {
            why = fmt::format("iteration budget spent ({})", o_.budget.maxIterations);
            return false;
        }
        if (o_.budget.maxTokens > 0 &&
            r_.promptTokens + r_.completionTokens >= o_.budget.maxTokens) {
            why = fmt::format("token budget spent ({})", o_.budget.maxTokens);
            return false;
        }
        if (o_.budget.maxSeconds > 0 &&
            std::chrono::duration<double>(Clock::now() - start).count() >= o_.budget.maxSeconds) {
            why = fmt::format("time budget spent ({} s)", o_.budget.maxSeconds);
            return false;
        }
        return true;
    }

    void loop(Clock::time_point start)
    {
        RepairContext ctx;
        ctx.design = &d_;
        ctx.sources = d_.sources;
        ctx.evidence = r_.evidence;
        ctx.suspicious = r_.localization.ranked;
        ctx.sites = checker_->sites();
        ctx.hls = checker_->hlsAnalysis();
        std::string why;
        while (budgetLeft(start, why)) {
            ctx.iteration = ++r_.iterations;
            if (ctx.iteration > 1) progress_.finishItem();
            progress_.startItem(fmt::format("{} iteration {}", d_.name, ctx.iteration));
            progress_.phase("propose", 0, 1);
            struct RoundEnd {
                DebugSession& s;
                int iteration;
                ~RoundEnd() { s.streamRound(iteration); }
            } roundEnd{*this, ctx.iteration};
            ProposalBatch batch = proposer_.propose(ctx);
            r_.promptTokens += batch.promptTokens;
            r_.completionTokens += batch.completionTokens;
            if (batch.fatal) {
                r_.stopReason = "proposer: " + batch.problem;
                r_.attempts.push_back({ctx.iteration, proposer_.name(), "", "", "proposer-error",
                                       batch.problem});
                return;
            }
            if (!batch.problem.empty() && batch.candidates.empty() && !batch.exhausted) {
                r_.attempts.push_back({ctx.iteration, proposer_.name(), "", "",
                                       batch.rejected ? "rejected" : "patch-error", batch.problem});
                if (!batch.reply.empty())
                    ctx.history.push_back({ctx.iteration, batch.reply, "",
                                           (batch.rejected ? "The patch was rejected before it was "
                                                             "built: "
                                                           : "Your reply could not be used: ") +
                                               batch.problem});
                continue;
            }
            log(fmt::format("{}: iteration {}: {} candidate(s) from {}", d_.name, ctx.iteration,
                            batch.candidates.size(), proposer_.name()));
            if (checkBatch(ctx, batch)) {
                r_.stopReason = "a candidate passed every check";
                return;
            }
            if (batch.exhausted) {
                r_.stopReason = "the proposer has no more candidates";
                return;
            }
        }
        r_.stopReason = why;
    }

    // Screens and checks one batch; true when a candidate passed (the result is then set).
    bool checkBatch(RepairContext& ctx, const ProposalBatch& batch)
    {
        std::vector<const RepairCandidate*> safe;
        std::vector<size_t> attemptIndex;
        for (const auto& c : batch.candidates) {
            AttemptRecord a{ctx.iteration, c.origin, c.description, sourcesDiff(ctx.sources, c.files),
                            "", ""};
            SafetyVerdict v = checkPatchSafety(d_, ctx.sources, c.files);
            if (v.ok)
                if (auto why = checker_->unparsable(ctx.sources, c.files); !why.empty()) v = {false, why};
            if (!v.ok) {
                a.outcome = "rejected";
                a.detail = v.reason;
                r_.attempts.push_back(a);
                if (!c.reply.empty())
                    ctx.history.push_back({ctx.iteration, c.reply, a.diff,
                                           "The patch was rejected before it was built: " + v.reason});
                continue;
            }
            a.outcome = "not-run";
            attemptIndex.push_back(r_.attempts.size());
            r_.attempts.push_back(a);
            safe.push_back(&c);
        }
        if (safe.empty()) return false;
        progress_.phase("check candidates", 0, safe.size());
        std::vector<CandidateOutcome> outcomes = checker_->check(ctx.sources, safe, ctx.iteration);
        // Candidates after the first that passed may or may not have run (threads race); the
        // transcript must not depend on that, so they count as not run.
        size_t first = outcomes.size();
        for (size_t i = 0; i < outcomes.size() && first == outcomes.size(); ++i)
            if (outcomes[i].outcome == "passed") first = i;
        for (size_t i = first + 1; i < outcomes.size(); ++i) outcomes[i] = {"not-run", ""};
        int passed = -1;
        for (size_t i = 0; i < safe.size(); ++i) {
            AttemptRecord& a = r_.attempts[attemptIndex[i]];
            a.outcome = outcomes[i].outcome;
            a.detail = env_.normalize(outcomes[i].detail);
            if (a.outcome != "not-run") {
                ++r_.candidatesChecked;
                progress_.count(a.outcome);
                ctx.outcomes[safe[i]->description] = a.outcome;
            }
            if (a.outcome == "passed" && passed < 0) passed = static_cast<int>(i);
            if (a.outcome != "passed" && a.outcome != "not-run" && !safe[i]->reply.empty())
                ctx.history.push_back({ctx.iteration, safe[i]->reply, a.diff, feedbackText(a)});
        }
        if (passed < 0) return false;
        // Candidates after the accepted one were not needed: keep the transcript short.
        const RepairCandidate& fix = *safe[passed];
        r_.acceptedRank = 0;
        for (size_t k = 0; k <= attemptIndex[passed]; ++k)
            if (r_.attempts[k].outcome != "not-run" && r_.attempts[k].outcome != "rejected")
                ++r_.acceptedRank;
        std::vector<AttemptRecord> kept;
        for (auto& a : r_.attempts)
            if (a.outcome != "not-run") kept.push_back(std::move(a));
        r_.attempts = std::move(kept);
        accept(fix, ctx.sources);
        return true;
    }

    static std::string feedbackText(const AttemptRecord& a)
    {
        if (a.outcome == "build-failed") return "The patched design does not build:\n" + a.detail;
        if (a.outcome == "timeout") return "The testbench did not finish in time:\n" + a.detail;
        if (a.outcome == "differential-failed")
            return "The testbench passed, but a random simulation against the reference "
                   "(fixed) design differs:\n" + a.detail;
        return "The testbench still fails:\n" + a.detail;
    }

    // ---- the accepted fix ----

    void accept(const RepairCandidate& fix, const std::vector<SourceFile>& base)
    {
        r_.fixed = fix.files;
        r_.diff = sourcesDiff(base, fix.files);
        r_.fixOrigin = fix.origin;
        r_.fixDescription = fix.description;
        r_.verdict = RepairVerdict::Plausible;
        if (o_.golden.empty()) {
            r_.correctness = "no golden: the fix passes the testbench";
            return;
        }
        bool same = true;
        for (size_t i = 0; i < fix.files.size(); ++i)
            same = same && fix.files[i].text == o_.golden[i].text;
        if (same) {
            r_.verdict = RepairVerdict::Correct;
            r_.correctness = "the fixed sources are identical to the golden";
            return;
        }
        std::tie(r_.verdict, r_.correctness) = checker_->judge(fix);
    }

    DebugEnv env_;
    const Design& d_;
    Proposer& proposer_;
    const DebugOptions& o_;
    Progress progress_;
    std::unique_ptr<DebugChecker> checker_;
    DebugResult r_;
    bool firstLine_ = true;
    bool streamFailed_ = false;
};

}  // namespace

std::string DebugEnv::normalize(std::string text) const
{
    for (const auto& [from, to] : {std::pair{work.string(), std::string("<work>")},
                                   std::pair{design.dir.string(), std::string("<design>")}}) {
        if (from.empty()) continue;
        for (size_t p = text.find(from); p != std::string::npos; p = text.find(from, p + to.size()))
            text.replace(p, from.size(), to);
    }
    return text;
}

DebugResult runDebugLoop(const Design& design, Proposer& proposer, const DebugOptions& options)
{
    return DebugSession(design, proposer, options).run();
}

}  // namespace veriloop
