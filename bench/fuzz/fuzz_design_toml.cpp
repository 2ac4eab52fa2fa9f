// Fuzzes loadDesign: the input bytes become design.toml in a folder of this process that also
// holds a small fixed design (rtl/top.sv, tb/tb_top.sv) for the TOML to name. A loaded design
// must hold exactly the bytes of the sources it names.

#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "core/design.h"
#include "core/text.h"

namespace {

namespace fs = std::filesystem;

void require(bool ok, const char* what)
{
    if (ok) return;
    std::fprintf(stderr, "fuzz_design_toml: invariant violated: %s\n", what);
    std::abort();
}

void writeBytes(const fs::path& path, const char* data, size_t size)
{
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(data, static_cast<std::streamsize>(size));
    require(static_cast<bool>(out.flush()), "the temp folder is writable");
}

/// The design folder of this process, created once under $TMPDIR and removed at exit.
const fs::path& designDir()
{
    static const fs::path dir = [] {
        std::string pattern = (fs::temp_directory_path() / "veriloop-fuzz-design-XXXXXX").string();
        require(mkdtemp(pattern.data()) != nullptr, "mkdtemp");
        const fs::path d = pattern;
        fs::create_directories(d / "rtl");
        fs::create_directories(d / "tb");
        const std::string top = "module top(input logic clk, input logic rst_n, output logic q);\n"
                                "    always_ff @(posedge clk) q <= rst_n;\nendmodule\n";
        const std::string tb = "module tb_top; initial $display(\"PASS\"); endmodule\n";
        writeBytes(d / "rtl" / "top.sv", top.data(), top.size());
        writeBytes(d / "tb" / "tb_top.sv", tb.data(), tb.size());
        std::atexit([] {
            std::error_code ec;
            fs::remove_all(designDir(), ec);
        });
        return d;
    }();
    return dir;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const fs::path& dir = designDir();
    writeBytes(dir / "design.toml", reinterpret_cast<const char*>(data), size);
    auto design = veriloop::loadDesign(dir);
    if (!design) {
        require(!design.error().message.empty(), "an error says what is wrong");
        (void)design.error().format();
        return 0;
    }
    require(!design->top.empty() && !design->sources.empty(), "a loaded design has top/sources");
    for (const auto& src : design->sources)
        require(veriloop::readFile(design->dir / src.path) == src.text, "source bytes kept");
    (void)veriloop::languageName(design->language);
    (void)design->testbench.isCppHarness();
    (void)design->testbench.passes(0, 0, "PASS");
    (void)design->inputHash();
    return 0;
}
