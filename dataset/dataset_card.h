#pragma once
// The dataset card (README.md) and the JSON Schema (schema.json) that `dataset export` writes
// next to the JSONL files. Both come from one table of record fields, so they cannot disagree.

#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "dataset/export.h"

namespace veriloop {

struct RecordField {
    const char* name;
    const char* type;  // JSON Schema type: string or integer (never null: every record has it)
    const char* meaning;
};

/// Every field of an exported record, in order.
const std::vector<RecordField>& exportedRecordFields();

/// JSON Schema (draft 2020-12) of one record.
nlohmann::json recordJsonSchema();

/// The dataset card: fields, label semantics, split method, counts, tool versions, licenses.
std::string datasetCard(const ExportSummary& summary, const std::map<std::string, std::string>& lastRun,
                        const ExportOptions& options);

}  // namespace veriloop
