// C/RTL co-simulation of an RTL block and its HLS twin.
//
// What it computes: whether the HLS twin (C simulation, g++) and the RTL block (Verilator)
// produce identical canonical lines for the same seeded vectors, and where they first differ.
// Why that is a sound comparison: both drivers include the block's one cosim/vectors.h and
// seed it with the same value, so line i of each side is the output for the same input
// vector; the RTL driver's bubbles and back-pressure come from a separate generator and can
// only change timing, never a value. Why it terminates: both builds and both runs go through
// the Sandbox with wall-clock limits.

#include "flows/cosim.h"

#include <algorithm>
#include <chrono>
#include <future>
#include <sstream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <toml++/toml.h>

#include "core/json_text.h"
#include "core/process.h"
#include "core/text.h"
#include "equivalence/csim.h"
#include "equivalence/sandbox.h"
#include "equivalence/verilator_sim.h"

namespace veriloop {

namespace {

Diagnostic cosimTableError(const std::filesystem::path& tomlPath, const std::string& message,
                           int line = 0)
{
    return makeDiag(DiagCode::DesignTomlInvalid, message, tomlPath.string(), line);
}

tl::expected<void, Diagnostic> requireFile(const std::filesystem::path& dir, const std::string& rel,
                                           const char* key, const std::filesystem::path& tomlPath)
{
    if (std::filesystem::is_regular_file(dir / rel)) return {};
    return tl::unexpected(makeDiag(
        DiagCode::SourceMissing,
        fmt::format("[cosim] {} = \"{}\" does not exist (paths are relative to the block folder)",
                    key, rel),
        tomlPath.string()));
}

std::string firstCompilerError(const std::string& text)
{
    for (const auto& line : splitLines(text))
        if (line.find("error") != std::string::npos) return oneLine(line, 300);
    return oneLine(text.substr(text.size() > 600 ? text.size() - 600 : 0), 300);
}

struct DriverBuild {
    std::filesystem::path exe;
    double seconds = 0;
    bool reused = false;
};

// A build is reused when the key of its inputs matches the one stored beside it: the side's
// sources and every file of the driver's folder (the driver and vectors.h), so re-running
// with the same --work, or co-simulating a mutant of the other side, rebuilds one side only.
std::string buildKey(const std::vector<SourceFile>& files, const std::filesystem::path& driverDir,
                     const std::string& extra)
{
    std::string material = extra;
    for (const auto& f : files) material += "\0file " + f.path + "\0" + f.text;
    std::vector<std::filesystem::path> driverFiles;
    std::error_code ec;
    for (const auto& e : std::filesystem::directory_iterator(driverDir, ec))
        if (e.is_regular_file()) driverFiles.push_back(e.path());
    std::sort(driverFiles.begin(), driverFiles.end());
    for (const auto& p : driverFiles)
        material += "\0driver " + p.string() + "\0" + readFile(p).value_or("");
    return contentHash(material);
}

std::optional<DriverBuild> reusableBuild(const std::filesystem::path& dir, const std::string& key,
                                         const std::filesystem::path& exe)
{
    if (readFile(dir / "build.key").value_or("") != key || !std::filesystem::exists(exe))
        return std::nullopt;
    return DriverBuild{exe, 0, true};
}

std::filesystem::path defaultHlsInclude()
{
    return std::filesystem::path(VERILOOP_SOURCE_DIR) / "frontend/hls/include";
}

// HLS side: the twin's sources (or their replacement) built with the HLS driver by the C
// simulation checker (equivalence/csim), in its deterministic zero-initializing flavor.
tl::expected<DriverBuild, Diagnostic> buildHlsDriver(const CosimSpec& spec,
                                                     const CosimOptions& options,
                                                     const std::filesystem::path& dir)
{
    const auto& files = options.hlsSources ? *options.hlsSources : spec.hls.sources;
    const auto include = options.hlsIncludeDir.empty() ? defaultHlsInclude() : options.hlsIncludeDir;
    const auto driver = spec.rtl.dir / spec.hlsDriver;
    const std::string key = buildKey(files, driver.parent_path(), "hls " + include.string());
    const auto exe = dir / "cosim" / fmt::format("csim-{}", csimFlavorName(CsimFlavor::Zero));
    if (auto cached = reusableBuild(dir, key, exe)) return *cached;

    std::error_code ec;
    std::filesystem::remove_all(dir, ec);
    // The HLS driver takes the place of the twin's testbench in the C simulation checker.
    Design harnessed = spec.hls;
    harnessed.testbench.sources = {std::filesystem::relative(driver, spec.hls.dir).string()};
    harnessed.testbench.includeDirs.push_back(
        std::filesystem::relative(driver.parent_path(), spec.hls.dir).string());
    CsimWorkspace workspace(harnessed, dir, include);
    const auto start = std::chrono::steady_clock::now();
    auto build = workspace.build(files, CsimFlavor::Zero, "cosim");
    if (!build)
        return tl::unexpected(makeDiag(DiagCode::BuildFailed,
                                       "HLS C simulation build: " + firstCompilerError(build.error().log),
                                       spec.hls.dir.string()));
    const std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
    writeFile(dir / "build.key", key);
    return DriverBuild{build->exe, took.count()};
}

// RTL side: the block's own Verilator build with the RTL driver as its C++ harness.
tl::expected<DriverBuild, Diagnostic> buildRtlDriver(const CosimSpec& spec,
                                                     const CosimOptions& options,
                                                     const std::filesystem::path& dir)
{
    Design harnessed = spec.rtl;
    harnessed.testbench.sources = {spec.rtlDriver};
    harnessed.testbench.top.clear();
    const auto driverDir = std::filesystem::path(spec.rtlDriver).parent_path();
    if (!driverDir.empty()) harnessed.testbench.includeDirs.push_back(driverDir.string());
    SimBuildOptions bo;
    bo.jobs = options.jobs;
    bo.runtimeCache = options.runtimeCache.empty() ? options.workDir / "vl-runtime"
                                                   : options.runtimeCache;
    const auto& files = options.rtlSources ? *options.rtlSources : spec.rtl.sources;
    const std::string key = buildKey(files, (spec.rtl.dir / spec.rtlDriver).parent_path(), "rtl");
    if (auto cached = reusableBuild(dir, key, dir / "obj" / "Vsim")) return *cached;
    auto build = buildSimulation(harnessed, files, SimKind::Testbench, {}, dir, bo);
    if (!build) return tl::unexpected(build.error());
    writeFile(dir / "build.key", key);
    return DriverBuild{build->exe, build->seconds};
}

std::string describeFailure(const ProcessResult& r, double limit)
{
    std::string what;
    if (r.startFailed) what = "could not be started";
    else if (r.timedOut) what = fmt::format("timed out after {:.0f} s", limit);
    else if (r.signal) what = fmt::format("was killed by signal {}", r.signal);
    else if (r.exitCode != 0) what = fmt::format("exited with code {}", r.exitCode);
    else return {};
    for (const auto& line : splitLines(r.out + "\n" + r.err))
        if (line.rfind("vec ", 0) != 0 && !line.empty()) return what + ": " + oneLine(line, 200);
    return what;
}

ProcessResult runDriver(const DriverBuild& build, const std::filesystem::path& dir,
                        uint64_t seed, int vectors, double timeoutSeconds)
{
    SandboxLimits limits;
    limits.wallSeconds = timeoutSeconds;
    limits.memoryMiB = 2048;
    return Sandbox(dir).run({build.exe.string(), "--seed", std::to_string(seed), "--vectors",
                             std::to_string(vectors)},
                            limits);
}

// The values after "vec <i>:", split on blanks.
std::vector<std::string> lineFields(const std::string& line)
{
    std::vector<std::string> fields;
    const auto colon = line.find(':');
    std::istringstream in(colon == std::string::npos ? line : line.substr(colon + 1));
    std::string f;
    while (in >> f) fields.push_back(f);
    return fields;
}

std::vector<int> differingFields(const std::string& a, const std::string& b)
{
    const auto fa = lineFields(a), fb = lineFields(b);
    std::vector<int> diff;
    for (size_t i = 0; i < std::max(fa.size(), fb.size()); ++i)
        if (i >= fa.size() || i >= fb.size() || fa[i] != fb[i]) diff.push_back(static_cast<int>(i));
    return diff;
}

void compareLines(const std::vector<std::string>& hls, const std::vector<std::string>& rtl,
                  CosimResult& result)
{
    result.compared = static_cast<int>(std::min(hls.size(), rtl.size()));
    const size_t total = std::max(hls.size(), rtl.size());
    for (size_t i = 0; i < total; ++i) {
        const bool both = i < hls.size() && i < rtl.size();
        if (both && hls[i] == rtl[i]) continue;
        if (both) ++result.mismatches;
        if (result.firstMismatch) continue;
        CosimMismatch m;
        m.vector = static_cast<int>(i);
        m.hlsLine = i < hls.size() ? hls[i] : "";
        m.rtlLine = i < rtl.size() ? rtl[i] : "";
        m.fields = both ? differingFields(hls[i], rtl[i]) : std::vector<int>{};
        result.firstMismatch = m;
    }
}

}  // namespace

tl::expected<CosimSpec, Diagnostic> loadCosimSpec(const std::filesystem::path& blockDir)
{
    auto rtl = loadDesign(blockDir);
    if (!rtl) return tl::unexpected(rtl.error());
    const auto tomlPath = rtl->dir / "design.toml";
    toml::table root;
    try {
        root = toml::parse_file(tomlPath.string());
    } catch (const toml::parse_error& err) {
        return tl::unexpected(cosimTableError(tomlPath, std::string(err.description()),
                                              static_cast<int>(err.source().begin.line)));
    }
    const auto* table = root["cosim"].as_table();
    if (!table)
        return tl::unexpected(cosimTableError(
            tomlPath, "no [cosim] table: add one with hls = \"<twin folder>\", hls_driver = "
                      "\"cosim/hls_driver.cpp\" and rtl_driver = \"cosim/rtl_driver.cpp\""));
    const int line = static_cast<int>(table->source().begin.line);
    CosimSpec spec;
    const std::string hlsRel = (*table)["hls"].value_or(std::string{});
    spec.hlsDriver = (*table)["hls_driver"].value_or(std::string{});
    spec.rtlDriver = (*table)["rtl_driver"].value_or(std::string{});
    spec.vectors = static_cast<int>((*table)["vectors"].value_or(int64_t{200}));
    for (const auto& [key, value] : {std::pair{"hls", hlsRel}, std::pair{"hls_driver", spec.hlsDriver},
                                     std::pair{"rtl_driver", spec.rtlDriver}})
        if (value.empty())
            return tl::unexpected(cosimTableError(tomlPath, fmt::format("[cosim] needs `{}`", key), line));
    if (spec.vectors < 1 || spec.vectors > kMaxCosimVectors)
        return tl::unexpected(cosimTableError(
            tomlPath, fmt::format("[cosim] vectors must be 1..{}", kMaxCosimVectors), line));
    if (!rtl->isRtl())
        return tl::unexpected(cosimTableError(
            tomlPath, "[cosim] belongs in the RTL block's design.toml, not the HLS twin's", line));
    for (const auto& [key, rel] : {std::pair{"hls_driver", spec.hlsDriver},
                                   std::pair{"rtl_driver", spec.rtlDriver}})
        if (auto ok = requireFile(rtl->dir, rel, key, tomlPath); !ok) return tl::unexpected(ok.error());
    auto hls = loadDesign(rtl->dir / hlsRel);
    if (!hls) return tl::unexpected(hls.error());
    if (hls->isRtl())
        return tl::unexpected(cosimTableError(
            tomlPath, fmt::format("[cosim] hls = \"{}\" is not an hls-cpp design", hlsRel), line));
    spec.rtl = std::move(*rtl);
    spec.hls = std::move(*hls);
    return spec;
}

std::vector<std::string> cosimLines(const std::string& output)
{
    std::vector<std::string> lines;
    for (auto& line : splitLines(output)) {
        while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
        if (line.rfind("vec ", 0) == 0) lines.push_back(line);
    }
    return lines;
}

tl::expected<CosimResult, Diagnostic> runCosim(const CosimSpec& spec, const CosimOptions& options)
{
    const int vectors = options.vectors > 0 ? options.vectors : spec.vectors;
    if (vectors < 1 || vectors > kMaxCosimVectors)
        return tl::unexpected(makeDiag(
            DiagCode::InvalidOption,
            fmt::format("--vectors takes 1..{}, got {}", kMaxCosimVectors, vectors)));
    for (const char* tool : {"g++", "make"})
        if (!onPath(tool))
            return tl::unexpected(makeDiag(
                DiagCode::ToolMissing, fmt::format("`{}` is not on PATH; co-simulation needs it "
                                                   "(see `veriloop doctor`)", tool)));
    if (options.workDir.empty())
        return tl::unexpected(makeDiag(DiagCode::InvalidOption, "co-simulation needs a work folder"));
    CosimOptions opts = options;
    opts.workDir = std::filesystem::absolute(options.workDir);
    std::filesystem::create_directories(opts.workDir);

    // The g++ build (seconds) overlaps the Verilator build (longer).
    auto hlsFuture = std::async(std::launch::async, [&] {
        return buildHlsDriver(spec, opts, opts.workDir / "hls");
    });
    auto rtlBuild = buildRtlDriver(spec, opts, opts.workDir / "rtl");
    auto hlsBuild = hlsFuture.get();
    if (!hlsBuild) return tl::unexpected(hlsBuild.error());
    if (!rtlBuild) return tl::unexpected(rtlBuild.error());

    const ProcessResult hlsRun = runDriver(*hlsBuild, opts.workDir / "run-hls", options.seed,
                                           vectors, options.runTimeoutSeconds);
    const ProcessResult rtlRun = runDriver(*rtlBuild, opts.workDir / "run-rtl", options.seed,
                                           vectors, options.runTimeoutSeconds);
    CosimResult result;
    result.seed = options.seed;
    result.vectors = vectors;
    const auto hlsLines = cosimLines(hlsRun.out), rtlLines = cosimLines(rtlRun.out);
    result.hls = {hlsBuild->seconds, hlsBuild->reused, hlsRun.seconds, static_cast<int>(hlsLines.size()),
                  describeFailure(hlsRun, options.runTimeoutSeconds)};
    result.rtl = {rtlBuild->seconds, rtlBuild->reused, rtlRun.seconds, static_cast<int>(rtlLines.size()),
                  describeFailure(rtlRun, options.runTimeoutSeconds)};
    compareLines(hlsLines, rtlLines, result);
    result.agree = !result.firstMismatch && result.compared == vectors &&
                   result.hls.failure.empty() && result.rtl.failure.empty();
    return result;
}

}  // namespace veriloop

namespace veriloop {

namespace {

// "a.cpp, b.h via driver.cpp", paths relative to the working directory where possible.
std::string sideFiles(const Design& design, const std::filesystem::path& driver)
{
    std::vector<std::string> names;
    for (const auto& f : design.sources)
        names.push_back(std::filesystem::proximate(design.dir / f.path).string());
    std::string joined;
    for (const auto& n : names) joined += (joined.empty() ? "" : ", ") + n;
    return joined + " via " + std::filesystem::proximate(driver).string();
}

std::string fieldList(const std::vector<int>& fields)
{
    std::string s;
    for (int f : fields) s += (s.empty() ? "" : ", ") + std::to_string(f);
    return s;
}

std::string buildText(const CosimSide& side)
{
    return side.buildReused ? "build reused" : fmt::format("build {:.2f} s", side.buildSeconds);
}

nlohmann::json sideJson(const CosimSide& side)
{
    return {{"build_s", side.buildSeconds}, {"build_reused", side.buildReused},
            {"run_s", side.runSeconds}, {"lines", side.lines},
            {"failure", side.failure.empty() ? nlohmann::json(nullptr) : nlohmann::json(side.failure)}};
}

}  // namespace

std::string cosimReportText(const CosimSpec& spec, const CosimResult& r, const std::string& blockArg)
{
    std::string out = fmt::format(
        "cosim {}: HLS twin {} (C simulation) vs RTL {} (Verilator), seed {}, {} vectors\n"
        "  hls: {}, run {:.2f} s, {} lines{}\n"
        "  rtl: {}, run {:.2f} s, {} lines{}\n",
        spec.rtl.name, spec.hls.name, spec.rtl.top, r.seed, r.vectors, buildText(r.hls),
        r.hls.runSeconds, r.hls.lines, r.hls.failure.empty() ? "" : "; " + r.hls.failure,
        buildText(r.rtl), r.rtl.runSeconds, r.rtl.lines,
        r.rtl.failure.empty() ? "" : "; " + r.rtl.failure);
    if (r.agree) return out + fmt::format("PASS: all {} vectors agree\n", r.compared);
    if (!r.firstMismatch) {
        return out + fmt::format("FAIL: the lines printed agree, but a side did not finish "
                                 "({} of {} vectors compared)\n",
                                 r.compared, r.vectors);
    }
    const CosimMismatch& m = *r.firstMismatch;
    const bool missing = m.hlsLine.empty() || m.rtlLine.empty();
    if (missing && r.mismatches == 0) {
        const bool hlsShort = m.hlsLine.empty();
        out += fmt::format("FAIL: the {} side printed {} of {} lines; first missing: vector {}",
                           hlsShort ? "hls" : "rtl", hlsShort ? r.hls.lines : r.rtl.lines,
                           r.vectors, m.vector);
    } else {
        out += fmt::format("FAIL: {} of {} compared vectors differ; first at vector {}",
                           r.mismatches, r.compared, m.vector);
    }
    out += m.fields.empty() ? "\n"
                            : fmt::format(" (differing value position{} {}, from 0)\n",
                                          m.fields.size() > 1 ? "s" : "", fieldList(m.fields));
    out += fmt::format("  hls: {}\n", m.hlsLine.empty() ? "<no line>" : m.hlsLine);
    out += fmt::format("  rtl: {}\n", m.rtlLine.empty() ? "<no line>" : m.rtlLine);
    out += fmt::format("  hls side: {}\n", sideFiles(spec.hls, spec.rtl.dir / spec.hlsDriver));
    out += fmt::format("  rtl side: {}\n", sideFiles(spec.rtl, spec.rtl.dir / spec.rtlDriver));
    out += fmt::format("  reproduce: veriloop cosim {} --seed {} --vectors {}\n", blockArg, r.seed,
                       m.vector + 1);
    return out;
}

std::string cosimReportJson(const CosimSpec& spec, const CosimResult& r)
{
    nlohmann::json first = nullptr;
    if (r.firstMismatch)
        first = {{"vector", r.firstMismatch->vector}, {"hls", r.firstMismatch->hlsLine},
                 {"rtl", r.firstMismatch->rtlLine}, {"fields", r.firstMismatch->fields}};
    nlohmann::json j{{"status", r.agree ? "PASS" : "FAIL"},
                     {"block", spec.rtl.name},
                     {"hls_design", spec.hls.name},
                     {"seed", r.seed},
                     {"vectors", r.vectors},
                     {"compared", r.compared},
                     {"mismatches", r.mismatches},
                     {"first_mismatch", first},
                     {"hls", sideJson(r.hls)},
                     {"rtl", sideJson(r.rtl)}};
    return jsonText(j, 2);
}

}  // namespace veriloop
