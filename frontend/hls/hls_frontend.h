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
#include "core/hls_model.h"
#include "core/site.h"

namespace veriloop::hls {

using veriloop::HlsAnalysis;
using veriloop::HlsPragma;

/// Parses the design's .cpp sources. `includeDir` is the HLS header folder (the project's own
/// by default, or a vendor's with --hls-include). A source that does not compile yields
/// FrontendRejected with the first error's file:line.
tl::expected<HlsAnalysis, Diagnostic> analyzeHlsDesign(const Design& design,
                                                       const std::filesystem::path& includeDir);

/// The project's own HLS headers.
std::filesystem::path defaultHlsIncludeDir();

using veriloop::scanHlsPragmas;

}  // namespace veriloop::hls
