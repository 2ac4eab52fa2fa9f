#pragma once
// The mutant schema: one copy of the design's sources that contains every mutant, each
// behind a runtime selector (the plusarg `+vl_mutant=K`; 0 runs the original). Labeling N
// mutants then costs one build and N short runs instead of N builds.

#include <string>
#include <vector>

#include "core/mutant.h"
#include "core/source.h"

namespace veriloop {

inline constexpr const char* kSelectorVar = "__vl_mut";
inline constexpr const char* kSelectorPlusarg = "vl_mutant";
inline constexpr const char* kSelectorEnv = "VL_MUTANT";  // C++ schemas read it at start-up

/// The language a schema is rendered in: Verilog `?:` and `begin ... end` with a plusarg
/// selector, or C++ `?:` and `{ ... }` with an environment-variable selector.
enum class SchemaDialect { Verilog, Cpp };

/// Where a module's body starts (just past its header's `;`): the selector is declared there.
struct SelectorSite {
    int file = 0;
    uint32_t offset = 0;
};

struct SchemaResult {
    std::vector<SourceFile> files;
    std::vector<int> selector;  // per input mutant: its selector value, or 0 when not placed
    size_t dropped = 0;         // mutants whose ranges cross another's (not placed)
};

/// A place a compiler error points at: the file relative to the design, 1-based line and column.
struct ErrorLocation {
    std::string file;
    int line = 0;
    int column = 0;
};

/// The mutants (indices into `mutants`) to leave out of a schema that failed to compile with
/// errors at `errors` (positions in the schema files, which keep the original's line
/// numbers): those whose alternative an error points into, and, for an error that points
/// at no alternative, every mutant with a choice on that line. Empty when the errors name
/// none of them (the original itself, or an error elsewhere).
std::vector<size_t> schemaCulprits(const SchemaResult& schema,
                                   const std::vector<const Mutant*>& mutants,
                                   const std::vector<SourceFile>& sources,
                                   const std::vector<ErrorLocation>& errors);

/// Mutant i (0-based) gets selector value i + 1 unless its choices cross another's.
/// C++: the selector is declared at each selector site, followed by `#line` so that compiler
/// and sanitizer messages keep the original line numbers.
SchemaResult buildMutantSchema(const std::vector<SourceFile>& files,
                               const std::vector<SelectorSite>& selectorSites,
                               const std::vector<const Mutant*>& mutants,
                               SchemaDialect dialect = SchemaDialect::Verilog);

}  // namespace veriloop
