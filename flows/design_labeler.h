#pragma once
// Labels the mutants of one RTL design, cheapest checker first: one schema build, a run per
// mutant of the testbench and of the differential harness, then Yosys formal for survivors.

#include <filesystem>
#include <functional>
#include <mutex>
#include <string>
#include <vector>

#include "core/design.h"
#include "core/mutant.h"
#include "core/verdict.h"
#include "equivalence/schema.h"
#include "equivalence/verilator_sim.h"
#include "equivalence/yosys_formal.h"

namespace veriloop {

struct LabelOptions {
    int jobs = 1;
    bool formal = true;
    FormalOptions formalOptions;
    std::filesystem::path workDir;       // private to this design
    std::filesystem::path runtimeCache;  // shared Verilator runtime objects
};

/// Called once per decided mutant, from worker threads (calls are serialized).
using VerdictSink = std::function<void(const Mutant&, const VerdictRecord&, const std::string& vcd)>;
using ProgressSink = std::function<void(const std::string& phase, size_t done, size_t total)>;

struct LabelOutcome {
    bool ok = false;             // false: the design could not be labeled at all
    Diagnostic problem{};        // why, when !ok
    std::vector<std::string> warnings;
};

struct DesignContext {
    const Design* design = nullptr;
    std::vector<SelectorSite> selectorSites;
    std::vector<PortInfo> ports;
};

LabelOutcome labelMutants(const DesignContext& ctx, const std::vector<Mutant>& pending,
                          const LabelOptions& options, const VerdictSink& sink,
                          const ProgressSink& progress);

/// Runs `fn(i)` for i in [0, n) on `jobs` threads. Once an interrupt is requested no new i
/// starts; the first exception `fn` throws is rethrown after every thread has stopped.
void parallelFor(size_t n, int jobs, const std::function<void(size_t)>& fn);

}  // namespace veriloop
