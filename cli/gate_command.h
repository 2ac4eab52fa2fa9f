#pragma once
// `veriloop gate`: options, help text, reports and exit codes.

#include <functional>

#include <CLI/CLI.hpp>

namespace veriloop::cli {

/// Adds `gate` to `app`. The returned function runs it when it was parsed and returns its exit
/// code, or -1 when it was not.
std::function<int()> addGateCommand(CLI::App& app);

}  // namespace veriloop::cli
