#include "equivalence/sandbox.h"

#include <cmath>
#include <cstdlib>

namespace veriloop {

bool Sandbox::bubblewrapUsable()
{
    static const bool usable = [] {
        if (std::getenv("VERILOOP_NO_BWRAP") || !onPath("bwrap")) return false;
        ProcessSpec spec;
        spec.argv = {"bwrap", "--ro-bind", "/", "/", "--dev", "/dev", "--unshare-net",
                     "--die-with-parent", "true"};
        spec.timeoutSeconds = 10;
        return runProcess(spec).ok();
    }();
    return usable;
}

Sandbox::Sandbox(std::filesystem::path workDir)
    : workDir_(std::filesystem::absolute(workDir)), useBwrap_(bubblewrapUsable())
{
    std::filesystem::create_directories(workDir_);
}

ProcessResult Sandbox::run(const std::vector<std::string>& argv, const SandboxLimits& limits,
                           const std::filesystem::path& cwd,
                           const std::map<std::string, std::string>& env) const
{
    ProcessSpec spec;
    const std::filesystem::path dir = cwd.empty() ? workDir_ : std::filesystem::absolute(cwd);
    spec.timeoutSeconds = limits.wallSeconds;
    spec.cpuLimitSeconds =
        limits.cpuSeconds > 0 ? limits.cpuSeconds
                              : static_cast<long>(std::ceil(limits.wallSeconds)) + 1;
    spec.memoryLimitMiB = limits.memoryMiB;
    spec.fileSizeLimitMiB = limits.fileSizeMiB;
    spec.env = env;
    spec.env["TMPDIR"] = workDir_.string();
    if (useBwrap_) {
        spec.argv = {"bwrap",        "--ro-bind",         "/",    "/",
                     "--dev",        "/dev",              "--proc", "/proc",
                     "--bind", workDir_.string(),
                     workDir_.string(), "--unshare-net",  "--unshare-pid",
                     "--die-with-parent", "--chdir",      dir.string(), "--"};
        spec.argv.insert(spec.argv.end(), argv.begin(), argv.end());
    } else {
        spec.argv = argv;
        spec.cwd = dir;
    }
    return runProcess(spec);
}

}  // namespace veriloop
