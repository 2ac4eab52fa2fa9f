#pragma once

#include <string>
#include <vector>

namespace veriloop {

struct ToolStatus {
    std::string name;
    std::string version;  // empty: missing
    bool required = true;
    std::string purpose;
};

/// The external tools veriloop runs, with the version each reports and, in `purpose`, what it
/// is used for and where it came from.
std::vector<ToolStatus> probeTools();

/// Tool versions as a JSON object text, recorded with every run.
std::string toolVersionsJson();

}  // namespace veriloop
