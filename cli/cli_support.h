#pragma once
// What the commands that ask a proposer share: the LLM options (--llm-url, --model, the
// response cache and replay, the sandbox rule for LLM-written code), the user cache folder,
// and how bad input and output files are reported.

#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>
#include <tl/expected.hpp>

#include "core/design.h"
#include "core/diagnostic.h"
#include "dataset/database.h"
#include "llm_client/config.h"
#include "llm_client/proposer.h"

namespace veriloop::cli {

std::filesystem::path userCacheDir();

struct LlmFlags {
    std::string url, model, cache;
    bool replay = false, noCache = false, builtin = false, unsafeNoSandbox = false;
    int64_t seed = -1;

    /// An LLM was asked for (--llm-url, --model, --llm-replay or VERILOOP_LLM_URL) and not
    /// overridden by --builtin.
    bool wanted() const;
    void add(CLI::App* cmd);
    /// The client configuration for an LLM run, checked (a reachable cache for --llm-replay,
    /// bubblewrap or --unsafe-no-sandbox), or an error message.
    tl::expected<llm::LlmConfig, std::string> config() const;
    /// The repair proposer factory (the built-in repairer when no LLM is wanted).
    tl::expected<std::function<std::unique_ptr<Proposer>()>, std::string> factory() const;
};

/// Progress lines on stderr unless VERILOOP_QUIET is set.
bool stderrProgress();

/// Prints the diagnostic (rendered) and returns exit code 2.
int badInput(const Diagnostic& d);

/// A file the run will write when it ends (or as it goes) must be writable before the run
/// starts: a long run must not end in "cannot write". Leaves no file behind when it was absent.
std::optional<Diagnostic> unwritable(const std::string& file, const std::string& option);

/// The dataset a command stores its results in, with a run recorded (the command line); no
/// dataset without a path.
tl::expected<std::optional<std::pair<Database, int64_t>>, Diagnostic> openDataset(const std::string& path,
                                                                                  const std::string& command);

/// `work` when given, else a fresh folder under the temporary folder named for `what` and
/// this process (the caller removes it).
std::filesystem::path workFolder(const std::string& work, const char* what);

/// Removes the work folder `work` unless the user gave it (`given` not empty).
void removeWork(const std::string& given, const std::filesystem::path& work);

/// The design folders below each of `roots`, in order; an error when a root does not exist or
/// none holds a design.
tl::expected<std::vector<std::filesystem::path>, Diagnostic> designDirsBelow(const std::vector<std::string>& roots);

/// Writes `json` (pretty) to `file`, or to stdout for "-"; a file that cannot be written is
/// said on stderr.
void writeJsonReport(const std::string& file, const nlohmann::json& json);

/// Writes the files of `changed` (the design's sources, same order) that differ from the
/// design's into its folder, saying each on stderr ("applied <what> to <file>"); false when
/// one cannot be written.
bool applySources(const Design& design, const std::vector<SourceFile>& changed, const std::string& what);

}  // namespace veriloop::cli
