#pragma once
// Runs a child process in its own process group with a wall-clock limit and optional
// resource limits, capturing its output. On timeout the whole group is killed, so nothing
// the child started is left running.

#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace veriloop {

struct ProcessSpec {
    std::vector<std::string> argv;
    std::filesystem::path cwd;           // empty: inherit
    double timeoutSeconds = 60;
    long memoryLimitMiB = 0;             // RLIMIT_AS; 0: none
    long cpuLimitSeconds = 0;            // RLIMIT_CPU; 0: none
    long fileSizeLimitMiB = 0;           // RLIMIT_FSIZE; 0: none
    std::map<std::string, std::string> env;  // added to the inherited environment
    size_t maxCaptureBytes = 1 << 20;    // output beyond this is dropped
};

struct ProcessResult {
    int exitCode = -1;     // valid when exited
    int signal = 0;        // terminating signal, 0 when it exited
    bool timedOut = false;
    bool startFailed = false;
    std::string out;       // stdout
    std::string err;       // stderr
    double seconds = 0;

    bool ok() const { return !timedOut && !startFailed && signal == 0 && exitCode == 0; }
};

ProcessResult runProcess(const ProcessSpec& spec);

/// True when `program` is found on PATH.
bool onPath(const std::string& program);

/// First line of `program --version` style output, or empty.
std::string toolVersion(const std::vector<std::string>& argv);

}  // namespace veriloop
