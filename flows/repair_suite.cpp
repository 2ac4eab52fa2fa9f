// Why the bug lines are right: they come from a longest-common-subsequence alignment of the
// golden and the buggy file (lines outside it are exactly the changed ones), so a bug written
// by hand needs no line numbers that could go stale when the file is edited.

#include "flows/repair_suite.h"

#include <algorithm>

#include <fmt/format.h>
#include <toml++/toml.h>

#include "core/text.h"

namespace veriloop {

const std::vector<std::string>& suiteBugKinds()
{
    static const std::vector<std::string> kinds = {
        "edge-swap",        "sensitivity-list", "reset-polarity",   "blocking-nonblocking",
        "branch-swap",      "missing-default",  "missing-assignment", "literal-base-width",
        "negation",         "off-by-one",       "wrong-operator",   "wrong-constant",
        "wrong-condition",  "wrong-variable",   "duplicate-case-item"};
    return kinds;
}

std::pair<std::set<int>, int> changedLines(const std::string& before, const std::string& after)
{
    const auto a = splitLines(before);
    const auto b = splitLines(after);
    const size_t n = a.size(), m = b.size();
    // lcs[i][j]: longest common subsequence of a[i..] and b[j..]
    std::vector<std::vector<int>> lcs(n + 1, std::vector<int>(m + 1, 0));
    for (size_t i = n; i-- > 0;)
        for (size_t j = m; j-- > 0;)
            lcs[i][j] = a[i] == b[j] ? lcs[i + 1][j + 1] + 1 : std::max(lcs[i + 1][j], lcs[i][j + 1]);
    std::set<int> lines;
    int hunks = 0;
    bool inHunk = false, hunkHasAfterLine = false;
    size_t i = 0, j = 0;
    auto closeHunk = [&] {
        if (!inHunk) return;
        if (!hunkHasAfterLine) {  // a deletion: the lines on both sides of the gap
            if (j >= 1) lines.insert(static_cast<int>(j));
            if (j < m) lines.insert(static_cast<int>(j) + 1);
        }
        inHunk = false;
        hunkHasAfterLine = false;
    };
    while (i < n || j < m) {
        if (i < n && j < m && a[i] == b[j]) {
            closeHunk();
            ++i;
            ++j;
            continue;
        }
        if (!inHunk) ++hunks;
        inHunk = true;
        if (j < m && (i == n || lcs[i][j + 1] >= lcs[i + 1][j])) {
            lines.insert(static_cast<int>(j) + 1);
            hunkHasAfterLine = true;
            ++j;
        } else {
            ++i;
        }
    }
    closeHunk();
    return {lines, hunks};
}

namespace {

tl::expected<SuiteBug, Diagnostic> loadBug(const Design& golden, const std::filesystem::path& dir)
{
    const auto tomlPath = dir / "bug.toml";
    auto bad = [&](const std::string& message) {
        return tl::unexpected(makeDiag(DiagCode::DesignTomlInvalid, message, tomlPath.string()));
    };
    toml::table t;
    try {
        t = toml::parse_file(tomlPath.string());
    } catch (const toml::parse_error& err) {
        return bad(fmt::format("line {}: {}", err.source().begin.line, err.description()));
    }
    SuiteBug bug;
    bug.id = dir.filename().string();
    bug.kind = t["kind"].value_or(std::string{});
    bug.description = t["description"].value_or(std::string{});
    const auto& kinds = suiteBugKinds();
    if (std::find(kinds.begin(), kinds.end(), bug.kind) == kinds.end())
        return bad(fmt::format("`kind = \"{}\"` is not one of the kinds in corpora/bugs/README.md "
                               "({})",
                               bug.kind, fmt::join(kinds, ", ")));
    bug.design = golden;
    bug.golden = golden.sources;
    for (auto& f : bug.design.sources) {
        const auto path = dir / f.path;
        if (!std::filesystem::exists(path)) continue;
        auto text = readFile(path);
        if (!text) return bad(fmt::format("cannot read {}", path.string()));
        auto [lines, hunks] = changedLines(f.text, *text);
        for (int l : lines) bug.bugLines.insert({f.path, l});
        bug.hunks += hunks;
        f.text = std::move(*text);
    }
    std::error_code ec;
    for (auto it = std::filesystem::recursive_directory_iterator(dir, ec);
         !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
        if (!it->is_regular_file() || it->path().filename() == "bug.toml") continue;
        const auto rel = it->path().lexically_relative(dir).generic_string();
        const bool known = std::any_of(golden.sources.begin(), golden.sources.end(),
                                       [&](const SourceFile& f) { return f.path == rel; });
        if (!known)
            return bad(fmt::format("`{}` is not a source of design `{}`", rel, golden.name));
    }
    if (bug.hunks == 0) return bad("the bug changes no design source (identical to the golden)");
    return bug;
}

}  // namespace

tl::expected<std::vector<SuiteBug>, Diagnostic> loadRepairSuite(const std::filesystem::path& root,
                                                                const std::string& onlyBug)
{
    if (!std::filesystem::exists(root / kRepairSuiteFile))
        return tl::unexpected(makeDiag(DiagCode::InvalidOption,
                                       fmt::format("not a repair suite (no {}; see "
                                                   "corpora/bugs/README.md)",
                                                   kRepairSuiteFile),
                                       root.string()));
    std::vector<std::filesystem::path> designDirs;
    std::error_code ec;
    for (const auto& e : std::filesystem::directory_iterator(root, ec))
        if (e.is_directory() && std::filesystem::exists(e.path() / "design.toml"))
            designDirs.push_back(e.path());
    std::sort(designDirs.begin(), designDirs.end());
    std::vector<SuiteBug> bugs;
    for (const auto& dir : designDirs) {
        if (!onlyBug.empty() && !std::filesystem::is_directory(dir / "bugs" / onlyBug)) continue;
        auto golden = loadDesign(dir);
        if (!golden) return tl::unexpected(golden.error());
        std::vector<std::filesystem::path> bugDirs;
        for (const auto& e : std::filesystem::directory_iterator(dir / "bugs", ec))
            if (e.is_directory()) bugDirs.push_back(e.path());
        for (const auto& b : bugDirs) {
            if (!onlyBug.empty() && b.filename() != onlyBug) continue;
            auto bug = loadBug(*golden, b);
            if (!bug) return tl::unexpected(bug.error());
            bugs.push_back(std::move(*bug));
        }
    }
    std::sort(bugs.begin(), bugs.end(), [](const SuiteBug& a, const SuiteBug& b) { return a.id < b.id; });
    if (!onlyBug.empty() && bugs.empty())
        return tl::unexpected(makeDiag(DiagCode::InvalidOption,
                                       fmt::format("no bug `{}` in this suite", onlyBug), root.string()));
    return bugs;
}

}  // namespace veriloop
