// Gate check `equivalence`: when the change is declared behavior-preserving (veriloop.toml
// `equivalent = [...]` or a commit trailer `Veriloop-Equivalent: <module>` naming a module of
// the design), base and head are proved equivalent with libyosys: the same miter, X handling
// and reset sequence as dataset labeling, checked at the design's top with every module
// flattened. A counterexample is replayed in Verilator (base and head built plainly, the same
// input trace) and reported with its cycle, inputs and differing output; its VCD is kept. An
// unknown result or an unsupported construct fails with the reason: only a proof passes.

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "core/json_text.h"
#include "core/text.h"
#include "equivalence/counterexample_replay.h"
#include "equivalence/yosys_formal.h"
#include "flows/gate/gate_check_kit.h"
#include "frontend/rtl/rtl_frontend.h"

namespace veriloop {

namespace {

std::vector<PortInfo> portsOf(const rtl::RtlFrontendResult& a)
{
    std::vector<PortInfo> ports;
    for (const auto& p : a.topPorts) ports.push_back({p.name, p.width, p.dir});
    return ports;
}

class EquivalenceCheck final : public GateCheck {
public:
    std::string_view id() const override { return "equivalence"; }
    std::string_view summary() const override
    {
        return "a change declared behavior-preserving is proved equivalent to base (libyosys)";
    }

    GateCheckResult run(const GateDesignContext& ctx) const override
    {
        if (!ctx.head.isRtl()) return gateResult(GateStatus::Skip, "RTL only (an HLS C++ design)");
        auto head = rtl::analyzeRtlDesign(ctx.head);
        if (!head) return gateResult(GateStatus::Error, "head does not elaborate: " + head.error().format());
        std::string declared;
        for (const auto& name : ctx.declaredEquivalent) {
            bool ours = name == ctx.head.top || name == ctx.head.name;
            for (const auto& m : head->modules) ours = ours || m.name == name;
            if (ours) declared += (declared.empty() ? "" : ", ") + name;
        }
        if (declared.empty())
            return gateResult(GateStatus::Skip, "no module of this design is declared behavior-preserving");
        if (!ctx.base)
            return gateResult(GateStatus::Fail, "declared equivalent (" + declared +
                                                    ") but the design is new: there is no base to compare");
        FormalOptions fo;
        fo.bound = ctx.settings.formalBound;
        fo.timeoutSeconds = std::max(1.0, ctx.timeoutSeconds - 5);
        fo.structuralFirst = true;
        FormalResult f = checkEquivalence(ctx.head, ctx.base->sources, ctx.head.sources,
                                          ctx.work / "formal", fo);
        GateCheckResult r;
        const auto [file, line] = firstChangedLine(ctx);
        switch (f.status) {
        case FormalStatus::Equivalent:
            r = gateResult(GateStatus::Pass,
                           ctx.head.clock.empty()
                               ? fmt::format("proved equivalent ({}, complete)", f.engine)
                               : f.engine == "equiv-induct"
                               ? fmt::format("proved equivalent ({}: registers paired by name, "
                                             "induction over depth {})", f.engine, f.bound)
                               : fmt::format("proved equivalent ({}, induction to depth {} with the "
                                             "reset sequence)", f.engine, f.bound));
            break;
        case FormalStatus::NonEquivalent:
            r = counterexample(ctx, *head, f);
            break;
        case FormalStatus::Unknown:
        case FormalStatus::Error: {
            const bool timedOut = f.message.find("time") != std::string::npos;
            const std::string why = f.message.empty()
                                        ? fmt::format("no proof within depth {}", f.bound)
                                        : oneLine(f.message, 300);
            r = gateResult(timedOut ? GateStatus::Timeout : GateStatus::Fail,
                           "declared equivalent but not proved (" + why + "); only a proof passes");
            r.findings.push_back(gateFinding(ctx, "gate-equivalence-unproved", r.summary, file, line));
            break;
        }
        }
        r.details["declared"] = declared;
        r.details["engine"] = f.engine;
        r.details["bound"] = f.bound;
        return r;
    }

private:
    GateCheckResult counterexample(const GateDesignContext& ctx, const rtl::RtlFrontendResult& head,
                                   const FormalResult& f) const
    {
        GateCheckResult r = gateResult(GateStatus::Fail, "");
        std::error_code ec;
        if (!f.vcd.empty() && std::filesystem::exists(f.vcd)) {
            std::filesystem::create_directories(ctx.artifacts, ec);
            const auto vcd = ctx.artifacts / "equivalence-counterexample.vcd";
            std::filesystem::copy_file(f.vcd, vcd, std::filesystem::copy_options::overwrite_existing, ec);
            if (!ec) r.artifacts.push_back(vcd.string());
        }
        CounterexampleReplayer replayer(*ctx.base, ctx.base->sources, portsOf(head), ctx.work / "replay", ctx.jobs);
        const std::string mismatch = replayer.replay(ctx.head, ctx.head.sources, f.trace, "head");
        const auto [file, line] = firstChangedLine(ctx);
        if (mismatch.empty()) {
            r.summary = fmt::format("Yosys found a counterexample (inputs: {}) that did not replay in "
                                    "Verilator; the change is not proved equivalent",
                                    counterexampleInputsText(f.trace, ctx.head.clock));
        } else {
            auto ev = nlohmann::json::parse(mismatch, nullptr, false);
            r.summary = fmt::format(
                "not equivalent: at cycle {} output {} is {} in base and {} in head (inputs: {})",
                ev.value("cycle", 0), ev.value("signal", std::string("?")),
                ev.value("expected", std::string("?")), ev.value("actual", std::string("?")),
                counterexampleInputsText(f.trace, ctx.head.clock));
            r.details["replay"] = ev;
        }
        if (!r.artifacts.empty()) r.summary += "; waveform: " + r.artifacts.front();
        r.findings.push_back(gateFinding(ctx, "gate-equivalence-counterexample", r.summary, file, line));
        return r;
    }
};

}  // namespace

const GateCheck& equivalenceGateCheck()
{
    static const EquivalenceCheck check;
    return check;
}

}  // namespace veriloop
