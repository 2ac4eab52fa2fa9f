#pragma once
// The one way untrusted code runs (mutants, testbenches, proposed patches): its own process
// group, wall-clock, CPU and memory limits, a private working directory that is the only
// writable place, and no network. bubblewrap provides the isolation when it is installed and
// usable; otherwise the limits still apply through rlimits.

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "core/process.h"

namespace veriloop {

struct SandboxLimits {
    double wallSeconds = 10;
    long cpuSeconds = 0;      // 0: derived from wallSeconds
    long memoryMiB = 4096;
    long fileSizeMiB = 256;
};

class Sandbox {
public:
    /// `workDir` is the only directory the sandboxed process may write.
    explicit Sandbox(std::filesystem::path workDir);

    ProcessResult run(const std::vector<std::string>& argv, const SandboxLimits& limits,
                      const std::filesystem::path& cwd = {},
                      const std::map<std::string, std::string>& env = {}) const;

    bool isolated() const { return useBwrap_; }
    const std::filesystem::path& workDir() const { return workDir_; }

    /// Whether bubblewrap works on this machine (checked once).
    static bool bubblewrapUsable();

private:
    std::filesystem::path workDir_;
    bool useBwrap_;
};

}  // namespace veriloop
