#pragma once

#include <filesystem>
#include <optional>
#include <string>
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

}  // namespace veriloop
