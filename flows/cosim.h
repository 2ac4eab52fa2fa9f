#pragma once
// C/RTL co-simulation of an RTL block and its HLS C++ twin. Both sides are driven by the same
// seeded vectors (each block's cosim/vectors.h) through two small drivers named in the
// block's design.toml [cosim] table; each driver prints one canonical line per vector
// ("vec <i>: ..."), and the two sides agree when every line is identical.

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <tl/expected.hpp>

#include "core/design.h"
#include "core/diagnostic.h"
#include "core/source.h"

namespace veriloop {

/// What a block's design.toml [cosim] table names, with both designs loaded.
struct CosimSpec {
    Design rtl;               // the block (design.toml holding [cosim])
    Design hls;               // the HLS twin named by `hls`
    std::string hlsDriver;    // relative to rtl.dir
    std::string rtlDriver;    // relative to rtl.dir
    int vectors = 200;        // default vector count
};

/// Reads `<blockDir>/design.toml`, its [cosim] table, and the twin's design.toml. A block
/// without [cosim], or one whose twin or drivers are missing, is the user's error.
tl::expected<CosimSpec, Diagnostic> loadCosimSpec(const std::filesystem::path& blockDir);

struct CosimOptions {
    int vectors = 0;                          // 0: the spec's count
    uint64_t seed = 1;
    std::filesystem::path workDir;            // builds and runs happen here (required)
    std::filesystem::path hlsIncludeDir;      // empty: veriloop's own frontend/hls/include
    std::filesystem::path runtimeCache;       // Verilator runtime objects; empty: <workDir>/vl-runtime
    std::optional<std::vector<SourceFile>> hlsSources;  // replaces the twin's sources (a mutant)
    std::optional<std::vector<SourceFile>> rtlSources;  // replaces the block's sources (a mutant)
    double runTimeoutSeconds = 60;            // per side
    int jobs = 2;                             // make -j for the Verilator build
};

/// The most vectors one run compares: each side's output is captured in memory (1 MiB).
inline constexpr int kMaxCosimVectors = 2000;

/// The first vector whose lines differ (or that one side did not print).
struct CosimMismatch {
    int vector = 0;
    std::string hlsLine;          // empty: the HLS side printed no line for it
    std::string rtlLine;          // empty: the RTL side printed no line for it
    std::vector<int> fields;      // 0-based positions of the values that differ
};

/// How one side went: its build and run times and, when the run did not end normally
/// (non-zero exit, signal, timeout), what happened.
struct CosimSide {
    double buildSeconds = 0;
    bool buildReused = false;     // an identical build in the work folder was used as it is
    double runSeconds = 0;
    int lines = 0;                // canonical lines printed
    std::string failure;          // empty: exited 0
};

struct CosimResult {
    bool agree = false;           // every vector's lines equal and both sides ended normally
    uint64_t seed = 1;
    int vectors = 0;              // asked for
    int compared = 0;             // vectors both sides printed
    int mismatches = 0;           // of those, how many differ
    std::optional<CosimMismatch> firstMismatch;
    CosimSide hls;
    CosimSide rtl;
};

/// Builds both drivers (HLS: g++ C simulation; RTL: Verilator), runs both in the sandbox and
/// compares their lines. Setup problems (a build that fails, a tool that is missing, an
/// invalid option) are returned as a Diagnostic; a side that crashes or hangs at run time is
/// a disagreement, reported in CosimResult.
tl::expected<CosimResult, Diagnostic> runCosim(const CosimSpec& spec, const CosimOptions& options);

/// The canonical lines ("vec <i>: ...") of a driver's output, in order.
std::vector<std::string> cosimLines(const std::string& output);

/// Human report: both sides' times, then PASS, or FAIL with the first differing vector, both
/// lines labeled `hls:` / `rtl:`, the files behind each side and a command that reproduces it.
/// `blockArg` is the block folder as the user named it.
std::string cosimReportText(const CosimSpec& spec, const CosimResult& result,
                            const std::string& blockArg);

/// One JSON object (documented in `veriloop cosim --help`).
std::string cosimReportJson(const CosimSpec& spec, const CosimResult& result);

}  // namespace veriloop
