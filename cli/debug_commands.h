#pragma once
// `veriloop debug` and `veriloop eval repair`: options, help text, output and exit codes.

#include <functional>

#include <CLI/CLI.hpp>

namespace veriloop::cli {

/// Adds `debug` to `app` and `repair` to `eval` (created when null). The returned function
/// runs whichever of them was parsed and returns its exit code, or -1 when neither was.
std::function<int()> addDebugCommands(CLI::App& app, CLI::App* eval = nullptr);

}  // namespace veriloop::cli
