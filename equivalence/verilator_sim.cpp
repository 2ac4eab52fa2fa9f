// Builds and runs Verilator simulations. Verilator's runtime objects (verilated.o and friends)
// are the same for every build with the same flags, so they are compiled once, kept in a
// cache keyed by the flags, and copied into each new build before make runs.

#include "equivalence/verilator_sim.h"

#include <regex>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "core/text.h"

namespace veriloop {

namespace {

std::vector<std::string> verilatorArgs(const Design& design, const std::vector<SourceFile>& files,
                                       SimKind kind, const std::filesystem::path& buildDir)
{
    std::vector<std::string> args = {"verilator", "--cc", "--exe", "-Wno-fatal", "-Wno-lint",
                                     "-Wno-style", "-Wno-BLKANDNBLK", "-Wno-MULTIDRIVEN",
                                     "--x-assign", "0", "--x-initial", "0",
                                     "-Mdir", "obj", "-o", "Vsim"};
    std::string cflags = "-std=c++20";
    if (kind == SimKind::Testbench && !design.testbench.isCppHarness()) {
        args.insert(args.end(), {"--main", "--timing", "--top-module", design.testbench.top});
    } else {
        args.insert(args.end(), {"--top-module", design.top});
        for (const auto& inc : design.testbench.includeDirs)
            cflags += " -I" + (design.dir / inc).string();
    }
    args.insert(args.end(), {"-CFLAGS", cflags});
    for (const auto& f : files) args.push_back((buildDir / "src" / f.path).string());
    if (kind == SimKind::Differential) {
        args.push_back((buildDir / "vl_diff_main.cpp").string());
    } else {
        for (const auto& tb : design.testbench.sources) args.push_back((design.dir / tb).string());
    }
    return args;
}

std::string firstError(const std::string& text)
{
    std::istringstream in(text);
    std::string line;
    while (std::getline(in, line))
        if (line.find("%Error") != std::string::npos || line.find("error:") != std::string::npos)
            return oneLine(line, 300);
    return oneLine(text.substr(text.size() > 600 ? text.size() - 600 : 0), 300);
}

std::vector<std::filesystem::path> runtimeObjects(const std::filesystem::path& dir)
{
    std::vector<std::filesystem::path> out;
    std::error_code ec;
    for (const auto& e : std::filesystem::directory_iterator(dir, ec)) {
        const auto name = e.path().filename().string();
        if (name.rfind("verilated", 0) == 0 && e.path().extension() == ".o") out.push_back(e.path());
    }
    return out;
}

// The runtime objects depend on the flags in the generated makefile; key the cache by them.
std::string runtimeKey(const std::filesystem::path& objDir, const std::string& prefix)
{
    std::string mk = readFile(objDir / (prefix + ".mk")).value_or("") +
                     readFile(objDir / (prefix + "_classes.mk")).value_or("");
    std::string flags;
    std::istringstream in(mk);
    std::string line;
    bool inFlags = false;
    while (std::getline(in, line)) {
        if (line.find("VM_") != std::string::npos &&
            (line.find("CFLAGS") != std::string::npos || line.find("VM_TIMING") != std::string::npos ||
             line.find("VM_TRACE") != std::string::npos || line.find("VM_GLOBAL") != std::string::npos))
            inFlags = true;
        if (inFlags) flags += line + "\n";
        if (line.empty()) inFlags = false;
    }
    return contentHash(flags);
}

}  // namespace

tl::expected<SimBuild, Diagnostic> buildSimulation(const Design& design,
                                                   const std::vector<SourceFile>& files,
                                                   SimKind kind,
                                                   const std::vector<PortInfo>& ports,
                                                   const std::filesystem::path& buildDirIn,
                                                   const SimBuildOptions& options)
{
    const auto buildDir = std::filesystem::absolute(buildDirIn);
    std::error_code ec;
    std::filesystem::remove_all(buildDir, ec);
    std::filesystem::create_directories(buildDir);
    for (const auto& f : files) writeFile(buildDir / "src" / f.path, f.text);
    if (kind == SimKind::Differential)
        writeFile(buildDir / "vl_diff_main.cpp", differentialHarnessSource(design, ports));
    Sandbox sandbox(buildDir);
    SandboxLimits limits;
    limits.wallSeconds = 600;
    limits.memoryMiB = 8192;
    limits.fileSizeMiB = 2048;
    SimBuild build;
    build.kind = kind;
    build.dir = buildDir;
    ProcessResult gen = sandbox.run(verilatorArgs(design, files, kind, buildDir), limits, buildDir);
    build.seconds += gen.seconds;
    if (!gen.ok())
        return tl::unexpected(makeDiag(DiagCode::BuildFailed,
                                       "Verilator: " + firstError(gen.err + gen.out),
                                       design.dir.string()));
    const std::string prefix =
        "V" + (kind == SimKind::Testbench && !design.testbench.isCppHarness() ? design.testbench.top
                                                                               : design.top);
    const auto objDir = buildDir / "obj";
    std::filesystem::path cacheDir;
    if (!options.runtimeCache.empty()) {
        cacheDir = options.runtimeCache / runtimeKey(objDir, prefix);
        for (const auto& o : runtimeObjects(cacheDir))
            std::filesystem::copy_file(o, objDir / o.filename(),
                                       std::filesystem::copy_options::overwrite_existing, ec);
    }
    std::vector<std::string> make = {"make", "-s", "-C", objDir.string(), "-f", prefix + ".mk",
                                     fmt::format("-j{}", std::max(1, options.jobs)), "Vsim"};
    ProcessResult mk = sandbox.run(make, limits, buildDir);
    build.seconds += mk.seconds;
    if (!mk.ok())
        return tl::unexpected(makeDiag(DiagCode::BuildFailed,
                                       "C++ build: " + firstError(mk.err + mk.out),
                                       design.dir.string()));
    if (!cacheDir.empty() && runtimeObjects(cacheDir).empty()) {
        std::filesystem::create_directories(cacheDir, ec);
        for (const auto& o : runtimeObjects(objDir))
            std::filesystem::copy_file(o, cacheDir / o.filename(),
                                       std::filesystem::copy_options::overwrite_existing, ec);
    }
    build.exe = objDir / "Vsim";
    return build;
}

namespace {

ProcessResult runSim(const SimBuild& build, const Sandbox& sandbox, const SimRunOptions& options)
{
    std::vector<std::string> argv = {build.exe.string(),
                                     fmt::format("+{}={}", "vl_mutant", options.selector)};
    argv.insert(argv.end(), options.extraArgs.begin(), options.extraArgs.end());
    SandboxLimits limits;
    limits.wallSeconds = options.timeoutSeconds;
    limits.memoryMiB = options.memoryMiB;
    return sandbox.run(argv, limits);
}

std::string failureLine(const std::string& out)
{
    std::istringstream in(out);
    std::string line;
    while (std::getline(in, line))
        if (line.find("FAIL") != std::string::npos || line.find("%Error") != std::string::npos ||
            line.find("MISMATCH") != std::string::npos)
            return oneLine(line, 300);
    return {};
}

}  // namespace

SimRun runTestbench(const Design& design, const SimBuild& build, const Sandbox& sandbox,
                    const SimRunOptions& options)
{
    ProcessResult r = runSim(build, sandbox, options);
    SimRun run;
    run.seconds = r.seconds;
    run.timedOut = r.timedOut;
    const bool exitOk = !design.testbench.passExitCode ||
                        (r.signal == 0 && r.exitCode == *design.testbench.passExitCode);
    const bool stdoutOk = design.testbench.passStdout.empty() ||
                          r.out.find(design.testbench.passStdout) != std::string::npos;
    run.passed = !r.timedOut && !r.startFailed && exitOk && stdoutOk;
    if (run.passed) return run;
    nlohmann::json ev;
    ev["check"] = "testbench";
    ev["exit_code"] = r.exitCode;
    if (r.signal) ev["signal"] = r.signal;
    ev["timed_out"] = r.timedOut;
    ev["failure"] = failureLine(r.out + "\n" + r.err);
    const std::string tail = r.out.size() > 400 ? r.out.substr(r.out.size() - 400) : r.out;
    ev["stdout_tail"] = tail;
    run.evidence = ev.dump();
    return run;
}

SimRun runDifferential(const SimBuild& build, const Sandbox& sandbox, const SimRunOptions& options)
{
    ProcessResult r = runSim(build, sandbox, options);
    SimRun run;
    run.seconds = r.seconds;
    run.timedOut = r.timedOut;
    run.passed = r.ok() && r.out.find("DIFF-OK") != std::string::npos;
    if (run.passed) return run;
    nlohmann::json ev;
    ev["check"] = "differential";
    static const std::regex mm(R"(MISMATCH cycle=(\d+) port=(\S+) expected=(\S+) actual=(\S+))");
    std::smatch m;
    if (std::regex_search(r.out, m, mm)) {
        ev["cycle"] = std::stoi(m[1].str());
        ev["signal"] = m[2].str();
        ev["expected"] = m[3].str();
        ev["actual"] = m[4].str();
    } else {
        ev["exit_code"] = r.exitCode;
        if (r.signal) ev["signal_number"] = r.signal;
        ev["timed_out"] = r.timedOut;
        ev["failure"] = failureLine(r.out + "\n" + r.err);
    }
    run.evidence = ev.dump();
    return run;
}

}  // namespace veriloop
