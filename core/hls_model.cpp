#include "core/hls_model.h"

#include <algorithm>
#include <cctype>
#include <sstream>
#include <string>

namespace veriloop {

namespace {

std::string lower(std::string s)
{
    for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

}  // namespace

bool HlsPragma::hasFlag(const std::string& f) const
{
    return std::find(flags.begin(), flags.end(), lower(f)) != flags.end();
}

std::string HlsPragma::interfaceMode() const
{
    if (auto m = arg("mode"); !m.empty()) return lower(m);
    for (const auto& f : flags)
        if (f != "register" && f != "off") return f;
    return {};
}

std::string HlsPragma::partitionType() const
{
    if (auto t = arg("type"); !t.empty()) return lower(t);
    for (const char* t : {"complete", "cyclic", "block"})
        if (hasFlag(t)) return t;
    return "complete";  // the documented default
}

const HlsFunction* HlsAnalysis::function(const std::string& name) const
{
    for (const auto& f : functions)
        if (f.name == name) return &f;
    return nullptr;
}

const HlsArray* HlsAnalysis::array(const std::string& fn, const std::string& name) const
{
    for (const auto& a : arrays)
        if (a.function == fn && a.name == name) return &a;
    for (const auto& a : arrays)  // globals and arrays of other functions by name
        if (a.name == name) return &a;
    return nullptr;
}

bool HlsAnalysis::within(int inner, int outer) const
{
    for (int l = inner; l >= 0; l = loops[l].parent)
        if (l == outer) return true;
    return false;
}

int HlsAnalysis::pipelineOf(int loop) const
{
    for (size_t i = 0; i < pragmas.size(); ++i)
        if (pragmas[i].loop == loop && pragmas[i].directive == "PIPELINE" &&
            !pragmas[i].hasFlag("off"))
            return static_cast<int>(i);
    return -1;
}

namespace {

// A hand-written scanner: std::regex recurses once per character and overflowed the stack on
// a 20,000-character pragma line (found by bench/fuzz).
class PragmaLine {
public:
    explicit PragmaLine(const std::string& line) : l_(line) {}

    // "#pragma HLS <directive> <args>": the directive, or empty when the line is not one.
    std::string directive()
    {
        blanks();
        if (!take("#")) return {};
        blanks();
        if (!takeWordIgnoringCase("pragma") || blanks() == 0 || !takeWordIgnoringCase("hls") ||
            blanks() == 0)
            return {};
        return word();
    }

    // `key`, `key=value`, `key = value`, anything else skipped, as the rest of the line.
    void arguments(HlsPragma& p)
    {
        while (at_ < l_.size()) {
            const std::string key = word();
            if (key.empty()) {
                ++at_;
                continue;
            }
            const size_t afterKey = at_;
            blanks();
            if (take("=")) {
                blanks();
                const size_t from = at_;
                while (at_ < l_.size() && !std::isspace(static_cast<unsigned char>(l_[at_]))) ++at_;
                if (at_ > from) {
                    p.args[lower(key)] = l_.substr(from, at_ - from);
                    continue;
                }
            }
            at_ = afterKey;
            p.flags.push_back(lower(key));
        }
    }

private:
    static bool isWord(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

    size_t blanks()
    {
        const size_t from = at_;
        while (at_ < l_.size() && (l_[at_] == ' ' || l_[at_] == '\t')) ++at_;
        return at_ - from;
    }
    bool take(const char* s)
    {
        const size_t n = std::char_traits<char>::length(s);
        if (l_.compare(at_, n, s) != 0) return false;
        at_ += n;
        return true;
    }
    bool takeWordIgnoringCase(const std::string& w)
    {
        const size_t from = at_;
        if (lower(word()) == w) return true;
        at_ = from;
        return false;
    }
    std::string word()
    {
        const size_t from = at_;
        while (at_ < l_.size() && isWord(l_[at_])) ++at_;
        return l_.substr(from, at_ - from);
    }

    const std::string& l_;
    size_t at_ = 0;
};

}  // namespace

std::vector<HlsPragma> scanHlsPragmas(const std::string& text, int file)
{
    std::vector<HlsPragma> out;
    size_t offset = 0;
    int line = 1;
    std::istringstream in(text);
    std::string l;
    while (std::getline(in, l)) {
        PragmaLine scan(l);
        HlsPragma p;
        p.directive = scan.directive();
        if (!p.directive.empty()) {
            for (auto& c : p.directive) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
            scan.arguments(p);
            p.range = ByteRange{file, static_cast<uint32_t>(offset),
                                static_cast<uint32_t>(offset + l.size())};
            p.line = line;
            out.push_back(std::move(p));
        }
        offset += l.size() + 1;
        ++line;
    }
    return out;
}

}  // namespace veriloop
