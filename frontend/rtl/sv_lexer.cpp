#include "frontend/rtl/sv_lexer.h"

#include <array>
#include <cctype>
#include <unordered_set>

namespace veriloop::rtl {

namespace {

const std::unordered_set<std::string_view>& keywords()
{
    static const std::unordered_set<std::string_view> kw = {
        "module", "endmodule", "input", "output", "inout", "wire", "reg", "logic", "bit",
        "integer", "int", "signed", "unsigned", "parameter", "localparam", "assign", "always",
        "always_ff", "always_comb", "always_latch", "initial", "begin", "end", "if", "else",
        "case", "casez", "casex", "endcase", "default", "for", "while", "repeat", "forever",
        "posedge", "negedge", "or", "and", "generate", "endgenerate", "genvar", "function",
        "endfunction", "task", "endtask", "unique", "unique0", "priority", "typedef", "enum",
        "struct", "packed", "interface", "endinterface", "package", "endpackage", "import",
        "return", "automatic", "static", "const", "var", "byte", "shortint", "longint",
        "inside", "do", "break", "continue", "class", "endclass", "modport", "tri", "supply0",
        "supply1", "edge", "fork", "join", "wait", "disable", "timeunit", "timeprecision"};
    return kw;
}

// Longest operators first so that maximal munch picks them.
constexpr std::array<std::string_view, 44> kOperators = {
    "<<<=", ">>>=", "<<=", ">>=", "===", "!==", "==?", "!=?", "<<<", ">>>", "<->", "==",
    "!=",   "<=",   ">=",  "&&",  "||",  "<<",  ">>",  "**",  "~&",  "~|",  "~^",  "^~",
    "+:",   "-:",   "++",  "--",  "+=",  "-=",  "*=",  "/=",  "&=",  "|=",  "^=",  "::",
    "->",   "'{",   "##",  "|->", "|=>", ".*",  "@*",  "%="};

class Lexer {
public:
    explicit Lexer(std::string_view text) : text_(text) {}

    LexResult run()
    {
        LexResult result;
        while (true) {
            skipTrivia();
            if (!error_.empty()) break;
            if (pos_ >= text_.size()) break;
            Token tok = next();
            if (!error_.empty()) break;
            result.tokens.push_back(tok);
        }
        Token endTok;
        endTok.begin = endTok.end = static_cast<uint32_t>(text_.size());
        endTok.line = line_;
        endTok.column = column();
        result.tokens.push_back(endTok);
        result.error = error_;
        result.errorLine = errorLine_;
        result.errorColumn = errorColumn_;
        return result;
    }

private:
    int column() const { return static_cast<int>(pos_ - lineStart_) + 1; }
    char peek(size_t ahead = 0) const
    {
        return pos_ + ahead < text_.size() ? text_[pos_ + ahead] : '\0';
    }
    void advance()
    {
        if (text_[pos_] == '\n') {
            ++line_;
            lineStart_ = pos_ + 1;
        }
        ++pos_;
    }
    void fail(const char* message)
    {
        error_ = message;
        errorLine_ = line_;
        errorColumn_ = column();
    }

    void skipTrivia()
    {
        while (pos_ < text_.size()) {
            char c = peek();
            if (std::isspace(static_cast<unsigned char>(c))) {
                advance();
            } else if (c == '/' && peek(1) == '/') {
                while (pos_ < text_.size() && peek() != '\n') advance();
            } else if (c == '/' && peek(1) == '*') {
                advance();
                advance();
                while (pos_ < text_.size() && !(peek() == '*' && peek(1) == '/')) advance();
                if (pos_ >= text_.size()) return fail("unterminated block comment");
                advance();
                advance();
            } else if (c == '(' && peek(1) == '*' && peek(2) != ')') {
                advance();
                advance();
                while (pos_ < text_.size() && !(peek() == '*' && peek(1) == ')')) advance();
                if (pos_ >= text_.size()) return fail("unterminated attribute");
                advance();
                advance();
            } else {
                return;
            }
        }
    }

    Token start(TokKind kind)
    {
        Token t;
        t.kind = kind;
        t.begin = static_cast<uint32_t>(pos_);
        t.line = line_;
        t.column = column();
        return t;
    }
    Token finish(Token t)
    {
        t.end = static_cast<uint32_t>(pos_);
        t.text = text_.substr(t.begin, t.end - t.begin);
        return t;
    }

    static bool identChar(char c)
    {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '$';
    }
    static bool basedDigit(char c)
    {
        return std::isxdigit(static_cast<unsigned char>(c)) || c == '_' || c == 'x' ||
               c == 'X' || c == 'z' || c == 'Z' || c == '?';
    }

    // After the apostrophe of a based literal: [sS] base digits.
    bool lexBasedTail()
    {
        size_t p = pos_;
        if (p < text_.size() && (text_[p] == 's' || text_[p] == 'S')) ++p;
        if (p >= text_.size() || std::string_view("bBoOdDhH").find(text_[p]) == std::string_view::npos)
            return false;
        ++p;
        while (p < text_.size() && (text_[p] == ' ' || text_[p] == '\t')) ++p;
        if (p >= text_.size() || !basedDigit(text_[p])) return false;
        while (pos_ < p) advance();
        while (pos_ < text_.size() && basedDigit(peek())) advance();
        return true;
    }

    Token lexNumber()
    {
        Token t = start(TokKind::Number);
        while (std::isdigit(static_cast<unsigned char>(peek())) || peek() == '_') advance();
        if (peek() == '.' && std::isdigit(static_cast<unsigned char>(peek(1)))) {
            advance();
            while (std::isdigit(static_cast<unsigned char>(peek()))) advance();
            return finish(t);
        }
        size_t save = pos_;
        int saveLine = line_;
        size_t saveLineStart = lineStart_;
        while (peek() == ' ' || peek() == '\t') advance();
        if (peek() == '\'') {
            advance();
            if (lexBasedTail()) return finish(t);
        }
        pos_ = save;
        line_ = saveLine;
        lineStart_ = saveLineStart;
        return finish(t);
    }

    // A compiler directive runs to the end of its line (a `define body continues over lines
    // ending in a backslash); any other `name is a macro use: the name and, when a `(`
    // follows at once, its balanced argument list, so an expression around it keeps its
    // exact extent and no edit lands inside or across the call.
    Token lexBacktick()
    {
        static const std::unordered_set<std::string_view> kDirectives = {
            "define", "undef", "undefineall", "ifdef", "ifndef", "elsif", "else", "endif",
            "include", "timescale", "default_nettype", "resetall", "celldefine",
            "endcelldefine", "line", "pragma", "begin_keywords", "end_keywords",
            "unconnected_drive", "nounconnected_drive", "__FILE__", "__LINE__"};
        Token t = start(TokKind::Directive);
        advance();
        const size_t nameBegin = pos_;
        while (identChar(peek())) advance();
        const std::string_view name = text_.substr(nameBegin, pos_ - nameBegin);
        if (kDirectives.count(name) || name.empty()) {
            while (pos_ < text_.size() && peek() != '\n') {
                if (peek() == '\\' && peek(1) == '\n') advance();
                advance();
            }
            return finish(t);
        }
        t.kind = TokKind::MacroUse;
        if (peek() != '(') return finish(t);
        int depth = 0;
        do {
            if (peek() == '(') ++depth;
            if (peek() == ')') --depth;
            advance();
        } while (depth > 0 && pos_ < text_.size());
        if (depth > 0) fail("unterminated macro argument list");
        return finish(t);
    }

    Token next()
    {
        char c = peek();
        if (std::isalpha(static_cast<unsigned char>(c)) || c == '_') {
            Token t = start(TokKind::Identifier);
            while (identChar(peek())) advance();
            t = finish(t);
            if (isSvKeyword(t.text)) t.kind = TokKind::Keyword;
            return t;
        }
        if (c == '\\') {  // escaped identifier, ends at whitespace
            Token t = start(TokKind::Identifier);
            while (pos_ < text_.size() && !std::isspace(static_cast<unsigned char>(peek())))
                advance();
            return finish(t);
        }
        if (c == '$' && identChar(peek(1))) {
            Token t = start(TokKind::SystemIdentifier);
            advance();
            while (identChar(peek())) advance();
            return finish(t);
        }
        if (std::isdigit(static_cast<unsigned char>(c))) return lexNumber();
        if (c == '\'') {
            Token t = start(TokKind::Number);
            advance();
            if (lexBasedTail()) return finish(t);
            char d = peek();
            if (d == '0' || d == '1' || d == 'x' || d == 'X' || d == 'z' || d == 'Z') {
                advance();
                return finish(t);
            }
            t.kind = TokKind::Operator;  // cast apostrophe or assignment pattern
            if (peek() == '{') advance();
            return finish(t);
        }
        if (c == '"') {
            Token t = start(TokKind::String);
            advance();
            while (pos_ < text_.size() && peek() != '"' && peek() != '\n') {
                if (peek() == '\\') advance();
                if (pos_ < text_.size()) advance();
            }
            if (peek() != '"') {
                fail("unterminated string literal");
                return t;
            }
            advance();
            return finish(t);
        }
        if (c == '`') return lexBacktick();
        for (std::string_view op : kOperators) {
            if (text_.compare(pos_, op.size(), op) == 0) {
                Token t = start(TokKind::Operator);
                for (size_t i = 0; i < op.size(); ++i) advance();
                return finish(t);
            }
        }
        if (std::string_view("+-*/%<>=!~&|^?:;,.()[]{}#@").find(c) != std::string_view::npos) {
            Token t = start(TokKind::Operator);
            advance();
            return finish(t);
        }
        fail("unexpected character");
        return start(TokKind::End);
    }

    std::string_view text_;
    size_t pos_ = 0;
    int line_ = 1;
    size_t lineStart_ = 0;
    std::string error_;
    int errorLine_ = 0;
    int errorColumn_ = 0;
};

}  // namespace

bool isSvKeyword(std::string_view word)
{
    return keywords().count(word) != 0;
}

LexResult lexSystemVerilog(std::string_view text)
{
    return Lexer(text).run();
}

}  // namespace veriloop::rtl
