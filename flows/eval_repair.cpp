// The evaluation reuses everything: dataset rows give the original sources and the mutant's
// edits, assignSplits gives the split, runDebugLoop does the work. Each sample is independent;
// a sample that cannot be run (its edits no longer match, the design folder is gone) is
// reported as `error` and counted as a failure, so the denominators never shrink silently.

#include "flows/eval_repair.h"

#include <fstream>

#include <fmt/format.h>

#include "core/text.h"
#include "core/verdict.h"
#include "dataset/database.h"
#include "dataset/export.h"
#include "flows/repair_suite.h"

namespace veriloop {

namespace {

struct Totals {
    int n = 0, p1 = 0, c1 = 0, pk = 0, ck = 0, top1 = 0, top5 = 0, notReproduced = 0, errors = 0;
    double iterations = 0, seconds = 0, candidates = 0;

    void add(const EvalSampleResult& s)
    {
        ++n;
        const bool fixed = s.verdict == "correct" || s.verdict == "plausible";
        p1 += fixed && s.fixRound == 1;
        c1 += s.verdict == "correct" && s.fixRound == 1;
        pk += fixed;
        ck += s.verdict == "correct";
        notReproduced += s.verdict == "not-reproduced";
        errors += s.verdict == "error";
        top1 += s.flRank == 1;
        top5 += s.flRank >= 1 && s.flRank <= 5;
        iterations += s.iterations;
        seconds += s.seconds;
        candidates += s.candidatesChecked;
    }
    static double frac(int a, int n) { return n ? std::round(1e4 * a / n) / 1e4 : 0.0; }
    nlohmann::json json() const
    {
        return {{"samples", n},
                {"plausible_at_1", frac(p1, n)},
                {"correct_at_1", frac(c1, n)},
                {"plausible_at_k", frac(pk, n)},
                {"correct_at_k", frac(ck, n)},
                {"fl_top1", frac(top1, n)},
                {"fl_top5", frac(top5, n)},
                {"not_reproduced", notReproduced},
                {"errors", errors},
                {"mean_rounds", n ? std::round(100 * iterations / n) / 100 : 0.0},
                {"mean_candidates_checked", n ? std::round(10 * candidates / n) / 10 : 0.0},
                {"mean_seconds", n ? std::round(10 * seconds / n) / 10 : 0.0}};
    }
};

}  // namespace

nlohmann::json EvalSampleResult::toJson() const
{
    return {{"id", id}, {"design", design}, {"bug_class", bugClass}, {"operator", operatorId},
            {"verdict", verdict}, {"rounds", iterations}, {"fix_round", fixRound},
            {"candidates_checked", candidatesChecked}, {"fl_rank", flRank},
            {"seconds", std::round(10 * seconds) / 10}, {"note", note}, {"hunks", hunks}, {"fix", fix}};
}

nlohmann::json EvalRepairReport::toJson() const
{
    Totals all, multiHunk;
    std::map<std::string, Totals> byClass;
    nlohmann::json rows = nlohmann::json::array();
    for (const auto& s : samples) {
        all.add(s);
        byClass[s.bugClass].add(s);
        rows.push_back(s.toJson());
        if (s.hunks > 1) multiHunk.add(s);
    }
    nlohmann::json j = all.json();
    j["proposer"] = proposer;
    j["split"] = split;
    j["k"] = k;
    j["by_bug_class"] = nlohmann::json::object();
    for (const auto& [cls, t] : byClass) j["by_bug_class"][cls] = t.json();
    j["multi_hunk"] = multiHunk.json();
    j["results"] = rows;
    return j;
}

std::string EvalRepairReport::table() const
{
    Totals all;
    std::map<std::string, Totals> byClass;
    for (const auto& s : samples) {
        all.add(s);
        byClass[s.bugClass].add(s);
    }
    auto pct = [](int a, int n) { return n ? fmt::format("{:.1f}%", 100.0 * a / n) : std::string("-"); };
    std::string out = fmt::format("repair evaluation: proposer {}, split {}, k = {}\n\n", proposer,
                                  split, k);
    out += fmt::format("{:<22}{:>8}{:>12}{:>11}{:>12}{:>11}{:>9}{:>9}{:>8}{:>8}\n", "bug class",
                       "samples", "plausible@1", "correct@1", "plausible@k", "correct@k",
                       "FL top1", "FL top5", "rounds", "sec");
    auto row = [&](const std::string& name, const Totals& t) {
        out += fmt::format("{:<22}{:>8}{:>12}{:>11}{:>12}{:>11}{:>9}{:>9}{:>8.2f}{:>8.1f}\n", name,
                           t.n, pct(t.p1, t.n), pct(t.c1, t.n), pct(t.pk, t.n), pct(t.ck, t.n),
                           pct(t.top1, t.n), pct(t.top5, t.n), t.n ? t.iterations / t.n : 0.0,
                           t.n ? t.seconds / t.n : 0.0);
    };
    for (const auto& [cls, t] : byClass) row(cls, t);
    Totals multiHunk;
    for (const auto& s : samples)
        if (s.hunks > 1) multiHunk.add(s);
    if (multiHunk.n > 0) row("(several hunks)", multiHunk);
    row("all", all);
    return out;
}

namespace {

// One debug loop on `design` (the buggy sources) against `golden`; `bugLines` are where the
// bug is, for the fault-localization rank.
void runSample(const EvalRepairOptions& options, const Design& design,
               const std::vector<SourceFile>& golden,
               const std::set<std::pair<std::string, int>>& bugLines, size_t index,
               EvalRepairReport& report, EvalSampleResult& s)
{
    const auto workRoot = std::filesystem::absolute(options.workRoot);
    auto proposer = options.makeProposer();
    report.proposer = proposer->name();
    DebugOptions o = options.debug;
    o.golden = golden;
    o.workDir = workRoot / fmt::format("sample-{}", index);
    o.log = nullptr;
    o.goldenCache = workRoot / "golden" / design.name;
    DebugResult r = runDebugLoop(design, *proposer, o);
    std::error_code ec;
    std::filesystem::remove_all(o.workDir, ec);
    s.seconds = r.seconds;
    s.iterations = r.iterations;
    s.candidatesChecked = r.candidatesChecked;
    if (r.error) {
        // A bug whose failure the loop cannot observe (the buggy design passes its testbench
        // and matches the golden on random stimulus) is kept in the denominator and shown as
        // such.
        s.verdict = r.error->code == DiagCode::NothingToDebug ? "not-reproduced" : "error";
        s.note = r.error->format();
    } else {
        s.verdict = std::string(repairVerdictName(r.verdict));
        s.fixRound = r.verdict == RepairVerdict::Failed ? 0 : r.iterations;
        s.note = r.verdict == RepairVerdict::Failed ? r.stopReason : r.correctness;
        if (r.verdict != RepairVerdict::Failed) s.fix = r.fixDescription;
    }
    for (size_t k = 0; k < r.localization.ranked.size(); ++k)
        if (bugLines.count({r.localization.ranked[k].file, r.localization.ranked[k].line})) {
            s.flRank = static_cast<int>(k) + 1;
            break;
        }
}

void finishSample(const EvalRepairOptions& options, Progress& progress, size_t i, size_t total,
                  EvalRepairReport& report, EvalSampleResult s)
{
    progress.count(s.verdict);
    if (options.log)
        progress.around([&] {
            options.log(fmt::format("[{}/{}] {} {}: {} (rounds {}, FL rank {}, {:.1f} s)", i + 1,
                                    total, s.design, s.operatorId.empty() ? s.id : s.operatorId,
                                    s.verdict, s.iterations, s.flRank, s.seconds));
        });
    progress.finishItem();
    if (!options.samplesFile.empty()) {
        std::ofstream out(options.samplesFile, i == 0 ? std::ios::trunc : std::ios::app);
        out << s.toJson().dump() << '\n';
        out.flush();
        if (!out && options.log)
            progress.around([&] { options.log("warning: cannot write " + options.samplesFile.string()); });
    }
    report.samples.push_back(std::move(s));
}

}  // namespace

tl::expected<EvalRepairReport, Diagnostic> evalRepair(const EvalRepairOptions& options)
{
    if (!std::filesystem::exists(options.db))
        return tl::unexpected(makeDiag(DiagCode::DatabaseError, "no such database", options.db.string()));
    if (options.split != "train" && options.split != "val" && options.split != "test")
        return tl::unexpected(makeDiag(DiagCode::InvalidOption,
                                       fmt::format("--split takes train, val or test, got `{}`",
                                                   options.split)));
    auto db = Database::open(options.db);
    if (!db) return tl::unexpected(db.error());
    const auto designs = db->designs();
    std::vector<std::string> names;
    for (const auto& d : designs)
        if (d.status == "done") names.push_back(d.name);
    const auto splits = assignSplits(names);

    struct Sample {
        const DesignRow* design;
        Mutant mutant;
    };
    std::vector<Sample> todo;
    for (const auto& d : designs) {
        auto it = splits.find(d.name);
        if (it == splits.end() || it->second != options.split) continue;
        for (auto& m : db->mutants(d.id))
            if (m.verdict && isConfirmedBug(m.verdict->verdict)) todo.push_back({&d, m.mutant});
    }
    if (options.limit > 0 && todo.size() > options.limit) {
        // An even spread over the split (every design, every bug class), not its first N.
        std::vector<Sample> spread;
        for (size_t i = 0; i < options.limit; ++i) spread.push_back(todo[i * todo.size() / options.limit]);
        todo = std::move(spread);
    }

    EvalRepairReport report;
    report.split = options.split;
    report.k = options.debug.budget.maxIterations;
    Progress progress(options.progress, "samples", todo.size());
    for (size_t i = 0; i < todo.size(); ++i) {
        const auto& [row, m] = todo[i];
        progress.startItem(fmt::format("{} {}", row->name, m.operatorId));
        EvalSampleResult s{m.id, row->name, m.bugClass, m.operatorId};
        auto design = loadDesign(row->dir);
        auto buggy = design ? applyEdits(row->sources, m.edits)
                            : tl::expected<std::vector<SourceFile>, Diagnostic>(
                                  tl::unexpected(design.error()));
        if (!buggy) {
            s.verdict = "error";
            s.note = buggy.error().format();
        } else {
            design->sources = *buggy;
            runSample(options, *design, row->sources, {{m.file, m.line}}, i, report, s);
        }
        finishSample(options, progress, i, todo.size(), report, std::move(s));
    }
    if (report.proposer.empty() && options.makeProposer) report.proposer = options.makeProposer()->name();
    return report;
}

tl::expected<EvalRepairReport, Diagnostic> evalRepairSuite(const EvalRepairOptions& options,
                                                           const std::filesystem::path& suite,
                                                           const std::string& onlyBug)
{
    auto bugs = loadRepairSuite(suite, onlyBug);
    if (!bugs) return tl::unexpected(bugs.error());
    EvalRepairReport report;
    report.split = "suite " + suite.filename().string();
    report.k = options.debug.budget.maxIterations;
    Progress progress(options.progress, "bugs", bugs->size());
    for (size_t i = 0; i < bugs->size(); ++i) {
        const SuiteBug& bug = (*bugs)[i];
        progress.startItem(bug.id);
        EvalSampleResult s{bug.id, bug.design.name, bug.kind, ""};
        s.hunks = bug.hunks;
        runSample(options, bug.design, bug.golden, bug.bugLines, i, report, s);
        finishSample(options, progress, i, bugs->size(), report, std::move(s));
    }
    if (report.proposer.empty() && options.makeProposer) report.proposer = options.makeProposer()->name();
    return report;
}

}  // namespace veriloop
