#pragma once
// Screening of a proposed fix before anything is built (DESIGN.md "LLM client and
// proposers": replies are untrusted text). A fix may change only the design's own source
// files, may not touch the testbench, may not introduce system tasks that reach outside the
// simulation ($system, DPI imports, file I/O, Verilator's $c and `systemc_ code blocks) or
// that print or end the run ($display, $finish, printf, exit: the checker reads those), may
// not `include files outside the design folder, and may not change any module's ports.

#include <string>
#include <vector>

#include "core/design.h"
#include "core/source.h"

namespace veriloop {

struct SafetyVerdict {
    bool ok = true;
    std::string reason;  ///< why it was rejected; one line
};

/// Compares the fixed sources `after` with `before` (both: the design's sources, same order).
SafetyVerdict checkPatchSafety(const Design& design, const std::vector<SourceFile>& before,
                               const std::vector<SourceFile>& after);

}  // namespace veriloop
