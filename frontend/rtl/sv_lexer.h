#pragma once
// A SystemVerilog lexer that keeps the exact source text: every token knows its byte range,
// line and column, so a mutation site is a byte range whose text is checked before an edit.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace veriloop::rtl {

enum class TokKind {
    Identifier, SystemIdentifier, Keyword, Number, String, Operator, Directive, MacroUse, End
};

struct Token {
    TokKind kind = TokKind::End;
    uint32_t begin = 0;  // byte offset
    uint32_t end = 0;    // one past the last byte
    int line = 1;        // 1-based
    int column = 1;      // 1-based, in bytes
    std::string_view text;

    bool is(std::string_view s) const { return text == s && kind != TokKind::String; }
};

struct LexResult {
    std::vector<Token> tokens;  // always ends with an End token
    std::string error;          // empty when the whole file lexed
    int errorLine = 0;
    int errorColumn = 0;
};

/// Tokenizes `text` (which must outlive the result). Comments, whitespace and attributes
/// `(* ... *)` are skipped; a compiler directive becomes one Directive token (to the end of its
/// line); a macro use `NAME or `NAME(args) becomes one MacroUse token.
LexResult lexSystemVerilog(std::string_view text);

bool isSvKeyword(std::string_view word);

}  // namespace veriloop::rtl
