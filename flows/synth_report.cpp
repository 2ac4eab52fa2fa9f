#include "flows/synth_report.h"

#include <regex>
#include <sstream>

#include <fmt/format.h>

#include "core/text.h"
#include "equivalence/yosys_worker.h"

namespace veriloop {

SynthReport parseSynthOutput(const std::string& stat, const std::string& ltp)
{
    SynthReport r;
    // Yosys 0.70 `stat`: "<n> cells", then one "<n>   <cell type>" row per type.
    static const std::regex cellsLine(R"(^\s+\d+\s+cells\s*$)");
    static const std::regex cellRow(R"(^\s+(\d+)\s+([A-Za-z_$\\][A-Za-z0-9_$]*)\s*$)");
    std::istringstream in(stat);
    std::string line;
    bool inCells = false;
    while (std::getline(in, line)) {
        if (std::regex_match(line, cellsLine)) {
            inCells = true;
            continue;
        }
        std::smatch m;
        if (inCells && std::regex_match(line, m, cellRow)) {
            r.cells[m[2].str()] += std::stoi(m[1].str());
        } else if (inCells && !line.empty() && line.find_first_not_of(" ") != std::string::npos) {
            inCells = false;
        }
    }
    for (const auto& [cell, n] : r.cells) {
        r.totalCells += n;
        if (std::regex_match(cell, std::regex("LUT[1-6]"))) r.luts += n;
        else if (std::regex_match(cell, std::regex("FD[RSCP]E(_1)?"))) r.ffs += n;
        else if (cell.rfind("DSP48", 0) == 0) r.dsps += n;
        else if (cell.rfind("RAMB", 0) == 0) r.brams += n;
        else if (cell == "CARRY4") r.carry += n;
        else if (cell.rfind("RAM", 0) == 0) r.lutrams += n;
        else if (cell.rfind("$_", 0) == 0 && cell.find("DFF") != std::string::npos) r.ffs += n;
    }
    static const std::regex depthRe(R"(length=(\d+))");
    std::smatch m;
    if (std::regex_search(ltp, m, depthRe)) r.logicDepth = std::stoi(m[1].str());
    return r;
}

tl::expected<SynthReport, Diagnostic> synthReport(const Design& design,
                                                  const std::filesystem::path& workDir)
{
    return synthReport(design, design.sources, workDir, SynthTarget::Xilinx);
}

tl::expected<SynthReport, Diagnostic> synthReport(const Design& design, const std::vector<SourceFile>& sources,
                                                  const std::filesystem::path& workDir, SynthTarget target)
{
    std::filesystem::create_directories(workDir);
    std::string read = "read_verilog -sv -I" + design.dir.string();
    for (const auto& s : sources) {
        const auto copy = workDir / "src" / s.path;
        std::filesystem::create_directories(copy.parent_path());
        writeFile(copy, s.text);
        read += " " + copy.string();
    }
    const std::string synth = target == SynthTarget::Xilinx
                                  ? fmt::format("synth_xilinx -top {} -flatten -noiopad", design.top)
                                  : fmt::format("synth -top {} -flatten", design.top);
    const std::string script = fmt::format("{}\n{}\ntee -q -o stat.txt stat\ntee -q -o ltp.txt ltp -noff\n",
                                           read, synth);
    writeFile(workDir / "synth.ys", script);
    YosysRun r = runYosysScript(yosysSandbox(workDir, design.inputFolders()), workDir / "synth.ys",
                                workDir, 900);
    if (!r.ok) {
        const std::string log = r.failure.empty() ? r.log : r.failure;
        auto at = log.find("ERROR:");
        return tl::unexpected(makeDiag(DiagCode::BuildFailed,
                                       "Yosys synthesis failed: " +
                                           oneLine(at == std::string::npos ? log : log.substr(at), 300),
                                       design.dir.string()));
    }
    SynthReport rep = parseSynthOutput(readFile(workDir / "stat.txt").value_or(""),
                                       readFile(workDir / "ltp.txt").value_or(""));
    rep.design = design.name;
    return rep;
}

}  // namespace veriloop
