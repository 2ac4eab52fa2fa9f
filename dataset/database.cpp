#include "dataset/database.h"

#include <sqlite3.h>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "core/json_text.h"

namespace veriloop {

namespace {

const char* kSchema = R"sql(
CREATE TABLE IF NOT EXISTS runs (
    id INTEGER PRIMARY KEY,
    started_at TEXT NOT NULL DEFAULT (datetime('now')),
    command TEXT NOT NULL,
    options TEXT NOT NULL,
    seed INTEGER NOT NULL,
    tool_versions TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS designs (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    language TEXT NOT NULL,
    top TEXT NOT NULL,
    dir TEXT NOT NULL,
    input_hash TEXT NOT NULL,
    sources TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'pending',
    message TEXT NOT NULL DEFAULT '',
    run_id INTEGER REFERENCES runs(id)
);
CREATE TABLE IF NOT EXISTS mutants (
    id TEXT PRIMARY KEY,
    design_id INTEGER NOT NULL REFERENCES designs(id) ON DELETE CASCADE,
    ordinal INTEGER NOT NULL,
    operator TEXT NOT NULL,
    bug_class TEXT NOT NULL,
    module TEXT NOT NULL,
    file TEXT NOT NULL,
    line INTEGER NOT NULL,
    col INTEGER NOT NULL,
    end_line INTEGER NOT NULL,
    end_col INTEGER NOT NULL,
    original_text TEXT NOT NULL,
    mutated_text TEXT NOT NULL,
    description TEXT NOT NULL,
    edits TEXT NOT NULL,
    sources_hash TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS mutants_design ON mutants(design_id);
CREATE TABLE IF NOT EXISTS verdicts (
    mutant_id TEXT PRIMARY KEY REFERENCES mutants(id) ON DELETE CASCADE,
    verdict TEXT NOT NULL CHECK (verdict IN ('killed','nonequivalent','equivalent','survived','invalid','timeout')),
    engine TEXT NOT NULL,
    bound INTEGER NOT NULL,
    seconds REAL NOT NULL,
    run_id INTEGER REFERENCES runs(id),
    decided_at TEXT NOT NULL DEFAULT (datetime('now'))
);
CREATE TABLE IF NOT EXISTS evidence (
    mutant_id TEXT PRIMARY KEY REFERENCES mutants(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    data TEXT NOT NULL,
    vcd TEXT NOT NULL DEFAULT ''
);
CREATE TABLE IF NOT EXISTS task_records (
    design_id INTEGER NOT NULL REFERENCES designs(id) ON DELETE CASCADE,
    task TEXT NOT NULL CHECK (task IN ('optimize','assert')),
    key TEXT NOT NULL,
    data TEXT NOT NULL,
    run_id INTEGER REFERENCES runs(id),
    recorded_at TEXT NOT NULL DEFAULT (datetime('now')),
    PRIMARY KEY (design_id, task, key)
);
)sql";

class Stmt {
public:
    Stmt(sqlite3* db, const char* sql)
    {
        rc_ = sqlite3_prepare_v2(db, sql, -1, &stmt_, nullptr);
    }
    ~Stmt() { sqlite3_finalize(stmt_); }
    Stmt(const Stmt&) = delete;
    Stmt& operator=(const Stmt&) = delete;
    bool ok() const { return rc_ == SQLITE_OK; }
    Stmt& bind(int i, const std::string& s)
    {
        sqlite3_bind_text(stmt_, i, s.c_str(), static_cast<int>(s.size()), SQLITE_TRANSIENT);
        return *this;
    }
    Stmt& bind(int i, int64_t v)
    {
        sqlite3_bind_int64(stmt_, i, v);
        return *this;
    }
    Stmt& bind(int i, double v)
    {
        sqlite3_bind_double(stmt_, i, v);
        return *this;
    }
    bool step() { return (rc_ = sqlite3_step(stmt_)) == SQLITE_ROW; }
    bool done() const { return rc_ == SQLITE_DONE; }
    void reset()
    {
        sqlite3_reset(stmt_);
        sqlite3_clear_bindings(stmt_);
    }
    std::string text(int col) const
    {
        const auto* t = sqlite3_column_text(stmt_, col);
        return t ? reinterpret_cast<const char*>(t) : "";
    }
    int64_t integer(int col) const { return sqlite3_column_int64(stmt_, col); }
    double real(int col) const { return sqlite3_column_double(stmt_, col); }
    bool isNull(int col) const { return sqlite3_column_type(stmt_, col) == SQLITE_NULL; }

private:
    sqlite3_stmt* stmt_ = nullptr;
    int rc_ = SQLITE_OK;
};

Diagnostic dbError(sqlite3* db, const std::string& what)
{
    return makeDiag(DiagCode::DatabaseError, fmt::format("{}: {}", what, sqlite3_errmsg(db)));
}

nlohmann::json editsJson(const std::vector<Edit>& edits)
{
    nlohmann::json arr = nlohmann::json::array();
    for (const auto& e : edits)
    {
        nlohmann::json edit = {{"file", e.range.file}, {"begin", e.range.begin}, {"end", e.range.end}};
        setTextFields(edit, {{"old", &e.oldText}, {"new", &e.newText}});
        arr.push_back(std::move(edit));
    }
    return arr;
}

std::vector<Edit> editsFromJson(const std::string& text)
{
    std::vector<Edit> edits;
    for (const auto& e : nlohmann::json::parse(text, nullptr, false)) {
        if (!e.is_object()) continue;
        edits.push_back(Edit{ByteRange{e["file"].get<int>(), e["begin"].get<uint32_t>(),
                                       e["end"].get<uint32_t>()},
                             textField(e, "old"), textField(e, "new")});
    }
    return edits;
}

}  // namespace

Database::~Database()
{
    if (db_) sqlite3_close(db_);
}
Database::Database(Database&& o) noexcept : db_(o.db_) { o.db_ = nullptr; }
Database& Database::operator=(Database&& o) noexcept
{
    std::swap(db_, o.db_);
    return *this;
}

tl::expected<void, Diagnostic> Database::exec(const std::string& sql)
{
    char* err = nullptr;
    if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
        std::string msg = err ? err : "unknown error";
        sqlite3_free(err);
        return tl::unexpected(makeDiag(DiagCode::DatabaseError, msg));
    }
    return {};
}

tl::expected<Database, Diagnostic> Database::open(const std::filesystem::path& path)
{
    sqlite3* raw = nullptr;
    if (sqlite3_open(path.c_str(), &raw) != SQLITE_OK) {
        Diagnostic d = makeDiag(DiagCode::DatabaseError,
                                fmt::format("cannot open database: {}", sqlite3_errmsg(raw)),
                                path.string());
        sqlite3_close(raw);
        return tl::unexpected(d);
    }
    Database db(raw);
    sqlite3_busy_timeout(raw, 10000);
    int version = 0;
    {
        Stmt st(raw, "PRAGMA user_version");
        if (st.step()) version = static_cast<int>(st.integer(0));
    }
    if (version > kSchemaVersion)
        return tl::unexpected(makeDiag(
            DiagCode::DatabaseError,
            fmt::format("database schema version {} is newer than this veriloop ({})", version,
                        kSchemaVersion),
            path.string()));
    for (const char* sql : {"PRAGMA journal_mode=WAL", "PRAGMA foreign_keys=ON",
                            "PRAGMA synchronous=NORMAL"})
        if (auto r = db.exec(sql); !r) return tl::unexpected(r.error());
    if (auto r = db.exec(std::string("BEGIN;") + kSchema +
                         fmt::format("PRAGMA user_version={};COMMIT;", kSchemaVersion));
        !r) {
        Diagnostic d = r.error();
        d.file = path.string();
        return tl::unexpected(d);
    }
    return db;
}

tl::expected<int64_t, Diagnostic> Database::beginRun(const std::string& command,
                                                     const std::string& optionsJson, uint64_t seed,
                                                     const std::string& toolVersionsJson)
{
    Stmt st(db_, "INSERT INTO runs(command, options, seed, tool_versions) VALUES (?,?,?,?)");
    st.bind(1, command).bind(2, optionsJson).bind(3, static_cast<int64_t>(seed)).bind(4, toolVersionsJson);
    st.step();
    if (!st.done()) return tl::unexpected(dbError(db_, "recording the run"));
    return sqlite3_last_insert_rowid(db_);
}

tl::expected<DesignRow, Diagnostic> Database::upsertDesign(const Design& design, int64_t runId)
{
    DesignRow row;
    row.name = design.name;
    row.language = std::string(languageName(design.language));
    row.top = design.top;
    row.dir = design.dir.string();
    row.inputHash = design.inputHash();
    row.sources = design.sources;
    return upsertDesign(row, runId);
}

tl::expected<DesignRow, Diagnostic> Database::upsertDesign(const DesignRow& design, int64_t runId)
{
    nlohmann::json sources = nlohmann::json::array();
    for (const auto& f : design.sources) {
        nlohmann::json file = {{"path", f.path}};
        setTextFields(file, {{"text", &f.text}});
        sources.push_back(std::move(file));
    }
    {
        Stmt find(db_, "SELECT id, input_hash FROM designs WHERE name = ?");
        find.bind(1, design.name);
        if (find.step() && find.text(1) != design.inputHash) {
            Stmt del(db_, "DELETE FROM designs WHERE id = ?");
            del.bind(1, find.integer(0));
            del.step();
            if (!del.done()) return tl::unexpected(dbError(db_, "replacing a changed design"));
        }
    }
    Stmt ins(db_,
             "INSERT INTO designs(name, language, top, dir, input_hash, sources, run_id) "
             "VALUES (?,?,?,?,?,?,?) ON CONFLICT(name) DO UPDATE SET dir = excluded.dir");
    ins.bind(1, design.name)
        .bind(2, design.language)
        .bind(3, design.top)
        .bind(4, design.dir)
        .bind(5, design.inputHash)
        .bind(6, jsonText(sources))
        .bind(7, runId);
    ins.step();
    if (!ins.done()) return tl::unexpected(dbError(db_, "storing the design"));
    for (auto& row : designs())
        if (row.name == design.name) return row;
    return tl::unexpected(dbError(db_, "reading the design back"));
}

tl::expected<size_t, Diagnostic> Database::mergeFrom(Database& other, int64_t runId)
{
    size_t merged = 0;
    for (const auto& theirs : other.designs()) {
        for (const auto& ours : designs())
            if (ours.name == theirs.name && ours.inputHash != theirs.inputHash)
                return tl::unexpected(makeDiag(
                    DiagCode::DatabaseError,
                    fmt::format("design `{}` differs between the datasets (different inputs)",
                                theirs.name)));
        auto row = upsertDesign(theirs, runId);
        if (!row) return tl::unexpected(row.error());
        auto rows = other.mutants(theirs.id);
        std::vector<Mutant> mutants;
        for (const auto& r : rows) mutants.push_back(r.mutant);
        if (auto r = insertMutants(row->id, mutants); !r) return tl::unexpected(r.error());
        const auto decided = decidedMutants(row->id);
        for (const auto& r : rows) {
            if (!r.verdict || decided.count(r.mutant.id)) continue;
            if (auto v = recordVerdict(r.mutant.id, *r.verdict, runId, r.vcd); !v)
                return tl::unexpected(v.error());
            ++merged;
        }
        for (const auto& t : other.taskRecords(theirs.id))
            if (auto r = recordTask(row->id, t, runId); !r) return tl::unexpected(r.error());
        if (auto s = setDesignStatus(row->id, theirs.status, theirs.message); !s)
            return tl::unexpected(s.error());
    }
    return merged;
}

tl::expected<void, Diagnostic> Database::setDesignStatus(int64_t designId, const std::string& status,
                                                         const std::string& message)
{
    Stmt st(db_, "UPDATE designs SET status = ?, message = ? WHERE id = ?");
    st.bind(1, status).bind(2, message).bind(3, designId);
    st.step();
    if (!st.done()) return tl::unexpected(dbError(db_, "updating the design status"));
    return {};
}

tl::expected<void, Diagnostic> Database::insertMutants(int64_t designId,
                                                       const std::vector<Mutant>& mutants)
{
    if (auto r = exec("BEGIN IMMEDIATE"); !r) return r;
    Stmt st(db_,
            "INSERT OR IGNORE INTO mutants(id, design_id, ordinal, operator, bug_class, module, file, "
            "line, col, end_line, end_col, original_text, mutated_text, description, edits, "
            "sources_hash) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
    for (size_t i = 0; i < mutants.size(); ++i) {
        const Mutant& m = mutants[i];
        st.bind(1, m.id).bind(2, designId).bind(3, static_cast<int64_t>(i)).bind(4, m.operatorId)
            .bind(5, m.bugClass).bind(6, m.module).bind(7, m.file)
            .bind(8, static_cast<int64_t>(m.line)).bind(9, static_cast<int64_t>(m.column))
            .bind(10, static_cast<int64_t>(m.endLine)).bind(11, static_cast<int64_t>(m.endColumn))
            .bind(12, m.originalText).bind(13, m.mutatedText).bind(14, m.description)
            .bind(15, jsonText(editsJson(m.edits))).bind(16, m.sourcesHash);
        st.step();
        if (!st.done()) {
            Diagnostic d = dbError(db_, "storing mutants");
            exec("ROLLBACK");
            return tl::unexpected(d);
        }
        st.reset();
    }
    return exec("COMMIT");
}

tl::expected<void, Diagnostic> Database::syncMutants(int64_t designId,
                                                     const std::vector<Mutant>& mutants)
{
    if (auto r = insertMutants(designId, mutants); !r) return r;
    std::set<std::string> keep;
    for (const auto& m : mutants) keep.insert(m.id);
    std::vector<std::string> stale;
    {
        Stmt st(db_, "SELECT id FROM mutants WHERE design_id = ?");
        st.bind(1, designId);
        while (st.step())
            if (!keep.count(st.text(0))) stale.push_back(st.text(0));
    }
    if (stale.empty()) return {};
    if (auto r = exec("BEGIN IMMEDIATE"); !r) return r;
    Stmt del(db_, "DELETE FROM mutants WHERE id = ?");
    for (const auto& id : stale) {
        del.bind(1, id);
        del.step();
        if (!del.done()) {
            Diagnostic d = dbError(db_, "dropping stale mutants");
            exec("ROLLBACK");
            return tl::unexpected(d);
        }
        del.reset();
    }
    return exec("COMMIT");
}

std::set<std::string> Database::decidedMutants(int64_t designId)
{
    std::set<std::string> out;
    Stmt st(db_, "SELECT v.mutant_id FROM verdicts v JOIN mutants m ON m.id = v.mutant_id "
                 "WHERE m.design_id = ?");
    st.bind(1, designId);
    while (st.step()) out.insert(st.text(0));
    return out;
}

tl::expected<void, Diagnostic> Database::recordVerdict(const std::string& mutantId,
                                                       const VerdictRecord& v, int64_t runId,
                                                       const std::string& vcd)
{
    if (auto r = exec("BEGIN IMMEDIATE"); !r) return r;
    Stmt st(db_, "INSERT OR REPLACE INTO verdicts(mutant_id, verdict, engine, bound, seconds, run_id) "
                 "VALUES (?,?,?,?,?,?)");
    st.bind(1, mutantId).bind(2, std::string(verdictName(v.verdict))).bind(3, v.engine)
        .bind(4, static_cast<int64_t>(v.bound)).bind(5, v.seconds).bind(6, runId);
    st.step();
    bool ok = st.done();
    if (ok) {
        Stmt ev(db_, "INSERT OR REPLACE INTO evidence(mutant_id, kind, data, vcd) VALUES (?,?,?,?)");
        ev.bind(1, mutantId).bind(2, v.evidenceKind).bind(3, v.evidence.empty() ? "{}" : v.evidence)
            .bind(4, vcd);
        ev.step();
        ok = ev.done();
    }
    if (!ok) {
        Diagnostic d = dbError(db_, "recording a verdict");
        exec("ROLLBACK");
        return tl::unexpected(d);
    }
    return exec("COMMIT");
}

std::vector<DesignRow> Database::designs()
{
    std::vector<DesignRow> out;
    Stmt st(db_, "SELECT id, name, language, top, dir, input_hash, status, message, sources "
                 "FROM designs ORDER BY name");
    while (st.step()) {
        DesignRow r;
        r.id = st.integer(0);
        r.name = st.text(1);
        r.language = st.text(2);
        r.top = st.text(3);
        r.dir = st.text(4);
        r.inputHash = st.text(5);
        r.status = st.text(6);
        r.message = st.text(7);
        for (const auto& f : nlohmann::json::parse(st.text(8), nullptr, false))
            if (f.is_object()) r.sources.push_back({f.value("path", ""), textField(f, "text")});
        out.push_back(std::move(r));
    }
    return out;
}

tl::expected<void, Diagnostic> Database::recordTask(int64_t designId, const TaskRecord& record, int64_t runId)
{
    Stmt st(db_, "INSERT OR REPLACE INTO task_records(design_id, task, key, data, run_id) VALUES (?,?,?,?,?)");
    st.bind(1, designId).bind(2, record.task).bind(3, record.key).bind(4, record.data).bind(5, runId);
    st.step();
    if (!st.done()) return tl::unexpected(dbError(db_, "storing a " + record.task + " record"));
    return {};
}

std::vector<TaskRecord> Database::taskRecords(int64_t designId)
{
    std::vector<TaskRecord> out;
    Stmt st(db_, "SELECT task, key, data FROM task_records WHERE design_id = ? ORDER BY task, key");
    st.bind(1, designId);
    while (st.step()) out.push_back({st.text(0), st.text(1), st.text(2)});
    return out;
}

std::vector<MutantRow> Database::mutants(int64_t designId)
{
    std::vector<MutantRow> out;
    Stmt st(db_,
            "SELECT m.id, m.operator, m.bug_class, m.module, m.file, m.line, m.col, m.end_line, "
            "m.end_col, m.original_text, m.mutated_text, m.description, m.edits, m.sources_hash, "
            "v.verdict, v.engine, v.bound, v.seconds, e.kind, e.data, e.vcd "
            "FROM mutants m LEFT JOIN verdicts v ON v.mutant_id = m.id "
            "LEFT JOIN evidence e ON e.mutant_id = m.id WHERE m.design_id = ? ORDER BY m.ordinal");
    st.bind(1, designId);
    while (st.step()) {
        MutantRow r;
        r.designId = designId;
        Mutant& m = r.mutant;
        m.id = st.text(0);
        m.operatorId = st.text(1);
        m.bugClass = st.text(2);
        m.module = st.text(3);
        m.file = st.text(4);
        m.line = static_cast<int>(st.integer(5));
        m.column = static_cast<int>(st.integer(6));
        m.endLine = static_cast<int>(st.integer(7));
        m.endColumn = static_cast<int>(st.integer(8));
        m.originalText = st.text(9);
        m.mutatedText = st.text(10);
        m.description = st.text(11);
        m.edits = editsFromJson(st.text(12));
        m.sourcesHash = st.text(13);
        if (!st.isNull(14)) {
            VerdictRecord v;
            v.verdict = parseVerdict(st.text(14)).value_or(Verdict::Survived);
            v.engine = st.text(15);
            v.bound = static_cast<int>(st.integer(16));
            v.seconds = st.real(17);
            v.evidenceKind = st.text(18);
            v.evidence = st.text(19);
            r.vcd = st.text(20);
            r.verdict = v;
        }
        out.push_back(std::move(r));
    }
    return out;
}

DatasetStats Database::stats()
{
    DatasetStats s;
    for (Verdict v : kAllVerdicts) s.byVerdict[std::string(verdictName(v))] = 0;
    {
        Stmt st(db_, "SELECT COUNT(*), SUM(status = 'skipped') FROM designs");
        if (st.step()) {
            s.designs = st.integer(0);
            s.designsSkipped = st.integer(1);
        }
    }
    Stmt st(db_, "SELECT m.bug_class, m.operator, v.verdict, e.kind, d.name, d.status FROM mutants m "
                 "JOIN designs d ON d.id = m.design_id "
                 "LEFT JOIN verdicts v ON v.mutant_id = m.id "
                 "LEFT JOIN evidence e ON e.mutant_id = m.id");
    while (st.step()) {
        if (st.text(5) == "skipped") {
            ++s.skippedMutants;
            continue;
        }
        DesignStrength& ds = s.byDesign[st.text(4)];
        ds.status = st.text(5);
        ++ds.mutants;
        ++s.mutants;
        const std::string cls = st.text(0);
        ++s.byBugClass[cls];
        ++s.byOperator[st.text(1)];
        if (st.isNull(2)) {
            ++s.pending;
            continue;
        }
        const std::string verdict = st.text(2);
        ++s.byVerdict[verdict];
        const std::string kind = st.isNull(3) ? "none" : st.text(3);
        if (verdict == "equivalent") ++ds.equivalent;
        if (auto v = parseVerdict(verdict); v && isConfirmedBug(*v)) {
            ++s.confirmed;
            ++s.confirmedByBugClass[cls];
            ++s.confirmedByEvidenceKind[kind];
            ++ds.confirmed;
            if (*v == Verdict::Nonequivalent) ++ds.byFormal;
            else if (kind == "differential") ++ds.byDifferential;
            else if (kind == "static-rule") ++ds.byRule;
            else ++ds.byTestbench;
        }
    }
    return s;
}

std::map<std::string, std::string> Database::lastRunInfo()
{
    std::map<std::string, std::string> info;
    Stmt st(db_, "SELECT command, options, seed, tool_versions, started_at FROM runs ORDER BY id DESC LIMIT 1");
    if (st.step()) {
        info["command"] = st.text(0);
        info["options"] = st.text(1);
        info["seed"] = std::to_string(st.integer(2));
        info["tool_versions"] = st.text(3);
        info["started_at"] = st.text(4);
    }
    return info;
}

}  // namespace veriloop
