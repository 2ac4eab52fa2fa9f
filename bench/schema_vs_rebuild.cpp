// Benchmark (not a test): label N mutants of one design with the mutant schema (one Verilator
// build, N runs) and with one Verilator build per mutant, in the same process, and print both
// times, the ratio, and whether both methods gave every mutant the same pass/fail outcome.
//
//   bench_schema_vs_rebuild [design-folder] [--mutants N] [--jobs J]

#include <chrono>
#include <cstdlib>
#include <string>

#include <fmt/format.h>

#include "core/design.h"
#include "equivalence/schema.h"
#include "equivalence/verilator_sim.h"
#include "frontend/rtl/rtl_frontend.h"
#include "mutators/generate.h"

using namespace veriloop;
using Clock = std::chrono::steady_clock;

static double since(Clock::time_point t)
{
    return std::chrono::duration<double>(Clock::now() - t).count();
}

int main(int argc, char** argv)
{
    std::string dir = std::string(VERILOOP_SOURCE_DIR) + "/corpora/rtl/alu";
    size_t count = 100;
    int jobs = 1;
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        if (a == "--mutants" && i + 1 < argc) count = std::stoul(argv[++i]);
        else if (a == "--jobs" && i + 1 < argc) jobs = std::stoi(argv[++i]);
        else dir = a;
    }
    auto design = loadDesign(dir);
    if (!design) {
        fmt::print(stderr, "{}\n", design.error().format());
        return 1;
    }
    const auto work = std::filesystem::temp_directory_path() / fmt::format("veriloop-bench-{}", getpid());
    auto analyzed = rtl::analyzeRtlDesign(*design);
    if (!analyzed) {
        fmt::print(stderr, "{}\n", analyzed.error().format());
        return 1;
    }
    auto ops = OperatorRegistry::instance().select("default");
    auto gen = generateMutants(design->sources, analyzed->sites, *ops, {1, count});
    std::vector<const Mutant*> mutants;
    for (const auto& m : gen.mutants) mutants.push_back(&m);
    std::vector<SelectorSite> sel;
    for (const auto& m : analyzed->modules) sel.push_back({m.file, m.headerEnd});
    SimBuildOptions bo;
    bo.jobs = jobs;
    bo.runtimeCache = work / "runtime";  // both methods reuse Verilator's runtime objects
    Sandbox sandbox(work / "run");
    SimRunOptions ro;
    ro.timeoutSeconds = design->testbench.timeoutSeconds;
    // Warm the runtime object cache so neither method pays for it.
    if (!buildSimulation(*design, design->sources, SimKind::Testbench, {}, work / "warm", bo)) return 1;

    fmt::print("design {}: {} mutants, jobs {}\n", design->name, mutants.size(), jobs);
    auto t0 = Clock::now();
    auto schema = buildMutantSchema(design->sources, sel, mutants);
    auto build = buildSimulation(*design, schema.files, SimKind::Testbench, {}, work / "schema", bo);
    if (!build) {
        fmt::print(stderr, "{}\n", build.error().format());
        return 1;
    }
    const double schemaBuild = since(t0);
    std::vector<bool> schemaPass;
    for (size_t i = 0; i < mutants.size(); ++i) {
        ro.selector = schema.selector[i];
        schemaPass.push_back(runTestbench(*design, *build, sandbox, ro).passed);
    }
    const double schemaTotal = since(t0);
    fmt::print("schema:   1 build {:.2f} s + {} runs {:.2f} s = {:.2f} s\n", schemaBuild,
               mutants.size(), schemaTotal - schemaBuild, schemaTotal);

    auto t1 = Clock::now();
    size_t agree = 0, builds = 0;
    for (size_t i = 0; i < mutants.size(); ++i) {
        auto sources = applyEdits(design->sources, mutants[i]->edits);
        auto b = buildSimulation(*design, *sources, SimKind::Testbench, {}, work / "each", bo);
        bool passed = false;
        if (b) {
            ++builds;
            ro.selector = 0;
            passed = runTestbench(*design, *b, sandbox, ro).passed;
        }
        agree += passed == schemaPass[i];
        fmt::print(stderr, "\rrebuild {}/{}", i + 1, mutants.size());
    }
    const double rebuildTotal = since(t1);
    fmt::print(stderr, "\n");
    fmt::print("rebuild:  {} builds + runs = {:.2f} s\n", builds, rebuildTotal);
    fmt::print("ratio (rebuild / schema): {:.1f}x\n", rebuildTotal / schemaTotal);
    fmt::print("same outcome for {}/{} mutants\n", agree, mutants.size());
    std::error_code ec;
    std::filesystem::remove_all(work, ec);
    return agree == mutants.size() ? 0 : 1;
}
