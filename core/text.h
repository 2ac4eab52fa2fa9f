#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace veriloop {

std::optional<std::string> readFile(const std::filesystem::path& path);
/// Writes via a temporary file and rename, so a reader never sees half a file.
bool writeFile(const std::filesystem::path& path, const std::string& text);

std::vector<std::string> splitLines(const std::string& text);

/// Unified diff (3 lines of context) of two versions of one file, `a/`/`b/` prefixed.
std::string unifiedDiff(const std::string& path, const std::string& before,
                        const std::string& after);

/// Text that fits on one line of a report: whitespace runs collapsed, cut at `maxLen`.
std::string oneLine(const std::string& text, size_t maxLen = 80);

/// Whether `path` is `root` or below it, component by component (both already canonical).
bool isWithin(const std::filesystem::path& path, const std::filesystem::path& root);

/// Whether `bytes` is well-formed UTF-8 (old RTL often carries Latin-1 comments, which is not).
bool isUtf8(std::string_view bytes);

/// Every byte as the code point of the same value (ISO-8859-1), encoded as UTF-8: a reversible
/// text view of bytes that are not UTF-8.
std::string latin1ToUtf8(std::string_view bytes);

/// The inverse of latin1ToUtf8; nullopt when `text` is not UTF-8 or holds a code point above
/// U+00FF.
std::optional<std::string> utf8ToLatin1(std::string_view text);

}  // namespace veriloop
