#pragma once
// Source text and exact edits. Every edit names the text it expects to replace, so an edit
// computed against one version of a file can never silently land on another.

#include <cstdint>
#include <string>
#include <vector>

#include <tl/expected.hpp>

#include "core/diagnostic.h"

namespace veriloop {

/// A file of a design, its path relative to the design folder and its exact bytes.
struct SourceFile {
    std::string path;
    std::string text;
};

/// Half-open byte range [begin, end) in one file of a design.
struct ByteRange {
    int file = 0;
    uint32_t begin = 0;
    uint32_t end = 0;

    bool contains(const ByteRange& other) const
    {
        return file == other.file && begin <= other.begin && other.end <= end;
    }
    bool overlaps(const ByteRange& other) const
    {
        return file == other.file && begin < other.end && other.begin < end;
    }
    bool empty() const { return begin == end; }
    bool operator==(const ByteRange&) const = default;
};

/// Replace the bytes of `range` (which must currently read `oldText`) by `newText`.
struct Edit {
    ByteRange range;
    std::string oldText;
    std::string newText;
};

/// 1-based line and column of a byte offset.
struct LineCol {
    int line = 1;
    int column = 1;
};
LineCol lineColAt(const std::string& text, uint32_t offset);

/// The line starts of one text: lineColAt for many offsets in O(log lines) each.
class LineIndex {
public:
    explicit LineIndex(const std::string& text);
    LineCol at(uint32_t offset) const;

private:
    std::vector<uint32_t> starts_;
    uint32_t size_ = 0;
};

/// Apply non-overlapping edits to copies of the files; fails (VL009) when an edit's expected
/// text does not match the file.
tl::expected<std::vector<SourceFile>, Diagnostic> applyEdits(const std::vector<SourceFile>& files,
                                                             const std::vector<Edit>& edits);

/// Stable 64-bit FNV-1a content hash, as 16 hex digits.
std::string contentHash(const std::string& data);

/// A file name stem for an id that may hold any characters (a mutant id has ':' and '/'): the
/// id with other characters than letters, digits and '-' made '_', cut to 80, plus 8 hex digits
/// of its hash (so two ids never share a stem).
std::string fileStemFor(const std::string& id);

}  // namespace veriloop
