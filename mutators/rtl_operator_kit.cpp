#include "mutators/rtl_operator_kit.h"

#include <cctype>

#include <fmt/format.h>

namespace veriloop {

void registerOp(const char* id, const char* bugClass, const char* summary,
                std::vector<std::string> groups, ProposeFn fn)
{
    OperatorRegistry::instance().add(std::make_unique<FunctionOperator>(
        OperatorInfo{id, bugClass, summary, std::move(groups)}, std::move(fn)));
}

std::optional<Literal> parseLiteral(const std::string& textIn)
{
    std::string text;
    for (char c : textIn)
        if (c != '_' && c != ' ' && c != '\t') text += c;
    Literal lit;
    auto tick = text.find('\'');
    if (tick == std::string::npos) {
        if (text.empty() || text.size() > 18) return std::nullopt;
        for (char c : text)
            if (!std::isdigit(static_cast<unsigned char>(c))) return std::nullopt;
        lit.value = std::stoull(text);
        return lit;
    }
    if (tick > 0) {
        if (tick > 4) return std::nullopt;
        lit.size = std::stoi(text.substr(0, tick));
        if (lit.size <= 0 || lit.size > 64) return std::nullopt;
    }
    size_t p = tick + 1;
    if (p < text.size() && (text[p] == 's' || text[p] == 'S')) {
        lit.isSigned = true;
        ++p;
    }
    if (p >= text.size()) return std::nullopt;
    char b = static_cast<char>(std::tolower(static_cast<unsigned char>(text[p])));
    if (b == '0' || b == '1') {
        if (p + 1 != text.size() || tick != 0) return std::nullopt;
        lit.unbasedFill = true;
        lit.value = b == '1';
        return lit;
    }
    if (b != 'b' && b != 'o' && b != 'd' && b != 'h') return std::nullopt;
    lit.base = b;
    std::string digits = text.substr(p + 1);
    if (digits.empty() || digits.size() > 16) return std::nullopt;
    const int radix = b == 'b' ? 2 : b == 'o' ? 8 : b == 'd' ? 10 : 16;
    for (char c : digits) {
        int v = std::isdigit(static_cast<unsigned char>(c)) ? c - '0'
                : std::isxdigit(static_cast<unsigned char>(c))
                    ? std::tolower(static_cast<unsigned char>(c)) - 'a' + 10
                    : 99;
        if (v >= radix) return std::nullopt;  // x, z, ? or a bad digit
        lit.value = lit.value * radix + v;
    }
    return lit;
}

static std::string toRadix(uint64_t v, int radix, int minDigits)
{
    std::string s;
    do {
        s.insert(s.begin(), "0123456789abcdef"[v % radix]);
        v /= radix;
    } while (v);
    while (static_cast<int>(s.size()) < minDigits) s.insert(s.begin(), '0');
    return s;
}

std::string formatLiteral(const Literal& lit)
{
    if (lit.unbasedFill) return lit.value ? "'1" : "'0";
    if (lit.size < 0 && lit.base == 'd' && !lit.isSigned) return std::to_string(lit.value);
    const int radix = lit.base == 'b' ? 2 : lit.base == 'o' ? 8 : lit.base == 'd' ? 10 : 16;
    const int digits = lit.base == 'b' && lit.size > 0 ? lit.size : 1;
    return fmt::format("{}'{}{}{}", lit.size > 0 ? std::to_string(lit.size) : "",
                       lit.isSigned ? "s" : "", lit.base, toRadix(lit.value, radix, digits));
}

std::optional<std::string> offsetLiteral(const std::string& text, int delta)
{
    auto lit = parseLiteral(text);
    if (!lit || lit->unbasedFill) return std::nullopt;
    if (delta < 0 && lit->value == 0 && lit->size < 0) return std::nullopt;
    Literal out = *lit;
    out.value = lit->value + static_cast<uint64_t>(static_cast<int64_t>(delta));
    if (out.size > 0 && out.size < 64) out.value &= (uint64_t{1} << out.size) - 1;
    if (out.value == lit->value) return std::nullopt;
    return formatLiteral(out);
}

size_t pick(const Site& site, uint64_t seed, size_t n)
{
    uint64_t h = seed * 0x9e3779b97f4a7c15ULL ^ site.token.begin ^
                 (static_cast<uint64_t>(site.token.file) << 40);
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdULL;
    h ^= h >> 33;
    return n ? static_cast<size_t>(h % n) : 0;
}

namespace {

std::vector<std::string> splitGroups(const char* groups)
{
    std::vector<std::string> out;
    std::string s(groups);
    size_t start = 0;
    while (start < s.size()) {
        size_t comma = s.find(',', start);
        out.push_back(s.substr(start, comma - start));
        if (comma == std::string::npos) break;
        start = comma + 1;
    }
    return out;
}

}  // namespace

void registerSwapRows(const SwapRow* rows, size_t count)
{
    for (size_t i = 0; i < count; ++i) {
        const SwapRow row = rows[i];
        const std::string summary = row.to[0] == '\0'
                                        ? fmt::format("drop the {} `{}`", row.what, row.from)
                                        : fmt::format("`{}` becomes `{}`", row.from, row.to);
        auto fn = [row](const Site& site, const MutationContext&, std::vector<Proposal>& out) {
            if (site.kind != row.kind || site.text != row.from || site.inLoopCondition) return;
            Proposal p;
            p.edits.push_back(editToken(site, row.to));
            p.description = fmt::format("the {}", row.what);
            if (site.classType && std::string(row.from) == "*") p.check = MutantCheck::Standalone;
            out.push_back(std::move(p));
        };
        registerOp(row.id, row.bugClass, summary.c_str(), splitGroups(row.groups), fn);
    }
}

}  // namespace veriloop
