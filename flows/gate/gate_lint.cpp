// Gate check `lint`: Verilator `--lint-only -Wall` on the design sources of head and of base.
// Errors always fail; a warning fails only when head has more of it than base (a warning is
// its code, file and message without positions, counted, so lines moved by the change do not
// make an old warning new).

#include <map>
#include <regex>

#include <fmt/format.h>

#include "core/text.h"
#include "core/toolchain.h"
#include "equivalence/sandbox.h"
#include "flows/gate/gate_check_kit.h"

namespace veriloop {

namespace {

struct LintMessage {
    bool error = false;
    std::string code;     // e.g. WIDTHEXPAND; empty for errors without one
    std::string file;     // design-relative; empty when the message has no location
    int line = 0, column = 0;
    std::string text;

    std::string key() const { return code + "\n" + file + "\n" + text; }
};

struct LintRun {
    bool ran = false;
    bool timedOut = false;
    std::string failure;  // why Verilator did not run
    std::vector<LintMessage> messages;
};

LintRun lint(const Design& d, const std::filesystem::path& work, double timeoutSeconds)
{
    std::vector<std::string> argv = {verilatorCommand(), "--lint-only", "-Wall", "-Wno-fatal",
                                     "--top-module", d.top};
    std::vector<std::filesystem::path> folders;
    for (const auto& s : d.sources) {
        const auto folder = (d.dir / s.path).parent_path();
        if (std::find(folders.begin(), folders.end(), folder) == folders.end()) folders.push_back(folder);
    }
    for (const auto& f : folders) argv.push_back("-I" + f.string());
    for (const auto& s : d.sources) argv.push_back((d.dir / s.path).string());
    Sandbox sandbox(work, d.inputFolders());
    SandboxLimits limits;
    limits.wallSeconds = timeoutSeconds;
    limits.memoryMiB = 4096;
    ProcessResult r = sandbox.run(argv, limits, work);
    LintRun out;
    out.timedOut = r.timedOut;
    if (r.startFailed || r.timedOut || r.signal) {
        out.failure = r.startFailed ? "verilator is not installed (see `veriloop doctor`)"
                                    : r.timedOut ? "Verilator did not finish in time"
                                                 : fmt::format("Verilator died (signal {})", r.signal);
        return out;
    }
    out.ran = true;
    static const std::regex located(R"(^%(Warning|Error)(?:-([A-Za-z0-9_]+))?: (.+?):(\d+):(\d+): (.*)$)");
    static const std::regex bare(R"(^%(Warning|Error)(?:-([A-Za-z0-9_]+))?: (.*)$)");
    const std::string dir = d.dir.string() + "/";
    for (const auto& line : splitLines(r.err + "\n" + r.out)) {
        std::smatch m;
        LintMessage msg;
        if (std::regex_match(line, m, located)) {
            msg.file = m[3].str();
            if (msg.file.rfind(dir, 0) == 0) msg.file = msg.file.substr(dir.size());
            msg.line = std::stoi(m[4].str());
            msg.column = std::stoi(m[5].str());
            msg.text = m[6].str();
        } else if (std::regex_match(line, m, bare)) {
            msg.text = m[3].str();
            if (msg.text.rfind("Exiting due to", 0) == 0) continue;
        } else {
            continue;
        }
        msg.error = m[1].str() == "Error";
        msg.code = m[2].str();
        out.messages.push_back(std::move(msg));
    }
    if (!r.ok() && out.messages.empty()) {
        out.ran = false;
        out.failure = "Verilator failed without a message: " + oneLine(r.err + r.out, 200);
    }
    return out;
}

class LintCheck final : public GateCheck {
public:
    std::string_view id() const override { return "lint"; }
    std::string_view summary() const override
    {
        return "Verilator --lint-only -Wall on head: errors, and warnings base does not have";
    }

    GateCheckResult run(const GateDesignContext& ctx) const override
    {
        if (!ctx.head.isRtl()) return gateResult(GateStatus::Skip, "RTL only (an HLS C++ design)");
        LintRun head = lint(ctx.head, ctx.work / "head", ctx.timeoutSeconds);
        if (!head.ran)
            return gateResult(head.timedOut ? GateStatus::Timeout : GateStatus::Error, head.failure);
        std::map<std::string, int> before;
        if (ctx.base && ctx.base->isRtl()) {
            LintRun base = lint(*ctx.base, ctx.work / "base", ctx.timeoutSeconds);
            for (const auto& m : base.messages) ++before[m.key()];
        }
        GateCheckResult r = gateResult(GateStatus::Pass, "");
        int errors = 0, fresh = 0, old = 0;
        for (const auto& m : head.messages) {
            if (!m.error && before[m.key()]-- > 0) {
                ++old;
                continue;
            }
            const std::string rule = m.error ? (m.code.empty() ? "gate-lint-error" : "gate-lint-" + m.code)
                                             : "gate-lint-" + m.code;
            GateFinding f = gateFinding(ctx, rule,
                                        fmt::format("{}{}: {}", m.error ? "%Error" : "%Warning",
                                                    m.code.empty() ? "" : "-" + m.code, m.text),
                                        m.file, m.line, m.column, 0, 0, m.key());
            r.findings.push_back(std::move(f));
            m.error ? ++errors : ++fresh;
        }
        r.status = errors + fresh ? GateStatus::Fail : GateStatus::Pass;
        r.summary = fmt::format("{} error(s), {} new warning(s), {} warning(s) also in base", errors,
                                fresh, old);
        r.details = {{"errors", errors}, {"new_warnings", fresh}, {"old_warnings", old}};
        return r;
    }
};

}  // namespace

const GateCheck& lintGateCheck()
{
    static const LintCheck check;
    return check;
}

}  // namespace veriloop
