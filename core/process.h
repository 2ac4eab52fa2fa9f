#pragma once
// Runs a child process in its own process group with a wall-clock limit and optional
// resource limits, capturing its output. At a limit the whole group is killed, so nothing
// the child started is left running. The process count is watched from outside (every
// 50 ms, over the child's whole tree) because RLIMIT_NPROC does not bind root; for other
// users it is also the kernel's RLIMIT_NPROC.

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
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
    long openFilesLimit = 0;             // RLIMIT_NOFILE; 0: inherited
    long maxProcesses = 0;               // processes alive at once in the child's tree; 0: any
    int niceness = 0;                    // > 0: the child runs below veriloop's priority
    bool cleanEnv = false;               // true: the child sees only `env`
    std::map<std::string, std::string> env;  // added to the inherited environment
    size_t maxCaptureBytes = 1 << 20;    // output beyond this is dropped
};

struct ProcessResult {
    int exitCode = -1;     // valid when exited
    int signal = 0;        // terminating signal, 0 when it exited
    bool timedOut = false;
    bool tooManyProcesses = false;  // killed for passing maxProcesses
    bool startFailed = false;
    std::string out;       // stdout
    std::string err;       // stderr
    double seconds = 0;

    bool ok() const
    {
        return !timedOut && !tooManyProcesses && !startFailed && signal == 0 && exitCode == 0;
    }
};

ProcessResult runProcess(const ProcessSpec& spec);

/// A child kept running to answer requests, one line in and one line out over its stdin and
/// stdout, under the resource limits of `spec` (its timeoutSeconds is per request instead; the
/// process-count watchdog does not run, so only RLIMIT_NPROC bounds forks of a non-root child).
/// Its process group is killed when a request times out, when it dies, and on destruction.
class Coprocess {
public:
    static std::unique_ptr<Coprocess> start(const ProcessSpec& spec);
    ~Coprocess();

    /// Sends `line` and waits up to `timeoutSeconds` for one line back; nullopt when the child
    /// ended or did not answer in time (it is stopped then).
    std::optional<std::string> exchange(const std::string& line, double timeoutSeconds);
    bool running() const { return pid_ > 0; }
    /// What the child wrote to stderr so far (bounded).
    const std::string& errors() const { return errors_; }

private:
    Coprocess() = default;
    void stop();

    int pid_ = -1;
    int in_ = -1, out_ = -1, err_ = -1;
    size_t maxCapture_ = 0;
    std::string pending_, errors_;
};

/// True when `program` is found on PATH.
bool onPath(const std::string& program);

/// First line of `program --version` style output, or empty.
std::string toolVersion(const std::vector<std::string>& argv);

}  // namespace veriloop
