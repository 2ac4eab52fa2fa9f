#include "core/process.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstring>
#include <fstream>
#include <map>
#include <sstream>

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
// `inFd` < 0: stdin is /dev/null.
[[noreturn]] void execChild(const ProcessSpec& spec, int inFd, int outFd, int errFd,
                            const std::vector<char*>& argv, const std::vector<char*>& envp)
{
    setpgid(0, 0);
    dup2(outFd, STDOUT_FILENO);
    dup2(errFd, STDERR_FILENO);
    if (inFd < 0) inFd = open("/dev/null", O_RDONLY);
    if (inFd >= 0) dup2(inFd, STDIN_FILENO);
    if (!spec.cwd.empty() && chdir(spec.cwd.c_str()) != 0) _exit(127);
    setLimit(RLIMIT_AS, spec.memoryLimitMiB * 1024L * 1024L);
    setLimit(RLIMIT_CPU, spec.cpuLimitSeconds);
    setLimit(RLIMIT_FSIZE, spec.fileSizeLimitMiB * 1024L * 1024L);
    setLimit(RLIMIT_NOFILE, spec.openFilesLimit);
    if (spec.maxProcesses > 0 && getuid() != 0) setLimit(RLIMIT_NPROC, spec.maxProcesses);
    if (spec.niceness > 0) setpriority(PRIO_PROCESS, 0, spec.niceness);
    setLimit(RLIMIT_CORE, 0);
    execvpe(argv[0], argv.data(), envp.data());
    _exit(127);
}

// The child's environment: veriloop's own (unless cleanEnv) with `env` laid over it.
std::vector<std::string> childEnvironment(const ProcessSpec& spec)
{
    std::map<std::string, std::string> vars;
    if (!spec.cleanEnv)
        for (char** e = environ; *e; ++e) {
            const std::string entry(*e);
            const auto eq = entry.find('=');
            if (eq != std::string::npos) vars[entry.substr(0, eq)] = entry.substr(eq + 1);
        }
    for (const auto& [k, v] : spec.env) vars[k] = v;
    std::vector<std::string> out;
    for (const auto& [k, v] : vars) out.push_back(k + "=" + v);
    return out;
}

// Processes in the tree under `root` (itself included), from /proc.
long processTreeSize(pid_t root)
{
    std::map<pid_t, std::vector<pid_t>> children;
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator("/proc", ec)) {
        const std::string name = entry.path().filename().string();
        if (name.empty() || name.find_first_not_of("0123456789") != std::string::npos) continue;
        std::ifstream stat(entry.path() / "stat");
        std::string line;
        if (!std::getline(stat, line)) continue;
        const auto close = line.rfind(')');  // the command name may hold spaces and parens
        if (close == std::string::npos) continue;
        std::istringstream rest(line.substr(close + 1));
        std::string state;
        pid_t parent = 0;
        rest >> state >> parent;
        children[parent].push_back(static_cast<pid_t>(std::stol(name)));
    }
    long count = 0;
    std::vector<pid_t> todo = {root};
    while (!todo.empty()) {
        const pid_t p = todo.back();
        todo.pop_back();
        ++count;
        for (pid_t c : children[p]) todo.push_back(c);
    }
    return count;
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

// NULL-terminated pointers into `strings`, for exec.
std::vector<char*> cStrings(const std::vector<std::string>& strings)
{
    std::vector<char*> out;
    for (const auto& s : strings) out.push_back(const_cast<char*>(s.c_str()));
    out.push_back(nullptr);
    return out;
}

}  // namespace

ProcessResult runProcess(const ProcessSpec& spec)
{
    ProcessResult result;
    if (spec.argv.empty()) {
        result.startFailed = true;
        return result;
    }
    const std::vector<char*> argv = cStrings(spec.argv);
    const std::vector<std::string> environment = childEnvironment(spec);
    const std::vector<char*> envp = cStrings(environment);
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
    if (pid == 0) execChild(spec, -1, outPipe[1], errPipe[1], argv, envp);
    setpgid(pid, pid);
    close(outPipe[1]);
    close(errPipe[1]);
    fcntl(outPipe[0], F_SETFL, O_NONBLOCK);
    fcntl(errPipe[0], F_SETFL, O_NONBLOCK);

    int status = 0;
    bool exited = false;
    const auto deadline = start + std::chrono::duration<double>(spec.timeoutSeconds);
    auto nextCount = start + std::chrono::milliseconds(50);
    while (!exited) {
        struct pollfd fds[2] = {{outPipe[0], POLLIN, 0}, {errPipe[0], POLLIN, 0}};
        poll(fds, 2, 20);
        drain(outPipe[0], result.out, spec.maxCaptureBytes);
        drain(errPipe[0], result.err, spec.maxCaptureBytes);
        pid_t w = waitpid(pid, &status, WNOHANG);
        const auto now = std::chrono::steady_clock::now();
        if (w == pid) {
            exited = true;
            continue;
        }
        if (spec.maxProcesses > 0 && now > nextCount) {
            nextCount = now + std::chrono::milliseconds(50);
            result.tooManyProcesses = processTreeSize(pid) > spec.maxProcesses;
        }
        result.timedOut = now > deadline;
        if (result.timedOut || result.tooManyProcesses) {
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
    if (program.find('/') != std::string::npos) return access(program.c_str(), X_OK) == 0;
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

std::unique_ptr<Coprocess> Coprocess::start(const ProcessSpec& spec)
{
    if (spec.argv.empty()) return nullptr;
    signal(SIGPIPE, SIG_IGN);  // a child that died shows as an ended request, not as a signal
    const std::vector<char*> argv = cStrings(spec.argv);
    const std::vector<std::string> environment = childEnvironment(spec);
    const std::vector<char*> envp = cStrings(environment);
    int inPipe[2], outPipe[2], errPipe[2];
    if (pipe2(inPipe, O_CLOEXEC) != 0 || pipe2(outPipe, O_CLOEXEC) != 0 || pipe2(errPipe, O_CLOEXEC) != 0)
        return nullptr;
    pid_t pid = fork();
    if (pid < 0) return nullptr;
    if (pid == 0) execChild(spec, inPipe[0], outPipe[1], errPipe[1], argv, envp);
    setpgid(pid, pid);
    close(inPipe[0]);
    close(outPipe[1]);
    close(errPipe[1]);
    fcntl(outPipe[0], F_SETFL, O_NONBLOCK);
    fcntl(errPipe[0], F_SETFL, O_NONBLOCK);
    auto c = std::unique_ptr<Coprocess>(new Coprocess);
    c->pid_ = pid;
    c->in_ = inPipe[1];
    c->out_ = outPipe[0];
    c->err_ = errPipe[0];
    c->maxCapture_ = spec.maxCaptureBytes;
    return c;
}

std::optional<std::string> Coprocess::exchange(const std::string& line, double timeoutSeconds)
{
    if (pid_ <= 0) return std::nullopt;
    const std::string message = line + "\n";
    if (write(in_, message.data(), message.size()) != static_cast<ssize_t>(message.size())) {
        stop();
        return std::nullopt;
    }
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(timeoutSeconds);
    while (std::chrono::steady_clock::now() < deadline) {
        struct pollfd fds[2] = {{out_, POLLIN, 0}, {err_, POLLIN, 0}};
        poll(fds, 2, 20);
        drain(err_, errors_, maxCapture_);
        char buf[4096];
        ssize_t n = read(out_, buf, sizeof buf);
        if (n > 0) pending_.append(buf, static_cast<size_t>(n));
        const auto newline = pending_.find('\n');
        if (newline != std::string::npos) {
            std::string reply = pending_.substr(0, newline);
            pending_.erase(0, newline + 1);
            return reply;
        }
        if (n == 0) break;  // the child closed its output: it ended
    }
    stop();
    return std::nullopt;
}

void Coprocess::stop()
{
    if (pid_ <= 0) return;
    kill(-pid_, SIGKILL);
    int status = 0;
    waitpid(pid_, &status, 0);
    drain(err_, errors_, maxCapture_);
    close(in_);
    close(out_);
    close(err_);
    pid_ = -1;
}

Coprocess::~Coprocess()
{
    stop();
}

}  // namespace veriloop
