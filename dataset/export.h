#pragma once
// JSONL export by split. Splits are by design (a design is never in two splits), and a
// design's split is a function of its name alone: no run seed, shard or set of other designs
// moves it, so sharded, merged and rebuilt datasets agree and test designs never leak into
// train across dataset versions.

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include <tl/expected.hpp>

#include "core/diagnostic.h"
#include "dataset/database.h"

namespace veriloop {

struct ExportOptions {
    bool includeUnconfirmed = false;  // survived / invalid / timeout as label "unconfirmed"
};

/// train, val or test for one design: about 10% test, 10% val, 80% train by a hash of the name.
std::string splitOf(const std::string& designName);

/// splitOf for each name.
std::map<std::string, std::string> assignSplits(const std::vector<std::string>& designNames);

/// What an export wrote: records per split, and per split the counts by label, bug class and
/// verdict (the dataset card's tables).
struct ExportSummary {
    std::map<std::string, size_t> records;  // split -> records
    std::map<std::string, std::map<std::string, std::map<std::string, size_t>>> tally;  // split -> field -> value -> n
    size_t waveforms = 0;                   // counterexample VCDs written
    std::map<std::string, std::map<std::string, size_t>> taskRecords;  // task -> split -> records
};

/// Writes train.jsonl, val.jsonl, test.jsonl into `outDir`, counterexample waveforms into
/// `outDir`/waveforms (a record's `waveform` names its file), a dataset card (README.md) and
/// the JSON Schema of a record (schema.json); the stored optimize / assert records go to
/// `<task>_<split>.jsonl`. Every record has the same fields with the same
/// types (dataset_card.h documents them).
tl::expected<ExportSummary, Diagnostic> exportJsonl(Database& db, const std::filesystem::path& outDir,
                                                    const ExportOptions& options);

}  // namespace veriloop
