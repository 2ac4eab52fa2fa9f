// Why the screen is sound for what it checks: every rule compares the fixed text with the text
// before the fix after removing comments, so a construct the design already had (a testbench
// helper module using $fwrite, say) does not block a fix, but one more of it does. Port lists
// are compared per module as normalized text: the ANSI header up to its `;` and every
// input/output/inout declaration in the body.

#include "flows/patch_safety.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <regex>

#include <fmt/format.h>

namespace veriloop {

namespace {

std::string stripComments(const std::string& text)
{
    std::string out;
    out.reserve(text.size());
    for (size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '"') {  // keep strings: `include "x" and "DPI-C" live there
            const size_t end = text.find('"', i + 1);
            const size_t stop = end == std::string::npos ? text.size() : end + 1;
            out.append(text, i, stop - i);
            i = stop - 1;
        } else if (text.compare(i, 2, "//") == 0) {
            const size_t end = text.find('\n', i);
            if (end == std::string::npos) break;
            out += '\n';
            i = end;
        } else if (text.compare(i, 2, "/*") == 0) {
            const size_t end = text.find("*/", i + 2);
            // Verilator metacomments (/*verilator ...*/) are kept so they are compared too.
            if (text.compare(i, 11, "/*verilator") == 0) {
                out.append(text, i, (end == std::string::npos ? text.size() : end + 2) - i);
            } else {
                out += ' ';
            }
            if (end == std::string::npos) break;
            i = end + 1;
        } else {
            out += text[i];
        }
    }
    return out;
}

size_t countMatches(const std::string& text, const std::regex& re)
{
    return static_cast<size_t>(
        std::distance(std::sregex_iterator(text.begin(), text.end(), re), std::sregex_iterator()));
}

struct Rule {
    const char* what;
    std::regex re;
};

const std::vector<Rule>& forbiddenRules()
{
    static const std::vector<Rule> rules = [] {
        const auto icase = std::regex::ECMAScript | std::regex::icase;
        return std::vector<Rule>{
            {"$system", std::regex(R"(\$system\b)")},
            {"a DPI import/export", std::regex(R"((import|export)\s+"DPI)", icase)},
            {"file I/O ($fopen and friends)",
             std::regex(R"(\$f(open|close|write[bho]?|display[bho]?|strobe[bho]?|monitor[bho]?|read|scanf|gets|getc|ungetc|seek|tell|rewind|flush|error|eof)\b)")},
            {"$readmem/$writemem", std::regex(R"(\$(readmem|writemem)[bh]?\b)")},
            {"$dumpfile/$dumpvars", std::regex(R"(\$dump\w*)")},
            {"Verilator's $c", std::regex(R"(\$c\d*\s*\()")},
            {"a `systemc_ code block", std::regex(R"(`systemc_\w+)")},
            {"a Verilator metacomment", std::regex(R"(/\*\s*verilator\b)")},
            {"$value$plusargs/$test$plusargs", std::regex(R"(\$(value|test)\$plusargs)")},
            // A fix changes the logic; it never talks to the checker that judges it.
            {"printing or ending the simulation ($display, $write, $finish, $stop, $fatal)",
             std::regex(R"(\$(display|write|strobe|monitor)[bho]?\b|\$(finish|stop|fatal|exit)\b)")},
            {"printing or ending the program (printf, puts, std::cout, exit, abort)",
             std::regex(R"(\b(printf|puts|putchar|fputs|fprintf|exit|_exit|quick_exit|abort)\s*\(|\b(cout|cerr)\b)")},
        };
    }();
    return rules;
}

// `include "path": the paths of every include directive.
std::vector<std::string> includes(const std::string& text)
{
    static const std::regex re(R"(`include\s*["<]([^">]*)[">])");
    std::vector<std::string> out;
    for (auto it = std::sregex_iterator(text.begin(), text.end(), re); it != std::sregex_iterator(); ++it)
        out.push_back((*it)[1].str());
    return out;
}

std::string normalizeSpace(const std::string& s)
{
    std::string out;
    bool space = false;
    for (char c : s) {
        if (std::isspace(static_cast<unsigned char>(c))) {
            space = !out.empty();
            continue;
        }
        if (space) out += ' ';
        space = false;
        out += c;
    }
    return out;
}

// module name → its interface text: the header (to the `;` after the port list) and every
// body statement that declares a port.
std::map<std::string, std::string> interfaces(const std::string& text)
{
    std::map<std::string, std::string> out;
    static const std::regex moduleRe(R"(\b(module|macromodule)\s+(\w+))");
    static const std::regex portDecl(R"(^\s*(input|output|inout)\b)");
    for (auto it = std::sregex_iterator(text.begin(), text.end(), moduleRe); it != std::sregex_iterator(); ++it) {
        const size_t start = it->position(0);
        int depth = 0;
        size_t i = start;
        for (; i < text.size(); ++i) {
            if (text[i] == '(') ++depth;
            else if (text[i] == ')') --depth;
            else if (text[i] == ';' && depth == 0) break;
        }
        std::string iface = normalizeSpace(text.substr(start, i - start));
        const size_t end = text.find("endmodule", i);
        const std::string body = text.substr(i, end == std::string::npos ? std::string::npos : end - i);
        size_t pos = 0;
        while (pos < body.size()) {
            size_t semi = body.find(';', pos);
            if (semi == std::string::npos) semi = body.size();
            const std::string stmt = body.substr(pos, semi - pos);
            if (std::regex_search(stmt, portDecl)) iface += " | " + normalizeSpace(stmt);
            pos = semi + 1;
        }
        out[(*it)[2].str()] = iface;
    }
    return out;
}

bool includeInside(const Design& design, const std::string& sourcePath, const std::string& inc)
{
    if (inc.empty() || inc.front() == '/' || inc.find("..") != std::string::npos ||
        inc.find('\\') != std::string::npos)
        return false;
    const auto root = std::filesystem::weakly_canonical(design.dir);
    for (const auto& base : {design.dir / std::filesystem::path(sourcePath).parent_path(), design.dir}) {
        const auto p = std::filesystem::weakly_canonical(base / inc);
        const auto rel = p.lexically_relative(root);
        if (!rel.empty() && rel.native().rfind("..", 0) != 0 && std::filesystem::exists(p)) return true;
    }
    return false;
}

}  // namespace

SafetyVerdict checkPatchSafety(const Design& design, const std::vector<SourceFile>& before,
                               const std::vector<SourceFile>& after)
{
    auto reject = [](std::string why) { return SafetyVerdict{false, std::move(why)}; };
    if (after.size() != before.size())
        return reject("the fix adds or removes files; only the design's own sources may change");
    for (size_t i = 0; i < after.size(); ++i) {
        if (after[i].path != before[i].path)
            return reject(fmt::format("the fix touches `{}`, which is not one of the design's "
                                      "sources",
                                      after[i].path));
        for (const auto& tb : design.testbench.sources)
            if (after[i].path == tb && after[i].text != before[i].text)
                return reject(fmt::format("the fix edits the testbench `{}`", tb));
    }
    for (size_t i = 0; i < after.size(); ++i) {
        if (after[i].text == before[i].text) continue;
        const std::string oldText = stripComments(before[i].text);
        const std::string newText = stripComments(after[i].text);
        for (const auto& rule : forbiddenRules())
            if (countMatches(newText, rule.re) > countMatches(oldText, rule.re))
                return reject(fmt::format("the fix adds {} to `{}`", rule.what, after[i].path));
        const auto oldIncludes = includes(oldText);
        for (const auto& inc : includes(newText)) {
            if (std::find(oldIncludes.begin(), oldIncludes.end(), inc) != oldIncludes.end())
                continue;
            if (!includeInside(design, after[i].path, inc))
                return reject(fmt::format("the fix adds `include \"{}\" in `{}`, which is not a "
                                          "file inside the design folder",
                                          inc, after[i].path));
        }
        const auto oldIfaces = interfaces(oldText);
        const auto newIfaces = interfaces(newText);
        for (const auto& [name, iface] : oldIfaces) {
            auto it = newIfaces.find(name);
            if (it == newIfaces.end())
                return reject(fmt::format("the fix removes or renames module `{}`", name));
            if (it->second != iface)
                return reject(fmt::format("the fix changes the port list of module `{}`", name));
        }
        for (const auto& [name, iface] : newIfaces)
            if (!oldIfaces.count(name))
                return reject(fmt::format("the fix adds module `{}`", name));
    }
    return {};
}

}  // namespace veriloop
