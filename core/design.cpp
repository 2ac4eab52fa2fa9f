#include "core/design.h"

#include <algorithm>

#include <fmt/format.h>
#include <toml++/toml.h>

#include "core/text.h"

namespace veriloop {

std::string_view languageName(Language lang)
{
    switch (lang) {
    case Language::Verilog: return "verilog";
    case Language::SystemVerilog: return "systemverilog";
    case Language::HlsCpp: return "hls-cpp";
    }
    return "verilog";
}

bool isCppSource(const std::filesystem::path& path)
{
    const auto ext = path.extension();
    return ext == ".cpp" || ext == ".cc" || ext == ".cxx";
}

bool TestbenchSpec::passes(int exitCode, int signal, const std::string& out) const
{
    const bool exitOk = !passExitCode || (signal == 0 && exitCode == *passExitCode);
    const bool stdoutOk = passStdout.empty() || out.find(passStdout) != std::string::npos;
    return exitOk && stdoutOk;
}

bool TestbenchSpec::isCppHarness() const
{
    return std::any_of(sources.begin(), sources.end(),
                       [](const std::string& s) { return isCppSource(s); });
}

namespace {

// The nearest folder at or above `dir` that holds veriloop.toml (the project root), or empty.
std::filesystem::path projectRootOf(const std::filesystem::path& dir)
{
    for (auto p = dir; !p.empty(); p = p.parent_path()) {
        if (std::filesystem::exists(p / kProjectFile)) return p;
        if (p == p.root_path()) break;
    }
    return {};
}

}  // namespace

std::vector<std::filesystem::path> Design::inputFolders() const
{
    const auto root = projectRootOf(dir);  // its headers may include anything below it
    std::vector<std::filesystem::path> out = {root.empty() ? dir : root};
    for (const auto& inc : testbench.includeDirs) out.push_back((dir / inc).lexically_normal());
    for (const auto& tb : testbench.sources) out.push_back((dir / tb).lexically_normal().parent_path());
    return out;
}

std::string Design::inputHash() const
{
    std::string all = name + "\n" + top + "\n";
    for (const auto& f : sources) all += f.path + "\n" + f.text;
    for (const auto& tb : testbench.sources)
        all += tb + "\n" + readFile(dir / tb).value_or("");
    if (auto toml = readFile(dir / "design.toml")) all += *toml;
    return contentHash(all);
}

namespace {

using DiagOr = tl::expected<Design, Diagnostic>;

std::vector<std::string> stringList(const toml::node_view<const toml::node>& node)
{
    std::vector<std::string> out;
    if (const auto* arr = node.as_array())
        for (const auto& el : *arr)
            if (auto s = el.value<std::string>()) out.push_back(*s);
    return out;
}

Diagnostic tomlError(const std::filesystem::path& file, const std::string& message,
                     const toml::source_region& where = {})
{
    return makeDiag(DiagCode::DesignTomlInvalid, message, file.string(),
                    static_cast<int>(where.begin.line), static_cast<int>(where.begin.column));
}

tl::expected<Language, std::string> parseLanguage(const std::string& s)
{
    if (s == "verilog") return Language::Verilog;
    if (s == "systemverilog") return Language::SystemVerilog;
    if (s == "hls-cpp") return Language::HlsCpp;
    return tl::unexpected(
        fmt::format("unknown language `{}` (expected verilog, systemverilog or hls-cpp)", s));
}

void readTestbench(const toml::table& tbl, TestbenchSpec& tb)
{
    tb.sources = stringList(tbl["sources"]);
    tb.top = tbl["top"].value_or(std::string{});
    tb.includeDirs = stringList(tbl["include_dirs"]);
    tb.timeoutSeconds = tbl["timeout_s"].value_or(10.0);
    if (const auto* pass = tbl["pass"].as_table()) {
        if (auto code = (*pass)["exit_code"].value<int64_t>())
            tb.passExitCode = static_cast<int>(*code);
        else
            tb.passExitCode.reset();
        tb.passStdout = (*pass)["stdout"].value_or(std::string{});
    }
}

// A path design.toml names, after symlinks, if it stays inside the design folder or the project
// root; a design is data and must never make veriloop read other files.
tl::expected<std::filesystem::path, Diagnostic> containedPath(const std::filesystem::path& dir,
                                                              const std::string& rel,
                                                              const std::filesystem::path& tomlPath)
{
    std::error_code ec;
    const auto resolved = std::filesystem::weakly_canonical(dir / rel, ec);
    const auto root = projectRootOf(dir);
    if (!ec && (isWithin(resolved, std::filesystem::weakly_canonical(dir, ec)) ||
                isWithin(resolved, std::filesystem::weakly_canonical(root, ec))))
        return resolved;
    return tl::unexpected(makeDiag(
        DiagCode::PathOutsideDesign,
        fmt::format("`{}` resolves to {}, outside the design folder{}; a design may only name "
                    "files inside its folder{}",
                    rel, ec ? "an unreadable path" : resolved.string(),
                    root.empty() ? "" : " and the project root " + root.string(),
                    root.empty() ? " (or below a folder holding veriloop.toml)" : " or below the project root"),
        tomlPath.string()));
}

tl::expected<void, Diagnostic> checkProjectFile(const std::filesystem::path& dir)
{
    const auto root = projectRootOf(dir);
    if (root.empty()) return {};
    try {
        [[maybe_unused]] const auto project = toml::parse_file((root / kProjectFile).string());
    } catch (const toml::parse_error& err) {
        return tl::unexpected(tomlError(root / kProjectFile, std::string(err.description()), err.source()));
    }
    return {};
}

}  // namespace

tl::expected<Design, Diagnostic> loadDesign(const std::filesystem::path& dirIn)
{
    const auto dir = std::filesystem::absolute(dirIn).lexically_normal();
    const auto tomlPath = dir / "design.toml";
    if (!std::filesystem::exists(tomlPath))
        return tl::unexpected(makeDiag(DiagCode::DesignTomlMissing,
                                       "no design.toml in this folder", dir.string()));
    toml::table root;
    try {
        root = toml::parse_file(tomlPath.string());
    } catch (const toml::parse_error& err) {
        return tl::unexpected(
            tomlError(tomlPath, std::string(err.description()), err.source()));
    }
    if (auto project = checkProjectFile(dir); !project) return tl::unexpected(project.error());
    Design d;
    d.dir = dir;
    const auto* design = root["design"].as_table();
    if (!design) return tl::unexpected(tomlError(tomlPath, "missing [design] table"));
    d.name = (*design)["name"].value_or(dir.filename().string());
    d.top = (*design)["top"].value_or(std::string{});
    d.description = (*design)["description"].value_or(std::string{});
    auto lang = parseLanguage((*design)["language"].value_or(std::string{"systemverilog"}));
    if (!lang) return tl::unexpected(tomlError(tomlPath, lang.error(), design->source()));
    d.language = *lang;
    if (d.top.empty())
        return tl::unexpected(tomlError(tomlPath, "[design] needs `top`", design->source()));
    const auto sources = stringList((*design)["sources"]);
    if (sources.empty())
        return tl::unexpected(
            tomlError(tomlPath, "[design] needs a non-empty `sources` list", design->source()));
    for (const auto& rel : sources) {
        auto path = containedPath(dir, rel, tomlPath);
        if (!path) return tl::unexpected(path.error());
        auto text = std::filesystem::is_regular_file(*path) ? readFile(*path) : std::nullopt;
        if (!text)
            return tl::unexpected(makeDiag(
                DiagCode::SourceMissing,
                fmt::format("design source `{}` named in design.toml does not exist", rel),
                tomlPath.string()));
        d.sources.push_back({rel, std::move(*text)});
    }
    if (const auto* tb = root["testbench"].as_table()) readTestbench(*tb, d.testbench);
    for (const auto& rel : d.testbench.includeDirs)
        if (auto path = containedPath(dir, rel, tomlPath); !path) return tl::unexpected(path.error());
    for (const auto& rel : d.testbench.sources) {
        auto path = containedPath(dir, rel, tomlPath);
        if (!path) return tl::unexpected(path.error());
        if (!std::filesystem::is_regular_file(*path))
            return tl::unexpected(makeDiag(
                DiagCode::SourceMissing,
                fmt::format("testbench source `{}` named in design.toml does not exist", rel),
                tomlPath.string()));
    }
    d.clock = root["clock"]["name"].value_or(std::string{});
    if (const auto* rst = root["reset"].as_table()) {
        ResetSpec r;
        r.name = (*rst)["name"].value_or(std::string{});
        r.activeLow = (*rst)["active_low"].value_or(true);
        r.cycles = static_cast<int>((*rst)["cycles"].value_or(int64_t{2}));
        if (!r.name.empty()) d.reset = r;
    }
    if (const auto* st = root["stimulus"].as_table()) {
        d.stimulus.random = (*st)["random"].value_or(false);
        d.stimulus.cycles = static_cast<int>((*st)["cycles"].value_or(int64_t{1000}));
        d.stimulus.seed = static_cast<uint64_t>((*st)["seed"].value_or(int64_t{1}));
    }
    return d;
}

std::vector<std::filesystem::path> findDesignDirs(const std::filesystem::path& root)
{
    std::vector<std::filesystem::path> dirs;
    std::error_code ec;
    if (std::filesystem::exists(root / "design.toml")) return {root};
    for (auto it = std::filesystem::recursive_directory_iterator(root, ec);
         !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
        // A repair suite's golden designs (corpora/bugs) are the suite's, not the corpus's.
        if (it->is_directory() && std::filesystem::exists(it->path() / kRepairSuiteFile)) {
            it.disable_recursion_pending();
            continue;
        }
        if (it->is_regular_file() && it->path().filename() == "design.toml")
            dirs.push_back(it->path().parent_path());
    }
    std::sort(dirs.begin(), dirs.end());
    return dirs;
}

}  // namespace veriloop
