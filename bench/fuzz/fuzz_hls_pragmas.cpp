// Fuzzes scanHlsPragmas (core/hls_model.cpp), the `#pragma HLS` reader the HLS frontend runs on
// every kernel source before Clang sees it. Each pragma's range must be the bytes of one line
// of the input, since the pragma mutators rewrite exactly that range.

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "core/hls_model.h"

namespace {

void require(bool ok, const char* what)
{
    if (ok) return;
    std::fprintf(stderr, "fuzz_hls_pragmas: invariant violated: %s\n", what);
    std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const std::string text(reinterpret_cast<const char*>(data), size);
    const auto pragmas = veriloop::scanHlsPragmas(text, 0);
    int previousLine = 0;
    for (const auto& p : pragmas) {
        require(p.range.file == 0 && p.range.begin <= p.range.end && p.range.end <= text.size(),
                "pragma range in bounds");
        require(p.range.begin == 0 || text[p.range.begin - 1] == '\n', "range starts a line");
        require(p.range.end == text.size() || text[p.range.end] == '\n', "range ends a line");
        require(text.find('\n', p.range.begin) >= p.range.end, "range is one line");
        require(p.line > previousLine, "pragmas in line order");
        require(!p.directive.empty(), "a pragma has a directive");
        previousLine = p.line;
        (void)p.interfaceMode();
        (void)p.partitionType();
        (void)p.hasFlag("off");
    }
    return 0;
}
