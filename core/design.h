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
    /// The folders a build of this design reads: its own (its project root when it has one:
    /// headers may include anything below it), its include dirs and the folders of its
    /// testbench files. A sandbox shows exactly these.
    std::vector<std::filesystem::path> inputFolders() const;
    /// Hash of design.toml and every source and testbench byte.
    std::string inputHash() const;
};

/// A C++ translation unit (.cpp, .cc, .cxx), as opposed to a header.
bool isCppSource(const std::filesystem::path& path);

/// A project root is a folder holding this file: designs below it may name files anywhere
/// below it (shared headers, a golden model), not only inside their own folder.
inline constexpr const char* kProjectFile = "veriloop.toml";

/// Reads `<dir>/design.toml` and the design sources. Errors carry the file and line. Every
/// path it names must resolve, after symlinks, inside the design folder or its project root.
tl::expected<Design, Diagnostic> loadDesign(const std::filesystem::path& dir);

/// Marks a folder as a repair suite (corpora/bugs/README.md): its golden designs are run by
/// `eval repair --suite`, not collected as corpus designs.
inline constexpr const char* kRepairSuiteFile = "suite.toml";

/// Design folders under `root` (the folder itself when it holds design.toml), sorted by path;
/// folders below `root` that hold a repair suite are left out.
std::vector<std::filesystem::path> findDesignDirs(const std::filesystem::path& root);

}  // namespace veriloop
