#include "dataset/writer_lock.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <string>

#include <fmt/format.h>

namespace veriloop {

tl::expected<WriterLock, Diagnostic> WriterLock::acquire(const std::filesystem::path& db)
{
    const std::string path = db.string() + ".lock";
    const int fd = open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd < 0)
        return tl::unexpected(makeDiag(DiagCode::DatabaseError, "cannot create the lock file", path));
    if (flock(fd, LOCK_EX | LOCK_NB) != 0) {
        char holder[32] = {};
        [[maybe_unused]] auto n = pread(fd, holder, sizeof holder - 1, 0);
        close(fd);
        return tl::unexpected(makeDiag(
            DiagCode::DatabaseError,
            fmt::format("another `veriloop dataset build` (pid {}) is writing this database; wait "
                        "for it, or give each build its own --db and join them with `dataset merge`",
                        std::string(holder).empty() ? "unknown" : std::string(holder)),
            db.string()));
    }
    const std::string pid = std::to_string(getpid());
    // The pid only makes a refusal clearer; not writing it changes nothing.
    [[maybe_unused]] const bool written =
        ftruncate(fd, 0) == 0 && pwrite(fd, pid.data(), pid.size(), 0) > 0;
    return WriterLock(fd);
}

WriterLock::~WriterLock()
{
    if (fd_ >= 0) close(fd_);  // closing releases the lock
}

}  // namespace veriloop
