#include "core/interrupt.h"

#include <signal.h>
#include <unistd.h>

#include <atomic>

namespace veriloop {

namespace {

std::atomic<bool> g_requested{false};

void onInterrupt(int sig)
{
    if (g_requested.exchange(true)) {
        signal(sig, SIG_DFL);
        raise(sig);
        return;
    }
    static const char kMessage[] =
        "\nveriloop: stopping after the runs in flight (press Ctrl-C again to stop now)\n";
    [[maybe_unused]] auto n = write(STDERR_FILENO, kMessage, sizeof kMessage - 1);
}

}  // namespace

void installInterruptHandler()
{
    static const bool installed = [] {
        struct sigaction sa {};
        sa.sa_handler = onInterrupt;
        sigemptyset(&sa.sa_mask);
        sigaction(SIGINT, &sa, nullptr);
        sigaction(SIGTERM, &sa, nullptr);
        return true;
    }();
    (void)installed;
}

bool interruptRequested() { return g_requested.load(); }

}  // namespace veriloop
