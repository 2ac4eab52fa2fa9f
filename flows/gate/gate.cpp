// The gate runner: resolve the two revisions, export them into scratch folders, find the
// designs whose files changed, and run each configured check on each of them in registry order
// within the design's time budget. Nothing here decides what a check means; it only schedules
// checks, keeps their time, and turns a check that throws into ERROR (never PASS).

#include "flows/gate/gate.h"

#include <chrono>
#include <set>

#include <fmt/format.h>
#include <unistd.h>

#include "core/interrupt.h"
#include "core/text.h"

namespace veriloop {

std::string_view gateStatusName(GateStatus s)
{
    switch (s) {
    case GateStatus::Pass: return "PASS";
    case GateStatus::Fail: return "FAIL";
    case GateStatus::Timeout: return "TIMEOUT";
    case GateStatus::Error: return "ERROR";
    case GateStatus::Skip: return "SKIP";
    }
    return "ERROR";
}

bool GateReport::passed() const
{
    for (const auto& d : designs)
        for (const auto& c : d.checks)
            if (c.status != GateStatus::Pass && c.status != GateStatus::Skip) return false;
    return true;
}

std::string GateDesignContext::repoPath(const std::string& designRelative) const
{
    const auto p = std::filesystem::path(target.folder) / designRelative;
    return p.lexically_normal().generic_string();
}

bool GateDesignContext::changed(const std::string& file, int first, int last) const
{
    auto it = target.changedLines.find(file);
    if (it == target.changedLines.end()) return false;
    for (const auto& [a, b] : it->second)
        if (first <= b && a <= last) return true;
    return false;
}

const GateCheck* findGateCheck(std::string_view id)
{
    for (const auto* c : gateChecks())
        if (c->id() == id) return c;
    return nullptr;
}

namespace {

using Clock = std::chrono::steady_clock;

double since(Clock::time_point t)
{
    return std::chrono::duration<double>(Clock::now() - t).count();
}

// Whether a changed file (repository-relative) is one a design reads: anything in its folder,
// and the files and include folders it names outside it (shared headers below a project root).
bool designTouched(const Design& d, const std::filesystem::path& tree, const std::string& folder,
                   const std::string& changedPath)
{
    const std::filesystem::path changed(changedPath);
    if (folder == "." || isWithin(changed, std::filesystem::path(folder))) return true;
    std::vector<std::filesystem::path> named;
    for (const auto& s : d.sources) named.push_back(d.dir / s.path);
    for (const auto& tb : d.testbench.sources) named.push_back(d.dir / tb);
    for (const auto& inc : d.testbench.includeDirs) named.push_back(d.dir / inc);
    for (const auto& p : named) {
        const auto rel = p.lexically_normal().lexically_relative(tree);
        if (!rel.empty() && rel.generic_string().rfind("..", 0) != 0 && isWithin(changed, rel))
            return true;
    }
    return false;
}

class GateRun {
public:
    GateRun(const GateOptions& o, const GateConfig& config, std::filesystem::path repo,
            std::filesystem::path work, const std::function<void(const std::string&)>& log)
        : options_(o), config_(config), repo_(std::move(repo)), work_(std::move(work)), log_(log)
    {
    }

    tl::expected<GateReport, Diagnostic> run()
    {
        const auto start = Clock::now();
        GateReport report;
        report.repo = repo_.string();
        report.base = options_.base;
        report.head = options_.head;
        auto base = gitCommit(repo_, options_.base);
        if (!base) return tl::unexpected(base.error());
        auto head = gitCommit(repo_, options_.head);
        if (!head) return tl::unexpected(head.error());
        report.baseCommit = *base;
        report.headCommit = *head;
        auto changed = gitChangedFiles(repo_, *base, *head);
        if (!changed) return tl::unexpected(changed.error());
        headTree_ = work_ / "head";
        baseTree_ = work_ / "base";
        if (auto r = gitExportTree(repo_, *head, headTree_); !r) return tl::unexpected(r.error());
        if (auto r = gitExportTree(repo_, *base, baseTree_); !r) return tl::unexpected(r.error());
        trailers_ = gitTrailerValues(repo_, *base, *head, "Veriloop-Equivalent");
        auto designs = changedDesigns(*changed, report);
        Progress progress(options_.progress, "designs", designs.size());
        for (auto& [dir, result] : designs) {
            if (interruptRequested()) break;
            progress.startItem(result.name);
            gateDesign(dir, result, progress);
            progress.finishItem();
            report.designs.push_back(std::move(result));
        }
        report.seconds = since(start);
        return report;
    }

private:
    std::vector<std::filesystem::path> scopeRoots() const
    {
        if (options_.scope.empty()) return {headTree_};
        std::vector<std::filesystem::path> roots;
        for (const auto& s : options_.scope) {
            auto abs = std::filesystem::weakly_canonical(std::filesystem::absolute(s));
            auto rel = std::filesystem::relative(abs, std::filesystem::weakly_canonical(repo_));
            roots.push_back(headTree_ / rel);
        }
        return roots;
    }

    std::vector<std::pair<std::filesystem::path, GateDesignResult>> changedDesigns(
        const std::vector<ChangedFile>& changed, GateReport& report)
    {
        std::vector<std::pair<std::filesystem::path, GateDesignResult>> out;
        std::set<std::string> seen;
        for (const auto& root : scopeRoots()) {
            for (const auto& dir : findDesignDirs(root)) {
                const std::string folder = std::filesystem::relative(dir, headTree_).generic_string();
                if (!seen.insert(folder).second) continue;
                auto design = loadDesign(dir);
                GateDesignResult r;
                r.name = design ? design->name : dir.filename().string();
                r.folder = folder;
                bool touched = false;
                for (const auto& f : changed) {
                    if (!(design ? designTouched(*design, headTree_, folder, f.path)
                                 : isWithin(std::filesystem::path(f.path), folder)))
                        continue;
                    touched = true;
                    if (design)
                        for (const auto& tb : design->testbench.sources)
                            r.testbenchChanged = r.testbenchChanged ||
                                                 (design->dir / tb).lexically_normal().lexically_relative(headTree_) ==
                                                     std::filesystem::path(f.path);
                    const auto rel = std::filesystem::path(f.path).lexically_relative(folder);
                    if (!f.deleted && !rel.empty() && rel.generic_string().rfind("..", 0) != 0)
                        r.changedLines[rel.generic_string()] = f.newLines;
                }
                if (touched) out.push_back({dir, std::move(r)});
            }
        }
        for (const auto& f : changed)
            if (f.deleted && std::filesystem::path(f.path).filename() == "design.toml")
                report.notes.push_back(fmt::format("{}: design removed by the change (not gated)",
                                                   std::filesystem::path(f.path).parent_path().generic_string()));
        return out;
    }

    void gateDesign(const std::filesystem::path& dir, GateDesignResult& result, Progress& progress)
    {
        const auto start = Clock::now();
        auto head = loadDesign(dir);
        if (!head) {
            GateCheckResult c;
            c.check = "load";
            c.status = GateStatus::Fail;
            c.summary = head.error().format();
            GateFinding f;
            f.ruleId = "gate-design-load";
            f.message = head.error().message;
            f.file = std::filesystem::relative(head.error().file.empty() ? dir / "design.toml"
                                                                        : std::filesystem::path(head.error().file),
                                               headTree_).generic_string();
            f.line = head.error().line;
            f.column = head.error().column;
            f.fingerprint = contentHash(f.file + f.message);
            c.findings.push_back(f);
            result.checks.push_back(std::move(c));
            return;
        }
        std::optional<Design> base;
        if (auto b = loadDesign(baseTree_ / result.folder)) base = std::move(*b);
        const GateSettings& settings = config_.forDesign(head->name);
        std::vector<std::string> declared = settings.equivalent;
        declared.insert(declared.end(), trailers_.begin(), trailers_.end());
        for (const auto* check : gateChecks()) {
            if (std::find(settings.checks.begin(), settings.checks.end(), check->id()) ==
                settings.checks.end())
                continue;
            const double left = settings.designBudgetSeconds - since(start);
            GateDesignContext ctx{*head, base ? &*base : nullptr, settings, result, declared};
            ctx.work = work_ / "checks" / result.folder / std::string(check->id());
            ctx.artifacts = std::filesystem::absolute(options_.artifacts) / result.name;
            ctx.timeoutSeconds = std::min(settings.checkTimeoutSeconds, left);
            ctx.jobs = options_.jobs;
            ctx.full = options_.full;
            ctx.seed = options_.seed;
            ctx.progress = &progress;
            result.checks.push_back(runCheck(*check, ctx, left));
            progress.count(std::string(gateStatusName(result.checks.back().status)));
        }
    }

    GateCheckResult runCheck(const GateCheck& check, const GateDesignContext& ctx, double left)
    {
        GateCheckResult r;
        r.check = std::string(check.id());
        const auto start = Clock::now();
        if (left <= 0) {
            r.status = GateStatus::Timeout;
            r.summary = fmt::format("the design's budget ({} s) was spent before this check started",
                                    ctx.settings.designBudgetSeconds);
            return r;
        }
        ctx.progress->phase(r.check, 0, 1);
        std::error_code ec;
        std::filesystem::create_directories(ctx.work, ec);
        try {
            r = check.run(ctx);
            r.check = std::string(check.id());
        } catch (const std::exception& e) {
            r.status = GateStatus::Error;
            r.summary = fmt::format("internal error in the {} check: {}", check.id(), e.what());
        }
        r.seconds = since(start);
        if (r.status == GateStatus::Pass && r.seconds > ctx.timeoutSeconds) {
            r.status = GateStatus::Timeout;
            r.summary = fmt::format("finished after {:.0f} s, over its {:.0f} s budget: {}",
                                    r.seconds, ctx.timeoutSeconds, r.summary);
        }
        log_(fmt::format("{}: {} {} ({:.1f} s) {}", ctx.target.name, r.check,
                         gateStatusName(r.status), r.seconds, r.summary));
        return r;
    }

    const GateOptions& options_;
    const GateConfig& config_;
    std::filesystem::path repo_, work_, headTree_, baseTree_;
    std::vector<std::string> trailers_;
    const std::function<void(const std::string&)>& log_;
};

}  // namespace

tl::expected<GateReport, Diagnostic> runGate(const GateOptions& options,
                                             const std::function<void(const std::string&)>& log)
{
    auto repo = gitTopLevel(options.repo);
    if (!repo) return tl::unexpected(repo.error());
    for (const auto& s : options.scope)  // a mistyped folder must not gate nothing and pass
        if (!std::filesystem::is_directory(s))
            return tl::unexpected(makeDiag(DiagCode::InvalidOption, "--designs: not a folder", s.string()));
    auto config = loadGateConfig(options.config.empty() ? *repo / kProjectFile : options.config);
    if (!config) return tl::unexpected(config.error());
    if (!options.config.empty() && config->file.empty())
        return tl::unexpected(makeDiag(DiagCode::InvalidOption, "no such configuration file",
                                       options.config.string()));
    const bool temporary = options.work.empty();
    const auto work = temporary ? std::filesystem::temp_directory_path() /
                                      fmt::format("veriloop-gate-{}", getpid())
                                : std::filesystem::absolute(options.work);
    GateRun run(options, *config, *repo, work, log);
    auto report = run.run();
    std::error_code ec;
    if (temporary) std::filesystem::remove_all(work, ec);
    return report;
}

}  // namespace veriloop
