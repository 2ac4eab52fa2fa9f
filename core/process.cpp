#include "core/process.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstring>

namespace veriloop {

namespace {

void setLimit(int resource, long value)
{
    if (value <= 0) return;
    struct rlimit rl;
    rl.rlim_cur = rl.rlim_max = static_cast<rlim_t>(value);
    setrlimit(resource, &rl);
}

// In the child, after fork: only async-signal-safe calls until exec.
[[noreturn]] void execChild(const ProcessSpec& spec, int outFd, int errFd,
                            const std::vector<char*>& argv)
{
    setpgid(0, 0);
    dup2(outFd, STDOUT_FILENO);
    dup2(errFd, STDERR_FILENO);
    int devnull = open("/dev/null", O_RDONLY);
    if (devnull >= 0) dup2(devnull, STDIN_FILENO);
    if (!spec.cwd.empty() && chdir(spec.cwd.c_str()) != 0) _exit(127);
    setLimit(RLIMIT_AS, spec.memoryLimitMiB * 1024L * 1024L);
    setLimit(RLIMIT_CPU, spec.cpuLimitSeconds);
    setLimit(RLIMIT_FSIZE, spec.fileSizeLimitMiB * 1024L * 1024L);
    setLimit(RLIMIT_CORE, 0);
    for (const auto& [k, v] : spec.env) setenv(k.c_str(), v.c_str(), 1);
    execvp(argv[0], argv.data());
    _exit(127);
}

void drain(int fd, std::string& into, size_t cap)
{
    char buf[8192];
    while (true) {
        ssize_t n = read(fd, buf, sizeof buf);
        if (n <= 0) return;
        size_t room = cap > into.size() ? cap - into.size() : 0;
        into.append(buf, std::min(room, static_cast<size_t>(n)));
    }
}

}  // namespace

ProcessResult runProcess(const ProcessSpec& spec)
{
    ProcessResult result;
    if (spec.argv.empty()) {
        result.startFailed = true;
        return result;
    }
    std::vector<char*> argv;
    for (const auto& a : spec.argv) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    int outPipe[2], errPipe[2];
    if (pipe2(outPipe, O_CLOEXEC) != 0 || pipe2(errPipe, O_CLOEXEC) != 0) {
        result.startFailed = true;
        return result;
    }
    const auto start = std::chrono::steady_clock::now();
    pid_t pid = fork();
    if (pid < 0) {
        result.startFailed = true;
        return result;
    }
    if (pid == 0) execChild(spec, outPipe[1], errPipe[1], argv);
    setpgid(pid, pid);
    close(outPipe[1]);
    close(errPipe[1]);
    fcntl(outPipe[0], F_SETFL, O_NONBLOCK);
    fcntl(errPipe[0], F_SETFL, O_NONBLOCK);

    int status = 0;
    bool exited = false;
    const auto deadline = start + std::chrono::duration<double>(spec.timeoutSeconds);
    while (!exited) {
        struct pollfd fds[2] = {{outPipe[0], POLLIN, 0}, {errPipe[0], POLLIN, 0}};
        poll(fds, 2, 20);
        drain(outPipe[0], result.out, spec.maxCaptureBytes);
        drain(errPipe[0], result.err, spec.maxCaptureBytes);
        pid_t w = waitpid(pid, &status, WNOHANG);
        if (w == pid) {
            exited = true;
        } else if (std::chrono::steady_clock::now() > deadline) {
            result.timedOut = true;
            kill(-pid, SIGKILL);
            waitpid(pid, &status, 0);
            exited = true;
        }
    }
    kill(-pid, SIGKILL);  // anything the child left behind in its group
    drain(outPipe[0], result.out, spec.maxCaptureBytes);
    drain(errPipe[0], result.err, spec.maxCaptureBytes);
    close(outPipe[0]);
    close(errPipe[0]);
    result.seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (WIFEXITED(status)) result.exitCode = WEXITSTATUS(status);
    if (WIFSIGNALED(status)) result.signal = WTERMSIG(status);
    if (result.exitCode == 127 && result.err.empty() && !result.timedOut) result.startFailed = true;
    return result;
}

bool onPath(const std::string& program)
{
    const char* path = getenv("PATH");
    if (!path) return false;
    std::string p(path);
    size_t start = 0;
    while (start <= p.size()) {
        size_t colon = p.find(':', start);
        std::string dir = p.substr(start, colon == std::string::npos ? std::string::npos
                                                                     : colon - start);
        if (!dir.empty() && access((dir + "/" + program).c_str(), X_OK) == 0) return true;
        if (colon == std::string::npos) break;
        start = colon + 1;
    }
    return false;
}

std::string toolVersion(const std::vector<std::string>& argv)
{
    if (argv.empty() || !onPath(argv[0])) return {};
    ProcessSpec spec;
    spec.argv = argv;
    spec.timeoutSeconds = 10;
    ProcessResult r = runProcess(spec);
    std::string text = r.out.empty() ? r.err : r.out;
    auto nl = text.find('\n');
    return text.substr(0, nl);
}

}  // namespace veriloop
