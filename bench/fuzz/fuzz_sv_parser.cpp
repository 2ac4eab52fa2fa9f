// Fuzzes the SystemVerilog lexer and the structural parser with arbitrary bytes as one source
// file. Beyond the sanitizers it checks what the mutators rely on: every token and every site
// is an in-bounds byte range whose recorded text is exactly the source text there.

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "frontend/rtl/rtl_parser.h"
#include "frontend/rtl/sv_lexer.h"

namespace {

using veriloop::ByteRange;

void require(bool ok, const char* what)
{
    if (ok) return;
    std::fprintf(stderr, "fuzz_sv_parser: invariant violated: %s\n", what);
    std::abort();
}

bool inBounds(const ByteRange& r, const std::string& text)
{
    return r.file == 0 && r.begin <= r.end && r.end <= text.size();
}

void checkLexer(const std::string& text)
{
    const veriloop::rtl::LexResult lexed = veriloop::rtl::lexSystemVerilog(text);
    require(!lexed.tokens.empty() && lexed.tokens.back().kind == veriloop::rtl::TokKind::End,
            "token list ends with End");
    uint32_t previousEnd = 0;
    for (const auto& tok : lexed.tokens) {
        require(tok.begin <= tok.end && tok.end <= text.size(), "token range in bounds");
        require(tok.begin >= previousEnd, "tokens in order and disjoint");
        require(tok.text == std::string_view(text).substr(tok.begin, tok.end - tok.begin),
                "token text is the source text");
        require(tok.kind == veriloop::rtl::TokKind::End || tok.end > tok.begin,
                "tokens other than End are not empty");
        previousEnd = tok.end;
    }
}

void checkParser(const std::string& text)
{
    const veriloop::SourceFile source{"fuzz.sv", text};
    const auto parsed = veriloop::rtl::parseRtlFile(source, 0, {"rst_n", true});
    if (!parsed.error.empty()) return;
    for (const auto& m : parsed.modules) require(m.headerEnd <= text.size(), "module header");
    for (const auto& s : parsed.sites) {
        require(inBounds(s.token, text), "site token in bounds");
        require(inBounds(s.choice, text), "site choice in bounds");
        require(s.text == text.substr(s.token.begin, s.token.end - s.token.begin),
                "site text is the source text");
        require(s.partTexts.empty() || s.partTexts.size() == s.parts.size(),
                "one text per part");
        for (const auto& p : s.parts) require(inBounds(p, text), "site part in bounds");
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const std::string text(reinterpret_cast<const char*>(data), size);
    checkLexer(text);
    checkParser(text);
    return 0;
}
