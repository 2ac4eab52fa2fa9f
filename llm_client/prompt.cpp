// Template loading and rendering. The scan is one left-to-right pass: text is copied until
// `{{`, then a name must follow and `}}` must close it; anything else is a malformed
// placeholder. Each step consumes input, so the pass terminates.

#include "llm_client/prompt.h"

#include <algorithm>
#include <charconv>
#include <set>

#include <fmt/format.h>

#include "core/text.h"
#include "llm_client/prompts_embedded.h"

namespace veriloop::llm {

namespace {

bool isNameStart(char c) { return (c >= 'a' && c <= 'z') || c == '_'; }
bool isNameChar(char c) { return isNameStart(c) || (c >= '0' && c <= '9'); }

/// One piece of a template: literal text, or a placeholder name.
struct Piece {
    bool placeholder = false;
    std::string_view text;
};

tl::expected<std::vector<Piece>, PromptError> scan(const PromptTemplate& tmpl)
{
    std::vector<Piece> pieces;
    std::string_view text = tmpl.text;
    size_t pos = 0;
    while (pos < text.size()) {
        size_t open = text.find("{{", pos);
        if (open == std::string_view::npos) {
            pieces.push_back({false, text.substr(pos)});
            break;
        }
        pieces.push_back({false, text.substr(pos, open - pos)});
        size_t nameBegin = open + 2;
        size_t nameEnd = nameBegin;
        while (nameEnd < text.size() && isNameChar(text[nameEnd])) ++nameEnd;
        if (nameEnd == nameBegin || !isNameStart(text[nameBegin]) ||
            text.substr(nameEnd, 2) != "}}") {
            int line = static_cast<int>(std::count(text.begin(), text.begin() + open, '\n')) + 1;
            return tl::unexpected(PromptError{fmt::format(
                "template {} line {}: malformed placeholder `{}`; placeholders look like "
                "{{{{name}}}} with name made of a-z, 0-9 and _",
                tmpl.name, line, oneLine(std::string(text.substr(open, 24)), 24))});
        }
        pieces.push_back({true, text.substr(nameBegin, nameEnd - nameBegin)});
        pos = nameEnd + 2;
    }
    return pieces;
}

}  // namespace

tl::expected<std::vector<std::string>, PromptError> PromptTemplate::placeholders() const
{
    auto pieces = scan(*this);
    if (!pieces) return tl::unexpected(pieces.error());
    std::vector<std::string> names;
    for (const Piece& piece : *pieces)
        if (piece.placeholder &&
            std::find(names.begin(), names.end(), piece.text) == names.end())
            names.emplace_back(piece.text);
    return names;
}

tl::expected<PromptTemplate, PromptError> makePromptTemplate(std::string name, std::string text)
{
    size_t mark = name.rfind("_v");
    int version = 0;
    bool ok = mark != std::string::npos && mark > 0 && mark + 2 < name.size();
    if (ok) {
        const char* first = name.data() + mark + 2;
        const char* last = name.data() + name.size();
        auto [end, ec] = std::from_chars(first, last, version);
        ok = ec == std::errc() && end == last && version > 0;
    }
    ok = ok && std::all_of(name.begin(), name.begin() + static_cast<std::ptrdiff_t>(mark),
                           isNameChar);
    if (!ok)
        return tl::unexpected(PromptError{fmt::format(
            "prompt template name `{}` must look like <purpose>_v<version>, e.g. repair_v1",
            name)});
    PromptTemplate tmpl;
    tmpl.purpose = name.substr(0, mark);
    tmpl.version = version;
    tmpl.name = std::move(name);
    tmpl.text = std::move(text);
    return tmpl;
}

std::vector<std::string> promptTemplateNames()
{
    std::vector<std::string> names;
    for (const EmbeddedPrompt& prompt : embeddedPrompts()) names.emplace_back(prompt.name);
    std::sort(names.begin(), names.end());
    return names;
}

tl::expected<PromptTemplate, PromptError> loadPromptTemplate(std::string_view name)
{
    for (const EmbeddedPrompt& prompt : embeddedPrompts())
        if (prompt.name == name)
            return makePromptTemplate(std::string(prompt.name), std::string(prompt.text));
    return tl::unexpected(PromptError{fmt::format("unknown prompt template `{}`; known: {}", name,
                                                  fmt::join(promptTemplateNames(), ", "))});
}

tl::expected<PromptTemplate, PromptError> loadPromptTemplateFile(
    const std::filesystem::path& path)
{
    if (path.extension() != ".txt")
        return tl::unexpected(PromptError{
            fmt::format("prompt template {} must be a .txt file", path.string())});
    auto text = readFile(path);
    if (!text)
        return tl::unexpected(
            PromptError{fmt::format("cannot read prompt template {}", path.string())});
    return makePromptTemplate(path.stem().string(), std::move(*text));
}

tl::expected<std::string, PromptError> renderPrompt(
    const PromptTemplate& tmpl, const std::map<std::string, std::string>& values)
{
    auto pieces = scan(tmpl);
    if (!pieces) return tl::unexpected(pieces.error());
    std::set<std::string, std::less<>> used;
    for (const Piece& piece : *pieces)
        if (piece.placeholder) used.emplace(piece.text);
    for (const auto& [name, value] : values)
        if (!used.count(name))
            return tl::unexpected(PromptError{fmt::format(
                "unknown placeholder `{}` for template {}; it uses: {}", name, tmpl.name,
                fmt::join(used, ", "))});

    std::string out;
    for (const Piece& piece : *pieces) {
        if (!piece.placeholder) {
            out += piece.text;
            continue;
        }
        auto value = values.find(std::string(piece.text));
        if (value == values.end())
            return tl::unexpected(PromptError{fmt::format(
                "template {} uses {{{{{}}}}} but no value was given for it", tmpl.name,
                piece.text)});
        out += value->second;
    }
    return out;
}

tl::expected<std::string, PromptError> renderPromptTemplate(std::string_view name,
                                                            const std::map<std::string, std::string>& values)
{
    auto t = loadPromptTemplate(name);
    if (!t) return tl::unexpected(t.error());
    return renderPrompt(*t, values);
}

}  // namespace veriloop::llm
