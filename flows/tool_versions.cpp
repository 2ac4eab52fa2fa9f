#include "flows/tool_versions.h"

#include <regex>

#include <sqlite3.h>

#include <nlohmann/json.hpp>

#include "core/json_text.h"
#include "core/process.h"
#include "core/text.h"
#include "core/toolchain.h"
#include "equivalence/sandbox.h"
#include "equivalence/yosys_worker.h"
#include "frontend/rtl/slang_elaboration.h"

namespace veriloop {

namespace {

// The wheel's driver prints only "rev <git describe>"; its runtime header has the release.
std::string verilatorVersion()
{
    const std::string rev = toolVersion({verilatorCommand(), "--version"});
    if (rev.empty()) return {};
    const auto config = readFile(verilatorRoot() / "include" / "verilated_config.h").value_or("");
    std::smatch m;
    const std::regex release(R"re(#define VERILATOR_VERSION "([^"]+)")re");
    std::string version = std::regex_search(config, m, release) ? "Verilator " + m[1].str() : "Verilator";
    return version + " (" + oneLine(rev, 120) + ")";
}

}  // namespace

std::vector<ToolStatus> probeTools()
{
    std::vector<ToolStatus> tools = {
        {"verilator", verilatorVersion(), true,
         verilatorOrigin() + ": simulation (testbenches, differential checks, schema builds)"},
        {"yosys", yosysVersion(), true,
         "libyosys in-process (" + yosysWorkerPath().filename().string() + ", pyosys wheel in " +
             std::string(VERILOOP_PYOSYS_DIR) + "): formal equivalence, synthesis reports"},
        {"slang", rtl::slangVersion(), true,
         "linked, built from the pyslang " VERILOOP_SLANG_VERSION " sources: RTL elaboration "
         "(widths, directions, live code)"},
        {"iverilog", toolVersion({"iverilog", "-V"}), false,
         "event-driven second opinion; without it blocking/non-blocking mutants stay `survived`"},
        {"g++", toolVersion({"g++", "--version"}), true, "compiles Verilator models"},
        {"make", toolVersion({"make", "--version"}), true, "drives Verilator builds"},
        {"clang", toolVersion({"clang", "--version"}), false, "HLS C++ frontend (Clang LibTooling 14, linked)"},
        {"sqlite", sqlite3_libversion(), true, "dataset storage (linked)"},
        {"bwrap", toolVersion({"bwrap", "--version"}), false,
         "sandbox isolation: untrusted runs as uid 65534 with no network, no secrets, no "
         "files beyond their inputs"},
    };
    if (!Sandbox::bubblewrapUsable()) {
        if (!tools.back().version.empty()) tools.back().version += " (installed but not usable here)";
        tools.back().purpose = "NOT ISOLATING: mutants, testbenches and fixes run as you, can read "
                               "your files, reach the network and leave processes behind; only "
                               "time, memory, process-count limits and a clean environment apply. "
                               "LLM fixes are refused unless --unsafe-no-sandbox";
    }
    return tools;
}

std::string toolVersionsJson()
{
    nlohmann::json j = nlohmann::json::object();
    for (const auto& t : probeTools()) j[t.name] = t.version;
    j["veriloop"] = VERILOOP_VERSION;
    return jsonText(j);
}

}  // namespace veriloop
