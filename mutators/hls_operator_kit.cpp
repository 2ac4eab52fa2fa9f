#include "mutators/hls_operator_kit.h"

#include <cctype>
#include <regex>

#include <fmt/format.h>

namespace veriloop {

std::optional<CppLiteral> parseCppLiteral(const std::string& text)
{
    static const std::regex re(R"(^(0[xX][0-9a-fA-F]+|[0-9]+)([uUlL]*)$)");
    std::smatch m;
    if (!std::regex_match(text, m, re)) return std::nullopt;
    CppLiteral lit;
    const std::string digits = m[1].str();
    lit.hex = digits.size() > 1 && (digits[1] == 'x' || digits[1] == 'X');
    if (!lit.hex && digits.size() > 1 && digits[0] == '0') return std::nullopt;  // octal
    try {
        lit.value = std::stoull(digits, nullptr, lit.hex ? 16 : 10);
    } catch (const std::exception&) {
        return std::nullopt;
    }
    lit.suffix = m[2].str();
    return lit;
}

std::string formatCppLiteral(const CppLiteral& lit)
{
    return (lit.hex ? fmt::format("0x{:X}", lit.value) : std::to_string(lit.value)) + lit.suffix;
}

int enclosingLoopOfVar(const HlsAnalysis& a, int loop, const std::string& name)
{
    for (int l = loop; l >= 0; l = a.loops[l].parent)
        if (!name.empty() && a.loops[l].inductionVar == name) return l;
    return -1;
}

std::string withPragmaArg(const std::string& line, const std::string& key, const std::string& value,
                          const std::string& bareWord)
{
    const std::regex argRe("\\b" + key + "[ \\t]*=[ \\t]*[^\\s]+", std::regex::icase);
    if (std::regex_search(line, argRe))
        return std::regex_replace(line, argRe, key + "=" + value,
                                  std::regex_constants::format_first_only);
    if (!bareWord.empty()) {
        const std::regex bareRe("\\b" + bareWord + "\\b(?![ \\t]*=)", std::regex::icase);
        if (std::regex_search(line, bareRe))
            return std::regex_replace(line, bareRe, key + "=" + value,
                                      std::regex_constants::format_first_only);
    }
    size_t end = line.size();
    while (end > 0 && std::isspace(static_cast<unsigned char>(line[end - 1]))) --end;
    return line.substr(0, end) + " " + key + "=" + value + line.substr(end);
}

long smallestNonDivisor(long dim, long from)
{
    for (long f = std::max(2L, from);; ++f)
        if (dim % f != 0) return f;
}

Proposal pragmaProposal(std::vector<Edit> edits, std::string sentence)
{
    Proposal p;
    p.edits = std::move(edits);
    p.description = std::move(sentence);
    p.sentence = true;
    p.check = MutantCheck::StaticRule;
    return p;
}

}  // namespace veriloop
