#pragma once
// One writer per dataset: `dataset build` holds an exclusive lock on `<db>.lock` while it
// labels, so a second build on the same database is refused with a clear message instead of
// racing it. The kernel releases the lock when its holder dies, even by SIGKILL, so a crash
// never leaves a database locked.

#include <filesystem>

#include <tl/expected.hpp>

#include "core/diagnostic.h"

namespace veriloop {

class WriterLock {
public:
    /// The lock of `db`, or VL013 naming the process that holds it.
    static tl::expected<WriterLock, Diagnostic> acquire(const std::filesystem::path& db);

    WriterLock(WriterLock&& other) noexcept : fd_(other.fd_) { other.fd_ = -1; }
    WriterLock& operator=(WriterLock&&) = delete;
    WriterLock(const WriterLock&) = delete;
    ~WriterLock();

private:
    explicit WriterLock(int fd) : fd_(fd) {}
    int fd_ = -1;
};

}  // namespace veriloop
