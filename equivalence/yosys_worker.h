#pragma once
// libyosys 0.70, run as veriloop-yosys inside the sandbox (equivalence/yosys_worker_main.cpp):
// either one script in a process of its own, or a resident worker that keeps a loaded design in
// memory and runs each later script in a forked copy of it, under that script's time limit.

#include <filesystem>
#include <memory>
#include <string>

#include <nlohmann/json_fwd.hpp>

#include "core/process.h"
#include "equivalence/sandbox.h"

namespace veriloop {

struct YosysRun {
    bool ok = false;        // the script ran to its end without a Yosys error
    bool timedOut = false;
    std::string log;        // everything Yosys logged (the script's path + ".log")
    std::string failure;    // when the worker itself failed: why
    double seconds = 0;
};

/// The worker executable (VERILOOP_YOSYS_WORKER in the environment overrides the built one).
std::filesystem::path yosysWorkerPath();

/// A sandbox writing only `workDir` that shows the worker its library (libyosys, yosys-abc, the
/// techmap files) read-only, plus `readable`.
Sandbox yosysSandbox(const std::filesystem::path& workDir,
                     std::vector<std::filesystem::path> readable = {});

/// `veriloop-yosys --version`, e.g. "Yosys 0.70 (git sha1 ...)", or empty.
std::string yosysVersion();

/// Runs one script in a process of its own, in `cwd`.
YosysRun runYosysScript(const Sandbox& sandbox, const std::filesystem::path& script,
                        const std::filesystem::path& cwd, double timeoutSeconds, long memoryMiB = 8192);

/// A resident worker. `load` runs a script in the worker itself, so what it leaves (a design
/// read, elaborated and stashed) stays; `run` runs a script on a forked copy of that state and
/// leaves it unchanged. One request at a time: give each thread its own worker.
class YosysWorker {
public:
    YosysWorker(const Sandbox& sandbox, long memoryMiB = 8192);
    ~YosysWorker();

    YosysRun load(const std::filesystem::path& script, double timeoutSeconds);
    YosysRun run(const std::filesystem::path& script, const std::filesystem::path& cwd,
                 double timeoutSeconds);

private:
    YosysRun request(const nlohmann::json& message, const std::filesystem::path& script, double timeoutSeconds);

    std::unique_ptr<Coprocess> process_;
    std::string startFailure_;
};

}  // namespace veriloop
