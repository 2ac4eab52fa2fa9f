#include "flows/waveform.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "core/design.h"
#include "core/text.h"
#include "equivalence/verilator_sim.h"
#include "frontend/rtl/rtl_frontend.h"

namespace veriloop {

namespace {

// The counterexample inputs a formal verdict recorded (evidence "trace": [{port: hex}, ...]).
std::vector<TraceStep> recordedTrace(const std::string& evidence)
{
    std::vector<TraceStep> steps;
    auto ev = nlohmann::json::parse(evidence, nullptr, false);
    if (!ev.is_object() || !ev.contains("trace") || !ev["trace"].is_array()) return steps;
    for (const auto& step : ev["trace"]) {
        TraceStep s;
        for (const auto& [port, value] : step.items())
            if (value.is_string()) s.inputs.push_back({port, value.get<std::string>()});
        steps.push_back(std::move(s));
    }
    return steps;
}

}  // namespace

tl::expected<WaveformResult, Diagnostic> writeMutantWaveforms(Database& db, const std::string& mutantId,
                                                               const std::filesystem::path& outDirIn, int jobs)
{
    std::optional<DesignRow> row;
    std::optional<MutantRow> mutant;
    for (const auto& d : db.designs()) {
        for (auto& m : db.mutants(d.id))
            if (m.mutant.id == mutantId) {
                row = d;
                mutant = std::move(m);
            }
        if (mutant) break;
    }
    if (!mutant)
        return tl::unexpected(makeDiag(DiagCode::InvalidOption, "no mutant with this id in the dataset "
                                                                "(ids: `dataset export`, or the HTML report)",
                                       mutantId));
    auto design = loadDesign(row->dir);
    if (!design) return tl::unexpected(design.error());
    if (!design->isRtl())
        return tl::unexpected(makeDiag(DiagCode::UnsupportedConstruct,
                                       "waveforms are written for RTL designs; an HLS C++ kernel's "
                                       "evidence is its C simulation output", row->dir));
    design->sources = row->sources;  // the sources the dataset labeled, whatever is on disk now
    auto mutated = applyEdits(design->sources, mutant->mutant.edits);
    if (!mutated) return tl::unexpected(mutated.error());
    const auto outDir = std::filesystem::absolute(outDirIn);
    const auto work = outDir / ".work";
    auto analyzed = rtl::analyzeRtlDesign(*design);
    if (!analyzed) return tl::unexpected(analyzed.error());
    std::vector<PortInfo> ports;
    for (const auto& p : analyzed->topPorts) ports.push_back({p.name, p.width, p.dir});
    SimBuildOptions bo;
    bo.jobs = jobs;
    bo.trace = true;
    auto original = buildSimulation(*design, design->sources, SimKind::Differential, ports, work / "original", bo);
    if (!original) return tl::unexpected(original.error());
    auto buggy = buildSimulation(*design, *mutated, SimKind::Differential, ports, work / "mutant", bo);
    if (!buggy) return tl::unexpected(buggy.error());

    WaveformResult result;
    const std::string stem = fileStemFor(mutantId);
    result.original = outDir / (stem + ".original.vcd");
    result.mutant = outDir / (stem + ".mutant.vcd");
    std::vector<std::string> stimulus;
    const auto trace = mutant->verdict ? recordedTrace(mutant->verdict->evidence) : std::vector<TraceStep>{};
    if (!trace.empty()) {
        writeFile(work / "run" / "trace.txt", harnessTraceText(trace));
        stimulus = {"+vl_trace=" + (work / "run" / "trace.txt").string()};
        result.stimulus = fmt::format("the formal counterexample ({} cycles)", trace.size());
    } else {
        stimulus = stimulusArgs({design->stimulus.seed, design->stimulus.cycles, 0});
        result.stimulus = fmt::format("seeded random inputs (seed {}, {} cycles)", design->stimulus.seed,
                                      design->stimulus.cycles);
    }
    Sandbox sandbox(work / "run");
    std::filesystem::create_directories(work / "run");
    SimRunOptions o;
    o.timeoutSeconds = std::max(30.0, 4 * design->testbench.timeoutSeconds);
    o.extraArgs = stimulus;
    o.extraArgs.push_back("+vl_dump=" + (work / "run" / "ref.txt").string());
    o.extraArgs.push_back("+vl_vcd=" + (work / "run" / "original.vcd").string());
    SimRun ref = runDifferential(*original, sandbox, o);
    if (!ref.passed)
        return tl::unexpected(makeDiag(DiagCode::FormalSetupError,
                                       "the original does not run in the traced harness: " +
                                           oneLine(ref.evidence, 300), row->dir));
    o.extraArgs = stimulus;
    o.extraArgs.push_back("+vl_ref=" + (work / "run" / "ref.txt").string());
    o.extraArgs.push_back("+vl_vcd=" + (work / "run" / "mutant.vcd").string());
    SimRun run = runDifferential(*buggy, sandbox, o);
    if (!run.passed) {
        auto ev = nlohmann::json::parse(run.evidence, nullptr, false);
        result.mismatch = ev.contains("cycle")
                              ? fmt::format("cycle {}: {} is {} in the original, {} in the mutant",
                                            ev.value("cycle", 0), ev.value("signal", std::string()),
                                            ev.value("expected", std::string()), ev.value("actual", std::string()))
                              : oneLine(run.evidence, 300);
    }
    std::error_code ec;
    std::filesystem::rename(work / "run" / "original.vcd", result.original, ec);
    std::filesystem::rename(work / "run" / "mutant.vcd", result.mutant, ec);
    if (ec || !std::filesystem::exists(result.mutant))
        return tl::unexpected(makeDiag(DiagCode::InternalError, "the traced runs wrote no waveform", work.string()));
    std::filesystem::remove_all(work, ec);
    return result;
}

}  // namespace veriloop
