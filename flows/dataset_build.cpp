#include "flows/dataset_build.h"

#include <mutex>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "core/design.h"
#include "core/interrupt.h"
#include "core/json_text.h"
#include "dataset/database.h"
#include "dataset/writer_lock.h"
#include "flows/design_labeler.h"
#include "flows/hls_labeler.h"
#include "frontend/hls/hls_frontend.h"
#include "flows/tool_versions.h"
#include "frontend/rtl/rtl_frontend.h"
#include "mutators/generate.h"

namespace veriloop {

namespace {

// Labels from different engines are never mixed in one dataset. A dataset that another
// toolchain labeled (an earlier veriloop: Verilator 5.006 and its XML frontend) stays readable
// (export, report, audit), but resuming it here is refused.
std::optional<Diagnostic> engineChange(Database& db, const std::filesystem::path& path)
{
    const auto last = db.lastRunInfo();
    if (last.empty()) return std::nullopt;
    const auto before = nlohmann::json::parse(last.at("tool_versions"), nullptr, false);
    const auto now = nlohmann::json::parse(toolVersionsJson());
    for (const char* engine : {"verilator", "yosys", "slang"}) {
        const std::string was = before.is_object() ? before.value(engine, "(none)") : "(unknown)";
        const std::string is = now.value(engine, "");
        if (was == is) continue;
        return makeDiag(
            DiagCode::DatabaseError,
            fmt::format("this dataset was labeled with {} `{}`; this veriloop runs `{}`, and "
                        "labels from different engines are not mixed: build into a new --db file "
                        "(this one stays readable: export, report, audit)",
                        engine, was, is),
            path.string());
    }
    return std::nullopt;
}

std::string optionsJson(const DatasetBuildOptions& o)
{
    return jsonText(nlohmann::json{{"seed", o.seed},           {"max_per_design", o.maxPerDesign},
                          {"operators", o.operators}, {"formal", o.formal},
                          {"formal_bound", o.formalBound}, {"formal_timeout_s", o.formalTimeout},
                          {"shard", fmt::format("{}/{}", o.shardIndex, o.shardCount)}});
}

class DatasetBuilder {
public:
    DatasetBuilder(Database& db, int64_t runId, const DatasetBuildOptions& options,
                   const std::vector<const MutationOperator*>& ops,
                   const std::function<void(const std::string&)>& log, Progress& progress)
        : db_(db), runId_(runId), options_(options), ops_(ops), progress_(progress),
          log_([&log, &progress](const std::string& line) { progress.around([&] { log(line); }); })
    {
    }

    void buildOne(const std::filesystem::path& dir, DatasetBuildSummary& summary)
    {
        auto design = loadDesign(dir);
        if (!design) return skip(summary, design.error(), std::nullopt);
        auto row = db_.upsertDesign(*design, runId_);
        if (!row) return skip(summary, row.error(), std::nullopt);
        const auto work = options_.workRoot / design->name;
        std::vector<Site> sites;
        std::optional<rtl::RtlFrontendResult> rtlView;
        std::optional<HlsAnalysis> hlsView;
        if (design->isRtl()) {
            auto analyzed = rtl::analyzeRtlDesign(*design);
            if (!analyzed) return skip(summary, analyzed.error(), row->id);
            for (const auto& w : analyzed->warnings) log_(fmt::format("{}: {}", design->name, w));
            rtlView = std::move(*analyzed);
            sites = rtlView->sites;
        } else {
            auto analyzed = hls::analyzeHlsDesign(*design, hlsInclude());
            if (!analyzed) return skip(summary, analyzed.error(), row->id);
            hlsView = std::move(*analyzed);
            sites = hlsView->sites;
        }
        GenerateOptions go{options_.seed, options_.maxPerDesign, hlsView ? &*hlsView : nullptr};
        auto generated = generateMutants(design->sources, sites, ops_, go);
        for (const auto& message : generated.capMessages())
            log_(fmt::format("{}: warning: {}", design->name, message));
        if (generated.editMismatches)
            log_(fmt::format("{}: internal: {} proposals had edits that did not match the source",
                             design->name, generated.editMismatches));
        if (auto r = db_.syncMutants(row->id, generated.mutants); !r)
            return skip(summary, r.error(), row->id);
        const auto decided = db_.decidedMutants(row->id);
        std::vector<Mutant> pending;
        for (auto& m : generated.mutants)
            if (!decided.count(m.id)) pending.push_back(m);
        if (pending.empty()) {
            ++summary.designsUpToDate;
            db_.setDesignStatus(row->id, "done", "");
            info(fmt::format("{}: up to date ({} mutants)", design->name, generated.mutants.size()));
            return;
        }
        info(fmt::format("{}: {} sites, {} mutants ({} to label)", design->name, sites.size(),
                         generated.mutants.size(), pending.size()));
        std::map<std::string, int> counts;
        std::mutex countsMutex;
        auto sink = [&](const Mutant& m, const VerdictRecord& v, const std::string& vcd) {
            const std::string verdict(verdictName(v.verdict));
            {
                std::lock_guard<std::mutex> lock(countsMutex);
                ++counts[verdict];
            }
            progress_.count(verdict);
            if (auto r = db_.recordVerdict(m.id, v, runId_, vcd); !r) log_(r.error().format());
        };
        auto progress = [&](const std::string& phase, size_t done, size_t total) {
            progress_.phase(phase, done, total);
        };
        LabelOutcome outcome = hlsView ? labelHls(*design, *hlsView, pending, work, sink, progress)
                                       : labelRtl(*design, *rtlView, pending, work, sink, progress);
        std::string line;
        for (const auto& [k, n] : counts) {
            line += fmt::format(" {}={}", k, n);
            summary.mutantsLabeled += n;
        }
        for (const auto& w : outcome.warnings) log_(fmt::format("{}: warning: {}", design->name, w));
        if (!outcome.ok && outcome.problem.code == DiagCode::Interrupted) {
            summary.interrupted = true;
            log_(fmt::format("{}: interrupted; kept{}", design->name, line.empty() ? " nothing" : line));
            return;
        }
        if (!outcome.ok) return skip(summary, outcome.problem, row->id);
        db_.setDesignStatus(row->id, "done", "");
        ++summary.designsLabeled;
        info(fmt::format("{}: labeled{}", design->name, line));
    }

    std::filesystem::path hlsInclude() const
    {
        return options_.hlsInclude.empty() ? hls::defaultHlsIncludeDir() : options_.hlsInclude;
    }

    LabelOutcome labelRtl(const Design& design, const rtl::RtlFrontendResult& analyzed,
                          const std::vector<Mutant>& pending, const std::filesystem::path& work,
                          const VerdictSink& sink, const ProgressSink& progress)
    {
        DesignContext ctx;
        ctx.design = &design;
        for (const auto& m : analyzed.modules) ctx.selectorSites.push_back({m.file, m.headerEnd});
        for (const auto& p : analyzed.topPorts) ctx.ports.push_back({p.name, p.width, p.dir});
        LabelOptions lo;
        lo.jobs = options_.jobs;
        lo.formal = options_.formal;
        lo.formalOptions.bound = options_.formalBound;
        lo.formalOptions.timeoutSeconds = options_.formalTimeout;
        lo.workDir = work;
        lo.runtimeCache = options_.workRoot / "verilator-runtime";
        return labelMutants(ctx, pending, lo, sink, progress);
    }

    LabelOutcome labelHls(const Design& design, const HlsAnalysis& analysis,
                          const std::vector<Mutant>& pending, const std::filesystem::path& work,
                          const VerdictSink& sink, const ProgressSink& progress)
    {
        HlsLabelOptions lo{options_.jobs, work, hlsInclude()};
        return labelHlsMutants(design, analysis, pending, lo, sink, progress);
    }

    void skip(DatasetBuildSummary& summary, const Diagnostic& d, std::optional<int64_t> designId)
    {
        ++summary.designsSkipped;
        summary.problems.push_back(d);
        log_(d.format() + " (design skipped)");
        if (designId) db_.setDesignStatus(*designId, "skipped", d.format());
    }

private:
    // What a person follows on a terminal; --quiet drops it (warnings and errors stay).
    void info(const std::string& line)
    {
        if (options_.progress != ProgressMode::Quiet) log_(line);
    }

    Database& db_;
    int64_t runId_;
    const DatasetBuildOptions& options_;
    const std::vector<const MutationOperator*>& ops_;
    Progress& progress_;
    std::function<void(const std::string&)> log_;
};

}  // namespace

DatasetBuildSummary buildDataset(const std::vector<std::filesystem::path>& roots,
                                 const DatasetBuildOptions& options,
                                 const std::function<void(const std::string&)>& log)
{
    DatasetBuildSummary summary;
    auto ops = OperatorRegistry::instance().select(options.operators);
    if (!ops) {
        summary.problems.push_back(makeDiag(DiagCode::InvalidOption, ops.error()));
        return summary;
    }
    std::vector<std::filesystem::path> dirs;
    for (const auto& root : roots) {
        if (!std::filesystem::is_directory(root)) {
            summary.problems.push_back(
                makeDiag(DiagCode::NoDesigns, "not a folder", root.string()));
            continue;
        }
        auto found = findDesignDirs(root);
        if (found.empty())
            summary.problems.push_back(makeDiag(
                DiagCode::NoDesigns, "no design.toml found in this folder or below", root.string()));
        dirs.insert(dirs.end(), found.begin(), found.end());
    }
    for (const auto& p : summary.problems) log(p.format());
    if (options.designLimit > 0 && dirs.size() > options.designLimit) {
        std::vector<std::filesystem::path> slice;  // evenly spaced: both languages, every corpus
        for (size_t k = 0; k < options.designLimit; ++k)
            slice.push_back(dirs[k * dirs.size() / options.designLimit]);
        dirs = std::move(slice);
    }
    auto lock = WriterLock::acquire(options.db);
    if (!lock) {
        summary.problems.push_back(lock.error());
        log(lock.error().format());
        return summary;
    }
    auto db = Database::open(options.db);
    if (!db) {
        summary.problems.push_back(db.error());
        log(db.error().format());
        return summary;
    }
    if (auto changed = engineChange(*db, options.db)) {
        summary.problems.push_back(*changed);
        log(changed->format());
        return summary;
    }
    auto runId = db->beginRun(options.commandLine, optionsJson(options), options.seed,
                              toolVersionsJson());
    if (!runId) {
        summary.problems.push_back(runId.error());
        return summary;
    }
    size_t mine = 0;
    for (size_t i = 0; i < dirs.size(); ++i) mine += static_cast<int>(i % options.shardCount) == options.shardIndex;
    Progress progress(options.progress, "designs", mine);
    DatasetBuilder builder(*db, *runId, options, *ops, log, progress);
    for (size_t i = 0; i < dirs.size() && !summary.interrupted; ++i) {
        if (static_cast<int>(i % options.shardCount) != options.shardIndex) continue;
        ++summary.designsFound;
        progress.startItem(dirs[i].filename().string());
        struct Finish {
            Progress& p;
            ~Finish() { p.finishItem(); }
        } finish{progress};
        try {
            builder.buildOne(dirs[i], summary);
        } catch (const std::exception& e) {  // a bug of ours must not cost the other designs
            builder.skip(summary, makeDiag(DiagCode::InternalError,
                                           fmt::format("internal error: {}", e.what()),
                                           dirs[i].string()),
                         std::nullopt);
        }
        summary.interrupted = summary.interrupted || interruptRequested();
    }
    return summary;
}

}  // namespace veriloop
