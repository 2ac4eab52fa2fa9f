#pragma once
// Views of a GateReport for CI: JUnit XML (one testcase per design x check), SARIF 2.1.0
// (findings inline in code-scanning views), a markdown job summary, and JSON. None of them
// decides the exit status.

#include <string>

#include <nlohmann/json.hpp>

#include "flows/gate/gate.h"

namespace veriloop {

std::string gateJunitXml(const GateReport& report);
nlohmann::json gateSarif(const GateReport& report);
std::string gateMarkdown(const GateReport& report, size_t maxFindings = 20);
nlohmann::json gateJson(const GateReport& report);
/// The human summary printed on stdout: one line per design x check, then the verdict.
std::string gateText(const GateReport& report);

}  // namespace veriloop
