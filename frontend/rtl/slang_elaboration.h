#pragma once
// The RTL frontend's elaboration facts, from slang: modules with their variables (width,
// signedness, direction), and which code the elaborated design contains. Sites whose token is
// not in it (an untaken generate branch, a module the top never instantiates) are dead and
// dropped.

#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include <tl/expected.hpp>

#include "core/design.h"
#include "core/diagnostic.h"

namespace veriloop::rtl {

struct VarInfo {
    std::string name;
    int width = 1;      // -1: not a plain vector or enum (an array, a struct)
    bool isSigned = false;
    std::string enumType;  // an enum variable's type; only variables of that type replace it
    std::string dir;    // input, output, inout, ref or empty for internal signals
    bool param = false;
};

struct ElaboratedModule {
    std::string name;  // the module's (unparameterized) name
    std::vector<VarInfo> vars;

    const VarInfo* var(const std::string& n) const;
};

struct ElaboratedDesign {
    std::map<std::string, ElaboratedModule> modules;  // by name; the first instance's facts
    // (source index, byte offset) of every token of the elaborated design's code.
    std::set<std::pair<int, uint32_t>> liveOffsets;

    bool isLive(int file, uint32_t offset) const { return liveOffsets.count({file, offset}) != 0; }
};

/// Parses and elaborates `design` with slang (its sources as loaded, `include` resolved from
/// the design folder). A design slang rejects yields a FrontendRejected diagnostic naming the
/// first error at file:line:col.
tl::expected<ElaboratedDesign, Diagnostic> elaborateWithSlang(const Design& design);

/// Parses `files` (the design's sources in order, one compilation unit as elaborateWithSlang
/// reads them) without elaborating: every syntax error, as "file:line:col: message".
std::vector<std::string> syntaxErrors(const Design& design, const std::vector<SourceFile>& files);

/// How many `assert` statements (immediate or `assert property`) a SystemVerilog text holds,
/// counted on slang's syntax tree, so comments and strings never count.
int countAssertStatements(const std::string& text);

/// "slang 1.0.191": the version of the linked library, for `doctor` and run records.
std::string slangVersion();

}  // namespace veriloop::rtl
