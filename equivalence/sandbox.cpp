#include "equivalence/sandbox.h"

#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>

#include "core/text.h"
#include "core/toolchain.h"

namespace veriloop {

namespace {

constexpr const char* kSandboxId = "65534";  // nobody/nogroup

// What a compiler, a simulator and Yosys need from the system, all read-only.
const std::vector<std::string>& systemFiles()
{
    static const std::vector<std::string> files = {
        "/etc/alternatives", "/etc/ld.so.cache", "/etc/ld.so.conf", "/etc/ld.so.conf.d",
        "/etc/localtime",    "/etc/perl",        "/etc/python3",    "/etc/python3.11"};
    return files;
}

// Top-level folders of the system: bound as they are, or recreated as the symlinks they are
// on a merged-/usr system (/bin -> usr/bin).
const std::vector<std::string>& systemRoots()
{
    static const std::vector<std::string> roots = {"/usr", "/bin", "/sbin", "/lib", "/lib32", "/lib64", "/opt"};
    return roots;
}

// A folder that may be shown read-only: at least two levels deep (never /, /etc, /root or
// /home as a whole), outside the system folders and the work directory.
bool showable(const std::filesystem::path& dir, const std::filesystem::path& workDir)
{
    const auto depth = std::distance(dir.begin(), dir.end());  // "/", "a", "b"
    return depth >= 3 && !isWithin(dir, workDir) &&
           std::none_of(systemRoots().begin(), systemRoots().end(),
                        [&](const std::string& r) { return isWithin(dir, r); });
}

std::vector<std::string> systemBinds()
{
    std::vector<std::string> args;
    for (const auto& root : systemRoots()) {
        std::error_code ec;
        const auto status = std::filesystem::symlink_status(root, ec);
        if (ec || !std::filesystem::exists(status)) continue;
        if (std::filesystem::is_symlink(status))
            args.insert(args.end(), {"--symlink", std::filesystem::read_symlink(root, ec).string(), root});
        else
            args.insert(args.end(), {"--ro-bind", root, root});
    }
    for (const auto& f : systemFiles()) args.insert(args.end(), {"--ro-bind-try", f, f});
    return args;
}

// Namespaces, user and the system part of the filesystem: every run's arguments up to its
// inputs, and exactly what the usability probe tries.
std::vector<std::string> isolationArgs()
{
    std::vector<std::string> args = {"bwrap", "--unshare-all", "--unshare-user", "--uid", kSandboxId,
                                     "--gid", kSandboxId, "--die-with-parent", "--new-session",
                                     "--cap-drop", "ALL"};
    const auto binds = systemBinds();
    args.insert(args.end(), binds.begin(), binds.end());
    args.insert(args.end(), {"--dev", "/dev", "--proc", "/proc", "--size", "67108864", "--tmpfs",
                             "/tmp", "--size", "67108864", "--tmpfs", "/dev/shm"});
    return args;
}

}  // namespace

const std::vector<std::string>& Sandbox::inheritedVariables()
{
    static const std::vector<std::string> names = {"PATH", "YOSYS_DATDIR"};
    return names;
}

bool Sandbox::bubblewrapUsable()
{
    static const bool usable = [] {
        if (std::getenv("VERILOOP_NO_BWRAP") || !onPath("bwrap")) return false;
        ProcessSpec spec;
        spec.argv = isolationArgs();
        spec.argv.insert(spec.argv.end(), {"--remount-ro", "/", "true"});
        spec.timeoutSeconds = 10;
        return runProcess(spec).ok();
    }();
    return usable;
}

Sandbox::Sandbox(std::filesystem::path workDir, std::vector<std::filesystem::path> readable)
    : workDir_(std::filesystem::absolute(workDir)), readable_(std::move(readable)),
      useBwrap_(bubblewrapUsable())
{
    std::filesystem::create_directories(workDir_);
}

std::vector<std::string> Sandbox::bwrapArgs(const std::vector<std::string>& argv,
                                            const std::filesystem::path& cwd) const
{
    std::vector<std::string> args = isolationArgs();
    // Inputs: what the caller listed (a file shows its folder), the working folder, the
    // folder of the program run (a simulation binary veriloop built) and the pinned Verilator
    // kit (its driver and the runtime sources every model compiles against).
    std::vector<std::filesystem::path> inputs = readable_;
    inputs.push_back(cwd);
    inputs.push_back(verilatorRoot());
    if (!argv.empty() && !argv[0].empty() && argv[0][0] == '/') inputs.push_back(argv[0]);
    std::vector<std::filesystem::path> visible;
    for (const auto& p : inputs) {
        std::error_code ec;
        auto dir = std::filesystem::is_directory(p, ec) ? p : p.parent_path();
        dir = std::filesystem::weakly_canonical(dir, ec);
        if (!ec && std::filesystem::is_directory(dir, ec) && showable(dir, workDir_))
            visible.push_back(dir);
    }
    std::sort(visible.begin(), visible.end());  // a folder before the folders inside it
    visible.erase(std::unique(visible.begin(), visible.end()), visible.end());
    for (const auto& dir : visible) args.insert(args.end(), {"--ro-bind", dir.string(), dir.string()});
    args.insert(args.end(), {"--bind", workDir_.string(), workDir_.string(), "--remount-ro", "/",
                             "--chdir", cwd.string(), "--"});
    args.insert(args.end(), argv.begin(), argv.end());
    return args;
}

ProcessResult Sandbox::run(const std::vector<std::string>& argv, const SandboxLimits& limits,
                           const std::filesystem::path& cwd,
                           const std::map<std::string, std::string>& env) const
{
    return runProcess(processSpec(argv, limits, cwd, env));
}

ProcessSpec Sandbox::processSpec(const std::vector<std::string>& argv, const SandboxLimits& limits,
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
    spec.openFilesLimit = limits.openFiles;
    spec.maxProcesses = limits.processes;
    spec.niceness = 5;  // below veriloop, whose watchdog must outrun a fork bomb
    spec.cleanEnv = true;
    for (const auto& name : inheritedVariables())
        if (const char* value = std::getenv(name.c_str())) spec.env[name] = value;
    spec.env["LANG"] = "C.UTF-8";
    spec.env["HOME"] = workDir_.string();
    spec.env["TMPDIR"] = workDir_.string();
    for (const auto& [k, v] : env) spec.env[k] = v;
    if (useBwrap_) {
        spec.argv = bwrapArgs(argv, dir);
    } else {
        spec.argv = argv;
        spec.cwd = dir;
    }
    return spec;
}

}  // namespace veriloop
