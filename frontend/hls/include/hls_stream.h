// veriloop's hls_stream.h: hls::stream<T>, the FIFO channel of HLS kernels, for C simulation.
//
// An unbounded FIFO (std::deque) unless a depth is given as the second template argument;
// then full() reports a FIFO holding that many elements and write_nb() refuses to add more.
// A blocking write() always succeeds (C simulation does not model back-pressure).
//
// Reading an empty stream is a bug that would deadlock the hardware: read(), read(T&) and
// operator>> print
//     ERROR: hls::stream '<name>' read while empty
// to stderr and abort(), so a test harness sees a crash instead of a made-up value. The name
// is the constructor argument, or "unnamed".
#pragma once

#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <deque>
#include <string>
#include <utility>

namespace hls {

template <typename T, int DEPTH = 0>
class stream {
    static_assert(DEPTH >= 0, "hls::stream depth must not be negative");

public:
    stream() : name_("unnamed") {}
    explicit stream(const char* name) : name_(name != nullptr ? name : "unnamed") {}
    explicit stream(const std::string& name) : name_(name) {}

    // A stream is a channel, not a value: it is passed by reference, never copied.
    stream(const stream&) = delete;
    stream& operator=(const stream&) = delete;

    bool empty() const { return items_.empty(); }
    /// True only for a stream with a depth that holds that many elements.
    bool full() const { return DEPTH > 0 && items_.size() >= static_cast<std::size_t>(DEPTH); }
    std::size_t size() const { return items_.size(); }
    /// The depth given as template argument (0: unbounded).
    static constexpr int capacity() { return DEPTH; }
    const std::string& name() const { return name_; }

    /// Removes and returns the oldest element; aborts when the stream is empty.
    T read() {
        if (items_.empty()) failEmptyRead();
        T value = std::move(items_.front());
        items_.pop_front();
        return value;
    }
    void read(T& out) { out = read(); }
    void operator>>(T& out) { out = read(); }
    /// Non-blocking read: false (and out untouched) when the stream is empty.
    bool read_nb(T& out) {
        if (items_.empty()) return false;
        out = read();
        return true;
    }

    void write(const T& value) { items_.push_back(value); }
    void operator<<(const T& value) { write(value); }
    /// Non-blocking write: false (and nothing written) when the stream is full.
    bool write_nb(const T& value) {
        if (full()) return false;
        write(value);
        return true;
    }

private:
    [[noreturn]] void failEmptyRead() const {
        std::fprintf(stderr, "ERROR: hls::stream '%s' read while empty\n", name_.c_str());
        std::fflush(stderr);
        std::abort();
    }

    std::string name_;
    std::deque<T> items_;
};

}  // namespace hls
