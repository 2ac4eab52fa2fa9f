#include "core/hls_model.h"

#include <algorithm>
#include <cctype>
#include <regex>
#include <sstream>

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

std::vector<HlsPragma> scanHlsPragmas(const std::string& text, int file)
{
    std::vector<HlsPragma> out;
    static const std::regex pragmaRe(R"(^[ \t]*#[ \t]*pragma[ \t]+HLS[ \t]+(\w+)([^\n]*))",
                                     std::regex::icase);
    static const std::regex argRe(R"((\w+)(?:[ \t]*=[ \t]*([^\s]+))?)");
    size_t offset = 0;
    int line = 1;
    std::istringstream in(text);
    std::string l;
    while (std::getline(in, l)) {
        std::smatch m;
        if (std::regex_search(l, m, pragmaRe)) {
            HlsPragma p;
            p.directive = m[1].str();
            for (auto& c : p.directive) c = static_cast<char>(std::toupper(c));
            const std::string rest = m[2].str();
            for (auto it = std::sregex_iterator(rest.begin(), rest.end(), argRe);
                 it != std::sregex_iterator(); ++it) {
                const std::string key = lower((*it)[1].str());
                if ((*it)[2].matched)
                    p.args[key] = (*it)[2].str();
                else
                    p.flags.push_back(key);
            }
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
