#pragma once
// The HLS C++ frontend: Clang LibTooling parses each kernel source with the HLS include path
// and reports the top function's interface, loops, arrays, `#pragma HLS` directives and the
// mutation sites of the kernel, each with an exact source range outside any macro expansion.

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include <tl/expected.hpp>

#include "core/design.h"
#include "core/diagnostic.h"
#include "core/site.h"

namespace veriloop::hls {

struct HlsParam {
    std::string name;
    std::string type;               // as written, e.g. "ap_uint<8>", "hls::stream<int> &"
    std::vector<long> arrayDims;    // int a[8][4] -> {8, 4}; empty for scalars
    bool isPointer = false;
    bool isStream = false;
};

struct HlsFunction {
    std::string name;
    ByteRange range;
    int line = 0;
    bool isTop = false;
    std::vector<HlsParam> params;
};

struct HlsLoop {
    std::string label;       // `row_loop:` or empty
    std::string function;    // enclosing function
    ByteRange range;         // the whole loop statement
    ByteRange body;          // its body
    int line = 0;
    int depth = 0;           // 0 for an outermost loop
    std::string inductionVar;
    long tripCount = -1;     // constant trip count when the bounds are literals, else -1
};

struct HlsArray {
    std::string name;
    std::string function;
    std::vector<long> dims;
    bool isParam = false;
    int line = 0;
};

struct HlsPragma {
    std::string directive;                    // PIPELINE, UNROLL, ARRAY_PARTITION, ...
    std::map<std::string, std::string> args;  // variable=buf type=cyclic factor=4 ...
    ByteRange range;                          // the whole `#pragma HLS ...` line
    int line = 0;
    std::string function;                     // enclosing function
    int loop = -1;                            // index into loops of the innermost enclosing loop
};

struct HlsAnalysis {
    std::vector<HlsFunction> functions;
    std::vector<HlsLoop> loops;
    std::vector<HlsArray> arrays;
    std::vector<HlsPragma> pragmas;
    std::vector<Site> sites;
};

/// Parses the design's .cpp sources. `includeDir` is the HLS header folder (the project's own
/// by default, or a vendor's with --hls-include). A source that does not compile yields
/// FrontendRejected with the first error's file:line.
tl::expected<HlsAnalysis, Diagnostic> analyzeHlsDesign(const Design& design,
                                                       const std::filesystem::path& includeDir);

/// The project's own HLS headers.
std::filesystem::path defaultHlsIncludeDir();

/// `#pragma HLS ...` lines of a source text, with their directives and arguments.
std::vector<HlsPragma> scanHlsPragmas(const std::string& text, int file);

}  // namespace veriloop::hls
