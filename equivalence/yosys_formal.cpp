// Formal equivalence with Yosys (libyosys 0.70 in a resident worker, equivalence/yosys_worker.h:
// the original is read once per worker, each check reads only the changed version). The miter of gold and gate is checked by `sat -verify` (a
// failed proof must fail the command, so a silent pass is impossible): a complete proof for
// combinational designs, bounded model checking plus temporal induction for sequential ones,
// with reset asserted in the first cycles as design.toml declares and registers starting at
// zero like Verilator's. When induction on the miter does not converge, Yosys' equiv_induct
// (which pairs registers by name, as a mutant keeps them) is tried. No verdict is guessed:
// anything else is Unknown with the bound reached. Terminates: every check has a time limit
// that kills its fork.

#include "equivalence/yosys_formal.h"

#include <regex>
#include <sstream>

#include <fmt/format.h>

#include "core/oversized_literals.h"
#include "core/text.h"
#include "equivalence/yosys_worker.h"

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

// After the worker loaded the original (stashed as `gold`): the changed version next to it.
std::string pairScript(const Design& design, const std::vector<SourceFile>& gate)
{
    return readDesignScript("gate", gate, design.top, "gate") +
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
        if (!writeFile(dir / f.path, truncateOversizedLiterals(f.text).text)) return false;
    return true;
}

int coneSize(const std::filesystem::path& file)
{
    static const std::regex re(R"((\d+) objects)");
    std::smatch m;
    std::string text = readFile(file).value_or("");
    return std::regex_search(text, m, re) ? std::stoi(m[1].str()) : -1;
}

FormalResult tryEquivInduct(YosysWorker& worker, const Design& design,
                            const std::vector<SourceFile>& gate, const std::filesystem::path& dir,
                            const FormalOptions& options)
{
    const std::string script =
        pairScript(design, gate) +
        fmt::format("equiv_make gold gate equiv\nhierarchy -top equiv\nasync2sync\n"
                    "equiv_simple -seq {0}\nequiv_induct -seq {0}\nequiv_status -assert\n",
                    options.bound);
    writeFile(dir / "equiv.ys", script);
    YosysRun r = worker.run(dir / "equiv.ys", dir, options.timeoutSeconds + 10);
    FormalResult out;
    out.bound = options.bound;
    static const std::regex cells(R"(Found (\d+) \$equiv cells)");
    std::smatch m;
    const bool anyCell = std::regex_search(r.log, m, cells) && std::stoi(m[1].str()) > 0;
    if (r.ok && anyCell && r.log.find("Equivalence successfully proven!") != std::string::npos) {
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

FormalChecker::FormalChecker(const Design& design, std::vector<SourceFile> gold,
                             std::filesystem::path workDir, FormalOptions options, int workers)
    : design_(design), gold_(std::move(gold)), workDir_(std::filesystem::absolute(workDir)),
      options_(options)
{
    std::filesystem::create_directories(workDir_);
    if (!writeSources(workDir_ / "gold", gold_) ||
        !writeFile(workDir_ / "gold.ys", readDesignScript("gold", gold_, design_.top, "gold"))) {
        goldFailure_ = "cannot write the formal work folder " + workDir_.string();
        return;
    }
    for (int i = 0; i < std::max(1, workers); ++i) {
        auto w = std::make_unique<YosysWorker>(yosysSandbox(workDir_), 8192);
        YosysRun r = w->load(workDir_ / "gold.ys", options_.timeoutSeconds + 30);
        if (!r.ok) {
            static const std::regex errRe(R"(ERROR: ([^\n]*))");
            std::smatch m;
            goldFailure_ = "the original design does not load in Yosys: " +
                           (std::regex_search(r.log, m, errRe) ? m[1].str() : r.failure);
            idle_.clear();
            return;
        }
        idle_.push_back(std::move(w));
    }
}

FormalChecker::~FormalChecker() = default;

// An idle worker holding the original (waiting for one when all are busy); nullptr when the
// original did not load.
std::unique_ptr<YosysWorker> FormalChecker::takeWorker()
{
    std::unique_lock<std::mutex> lock(mutex_);
    if (!goldFailure_.empty()) return nullptr;
    idleChanged_.wait(lock, [&] { return !idle_.empty(); });
    auto w = std::move(idle_.back());
    idle_.pop_back();
    return w;
}

void FormalChecker::giveBack(std::unique_ptr<YosysWorker> worker)
{
    {
        std::lock_guard<std::mutex> lock(mutex_);
        idle_.push_back(std::move(worker));
    }
    idleChanged_.notify_one();
}

FormalResult FormalChecker::check(const std::vector<SourceFile>& gate, const std::filesystem::path& where)
{
    FormalResult out;
    const auto dir = std::filesystem::absolute(where);
    std::filesystem::create_directories(dir);
    if (!writeSources(dir / "gate", gate)) {
        out.message = "cannot write the formal work folder";
        return out;
    }
    auto worker = takeWorker();
    if (!worker) {
        out.message = goldFailure_;
        return out;
    }
    if (options_.structuralFirst) {
        FormalOptions quick = options_;
        quick.timeoutSeconds = std::max(5.0, options_.timeoutSeconds / 4);
        FormalResult structural = tryEquivInduct(*worker, design_, gate, dir, quick);
        if (structural.status == FormalStatus::Equivalent) {
            if (design_.clock.empty()) structural.bound = 0;
            giveBack(std::move(worker));
            return structural;
        }
    }
    const std::string script =
        pairScript(design_, gate) +
        "miter -equiv -flatten -make_outputs gold gate miter\nhierarchy -top miter\n"
        "opt -full\ntee -q -o cone.txt select -count miter/w:trigger %ci*\n" +
        satCommand(design_, options_);
    writeFile(dir / "miter.ys", script);
    YosysRun r = worker->run(dir / "miter.ys", dir, options_.timeoutSeconds + 10);
    const std::string& log = r.log;
    out.collapsed = coneSize(dir / "cone.txt") == 1;
    const bool sequential = !design_.clock.empty();
    out.engine = sequential ? "sat-tempinduct" : "sat-comb";
    if (log.find("model found: FAIL!") != std::string::npos ||
        log.find("model found for base case: FAIL!") != std::string::npos) {
        out.status = FormalStatus::NonEquivalent;
        out.trace = parseSatTrace(log);
        out.bound = static_cast<int>(out.trace.size());
        out.vcd = dir / "cex.vcd";
    } else if (r.ok && (log.find("no model found: SUCCESS!") != std::string::npos ||
                        log.find("Induction step proven: SUCCESS!") != std::string::npos)) {
        out.status = FormalStatus::Equivalent;
        out.bound = sequential ? options_.bound : 0;
    } else if (sequential && log.find("Reached maximum number of time steps") != std::string::npos) {
        out = tryEquivInduct(*worker, design_, gate, dir, options_);
    } else if (r.timedOut || log.find("proof did time out") != std::string::npos ||
               log.find("timeout") != std::string::npos) {
        out.status = FormalStatus::Unknown;
        out.message = "formal check timed out";
        out.bound = options_.bound;
    } else {
        out.status = FormalStatus::Error;
        static const std::regex errRe(R"(ERROR: ([^\n]*))");
        std::smatch m;
        out.message = std::regex_search(log, m, errRe) ? m[1].str()
                                                       : oneLine(r.failure.empty() ? log : r.failure, 300);
    }
    giveBack(std::move(worker));
    return out;
}

FormalResult checkEquivalence(const Design& design, const std::vector<SourceFile>& gold,
                              const std::vector<SourceFile>& gate,
                              const std::filesystem::path& workDir, const FormalOptions& options)
{
    FormalChecker checker(design, gold, workDir, options);
    return checker.check(gate, workDir / "check");
}

}  // namespace veriloop
