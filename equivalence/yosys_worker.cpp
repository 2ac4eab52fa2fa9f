#include "equivalence/yosys_worker.h"

#include <cstdlib>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "core/text.h"

namespace veriloop {

namespace {

std::filesystem::path logOf(const std::filesystem::path& script)
{
    return script.string() + ".log";
}

std::string missingWorker()
{
    return fmt::format("{} is missing: build veriloop (cmake --build build), whose libyosys comes "
                       "from scripts/install_tools.sh",
                       yosysWorkerPath().string());
}

SandboxLimits workerLimits(double wallSeconds, long memoryMiB)
{
    SandboxLimits limits;
    limits.wallSeconds = wallSeconds;
    limits.cpuSeconds = 0;
    limits.memoryMiB = memoryMiB;
    return limits;
}

}  // namespace

std::filesystem::path yosysWorkerPath()
{
    if (const char* p = std::getenv("VERILOOP_YOSYS_WORKER")) return p;
    return VERILOOP_YOSYS_WORKER;
}

Sandbox yosysSandbox(const std::filesystem::path& workDir, std::vector<std::filesystem::path> readable)
{
    readable.push_back(VERILOOP_PYOSYS_DIR);
    return Sandbox(workDir, std::move(readable));
}

std::string yosysVersion()
{
    if (!std::filesystem::exists(yosysWorkerPath())) return {};
    ProcessSpec spec;
    spec.argv = {yosysWorkerPath().string(), "--version"};
    spec.timeoutSeconds = 20;
    ProcessResult r = runProcess(spec);
    return r.ok() ? oneLine(r.out, 200) : std::string{};
}

YosysRun runYosysScript(const Sandbox& sandbox, const std::filesystem::path& script,
                        const std::filesystem::path& cwd, double timeoutSeconds, long memoryMiB)
{
    YosysRun out;
    if (!std::filesystem::exists(yosysWorkerPath())) {
        out.failure = missingWorker();
        return out;
    }
    ProcessResult r = sandbox.run({yosysWorkerPath().string(), "--script", script.string(), "--log",
                                   logOf(script).string()},
                                  workerLimits(timeoutSeconds, memoryMiB), cwd);
    out.ok = r.ok();
    out.timedOut = r.timedOut;
    out.seconds = r.seconds;
    out.log = readFile(logOf(script)).value_or("");
    if (r.startFailed) out.failure = "veriloop-yosys did not start: " + oneLine(r.err, 300);
    return out;
}

YosysWorker::YosysWorker(const Sandbox& sandbox, long memoryMiB)
{
    if (!std::filesystem::exists(yosysWorkerPath())) {
        startFailure_ = missingWorker();
        return;
    }
    // The worker lives as long as its owner; each request has its own limit below.
    ProcessSpec spec = sandbox.processSpec({yosysWorkerPath().string(), "--serve"},
                                           workerLimits(1e9, memoryMiB), sandbox.workDir());
    spec.cpuLimitSeconds = 0;
    process_ = Coprocess::start(spec);
    if (!process_) startFailure_ = "veriloop-yosys did not start";
}

YosysWorker::~YosysWorker() = default;

YosysRun YosysWorker::load(const std::filesystem::path& script, double timeoutSeconds)
{
    return request({{"op", "load"}, {"script", script.string()}, {"log", logOf(script).string()}},
                   script, timeoutSeconds);
}

YosysRun YosysWorker::run(const std::filesystem::path& script, const std::filesystem::path& cwd,
                          double timeoutSeconds)
{
    return request({{"op", "run"}, {"script", script.string()}, {"log", logOf(script).string()},
                    {"cwd", cwd.string()}, {"timeout", timeoutSeconds}},
                   script, timeoutSeconds);
}

YosysRun YosysWorker::request(const nlohmann::json& message, const std::filesystem::path& script,
                              double timeoutSeconds)
{
    YosysRun out;
    if (!process_ || !process_->running()) {
        out.failure = startFailure_.empty() ? "the Yosys worker has ended: " + oneLine(process_ ? process_->errors() : "", 300)
                                            : startFailure_;
        out.log = readFile(logOf(script)).value_or("");
        return out;
    }
    // The worker enforces the limit on the fork; the margin here catches a worker that hangs.
    const auto reply = process_->exchange(message.dump(), timeoutSeconds + 30);
    out.log = readFile(logOf(script)).value_or("");
    if (!reply) {
        out.failure = "the Yosys worker ended during the request";
        if (!process_->errors().empty()) out.failure += ": " + oneLine(process_->errors(), 300);
        return out;
    }
    const auto j = nlohmann::json::parse(*reply, nullptr, false);
    if (!j.is_object()) {
        out.failure = "unreadable reply from the Yosys worker: " + oneLine(*reply, 200);
        return out;
    }
    out.timedOut = j.value("timed_out", false);
    out.ok = j.value("exit", -1) == 0 && !out.timedOut;
    out.seconds = j.value("seconds", 0.0);
    return out;
}

}  // namespace veriloop
