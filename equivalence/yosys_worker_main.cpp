// veriloop-yosys: libyosys in a process of its own, the only code that links it. veriloop runs
// it inside the sandbox (equivalence/yosys_worker.h speaks to it):
//
//   veriloop-yosys --script FILE --log FILE    runs one Yosys script, exit 0 when it succeeded
//   veriloop-yosys --serve                     answers one JSON request per line on stdin:
//     {"op":"load","script":S,"log":L}               runs S in this process: what it leaves in
//                                                    the design (e.g. a stashed original) stays
//     {"op":"run","script":S,"log":L,"cwd":D,"timeout":T}
//                                                    runs S in a forked copy of that state, in D,
//                                                    killed after T seconds; the state is
//                                                    unchanged afterwards
//   and replies {"exit":N,"timed_out":B,"seconds":F} on its stdout.
//
// A Yosys error ends the process that hit it (libyosys exits on errors), which is why every
// `run` happens in a fork: a failed or hung check costs its copy, never the loaded design.
// Everything Yosys logs goes to the request's log file; stdout carries only the replies.

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <string>
#include <thread>

#include <nlohmann/json.hpp>

#include "kernel/yosys.h"

namespace {

using Clock = std::chrono::steady_clock;

void setUp()
{
    // The wheel's share folder (techmap library, abc) unless the environment names another.
    std::string share = std::getenv("YOSYS_DATDIR") ? std::getenv("YOSYS_DATDIR") : VERILOOP_YOSYS_SHARE;
    if (!share.empty() && share.back() != '/') share += '/';
    setenv("YOSYS_DATDIR", share.c_str(), 0);
    Yosys::yosys_setup();
    Yosys::yosys_share_dirname = share;
    Yosys::yosys_abc_executable = share + "../yosys-abc";
}

// Runs `script` with everything logged to `log`; returns only when Yosys did not fail.
void runScript(const std::string& script, const std::string& log)
{
    Yosys::logger().clear();
    Yosys::logger().add_sink<Yosys::FileLogSink>(log, false, false);
    Yosys::run_frontend(script, "script");
    Yosys::logger().flush();
}

nlohmann::json runForked(const nlohmann::json& request)
{
    const auto start = Clock::now();
    const double timeout = request.value("timeout", 60.0);
    pid_t pid = fork();
    if (pid == 0) {
        const std::string cwd = request.value("cwd", std::string{});
        if (!cwd.empty() && chdir(cwd.c_str()) != 0) _exit(126);
        runScript(request.at("script").get<std::string>(), request.at("log").get<std::string>());
        _exit(0);
    }
    nlohmann::json reply{{"exit", -1}, {"timed_out", false}};
    if (pid < 0) return reply;
    int status = 0;
    while (waitpid(pid, &status, WNOHANG) == 0) {
        if (std::chrono::duration<double>(Clock::now() - start).count() > timeout) {
            kill(pid, SIGKILL);
            waitpid(pid, &status, 0);
            reply["timed_out"] = true;
            break;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    if (WIFEXITED(status)) reply["exit"] = WEXITSTATUS(status);
    if (WIFSIGNALED(status)) reply["signal"] = WTERMSIG(status);
    reply["seconds"] = std::chrono::duration<double>(Clock::now() - start).count();
    return reply;
}

int serve()
{
    // Replies go to the original stdout; anything else writing to fd 1 lands on stderr.
    FILE* replies = fdopen(dup(STDOUT_FILENO), "w");
    dup2(STDERR_FILENO, STDOUT_FILENO);
    std::string line;
    while (std::getline(std::cin, line)) {
        const auto request = nlohmann::json::parse(line, nullptr, false);
        nlohmann::json reply;
        if (!request.is_object() || !request.contains("script") || !request.contains("log")) {
            reply = {{"exit", -1}, {"error", "malformed request"}};
        } else if (request.value("op", "") == "load") {
            const auto start = Clock::now();
            runScript(request["script"].get<std::string>(), request["log"].get<std::string>());
            reply = {{"exit", 0}, {"timed_out", false},
                     {"seconds", std::chrono::duration<double>(Clock::now() - start).count()}};
        } else {
            reply = runForked(request);
        }
        std::fprintf(replies, "%s\n", reply.dump().c_str());
        std::fflush(replies);
    }
    return 0;
}

}  // namespace

int main(int argc, char** argv)
{
    const std::string mode = argc > 1 ? argv[1] : "";
    if (mode == "--serve" && argc == 2) {
        setUp();
        return serve();
    }
    if (mode == "--script" && argc == 5 && std::string(argv[3]) == "--log") {
        setUp();
        runScript(argv[2], argv[4]);
        return 0;
    }
    if (mode == "--version") {
        setUp();
        std::printf("%s\n", Yosys::yosys_version_str);
        return 0;
    }
    std::fprintf(stderr, "usage: veriloop-yosys --serve | --script FILE --log FILE | --version\n");
    return 2;
}
