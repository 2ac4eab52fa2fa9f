// Gate check `assertions`: the design's property file (veriloop.toml `properties = "..."`, a
// module plus a `bind`, hand-written or from `veriloop assert`) still holds on head. Method:
// simulation - head's own testbench built with the properties and Verilator's `--assert`; a
// violated assertion stops the run. That is evidence on the testbench's stimulus, not a proof,
// and the report says so.

#include <regex>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "core/json_text.h"
#include "core/text.h"
#include "equivalence/verilator_sim.h"
#include "flows/gate/gate_check_kit.h"
#include "frontend/rtl/slang_elaboration.h"

namespace veriloop {

namespace {

constexpr const char* kMethod = "simulation: the design's testbench with the properties bound "
                                "(Verilator --assert)";

class AssertionsCheck final : public GateCheck {
public:
    std::string_view id() const override { return "assertions"; }
    std::string_view summary() const override
    {
        return "the design's property file still holds on head (testbench simulation with --assert)";
    }

    GateCheckResult run(const GateDesignContext& ctx) const override
    {
        const std::string& props = ctx.settings.properties;
        if (!ctx.head.isRtl()) return gateResult(GateStatus::Skip, "RTL only (an HLS C++ design)");
        if (props.empty())
            return gateResult(GateStatus::Skip, fmt::format("no property file configured ([gate.design.{}] "
                                                            "properties = \"...\")", ctx.head.name));
        auto text = readFile(ctx.head.dir / props);
        if (!text || !isWithin(std::filesystem::weakly_canonical(ctx.head.dir / props),
                               std::filesystem::weakly_canonical(ctx.head.dir))) {
            GateCheckResult r = gateResult(GateStatus::Fail, "the property file " + props +
                                                                 " is missing in head (or outside the design folder)");
            r.findings.push_back(gateFinding(ctx, "gate-assertions-missing", r.summary, "design.toml"));
            return r;
        }
        // A file without an assertion would pass whatever head does: never a silent PASS.
        const int asserts = rtl::countAssertStatements(*text);
        if (asserts == 0) {
            GateCheckResult r = gateResult(GateStatus::Fail, "the property file " + props +
                                                                 " holds no assert statement; it checks nothing");
            r.findings.push_back(gateFinding(ctx, "gate-assertions-empty", r.summary, props, 1));
            return r;
        }
        auto files = ctx.head.sources;
        files.push_back({props, *text});
        SimBuildOptions bo;
        bo.jobs = ctx.jobs;
        bo.assertions = true;
        auto build = buildSimulation(ctx.head, files, SimKind::Testbench, {}, ctx.work / "build", bo);
        if (!build) {
            GateCheckResult r = gateResult(GateStatus::Fail, "head with the properties does not build: " +
                                                                 build.error().message);
            for (const auto& loc : verilatorErrorLocations(ctx.work / "build"))
                r.findings.push_back(gateFinding(ctx, "gate-assertions-build", r.summary, loc.file,
                                                 loc.line, loc.column));
            return r;
        }
        Sandbox sandbox(ctx.work / "run", {ctx.work});
        SimRunOptions ro;
        ro.timeoutSeconds = std::min(ctx.head.testbench.timeoutSeconds, ctx.timeoutSeconds);
        SimRun run = runTestbench(ctx.head, *build, sandbox, ro);
        GateCheckResult r;
        if (run.passed) {
            r = gateResult(GateStatus::Pass, fmt::format("every assertion of {} ({} assert statements) held ({})",
                                                         props, asserts, kMethod));
        } else if (run.timedOut) {
            r = gateResult(GateStatus::Timeout, "the testbench with the properties did not finish in time");
        } else {
            r = violation(ctx, run, props);
        }
        r.details = {{"method", kMethod}, {"properties", props}, {"assert_statements", asserts}};
        return r;
    }

private:
    // Verilator reports "%Error: <file>:<line>: Assertion failed in ...": point at that line.
    static GateCheckResult violation(const GateDesignContext& ctx, const SimRun& run,
                                     const std::string& props)
    {
        const std::string out = run.output + "\n" +
                                textField(nlohmann::json::parse(run.evidence, nullptr, false), "failure");
        static const std::regex failed(R"(([^\s:]+):(\d+):(?:\d+:)? *Assertion failed[^\n]*)");
        std::smatch m;
        std::string file = props;
        int line = 0;
        std::string what = oneLine(firstLine(out), 300);
        if (std::regex_search(out, m, failed)) {
            const std::string path = m[1].str();
            for (const auto& f : ctx.head.sources)
                if (path.size() >= f.path.size() && path.compare(path.size() - f.path.size(), f.path.size(), f.path) == 0)
                    file = f.path;
            line = std::stoi(m[2].str());
            what = oneLine(m[0].str(), 300);
        }
        GateCheckResult r = gateResult(GateStatus::Fail, "an assertion fails on head: " + what);
        r.findings.push_back(gateFinding(ctx, "gate-assertions-violated", r.summary, file, line));
        return r;
    }

    static std::string firstLine(const std::string& text)
    {
        for (const auto& l : splitLines(text))
            if (!l.empty()) return l;
        return "the testbench failed";
    }
};

}  // namespace

const GateCheck& assertionsGateCheck()
{
    static const AssertionsCheck check;
    return check;
}

}  // namespace veriloop
