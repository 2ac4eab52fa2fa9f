// Builds the schema text. Choice ranges of all mutants form a forest by containment (ranges
// that cross are rejected first, so the forest is well formed); each node is rendered as a
// selector-driven `?:` (expressions) or `if` chain (statements) whose last alternative is the
// node's original text with its children rendered recursively. Alternatives hold the plain
// mutated text: when the selector names a mutant, every other choice is at its original.
// Terminates: each node is rendered once, children are strictly smaller ranges.

#include "equivalence/schema.h"

#include <algorithm>
#include <map>
#include <set>

#include <fmt/format.h>

namespace veriloop {

namespace {

struct Node {
    uint32_t begin = 0, end = 0;
    bool isStatement = false;
    std::vector<std::pair<int, std::string>> alts;  // selector value, text
    std::vector<size_t> children;
};

class FileRenderer {
public:
    FileRenderer(const std::string& text, std::vector<uint32_t> inserts, SchemaDialect dialect)
        : text_(text), inserts_(std::move(inserts)), dialect_(dialect)
    {
    }

    std::string render(std::vector<Node>& nodes, const std::vector<size_t>& roots)
    {
        nodes_ = &nodes;
        // A selector at the very start of the file (C++) precedes everything.
        std::string head;
        if (!inserts_.empty() && inserts_.front() == 0) head = selectorDeclaration(0);
        return head + renderSpan(0, static_cast<uint32_t>(text_.size()), roots);
    }

private:
    std::string copy(uint32_t a, uint32_t b) const
    {
        std::string out;
        uint32_t pos = a;
        for (uint32_t at : inserts_) {
            if (at <= a || at > b) continue;
            out += text_.substr(pos, at - pos);
            out += selectorDeclaration(at);
            pos = at;
        }
        out += text_.substr(pos, b - pos);
        return out;
    }

    std::string renderSpan(uint32_t b, uint32_t e, const std::vector<size_t>& children) const
    {
        std::string out;
        uint32_t pos = b;
        for (size_t c : children) {
            const Node& n = (*nodes_)[c];
            out += copy(pos, n.begin);
            out += renderNode(n);
            pos = n.end;
        }
        out += copy(pos, e);
        return out;
    }

    std::string selectorDeclaration(uint32_t at) const
    {
        if (dialect_ == SchemaDialect::Verilog)
            return fmt::format(" integer {0}; initial begin if (!$value$plusargs(\"{1}=%d\", {0})) "
                               "{0} = 0; end",
                               kSelectorVar, kSelectorPlusarg);
        const int line = 1 + static_cast<int>(std::count(text_.begin(), text_.begin() + at, '\n'));
        return fmt::format("#include <cstdlib>\nstatic const int {0} = [] {{ const char* s = "
                           "std::getenv(\"{1}\"); return s ? std::atoi(s) : 0; }}();\n#line {2}\n",
                           kSelectorVar, kSelectorEnv, line);
    }

    // An alternative spanning lines is joined into one, so that only the original's line
    // breaks remain and every line keeps its number (compiler error lines then name the
    // mutants to leave out). One holding a `//` comment keeps its breaks.
    std::string alternative(const std::string& alt) const
    {
        if (alt.find("//") != std::string::npos) return alt;
        std::string out = alt;
        std::replace(out.begin(), out.end(), '\n', ' ');
        return out;
    }

    std::string renderNode(const Node& n) const
    {
        const std::string orig = renderSpan(n.begin, n.end, n.children);
        std::string out;
        if (n.isStatement && dialect_ == SchemaDialect::Cpp) {
            out = "{ ";
            for (const auto& [sel, alt] : n.alts)
                out += fmt::format("if ({} == {}) {{ {}; }} else ", kSelectorVar, sel, alternative(alt));
            return out + "{ " + orig + "; } }";
        }
        if (n.isStatement) {
            out = "begin ";
            for (const auto& [sel, alt] : n.alts)
                out += fmt::format("if ({} == {}) begin {} end else ", kSelectorVar, sel, alternative(alt));
            return out + "begin " + orig + " end end";
        }
        out = "(";
        for (const auto& [sel, alt] : n.alts)
            out += fmt::format("({} == {}) ? ({}) : ", kSelectorVar, sel, alternative(alt));
        return out + "(" + orig + "))";
    }

    const std::string& text_;
    std::vector<uint32_t> inserts_;
    SchemaDialect dialect_;
    const std::vector<Node>* nodes_ = nullptr;
};

using RangeKey = std::tuple<int, uint32_t, uint32_t>;

// Mutants whose choice ranges cross (overlap without nesting) those of earlier mutants.
std::set<size_t> crossingMutants(const std::vector<const Mutant*>& mutants)
{
    std::set<size_t> rejected;
    std::vector<std::pair<ByteRange, bool>> accepted;
    for (size_t i = 0; i < mutants.size(); ++i) {
        bool ok = true;
        for (const auto& c : mutants[i]->choices) {
            for (const auto& [r, stmt] : accepted) {
                const bool same = r == c.range;
                if ((same && stmt != c.isStatement) ||
                    (!same && r.overlaps(c.range) && !r.contains(c.range) && !c.range.contains(r)))
                    ok = false;
            }
        }
        if (!ok) {
            rejected.insert(i);
            continue;
        }
        for (const auto& c : mutants[i]->choices) accepted.push_back({c.range, c.isStatement});
    }
    return rejected;
}

}  // namespace

namespace {

// The selector value of the schema alternative at `line`:`column` of schema file `path` (C++
// files are numbered from the `#line` after the selector declaration; Verilog schema lines are
// the original's): the nearest `<selector> == K` before that point on the line; 0 when none.
int selectorAt(const std::vector<SourceFile>& schema, const std::string& path, int line, int column)
{
    for (const auto& f : schema) {
        if (f.path != path) continue;
        const std::string& t = f.text;
        int at = 1;
        size_t pos = 0;
        if (const size_t directive = t.find("#line "); directive != std::string::npos) {
            at = std::atoi(t.c_str() + directive + 6);
            pos = t.find('\n', directive) + 1;
        }
        for (; at < line && pos != 0; ++at) pos = t.find('\n', pos) + 1;
        if (pos == 0 || at != line) return 0;
        const size_t end = std::min(t.find('\n', pos), pos + static_cast<size_t>(std::max(column, 1)));
        const std::string upTo = t.substr(pos, end - pos);
        const std::string needle = std::string(kSelectorVar) + " == ";
        const size_t k = upTo.rfind(needle);
        return k == std::string::npos ? 0 : std::atoi(upTo.c_str() + k + needle.size());
    }
    return 0;
}

bool touchesLine(const Mutant& m, const std::vector<SourceFile>& sources, const ErrorLocation& e)
{
    for (const auto& c : m.choices) {
        const auto& src = sources[c.range.file];
        if (src.path == e.file && e.line >= lineColAt(src.text, c.range.begin).line &&
            e.line <= lineColAt(src.text, c.range.end).line)
            return true;
    }
    return false;
}

}  // namespace

std::vector<size_t> schemaCulprits(const SchemaResult& schema,
                                   const std::vector<const Mutant*>& mutants,
                                   const std::vector<SourceFile>& sources,
                                   const std::vector<ErrorLocation>& errors)
{
    std::set<int> selectors;
    std::vector<ErrorLocation> unplaced;
    for (const auto& e : errors) {
        if (const int sel = selectorAt(schema.files, e.file, e.line, e.column); sel > 0) selectors.insert(sel);
        else unplaced.push_back(e);
    }
    std::vector<size_t> out;
    for (size_t i = 0; i < mutants.size(); ++i) {
        bool named = selectors.count(schema.selector[i]) > 0;
        for (const auto& e : unplaced) named = named || touchesLine(*mutants[i], sources, e);
        if (named) out.push_back(i);
    }
    return out;
}

SchemaResult buildMutantSchema(const std::vector<SourceFile>& files,
                               const std::vector<SelectorSite>& selectorSites,
                               const std::vector<const Mutant*>& mutants, SchemaDialect dialect)
{
    SchemaResult result;
    result.selector.assign(mutants.size(), 0);
    const std::set<size_t> rejected = crossingMutants(mutants);
    result.dropped = rejected.size();
    std::map<RangeKey, Node> byRange;
    for (size_t i = 0; i < mutants.size(); ++i) {
        if (rejected.count(i)) continue;
        result.selector[i] = static_cast<int>(i + 1);
        for (const auto& c : mutants[i]->choices) {
            Node& n = byRange[{c.range.file, c.range.begin, c.range.end}];
            n.begin = c.range.begin;
            n.end = c.range.end;
            n.isStatement = c.isStatement;
            n.alts.push_back({static_cast<int>(i + 1), c.altText});
        }
    }
    for (size_t f = 0; f < files.size(); ++f) {
        std::vector<Node> nodes;
        for (auto& [key, node] : byRange)
            if (std::get<0>(key) == static_cast<int>(f)) nodes.push_back(node);
        // Outer ranges first: begin ascending, end descending; then nest with a stack.
        std::sort(nodes.begin(), nodes.end(), [](const Node& a, const Node& b) {
            return a.begin != b.begin ? a.begin < b.begin : a.end > b.end;
        });
        std::vector<size_t> roots, stack;
        for (size_t i = 0; i < nodes.size(); ++i) {
            while (!stack.empty() && nodes[stack.back()].end <= nodes[i].begin) stack.pop_back();
            (stack.empty() ? roots : nodes[stack.back()].children).push_back(i);
            stack.push_back(i);
        }
        std::vector<uint32_t> inserts;
        for (const auto& s : selectorSites)
            if (s.file == static_cast<int>(f)) inserts.push_back(s.offset);
        std::sort(inserts.begin(), inserts.end());
        FileRenderer renderer(files[f].text, inserts, dialect);
        result.files.push_back({files[f].path, renderer.render(nodes, roots)});
    }
    return result;
}

}  // namespace veriloop
