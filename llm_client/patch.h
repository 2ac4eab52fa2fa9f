#pragma once
// Turning an LLM reply (untrusted text) into edits of a design. Three steps, each of which can
// fail with a PatchError that can be fed back to the model:
//   extractDiff      reply text → unified-diff text (a JSON {"diff": ...} object, a ```diff
//                    fenced block, or a bare diff);
//   parseUnifiedDiff diff text  → per-file hunks (line numbers are hints, context decides);
//   applyPatch       hunks      → new file texts, only for files on the allow-list.
// A path is accepted only when it names an allow-listed file relative to the design folder:
// absolute paths, `..`, backslashes, /dev/null (file creation or deletion), renames and any
// file not on the list are rejected before anything is applied.

#include <string>
#include <string_view>
#include <vector>

#include <tl/expected.hpp>

#include "core/source.h"

namespace veriloop::llm {

enum class PatchErrorKind {
    NoDiff,        ///< the reply holds no diff at all
    Malformed,     ///< the diff cannot be read (no hunks, bad header, ...)
    PathRejected,  ///< a path outside the allow-list, absolute, with `..`, ...
    HunkMismatch,  ///< a hunk's context or removed lines are not in the file
};

std::string_view patchErrorKindName(PatchErrorKind kind);

struct PatchError {
    PatchErrorKind kind = PatchErrorKind::Malformed;
    std::string message;
    std::string file;  ///< the file concerned; empty when none
    int hunk = 0;      ///< 1-based hunk number within the file; 0 when none

    /// "patch <kind>: <message>", one line.
    std::string format() const;
};

/// One line of a hunk: ' ' context, '-' removed, '+' added.
struct HunkLine {
    char kind = ' ';
    std::string text;  ///< without the prefix and without the newline
};

struct Hunk {
    int oldStart = 0;  ///< 1-based line in the old file from the @@ header; 0 when unknown
    int oldCount = -1; ///< from the header; -1 when absent
    std::vector<HunkLine> lines;
    bool oldNoNewlineAtEnd = false;  ///< "\ No newline at end of file" after an old-side line
    bool newNoNewlineAtEnd = false;  ///< "\ No newline at end of file" after a new-side line
};

struct FilePatch {
    std::string oldPath;  ///< as written after `---`, prefix and timestamp removed
    std::string newPath;  ///< as written after `+++`
    std::vector<Hunk> hunks;
};

/// The diff carried by a reply: the "diff" string when the reply is a JSON object that has one
/// (structured output), else the ```diff / ```patch fenced blocks joined, else any fenced block
/// that reads as a diff, else the text from the first `--- `/`diff --git` line on.
tl::expected<std::string, PatchError> extractDiff(std::string_view reply);

/// Parses a unified diff leniently, as models write them: hunk counts and line numbers may be
/// wrong (the context is matched instead), "@@ ... @@" without numbers is accepted, blank lines
/// inside a hunk are empty context lines, and prose around the diff is skipped.
tl::expected<std::vector<FilePatch>, PatchError> parseUnifiedDiff(std::string_view diff);

/// The allow-list entry a diff path names, or a PathRejected error saying why not. Git's a/
/// and b/ prefixes are dropped when the path without them is on the list.
tl::expected<std::string, PatchError> resolvePatchPath(std::string_view path,
                                                       const std::vector<std::string>& allowed);

struct PatchResult {
    std::vector<SourceFile> files;      ///< every input file, patched ones with their new text
    std::vector<std::string> changed;   ///< paths of the files whose text changed, in order
};

/// Applies `patches` to `files`, which are the allow-list (paths relative to the design
/// folder, e.g. Design::sources). All paths are checked before any hunk is applied; the input
/// is never modified.
tl::expected<PatchResult, PatchError> applyPatch(const std::vector<FilePatch>& patches,
                                                 const std::vector<SourceFile>& files);

/// extractDiff, parseUnifiedDiff and applyPatch in one call.
tl::expected<PatchResult, PatchError> applyReply(std::string_view reply,
                                                 const std::vector<SourceFile>& files);

}  // namespace veriloop::llm
