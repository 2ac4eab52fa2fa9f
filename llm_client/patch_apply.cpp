// Applying parsed hunks to allow-listed files. Safety first: every path of every file patch is
// resolved against the allow-list before any text changes, so a reply that names one bad path
// changes nothing. Each hunk's old side (context and removed lines) must occur in the file at
// or after the end of the previous hunk; among several matches the one nearest the header's
// line number wins (exact text first, then ignoring trailing whitespace). The search only
// moves forward, so application terminates and hunks never overlap.

#include <algorithm>
#include <cstdlib>
#include <optional>

#include <fmt/format.h>

#include "core/text.h"
#include "llm_client/patch.h"

namespace veriloop::llm {

namespace {

/// A file as lines; CRLF files are matched without their '\r' and written back with it.
struct FileLines {
    std::vector<std::string> lines;
    bool finalNewline = false;
    bool crlf = false;

    explicit FileLines(const std::string& text)
    {
        lines = splitLines(text);
        finalNewline = !text.empty() && text.back() == '\n';
        crlf = !lines.empty() && std::all_of(lines.begin(), lines.end(), [](const auto& l) {
            return !l.empty() && l.back() == '\r';
        });
        if (crlf)
            for (auto& line : lines) line.pop_back();
    }

    std::string text() const
    {
        std::string out;
        const char* eol = crlf ? "\r\n" : "\n";
        for (size_t i = 0; i < lines.size(); ++i) {
            out += lines[i];
            if (i + 1 < lines.size() || finalNewline) out += eol;
        }
        return out;
    }
};

std::string_view rstrip(std::string_view text)
{
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r'))
        text.remove_suffix(1);
    return text;
}

bool matchesAt(const std::vector<std::string>& file, const std::vector<std::string>& block,
               size_t pos, bool loose)
{
    for (size_t k = 0; k < block.size(); ++k) {
        bool same = loose ? rstrip(file[pos + k]) == rstrip(block[k]) : file[pos + k] == block[k];
        if (!same) return false;
    }
    return true;
}

/// Where `block` occurs at or after `minPos`, nearest to `hint`.
std::optional<size_t> findBlock(const std::vector<std::string>& file,
                                const std::vector<std::string>& block, size_t minPos, size_t hint)
{
    if (block.empty()) return std::clamp(hint, minPos, file.size());
    if (file.size() < block.size() || minPos > file.size() - block.size()) return std::nullopt;
    size_t last = file.size() - block.size();
    for (bool loose : {false, true}) {
        std::optional<size_t> best;
        for (size_t pos = minPos; pos <= last; ++pos) {
            if (!matchesAt(file, block, pos, loose)) continue;
            auto distance = [&](size_t p) { return p > hint ? p - hint : hint - p; };
            if (!best || distance(pos) < distance(*best)) best = pos;
        }
        if (best) return best;
    }
    return std::nullopt;
}

PatchError hunkMismatch(const std::string& path, int hunkNo, const Hunk& hunk,
                        const std::vector<std::string>& oldSide)
{
    std::string first = oldSide.empty() ? std::string() : oneLine(oldSide.front(), 60);
    std::string where = hunk.oldStart > 0 ? fmt::format(" near line {}", hunk.oldStart) : "";
    return PatchError{PatchErrorKind::HunkMismatch,
                      fmt::format("hunk {} of `{}` does not match the file: its {} context and "
                                  "removed lines (starting `{}`) are not there{}; copy the "
                                  "context exactly from the current file",
                                  hunkNo, path, oldSide.size(), first, where),
                      path, hunkNo};
}

tl::expected<std::string, PatchError> applyHunks(const std::string& text, const FilePatch& patch,
                                                 const std::string& path)
{
    FileLines file(text);
    const bool wasEmpty = file.lines.empty();
    size_t minPos = 0;
    long offset = 0;  // how far the file has moved against the headers' line numbers
    for (size_t h = 0; h < patch.hunks.size(); ++h) {
        const Hunk& hunk = patch.hunks[h];
        std::vector<std::string> oldSide, newSide;
        for (const HunkLine& line : hunk.lines) {
            if (line.kind != '+') oldSide.push_back(line.text);
            if (line.kind != '-') newSide.push_back(line.text);
        }
        // "-N,0" inserts after line N; otherwise the old side starts at line N.
        long headerPos = hunk.oldCount == 0 ? hunk.oldStart : std::max(hunk.oldStart - 1, 0);
        size_t hint = hunk.oldStart > 0 ? static_cast<size_t>(std::max(headerPos + offset, 0L))
                                        : minPos;
        if (oldSide.empty() && hunk.oldStart == 0 && hunk.oldCount != 0 && !file.lines.empty())
            return tl::unexpected(PatchError{
                PatchErrorKind::Malformed,
                fmt::format("hunk {} of `{}` has neither context lines nor a line number, so "
                            "there is no telling where it goes",
                            h + 1, path),
                path, static_cast<int>(h + 1)});
        auto pos = findBlock(file.lines, oldSide, minPos, hint);
        if (!pos) return tl::unexpected(hunkMismatch(path, static_cast<int>(h + 1), hunk, oldSide));

        const bool reachesEnd = *pos + oldSide.size() == file.lines.size();
        auto begin = file.lines.begin() + static_cast<std::ptrdiff_t>(*pos);
        file.lines.erase(begin, begin + static_cast<std::ptrdiff_t>(oldSide.size()));
        file.lines.insert(file.lines.begin() + static_cast<std::ptrdiff_t>(*pos), newSide.begin(),
                          newSide.end());
        if (reachesEnd) {
            if (hunk.newNoNewlineAtEnd) file.finalNewline = false;
            else if (hunk.oldNoNewlineAtEnd || wasEmpty) file.finalNewline = true;
        }
        if (hunk.oldStart > 0)
            offset = static_cast<long>(*pos) - headerPos +
                     static_cast<long>(newSide.size()) - static_cast<long>(oldSide.size());
        minPos = *pos + newSide.size();
    }
    return file.text();
}

std::string normalizePath(std::string_view path, bool& escapes)
{
    std::vector<std::string_view> parts;
    escapes = false;
    size_t start = 0;
    while (start <= path.size()) {
        size_t slash = path.find('/', start);
        if (slash == std::string_view::npos) slash = path.size();
        std::string_view part = path.substr(start, slash - start);
        if (part == "..") escapes = true;
        if (!part.empty() && part != ".") parts.push_back(part);
        start = slash + 1;
    }
    std::string out;
    for (std::string_view part : parts) {
        if (!out.empty()) out += '/';
        out += part;
    }
    return out;
}

PatchError rejected(std::string_view path, std::string why)
{
    return PatchError{PatchErrorKind::PathRejected, std::move(why), std::string(path), 0};
}

}  // namespace

tl::expected<std::string, PatchError> resolvePatchPath(std::string_view path,
                                                       const std::vector<std::string>& allowed)
{
    if (path.empty()) return tl::unexpected(rejected(path, "the diff has an empty file path"));
    if (path == "/dev/null")
        return tl::unexpected(rejected(path, "the diff creates or deletes a file; only edits to "
                                             "the design's existing files are allowed"));
    if (path.front() == '/' || path.front() == '~' || (path.size() > 1 && path[1] == ':'))
        return tl::unexpected(rejected(path, fmt::format("absolute path `{}` is not allowed; use "
                                                         "paths relative to the design folder",
                                                         path)));
    if (std::any_of(path.begin(), path.end(),
                    [](char c) { return c == '\\' || static_cast<unsigned char>(c) < 0x20; }))
        return tl::unexpected(rejected(path, fmt::format("path `{}` has a backslash or a control "
                                                         "character", oneLine(std::string(path)))));
    bool escapes = false;
    std::string normal = normalizePath(path, escapes);
    if (escapes)
        return tl::unexpected(rejected(path, fmt::format("path `{}` leaves the design folder "
                                                         "(`..` is not allowed)", path)));
    std::vector<std::string> candidates;
    if (normal.size() > 2 && (normal.starts_with("a/") || normal.starts_with("b/")))
        candidates.push_back(normal.substr(2));
    candidates.push_back(normal);
    for (const std::string& candidate : candidates)
        for (const std::string& entry : allowed) {
            bool entryEscapes = false;
            if (normalizePath(entry, entryEscapes) == candidate && !entryEscapes) return entry;
        }
    return tl::unexpected(rejected(
        path, fmt::format("`{}` is not one of the design's files; the patch may only edit: {}",
                          path, fmt::join(allowed, ", "))));
}

tl::expected<PatchResult, PatchError> applyPatch(const std::vector<FilePatch>& patches,
                                                 const std::vector<SourceFile>& files)
{
    std::vector<std::string> allowed;
    for (const SourceFile& file : files) allowed.push_back(file.path);

    // Resolve every path first: one bad path rejects the whole reply.
    std::vector<size_t> targets;
    for (const FilePatch& patch : patches) {
        auto oldPath = resolvePatchPath(patch.oldPath, allowed);
        if (!oldPath) return tl::unexpected(oldPath.error());
        auto newPath = resolvePatchPath(patch.newPath, allowed);
        if (!newPath) return tl::unexpected(newPath.error());
        if (*oldPath != *newPath)
            return tl::unexpected(rejected(patch.newPath,
                                           fmt::format("renaming `{}` to `{}` is not allowed",
                                                       *oldPath, *newPath)));
        auto it = std::find(allowed.begin(), allowed.end(), *newPath);
        targets.push_back(static_cast<size_t>(it - allowed.begin()));
    }

    PatchResult result{files, {}};
    for (size_t i = 0; i < patches.size(); ++i) {
        SourceFile& file = result.files[targets[i]];
        auto text = applyHunks(file.text, patches[i], file.path);
        if (!text) return tl::unexpected(text.error());
        file.text = std::move(*text);
    }
    for (size_t i = 0; i < files.size(); ++i)
        if (result.files[i].text != files[i].text) result.changed.push_back(files[i].path);
    if (result.changed.empty())
        return tl::unexpected(PatchError{PatchErrorKind::NoDiff, "the diff changes nothing", {},
                                         0});
    return result;
}

tl::expected<PatchResult, PatchError> applyReply(std::string_view reply,
                                                 const std::vector<SourceFile>& files)
{
    auto diff = extractDiff(reply);
    if (!diff) return tl::unexpected(diff.error());
    auto patches = parseUnifiedDiff(*diff);
    if (!patches) return tl::unexpected(patches.error());
    return applyPatch(*patches, files);
}

}  // namespace veriloop::llm
