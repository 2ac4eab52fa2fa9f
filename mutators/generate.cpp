#include "mutators/generate.h"

#include <algorithm>
#include <random>
#include <set>
#include <string_view>
#include <tuple>

#include <fmt/format.h>

#include "core/text.h"

namespace veriloop {

namespace {

std::string sliceOf(const std::vector<SourceFile>& files, const ByteRange& r)
{
    return files[r.file].text.substr(r.begin, r.end - r.begin);
}

// The alternative text of `choice` with `edit` applied inside it.
std::string applyWithin(const std::vector<SourceFile>& files, const ByteRange& choice,
                        const Edit& edit)
{
    std::string text = sliceOf(files, choice);
    text.replace(edit.range.begin - choice.begin, edit.range.end - edit.range.begin, edit.newText);
    return text;
}

bool editsMatch(const std::vector<SourceFile>& files, const std::vector<Edit>& edits)
{
    for (const auto& e : edits) {
        if (e.range.file < 0 || e.range.file >= static_cast<int>(files.size())) return false;
        const auto& text = files[e.range.file].text;
        if (e.range.end > text.size() || text.compare(e.range.begin, e.range.end - e.range.begin,
                                                      e.oldText) != 0)
            return false;
    }
    return true;
}

// The identity of the sources a proposal produces, in time proportional to its edits rather
// than to the files (a 5 MB netlist has a million sites): the originals' hash, and per file
// the smallest region the edits change with its new text. Empty when edits overlap.
std::string changeKey(const std::string& originalsHash, const std::vector<SourceFile>& files,
                      std::vector<Edit> edits)
{
    std::sort(edits.begin(), edits.end(), [](const Edit& a, const Edit& b) {
        return std::tie(a.range.file, a.range.begin) < std::tie(b.range.file, b.range.begin);
    });
    std::string key = originalsHash;
    for (size_t i = 0; i < edits.size();) {
        const int file = edits[i].range.file;
        const std::string& text = files[file].text;
        const uint32_t begin = edits[i].range.begin;
        std::string changed;
        uint32_t at = begin;
        for (; i < edits.size() && edits[i].range.file == file; ++i) {
            if (edits[i].range.begin < at) return {};
            changed += text.substr(at, edits[i].range.begin - at) + edits[i].newText;
            at = edits[i].range.end;
        }
        std::string_view before(text.data() + begin, at - begin), after(changed);
        while (!before.empty() && !after.empty() && before.front() == after.front()) {
            before.remove_prefix(1);
            after.remove_prefix(1);
        }
        while (!before.empty() && !after.empty() && before.back() == after.back()) {
            before.remove_suffix(1);
            after.remove_suffix(1);
        }
        const auto from = static_cast<size_t>(before.data() - text.data());
        key += fmt::format("\n{}:{}:{}:", file, from, from + before.size());
        key += after;
    }
    return contentHash(key);
}

Mutant buildMutant(const std::vector<SourceFile>& files, const std::vector<LineIndex>& lines,
                   const Site& site, const MutationOperator& op, Proposal proposal)
{
    Mutant m;
    m.operatorId = op.info().id;
    m.bugClass = op.info().bugClass;
    m.module = site.module;
    const Edit& first = proposal.edits.front();
    m.file = files[first.range.file].path;
    LineCol b = lines[first.range.file].at(first.range.begin);
    LineCol e = lines[first.range.file].at(first.range.end);
    m.line = b.line;
    m.column = b.column;
    m.endLine = e.line;
    m.endColumn = e.column;
    m.check = proposal.check;
    if (proposal.choices.empty() && proposal.check == MutantCheck::Schema) {
        for (const auto& edit : proposal.edits) {
            const ByteRange choice = site.choice.contains(edit.range) ? site.choice : edit.range;
            proposal.choices.push_back(
                SchemaChoice{choice, site.choiceIsStatement && choice == site.choice,
                             applyWithin(files, choice, edit)});
        }
    }
    if (proposal.choices.empty()) {
        m.originalText = first.oldText;
        m.mutatedText = first.newText;
    } else {
        m.originalText = sliceOf(files, proposal.choices.front().range);
        m.mutatedText = proposal.choices.front().altText;
    }
    m.description = proposal.sentence
                        ? proposal.description
                        : fmt::format("{} `{}` became `{}`", proposal.description,
                                      oneLine(m.originalText, 60), oneLine(m.mutatedText, 60));
    m.edits = std::move(proposal.edits);
    m.choices = std::move(proposal.choices);
    return m;
}

}  // namespace

GenerateResult generateMutants(const std::vector<SourceFile>& files, const std::vector<Site>& sites,
                               const std::vector<const MutationOperator*>& operators,
                               const GenerateOptions& options)
{
    GenerateResult result;
    std::set<std::string> seen;
    std::vector<LineIndex> lines;
    std::string originals;
    for (const auto& f : files) {
        lines.emplace_back(f.text);
        originals += f.path + '\0' + f.text + '\0';
    }
    const std::string originalsHash = contentHash(originals);
    std::vector<size_t> sitesInFile(files.size(), 0);
    MutationContext ctx{&files, options.seed, options.hls};
    for (const Site& site : sites) {
        const auto file = static_cast<size_t>(site.token.file);
        if (file < files.size() && ++sitesInFile[file] > kMaxSitesPerFile) continue;
        for (const MutationOperator* op : operators) {
            if (op->info().forHls() != (options.hls != nullptr)) continue;
            std::vector<Proposal> proposals;
            op->propose(site, ctx, proposals);
            for (auto& p : proposals) {
                if (p.edits.empty()) continue;
                if (!editsMatch(files, p.edits)) {
                    ++result.editMismatches;
                    continue;
                }
                const std::string hash = changeKey(originalsHash, files, p.edits);
                if (hash.empty()) {
                    ++result.editMismatches;
                    continue;
                }
                if (!seen.insert(hash).second) {
                    ++result.duplicates;
                    continue;
                }
                Mutant m = buildMutant(files, lines, site, *op, std::move(p));
                m.sourcesHash = hash;
                m.id = fmt::format("{}:{}:{}:{}-{}:{}:{}", m.operatorId, m.file, m.line, m.column,
                                   m.endLine, m.endColumn, hash.substr(0, 8));
                result.mutants.push_back(std::move(m));
            }
        }
    }
    for (size_t f = 0; f < files.size(); ++f)
        if (sitesInFile[f] > kMaxSitesPerFile) result.cappedFiles.push_back({files[f].path, sitesInFile[f]});
    if (options.maxPerDesign > 0 && result.mutants.size() > options.maxPerDesign) {
        std::mt19937_64 rng(options.seed);
        std::shuffle(result.mutants.begin(), result.mutants.end(), rng);
        result.mutants.resize(options.maxPerDesign);
        std::sort(result.mutants.begin(), result.mutants.end(),
                  [](const Mutant& a, const Mutant& b) { return a.id < b.id; });
    }
    return result;
}

std::vector<std::string> GenerateResult::capMessages() const
{
    std::vector<std::string> out;
    for (const auto& [path, count] : cappedFiles)
        out.push_back(fmt::format("{}: {} mutation sites, more than the {} veriloop plans per file; "
                                  "only the first {} are used (split the file to mutate the rest)",
                                  path, count, kMaxSitesPerFile, kMaxSitesPerFile));
    return out;
}

}  // namespace veriloop
