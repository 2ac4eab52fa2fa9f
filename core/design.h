#pragma once
// A design folder: design.toml plus the sources it names (docs/design-toml.md).

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <tl/expected.hpp>

#include "core/diagnostic.h"
#include "core/source.h"

namespace veriloop {

enum class Language { Verilog, SystemVerilog, HlsCpp };

std::string_view languageName(Language lang);

struct TestbenchSpec {
    std::vector<std::string> sources;      // relative to the design folder
    std::string top;                        // SV testbench top module
    std::vector<std::string> includeDirs;  // C++ harness include dirs
    std::optional<int> passExitCode = 0;
    std::string passStdout;  // empty: not checked
    double timeoutSeconds = 10;

    bool isCppHarness() const;
    /// Whether a finished run (exit code, terminating signal, stdout) meets the pass criteria.
    bool passes(int exitCode, int signal, const std::string& out) const;
};

struct ResetSpec {
    std::string name;
    bool activeLow = true;
    int cycles = 2;
};

struct StimulusSpec {
    bool random = false;
    int cycles = 1000;
    uint64_t seed = 1;
};

struct Design {
    std::filesystem::path dir;  // absolute folder holding design.toml
    std::string name;
    Language language = Language::SystemVerilog;
    std::string top;
    std::string description;
    std::vector<SourceFile> sources;  // the mutable design sources, exact bytes
    TestbenchSpec testbench;
    std::string clock;                // empty: combinational
    std::optional<ResetSpec> reset;
    StimulusSpec stimulus;

    bool isRtl() const { return language != Language::HlsCpp; }
    /// Hash of design.toml and every source and testbench byte.
    std::string inputHash() const;
};

/// A C++ translation unit (.cpp, .cc, .cxx), as opposed to a header.
bool isCppSource(const std::filesystem::path& path);

/// Reads `<dir>/design.toml` and the design sources. Errors carry the file and line.
tl::expected<Design, Diagnostic> loadDesign(const std::filesystem::path& dir);

/// Design folders under `root` (the folder itself when it holds design.toml), sorted by path.
std::vector<std::filesystem::path> findDesignDirs(const std::filesystem::path& root);

}  // namespace veriloop
