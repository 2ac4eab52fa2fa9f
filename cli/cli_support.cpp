#include "cli/cli_support.h"

#include <unistd.h>

#include <cstdlib>
#include <fstream>

#include <fmt/format.h>

#include "core/design.h"
#include "core/json_text.h"
#include "core/text.h"
#include "equivalence/sandbox.h"
#include "flows/tool_versions.h"
#include "flows/builtin_proposer.h"
#include "llm_client/client.h"
#include "llm_client/llm_proposer.h"

namespace veriloop::cli {

std::filesystem::path userCacheDir()
{
    if (const char* x = std::getenv("XDG_CACHE_HOME"); x && *x) return std::filesystem::path(x) / "veriloop";
    if (const char* h = std::getenv("HOME"); h && *h) return std::filesystem::path(h) / ".cache" / "veriloop";
    return std::filesystem::temp_directory_path() / "veriloop-cache";
}

bool LlmFlags::wanted() const
{
    if (builtin) return false;
    return !url.empty() || !model.empty() || replay || std::getenv("VERILOOP_LLM_URL");
}

void LlmFlags::add(CLI::App* cmd)
{
    cmd->add_option("--llm-url", url,
                    "OpenAI-compatible server, e.g. http://127.0.0.1:8000/v1 (vLLM, "
                    "llama.cpp, Ollama, hosted APIs); env VERILOOP_LLM_URL. Without a server "
                    "the built-in proposer runs");
    cmd->add_option("--model", model, "Model name the server knows; env VERILOOP_LLM_MODEL");
    cmd->add_flag("--llm-replay", replay,
                  "Answer every request from the response cache, with no network; a request "
                  "that is not cached stops the run with an error (CI, tests)");
    cmd->add_option("--llm-cache", cache,
                    "SQLite response cache (default: $XDG_CACHE_HOME/veriloop/llm-cache.sqlite)");
    cmd->add_flag("--no-llm-cache", noCache, "Neither read nor write the response cache");
    cmd->add_option("--llm-seed", seed, "Sampling seed sent to the server");
    cmd->add_flag("--builtin", builtin, "Use the built-in proposer even when an LLM server is configured");
    cmd->add_flag("--unsafe-no-sandbox", unsafeNoSandbox,
                  "Run LLM-written code even where bubblewrap is not usable (then only time, "
                  "memory and process limits contain it; see `veriloop doctor`)");
}

tl::expected<llm::LlmConfig, std::string> LlmFlags::config() const
{
    if (!Sandbox::bubblewrapUsable() && !unsafeNoSandbox)
        return tl::unexpected(std::string(diagCodeName(DiagCode::ToolMissing)) + std::string(
            ": bubblewrap is not usable here, so LLM-written code would run with your "
            "files, network and environment; install bubblewrap (see `veriloop doctor`) or "
            "pass --unsafe-no-sandbox"));
    llm::LlmConfig c;
    c.baseUrl = url;
    c.model = model;
    if (seed >= 0) c.seed = seed;
    c = llm::resolveLlmConfig(c);
    if (!noCache) {
        c.cacheMode = replay ? llm::CacheMode::Replay : llm::CacheMode::ReadWrite;
        c.cachePath = cache.empty() ? userCacheDir() / "llm-cache.sqlite" : std::filesystem::path(cache);
        if (!replay) {
            std::error_code ec;
            std::filesystem::create_directories(c.cachePath.parent_path(), ec);
        }
    } else if (replay) {
        return tl::unexpected(std::string("--llm-replay needs the response cache (drop --no-llm-cache)"));
    }
    auto probe = llm::LlmClient::create(c);
    if (!probe) return tl::unexpected(probe.error().format());
    return c;
}

tl::expected<std::function<std::unique_ptr<Proposer>()>, std::string> LlmFlags::factory() const
{
    if (!wanted()) return [] { return std::unique_ptr<Proposer>(std::make_unique<BuiltinProposer>()); };
    auto c = config();
    if (!c) return tl::unexpected(c.error());
    return [c = *c] {
        auto client = llm::LlmClient::create(c);
        return std::unique_ptr<Proposer>(std::make_unique<llm::LlmProposer>(std::move(*client)));
    };
}

bool stderrProgress() { return !std::getenv("VERILOOP_QUIET"); }

int badInput(const Diagnostic& d)
{
    fmt::print(stderr, "{}\n", d.render());
    return 2;
}

std::optional<Diagnostic> unwritable(const std::string& file, const std::string& option)
{
    if (file.empty() || file == "-") return std::nullopt;
    const bool existed = std::filesystem::exists(file);
    bool writable = false;
    {
        std::ofstream probe(file, std::ios::app);
        writable = static_cast<bool>(probe);
    }
    // The probe leaves no empty file behind: a run that fails writes nothing.
    if (writable && !existed) std::filesystem::remove(file);
    if (writable) return std::nullopt;
    return makeDiag(DiagCode::InvalidOption, fmt::format("{}: cannot write {}", option, file), file);
}

tl::expected<std::optional<std::pair<Database, int64_t>>, Diagnostic> openDataset(const std::string& path,
                                                                                  const std::string& command)
{
    if (path.empty()) return std::optional<std::pair<Database, int64_t>>{};
    auto db = Database::open(path);
    if (!db) return tl::unexpected(db.error());
    auto run = db->beginRun(command, "{}", 0, toolVersionsJson());
    if (!run) return tl::unexpected(run.error());
    return std::optional<std::pair<Database, int64_t>>{std::pair{std::move(*db), *run}};
}

std::filesystem::path workFolder(const std::string& work, const char* what)
{
    return work.empty() ? std::filesystem::temp_directory_path() / fmt::format("veriloop-{}-{}", what, getpid())
                        : std::filesystem::path(work);
}

tl::expected<std::vector<std::filesystem::path>, Diagnostic> designDirsBelow(const std::vector<std::string>& roots)
{
    std::vector<std::filesystem::path> dirs;
    for (const auto& root : roots) {
        if (!std::filesystem::exists(root)) return tl::unexpected(makeDiag(DiagCode::NoDesigns, "no such folder", root));
        for (auto& d : findDesignDirs(root)) dirs.push_back(std::move(d));
    }
    if (dirs.empty()) return tl::unexpected(makeDiag(DiagCode::NoDesigns, "no design.toml below the given folders"));
    return dirs;
}

void writeJsonReport(const std::string& file, const nlohmann::json& json)
{
    const std::string text = jsonText(json, 2) + "\n";
    if (file == "-") fmt::print("{}", text);
    else if (!writeFile(file, text)) fmt::print(stderr, "error: cannot write {}\n", file);
}

bool applySources(const Design& design, const std::vector<SourceFile>& changed, const std::string& what)
{
    for (size_t i = 0; i < changed.size() && i < design.sources.size(); ++i) {
        if (changed[i].text == design.sources[i].text) continue;
        const auto path = design.dir / changed[i].path;
        if (!writeFile(path, changed[i].text)) {
            fmt::print(stderr, "error: cannot write {}\n", path.string());
            return false;
        }
        fmt::print(stderr, "applied {} to {}\n", what, path.string());
    }
    return true;
}

void removeWork(const std::string& given, const std::filesystem::path& work)
{
    if (!given.empty()) return;
    std::error_code ec;
    std::filesystem::remove_all(work, ec);
}

}  // namespace veriloop::cli
