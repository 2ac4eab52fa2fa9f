#pragma once
// A repair suite of hand-written bugs (corpora/bugs/README.md): golden design folders, each
// with bugs/<id>/ holding bug.toml and the buggy copies of the sources the bug changes.

#include <filesystem>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include <tl/expected.hpp>

#include "core/design.h"
#include "core/diagnostic.h"

namespace veriloop {

struct SuiteBug {
    std::string id;           ///< the bug folder's name
    std::string kind;         ///< bug.toml `kind` (the README's vocabulary)
    std::string description;  ///< bug.toml `description`
    Design design;            ///< the golden design with the buggy sources swapped in
    std::vector<SourceFile> golden;  ///< the golden's sources
    /// Lines of the buggy sources that differ from the golden (for a deletion: the lines on
    /// both sides of it): where fault localization should point.
    std::set<std::pair<std::string, int>> bugLines;
    int hunks = 0;            ///< separate groups of changed lines
};

/// Loads every bug of the suite at `root` (or only `onlyBug` when not empty), sorted by id.
/// A bug that names no known kind, changes no file or names a file the design does not
/// have is an error that names its folder.
tl::expected<std::vector<SuiteBug>, Diagnostic> loadRepairSuite(const std::filesystem::path& root,
                                                                const std::string& onlyBug = "");

/// The bug kinds of corpora/bugs/README.md.
const std::vector<std::string>& suiteBugKinds();

/// Lines of `after` that are not in a longest common subsequence with `before` (1-based),
/// plus the lines around each deletion, and the number of separate changed groups.
std::pair<std::set<int>, int> changedLines(const std::string& before, const std::string& after);

}  // namespace veriloop
