#pragma once
// Reads Verilator's `--xml-only` netlist: modules, variables with widths and directions, and
// the set of source positions where the elaborated design has a node. Sites whose token has no
// node there are dead (an unelaborated generate branch, an unused module) and are dropped.

#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include <tl/expected.hpp>

#include "core/diagnostic.h"

namespace veriloop::rtl {

struct VarInfo {
    std::string name;
    int width = 1;
    bool isSigned = false;
    std::string dir;   // input, output, inout or empty for internal signals
    bool param = false;
};

struct XmlModule {
    std::string name;  // original (unparameterized) name
    std::vector<VarInfo> vars;

    const VarInfo* var(const std::string& n) const;
};

struct ElaboratedDesign {
    std::map<std::string, XmlModule> modules;  // by original name
    // (file path as given to Verilator, line, column) of every node.
    std::set<std::tuple<std::string, int, int>> nodeStarts;

    bool hasNodeAt(const std::string& file, int line, int column) const
    {
        return nodeStarts.count({file, line, column}) != 0;
    }
};

/// Parses the XML text Verilator wrote.
tl::expected<ElaboratedDesign, std::string> parseVerilatorXml(const std::string& xml);

/// Runs `verilator --xml-only` on the sources (paths relative to `dir`) and parses the result.
/// A rejected design yields a FrontendRejected diagnostic with Verilator's first error.
tl::expected<ElaboratedDesign, Diagnostic> elaborateWithVerilator(
    const std::filesystem::path& dir, const std::vector<std::string>& sources,
    const std::string& top, const std::filesystem::path& workDir);

}  // namespace veriloop::rtl
