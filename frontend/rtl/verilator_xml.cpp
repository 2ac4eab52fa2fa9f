#include "frontend/rtl/verilator_xml.h"

#include <regex>

#include <fmt/format.h>
#include <pugixml.hpp>

#include "core/process.h"
#include "core/text.h"

namespace veriloop::rtl {

const VarInfo* XmlModule::var(const std::string& n) const
{
    for (const auto& v : vars)
        if (v.name == n) return &v;
    return nullptr;
}

namespace {

struct DType {
    int width = 1;
    bool isSigned = false;
};

std::map<std::string, DType> readTypeTable(const pugi::xml_node& netlist)
{
    std::map<std::string, DType> types;
    for (auto t : netlist.child("typetable").children()) {
        DType d;
        // Only plain vectors have a width a mutant may rely on; arrays, structs and enums get
        // none (-1), so no operator treats them as interchangeable with a vector.
        if (std::string(t.name()) != "basicdtype") {
            d.width = -1;
            types[t.attribute("id").as_string()] = d;
            continue;
        }
        if (t.attribute("left") && t.attribute("right"))
            d.width = std::abs(t.attribute("left").as_int() - t.attribute("right").as_int()) + 1;
        d.isSigned = std::string(t.attribute("signed").as_string()) == "true";
        std::string name = t.attribute("name").as_string();
        if (name == "integer" || name == "int") d.width = 32;
        types[t.attribute("id").as_string()] = d;
    }
    return types;
}

// loc="c,12,8,12,14": file id, first line, first column, last line, last column.
void collectLocs(const pugi::xml_node& node, const std::map<std::string, std::string>& files,
                 std::set<std::tuple<std::string, int, int>>& out)
{
    for (auto child : node.children()) {
        std::string loc = child.attribute("loc").as_string();
        if (!loc.empty()) {
            int line = 0, col = 0;
            auto c1 = loc.find(',');
            auto c2 = loc.find(',', c1 + 1);
            auto c3 = loc.find(',', c2 + 1);
            if (c1 != std::string::npos && c2 != std::string::npos && c3 != std::string::npos) {
                line = std::stoi(loc.substr(c1 + 1, c2 - c1 - 1));
                col = std::stoi(loc.substr(c2 + 1, c3 - c2 - 1));
                auto f = files.find(loc.substr(0, c1));
                if (f != files.end()) out.insert({f->second, line, col});
            }
        }
        collectLocs(child, files, out);
    }
}

}  // namespace

tl::expected<ElaboratedDesign, std::string> parseVerilatorXml(const std::string& xml)
{
    pugi::xml_document doc;
    if (!doc.load_string(xml.c_str())) return tl::unexpected(std::string("malformed XML"));
    auto root = doc.child("verilator_xml");
    std::map<std::string, std::string> files;
    for (auto f : root.child("files").children("file"))
        files[f.attribute("id").as_string()] = f.attribute("filename").as_string();
    auto netlist = root.child("netlist");
    const auto types = readTypeTable(netlist);
    ElaboratedDesign out;
    for (auto m : netlist.children("module")) {
        std::string name = m.attribute("origName").as_string();
        if (name.empty()) name = m.attribute("name").as_string();
        XmlModule& mod = out.modules[name];
        mod.name = name;
        for (auto v : m.children("var")) {
            VarInfo info;
            info.name = v.attribute("origName").as_string();
            if (info.name.empty()) info.name = v.attribute("name").as_string();
            info.dir = v.attribute("dir").as_string();
            info.param = std::string(v.attribute("param").as_string()) == "true" ||
                         std::string(v.attribute("localparam").as_string()) == "true";
            auto t = types.find(v.attribute("dtype_id").as_string());
            if (t != types.end()) {
                info.width = t->second.width;
                info.isSigned = t->second.isSigned;
            }
            if (!mod.var(info.name)) mod.vars.push_back(info);
        }
    }
    collectLocs(netlist, files, out.nodeStarts);
    return out;
}

tl::expected<ElaboratedDesign, Diagnostic> elaborateWithVerilator(
    const std::filesystem::path& dir, const std::vector<std::string>& sources,
    const std::string& top, const std::filesystem::path& workDirIn)
{
    const auto workDir = std::filesystem::absolute(workDirIn);
    std::filesystem::create_directories(workDir);
    const auto xmlPath = workDir / "elaborated.xml";
    ProcessSpec spec;
    spec.cwd = dir;
    spec.timeoutSeconds = 120;
    spec.argv = {"verilator", "--xml-only", "-Wno-fatal", "-Wno-lint", "-Wno-style",
                 "--top-module", top, "--xml-output", xmlPath.string(),
                 "--Mdir", (workDir / "xml_obj").string()};
    for (const auto& s : sources) spec.argv.push_back(s);
    ProcessResult r = runProcess(spec);
    if (r.startFailed)
        return tl::unexpected(makeDiag(DiagCode::ToolMissing,
                                       "verilator is not installed (see `veriloop doctor`)"));
    if (!r.ok()) {
        // First "%Error: file:line:col: message" line, located.
        static const std::regex errRe(R"(%Error[^:]*: ([^:\s]+):(\d+):(\d+): ([^\n]*))");
        std::smatch m;
        if (std::regex_search(r.err, m, errRe))
            return tl::unexpected(makeDiag(DiagCode::FrontendRejected,
                                           "Verilator rejected the design: " + m[4].str(),
                                           (dir / m[1].str()).string(), std::stoi(m[2].str()),
                                           std::stoi(m[3].str())));
        return tl::unexpected(makeDiag(DiagCode::FrontendRejected,
                                       "Verilator rejected the design: " + oneLine(r.err, 300),
                                       dir.string()));
    }
    auto xml = readFile(xmlPath);
    if (!xml)
        return tl::unexpected(
            makeDiag(DiagCode::FrontendRejected, "Verilator wrote no XML", dir.string()));
    auto parsed = parseVerilatorXml(*xml);
    if (!parsed)
        return tl::unexpected(makeDiag(DiagCode::FrontendRejected, parsed.error(), dir.string()));
    return *parsed;
}

}  // namespace veriloop::rtl
