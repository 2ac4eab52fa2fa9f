#pragma once
// Diagnostics are data: every user-visible problem has a code from one table, a location when
// one is known, and a kind that says whose fault it is (STYLE.md "Errors are data").

#include <string>
#include <string_view>
#include <vector>

namespace veriloop {

enum class DiagKind { UserError, Unsupported, Warning, Note };

/// One row per diagnostic code; tests and waivers name the code.
enum class DiagCode {
    DesignTomlMissing,    // VL001
    DesignTomlInvalid,    // VL002
    SourceMissing,        // VL003
    FrontendRejected,     // VL004
    TestbenchFailsOriginal, // VL005
    TestbenchTimeout,     // VL006
    BuildFailed,          // VL007
    NoDesigns,            // VL008
    EditMismatch,         // VL009
    FormalSetupError,     // VL010
    UnsupportedConstruct, // VL011
    ToolMissing,          // VL012
    DatabaseError,        // VL013
    InvalidOption,        // VL014
    NothingToDebug,       // VL015
    PathOutsideDesign,    // VL016
    Interrupted,          // VL017
    InternalError,        // VL018
    GitError,             // VL019
};

/// The last row of DiagCode (a new code goes after it and becomes the last).
inline constexpr DiagCode kLastDiagCode = DiagCode::GitError;

std::string_view diagCodeName(DiagCode code);

/// What `veriloop help VLnnn` prints: a title, what happened, and what to do about it.
struct DiagHelp {
    DiagCode code;
    std::string_view title;
    std::string_view meaning;
    std::string_view action;
};

/// Every code, VL001 first.
const std::vector<DiagHelp>& diagCodeHelp();

/// The help row of "VL005" (or "vl5", "5"); nullptr when there is no such code.
const DiagHelp* findDiagHelp(std::string_view name);

struct Diagnostic {
    DiagCode code;
    DiagKind kind = DiagKind::UserError;
    std::string message;
    std::string file;  // empty when the problem has no file
    int line = 0;      // 1-based; 0 when unknown
    int column = 0;    // 1-based; 0 when unknown

    /// "file:line:col: error VL004: message" in the style compilers use.
    std::string format() const;
    /// What a person reads on a terminal: format(), then the source line with a caret under
    /// the column when the file can be read, then a one-line hint naming `veriloop help VLnnn`.
    std::string render() const;
};

Diagnostic makeDiag(DiagCode code, std::string message, std::string file = {}, int line = 0,
                    int column = 0);

}  // namespace veriloop
