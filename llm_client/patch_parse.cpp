// Reading a diff out of an LLM reply. Models wrap diffs in prose and fences, miscount hunk
// lines and get line numbers wrong, so this parser reads leniently: hunk bodies run while
// lines carry a diff prefix, header counts are ignored, and the hunk's context (matched in
// patch_apply.cpp) decides where it lands. What it cannot read it reports, never guesses.

#include <algorithm>
#include <cctype>
#include <charconv>
#include <optional>
#include <tuple>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "llm_client/patch.h"

namespace veriloop::llm {

namespace {

bool startsWith(std::string_view text, std::string_view prefix)
{
    return text.substr(0, prefix.size()) == prefix;
}

std::string_view trim(std::string_view text)
{
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front())))
        text.remove_prefix(1);
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back())))
        text.remove_suffix(1);
    return text;
}

/// Lines without their '\n' (and without a '\r' before it).
std::vector<std::string_view> lineViews(std::string_view text)
{
    std::vector<std::string_view> lines;
    size_t start = 0;
    while (start < text.size()) {
        size_t nl = text.find('\n', start);
        size_t end = nl == std::string_view::npos ? text.size() : nl;
        std::string_view line = text.substr(start, end - start);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        lines.push_back(line);
        if (nl == std::string_view::npos) break;
        start = nl + 1;
    }
    return lines;
}

std::string joinLines(const std::vector<std::string_view>& lines, size_t begin, size_t end)
{
    std::string out;
    for (size_t i = begin; i < end; ++i) {
        out += lines[i];
        out += '\n';
    }
    return out;
}

struct Fence {
    std::string lang;  ///< lower-cased first word after the backticks
    std::string body;
};

/// Fenced code blocks; an unclosed fence (a reply cut at max_tokens) runs to the end.
std::vector<Fence> fencedBlocks(std::string_view text)
{
    auto lines = lineViews(text);
    std::vector<Fence> fences;
    for (size_t i = 0; i < lines.size(); ++i) {
        std::string_view open = trim(lines[i]);
        size_t ticks = 0;
        while (ticks < open.size() && open[ticks] == '`') ++ticks;
        if (ticks < 3) continue;
        std::string_view info = trim(open.substr(ticks));
        Fence fence;
        for (char c : info.substr(0, info.find(' ')))
            fence.lang += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        size_t j = i + 1;
        for (; j < lines.size(); ++j) {
            std::string_view close = trim(lines[j]);
            if (close.size() >= ticks && close.find_first_not_of('`') == std::string_view::npos)
                break;
        }
        fence.body = joinLines(lines, i + 1, j);
        fences.push_back(std::move(fence));
        i = j;
    }
    return fences;
}

bool looksLikeDiff(std::string_view text)
{
    bool minus = false, plus = false, hunk = false;
    for (std::string_view line : lineViews(text)) {
        minus = minus || startsWith(line, "--- ");
        plus = plus || startsWith(line, "+++ ");
        hunk = hunk || startsWith(line, "@@");
    }
    return minus && plus && hunk;
}

/// The "diff" member of a JSON object; nullopt when `text` is not such an object.
std::optional<std::string> jsonDiffField(std::string_view text)
{
    auto doc = nlohmann::json::parse(text, nullptr, false);
    if (!doc.is_object()) return std::nullopt;
    auto it = doc.find("diff");
    if (it == doc.end() || !it->is_string()) return std::nullopt;
    return it->get<std::string>();
}

/// A path from a `---`/`+++` header: quotes and a tab-separated timestamp removed.
std::string headerPath(std::string_view rest)
{
    rest = rest.substr(0, rest.find('\t'));
    rest = trim(rest);
    if (rest.size() >= 2 && rest.front() == '"' && rest.back() == '"') {
        std::string out;
        for (size_t i = 1; i + 1 < rest.size(); ++i) {
            if (rest[i] == '\\' && i + 2 < rest.size()) {
                char c = rest[++i];
                out += c == 't' ? '\t' : c == 'n' ? '\n' : c;
            } else {
                out += rest[i];
            }
        }
        return out;
    }
    return std::string(rest);
}

/// "@@ -12,7 +12,8 @@": the old start and count; {0, -1} when the numbers are missing.
std::pair<int, int> hunkHeaderOld(std::string_view header)
{
    size_t minus = header.find('-');
    if (minus == std::string_view::npos) return {0, -1};
    const char* p = header.data() + minus + 1;
    const char* end = header.data() + header.size();
    int start = 0;
    auto [afterStart, ec] = std::from_chars(p, end, start);
    if (ec != std::errc()) return {0, -1};
    int count = 1;  // "-12" alone means one line
    if (afterStart < end && *afterStart == ',') {
        auto [afterCount, ec2] = std::from_chars(afterStart + 1, end, count);
        if (ec2 != std::errc()) count = -1;
    }
    return {std::max(start, 0), count};
}

bool isFileHeader(const std::vector<std::string_view>& lines, size_t i)
{
    return startsWith(lines[i], "--- ") && i + 1 < lines.size() &&
           startsWith(lines[i + 1], "+++ ");
}

/// Reads one hunk body starting at lines[i]; returns the index after it.
size_t readHunkBody(const std::vector<std::string_view>& lines, size_t i, Hunk& hunk)
{
    std::vector<bool> blank;  // which context lines were empty lines in the reply
    for (; i < lines.size(); ++i) {
        std::string_view line = lines[i];
        if (startsWith(line, "@@") || isFileHeader(lines, i) || startsWith(line, "diff --git "))
            break;
        if (line.empty()) {
            hunk.lines.push_back({' ', std::string()});
            blank.push_back(true);
            continue;
        }
        char kind = line[0];
        if (kind == '\\') {
            if (!hunk.lines.empty()) {
                char previous = hunk.lines.back().kind;
                hunk.oldNoNewlineAtEnd = hunk.oldNoNewlineAtEnd || previous != '+';
                hunk.newNoNewlineAtEnd = hunk.newNoNewlineAtEnd || previous != '-';
            }
            continue;
        }
        if (kind != ' ' && kind != '+' && kind != '-') break;  // prose after the hunk
        hunk.lines.push_back({kind, std::string(line.substr(1))});
        blank.push_back(false);
    }
    // Blank lines between the hunk and what follows are separators, not context.
    while (!blank.empty() && blank.back()) {
        blank.pop_back();
        hunk.lines.pop_back();
    }
    return i;
}

PatchError patchError(PatchErrorKind kind, std::string message, std::string file = {})
{
    return PatchError{kind, std::move(message), std::move(file), 0};
}

}  // namespace

std::string_view patchErrorKindName(PatchErrorKind kind)
{
    switch (kind) {
    case PatchErrorKind::NoDiff: return "no-diff";
    case PatchErrorKind::Malformed: return "malformed";
    case PatchErrorKind::PathRejected: return "path-rejected";
    case PatchErrorKind::HunkMismatch: return "hunk-mismatch";
    }
    return "unknown";
}

std::string PatchError::format() const
{
    return fmt::format("patch {}: {}", patchErrorKindName(kind), message);
}

tl::expected<std::string, PatchError> extractDiff(std::string_view reply)
{
    std::string_view body = trim(reply);
    if (startsWith(body, "{")) {
        if (auto diff = jsonDiffField(body)) {
            if (trim(*diff).empty())
                return tl::unexpected(
                    patchError(PatchErrorKind::NoDiff, "the reply's \"diff\" field is empty"));
            // Some models fence the diff even inside the JSON string; the field is shorter
            // than the reply, so this recursion ends.
            if (diff->find("```") != std::string::npos) return extractDiff(*diff);
            return *diff;
        }
    }
    auto fences = fencedBlocks(reply);
    std::string joined;
    for (const Fence& fence : fences)
        if (fence.lang == "diff" || fence.lang == "patch" || fence.lang == "udiff")
            joined += fence.body;
    if (joined.empty())
        for (const Fence& fence : fences)
            if (looksLikeDiff(fence.body)) joined += fence.body;
    if (joined.empty())
        for (const Fence& fence : fences)
            if (auto diff = jsonDiffField(fence.body)) joined += *diff;
    if (!joined.empty()) return joined;

    auto lines = lineViews(reply);
    for (size_t i = 0; i < lines.size(); ++i)
        if (isFileHeader(lines, i) || startsWith(lines[i], "diff --git "))
            return joinLines(lines, i, lines.size());
    return tl::unexpected(patchError(
        PatchErrorKind::NoDiff,
        "the reply contains no unified diff (expected a ```diff fenced block, a bare diff, or "
        "a JSON object with a \"diff\" field)"));
}

tl::expected<std::vector<FilePatch>, PatchError> parseUnifiedDiff(std::string_view diff)
{
    auto lines = lineViews(diff);
    std::vector<FilePatch> patches;
    for (size_t i = 0; i < lines.size();) {
        std::string_view line = lines[i];
        if (startsWith(line, "rename from ") || startsWith(line, "copy from "))
            return tl::unexpected(patchError(PatchErrorKind::PathRejected,
                                             fmt::format("renaming or copying files is not "
                                                         "allowed (`{}`)", line)));
        if (isFileHeader(lines, i)) {
            FilePatch patch;
            patch.oldPath = headerPath(line.substr(4));
            patch.newPath = headerPath(lines[i + 1].substr(4));
            patches.push_back(std::move(patch));
            i += 2;
            continue;
        }
        if (startsWith(line, "@@")) {
            if (patches.empty())
                return tl::unexpected(patchError(PatchErrorKind::Malformed,
                                                 "a hunk (@@) comes before any ---/+++ header"));
            Hunk hunk;
            std::tie(hunk.oldStart, hunk.oldCount) = hunkHeaderOld(line);
            i = readHunkBody(lines, i + 1, hunk);
            patches.back().hunks.push_back(std::move(hunk));
            continue;
        }
        ++i;  // git metadata (diff --git, index ...) or prose
    }
    if (patches.empty())
        return tl::unexpected(patchError(PatchErrorKind::NoDiff,
                                         "the diff has no `--- `/`+++ ` file headers"));
    for (const FilePatch& patch : patches) {
        if (patch.hunks.empty())
            return tl::unexpected(patchError(
                PatchErrorKind::Malformed,
                fmt::format("the diff names `{}` but has no hunks (@@) for it", patch.newPath),
                patch.newPath));
        for (const Hunk& hunk : patch.hunks)
            if (hunk.lines.empty())
                return tl::unexpected(patchError(
                    PatchErrorKind::Malformed,
                    fmt::format("a hunk for `{}` has no lines", patch.newPath), patch.newPath));
    }
    return patches;
}

}  // namespace veriloop::llm
