#pragma once
// C simulation of HLS C++ kernels: the kernel sources (the original, a mutant, or the mutant
// schema) and the design's C++ testbench built with g++ and run in the sandbox. Three build
// flavors serve as checkers: auto-initialization to zero (the deterministic default), to a
// pattern (an uninitialized read then changes the outputs), and AddressSanitizer +
// UndefinedBehaviorSanitizer (out-of-bounds accesses, out-of-range shifts, overflow). A fourth,
// Coverage, serves fault localization: gcov line coverage of the kernel, pattern
// initialization and both sanitizers in recover mode, and a small runtime that writes the
// coverage data even when the run crashes or is stopped by its alarm (VL_COV_ALARM seconds).

#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>
#include <tl/expected.hpp>

#include "core/design.h"
#include "core/diagnostic.h"
#include "core/process.h"
#include "core/mutant.h"
#include "equivalence/sandbox.h"
#include "equivalence/schema.h"

namespace veriloop {

enum class CsimFlavor { Zero, Pattern, Sanitize, Coverage };

std::string_view csimFlavorName(CsimFlavor f);

struct CsimBuild {
    std::filesystem::path exe;
    CsimFlavor flavor = CsimFlavor::Zero;
    double seconds = 0;
};

struct CsimBuildFailure {
    std::string log;       // the compiler's messages
    std::vector<int> lines; // lines of the first design source file the errors point at
    std::vector<ErrorLocation> locations;  // where the errors point, relative to the design
};

/// Where a design's C simulations are built: one folder per design; the testbench objects
/// of each flavor are compiled once and shared by every build in it.
class CsimWorkspace {
public:
    CsimWorkspace(const Design& design, std::filesystem::path dir, std::filesystem::path hlsInclude);

    /// Builds `sources` (the design's sources, possibly edited) with the testbench into
    /// `<dir>/<name>`.
    tl::expected<CsimBuild, CsimBuildFailure> build(const std::vector<SourceFile>& sources,
                                                    CsimFlavor flavor, const std::string& name);

    const Sandbox& sandbox() const { return sandbox_; }
    const Design& design() const { return design_; }

private:
    tl::expected<std::filesystem::path, CsimBuildFailure> testbenchObject(CsimFlavor flavor);
    std::vector<std::string> compileFlags(CsimFlavor flavor, const std::filesystem::path& srcRoot) const;
    tl::expected<std::string, CsimBuildFailure> compileObject(CsimFlavor flavor,
                                                              const std::filesystem::path& source,
                                                              const std::filesystem::path& object);

    const Design& design_;
    std::filesystem::path dir_;
    std::filesystem::path hlsInclude_;
    Sandbox sandbox_;
};

/// A C-simulation build of the mutant schema (zero-init flavor).
struct CsimSchema {
    CsimBuild build;
    std::vector<SourceFile> files;               // the schema sources
    std::map<const Mutant*, int> selector;       // placed mutants and their selector values
    std::vector<const Mutant*> rejected;         // mutants the schema could not hold
};

/// Builds the schema of `mutants`. A mutant whose alternative does not compile inside the
/// schema (e.g. a `?:` joining two ap_int widths) is rejected and the schema is built again
/// without it; only when no failing mutant can be identified does the build fail.
/// The schema is built over the workspace design's sources, into `<workspace>/<name>`.
tl::expected<CsimSchema, CsimBuildFailure> buildCsimSchema(CsimWorkspace& ws,
                                                           const std::vector<const Mutant*>& mutants,
                                                           const std::string& name = "schema");

struct CsimRun {
    bool passed = false;
    bool timedOut = false;
    int exitCode = -1;
    int signal = 0;
    std::string out, err;
    std::string sanitizerReport;  // first lines of an ASan/UBSan report, empty when none
    double seconds = 0;
};

/// What a run may add: arguments, and (Coverage builds) the folder its coverage data goes to.
struct CsimRunExtras {
    std::vector<std::string> args;
    std::filesystem::path coverageDir;  ///< inside the workspace folder; created when missing
};

/// Runs a build for one selector value (0 = the original) under time and memory limits.
CsimRun runCsim(const CsimWorkspace& ws, const CsimBuild& build, int selector, double timeoutSeconds,
                long memoryMiB = 1024, const CsimRunExtras& extras = {});

/// The kernel lines a Coverage run executed, from the gcov data it left in `coverageDir`:
/// (index into `sources`, line). `known` receives every line gcov has a count for.
std::set<std::pair<int, int>> readCsimCoverage(const CsimWorkspace& ws, const CsimBuild& build,
                                               const std::filesystem::path& coverageDir,
                                               const std::vector<SourceFile>& sources,
                                               std::set<std::pair<int, int>>* known = nullptr);

/// The first line of `text` containing `what` (e.g. a testbench's "FAIL"), shortened; empty
/// when none.
std::string firstLineWith(const std::string& text, const std::string& what);

/// The first line where two outputs differ: {line, expected, actual}; null when equal.
nlohmann::json firstOutputDifference(const std::string& expected, const std::string& actual);

}  // namespace veriloop
