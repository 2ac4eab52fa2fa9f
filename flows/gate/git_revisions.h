#pragma once
// What changed between two revisions of a git repository, and scratch copies of them. Git is
// only read: revisions are exported with `git archive` into folders veriloop owns, so the
// user's work tree, index and worktree list are never touched.

#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include <tl/expected.hpp>

#include "core/diagnostic.h"

namespace veriloop {

/// Lines [first, last] (1-based, inclusive) of a file's new version that a diff touched. A
/// pure deletion marks the line after which lines were removed (first == last).
using LineSpan = std::pair<int, int>;

struct ChangedFile {
    std::string path;               // relative to the repository root, as in the new version
    std::vector<LineSpan> newLines; // empty for a deleted file
    bool deleted = false;
};

/// The repository holding `dir` (its top-level folder).
tl::expected<std::filesystem::path, Diagnostic> gitTopLevel(const std::filesystem::path& dir);

/// The full commit id `rev` names in `repo`.
tl::expected<std::string, Diagnostic> gitCommit(const std::filesystem::path& repo,
                                                const std::string& rev);

/// Files that differ between two commits, with the changed lines of their new versions.
tl::expected<std::vector<ChangedFile>, Diagnostic> gitChangedFiles(const std::filesystem::path& repo,
                                                                   const std::string& base,
                                                                   const std::string& head);

/// Parses `git diff -U0` output into changed files (exposed for tests).
std::vector<ChangedFile> parseZeroContextDiff(const std::string& diff);

/// Writes the tree of `commit` into `dest` (created; emptied first).
tl::expected<void, Diagnostic> gitExportTree(const std::filesystem::path& repo,
                                             const std::string& commit,
                                             const std::filesystem::path& dest);

/// Values of the trailer `key` (e.g. "Veriloop-Equivalent") in the messages of the commits in
/// base..head, split at commas and spaces.
std::vector<std::string> gitTrailerValues(const std::filesystem::path& repo, const std::string& base,
                                          const std::string& head, const std::string& key);

}  // namespace veriloop
