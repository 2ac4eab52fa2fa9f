#include "core/diagnostic.h"

#include <fstream>

#include <fmt/format.h>

namespace veriloop {

// Codes are numbered by their place in DiagCode (VL001 first), so the enum is the one list.
std::string_view diagCodeName(DiagCode code)
{
    static const std::vector<std::string> names = [] {
        std::vector<std::string> out;
        for (int i = 0; i <= static_cast<int>(kLastDiagCode); ++i)
            out.push_back(fmt::format("VL{:03}", i + 1));
        return out;
    }();
    const auto i = static_cast<size_t>(code);
    return i < names.size() ? std::string_view(names[i]) : std::string_view("VL000");
}

const std::vector<DiagHelp>& diagCodeHelp()
{
    static const std::vector<DiagHelp> rows = {
        {DiagCode::DesignTomlMissing, "no design.toml",
         "The folder given as a design holds no design.toml, so veriloop does not know its sources, "
         "top module or testbench.",
         "Point at the design folder (the one holding design.toml) or at a corpus folder above "
         "several of them; docs/design-toml.md shows the format."},
        {DiagCode::DesignTomlInvalid, "design.toml is not valid",
         "design.toml did not parse as TOML or misses a required key (name, language, top, "
         "sources, [testbench]); the message names the line and column.",
         "Fix the line named; docs/design-toml.md lists every key and its type."},
        {DiagCode::SourceMissing, "a listed source file does not exist",
         "A file named in design.toml (sources, testbench sources, include_dirs) is not there.",
         "Paths are relative to the design folder; check the spelling and that the file is "
         "committed."},
        {DiagCode::FrontendRejected, "the design does not elaborate",
         "The frontend (Verilator for RTL, Clang for HLS C++) rejected the original design, so no "
         "mutation site can be found in it.",
         "Build the design on its own (the message quotes the first compiler error) and fix that "
         "error first."},
        {DiagCode::TestbenchFailsOriginal, "the testbench fails on the original design",
         "Labels are only meaningful when the unmodified design passes its own testbench; this "
         "one did not (the message gives the exit code and the end of its output).",
         "Run the testbench by hand on the original; check the pass criteria in [testbench] "
         "(exit_code, stdout) and timeout_s."},
        {DiagCode::TestbenchTimeout, "the testbench ran past its time limit",
         "The testbench did not finish within [testbench] timeout_s on the original design.",
         "Raise timeout_s, or make sure the testbench ends ($finish, return from main) on every "
         "path."},
        {DiagCode::BuildFailed, "a build failed",
         "Verilator, g++ or Yosys could not build something veriloop needs (the simulation of "
         "the original, a harness, a synthesis run).",
         "The message quotes the first error and names the log with the whole output."},
        {DiagCode::NoDesigns, "no designs found",
         "None of the paths given holds a design.toml, directly or in a subfolder.",
         "Give design folders or the corpus folder above them (e.g. corpora)."},
        {DiagCode::EditMismatch, "an edit does not match the source",
         "A mutant's or patch's edit expected text that is not at its range in the file: the "
         "file changed since the mutant was generated, or the patch was written for another "
         "version.",
         "Re-run the command that generated it; for a dataset, `dataset build` regenerates the "
         "mutants of a design whose sources changed."},
        {DiagCode::FormalSetupError, "formal checks cannot be trusted for this design",
         "A self-check failed: a mutant that simulation killed was proved equivalent (the canary), "
         "or a harness could not read its reference. veriloop then gives no `equivalent` labels "
         "for the design rather than wrong ones.",
         "Read the warning's mutant id and evidence; often the reset or clock in design.toml does "
         "not match the design."},
        {DiagCode::UnsupportedConstruct, "a construct veriloop does not handle",
         "The design uses something outside what the frontend or a checker supports; the message "
         "names it and its location.",
         "See docs/design-toml.md for the supported subset; rewrite the construct or leave the "
         "design out."},
        {DiagCode::ToolMissing, "a required tool is missing",
         "A program veriloop runs (verilator, g++, make, iverilog, bubblewrap) or the libyosys "
         "worker (veriloop-yosys) is not installed or not usable.",
         "Run `veriloop doctor`; scripts/setup.sh installs everything on Debian 12."},
        {DiagCode::DatabaseError, "the dataset database cannot be used",
         "SQLite could not open, read or write the dataset (missing file, disk full, a newer "
         "schema, or another build holding its lock).",
         "Check the path and free space; only one `dataset build` may write a database at a "
         "time."},
        {DiagCode::InvalidOption, "an option is not valid",
         "A command-line option has a value veriloop cannot use.",
         "`veriloop <command> --help` lists the options and their values."},
        {DiagCode::NothingToDebug, "nothing to debug",
         "The design passes its testbench (and matches the golden when one is given), so there is "
         "no failure to localize or repair.",
         "Give a design whose testbench fails, or --golden with the intended behaviour."},
        {DiagCode::PathOutsideDesign, "a path leaves the design folder",
         "design.toml names a file that resolves (after symlinks) outside the design folder and "
         "its project root (the nearest folder above holding veriloop.toml); veriloop never reads "
         "such files.",
         "Move the file into the design or project folder, or put a veriloop.toml at the root "
         "that holds both."},
        {DiagCode::Interrupted, "interrupted",
         "The command was stopped (Ctrl-C or SIGTERM). Every verdict already decided is kept.",
         "Run the same command again to resume."},
        {DiagCode::InternalError, "internal error",
         "veriloop hit a state it does not expect: a bug in veriloop, not in your design.",
         "Please report it with the command line and, if you can, the design."},
        {DiagCode::GitError, "a git repository or revision cannot be read",
         "`veriloop gate` reads two revisions of a git repository; git could not resolve one of "
         "them, list what changed between them, or export one (git's message says which).",
         "Run it inside the repository's work tree (or give --repo), and name revisions that "
         "exist there: `git rev-parse <rev>` must print a commit. A CI checkout must fetch the "
         "base revision (e.g. fetch-depth: 0)."},
    };
    return rows;
}

const DiagHelp* findDiagHelp(std::string_view name)
{
    std::string digits;
    for (char c : name)
        if (c >= '0' && c <= '9') digits += c;
        else if (c != 'V' && c != 'L' && c != 'v' && c != 'l') return nullptr;
    if (digits.empty() || digits.size() > 3) return nullptr;
    const int number = std::stoi(digits);
    const auto& rows = diagCodeHelp();
    return number >= 1 && number <= static_cast<int>(rows.size()) ? &rows[number - 1] : nullptr;
}

static std::string_view kindWord(DiagKind kind)
{
    switch (kind) {
    case DiagKind::UserError: return "error";
    case DiagKind::Unsupported: return "unsupported";
    case DiagKind::Warning: return "warning";
    case DiagKind::Note: return "note";
    }
    return "error";
}

std::string Diagnostic::format() const
{
    std::string where;
    if (!file.empty()) {
        where = file;
        if (line > 0) where += fmt::format(":{}", line);
        if (column > 0) where += fmt::format(":{}", column);
        where += ": ";
    }
    return fmt::format("{}{} {}: {}", where, kindWord(kind), diagCodeName(code), message);
}

std::string Diagnostic::render() const
{
    std::string out = format();
    if (!file.empty() && line > 0) {
        std::ifstream in(file);
        std::string text;
        for (int i = 0; i < line && std::getline(in, text); ++i) {
        }
        if (in && text.size() < 400) {
            std::string caret;
            for (int i = 0; i + 1 < column && i < static_cast<int>(text.size()); ++i)
                caret += text[static_cast<size_t>(i)] == '\t' ? '\t' : ' ';
            out += fmt::format("\n    {}\n    {}^", text, caret);
        }
    }
    if (const DiagHelp* help = findDiagHelp(diagCodeName(code))) {
        std::string action(help->action);
        if (const auto stop = action.find(". "); stop != std::string::npos) action = action.substr(0, stop + 1);
        out += fmt::format("\n  hint: {} (`veriloop help {}` explains {})", action, diagCodeName(code),
                           diagCodeName(code));
    }
    return out;
}

Diagnostic makeDiag(DiagCode code, std::string message, std::string file, int line, int column)
{
    Diagnostic d;
    d.code = code;
    d.message = std::move(message);
    d.file = std::move(file);
    d.line = line;
    d.column = column;
    return d;
}

}  // namespace veriloop
