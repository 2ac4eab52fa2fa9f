#include "equivalence/counterexample_replay.h"

#include <fmt/format.h>

#include "core/text.h"
#include "equivalence/sandbox.h"

namespace veriloop {

CounterexampleReplayer::CounterexampleReplayer(const Design& goldDesign, std::vector<SourceFile> gold,
                                               std::vector<PortInfo> ports, std::filesystem::path work, int jobs)
    : goldDesign_(goldDesign), gold_(std::move(gold)), ports_(std::move(ports)), work_(std::move(work)), jobs_(jobs)
{
}

std::string CounterexampleReplayer::replay(const Design& gateDesign, const std::vector<SourceFile>& gate,
                                           const std::vector<TraceStep>& trace, const std::string& name)
{
    if (trace.empty()) return {};
    SimBuildOptions bo;
    bo.jobs = jobs_;
    if (!goldTried_) {
        goldTried_ = true;
        auto b = buildSimulation(goldDesign_, gold_, SimKind::Differential, ports_, work_ / "gold", bo);
        if (b) goldBuild_ = std::move(*b);
    }
    if (!goldBuild_) return {};
    auto gateBuild = buildSimulation(gateDesign, gate, SimKind::Differential, ports_, work_ / name / "build", bo);
    if (!gateBuild) return {};
    const auto dir = work_ / name / "replay";
    std::filesystem::create_directories(dir);
    writeFile(dir / "trace.txt", harnessTraceText(trace));
    Sandbox sandbox(dir);
    SimRunOptions o;
    o.timeoutSeconds = 60;
    o.extraArgs = {"+vl_trace=" + (dir / "trace.txt").string(), "+vl_dump=" + (dir / "ref.txt").string()};
    if (!runDifferential(*goldBuild_, sandbox, o).passed) return {};
    o.extraArgs = {"+vl_trace=" + (dir / "trace.txt").string(), "+vl_ref=" + (dir / "ref.txt").string()};
    SimRun run = runDifferential(*gateBuild, sandbox, o);
    return run.passed || run.harnessError ? std::string{} : run.evidence;
}

std::string counterexampleInputsText(const std::vector<TraceStep>& trace, const std::string& clock,
                                     size_t maxSteps)
{
    std::string out;
    for (size_t i = 0; i < trace.size() && i < maxSteps; ++i) {
        std::string step;
        for (const auto& [name, value] : trace[i].inputs)
            if (name != clock) step += fmt::format(" {}=0x{}", name, value);
        out += fmt::format("{}cycle {}:{}", out.empty() ? "" : "; ", i, step);
    }
    if (trace.size() > maxSteps) out += fmt::format("; ... ({} cycles)", trace.size());
    return out;
}

}  // namespace veriloop
