// Formal equivalence with Yosys. The miter of gold and gate is checked by `sat -verify` (a
// failed proof must fail the command, so a silent pass is impossible): a complete proof for
// combinational designs, bounded model checking plus temporal induction for sequential ones,
// with reset asserted in the first cycles as design.toml declares and registers starting at
// zero like Verilator's. When induction on the miter does not converge, Yosys' equiv_induct
// (which pairs registers by name, as a mutant keeps them) is tried. No verdict is guessed:
// anything else is Unknown with the bound reached. Terminates: every Yosys run has a timeout.

#include "equivalence/yosys_formal.h"

#include <regex>
#include <sstream>

#include <fmt/format.h>

#include "core/text.h"

namespace veriloop {

namespace {

std::string readDesignScript(const std::string& dir, const std::vector<SourceFile>& files,
                             const std::string& top, const std::string& as)
{
    std::string s = "read_verilog -sv";
    for (const auto& f : files) s += fmt::format(" {}/{}", dir, f.path);
    s += fmt::format("\nhierarchy -check -top {}\nproc\nflatten\nmemory\nasync2sync\nopt_clean\n"
                     "rename {} {}\ndesign -stash {}\n",
                     top, top, as, as);
    return s;
}

std::string loadPairScript(const Design& design, const std::vector<SourceFile>& gold,
                           const std::vector<SourceFile>& gate)
{
    return readDesignScript("gold", gold, design.top, "gold") +
           readDesignScript("gate", gate, design.top, "gate") +
           "design -copy-from gold -as gold gold\ndesign -copy-from gate -as gate gate\n";
}

std::string satCommand(const Design& design, const FormalOptions& options)
{
    std::string cmd = "sat -verify -prove trigger 0 -show-inputs -set-init-zero -dump_vcd cex.vcd";
    cmd += fmt::format(" -timeout {}", static_cast<int>(options.timeoutSeconds));
    if (design.clock.empty()) return cmd + " miter\n";
    int resetCycles = 0;
    if (design.reset) {
        resetCycles = design.reset->cycles;
        for (int step = 1; step <= resetCycles; ++step)
            cmd += fmt::format(" -set-at {} in_{} {}", step, design.reset->name,
                               design.reset->activeLow ? 0 : 1);
    }
    cmd += fmt::format(" -tempinduct -seq {} -maxsteps {}", resetCycles, options.bound);
    return cmd + " miter\n";
}

bool writeSources(const std::filesystem::path& dir, const std::vector<SourceFile>& files)
{
    for (const auto& f : files)
        if (!writeFile(dir / f.path, f.text)) return false;
    return true;
}

ProcessResult runYosys(const std::filesystem::path& workDir, const std::string& scriptName,
                       const std::string& script, double timeout)
{
    writeFile(workDir / scriptName, script);
    Sandbox sandbox(workDir);
    SandboxLimits limits;
    limits.wallSeconds = timeout + 10;
    limits.memoryMiB = 8192;
    return sandbox.run({"yosys", "-q", "-l", scriptName + ".log", scriptName}, limits, workDir);
}

int coneSize(const std::filesystem::path& file)
{
    static const std::regex re(R"((\d+) objects)");
    std::smatch m;
    std::string text = readFile(file).value_or("");
    return std::regex_search(text, m, re) ? std::stoi(m[1].str()) : -1;
}

FormalResult tryEquivInduct(const Design& design, const std::vector<SourceFile>& gold,
                            const std::vector<SourceFile>& gate,
                            const std::filesystem::path& workDir, const FormalOptions& options)
{
    const std::string script =
        loadPairScript(design, gold, gate) +
        fmt::format("equiv_make gold gate equiv\nhierarchy -top equiv\nasync2sync\n"
                    "equiv_simple -seq {0}\nequiv_induct -seq {0}\nequiv_status -assert\n",
                    options.bound);
    ProcessResult r = runYosys(workDir, "equiv.ys", script, options.timeoutSeconds);
    const std::string log = readFile(workDir / "equiv.ys.log").value_or("");
    FormalResult out;
    out.bound = options.bound;
    if (r.ok() && log.find("Equivalence successfully proven!") != std::string::npos) {
        out.status = FormalStatus::Equivalent;
        out.engine = "equiv-induct";
    } else {
        out.status = FormalStatus::Unknown;
        out.engine = "sat-tempinduct";
    }
    return out;
}

}  // namespace

std::vector<TraceStep> parseSatTrace(const std::string& log)
{
    std::vector<TraceStep> steps;
    auto failAt = log.rfind("FAIL!");
    if (failAt == std::string::npos) return steps;
    std::istringstream in(log.substr(failAt));
    // Sequential tables have a leading step column; combinational ones are one step.
    static const std::regex seqRow(R"(^\s+(\d+)\s+\\in_(\S+)\s+\S+\s+([0-9a-fA-Fx-]+)\s+\S+\s*$)");
    static const std::regex combRow(R"(^\s+\\in_(\S+)\s+\S+\s+([0-9a-fA-Fx-]+)\s+\S+\s*$)");
    std::string line;
    while (std::getline(in, line)) {
        std::smatch m;
        if (std::regex_match(line, m, seqRow)) {
            const size_t step = std::stoul(m[1].str());
            if (step == 0) continue;
            if (steps.size() < step) steps.resize(step);
            steps[step - 1].inputs.push_back({m[2].str(), m[3].str()});
        } else if (std::regex_match(line, m, combRow)) {
            if (steps.empty()) steps.resize(1);
            steps[0].inputs.push_back({m[1].str(), m[2].str()});
        }
    }
    return steps;
}

FormalResult checkEquivalence(const Design& design, const std::vector<SourceFile>& gold,
                              const std::vector<SourceFile>& gate,
                              const std::filesystem::path& workDir, const FormalOptions& options)
{
    FormalResult out;
    std::filesystem::create_directories(workDir);
    if (!writeSources(workDir / "gold", gold) || !writeSources(workDir / "gate", gate)) {
        out.message = "cannot write the formal work folder";
        return out;
    }
    const std::string script =
        loadPairScript(design, gold, gate) +
        "miter -equiv -flatten -make_outputs gold gate miter\nhierarchy -top miter\n"
        "opt -full\ntee -q -o cone.txt select -count miter/w:trigger %ci*\n" +
        satCommand(design, options);
    ProcessResult r = runYosys(workDir, "miter.ys", script, options.timeoutSeconds);
    const std::string log = readFile(workDir / "miter.ys.log").value_or("");
    out.collapsed = coneSize(workDir / "cone.txt") == 1;
    const bool sequential = !design.clock.empty();
    out.engine = sequential ? "sat-tempinduct" : "sat-comb";
    if (log.find("model found: FAIL!") != std::string::npos ||
        log.find("model found for base case: FAIL!") != std::string::npos) {
        out.status = FormalStatus::NonEquivalent;
        out.trace = parseSatTrace(log);
        out.bound = static_cast<int>(out.trace.size());
        out.vcd = workDir / "cex.vcd";
        return out;
    }
    if (r.ok() && (log.find("no model found: SUCCESS!") != std::string::npos ||
                   log.find("Induction step proven: SUCCESS!") != std::string::npos)) {
        out.status = FormalStatus::Equivalent;
        out.bound = sequential ? options.bound : 0;
        return out;
    }
    if (sequential && log.find("Reached maximum number of time steps") != std::string::npos)
        return tryEquivInduct(design, gold, gate, workDir, options);
    if (r.timedOut || log.find("timeout") != std::string::npos) {
        out.status = FormalStatus::Unknown;
        out.message = "formal check timed out";
        out.bound = options.bound;
        return out;
    }
    out.status = FormalStatus::Error;
    static const std::regex errRe(R"(ERROR: ([^\n]*))");
    std::smatch m;
    out.message = std::regex_search(log, m, errRe) ? m[1].str() : oneLine(r.err + log, 300);
    return out;
}

}  // namespace veriloop
