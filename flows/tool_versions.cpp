#include "flows/tool_versions.h"

#include <sqlite3.h>

#include <nlohmann/json.hpp>

#include "core/process.h"
#include "equivalence/sandbox.h"

namespace veriloop {

std::vector<ToolStatus> probeTools()
{
    std::vector<ToolStatus> tools = {
        {"verilator", toolVersion({"verilator", "--version"}), true, "RTL elaboration and simulation"},
        {"yosys", toolVersion({"yosys", "-V"}), true, "formal equivalence (miter, sat, equiv_induct)"},
        {"iverilog", toolVersion({"iverilog", "-V"}), false,
         "event-driven second opinion; without it blocking/non-blocking mutants stay `survived`"},
        {"g++", toolVersion({"g++", "--version"}), true, "compiles Verilator models"},
        {"make", toolVersion({"make", "--version"}), true, "drives Verilator builds"},
        {"clang", toolVersion({"clang", "--version"}), false, "HLS C++ frontend (later)"},
        {"sqlite", sqlite3_libversion(), true, "dataset storage (linked)"},
        {"bwrap", toolVersion({"bwrap", "--version"}), false,
         "sandbox isolation (no network, private writes); rlimits only without it"},
    };
    if (!tools.back().version.empty() && !Sandbox::bubblewrapUsable())
        tools.back().version += " (installed but not usable here)";
    return tools;
}

std::string toolVersionsJson()
{
    nlohmann::json j = nlohmann::json::object();
    for (const auto& t : probeTools()) j[t.name] = t.version;
    j["veriloop"] = VERILOOP_VERSION;
    return j.dump();
}

}  // namespace veriloop
