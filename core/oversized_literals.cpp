// Why the rewrite keeps the meaning: the kept bits are exactly the low `size` bits of the
// digits as written (x, z and ? digits expand to as many x/z bits as the base digit holds),
// and a binary literal of `size` digits is never oversized. Decimal literals are left alone:
// Verilator only warns about those (WIDTHTRUNC) and truncates them itself.

#include "core/oversized_literals.h"

#include <cctype>

namespace veriloop {

namespace {

int bitsPerDigit(char base)
{
    switch (std::tolower(static_cast<unsigned char>(base))) {
    case 'b': return 1;
    case 'o': return 3;
    case 'h': return 4;
    default: return 0;
    }
}

// The digits of a b/o/h literal as bits, most significant first; empty when a digit is not
// valid for the base.
std::string digitBits(const std::string& digits, int bits)
{
    std::string out;
    for (char c : digits) {
        if (c == '_') continue;
        const char l = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        if (l == 'x' || l == 'z' || l == '?') {
            out.append(static_cast<size_t>(bits), l == '?' ? 'z' : l);
            continue;
        }
        const int v = std::isdigit(static_cast<unsigned char>(l)) ? l - '0'
                      : (l >= 'a' && l <= 'f')                    ? l - 'a' + 10
                                                                  : 99;
        if (v >= (1 << bits)) return {};
        for (int b = bits - 1; b >= 0; --b) out.push_back((v >> b) & 1 ? '1' : '0');
    }
    return out;
}

}  // namespace

LiteralTruncation truncateOversizedLiterals(const std::string& text)
{
    LiteralTruncation r;
    r.text.reserve(text.size());
    int line = 1;
    size_t lineStart = 0;
    size_t i = 0;
    auto copyTo = [&](size_t end) {
        for (; i < end && i < text.size(); ++i) {
            r.text.push_back(text[i]);
            if (text[i] == '\n') {
                ++line;
                lineStart = i + 1;
            }
        }
    };
    while (i < text.size()) {
        const char c = text[i];
        if (c == '/' && i + 1 < text.size() && text[i + 1] == '/') {
            copyTo(text.find('\n', i) == std::string::npos ? text.size() : text.find('\n', i));
            continue;
        }
        if (c == '/' && i + 1 < text.size() && text[i + 1] == '*') {
            const size_t end = text.find("*/", i + 2);
            copyTo(end == std::string::npos ? text.size() : end + 2);
            continue;
        }
        if (c == '"') {
            size_t e = i + 1;
            while (e < text.size() && text[e] != '"' && text[e] != '\n') e += text[e] == '\\' ? 2 : 1;
            copyTo(std::min(text.size(), e + 1));
            continue;
        }
        const bool startsNumber = std::isdigit(static_cast<unsigned char>(c)) &&
                                  (i == 0 || !(std::isalnum(static_cast<unsigned char>(text[i - 1])) ||
                                               text[i - 1] == '_' || text[i - 1] == '$' ||
                                               text[i - 1] == '\''));
        if (!startsNumber) {
            copyTo(i + 1);
            continue;
        }
        // size [ws] ' [sS] base [ws] digits
        size_t p = i;
        while (p < text.size() && (std::isdigit(static_cast<unsigned char>(text[p])) || text[p] == '_')) ++p;
        const std::string sizeText = text.substr(i, p - i);
        size_t q = p;
        while (q < text.size() && (text[q] == ' ' || text[q] == '\t')) ++q;
        if (q >= text.size() || text[q] != '\'') {
            copyTo(p);
            continue;
        }
        ++q;
        const bool isSigned = q < text.size() && (text[q] == 's' || text[q] == 'S');
        if (isSigned) ++q;
        const int bits = q < text.size() ? bitsPerDigit(text[q]) : 0;
        if (bits == 0) {
            copyTo(p);
            continue;
        }
        ++q;
        while (q < text.size() && (text[q] == ' ' || text[q] == '\t')) ++q;
        size_t e = q;
        while (e < text.size() && (std::isalnum(static_cast<unsigned char>(text[e])) || text[e] == '_' || text[e] == '?')) ++e;
        std::string size;
        for (char d : sizeText)
            if (d != '_') size.push_back(d);
        const long width = size.size() > 6 ? 0 : std::stol(size);
        const std::string value = digitBits(text.substr(q, e - q), bits);
        const size_t over = value.size() > static_cast<size_t>(width) ? value.size() - width : 0;
        if (width <= 0 || value.empty() || over == 0 || value.find_first_not_of('0') >= over) {
            copyTo(e);
            continue;
        }
        TruncatedLiteral t;
        t.line = line;
        t.column = static_cast<int>(i - lineStart) + 1;
        t.before = text.substr(i, e - i);
        t.after = size + (isSigned ? "'sb" : "'b") + value.substr(over);
        r.text += t.after;
        i = e;
        r.literals.push_back(std::move(t));
    }
    return r;
}

}  // namespace veriloop
