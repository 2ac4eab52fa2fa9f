#pragma once
// The response cache: one SQLite table from request key (SHA-256 of the canonical request
// JSON) to the raw reply body. The full request is stored too and compared on lookup, so even
// a key collision can never serve the wrong reply. WAL mode lets several veriloop processes
// share one cache file.

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include <tl/expected.hpp>

#include "llm_client/error.h"

struct sqlite3;

namespace veriloop::llm {

class ResponseCache {
public:
    /// The schema version this code writes (PRAGMA user_version).
    static constexpr int kSchemaVersion = 1;

    /// Opens (and with `create`, creates) the cache file and its schema. Fails with a
    /// CacheError when the file is missing (create = false), unreadable, or has a newer
    /// schema version than this code knows.
    static tl::expected<ResponseCache, LlmError> open(const std::filesystem::path& path,
                                                      bool create);

    ResponseCache(ResponseCache&&) noexcept;
    ResponseCache& operator=(ResponseCache&&) noexcept;
    ~ResponseCache();

    /// The stored reply body for `key`, when one exists and was stored for exactly `request`.
    tl::expected<std::optional<std::string>, LlmError> lookup(const std::string& key,
                                                               const std::string& request);

    /// Stores (or replaces) the reply for `key` in its own transaction.
    tl::expected<void, LlmError> store(const std::string& key, const std::string& request,
                                       const std::string& response, const std::string& model);

    /// Number of stored replies.
    tl::expected<int64_t, LlmError> size();

    const std::filesystem::path& path() const { return filePath; }

private:
    struct DbCloser {
        void operator()(sqlite3* db) const;
    };
    ResponseCache(std::filesystem::path path, sqlite3* db);

    std::filesystem::path filePath;
    std::unique_ptr<sqlite3, DbCloser> db;
};

}  // namespace veriloop::llm
