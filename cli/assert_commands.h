#pragma once
// `veriloop assert` and `veriloop eval assert`: options, help text, output and exit codes.

#include <functional>
#include <string>

#include <CLI/CLI.hpp>

namespace veriloop::cli {

/// Adds `assert` to `app` and `assert` to `eval`. The returned function runs whichever of them
/// was parsed and returns its exit code, or -1 when neither was. `commandLine` is recorded
/// with a dataset run.
std::function<int()> addAssertCommands(CLI::App& app, CLI::App& eval, const std::string& commandLine);

}  // namespace veriloop::cli
