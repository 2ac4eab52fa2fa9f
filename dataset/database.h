#pragma once
// The dataset: SQLite in WAL mode with foreign keys and a schema version. Every verdict is
// committed with its evidence in its own transaction, so a killed build resumes where it
// stopped, with nothing lost and nothing done twice.

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <tl/expected.hpp>

#include "core/design.h"
#include "core/diagnostic.h"
#include "core/mutant.h"
#include "core/verdict.h"

struct sqlite3;

namespace veriloop {

inline constexpr int kSchemaVersion = 1;

struct DesignRow {
    int64_t id = 0;
    std::string name, language, top, dir, inputHash, status, message;
    std::vector<SourceFile> sources;
};

struct MutantRow {
    Mutant mutant;
    int64_t designId = 0;
    std::optional<VerdictRecord> verdict;
    std::string vcd;
};

/// A kept result of another task on a design, stored as training data too: a proved
/// optimization (`veriloop optimize`) or a kept assertion (`veriloop assert`).
struct TaskRecord {
    std::string task;  ///< "optimize" or "assert"
    std::string key;   ///< unique per design and task (a hash of the result)
    std::string data;  ///< the record, a JSON object
};

/// How one design's confirmed bugs were found: its own testbench, the random differential
/// harness, a replayed formal counterexample, or a static rule (HLS pragmas).
struct DesignStrength {
    std::string status;
    int64_t mutants = 0, confirmed = 0, equivalent = 0;
    int64_t byTestbench = 0, byDifferential = 0, byFormal = 0, byRule = 0;
    /// The testbench alone finds fewer than half of the confirmed bugs.
    bool weakTestbench() const { return confirmed > 0 && 2 * byTestbench < confirmed; }
};

/// Counts over the designs that were labeled; mutants of skipped designs are counted apart
/// (`skippedMutants`) and never in the denominators.
struct DatasetStats {
    int64_t designs = 0, designsSkipped = 0, mutants = 0, pending = 0, confirmed = 0;
    int64_t skippedMutants = 0;
    std::map<std::string, DesignStrength> byDesign;
    std::map<std::string, int64_t> byVerdict;
    std::map<std::string, int64_t> byBugClass;
    std::map<std::string, int64_t> confirmedByBugClass;
    std::map<std::string, int64_t> byOperator;
    std::map<std::string, int64_t> confirmedByEvidenceKind;
};

class Database {
public:
    ~Database();
    Database(Database&&) noexcept;
    Database& operator=(Database&&) noexcept;

    static tl::expected<Database, Diagnostic> open(const std::filesystem::path& path);

    /// Records a run: command line, options (JSON), seed and tool versions.
    tl::expected<int64_t, Diagnostic> beginRun(const std::string& command,
                                               const std::string& optionsJson, uint64_t seed,
                                               const std::string& toolVersionsJson);

    /// Inserts or refreshes a design. When its input hash changed, its old mutants go.
    tl::expected<DesignRow, Diagnostic> upsertDesign(const Design& design, int64_t runId);
    /// The same for a design as another dataset stored it (used by merge).
    tl::expected<DesignRow, Diagnostic> upsertDesign(const DesignRow& design, int64_t runId);
    tl::expected<void, Diagnostic> setDesignStatus(int64_t designId, const std::string& status,
                                                   const std::string& message);
    /// Makes the design's mutants exactly `mutants`: inserts the new ones and drops (with their
    /// verdicts) the ones this generator no longer produces (other options or version); the
    /// verdicts of the rest are kept. One transaction.
    tl::expected<void, Diagnostic> syncMutants(int64_t designId, const std::vector<Mutant>& mutants);
    /// Inserts the mutants that are not there yet (one transaction).
    tl::expected<void, Diagnostic> insertMutants(int64_t designId, const std::vector<Mutant>& mutants);
    /// Ids of the design's mutants that already have a verdict.
    std::set<std::string> decidedMutants(int64_t designId);
    /// Commits one verdict with its evidence.
    tl::expected<void, Diagnostic> recordVerdict(const std::string& mutantId,
                                                 const VerdictRecord& verdict, int64_t runId,
                                                 const std::string& vcd = {});

    /// Stores (or replaces, same key) one task record of a design; one statement.
    tl::expected<void, Diagnostic> recordTask(int64_t designId, const TaskRecord& record, int64_t runId);
    std::vector<TaskRecord> taskRecords(int64_t designId);

    std::vector<DesignRow> designs();
    std::vector<MutantRow> mutants(int64_t designId);
    DatasetStats stats();
    /// Copies designs, mutants and verdicts of `other` (a shard) into this dataset; a design
    /// already here with different inputs is an error.
    tl::expected<size_t, Diagnostic> mergeFrom(Database& other, int64_t runId);
    std::map<std::string, std::string> lastRunInfo();

private:
    explicit Database(sqlite3* db) : db_(db) {}
    tl::expected<void, Diagnostic> exec(const std::string& sql);
    sqlite3* db_ = nullptr;
};

}  // namespace veriloop
