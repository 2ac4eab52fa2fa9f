#include "equivalence/csim.h"

#include <regex>
#include <sstream>

#include <fmt/format.h>

#include "core/text.h"
#include "equivalence/schema.h"

namespace veriloop {

namespace {

constexpr double kCompileSeconds = 180;
constexpr long kCompileMemoryMiB = 4096;

CsimBuildFailure failureFrom(const ProcessResult& r, const std::filesystem::path& srcRoot,
                             const std::string& firstSource)
{
    CsimBuildFailure f;
    f.log = r.timedOut ? "the compiler ran past its time limit" : r.err + r.out;
    static const std::regex errRe(R"(^(.*?):(\d+):(\d+): error:)");
    std::istringstream in(r.err);
    std::string line;
    while (std::getline(in, line)) {
        std::smatch m;
        if (!std::regex_search(line, m, errRe)) continue;
        std::string file = m[1].str();
        const std::string root = srcRoot.string() + "/";
        if (file.rfind(root, 0) == 0) file = file.substr(root.size());
        const int n = std::stoi(m[2].str());
        f.locations.push_back({file, n});
        if (file == firstSource) f.lines.push_back(n);
    }
    return f;
}

// The first lines of a sanitizer report in a run's stderr.
std::string sanitizerReportOf(const std::string& err)
{
    size_t at = err.find("ERROR: AddressSanitizer");
    if (at == std::string::npos) at = err.find("runtime error:");
    if (at == std::string::npos) return {};
    at = err.rfind('\n', at);
    at = at == std::string::npos ? 0 : at + 1;
    std::istringstream in(err.substr(at));
    std::string line, out;
    for (int i = 0; i < 6 && std::getline(in, line); ++i) out += oneLine(line, 240) + "\n";
    return out;
}

}  // namespace

std::string_view csimFlavorName(CsimFlavor f)
{
    switch (f) {
    case CsimFlavor::Zero: return "zero-init";
    case CsimFlavor::Pattern: return "pattern-init";
    case CsimFlavor::Sanitize: return "asan-ubsan";
    }
    return "zero-init";
}

CsimWorkspace::CsimWorkspace(const Design& design, std::filesystem::path dir,
                             std::filesystem::path hlsInclude)
    : design_(design), dir_(std::filesystem::absolute(dir)),
      hlsInclude_(std::filesystem::absolute(hlsInclude)), sandbox_(dir_)
{
}

std::vector<std::string> CsimWorkspace::compileFlags(CsimFlavor flavor,
                                                     const std::filesystem::path& srcRoot) const
{
    std::vector<std::string> flags = {"-std=c++17", "-O1", "-g0", "-w", "-I" + hlsInclude_.string()};
    for (const auto& src : design_.sources)
        flags.push_back("-I" + (srcRoot / src.path).parent_path().string());
    flags.push_back("-I" + srcRoot.string());
    for (const auto& inc : design_.testbench.includeDirs)
        flags.push_back("-I" + (design_.dir / inc).lexically_normal().string());
    switch (flavor) {
    case CsimFlavor::Zero: flags.push_back("-ftrivial-auto-var-init=zero"); break;
    case CsimFlavor::Pattern: flags.push_back("-ftrivial-auto-var-init=pattern"); break;
    case CsimFlavor::Sanitize:
        for (const char* f : {"-fsanitize=address,undefined", "-fno-sanitize-recover=all",
                              "-fno-omit-frame-pointer", "-ftrivial-auto-var-init=zero"})
            flags.push_back(f);
        break;
    }
    return flags;
}

tl::expected<std::filesystem::path, CsimBuildFailure> CsimWorkspace::testbenchObject(CsimFlavor flavor)
{
    const auto out = dir_ / fmt::format("tb-{}", csimFlavorName(flavor)) / "tb.o";
    if (std::filesystem::exists(out)) return out;
    std::filesystem::create_directories(out.parent_path());
    std::vector<std::string> argv = {"g++"};
    for (auto& f : compileFlags(flavor, design_.dir)) argv.push_back(f);
    std::vector<std::string> objects;
    for (const auto& tb : design_.testbench.sources) {
        const auto obj = out.parent_path() / ("part-" + std::filesystem::path(tb).stem().string() + ".o");
        auto cmd = argv;
        cmd.insert(cmd.end(), {"-c", (design_.dir / tb).string(), "-o", obj.string()});
        auto r = sandbox_.run(cmd, {kCompileSeconds, 0, kCompileMemoryMiB, 256});
        if (!r.ok()) return tl::unexpected(failureFrom(r, design_.dir, ""));
        objects.push_back(obj.string());
    }
    // One relocatable object holding every testbench file.
    std::vector<std::string> link = {"ld", "-r", "-o", out.string()};
    link.insert(link.end(), objects.begin(), objects.end());
    auto r = sandbox_.run(link, {60, 0, kCompileMemoryMiB, 256});
    if (!r.ok()) return tl::unexpected(failureFrom(r, design_.dir, ""));
    return out;
}

tl::expected<CsimBuild, CsimBuildFailure> CsimWorkspace::build(const std::vector<SourceFile>& sources,
                                                               CsimFlavor flavor,
                                                               const std::string& name)
{
    auto tb = testbenchObject(flavor);
    if (!tb) return tl::unexpected(tb.error());
    const auto root = dir_ / name;
    const auto srcRoot = root / "src";
    std::filesystem::create_directories(srcRoot);
    std::vector<std::string> argv = {"g++"};
    for (auto& f : compileFlags(flavor, srcRoot)) argv.push_back(f);
    std::string firstCpp;
    for (const auto& src : sources) {
        const auto path = srcRoot / src.path;
        std::filesystem::create_directories(path.parent_path());
        if (auto w = writeFile(path, src.text); !w)
            return tl::unexpected(CsimBuildFailure{"cannot write " + path.string(), {}, {}});
        if (isCppSource(path)) {
            argv.push_back(path.string());
            if (firstCpp.empty()) firstCpp = src.path;
        }
    }
    CsimBuild b;
    b.flavor = flavor;
    b.exe = root / fmt::format("csim-{}", csimFlavorName(flavor));
    argv.insert(argv.end(), {tb->string(), "-o", b.exe.string()});
    auto r = sandbox_.run(argv, {kCompileSeconds, 0, kCompileMemoryMiB, 256}, root);
    b.seconds = r.seconds;
    if (!r.ok()) return tl::unexpected(failureFrom(r, srcRoot, firstCpp));
    return b;
}

CsimRun runCsim(const CsimWorkspace& ws, const CsimBuild& build, int selector, double timeoutSeconds,
                long memoryMiB)
{
    std::map<std::string, std::string> env = {
        {"VL_MUTANT", std::to_string(selector)},
        {"UBSAN_OPTIONS", "halt_on_error=1:print_stacktrace=0"},
        {"ASAN_OPTIONS", fmt::format("detect_leaks=0:halt_on_error=1:hard_rss_limit_mb={}", memoryMiB)}};
    // AddressSanitizer reserves terabytes of address space; its own RSS limit applies instead.
    const long addressLimit = build.flavor == CsimFlavor::Sanitize ? 0 : memoryMiB;
    auto r = ws.sandbox().run({build.exe.string()}, {timeoutSeconds, 0, addressLimit, 64},
                              build.exe.parent_path(), env);
    CsimRun run;
    run.timedOut = r.timedOut;
    run.exitCode = r.exitCode;
    run.signal = r.signal;
    run.out = std::move(r.out);
    run.err = std::move(r.err);
    run.seconds = r.seconds;
    run.sanitizerReport = sanitizerReportOf(run.err);
    // Paths in the report relative to the design folder, as a person reads them.
    const std::string prefix = (build.exe.parent_path() / "src").string() + "/";
    for (size_t at; (at = run.sanitizerReport.find(prefix)) != std::string::npos;)
        run.sanitizerReport.erase(at, prefix.size());
    run.passed = !r.timedOut && !r.startFailed && ws.design().testbench.passes(r.exitCode, r.signal, run.out);
    return run;
}

namespace {

constexpr int kSchemaBuildAttempts = 6;

bool touchesError(const Mutant& m, const std::vector<SourceFile>& sources, const CsimBuildFailure& f)
{
    for (const auto& c : m.choices) {
        const auto& src = sources[c.range.file];
        const int first = lineColAt(src.text, c.range.begin).line;
        const int last = lineColAt(src.text, c.range.end).line;
        for (const auto& [file, line] : f.locations)
            if (file == src.path && line >= first && line <= last) return true;
    }
    return false;
}

}  // namespace

tl::expected<CsimSchema, CsimBuildFailure> buildCsimSchema(CsimWorkspace& ws,
                                                           const std::vector<const Mutant*>& mutants)
{
    const auto& sources = ws.design().sources;
    std::vector<SelectorSite> sites;  // the selector is declared at the top of each .cpp file
    for (size_t f = 0; f < sources.size(); ++f)
        if (isCppSource(sources[f].path)) sites.push_back({static_cast<int>(f), 0});
    CsimSchema out;
    std::vector<const Mutant*> trying = mutants;
    CsimBuildFailure last;
    for (int attempt = 0; attempt < kSchemaBuildAttempts; ++attempt) {
        SchemaResult s = buildMutantSchema(sources, sites, trying, SchemaDialect::Cpp);
        auto b = ws.build(s.files, CsimFlavor::Zero, "schema");
        if (b) {
            out.build = *b;
            out.files = std::move(s.files);
            for (size_t i = 0; i < trying.size(); ++i) {
                if (s.selector[i] == 0) out.rejected.push_back(trying[i]);
                else out.selector[trying[i]] = s.selector[i];
            }
            return out;
        }
        last = b.error();
        std::vector<const Mutant*> keep;
        for (const Mutant* m : trying)
            (touchesError(*m, sources, last) ? out.rejected : keep).push_back(m);
        if (keep.size() == trying.size()) break;
        trying = std::move(keep);
    }
    return tl::unexpected(last);
}

}  // namespace veriloop
