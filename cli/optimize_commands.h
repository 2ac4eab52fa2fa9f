#pragma once
// `veriloop optimize` and `veriloop eval optimize`: options, help text, output and exit codes.

#include <functional>
#include <string>

#include <CLI/CLI.hpp>

namespace veriloop::cli {

/// Adds `optimize` to `app` and `optimize` to `eval`. The returned function runs whichever of
/// them was parsed and returns its exit code, or -1 when neither was. `commandLine` is recorded
/// with a dataset run (--db).
std::function<int()> addOptimizeCommands(CLI::App& app, CLI::App& eval, const std::string& commandLine);

}  // namespace veriloop::cli
