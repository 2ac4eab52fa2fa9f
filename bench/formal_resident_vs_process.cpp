// Benchmark (not a test): formal checks of N mutants of one design against the original, twice
// in the same run: with one resident libyosys worker (the original read, elaborated and flattened
// once; each check reads only the mutant, in a forked copy) and with a fresh Yosys process per
// mutant that reads the original again (what veriloop did before). Prints checks per minute for
// both, the ratio, and whether every mutant got the same verdict both ways.
//
//   bench_formal_resident_vs_process [design-folder] [--mutants N]

#include <chrono>
#include <string>

#include <fmt/format.h>

#include "core/design.h"
#include "equivalence/yosys_formal.h"
#include "frontend/rtl/rtl_frontend.h"
#include "mutators/generate.h"

using namespace veriloop;
using Clock = std::chrono::steady_clock;

static double since(Clock::time_point t)
{
    return std::chrono::duration<double>(Clock::now() - t).count();
}

static const char* statusName(FormalStatus s)
{
    switch (s) {
    case FormalStatus::Equivalent: return "equivalent";
    case FormalStatus::NonEquivalent: return "nonequivalent";
    case FormalStatus::Unknown: return "unknown";
    case FormalStatus::Error: return "error";
    }
    return "?";
}

int main(int argc, char** argv)
{
    std::string dir = std::string(VERILOOP_SOURCE_DIR) + "/corpora/rtl/sync_fifo";
    size_t count = 40;
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
    const auto work = std::filesystem::temp_directory_path() / fmt::format("veriloop-bench-formal-{}", getpid());
    auto analyzed = rtl::analyzeRtlDesign(*design);
    if (!analyzed) {
        fmt::print(stderr, "{}\n", analyzed.error().format());
        return 1;
    }
    auto ops = OperatorRegistry::instance().select("default");
    auto gen = generateMutants(design->sources, analyzed->sites, *ops, {1, count});
    std::vector<std::vector<SourceFile>> gates;
    for (const auto& m : gen.mutants)
        if (auto g = applyEdits(design->sources, m.edits)) gates.push_back(*g);
    FormalOptions options;
    fmt::print("{}: {} mutants, each checked against the original (bound {}, {} s limit)\n",
               design->name, gates.size(), options.bound, options.timeoutSeconds);

    std::vector<FormalStatus> resident, perProcess;
    std::vector<std::string> messages;
    auto t0 = Clock::now();
    {
        FormalChecker checker(*design, design->sources, work / "resident", options);
        for (size_t i = 0; i < gates.size(); ++i) {
            FormalResult r = checker.check(gates[i], work / "resident" / std::to_string(i));
            resident.push_back(r.status);
            messages.push_back(r.message);
        }
    }
    const double residentSeconds = since(t0);
    t0 = Clock::now();
    for (size_t i = 0; i < gates.size(); ++i) {
        FormalChecker fresh(*design, design->sources, work / "process" / std::to_string(i), options);
        perProcess.push_back(fresh.check(gates[i], work / "process" / std::to_string(i) / "check").status);
    }
    const double processSeconds = since(t0);

    size_t same = 0;
    std::map<std::string, int> verdicts;
    for (size_t i = 0; i < gates.size(); ++i) {
        same += resident[i] == perProcess[i];
        ++verdicts[statusName(resident[i])];
        if (resident[i] == FormalStatus::Error)
            fmt::print("  error: {}: {}\n", gen.mutants[i].id, messages[i]);
        if (resident[i] != perProcess[i])
            fmt::print("  differs: {} resident={} process={}\n", gen.mutants[i].id,
                       statusName(resident[i]), statusName(perProcess[i]));
    }
    const double n = static_cast<double>(gates.size());
    fmt::print("resident worker:        {:7.1f} s  {:7.1f} checks/min\n", residentSeconds, 60 * n / residentSeconds);
    fmt::print("process per mutant:     {:7.1f} s  {:7.1f} checks/min\n", processSeconds, 60 * n / processSeconds);
    fmt::print("speed-up:               {:7.2f}x\n", processSeconds / residentSeconds);
    fmt::print("same verdict:           {}/{}\n", same, gates.size());
    for (const auto& [v, k] : verdicts) fmt::print("  {}: {}\n", v, k);
    std::error_code ec;
    std::filesystem::remove_all(work, ec);
    return same == gates.size() ? 0 : 1;
}
