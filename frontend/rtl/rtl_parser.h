#pragma once
// Structural parser over the lexer's tokens: finds modules, statements and expressions with
// their exact extents and emits mutation sites. It does not elaborate; the Verilator XML
// elaboration (slang_elaboration.h) supplies widths and confirms which sites are live.

#include <string>
#include <vector>

#include "core/site.h"
#include "core/source.h"

namespace veriloop::rtl {

struct ModuleInfo {
    std::string name;
    int file = 0;
    uint32_t headerEnd = 0;  // byte offset just past the `;` that ends the module header
    int line = 0;
};

struct ResetFacts {
    std::string name;       // empty: no reset
    bool activeLow = true;
};

struct ParseResult {
    std::vector<ModuleInfo> modules;
    std::vector<Site> sites;
    std::string error;  // lexer error or nesting too deep, "file:line:col: message"
};

/// Parses one source file (index `file` within its design) and returns its modules and sites.
ParseResult parseRtlFile(const SourceFile& source, int file, const ResetFacts& reset);

}  // namespace veriloop::rtl
