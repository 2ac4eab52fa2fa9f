#include "dataset/export.h"

#include <algorithm>
#include <fstream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "core/json_text.h"
#include "core/source.h"
#include "core/text.h"

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

tl::expected<std::map<std::string, size_t>, Diagnostic> exportJsonl(
    Database& db, const std::filesystem::path& outDir, const ExportOptions& options)
{
    std::error_code ec;
    std::filesystem::create_directories(outDir, ec);
    const auto designs = db.designs();
    std::vector<std::string> names;
    for (const auto& d : designs)
        if (d.status == "done") names.push_back(d.name);
    const auto splits = assignSplits(names);
    std::map<std::string, std::ofstream> out;
    std::map<std::string, size_t> counts;
    for (const char* s : {"train", "val", "test"}) {
        out[s].open(outDir / fmt::format("{}.jsonl.tmp", s), std::ios::trunc);
        counts[s] = 0;
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
            r.update({{"label", "bug-free"}, {"bug_class", nullptr}, {"operator", nullptr},
                      {"file", f.path}, {"line", nullptr}, {"column", nullptr},
                      {"description", "the original design"}, {"diff", ""},
                      {"verdict", "original"}, {"evidence_kind", "original"}, {"evidence", nullptr}});
            setTextFields(r, {{"buggy_source", &f.text}, {"fixed_source", &f.text}});
            stream << jsonText(r) << "\n";
            ++counts[it->second];
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
            if (evidence.is_discarded()) evidence = row.verdict->evidence;
            if (evidence.is_object()) {
                evidence["kind"] = row.verdict->evidenceKind;
                evidence["engine"] = row.verdict->engine;
                if (row.verdict->bound) evidence["bound"] = row.verdict->bound;
            }
            nlohmann::json r = baseRecord(d);
            r.update({{"id", m.id}, {"label", label}, {"bug_class", m.bugClass},
                      {"operator", m.operatorId}, {"file", m.file}, {"line", m.line},
                      {"column", m.column}, {"verdict", std::string(verdictName(v))},
                      {"evidence_kind", row.verdict->evidenceKind}, {"evidence", evidence}});
            const std::string diff = unifiedDiff(m.file, buggy, fixed);
            setTextFields(r, {{"description", &m.description}, {"buggy_source", &buggy},
                              {"fixed_source", &fixed}, {"diff", &diff}});
            stream << jsonText(r) << "\n";
            ++counts[it->second];
        }
    }
    for (auto& [split, stream] : out) {
        stream.close();
        std::filesystem::rename(outDir / fmt::format("{}.jsonl.tmp", split),
                                outDir / fmt::format("{}.jsonl", split), ec);
        if (ec)
            return tl::unexpected(makeDiag(DiagCode::DatabaseError, "cannot finish the export",
                                           outDir.string()));
    }
    return counts;
}

}  // namespace veriloop
