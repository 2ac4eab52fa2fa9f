#include "core/progress.h"

#include <unistd.h>

#include <cstdlib>

#include <fmt/format.h>

namespace veriloop {

namespace {

std::string duration(double seconds)
{
    const long s = static_cast<long>(seconds + 0.5);
    if (s < 60) return fmt::format("{}s", s);
    if (s < 3600) return fmt::format("{}m{:02}s", s / 60, s % 60);
    return fmt::format("{}h{:02}m", s / 3600, (s % 3600) / 60);
}

double since(std::chrono::steady_clock::time_point t)
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
}

}  // namespace

ProgressMode progressModeFor(bool quiet)
{
    if (quiet) return ProgressMode::Quiet;
    const char* ci = std::getenv("CI");
    if (isatty(STDERR_FILENO) && !(ci && *ci)) return ProgressMode::Live;
    return ProgressMode::Plain;
}

Progress::Progress(ProgressMode mode, std::string unit, size_t total, FILE* out)
    : mode_(mode), unit_(std::move(unit)), total_(total), out_(out), start_(Clock::now()),
      itemStart_(start_), phaseStart_(start_), lastShown_(start_)
{
    if (mode_ == ProgressMode::Quiet) return;
    ticker_ = std::thread([this] {
        std::unique_lock<std::mutex> lock(mutex_);
        while (!tick_.wait_for(lock, std::chrono::seconds(1), [this] { return stopping_; }))
            show(false);
    });
}

Progress::~Progress()
{
    {
        std::lock_guard<std::mutex> lock(mutex_);
        stopping_ = true;
    }
    tick_.notify_all();
    if (ticker_.joinable()) ticker_.join();
    std::lock_guard<std::mutex> lock(mutex_);
    clearLive();
}

void Progress::startItem(const std::string& name)
{
    std::lock_guard<std::mutex> lock(mutex_);
    item_ = name;
    phase_.clear();
    itemStart_ = phaseStart_ = Clock::now();
    show(false);
}

void Progress::phase(const std::string& name, size_t done, size_t total)
{
    std::lock_guard<std::mutex> lock(mutex_);
    if (name != phase_) phaseStart_ = Clock::now();
    phase_ = name;
    phaseDone_ = done;
    phaseTotal_ = total;
    show(false);
}

void Progress::count(const std::string& outcome)
{
    std::lock_guard<std::mutex> lock(mutex_);
    ++counts_[outcome];
    ++results_;
    show(false);
}

void Progress::finishItem()
{
    std::lock_guard<std::mutex> lock(mutex_);
    ++done_;
    item_.clear();
    phase_.clear();
    show(true);
}

void Progress::around(const std::function<void()>& write)
{
    std::lock_guard<std::mutex> lock(mutex_);
    clearLive();
    write();
    if (mode_ == ProgressMode::Live) show(true);
}

std::string Progress::statusLine() const
{
    std::string s = fmt::format("[{}/{} {}]", done_, total_, unit_);
    if (!item_.empty()) {
        s += " " + item_;
        if (!phase_.empty()) {
            s += ": " + phase_;
            if (phaseTotal_ > 0) s += fmt::format(" {}/{}", phaseDone_, phaseTotal_);
            s += " (" + duration(since(phaseStart_)) + ")";
        }
    }
    if (results_ > 0) {
        s += " |";
        for (const auto& [k, n] : counts_) s += fmt::format(" {} {}", k, n);
        const double elapsed = since(start_);
        const double perSecond = elapsed > 0 ? static_cast<double>(results_) / elapsed : 0;
        if (elapsed > 1)
            s += perSecond >= 1 ? fmt::format(" | {:.1f}/s", perSecond)
                                : fmt::format(" | {:.1f}/min", 60 * perSecond);
    }
    if (done_ > 0 && done_ < total_) {
        const double perItem = since(start_) / static_cast<double>(done_);
        s += " | ETA " + duration(perItem * static_cast<double>(total_ - done_));
    }
    return s;
}

void Progress::show(bool force)
{
    if (mode_ == ProgressMode::Quiet) return;
    const double gap = since(lastShown_);
    if (mode_ == ProgressMode::Live) {
        if (!force && gap < 0.2) return;
        fmt::print(out_, "\r\033[K{}", statusLine());
        lineOnScreen_ = true;
    } else {
        if (gap < 30) return;  // also when forced: plain lines stay periodic
        fmt::print(out_, "{}\n", statusLine());
    }
    std::fflush(out_);
    lastShown_ = Clock::now();
}

void Progress::clearLive()
{
    if (mode_ == ProgressMode::Live && lineOnScreen_) {
        fmt::print(out_, "\r\033[K");
        std::fflush(out_);
        lineOnScreen_ = false;
    }
}

}  // namespace veriloop
