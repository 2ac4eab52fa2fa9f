// SQLite access for the response cache. Every sqlite3_* return code is checked and turned
// into a CacheError naming the file and SQLite's own message. Writes run in explicit
// BEGIN IMMEDIATE transactions, so a concurrent writer waits (busy timeout) instead of
// failing halfway.

#include "llm_client/cache.h"

#include <sqlite3.h>

#include <cstdlib>

#include <fmt/format.h>

namespace veriloop::llm {

namespace {

struct StmtFinalizer {
    void operator()(sqlite3_stmt* stmt) const { sqlite3_finalize(stmt); }
};
using Statement = std::unique_ptr<sqlite3_stmt, StmtFinalizer>;

constexpr const char* kCreateSchema = R"sql(
CREATE TABLE IF NOT EXISTS responses (
    key        TEXT PRIMARY KEY NOT NULL,  -- sha256 of the canonical request JSON
    request    TEXT NOT NULL,              -- the canonical request JSON itself
    response   TEXT NOT NULL,              -- the raw reply body, as the server sent it
    model      TEXT NOT NULL,
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
)sql";

LlmError cacheError(const std::filesystem::path& path, std::string what)
{
    return LlmError{LlmErrorKind::CacheError,
                    fmt::format("response cache {}: {}", path.string(), what)};
}

LlmError sqliteError(const std::filesystem::path& path, sqlite3* db, std::string_view doing)
{
    return cacheError(path, fmt::format("{} failed: {}", doing, sqlite3_errmsg(db)));
}

tl::expected<Statement, LlmError> prepare(const std::filesystem::path& path, sqlite3* db,
                                          const char* sql)
{
    sqlite3_stmt* raw = nullptr;
    if (sqlite3_prepare_v2(db, sql, -1, &raw, nullptr) != SQLITE_OK) {
        sqlite3_finalize(raw);
        return tl::unexpected(sqliteError(path, db, "preparing a statement"));
    }
    return Statement(raw);
}

tl::expected<void, LlmError> exec(const std::filesystem::path& path, sqlite3* db,
                                  const char* sql)
{
    char* message = nullptr;
    if (sqlite3_exec(db, sql, nullptr, nullptr, &message) != SQLITE_OK) {
        std::string text = message ? message : sqlite3_errmsg(db);
        sqlite3_free(message);
        return tl::unexpected(cacheError(path, fmt::format("`{}` failed: {}", sql, text)));
    }
    return {};
}

/// Runs a one-row, one-column query and returns the column as text.
tl::expected<std::string, LlmError> queryText(const std::filesystem::path& path, sqlite3* db,
                                              const char* sql)
{
    auto stmt = prepare(path, db, sql);
    if (!stmt) return tl::unexpected(stmt.error());
    if (sqlite3_step(stmt->get()) != SQLITE_ROW)
        return tl::unexpected(sqliteError(path, db, sql));
    const unsigned char* text = sqlite3_column_text(stmt->get(), 0);
    return std::string(text ? reinterpret_cast<const char*>(text) : "");
}

bool bindText(sqlite3_stmt* stmt, int index, const std::string& text)
{
    return sqlite3_bind_text(stmt, index, text.data(), static_cast<int>(text.size()),
                             SQLITE_TRANSIENT) == SQLITE_OK;
}

/// Creates the schema when user_version is 0; refuses a version newer than ours.
tl::expected<void, LlmError> ensureSchema(const std::filesystem::path& path, sqlite3* db)
{
    if (auto ok = exec(path, db, "BEGIN IMMEDIATE"); !ok) return ok;
    auto version = queryText(path, db, "PRAGMA user_version");
    auto fail = [&](LlmError error) -> tl::expected<void, LlmError> {
        sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
        return tl::unexpected(std::move(error));
    };
    if (!version) return fail(version.error());
    int found = std::atoi(version->c_str());
    if (found > ResponseCache::kSchemaVersion)
        return fail(cacheError(path, fmt::format("schema version {} is newer than this veriloop "
                                                 "supports ({}); upgrade veriloop",
                                                 found, ResponseCache::kSchemaVersion)));
    if (found == 0) {
        if (auto ok = exec(path, db, kCreateSchema); !ok) return fail(ok.error());
        std::string setVersion =
            fmt::format("PRAGMA user_version = {}", ResponseCache::kSchemaVersion);
        if (auto ok = exec(path, db, setVersion.c_str()); !ok) return fail(ok.error());
    }
    return exec(path, db, "COMMIT");
}

}  // namespace

void ResponseCache::DbCloser::operator()(sqlite3* db) const { sqlite3_close(db); }

ResponseCache::ResponseCache(std::filesystem::path path, sqlite3* handle)
    : filePath(std::move(path)), db(handle)
{
}
ResponseCache::ResponseCache(ResponseCache&&) noexcept = default;
ResponseCache& ResponseCache::operator=(ResponseCache&&) noexcept = default;
ResponseCache::~ResponseCache() = default;

tl::expected<ResponseCache, LlmError> ResponseCache::open(const std::filesystem::path& path,
                                                          bool create)
{
    std::error_code ec;
    if (!create && !std::filesystem::exists(path, ec))
        return tl::unexpected(cacheError(path, "no such file (replay needs an existing cache)"));
    if (create && path.has_parent_path())
        std::filesystem::create_directories(path.parent_path(), ec);

    sqlite3* raw = nullptr;
    int flags = SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0);
    int rc = sqlite3_open_v2(path.c_str(), &raw, flags, nullptr);
    ResponseCache cache(path, raw);  // owns the handle even when opening failed
    if (rc != SQLITE_OK) return tl::unexpected(sqliteError(path, raw, "opening"));
    if (sqlite3_busy_timeout(raw, 5000) != SQLITE_OK)
        return tl::unexpected(sqliteError(path, raw, "setting the busy timeout"));

    auto mode = queryText(path, raw, "PRAGMA journal_mode = WAL");
    if (!mode) return tl::unexpected(mode.error());
    if (*mode != "wal")
        return tl::unexpected(cacheError(path, fmt::format("could not enable WAL (journal mode "
                                                           "is `{}`)", *mode)));
    if (auto ok = exec(path, raw, "PRAGMA foreign_keys = ON"); !ok)
        return tl::unexpected(ok.error());
    if (auto ok = ensureSchema(path, raw); !ok) return tl::unexpected(ok.error());
    return cache;
}

tl::expected<std::optional<std::string>, LlmError> ResponseCache::lookup(
    const std::string& key, const std::string& request)
{
    auto stmt = prepare(filePath, db.get(),
                        "SELECT request, response FROM responses WHERE key = ?1");
    if (!stmt) return tl::unexpected(stmt.error());
    if (!bindText(stmt->get(), 1, key))
        return tl::unexpected(sqliteError(filePath, db.get(), "binding the key"));
    int rc = sqlite3_step(stmt->get());
    if (rc == SQLITE_DONE) return std::optional<std::string>();
    if (rc != SQLITE_ROW) return tl::unexpected(sqliteError(filePath, db.get(), "lookup"));
    auto column = [&](int i) {
        const void* blob = sqlite3_column_blob(stmt->get(), i);
        int bytes = sqlite3_column_bytes(stmt->get(), i);
        return blob ? std::string(static_cast<const char*>(blob), bytes) : std::string();
    };
    if (column(0) != request) return std::optional<std::string>();  // a key collision
    return std::optional<std::string>(column(1));
}

tl::expected<void, LlmError> ResponseCache::store(const std::string& key,
                                                  const std::string& request,
                                                  const std::string& response,
                                                  const std::string& model)
{
    if (auto ok = exec(filePath, db.get(), "BEGIN IMMEDIATE"); !ok) return ok;
    auto stmt = prepare(filePath, db.get(),
                        "INSERT OR REPLACE INTO responses (key, request, response, model) "
                        "VALUES (?1, ?2, ?3, ?4)");
    auto rollback = [&](LlmError error) -> tl::expected<void, LlmError> {
        sqlite3_exec(db.get(), "ROLLBACK", nullptr, nullptr, nullptr);
        return tl::unexpected(std::move(error));
    };
    if (!stmt) return rollback(stmt.error());
    if (!bindText(stmt->get(), 1, key) || !bindText(stmt->get(), 2, request) ||
        !bindText(stmt->get(), 3, response) || !bindText(stmt->get(), 4, model))
        return rollback(sqliteError(filePath, db.get(), "binding the reply"));
    if (sqlite3_step(stmt->get()) != SQLITE_DONE)
        return rollback(sqliteError(filePath, db.get(), "storing the reply"));
    stmt->reset();
    return exec(filePath, db.get(), "COMMIT");
}

tl::expected<int64_t, LlmError> ResponseCache::size()
{
    auto count = queryText(filePath, db.get(), "SELECT COUNT(*) FROM responses");
    if (!count) return tl::unexpected(count.error());
    return std::stoll(*count);
}

}  // namespace veriloop::llm
