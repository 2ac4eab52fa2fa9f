#pragma once
// A mutation site: an exact source range plus the facts a mutation operator needs. Sites are
// produced by the frontends and consumed by the mutators; this header is all they share.

#include <string>
#include <vector>

#include "core/source.h"

namespace veriloop {

enum class SiteKind {
    BinaryOp,        // token: the operator
    UnaryOp,         // token: the operator
    Condition,       // token: the condition expression of an if / ?:; parts: the if's then
                     // (and else) statements
    Literal,         // token: a number
    Identifier,      // token: a variable read
    Select,          // token: base[...] (bit or part select)
    Concat,          // token: {a, b, ...}; parts: the elements
    Replication,     // token: {N{x[i]}} replicating one bit (a sign extension)
    ProcAssign,      // token: the = or <= of a procedural assignment; choice: the statement
    ContAssignRhs,   // token: the right-hand side of a continuous assignment
    CaseItem,        // token: the whole item (labels: statement); choice: its statement
    PortConnections, // parts: connection expressions of an instance; partNames: port names
    ArrayIndex,      // token: the index expression of a C++ array access (HLS)
    LoopStep,        // token: a for loop's increment expression (HLS); loop: that loop
    Declaration,     // token: a local variable's type (HLS); initRange: its initializer
    Pragma,          // token: a whole `#pragma HLS` line (HLS); pragma: its index
    LoopBody,        // token: empty, just past a loop body's `{` (HLS); loop: that loop
    FunctionBody,    // token: empty, just past a function body's `{` (HLS)
    // Repair-only kinds (never mutated: no operator proposes at them)
    EventControl,    // token: an always block's `@(...)` / `@*`; parts: its assignment operators
    IfElse,          // token: `if`; parts: the then and else statements; choice: the statement
    ParamValue,      // token: a number in a parameter / localparam value
};

struct Site {
    SiteKind kind = SiteKind::BinaryOp;
    std::string module;   // enclosing module
    ByteRange token;      // the text a mutator rewrites
    std::string text;     // exact text of `token`
    ByteRange choice;     // the range that becomes a runtime choice in the mutant schema
    bool choiceIsStatement = false;
    int line = 0;         // of `token`, 1-based
    int column = 0;

    // Facts for particular kinds; empty/zero when they do not apply.
    bool inResetBranch = false;        // Literal/ProcAssign: assigned while reset is active
    bool mentionsReset = false;        // Condition: reads the reset signal
    bool blocking = false;             // ProcAssign: `=` (true) or `<=` (false)
    bool isDefaultItem = false;        // CaseItem: the `default` item
    bool duplicateLabel = false;       // CaseItem: its label repeats an earlier item's label
    std::vector<std::string> unusedLabels;  // CaseItem: the module's localparams no item names
    std::string altText;               // CaseItem: the default item's statement ("" if none)
    bool caseHasDefault = false;       // CaseItem: its case statement has a default item
    ByteRange caseStatement;           // CaseItem: its whole case statement, to `endcase`
    std::string target;                // PortConnections: instantiated module; ParamValue: the name
    std::vector<ByteRange> parts;      // Concat elements / port connection expressions
    std::vector<std::string> partNames;  // PortConnections: port names
    std::vector<std::string> partTexts;  // text of each part
    bool indexIsNumber = false;        // Select: every index is a plain number
    long selMsb = -1, selLsb = -1;     // Select: numeric indices (lsb == msb for a bit)
    int width = 0;                     // Identifier: declared width (from elaboration)
    bool isSigned = false;
    std::vector<std::string> sameTypeVars;  // Identifier: readable variables of equal type
    std::vector<int> partWidths;            // PortConnections: width of each port
    std::vector<bool> partIsInput;          // PortConnections: port direction is input
    bool live = true;                  // seen in the elaborated design

    // HLS C++ facts (indices refer to the frontend's HlsAnalysis).
    int loop = -1;                     // innermost enclosing loop (LoopStep/LoopBody: the loop)
    int pragma = -1;                   // Pragma: index of the pragma
    std::string typeName;              // Identifier/Declaration: type as written
    bool classType = false;            // operands/variable of class type (ap_int, ap_fixed)
    bool isWriteTarget = false;        // Identifier: assigned, not read
    bool inLoopCondition = false;      // BinaryOp: the comparison of a loop condition
    bool isCopySource = false;         // ArrayIndex: the access is a whole copy's source
    std::string arrayName;             // ArrayIndex: the indexed array
    long arrayDim = 0;                 // ArrayIndex: size of the indexed dimension (0: unknown)
    ByteRange operand;                 // BinaryOp shift: the shift amount
    ByteRange initRange;               // Declaration: the initializer expression (empty: none)
    ByteRange initDelete;              // Declaration: ` = init` as written
    bool isArrayDecl = false;          // Declaration: of an array
};

}  // namespace veriloop
