#include "core/source.h"

#include <algorithm>
#include <cctype>

#include <fmt/format.h>

namespace veriloop {

LineCol lineColAt(const std::string& text, uint32_t offset)
{
    LineCol lc;
    for (uint32_t i = 0; i < offset && i < text.size(); ++i) {
        if (text[i] == '\n') {
            ++lc.line;
            lc.column = 1;
        } else {
            ++lc.column;
        }
    }
    return lc;
}

LineIndex::LineIndex(const std::string& text) : starts_{0}, size_(static_cast<uint32_t>(text.size()))
{
    for (uint32_t i = 0; i < size_; ++i)
        if (text[i] == '\n') starts_.push_back(i + 1);
}

LineCol LineIndex::at(uint32_t offset) const
{
    offset = std::min(offset, size_);
    const auto next = std::upper_bound(starts_.begin(), starts_.end(), offset);
    const auto line = static_cast<int>(next - starts_.begin());
    return {line, static_cast<int>(offset - starts_[line - 1]) + 1};
}

tl::expected<std::vector<SourceFile>, Diagnostic> applyEdits(const std::vector<SourceFile>& files,
                                                             const std::vector<Edit>& edits)
{
    std::vector<SourceFile> out = files;
    std::vector<const Edit*> ordered;
    for (const Edit& e : edits) ordered.push_back(&e);
    // Apply from the end of each file so earlier offsets stay valid.
    std::sort(ordered.begin(), ordered.end(), [](const Edit* a, const Edit* b) {
        return a->range.file != b->range.file ? a->range.file < b->range.file
                                              : a->range.begin > b->range.begin;
    });
    for (size_t i = 0; i < ordered.size(); ++i) {
        const Edit& e = *ordered[i];
        if (e.range.file < 0 || e.range.file >= static_cast<int>(out.size()))
            return tl::unexpected(makeDiag(DiagCode::EditMismatch, "edit names no such file"));
        if (i > 0 && ordered[i - 1]->range.overlaps(e.range))
            return tl::unexpected(makeDiag(DiagCode::EditMismatch, "edits overlap"));
        std::string& text = out[e.range.file].text;
        if (e.range.end > text.size() || e.range.begin > e.range.end ||
            text.compare(e.range.begin, e.range.end - e.range.begin, e.oldText) != 0) {
            LineCol lc = lineColAt(text, e.range.begin);
            return tl::unexpected(makeDiag(
                DiagCode::EditMismatch,
                fmt::format("expected `{}` at the edit range; the source differs", e.oldText),
                files[e.range.file].path, lc.line, lc.column));
        }
        text.replace(e.range.begin, e.range.end - e.range.begin, e.newText);
    }
    return out;
}

std::string contentHash(const std::string& data)
{
    uint64_t h = 1469598103934665603ULL;
    for (unsigned char c : data) {
        h ^= c;
        h *= 1099511628211ULL;
    }
    return fmt::format("{:016x}", h);
}

std::string fileStemFor(const std::string& id)
{
    std::string stem;
    for (char c : id) stem += std::isalnum(static_cast<unsigned char>(c)) || c == '-' ? c : '_';
    return stem.substr(0, 80) + "_" + contentHash(id).substr(0, 8);
}

}  // namespace veriloop
