// Process control for the fixture server: posix_spawn with stdout on a pipe, read the
// "PORT <n>" line (bounded by poll), SIGTERM then SIGKILL on stop.

#include "fixture_server.h"

#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstring>
#include <fstream>
#include <thread>

#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace veriloop::llm::fixture {

namespace {

/// Reads one line from `fd` within `timeoutMs`; empty on timeout or EOF.
std::string readLine(int fd, int timeoutMs)
{
    std::string line;
    auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeoutMs);
    while (true) {
        auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
                        deadline - std::chrono::steady_clock::now())
                        .count();
        if (left <= 0) return {};
        pollfd pfd{fd, POLLIN, 0};
        int ready = poll(&pfd, 1, static_cast<int>(left));
        if (ready < 0 && errno == EINTR) continue;
        if (ready <= 0) return {};
        char c = 0;
        ssize_t n = read(fd, &c, 1);
        if (n <= 0) return {};
        if (c == '\n') return line;
        line += c;
    }
}

}  // namespace

bool fixtureAvailable() { return std::strlen(VERILOOP_TEST_PYTHON3) > 0; }

FixtureServer::FixtureServer(pid_t p, int port, std::filesystem::path record)
    : pid(p), serverPort(port), recordFile(std::move(record))
{
}

FixtureServer::FixtureServer(FixtureServer&& other) noexcept
    : pid(other.pid), serverPort(other.serverPort), recordFile(std::move(other.recordFile))
{
    other.pid = -1;
}

FixtureServer& FixtureServer::operator=(FixtureServer&& other) noexcept
{
    if (this != &other) {
        stop();
        pid = other.pid;
        serverPort = other.serverPort;
        recordFile = std::move(other.recordFile);
        other.pid = -1;
    }
    return *this;
}

FixtureServer::~FixtureServer() { stop(); }

std::optional<FixtureServer> FixtureServer::start(const std::string& scenario,
                                                  const std::filesystem::path& recordFile,
                                                  std::string& error, double hangSeconds)
{
    if (!fixtureAvailable()) {
        error = "no Python 3 interpreter was found at configure time";
        return std::nullopt;
    }
    int fds[2];
    if (pipe2(fds, O_CLOEXEC) != 0) {
        error = std::string("pipe: ") + std::strerror(errno);
        return std::nullopt;
    }
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, fds[1], STDOUT_FILENO);

    std::string hang = std::to_string(hangSeconds);
    std::vector<std::string> args = {VERILOOP_TEST_PYTHON3, VERILOOP_LLM_FIXTURE, "--scenario",
                                     scenario, "--record", recordFile.string(), "--hang-seconds",
                                     hang};
    std::vector<char*> argv;
    for (std::string& arg : args) argv.push_back(arg.data());
    argv.push_back(nullptr);

    pid_t child = -1;
    int rc = posix_spawn(&child, argv[0], &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    close(fds[1]);
    if (rc != 0) {
        close(fds[0]);
        error = std::string("posix_spawn: ") + std::strerror(rc);
        return std::nullopt;
    }
    std::string line = readLine(fds[0], 10'000);
    close(fds[0]);
    FixtureServer server(child, 0, recordFile);
    if (line.rfind("PORT ", 0) != 0) {
        error = "the fixture server did not report its port (got `" + line + "`)";
        return std::nullopt;  // ~FixtureServer stops the child
    }
    server.serverPort = std::stoi(line.substr(5));
    return server;
}

void FixtureServer::stop()
{
    if (pid <= 0) return;
    kill(pid, SIGTERM);
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(3);
    int status = 0;
    while (waitpid(pid, &status, WNOHANG) == 0) {
        if (std::chrono::steady_clock::now() > deadline) {
            kill(pid, SIGKILL);
            waitpid(pid, &status, 0);
            break;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    pid = -1;
}

std::string FixtureServer::baseUrl() const
{
    return "http://127.0.0.1:" + std::to_string(serverPort);
}

std::vector<nlohmann::json> FixtureServer::requests() const
{
    std::vector<nlohmann::json> out;
    std::ifstream in(recordFile);
    std::string line;
    while (std::getline(in, line))
        if (!line.empty()) out.push_back(nlohmann::json::parse(line, nullptr, false));
    return out;
}

}  // namespace veriloop::llm::fixture
