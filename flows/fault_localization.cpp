// Ochiai spectrum ranking. Correct by construction of the formula: a line executed by every
// failing run and no passing run scores 1; a line never executed by a failing run scores 0 and
// is dropped. The coverage.dat parser reads one record per line (`C '<keys>' <count>`), keys
// separated by \001 and key/value by \002, as Verilator's VerilatedCov writes them.

#include "flows/fault_localization.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <sstream>

#include <fmt/format.h>

#include "core/site.h"
#include "core/text.h"
#include "flows/rtl_dependence.h"
#include "flows/signal_divergence.h"

namespace veriloop {

namespace {

std::map<std::string, std::string> coverageKeys(const std::string& quoted)
{
    std::map<std::string, std::string> keys;
    size_t pos = 0;
    while (pos < quoted.size()) {
        if (quoted[pos] != '\001') {
            ++pos;
            continue;
        }
        const size_t sep = quoted.find('\002', pos + 1);
        if (sep == std::string::npos) break;
        size_t end = quoted.find('\001', sep + 1);
        if (end == std::string::npos) end = quoted.size();
        keys[quoted.substr(pos + 1, sep - pos - 1)] = quoted.substr(sep + 1, end - sep - 1);
        pos = end;
    }
    return keys;
}

int fileIndex(const std::string& path, const std::vector<SourceFile>& files)
{
    for (size_t i = 0; i < files.size(); ++i) {
        const std::string& p = files[i].path;
        if (path == p) return static_cast<int>(i);
        if (path.size() > p.size() && path.compare(path.size() - p.size(), p.size(), p) == 0 &&
            path[path.size() - p.size() - 1] == '/')
            return static_cast<int>(i);
    }
    return -1;
}

// "12-14,17" → 12, 13, 14, 17
std::vector<int> lineSpec(const std::string& spec)
{
    std::vector<int> out;
    std::istringstream in(spec);
    std::string part;
    while (std::getline(in, part, ',')) {
        const auto dash = part.find('-');
        try {
            const int a = std::stoi(part.substr(0, dash));
            const int b = dash == std::string::npos ? a : std::stoi(part.substr(dash + 1));
            for (int l = a; l <= b && l - a < 10000; ++l) out.push_back(l);
        } catch (const std::exception&) {
        }
    }
    return out;
}

}  // namespace

namespace {

// Calls `fn(file, lines, point, count)` for every line/branch coverage point of a design source.
template <typename Fn>
void visitCoverage(const std::string& text, const std::vector<SourceFile>& files, Fn fn)
{
    std::istringstream in(text);
    std::string line;
    while (std::getline(in, line)) {
        if (line.rfind("C '", 0) != 0) continue;
        const size_t close = line.rfind('\'');
        if (close == std::string::npos || close < 3) continue;
        auto keys = coverageKeys(line.substr(3, close - 3));
        const auto page = keys["page"];
        if (page.rfind("v_line", 0) != 0 && page.rfind("v_branch", 0) != 0) continue;
        const int file = fileIndex(keys["f"], files);
        if (file < 0) continue;
        uint64_t count = 0;
        try {
            count = std::stoull(line.substr(close + 1));
        } catch (const std::exception&) {
            continue;
        }
        const auto lines = keys.count("S") ? lineSpec(keys["S"]) : lineSpec(keys["l"]);
        // The same code in the testbench build and the differential build (or in two
        // instances) is one point: the key leaves out the build folder and the hierarchy.
        const std::string point = fmt::format("{}:{}:{}:{}:{}", file, keys["l"], keys["n"],
                                              keys["o"], page.substr(0, page.find('/')));
        fn(file, lines, point, count);
    }
}

}  // namespace

std::set<LineKey> parseCoverageDat(const std::string& text, const std::vector<SourceFile>& files,
                                   std::set<LineKey>* known, std::set<std::string>* pointsExecuted,
                                   PointLines* pointLines)
{
    std::set<LineKey> executed;
    visitCoverage(text, files, [&](int file, const std::vector<int>& lines, const std::string& point, uint64_t count) {
        for (int l : lines) {
            if (known) known->insert({file, l});
            if (count > 0) executed.insert({file, l});
        }
        if (pointLines && !pointLines->count(point)) {
            auto& v = (*pointLines)[point];
            for (int l : lines) v.push_back({file, l});
        }
        if (pointsExecuted && count > 0) pointsExecuted->insert(point);
    });
    return executed;
}

std::set<LineKey> linesExecutedBetween(const std::string& before, const std::string& after,
                                       const std::vector<SourceFile>& files, std::set<LineKey>* covered)
{
    std::map<std::string, uint64_t> earlier;
    visitCoverage(before, files, [&](int, const std::vector<int>&, const std::string& point, uint64_t count) {
        earlier[point] += count;
    });
    std::map<std::string, std::pair<uint64_t, std::vector<LineKey>>> later;
    visitCoverage(after, files, [&](int file, const std::vector<int>& lines, const std::string& point, uint64_t count) {
        auto& [n, keys] = later[point];
        n += count;
        for (int l : lines) keys.push_back({file, l});
        if (covered)
            for (int l : lines) covered->insert({file, l});
    });
    std::set<LineKey> out;
    for (const auto& [point, entry] : later)
        if (entry.first > earlier[point]) out.insert(entry.second.begin(), entry.second.end());
    return out;
}

FaultLocalization rankLines(const std::vector<CoverageRun>& runs,
                            const std::set<LineKey>& alwaysExecuted,
                            const std::vector<SourceFile>& files, const PointLines& pointLines)
{
    FaultLocalization fl;
    for (const auto& r : runs) (r.failed ? fl.failingRuns : fl.passingRuns)++;
    if (fl.failingRuns == 0) return fl;
    auto ochiai = [&](int ef, int ep) {
        return ef == 0 ? 0.0 : ef / std::sqrt(static_cast<double>(fl.failingRuns) * (ef + ep));
    };
    std::map<LineKey, double> best;  // line → its score
    std::map<std::string, std::pair<int, int>> pointCounts;
    for (const auto& r : runs)
        for (const auto& p : r.points) (r.failed ? pointCounts[p].first : pointCounts[p].second)++;
    if (!pointCounts.empty()) {
        for (const auto& [point, lines] : pointLines) {
            auto it = pointCounts.find(point);
            const double sc = it == pointCounts.end() ? 0.0 : ochiai(it->second.first, it->second.second);
            for (const auto& key : lines) best[key] = std::max(best[key], sc);
        }
    } else {
        std::map<LineKey, std::pair<int, int>> counts;  // line → (ef, ep)
        for (const auto& r : runs)
            for (const auto& key : r.executed) (r.failed ? counts[key].first : counts[key].second)++;
        for (const auto& [key, c] : counts) best[key] = ochiai(c.first, c.second);
    }
    for (const auto& key : alwaysExecuted) best[key] = ochiai(fl.failingRuns, fl.passingRuns);
    std::vector<std::pair<LineKey, double>> scored;
    for (const auto& [key, score] : best)
        if (score > 0) scored.push_back({key, score});
    std::stable_sort(scored.begin(), scored.end(),
                     [](const auto& a, const auto& b) { return a.second > b.second; });
    std::vector<std::vector<std::string>> text;
    for (const auto& f : files) text.push_back(splitLines(f.text));
    for (const auto& [key, score] : scored) {
        SuspiciousLine s;
        s.file = files[key.first].path;
        s.line = key.second;
        s.score = score;
        const auto& lines = text[key.first];
        if (key.second >= 1 && key.second <= static_cast<int>(lines.size()))
            s.text = oneLine(lines[key.second - 1], 100);
        fl.ranked.push_back(std::move(s));
    }
    return fl;
}

void rankByDivergence(FaultLocalization& fl, const DivergenceFacts& divergence,
                      const std::vector<AssignmentFacts>& assignments,
                      const std::vector<SourceFile>& files)
{
    constexpr int kLevels = 12;          // later differences are effects, not causes
    constexpr double kPerLevel = 0.95;   // each level below the one before
    constexpr double kGuard = 0.99;      // a guarding condition just below what it guards
    constexpr double kUnrelated = 0.5;   // lines assigning nothing that differs
    constexpr double kCause = 1.01;      // a cause just above what it explains
    const int samplesPerCycle = std::max(divergence.samplesPerCycle, 1);
    std::map<std::string, uint64_t> firstTime;  // assigned name → when it first differs
    std::set<std::string> assigned, constants;
    for (const auto& a : assignments) (a.constant ? constants : assigned).insert(a.targets.begin(), a.targets.end());
    std::set<std::string> differingConstants;
    for (const auto& d : divergence.signals) {
        if (assigned.count(d.name) && !firstTime.count(d.name)) firstTime[d.name] = d.time;
        if (constants.count(d.name)) differingConstants.insert(d.name);
    }
    if (firstTime.empty() && differingConstants.empty()) return;
    std::vector<uint64_t> times{UINT64_MAX};
    for (const auto& [name, t] : firstTime) times.push_back(t);
    std::sort(times.begin(), times.end());
    times.erase(std::unique(times.begin(), times.end()), times.end());
    // A root differs while nothing any of its assignments reads differed before it (a
    // register: before the edge) or with it (combinational logic).
    auto isRoot = [&](const std::string& name, uint64_t t) {
        for (const auto& a : assignments) {
            if (std::find(a.targets.begin(), a.targets.end(), name) == a.targets.end()) continue;
            for (const auto& r : a.reads) {
                auto it = firstTime.find(r);
                if (r != name && it != firstTime.end() && (it->second < t || (!a.registered && it->second == t)))
                    return false;
            }
        }
        return true;
    };
    std::map<std::string, int> level;
    for (const auto& [name, t] : firstTime) {
        const int l = 2 * static_cast<int>(std::lower_bound(times.begin(), times.end(), t) - times.begin()) +
                      (isRoot(name, t) ? 0 : 1);
        if (l < kLevels) level[name] = l;
    }
    std::map<LineKey, size_t> at;
    std::map<std::string, int> fileOf;
    for (size_t i = 0; i < files.size(); ++i) fileOf[files[i].path] = static_cast<int>(i);
    for (size_t i = 0; i < fl.ranked.size(); ++i) {
        fl.ranked[i].score *= kUnrelated;
        at[{fileOf[fl.ranked[i].file], fl.ranked[i].line}] = i;
    }
    const auto spectrum = fl.ranked;
    std::vector<std::vector<std::string>> text;
    for (const auto& f : files) text.push_back(splitLines(f.text));
    auto raise = [&](int file, int line, double score, const std::string& reason) {
        auto it = at.find({file, line});
        if (it == at.end()) {
            SuspiciousLine s;
            s.file = files[file].path;
            s.line = line;
            if (line >= 1 && line <= static_cast<int>(text[file].size()))
                s.text = oneLine(text[file][line - 1], 100);
            it = at.emplace(LineKey{file, line}, fl.ranked.size()).first;
            fl.ranked.push_back(std::move(s));
        }
        if (fl.ranked[it->second].score >= score) return;
        fl.ranked[it->second].score = score;
        fl.ranked[it->second].reason = reason;
    };
    auto spectrumOf = [&](int file, int line) {
        auto it = at.find({file, line});
        return it == at.end() || it->second >= spectrum.size() ? 0.0 : spectrum[it->second].score / kUnrelated;
    };
    // Reset logic is the first suspect when the runs part during reset; after it, the last.
    const bool partedInReset = times.front() != UINT64_MAX &&
                               static_cast<int>(times.front() / samplesPerCycle) <= divergence.resetCycles;
    const int resetPenalty = partedInReset ? 0 : 2;
    for (const auto& a : assignments) {
        if (a.constant) {  // a parameter the golden gives another value: the first suspect
            if (differingConstants.count(a.targets.front()))
                raise(a.file, a.line, 1.0, fmt::format("declares `{}`, whose value differs from the golden's", a.targets.front()));
            continue;
        }
        for (const auto& name : a.targets) {
            auto l = level.find(name);
            if (l == level.end()) continue;
            const int cycle = static_cast<int>(firstTime[name] / samplesPerCycle);
            // Of the lines assigning a first signal, those that did not run in that cycle
            // could not have made its value (a line without a coverage point, a continuous
            // assignment, always runs).
            const bool idle = l->second == 0 && !divergence.activeAtFirst.empty() &&
                              divergence.covered.count({a.file, a.line}) &&
                              !divergence.activeAtFirst.count({a.file, a.line});
            const int below = l->second + (a.inReset ? resetPenalty : 0) + (idle ? 2 : 0);
            const double score = std::pow(kPerLevel, below) * (0.9 + 0.1 * spectrumOf(a.file, a.line));
            const std::string what =
                l->second == 0 ? fmt::format("`{}`, among the first signals to differ from the golden (cycle {}{})",
                                             name, cycle, idle ? "" : ", executed in that cycle")
                               : fmt::format("`{}`, which differs from the golden from cycle {}", name, cycle);
            raise(a.file, a.line, score, "assigns " + what);
            for (const auto& g : a.guards) {
                if (g.line == a.line) continue;
                const double factor = !g.isReset || a.inReset ? kGuard
                                      : partedInReset         ? kCause
                                                              : kGuard * kPerLevel * kPerLevel;
                raise(a.file, g.line, std::min(1.0, score * factor),
                      fmt::format("guards line {}, which assigns {}", a.line, what));
            }
        }
    }
    // A root that reads a name assigned both with `=` and `<=` may have read the value of this
    // cycle where it meant the last one: the blocking assignments explain the root and rank
    // above it.
    std::map<std::pair<std::string, std::string>, std::pair<bool, bool>> kinds;  // (module, name) → (=, <=)
    for (const auto& b : assignments)
        for (const auto& name : b.targets)
            if (!b.constant) (b.registered ? kinds[{b.module, name}].second : kinds[{b.module, name}].first) = true;
    for (const auto& a : assignments) {
        const bool root = std::any_of(a.targets.begin(), a.targets.end(), [&](const std::string& n) {
            auto l = level.find(n);
            return l != level.end() && l->second == 0;
        });
        if (!root) continue;
        auto it = at.find({a.file, a.line});
        const double rootScore = it == at.end() ? 0.0 : fl.ranked[it->second].score;
        for (const auto& r : a.reads) {
            const auto k = kinds.find({a.module, r});
            if (k == kinds.end() || !k->second.first || !k->second.second) continue;
            for (const auto& b : assignments)
                if (!b.registered && b.module == a.module &&
                    std::find(b.targets.begin(), b.targets.end(), r) != b.targets.end())
                    raise(b.file, b.line, std::min(1.0, rootScore * kCause),
                          fmt::format("blocking assignment to `{}`, which is also assigned with <=: line {} "
                                      "(which differs from the golden) reads it",
                                      r, a.line));
        }
    }
    std::stable_sort(fl.ranked.begin(), fl.ranked.end(),
                     [](const SuspiciousLine& a, const SuspiciousLine& b) { return a.score > b.score; });
}

void rankByDependence(FaultLocalization& fl, const std::vector<Site>& sites,
                      const std::vector<SourceFile>& files)
{
    constexpr double kBelow = 0.95;  // a level under the line it depends on
    std::map<std::pair<std::string, int>, size_t> at;
    for (size_t i = 0; i < fl.ranked.size(); ++i) at[{fl.ranked[i].file, fl.ranked[i].line}] = i;
    auto scoreOf = [&](const std::string& file, int line) {
        auto it = at.find({file, line});
        return it == at.end() ? 0.0 : fl.ranked[it->second].score;
    };
    std::vector<std::vector<std::string>> text;
    for (const auto& f : files) text.push_back(splitLines(f.text));
    auto lineOf = [&](int file, uint32_t offset) {
        return lineColAt(files[file].text, offset).line;
    };
    auto raise = [&](int file, int line, double score, std::string reason) {
        if (file < 0 || file >= static_cast<int>(files.size()) || score <= 0) return;
        const std::string& path = files[file].path;
        auto it = at.find({path, line});
        if (it != at.end() && fl.ranked[it->second].score >= score) return;
        if (it == at.end()) {
            SuspiciousLine s;
            s.file = path;
            s.line = line;
            if (line >= 1 && line <= static_cast<int>(text[file].size()))
                s.text = oneLine(text[file][line - 1], 100);
            at[{path, line}] = fl.ranked.size();
            fl.ranked.push_back(std::move(s));
            it = at.find({path, line});
        }
        fl.ranked[it->second].score = score;
        fl.ranked[it->second].reason = std::move(reason);
    };
    // Snapshot of the spectrum scores: dependence does not chain through dependence.
    const auto spectrum = fl.ranked;
    auto wordIn = [](const std::string& line, const std::string& word) {
        for (size_t p = line.find(word); p != std::string::npos; p = line.find(word, p + 1)) {
            const bool left = p == 0 || !(std::isalnum(static_cast<unsigned char>(line[p - 1])) || line[p - 1] == '_');
            const size_t e = p + word.size();
            const bool right = e >= line.size() || !(std::isalnum(static_cast<unsigned char>(line[e])) || line[e] == '_');
            if (left && right) return true;
        }
        return false;
    };
    std::map<std::string, std::vector<const Site*>> caseItemsByModule;
    for (const auto& s : sites) {
        if (s.token.file < 0 || s.token.file >= static_cast<int>(files.size())) continue;
        const std::string& path = files[s.token.file].path;
        if (s.kind == SiteKind::ParamValue && !s.target.empty()) {
            const SuspiciousLine* best = nullptr;
            for (const auto& l : spectrum)
                if (l.file == path && l.line != s.line && l.line >= 1 &&
                    l.line <= static_cast<int>(text[s.token.file].size()) &&
                    wordIn(text[s.token.file][l.line - 1], s.target) &&
                    (!best || l.score > best->score))
                    best = &l;
            if (best)
                raise(s.token.file, s.line, kBelow * best->score,
                      fmt::format("declares `{}`, read on line {}", s.target, best->line));
        } else if (s.kind == SiteKind::EventControl) {
            double best = 0;
            int bestLine = 0;
            for (const auto& part : s.parts) {
                const int l = lineOf(part.file, part.begin);
                if (scoreOf(path, l) > best) {
                    best = scoreOf(path, l);
                    bestLine = l;
                }
            }
            if (best > 0)
                raise(s.token.file, s.line, kBelow * best,
                      fmt::format("event control of the always block of line {}", bestLine));
        } else if (s.kind == SiteKind::CaseItem) {
            caseItemsByModule[path + ":" + s.module].push_back(&s);
        }
    }
    // A line of an always block that no run executed (the arm of a wrong condition, taken
    // only after the run failed) ranks below the best line of its block: the block's
    // extent is its event control to its last assignment.
    for (const auto& ev : sites) {
        if (ev.kind != SiteKind::EventControl || ev.parts.empty()) continue;
        const std::string& path = files[ev.token.file].path;
        int last = ev.line;
        for (const auto& part : ev.parts) last = std::max(last, lineOf(part.file, part.begin));
        double best = 0;
        int bestLine = 0;
        for (const auto& l : spectrum)
            if (l.file == path && l.line >= ev.line && l.line <= last && l.score > best) {
                best = l.score;
                bestLine = l.line;
            }
        for (const auto& s : sites)
            if (s.token.file == ev.token.file && s.line > ev.line && s.line <= last &&
                scoreOf(path, s.line) == 0)
                raise(s.token.file, s.line, kBelow * best,
                      fmt::format("never executed, in the always block of line {}", bestLine));
    }
    // A case item no run took (a duplicated label, an unreachable arm) ranks below the best
    // item executed in its module.
    for (const auto& [key, items] : caseItemsByModule) {
        double best = 0;
        int bestLine = 0;
        for (const Site* s : items) {
            const double sc = scoreOf(files[s->token.file].path, s->line);
            if (sc > best) {
                best = sc;
                bestLine = s->line;
            }
        }
        for (const Site* s : items)
            if (scoreOf(files[s->token.file].path, s->line) == 0)
                raise(s->token.file, s->line, kBelow * best,
                      fmt::format("case item never executed; the item of line {} is suspicious", bestLine));
    }
    std::stable_sort(fl.ranked.begin(), fl.ranked.end(),
                     [](const SuspiciousLine& a, const SuspiciousLine& b) { return a.score > b.score; });
}

}  // namespace veriloop
