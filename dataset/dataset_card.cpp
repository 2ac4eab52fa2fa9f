#include "dataset/dataset_card.h"

#include <set>

#include <fmt/format.h>

namespace veriloop {

const std::vector<RecordField>& exportedRecordFields()
{
    static const std::vector<RecordField> fields = {
        {"id", "string", "stable id: `operator:file:line:col-line:col:hash` for a mutant, `design:original:file` for an original"},
        {"language", "string", "`verilog`, `systemverilog` or `hls-cpp`"},
        {"design", "string", "design name (its design.toml); splits are by design"},
        {"top", "string", "top module (RTL) or top function (HLS C++)"},
        {"label", "string", "`buggy` (a confirmed bug), `bug-free` (an original, or a mutant proved equivalent), `unconfirmed` (only with --include-unconfirmed)"},
        {"bug_class", "string", "bug class from the taxonomy (`veriloop operators`); empty for originals"},
        {"operator", "string", "mutation operator id; empty for originals"},
        {"file", "string", "the changed file, relative to the design folder"},
        {"line", "integer", "1-based line of the change; 0 for originals"},
        {"column", "integer", "1-based column of the change; 0 for originals"},
        {"description", "string", "one sentence saying what changed"},
        {"buggy_source", "string", "the whole file with the change"},
        {"fixed_source", "string", "the whole original file"},
        {"diff", "string", "unified diff from buggy_source to fixed_source (the fix); empty for originals"},
        {"verdict", "string", "`killed`, `nonequivalent`, `equivalent`, `survived`, `invalid`, `timeout`, or `original`"},
        {"evidence_kind", "string", "what decided the verdict: `testbench`, `differential`, `formal-counterexample`, `sanitizer`, `static-rule`, `formal-proof`, ..."},
        {"evidence", "string", "JSON text of the evidence object (failing check, cycle, signal, expected/actual, counterexample trace, proof engine and bound); `{}` for originals"},
        {"waveform", "string", "counterexample VCD, relative to the export folder (`waveforms/...`); empty when none"},
        {"encoding", "string", "`utf-8`, or `latin-1` when the sources were Latin-1 (text fields decode back to the exact bytes)"},
    };
    return fields;
}

nlohmann::json recordJsonSchema()
{
    nlohmann::json props = nlohmann::json::object();
    nlohmann::json required = nlohmann::json::array();
    for (const auto& f : exportedRecordFields()) {
        props[f.name] = {{"type", f.type}, {"description", f.meaning}};
        required.push_back(f.name);
    }
    props["label"]["enum"] = {"buggy", "bug-free", "unconfirmed"};
    props["line"]["minimum"] = 0;
    props["column"]["minimum"] = 0;
    return {{"$schema", "https://json-schema.org/draft/2020-12/schema"},
            {"title", "veriloop dataset record"},
            {"type", "object"},
            {"properties", props},
            {"required", required},
            {"additionalProperties", false}};
}

namespace {

std::string countsTable(const ExportSummary& s, const std::string& field)
{
    std::set<std::string> values;
    for (const auto& [split, fields] : s.tally)
        if (auto it = fields.find(field); it != fields.end())
            for (const auto& [v, n] : it->second) values.insert(v);
    std::string out = fmt::format("| {} | train | val | test |\n|---|---:|---:|---:|\n", field);
    for (const auto& v : values) {
        out += "| " + v;
        for (const char* split : {"train", "val", "test"}) {
            size_t n = 0;
            if (auto a = s.tally.find(split); a != s.tally.end())
                if (auto b = a->second.find(field); b != a->second.end())
                    if (auto c = b->second.find(v); c != b->second.end()) n = c->second;
            out += fmt::format(" | {}", n);
        }
        out += " |\n";
    }
    return out;
}

}  // namespace

std::string datasetCard(const ExportSummary& summary, const std::map<std::string, std::string>& lastRun,
                        const ExportOptions& options)
{
    auto run = [&](const char* key) {
        auto it = lastRun.find(key);
        return it == lastRun.end() || it->second.empty() ? std::string("(not recorded)") : it->second;
    };
    std::string fields = "| field | type | meaning |\n|---|---|---|\n";
    for (const auto& f : exportedRecordFields()) fields += fmt::format("| `{}` | {} | {} |\n", f.name, f.type, f.meaning);
    size_t total = 0;
    for (const auto& [split, n] : summary.records) total += n;
    return fmt::format(R"(---
license: other
task_categories:
- text-classification
- text-generation
tags:
- hardware-verification
- verilog
- systemverilog
- hls
- bug-detection
- program-repair
configs:
- config_name: default
  data_files:
  - split: train
    path: train.jsonl
  - split: validation
    path: val.jsonl
  - split: test
    path: test.jsonl
---

# veriloop verification dataset

Hardware designs (Verilog/SystemVerilog RTL and HLS C++) with injected bugs, each bug proved
real by a check, and bug-free hard negatives. Made by `veriloop dataset export`; {total} records
({train} train, {val} validation, {test} test){unconfirmed}. Counterexample waveforms written: {waveforms}.

Load it with the Hugging Face `datasets` library
(`load_dataset("json", data_files={{"train": "train.jsonl", "validation": "val.jsonl", "test": "test.jsonl"}})`)
or pandas (`pandas.read_json("train.jsonl", lines=True)`). `schema.json` is the JSON Schema of a
record. Every record has every field, with one type per field (integers never null), so
columns keep their types in both.

## Fields

{fields}
## Labels

- `buggy`: the change is a confirmed bug: a test saw it (`killed`: the design's testbench, the
  random differential harness, a sanitizer, or a pragma rule for HLS) or Yosys found a
  counterexample that replayed in Verilator (`nonequivalent`). `evidence` says which.
- `bug-free`: the original design, or a mutant proved equivalent by Yosys **and** not
  distinguished by a long seeded random differential simulation (4 seeds x 10,000 cycles with
  reset re-asserted): looks different, is still correct (a hard negative).
- `unconfirmed`: neither shown to be a bug nor proved harmless (`survived`, `invalid`,
  `timeout`); only with `--include-unconfirmed`, never mixed into the other two.

## Splits

By design, never by sample: a design is in exactly one split. The split is a function of the
design name alone (a hash of `veriloop-split-v1:<name>`, about 80% train, 10% validation, 10%
test), so it does not depend on the build's seed, sharding, merging or the other designs: test
designs never leak into train across dataset versions.

{tlabel}
{tverdict}
{tclass}
{tlang}
## How it was made

- command: `{command}`
- options: `{opts}`
- seed: {seed} (mutant sampling and wrong-variable choices; not the split)
- started: {started}
- tool versions: `{tools}`

## Licenses

The bundled corpora (`corpora/rtl`, `corpora/hls`) and `fpga_targets/` were written for
veriloop, with their testbenches, and are distributed under the veriloop project's license;
designs added by a user carry their own licenses, which this export does not change.
)",
                       fmt::arg("total", total), fmt::arg("train", summary.records.count("train") ? summary.records.at("train") : 0),
                       fmt::arg("val", summary.records.count("val") ? summary.records.at("val") : 0),
                       fmt::arg("test", summary.records.count("test") ? summary.records.at("test") : 0),
                       fmt::arg("unconfirmed", options.includeUnconfirmed ? ", unconfirmed mutants included" : ""),
                       fmt::arg("waveforms", summary.waveforms), fmt::arg("fields", fields),
                       fmt::arg("tlabel", countsTable(summary, "label")),
                       fmt::arg("tverdict", countsTable(summary, "verdict")),
                       fmt::arg("tclass", countsTable(summary, "bug_class")),
                       fmt::arg("tlang", countsTable(summary, "language")), fmt::arg("command", run("command")),
                       fmt::arg("opts", run("options")), fmt::arg("seed", run("seed")),
                       fmt::arg("started", run("started_at")), fmt::arg("tools", run("tool_versions")));
}

}  // namespace veriloop
