#include "flows/gate/git_revisions.h"

#include <regex>

#include <fmt/format.h>

#include "core/process.h"
#include "core/text.h"

namespace veriloop {

namespace {

ProcessResult git(const std::filesystem::path& repo, std::vector<std::string> args,
                  double timeoutSeconds = 120)
{
    ProcessSpec spec;
    spec.argv = {"git", "-C", repo.string()};
    spec.argv.insert(spec.argv.end(), args.begin(), args.end());
    spec.timeoutSeconds = timeoutSeconds;
    spec.maxCaptureBytes = 64u << 20;
    spec.env["GIT_PAGER"] = "cat";
    spec.env["LC_ALL"] = "C";
    return runProcess(spec);
}

Diagnostic gitFailure(const std::string& what, const ProcessResult& r)
{
    std::string why = r.startFailed ? "git is not installed" : oneLine(r.err.empty() ? r.out : r.err, 300);
    return makeDiag(DiagCode::GitError, fmt::format("{}: {}", what, why));
}

}  // namespace

tl::expected<std::filesystem::path, Diagnostic> gitTopLevel(const std::filesystem::path& dir)
{
    ProcessResult r = git(dir, {"rev-parse", "--show-toplevel"});
    if (!r.ok()) return tl::unexpected(gitFailure(dir.string() + " is not in a git work tree", r));
    auto lines = splitLines(r.out);
    return std::filesystem::path(lines.empty() ? std::string{} : lines.front());
}

tl::expected<std::string, Diagnostic> gitCommit(const std::filesystem::path& repo,
                                                const std::string& rev)
{
    if (rev.empty() || rev.front() == '-')
        return tl::unexpected(makeDiag(DiagCode::GitError, fmt::format("'{}' is not a revision", rev)));
    ProcessResult r = git(repo, {"rev-parse", "--verify", "--quiet", rev + "^{commit}"});
    if (!r.ok())
        return tl::unexpected(makeDiag(
            DiagCode::GitError, fmt::format("revision '{}' does not name a commit in {}", rev,
                                            repo.string())));
    auto lines = splitLines(r.out);
    return lines.empty() ? std::string{} : lines.front();
}

std::vector<ChangedFile> parseZeroContextDiff(const std::string& diff)
{
    static const std::regex hunk(R"(^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@)");
    std::vector<ChangedFile> files;
    std::string oldPath;
    for (const auto& line : splitLines(diff)) {
        if (line.rfind("--- ", 0) == 0) {
            oldPath = line.substr(4);
        } else if (line.rfind("+++ ", 0) == 0) {
            ChangedFile f;
            const std::string newPath = line.substr(4);
            f.deleted = newPath == "/dev/null";
            const std::string& p = f.deleted ? oldPath : newPath;
            f.path = p.size() > 2 && p[1] == '/' ? p.substr(2) : p;  // a/... or b/...
            files.push_back(std::move(f));
        } else if (!files.empty()) {
            std::smatch m;
            if (!std::regex_search(line, m, hunk)) continue;
            const int start = std::stoi(m[1].str());
            const int count = m[2].matched ? std::stoi(m[2].str()) : 1;
            if (count == 0) files.back().newLines.push_back({std::max(start, 1), std::max(start, 1)});
            else files.back().newLines.push_back({start, start + count - 1});
        }
    }
    return files;
}

tl::expected<std::vector<ChangedFile>, Diagnostic> gitChangedFiles(const std::filesystem::path& repo,
                                                                   const std::string& base,
                                                                   const std::string& head)
{
    ProcessResult r = git(repo, {"diff", "-U0", "--no-color", "--no-ext-diff", "--no-renames",
                                 "--no-textconv", base, head, "--"});
    if (!r.ok()) return tl::unexpected(gitFailure("git diff " + base + " " + head, r));
    return parseZeroContextDiff(r.out);
}

tl::expected<void, Diagnostic> gitExportTree(const std::filesystem::path& repo,
                                             const std::string& commit,
                                             const std::filesystem::path& dest)
{
    std::error_code ec;
    std::filesystem::remove_all(dest, ec);
    std::filesystem::create_directories(dest, ec);
    const auto tar = dest.string() + ".tar";
    ProcessResult r = git(repo, {"archive", "--format=tar", "-o", tar, commit}, 600);
    if (!r.ok()) return tl::unexpected(gitFailure("git archive " + commit, r));
    ProcessSpec untar;
    untar.argv = {"tar", "-xf", tar, "-C", dest.string()};
    untar.timeoutSeconds = 600;
    ProcessResult u = runProcess(untar);
    std::filesystem::remove(tar, ec);
    if (!u.ok())
        return tl::unexpected(makeDiag(DiagCode::GitError,
                                       "unpacking " + commit + ": " + oneLine(u.err, 300)));
    return {};
}

std::vector<std::string> gitTrailerValues(const std::filesystem::path& repo, const std::string& base,
                                          const std::string& head, const std::string& key)
{
    ProcessResult r =
        git(repo, {"log", fmt::format("--format=%(trailers:key={},valueonly)", key),
                   base + ".." + head});
    std::vector<std::string> out;
    if (!r.ok()) return out;
    for (const auto& line : splitLines(r.out)) {
        std::string word;
        for (char c : line + " ") {
            if (c == ',' || c == ' ' || c == '\t') {
                if (!word.empty()) out.push_back(word);
                word.clear();
            } else {
                word += c;
            }
        }
    }
    return out;
}

}  // namespace veriloop
