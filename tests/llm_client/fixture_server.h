#pragma once
// Starts tests/llm_client/fixture_llm_server.py (a scripted OpenAI-compatible test server) as
// a child process on 127.0.0.1 with an ephemeral port, and stops it. Test-only.

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>
#include <sys/types.h>

namespace veriloop::llm::fixture {

class FixtureServer {
public:
    /// Starts the fixture with a default scenario; nullopt (with `error` set) on failure.
    static std::optional<FixtureServer> start(const std::string& scenario,
                                              const std::filesystem::path& recordFile,
                                              std::string& error, double hangSeconds = 30);

    FixtureServer(FixtureServer&& other) noexcept;
    FixtureServer& operator=(FixtureServer&& other) noexcept;
    ~FixtureServer();

    /// Terminates the process and waits for it; idempotent.
    void stop();

    int port() const { return serverPort; }
    std::string baseUrl() const;
    /// Every request the fixture received so far, in order (path, headers, body, scenario).
    std::vector<nlohmann::json> requests() const;

private:
    FixtureServer(pid_t pid, int port, std::filesystem::path recordFile);

    pid_t pid = -1;
    int serverPort = 0;
    std::filesystem::path recordFile;
};

/// Whether the fixture can run here (a Python 3 interpreter was found at configure time).
bool fixtureAvailable();

}  // namespace veriloop::llm::fixture
