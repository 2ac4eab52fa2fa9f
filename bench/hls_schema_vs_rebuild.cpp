// Benchmark (not a test): label N mutants of one HLS C++ kernel with the C-simulation mutant
// schema (one g++ build, N runs) and with one g++ build per mutant, in the same process, and
// print both times, the ratio, and whether both methods gave every mutant the same outcome.
//
//   bench_hls_schema_vs_rebuild [kernel-folder] [--mutants N]

#include <chrono>
#include <string>

#include <fmt/format.h>

#include "core/design.h"
#include "equivalence/csim.h"
#include "frontend/hls/hls_frontend.h"
#include "mutators/generate.h"

using namespace veriloop;
using Clock = std::chrono::steady_clock;

static double since(Clock::time_point t)
{
    return std::chrono::duration<double>(Clock::now() - t).count();
}

int main(int argc, char** argv)
{
    std::string dir = std::string(VERILOOP_SOURCE_DIR) + "/corpora/hls/softmax_fixed";
    size_t count = 100;
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        if (a == "--mutants" && i + 1 < argc) count = std::stoul(argv[++i]);
        else dir = a;
    }
    auto design = loadDesign(dir);
    if (!design) {
        fmt::print(stderr, "{}\n", design.error().format());
        return 1;
    }
    auto analysis = hls::analyzeHlsDesign(*design, hls::defaultHlsIncludeDir());
    if (!analysis) {
        fmt::print(stderr, "{}\n", analysis.error().format());
        return 1;
    }
    auto ops = OperatorRegistry::instance().select("default");
    GenerateOptions go;
    go.hls = &*analysis;
    auto gen = generateMutants(design->sources, analysis->sites, *ops, go);
    std::vector<const Mutant*> mutants;  // the first N that the schema is meant to hold
    for (const auto& m : gen.mutants)
        if (m.check == MutantCheck::Schema && mutants.size() < count) mutants.push_back(&m);
    const auto work = std::filesystem::temp_directory_path() / fmt::format("veriloop-bench-hls-{}", getpid());
    CsimWorkspace ws(*design, work, hls::defaultHlsIncludeDir());
    // Compile the testbench objects first: both methods share them.
    if (!ws.build(design->sources, CsimFlavor::Zero, "warm")) return 1;
    const double limit = design->testbench.timeoutSeconds;

    fmt::print("kernel {}: {} mutants\n", design->name, mutants.size());
    auto t0 = Clock::now();
    auto schema = buildCsimSchema(ws, mutants);
    if (!schema) {
        fmt::print(stderr, "schema build failed: {}\n", schema.error().log);
        return 1;
    }
    const double schemaBuild = since(t0);
    std::vector<int> outcome(mutants.size(), -1);  // 1 pass, 0 fail, -1 not in the schema
    for (size_t i = 0; i < mutants.size(); ++i) {
        auto it = schema->selector.find(mutants[i]);
        if (it != schema->selector.end())
            outcome[i] = runCsim(ws, schema->build, it->second, limit).passed;
    }
    const double schemaTotal = since(t0);
    fmt::print("schema:   1 build {:.2f} s + {} runs {:.2f} s = {:.2f} s ({} mutants needed a "
               "build of their own and are left out of the comparison)\n",
               schemaBuild, schema->selector.size(), schemaTotal - schemaBuild, schemaTotal,
               schema->rejected.size());

    auto t1 = Clock::now();
    size_t agree = 0, compared = 0;
    for (size_t i = 0; i < mutants.size(); ++i) {
        if (outcome[i] < 0) continue;
        auto sources = applyEdits(design->sources, mutants[i]->edits);
        auto b = ws.build(*sources, CsimFlavor::Zero, "each");
        const bool passed = b && runCsim(ws, *b, 0, limit).passed;
        ++compared;
        agree += passed == (outcome[i] == 1);
        fmt::print(stderr, "\rrebuild {}/{}", compared, schema->selector.size());
    }
    const double rebuildTotal = since(t1);
    fmt::print(stderr, "\n");
    fmt::print("rebuild:  {} g++ builds + runs = {:.2f} s\n", compared, rebuildTotal);
    fmt::print("ratio (rebuild / schema): {:.1f}x\n", rebuildTotal / schemaTotal);
    fmt::print("same outcome for {}/{} mutants\n", agree, compared);
    std::error_code ec;
    std::filesystem::remove_all(work, ec);
    return agree == compared ? 0 : 1;
}
