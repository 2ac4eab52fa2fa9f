// Gate check `tests`: the design's own testbench on head, in the sandbox with the testbench's
// time limit (RTL: a Verilator build; HLS C++: a C-simulation build), judged by design.toml's
// pass criteria.

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "core/json_text.h"
#include "core/text.h"
#include "equivalence/csim.h"
#include "equivalence/verilator_sim.h"
#include "flows/gate/gate_check_kit.h"
#include "frontend/hls/hls_frontend.h"

namespace veriloop {

namespace {

GateCheckResult buildFailure(const GateDesignContext& ctx, const std::string& message,
                             const std::vector<ErrorLocation>& where)
{
    GateCheckResult r = gateResult(GateStatus::Fail, message);
    for (const auto& loc : where)
        r.findings.push_back(gateFinding(ctx, "gate-tests-build", message, loc.file, loc.line, loc.column));
    if (r.findings.empty()) r.findings.push_back(gateFinding(ctx, "gate-tests-build", message, "design.toml"));
    return r;
}

GateCheckResult judged(const GateDesignContext& ctx, bool passed, bool timedOut, double seconds,
                       const std::string& failure)
{
    if (passed) return gateResult(GateStatus::Pass, fmt::format("testbench passed ({:.1f} s)", seconds));
    if (timedOut)
        return gateResult(GateStatus::Timeout,
                          fmt::format("the testbench did not finish in {} s", ctx.head.testbench.timeoutSeconds));
    const std::string message = "the testbench fails on head: " + oneLine(failure, 300);
    GateCheckResult r = gateResult(GateStatus::Fail, message);
    const auto [file, line] = firstChangedLine(ctx);
    r.findings.push_back(gateFinding(ctx, "gate-tests-failed", message, file, line));
    return r;
}

GateCheckResult runRtl(const GateDesignContext& ctx)
{
    SimBuildOptions bo;
    bo.jobs = ctx.jobs;
    auto build = buildSimulation(ctx.head, ctx.head.sources, SimKind::Testbench, {},
                                 ctx.work / "build", bo);
    if (!build)
        return buildFailure(ctx, build.error().message, verilatorErrorLocations(ctx.work / "build"));
    Sandbox sandbox(ctx.work / "run", {ctx.work});
    SimRunOptions ro;
    ro.timeoutSeconds = std::min(ctx.head.testbench.timeoutSeconds, ctx.timeoutSeconds);
    SimRun run = runTestbench(ctx.head, *build, sandbox, ro);
    std::string failure;
    if (!run.passed && !run.evidence.empty())
        failure = textField(nlohmann::json::parse(run.evidence, nullptr, false), "failure");
    return judged(ctx, run.passed, run.timedOut, run.seconds, failure);
}

GateCheckResult runHls(const GateDesignContext& ctx)
{
    CsimWorkspace ws(ctx.head, ctx.work, hls::defaultHlsIncludeDir());
    auto build = ws.build(ctx.head.sources, CsimFlavor::Sanitize, "original");
    if (!build) return buildFailure(ctx, "C simulation build failed: " + oneLine(build.error().log, 300),
                                    build.error().locations);
    CsimRun run = runCsim(ws, *build, 0, std::min(ctx.head.testbench.timeoutSeconds, ctx.timeoutSeconds));
    std::string failure = run.sanitizerReport;
    if (failure.empty()) failure = firstLineWith(run.out + "\n" + run.err, "FAIL");
    if (failure.empty()) failure = fmt::format("exit code {}", run.exitCode);
    return judged(ctx, run.passed, run.timedOut, run.seconds, failure);
}

class TestsCheck final : public GateCheck {
public:
    std::string_view id() const override { return "tests"; }
    std::string_view summary() const override { return "the design's own testbench passes on head"; }

    GateCheckResult run(const GateDesignContext& ctx) const override
    {
        return ctx.head.isRtl() ? runRtl(ctx) : runHls(ctx);
    }
};

}  // namespace

const GateCheck& testsGateCheck()
{
    static const TestsCheck check;
    return check;
}

}  // namespace veriloop
