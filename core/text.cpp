#include "core/text.h"

#include <algorithm>
#include <cstdint>
#include <fstream>
#include <sstream>

#include <fmt/format.h>

namespace veriloop {

std::optional<std::string> readFile(const std::filesystem::path& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::nullopt;
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

bool writeFile(const std::filesystem::path& path, const std::string& text)
{
    std::error_code ec;
    if (path.has_parent_path()) std::filesystem::create_directories(path.parent_path(), ec);
    std::filesystem::path tmp = path;
    tmp += ".tmp";
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        if (!out) return false;
        out << text;
        if (!out.flush()) return false;
    }
    std::filesystem::rename(tmp, path, ec);
    return !ec;
}

std::vector<std::string> splitLines(const std::string& text)
{
    std::vector<std::string> lines;
    size_t start = 0;
    while (start < text.size()) {
        size_t nl = text.find('\n', start);
        if (nl == std::string::npos) {
            lines.push_back(text.substr(start));
            break;
        }
        lines.push_back(text.substr(start, nl - start));
        start = nl + 1;
    }
    return lines;
}

// The two versions differ in one contiguous block of lines (a mutant edits one site or a few
// nearby ones), so the diff is: common prefix, the changed block, common suffix. That is a
// valid unified diff for any pair of texts, minimal when the change is one block.
std::string unifiedDiff(const std::string& path, const std::string& before,
                        const std::string& after)
{
    if (before == after) return {};
    const auto a = splitLines(before);
    const auto b = splitLines(after);
    size_t prefix = 0;
    while (prefix < a.size() && prefix < b.size() && a[prefix] == b[prefix]) ++prefix;
    size_t suffix = 0;
    while (suffix < a.size() - prefix && suffix < b.size() - prefix &&
           a[a.size() - 1 - suffix] == b[b.size() - 1 - suffix])
        ++suffix;
    const size_t ctx = 3;
    const size_t start = prefix > ctx ? prefix - ctx : 0;
    const size_t aEnd = std::min(a.size(), a.size() - suffix + ctx);
    const size_t bEnd = std::min(b.size(), b.size() - suffix + ctx);
    std::string out = fmt::format("--- a/{}\n+++ b/{}\n", path, path);
    out += fmt::format("@@ -{},{} +{},{} @@\n", aEnd > start ? start + 1 : start, aEnd - start,
                       bEnd > start ? start + 1 : start, bEnd - start);
    for (size_t i = start; i < prefix; ++i) out += " " + a[i] + "\n";
    for (size_t i = prefix; i < a.size() - suffix; ++i) out += "-" + a[i] + "\n";
    for (size_t i = prefix; i < b.size() - suffix; ++i) out += "+" + b[i] + "\n";
    for (size_t i = a.size() - suffix; i < aEnd; ++i) out += " " + a[i] + "\n";
    return out;
}

std::string oneLine(const std::string& text, size_t maxLen)
{
    std::string out;
    bool space = false;
    for (char c : text) {
        if (c == '\n' || c == '\t' || c == '\r' || c == ' ') {
            space = !out.empty();
            continue;
        }
        if (space) out += ' ';
        space = false;
        out += c;
    }
    if (out.size() > maxLen) out = out.substr(0, maxLen - 3) + "...";
    return out;
}

}  // namespace veriloop

namespace veriloop {

bool isWithin(const std::filesystem::path& path, const std::filesystem::path& root)
{
    if (root.empty()) return false;
    auto [r, p] = std::mismatch(root.begin(), root.end(), path.begin(), path.end());
    return r == root.end();
}

bool isUtf8(std::string_view bytes)
{
    static constexpr uint32_t kSmallest[] = {0, 0x80, 0x800, 0x10000};  // no overlong forms
    for (size_t i = 0; i < bytes.size();) {
        const auto lead = static_cast<unsigned char>(bytes[i]);
        const size_t extra = lead < 0x80 ? 0 : lead < 0xC2 ? 9 : lead < 0xE0 ? 1
                             : lead < 0xF0 ? 2 : lead < 0xF5 ? 3 : 9;
        if (extra == 9 || i + extra >= bytes.size()) return false;
        uint32_t cp = extra == 0 ? lead : lead & (0x3F >> extra);
        for (size_t k = 1; k <= extra; ++k) {
            const auto c = static_cast<unsigned char>(bytes[i + k]);
            if ((c & 0xC0) != 0x80) return false;
            cp = (cp << 6) | (c & 0x3F);
        }
        if (cp < kSmallest[extra] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
        i += extra + 1;
    }
    return true;
}

std::string latin1ToUtf8(std::string_view bytes)
{
    std::string out;
    out.reserve(bytes.size() + bytes.size() / 8);
    for (char ch : bytes) {
        const auto c = static_cast<unsigned char>(ch);
        if (c < 0x80) {
            out += ch;
        } else {
            out += static_cast<char>(0xC0 | (c >> 6));
            out += static_cast<char>(0x80 | (c & 0x3F));
        }
    }
    return out;
}

std::optional<std::string> utf8ToLatin1(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    for (size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c < 0x80) {
            out += static_cast<char>(c);
            continue;
        }
        if ((c != 0xC2 && c != 0xC3) || i + 1 >= text.size()) return std::nullopt;
        const auto next = static_cast<unsigned char>(text[++i]);
        if ((next & 0xC0) != 0x80) return std::nullopt;
        out += static_cast<char>(((c & 0x03) << 6) | (next & 0x3F));
    }
    return out;
}

}  // namespace veriloop
