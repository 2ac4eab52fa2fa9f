#pragma once
// Progress of long commands, one rule for all of them (STYLE: results a person can read):
//   Live  - a terminal: one status line on stderr, redrawn in place at most 5 times a second
//           and at least once a second (a ticker thread: elapsed times move during long builds);
//   Plain - not a terminal, or CI set: the same line printed as a plain line every 30 s;
//   Quiet - --quiet: nothing.
// The line: units done/total, the current item and phase with its elapsed time, counts by
// outcome, the rate and an ETA from the units finished so far.

#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <thread>

namespace veriloop {

enum class ProgressMode { Live, Plain, Quiet };

/// Live on a terminal unless the CI variable is set, Plain otherwise, Quiet when asked.
ProgressMode progressModeFor(bool quiet);

class Progress {
public:
    /// `unit` names what is counted ("designs"); `out` is where the line goes.
    Progress(ProgressMode mode, std::string unit, size_t total, FILE* out = stderr);
    ~Progress();

    void startItem(const std::string& name);
    void phase(const std::string& name, size_t done, size_t total);
    void count(const std::string& outcome);  // one more result with this outcome
    void finishItem();
    /// Runs `write` (which prints log lines of its own) without breaking the status line.
    void around(const std::function<void()>& write);

    /// The status line as it stands (what Live and Plain print).
    std::string statusLine() const;

private:
    void show(bool force);
    void clearLive();

    using Clock = std::chrono::steady_clock;
    ProgressMode mode_;
    std::string unit_;
    size_t total_, done_ = 0;
    FILE* out_;
    std::string item_, phase_;
    size_t phaseDone_ = 0, phaseTotal_ = 0;
    std::map<std::string, size_t> counts_;
    size_t results_ = 0;
    Clock::time_point start_, itemStart_, phaseStart_, lastShown_;
    bool lineOnScreen_ = false;
    mutable std::mutex mutex_;
    std::condition_variable tick_;
    bool stopping_ = false;
    std::thread ticker_;  // redraws the line while nothing else happens (last: starts last)
};

}  // namespace veriloop
