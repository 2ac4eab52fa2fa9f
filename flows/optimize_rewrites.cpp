#include "flows/optimize_rewrites.h"

#include <algorithm>
#include <cctype>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <tuple>

#include <fmt/format.h>

#include "frontend/rtl/sv_lexer.h"

namespace veriloop {

namespace {

int lineAt(const std::string& text, uint32_t offset)
{
    return 1 + static_cast<int>(std::count(text.begin(), text.begin() + std::min<size_t>(offset, text.size()), '\n'));
}

OptimizeCandidate candidate(const std::vector<SourceFile>& sources, int file, uint32_t begin, uint32_t end,
                            const std::string& replacement, const std::string& rewrite,
                            const std::string& what)
{
    OptimizeCandidate c;
    c.origin = "builtin:" + rewrite;
    c.files = sources;
    const std::string& text = sources[file].text;
    c.file = sources[file].path;
    c.line = lineAt(text, begin);
    c.files[file].text = text.substr(0, begin) + replacement + text.substr(end);
    c.description = fmt::format("{} ({}:{})", what, c.file, c.line);
    return c;
}

// Declared widths of the variables each module reads (Identifier sites carry them).
std::map<std::pair<std::string, std::string>, int> readWidths(const std::vector<Site>& sites)
{
    std::map<std::pair<std::string, std::string>, int> widths;
    for (const auto& s : sites)
        if (s.kind == SiteKind::Identifier && s.width > 1) widths[{s.module, s.text}] = s.width;
    return widths;
}

// `logic [..] a, b;` at module level (not a port, not an array, no initializer): each name
// declared narrower, on a declaration of its own after the original one.
void narrowRegisters(const std::vector<SourceFile>& sources, const std::vector<Site>& sites,
                     std::vector<OptimizeCandidate>& out)
{
    const auto widths = readWidths(sites);
    for (size_t f = 0; f < sources.size(); ++f) {
        const std::string& text = sources[f].text;
        auto lexed = rtl::lexSystemVerilog(text);
        const auto& t = lexed.tokens;
        std::string module;
        int depth = 0;
        for (size_t i = 0; i + 1 < t.size(); ++i) {
            if (t[i].is("module") && t[i + 1].kind == rtl::TokKind::Identifier) module = std::string(t[i + 1].text);
            if (t[i].is("endmodule")) module.clear();
            if (t[i].is("(")) ++depth;
            if (t[i].is(")")) --depth;
            const bool declStart = (t[i].is("logic") || t[i].is("reg") || t[i].is("bit")) && depth == 0 &&
                                   i > 0 && t[i - 1].is(";") && !module.empty();
            if (!declStart) continue;
            size_t j = i + 1;
            std::string sign;
            if (t[j].is("signed") || t[j].is("unsigned")) sign = std::string(t[j++].text) + " ";
            if (!t[j].is("[")) continue;
            const size_t rangeBegin = j;
            while (j < t.size() && !t[j].is("]") && !t[j].is(";")) ++j;
            if (!t[j].is("]")) continue;
            const size_t rangeEnd = j++;
            std::vector<size_t> names;
            bool plain = true;
            for (; j < t.size() && !t[j].is(";"); ++j) {
                if (t[j].kind == rtl::TokKind::Identifier) names.push_back(j);
                else if (!t[j].is(",")) plain = false;  // an array dimension, an initializer
            }
            if (!plain || !t[j].is(";")) continue;
            const size_t semi = j;
            const std::string range(text.substr(t[rangeBegin].begin, t[rangeEnd].end - t[rangeBegin].begin));
            for (size_t n = 0; n < names.size(); ++n) {
                const std::string name(t[names[n]].text);
                auto w = widths.find({module, name});
                if (w == widths.end()) continue;
                std::set<int> narrower = {w->second - 1, (w->second + 1) / 2};
                for (int width : narrower) {
                    if (width < 1 || width >= w->second) continue;
                    // The name leaves the list (with one comma), a declaration of its own follows.
                    std::string decl;
                    for (size_t k = 0; k < names.size(); ++k)
                        if (k != n) decl += (decl.empty() ? "" : ", ") + std::string(t[names[k]].text);
                    const std::string kw(t[i].text);
                    std::string replacement =
                        decl.empty() ? "" : fmt::format("{} {}{} {};", kw, sign, range, decl);
                    replacement += fmt::format("{}{} {}[{}:0] {};", replacement.empty() ? "" : " ", kw, sign,
                                               width - 1, name);
                    out.push_back(candidate(sources, static_cast<int>(f), t[i].begin, t[semi].end, replacement,
                                            "narrow-register",
                                            fmt::format("declare `{}` {} bits wide instead of {}", name, width,
                                                        w->second)));
                }
            }
        }
    }
}

// a >= b → a == b (a never passes b), a < b → a != b, and the mirrored forms.
void compareToEquality(const std::vector<SourceFile>& sources, const std::vector<Site>& sites,
                       std::vector<OptimizeCandidate>& out)
{
    static const std::map<std::string, std::string> kEquality = {
        {">=", "=="}, {"<=", "=="}, {"<", "!="}, {">", "!="}};
    for (const auto& s : sites) {
        if (s.kind != SiteKind::BinaryOp) continue;
        auto e = kEquality.find(s.text);
        if (e == kEquality.end()) continue;
        out.push_back(candidate(sources, s.token.file, s.token.begin, s.token.end, e->second,
                                "compare-to-equality",
                                fmt::format("compare with `{}` instead of `{}`", e->second, s.text)));
    }
}

struct StateCode {
    const Site* site;
    std::string name;
    std::string sizePrefix;  // "2'" of 2'd3; empty for a plain number
    unsigned long value;
};

std::optional<StateCode> stateCode(const Site& s)
{
    std::string digits = s.text;
    std::string prefix;
    int base = 10;
    if (auto q = digits.find('\''); q != std::string::npos) {
        prefix = digits.substr(0, q + 1);
        std::string rest = digits.substr(q + 1);
        if (!rest.empty() && (rest[0] == 's' || rest[0] == 'S')) return std::nullopt;
        if (rest.empty()) return std::nullopt;
        const char b = static_cast<char>(std::tolower(rest[0]));
        base = b == 'b' ? 2 : b == 'o' ? 8 : b == 'd' ? 10 : b == 'h' ? 16 : 0;
        if (base == 0) return std::nullopt;
        digits = rest.substr(1);
    }
    digits.erase(std::remove(digits.begin(), digits.end(), '_'), digits.end());
    if (digits.empty() || digits.find_first_not_of("0123456789abcdefABCDEF") != std::string::npos)
        return std::nullopt;
    try {
        return StateCode{&s, s.target, prefix, std::stoul(digits, nullptr, base)};
    } catch (...) {
        return std::nullopt;
    }
}

// A module's named state codes: at least three localparams of one state prefix (S_, ST_,
// STATE_; names without a prefix are left alone), each a plain number, together exactly 0 .. n-1. They are re-encoded
// in Gray code (neighbours differ in one bit) and in reverse order.
void reencodeStates(const std::vector<SourceFile>& sources, const std::vector<Site>& sites,
                    std::vector<OptimizeCandidate>& out)
{
    std::map<std::string, int> numbersPerName;
    for (const auto& s : sites)
        if (s.kind == SiteKind::ParamValue) ++numbersPerName[s.module + "." + s.target];
    std::map<std::pair<std::string, std::string>, std::vector<StateCode>> groups;
    for (const auto& s : sites) {
        if (s.kind != SiteKind::ParamValue || numbersPerName[s.module + "." + s.target] != 1) continue;
        const auto underscore = s.target.find('_');
        if (underscore == std::string::npos || underscore == 0) continue;
        // State names by convention (S_, ST_, STATE_): an opcode or a command code (OP_*,
        // CMD_*) is compared with an input and is the interface, not the encoding's to choose.
        if (std::toupper(static_cast<unsigned char>(s.target[0])) != 'S') continue;
        if (auto code = stateCode(s)) groups[{s.module, s.target.substr(0, underscore + 1)}].push_back(*code);
    }
    for (const auto& [key, codes] : groups) {
        const size_t n = codes.size();
        if (n < 3) continue;
        std::set<unsigned long> values;
        for (const auto& c : codes) values.insert(c.value);
        if (values.size() != n || *values.rbegin() != n - 1) continue;
        const std::vector<std::pair<std::string, std::function<unsigned long(unsigned long)>>> encodings = {
            {"Gray code", [](unsigned long v) { return v ^ (v >> 1); }},
            {"reverse order", [n](unsigned long v) { return n - 1 - v; }},
        };
        for (const auto& [encoding, encode] : encodings) {
            OptimizeCandidate c;
            c.origin = "builtin:fsm-reencode";
            c.files = sources;
            // Edit from the last code backwards so earlier offsets stay valid.
            std::vector<StateCode> ordered = codes;
            std::sort(ordered.begin(), ordered.end(), [](const StateCode& a, const StateCode& b) {
                return std::tie(a.site->token.file, a.site->token.begin) > std::tie(b.site->token.file, b.site->token.begin);
            });
            bool changed = false;
            for (const auto& code : ordered) {
                const unsigned long v = encode(code.value);
                changed = changed || v != code.value;
                const std::string literal = code.sizePrefix.empty() ? std::to_string(v)
                                                                    : fmt::format("{}d{}", code.sizePrefix, v);
                auto& text = c.files[code.site->token.file].text;
                text = text.substr(0, code.site->token.begin) + literal + text.substr(code.site->token.end);
            }
            if (!changed) continue;
            const Site& first = *ordered.back().site;
            c.file = sources[first.token.file].path;
            c.line = first.line;
            c.description = fmt::format("re-encode the {} states of `{}` ({}*) in {} ({}:{})", n, key.first,
                                        key.second, encoding, c.file, c.line);
            out.push_back(std::move(c));
        }
    }
}

}  // namespace

std::vector<OptimizeCandidate> builtinOptimizations(const std::vector<SourceFile>& sources,
                                                    const std::vector<Site>& sites)
{
    std::vector<OptimizeCandidate> out;
    narrowRegisters(sources, sites, out);
    compareToEquality(sources, sites, out);
    reencodeStates(sources, sites, out);
    return out;
}

}  // namespace veriloop
