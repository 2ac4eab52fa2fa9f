#include "dataset/export.h"

#include <algorithm>
#include <cctype>
#include <fstream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "core/json_text.h"
#include "core/source.h"
#include "core/text.h"
#include "dataset/dataset_card.h"

namespace veriloop {

std::string splitOf(const std::string& designName)
{
    const std::string h = contentHash("veriloop-split-v1:" + designName);
    const unsigned bucket = std::stoul(h.substr(0, 8), nullptr, 16) % 100;
    return bucket < 10 ? "test" : bucket < 20 ? "val" : "train";
}

std::map<std::string, std::string> assignSplits(const std::vector<std::string>& designNames)
{
    std::map<std::string, std::string> split;
    for (const auto& n : designNames) split[n] = splitOf(n);
    return split;
}

namespace {

nlohmann::json baseRecord(const DesignRow& d)
{
    return {{"language", d.language}, {"design", d.name}, {"top", d.top}};
}

std::string fileText(const DesignRow& d, const std::string& path)
{
    for (const auto& f : d.sources)
        if (f.path == path) return f.text;
    return {};
}

}  // namespace

namespace {

void tallyRecord(ExportSummary& s, const std::string& split, const nlohmann::json& r)
{
    ++s.records[split];
    for (const char* field : {"label", "verdict", "bug_class", "language"}) {
        const auto& v = r[field];
        s.tally[split][field][v.is_string() && !v.get<std::string>().empty() ? v.get<std::string>() : "(none)"]++;
    }
}

// optimize_<split>.jsonl and assert_<split>.jsonl: the stored task records of every design
// (labeled or not), each with the design's fields, its split and an id; a file per task and
// split, so each file's records share one shape.
tl::expected<void, Diagnostic> exportTaskRecords(Database& db, const std::vector<DesignRow>& designs,
                                                 const std::filesystem::path& outDir, ExportSummary& summary)
{
    std::map<std::string, std::ofstream> out;
    for (const auto& d : designs) {
        for (const auto& t : db.taskRecords(d.id)) {
            const std::string split = splitOf(d.name);
            const std::string file = fmt::format("{}_{}.jsonl", t.task, split);
            auto& stream = out[file];
            if (!stream.is_open()) stream.open(outDir / file, std::ios::trunc);
            if (!stream)
                return tl::unexpected(makeDiag(DiagCode::DatabaseError, "cannot write export", (outDir / file).string()));
            nlohmann::json r = nlohmann::json::parse(t.data, nullptr, false);
            if (!r.is_object()) continue;
            r.update(baseRecord(d));
            r["task"] = t.task;
            r["id"] = fmt::format("{}:{}:{}", d.name, t.task, t.key);
            r["split"] = split;
            stream << jsonText(r) << "\n";
            ++summary.taskRecords[t.task][split];
        }
    }
    return {};
}

}  // namespace

tl::expected<ExportSummary, Diagnostic> exportJsonl(Database& db, const std::filesystem::path& outDir,
                                                    const ExportOptions& options)
{
    std::error_code ec;
    std::filesystem::create_directories(outDir / "waveforms", ec);
    const auto designs = db.designs();
    std::vector<std::string> names;
    for (const auto& d : designs)
        if (d.status == "done") names.push_back(d.name);
    const auto splits = assignSplits(names);
    std::map<std::string, std::ofstream> out;
    ExportSummary summary;
    for (const char* s : {"train", "val", "test"}) {
        out[s].open(outDir / fmt::format("{}.jsonl.tmp", s), std::ios::trunc);
        summary.records[s] = 0;
        if (!out[s])
            return tl::unexpected(makeDiag(DiagCode::DatabaseError, "cannot write export",
                                           (outDir / s).string()));
    }
    for (const auto& d : designs) {
        auto it = splits.find(d.name);
        if (it == splits.end()) continue;
        auto& stream = out[it->second];
        for (const auto& f : d.sources) {  // the bug-free original
            nlohmann::json r = baseRecord(d);
            r["id"] = fmt::format("{}:original:{}", d.name, f.path);
            r.update({{"label", "bug-free"}, {"bug_class", ""}, {"operator", ""},
                      {"file", f.path}, {"line", 0}, {"column", 0},
                      {"description", "the original design"}, {"diff", ""},
                      {"verdict", "original"}, {"evidence_kind", "original"}, {"evidence", "{}"},
                      {"waveform", ""}, {"encoding", "utf-8"}});
            setTextFields(r, {{"buggy_source", &f.text}, {"fixed_source", &f.text}});
            stream << jsonText(r) << "\n";
            tallyRecord(summary, it->second, r);
        }
        for (const auto& row : db.mutants(d.id)) {
            if (!row.verdict) continue;
            const Verdict v = row.verdict->verdict;
            std::string label = isConfirmedBug(v) ? "buggy"
                                : v == Verdict::Equivalent ? "bug-free"
                                                           : "unconfirmed";
            if (label == "unconfirmed" && !options.includeUnconfirmed) continue;
            const Mutant& m = row.mutant;
            const std::string fixed = fileText(d, m.file);
            auto mutated = applyEdits(d.sources, m.edits);
            if (!mutated) continue;
            std::string buggy;
            for (const auto& f : *mutated)
                if (f.path == m.file) buggy = f.text;
            nlohmann::json evidence = nlohmann::json::parse(row.verdict->evidence, nullptr, false);
            if (!evidence.is_object()) evidence = {{"text", row.verdict->evidence}};
            evidence["kind"] = row.verdict->evidenceKind;
            evidence["engine"] = row.verdict->engine;
            if (row.verdict->bound) evidence["bound"] = row.verdict->bound;
            std::string waveform;
            if (!row.vcd.empty()) {
                waveform = "waveforms/" + fileStemFor(m.id) + ".vcd";
                if (writeFile(outDir / waveform, row.vcd)) ++summary.waveforms;
                else waveform.clear();
            }
            nlohmann::json r = baseRecord(d);
            r.update({{"id", m.id}, {"label", label}, {"bug_class", m.bugClass},
                      {"operator", m.operatorId}, {"file", m.file}, {"line", m.line},
                      {"column", m.column}, {"verdict", std::string(verdictName(v))},
                      {"evidence_kind", row.verdict->evidenceKind}, {"evidence", jsonText(evidence)},
                      {"waveform", waveform}, {"encoding", "utf-8"}});
            const std::string diff = unifiedDiff(m.file, buggy, fixed);
            setTextFields(r, {{"description", &m.description}, {"buggy_source", &buggy},
                              {"fixed_source", &fixed}, {"diff", &diff}});
            stream << jsonText(r) << "\n";
            tallyRecord(summary, it->second, r);
        }
    }
    if (auto t = exportTaskRecords(db, designs, outDir, summary); !t) return tl::unexpected(t.error());
    for (auto& [split, stream] : out) {
        stream.close();
        std::filesystem::rename(outDir / fmt::format("{}.jsonl.tmp", split),
                                outDir / fmt::format("{}.jsonl", split), ec);
        if (ec)
            return tl::unexpected(makeDiag(DiagCode::DatabaseError, "cannot finish the export",
                                           outDir.string()));
    }
    if (!writeFile(outDir / "README.md", datasetCard(summary, db.lastRunInfo(), options)) ||
        !writeFile(outDir / "schema.json", jsonText(recordJsonSchema(), 2) + "\n"))
        return tl::unexpected(makeDiag(DiagCode::DatabaseError, "cannot write the dataset card",
                                       outDir.string()));
    return summary;
}

}  // namespace veriloop
