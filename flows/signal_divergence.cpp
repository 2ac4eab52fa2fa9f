// VCD reading and the first-difference scan. The reader is token based: the header is
// `$keyword ... $end` sections, the body time stamps (`#12`) and value changes (`1!`,
// `b1010 "`, `r0.5 #`). A code shared by several names (aliases) feeds all of them.

#include "flows/signal_divergence.h"

#include <algorithm>
#include <sstream>

namespace veriloop {

namespace {

// "b0011" → "11", "1" → "1", "bx" → "x": vectors and scalars compare as numbers.
std::string normalized(std::string v)
{
    if (!v.empty() && (v[0] == 'b' || v[0] == 'B')) v.erase(0, 1);
    const size_t first = v.find_first_not_of('0');
    if (first == std::string::npos) return "0";
    return v.substr(first);
}

std::string leafName(const std::string& path)
{
    std::string leaf = path.substr(path.rfind('.') == std::string::npos ? 0 : path.rfind('.') + 1);
    return leaf.substr(0, leaf.find_first_of("[("));
}

}  // namespace

VcdTrace parseVcd(const std::string& text)
{
    std::istringstream in(text);
    std::vector<std::string> scope;
    std::map<std::string, std::vector<std::string>> namesOf;  // code → full names
    std::map<std::string, std::vector<std::pair<uint64_t, std::string>>> byCode;
    uint64_t now = 0;
    std::string tok;
    auto sectionTokens = [&]() {
        std::vector<std::string> body;
        std::string t;
        while (in >> t && t != "$end") body.push_back(t);
        return body;
    };
    while (in >> tok) {
        if (tok == "$scope") {
            const auto body = sectionTokens();
            scope.push_back(body.size() >= 2 ? body[1] : "?");
        } else if (tok == "$upscope") {
            sectionTokens();
            if (!scope.empty()) scope.pop_back();
        } else if (tok == "$var") {
            const auto body = sectionTokens();  // type size code reference [range]
            if (body.size() < 4) continue;
            std::string name;
            for (const auto& s : scope) name += s + ".";
            name += body[3];
            if (body.size() >= 6 && body[4].front() == '[') name += body[4];  // "mem [3] [7:0]"
            namesOf[body[2]].push_back(name);
        } else if (tok == "$dumpvars" || tok == "$dumpall" || tok == "$dumpon" ||
                   tok == "$dumpoff" || tok == "$end") {
            // value changes follow, up to their `$end`
        } else if (tok[0] == '$') {
            sectionTokens();  // $date, $version, $timescale, $comment, $enddefinitions
        } else if (tok[0] == '#') {
            try {
                now = std::stoull(tok.substr(1));
            } catch (const std::exception&) {
            }
        } else if (tok[0] == 'b' || tok[0] == 'B' || tok[0] == 'r' || tok[0] == 'R') {
            std::string code;
            if (!(in >> code)) break;
            byCode[code].push_back({now, tok[0] == 'r' || tok[0] == 'R' ? tok : normalized(tok)});
        } else {
            byCode[tok.substr(1)].push_back({now, normalized(tok.substr(0, 1))});
        }
    }
    VcdTrace trace;
    trace.endTime = now;
    for (auto& [code, names] : namesOf) {
        auto it = byCode.find(code);
        if (it == byCode.end()) continue;
        for (const auto& name : names) trace.changes[name] = it->second;
    }
    return trace;
}

std::vector<SignalDivergence> firstDivergences(const VcdTrace& buggy, const VcdTrace& golden)
{
    const uint64_t end = std::min(buggy.endTime, golden.endTime);
    std::vector<SignalDivergence> out;
    for (const auto& [name, a] : buggy.changes) {
        auto it = golden.changes.find(name);
        if (it == golden.changes.end()) continue;
        const auto& b = it->second;
        size_t i = 0, j = 0;
        std::string va, vb;
        while (i < a.size() || j < b.size()) {
            const uint64_t t = std::min(i < a.size() ? a[i].first : UINT64_MAX,
                                        j < b.size() ? b[j].first : UINT64_MAX);
            if (t > end) break;
            while (i < a.size() && a[i].first == t) va = a[i++].second;
            while (j < b.size() && b[j].first == t) vb = b[j++].second;
            if (va != vb) {
                out.push_back({leafName(name), name, t});
                break;
            }
        }
    }
    std::stable_sort(out.begin(), out.end(),
                     [](const auto& x, const auto& y) { return x.time < y.time; });
    return out;
}

}  // namespace veriloop
