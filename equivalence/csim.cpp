#include "equivalence/csim.h"

#include <csignal>
#include <regex>
#include <sstream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "core/text.h"
#include "equivalence/schema.h"

namespace veriloop {

namespace {

constexpr double kCompileSeconds = 180;

// Linked into Coverage builds: gcov writes its data at a normal exit only, so a run that a
// sanitizer stops, that crashes, or that its alarm (VL_COV_ALARM seconds, set below the
// sandbox's limit) interrupts writes it here first.
constexpr const char* kCoverageRuntime = R"(// veriloop C-simulation coverage runtime
#include <csignal>
#include <cstdlib>
#include <unistd.h>
extern "C" void __gcov_dump(void);
extern "C" void __sanitizer_set_death_callback(void (*)(void));
namespace {
void dumpAndExit(int sig) { __gcov_dump(); _exit(128 + sig); }
void dumpOnDeath() { __gcov_dump(); }
__attribute__((constructor)) void veriloopCoverageInit() {
    __sanitizer_set_death_callback(dumpOnDeath);
    std::signal(SIGALRM, dumpAndExit);
    std::signal(SIGABRT, dumpAndExit);
    if (const char* s = std::getenv("VL_COV_ALARM")) alarm(unsigned(std::atoi(s)));
}
}  // namespace
)";
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
        f.locations.push_back({file, n, std::stoi(m[3].str())});
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
    case CsimFlavor::Coverage: return "coverage";
    }
    return "zero-init";
}

namespace {

std::vector<std::filesystem::path> inputsOf(const Design& design, const std::filesystem::path& hlsInclude)
{
    auto folders = design.inputFolders();
    folders.push_back(hlsInclude);
    return folders;
}

}  // namespace

CsimWorkspace::CsimWorkspace(const Design& design, std::filesystem::path dir,
                             std::filesystem::path hlsInclude)
    : design_(design), dir_(std::filesystem::absolute(dir)),
      hlsInclude_(std::filesystem::absolute(hlsInclude)), sandbox_(dir_, inputsOf(design, hlsInclude_))
{
}

std::vector<std::string> CsimWorkspace::compileFlags(CsimFlavor flavor,
                                                     const std::filesystem::path& srcRoot) const
{
    // Never optimized: at -O1 GCC may reuse the original path's value for a variable that is
    // uninitialized only on a mutant's path, even with -ftrivial-auto-var-init, and the bug
    // then hides; gcov also counts every statement on its own line only at -O0.
    std::vector<std::string> flags = {"-std=c++17", "-O0",
                                      "-g0", "-w", "-I" + hlsInclude_.string()};
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
    case CsimFlavor::Coverage:
        for (const char* f : {"--coverage", "-fsanitize=address,undefined", "-fsanitize-recover=all",
                              "-fno-omit-frame-pointer", "-ftrivial-auto-var-init=pattern"})
            flags.push_back(f);
        break;
    }
    return flags;
}

tl::expected<std::string, CsimBuildFailure> CsimWorkspace::compileObject(
    CsimFlavor flavor, const std::filesystem::path& source, const std::filesystem::path& object)
{
    std::vector<std::string> cmd = {"g++"};
    for (auto& f : compileFlags(flavor, design_.dir)) cmd.push_back(f);
    cmd.insert(cmd.end(), {"-c", source.string(), "-o", object.string()});
    auto r = sandbox_.run(cmd, {kCompileSeconds, 0, kCompileMemoryMiB, 256}, object.parent_path());
    if (!r.ok()) return tl::unexpected(failureFrom(r, design_.dir, ""));
    return object.string();
}

tl::expected<std::filesystem::path, CsimBuildFailure> CsimWorkspace::testbenchObject(CsimFlavor flavor)
{
    const auto out = dir_ / fmt::format("tb-{}", csimFlavorName(flavor)) / "tb.o";
    if (std::filesystem::exists(out)) return out;
    std::filesystem::create_directories(out.parent_path());
    std::vector<std::string> objects;
    for (const auto& tb : design_.testbench.sources) {
        auto obj = compileObject(flavor, design_.dir / tb,
                                 out.parent_path() / ("part-" + std::filesystem::path(tb).stem().string() + ".o"));
        if (!obj) return tl::unexpected(obj.error());
        objects.push_back(*obj);
    }
    if (flavor == CsimFlavor::Coverage) {
        const auto rt = out.parent_path() / "coverage_runtime.cpp";
        writeFile(rt, kCoverageRuntime);
        auto obj = compileObject(flavor, rt, out.parent_path() / "coverage_runtime.o");
        if (!obj) return tl::unexpected(obj.error());
        objects.push_back(*obj);
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
                long memoryMiB, const CsimRunExtras& extras)
{
    // Coverage builds report and go on (their data is written at exit); the others stop at
    // the first report.
    const char* halt = build.flavor == CsimFlavor::Coverage ? "0" : "1";
    std::map<std::string, std::string> env = {
        {"VL_MUTANT", std::to_string(selector)},
        {"UBSAN_OPTIONS", fmt::format("halt_on_error={}:print_stacktrace=0", halt)},
        {"ASAN_OPTIONS", fmt::format("detect_leaks=0:halt_on_error={}:hard_rss_limit_mb={}", halt, memoryMiB)}};
    if (!extras.coverageDir.empty()) {
        std::filesystem::create_directories(extras.coverageDir);
        env["GCOV_PREFIX"] = extras.coverageDir.string();
        env["GCOV_PREFIX_STRIP"] = "1000";
    }
    // A Coverage run's alarm stops it (writing its data) before the sandbox's limit would.
    const int alarmSeconds = std::max(1, static_cast<int>(std::lround(timeoutSeconds)));
    if (!extras.coverageDir.empty()) {
        env["VL_COV_ALARM"] = std::to_string(alarmSeconds);
        timeoutSeconds = alarmSeconds + 2;
    }
    std::vector<std::string> argv = {build.exe.string()};
    argv.insert(argv.end(), extras.args.begin(), extras.args.end());
    // AddressSanitizer reserves terabytes of address space; its own RSS limit applies instead.
    const long addressLimit =
        build.flavor == CsimFlavor::Sanitize || build.flavor == CsimFlavor::Coverage ? 0 : memoryMiB;
    auto r = ws.sandbox().run(argv, {timeoutSeconds, 0, addressLimit, 64},
                              build.exe.parent_path(), env);
    CsimRun run;
    run.timedOut = r.timedOut || (!extras.coverageDir.empty() && r.exitCode == 128 + SIGALRM);
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

constexpr int kSchemaBuildAttempts = 16;  // each attempt drops the mutants g++ points at

}  // namespace

tl::expected<CsimSchema, CsimBuildFailure> buildCsimSchema(CsimWorkspace& ws,
                                                           const std::vector<const Mutant*>& mutants,
                                                           const std::string& name)
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
        auto b = ws.build(s.files, CsimFlavor::Zero, name);
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
        const auto culprits = schemaCulprits(s, trying, sources, last.locations);
        std::vector<const Mutant*> keep;
        for (size_t i = 0; i < trying.size(); ++i) {
            const bool named = std::find(culprits.begin(), culprits.end(), i) != culprits.end();
            (named ? out.rejected : keep).push_back(trying[i]);
        }
        if (keep.size() == trying.size()) break;
        trying = std::move(keep);
    }
    return tl::unexpected(last);
}

std::set<std::pair<int, int>> readCsimCoverage(const CsimWorkspace& ws, const CsimBuild& build,
                                               const std::filesystem::path& coverageDir,
                                               const std::vector<SourceFile>& sources,
                                               std::set<std::pair<int, int>>* known)
{
    // gcov wants each .gcno next to its .gcda; the build folder holds the .gcno files.
    std::vector<std::string> argv = {"gcov", "--json-format", "--stdout"};
    std::error_code ec;
    for (const auto& e : std::filesystem::directory_iterator(coverageDir, ec)) {
        if (e.path().extension() != ".gcda") continue;
        // Only the kernel's: the testbench objects were compiled elsewhere.
        const auto gcno = build.exe.parent_path() / e.path().filename().replace_extension(".gcno");
        if (!std::filesystem::exists(gcno)) continue;
        std::filesystem::copy_file(gcno, coverageDir / gcno.filename(),
                                   std::filesystem::copy_options::overwrite_existing, ec);
        argv.push_back(e.path().filename().string());
    }
    std::set<std::pair<int, int>> executed;
    if (argv.size() == 3) return executed;
    auto r = ws.sandbox().run(argv, {60, 0, 2048, 256}, coverageDir);
    // One JSON document per data file, one per line.
    for (const auto& line : splitLines(r.out)) {
        auto j = nlohmann::json::parse(line, nullptr, false);
        if (j.is_discarded() || !j.contains("files")) continue;
        for (const auto& f : j["files"]) {
            // Sources were compiled as <build folder>/src/<path in the design>.
            std::string file = f.value("file", "");
            const std::string root = (build.exe.parent_path() / "src").string() + "/";
            if (file.rfind(root, 0) == 0) file = file.substr(root.size());
            else if (file.rfind("src/", 0) == 0) file = file.substr(4);
            int index = -1;
            for (size_t i = 0; i < sources.size(); ++i)
                if (sources[i].path == file) index = static_cast<int>(i);
            if (index < 0) continue;  // the testbench, the harness, system headers
            for (const auto& l : f["lines"]) {
                const std::pair<int, int> key{index, l.value("line_number", 0)};
                if (known) known->insert(key);
                if (l.value("count", 0L) > 0) executed.insert(key);
            }
        }
    }
    return executed;
}

std::string firstLineWith(const std::string& text, const std::string& what)
{
    std::istringstream in(text);
    std::string line;
    while (std::getline(in, line))
        if (line.find(what) != std::string::npos) return oneLine(line, 300);
    return {};
}

nlohmann::json firstOutputDifference(const std::string& expected, const std::string& actual)
{
    std::istringstream e(expected), a(actual);
    std::string le, la;
    for (int n = 1;; ++n) {
        const bool he = static_cast<bool>(std::getline(e, le));
        const bool ha = static_cast<bool>(std::getline(a, la));
        if (!he && !ha) return nullptr;
        if (!he) le = "<end of output>";
        if (!ha) la = "<end of output>";
        if (le != la || !he || !ha)
            return {{"line", n}, {"expected", oneLine(le, 240)}, {"actual", oneLine(la, 240)}};
    }
}

}  // namespace veriloop
