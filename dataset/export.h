#pragma once
// JSONL export by split. Splits are by design (a design is never in two splits), chosen by a
// seeded hash of the design name so they are stable as designs are added.

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include <tl/expected.hpp>

#include "core/diagnostic.h"
#include "dataset/database.h"

namespace veriloop {

struct ExportOptions {
    uint64_t seed = 1;
    bool includeUnconfirmed = false;  // survived / invalid / timeout as label "unconfirmed"
};

/// train / val / test for each design name; with three or more designs each split has one.
std::map<std::string, std::string> assignSplits(const std::vector<std::string>& designNames,
                                                uint64_t seed);

/// Writes train.jsonl, val.jsonl, test.jsonl into `outDir`; returns records per split.
tl::expected<std::map<std::string, size_t>, Diagnostic> exportJsonl(
    Database& db, const std::filesystem::path& outDir, const ExportOptions& options);

}  // namespace veriloop
