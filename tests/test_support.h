#pragma once
// Shared helpers: inline sources in raw strings become a temporary design folder, so a test
// reads as "this design, this operator, these sites, this text after the edit".

#include <filesystem>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "core/design.h"
#include "core/process.h"
#include "core/text.h"
#include "equivalence/schema.h"
#include "frontend/hls/hls_frontend.h"
#include "frontend/rtl/rtl_frontend.h"
#include "mutators/generate.h"

namespace veriloop::test {

inline std::filesystem::path freshDir(const std::string& name)
{
    auto dir = std::filesystem::temp_directory_path() / fmt::format("veriloop-test-{}-{}", name, ::getpid());
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    return dir;
}

/// A design folder holding `rtl/<top>.sv` and a design.toml (testbench optional).
inline std::filesystem::path writeDesign(const std::string& top, const std::string& sv,
                                         const std::string& extraToml = "")
{
    auto dir = freshDir(top);
    writeFile(dir / "rtl" / (top + ".sv"), sv);
    writeFile(dir / "design.toml",
              fmt::format("[design]\nname = \"{0}\"\nlanguage = \"systemverilog\"\ntop = \"{0}\"\n"
                          "sources = [\"rtl/{0}.sv\"]\n{1}",
                          top, extraToml));
    return dir;
}

/// A design folder with a self-checking SV testbench `tb.sv` (top module `tb`).
inline std::filesystem::path writeDesignWithTestbench(const std::string& top, const std::string& sv,
                                                      const std::string& tb)
{
    auto dir = writeDesign(top, sv,
                           "[testbench]\nsources = [\"tb.sv\"]\ntop = \"tb\"\n"
                           "pass = { exit_code = 0, stdout = \"PASS\" }\n");
    writeFile(dir / "tb.sv", tb);
    return dir;
}

/// Sites of an inline module, as the full RTL frontend (parser + slang) finds them.
inline std::vector<Site> sitesOf(const std::string& top, const std::string& sv,
                                 const std::string& extraToml = "")
{
    auto dir = writeDesign(top, sv, extraToml);
    auto design = loadDesign(dir);
    if (!design) return {};
    auto result = rtl::analyzeRtlDesign(*design);
    return result ? result->sites : std::vector<Site>{};
}

/// Mutants of one operator on an inline module.
inline std::vector<Mutant> mutantsOf(const std::string& op, const std::string& top,
                                     const std::string& sv, const std::string& extraToml = "")
{
    auto dir = writeDesign(top, sv, extraToml);
    auto design = loadDesign(dir);
    if (!design) return {};
    auto result = rtl::analyzeRtlDesign(*design);
    if (!result) return {};
    auto ops = OperatorRegistry::instance().select(op);
    if (!ops) return {};
    return generateMutants(design->sources, result->sites, *ops, {}).mutants;
}

/// The mutated text of the file after applying the mutant's edits.
inline std::string mutatedSource(const std::string& original, const Mutant& m)
{
    auto out = applyEdits({{"x.sv", original}}, m.edits);
    return out ? out->front().text : std::string("<edit failed>");
}

/// The schema of `mutants` for an analyzed design.
inline SchemaResult schemaOf(const Design& design, const rtl::RtlFrontendResult& analyzed,
                             const std::vector<Mutant>& mutants)
{
    std::vector<const Mutant*> ptrs;
    for (const auto& m : mutants) ptrs.push_back(&m);
    std::vector<SelectorSite> sel;
    for (const auto& m : analyzed.modules) sel.push_back({m.file, m.headerEnd});
    return buildMutantSchema(design.sources, sel, ptrs);
}

/// An HLS C++ design folder: src/<top>.cpp and src/<top>.h, and tb/tb.cpp when `tb` is given.
inline std::filesystem::path writeHlsDesign(const std::string& top, const std::string& cpp,
                                            const std::string& header, const std::string& tb = "")
{
    auto dir = freshDir("hls-" + top);
    writeFile(dir / "src" / (top + ".cpp"), cpp);
    writeFile(dir / "src" / (top + ".h"), header);
    std::string toml = fmt::format("[design]\nname = \"{0}\"\nlanguage = \"hls-cpp\"\ntop = \"{0}\"\n"
                                   "sources = [\"src/{0}.cpp\", \"src/{0}.h\"]\n",
                                   top);
    if (!tb.empty()) {
        writeFile(dir / "tb" / "tb.cpp", tb);
        toml += "[testbench]\nsources = [\"tb/tb.cpp\"]\npass = { exit_code = 0, stdout = \"PASS\" }\n"
                "timeout_s = 10\n";
    }
    writeFile(dir / "design.toml", toml);
    return dir;
}

struct HlsKernel {
    Design design;
    HlsAnalysis analysis;
};

/// An inline kernel as the Clang frontend analyzes it.
inline HlsKernel analyzeHlsKernel(const std::string& top, const std::string& cpp,
                                  const std::string& header)
{
    auto design = loadDesign(writeHlsDesign(top, cpp, header));
    if (!design) return {};
    auto analysis = hls::analyzeHlsDesign(*design, hls::defaultHlsIncludeDir());
    return {*design, analysis ? *analysis : HlsAnalysis{}};
}

inline std::filesystem::path sourceDir()
{
    return VERILOOP_SOURCE_DIR;
}

#ifdef VERILOOP_BINARY
/// The built `veriloop` executable run with `args`.
inline ProcessResult runVeriloop(const std::vector<std::string>& args, double timeout = 600)
{
    ProcessSpec spec;
    spec.argv = {VERILOOP_BINARY};
    spec.argv.insert(spec.argv.end(), args.begin(), args.end());
    spec.timeoutSeconds = timeout;
    return runProcess(spec);
}
#endif

}  // namespace veriloop::test
