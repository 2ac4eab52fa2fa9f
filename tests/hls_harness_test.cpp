// The generated random differential harness of HLS top functions (equivalence/hls_harness.h),
// built the way the debug loop builds it: CsimWorkspace with the harness as the testbench.
// For corpus kernels covering every parameter kind (arrays, scalars, bool, pointers, streams,
// ap_fixed): it builds and runs, a seed reproduces its output, seeds differ, and a planted
// bug changes the output on the same seeds.

#include <algorithm>
#include <unistd.h>

#include <gtest/gtest.h>

#include "core/design.h"
#include "core/process.h"
#include "core/text.h"
#include "equivalence/csim.h"
#include "equivalence/hls_harness.h"
#include "frontend/hls/hls_frontend.h"

using namespace veriloop;

namespace {

std::filesystem::path scratchDir(const std::string& name)
{
    auto dir = std::filesystem::temp_directory_path() /
               ("veriloop-harness-" + name + "-" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    return dir;
}

std::filesystem::path corpusDir(const std::string& kernel)
{
    return std::filesystem::path(VERILOOP_SOURCE_DIR) / "corpora" / "hls" / kernel;
}

struct HarnessRun {
    int exitCode = -1;
    int signal = 0;
    std::string out, err;
    bool clean() const { return exitCode == 0 && signal == 0; }
};

/// A design with its harness as testbench, built in its own CsimWorkspace.
class HarnessBench {
public:
    /// Loads and analyzes `dir`, generates the harness; `problem` says why when any step fails.
    explicit HarnessBench(const std::filesystem::path& dir, const std::string& name)
        : work_(scratchDir(name))
    {
        auto loaded = loadDesign(dir);
        if (!loaded) {
            problem = "loadDesign: " + loaded.error().message;
            return;
        }
        design_ = *loaded;
        auto analysis = hls::analyzeHlsDesign(design_, hls::defaultHlsIncludeDir());
        if (!analysis) {
            problem = "frontend: " + analysis.error().message;
            return;
        }
        const HlsFunction* top = analysis->function(design_.top);
        if (top == nullptr) {
            problem = "no top function " + design_.top;
            return;
        }
        harness = generateHlsHarness(design_, *top);
        if (!harness.problem.empty()) {
            problem = harness.problem;
            return;
        }
        const auto path = work_ / "harness.cpp";
        writeFile(path, harness.source);
        design_.testbench.sources = {path.string()};
        ws_ = std::make_unique<CsimWorkspace>(design_, work_ / "ws", hls::defaultHlsIncludeDir());
    }

    ~HarnessBench()
    {
        ws_.reset();
        std::error_code ec;
        std::filesystem::remove_all(work_, ec);
    }
    HarnessBench(const HarnessBench&) = delete;
    HarnessBench& operator=(const HarnessBench&) = delete;

    /// Builds the design's sources with `from` replaced by `to` (once) in its first .cpp file.
    tl::expected<std::filesystem::path, std::string> build(const std::string& name,
                                                           const std::string& from = "",
                                                           const std::string& to = "")
    {
        auto sources = design_.sources;
        if (!from.empty()) {
            auto src = std::find_if(sources.begin(), sources.end(),
                                    [](const SourceFile& s) { return isCppSource(s.path); });
            const size_t at = src == sources.end() ? std::string::npos : src->text.find(from);
            if (at == std::string::npos) return tl::unexpected("mutation text not found: " + from);
            src->text.replace(at, from.size(), to);
        }
        auto b = ws_->build(sources, CsimFlavor::Zero, name);
        if (!b) return tl::unexpected(b.error().log);
        return b->exe;
    }

    static HarnessRun run(const std::filesystem::path& exe, const std::vector<int>& seeds)
    {
        ProcessSpec spec;
        spec.argv = {exe.string()};
        for (int s : seeds) spec.argv.push_back(std::to_string(s));
        spec.timeoutSeconds = 60;
        spec.memoryLimitMiB = 1024;
        auto r = runProcess(spec);
        return {r.exitCode, r.signal, r.out, r.err};
    }

    HlsHarness harness;
    std::string problem;

private:
    std::filesystem::path work_;
    Design design_;
    std::unique_ptr<CsimWorkspace> ws_;
};

struct CorpusCase {
    std::string kernel;
    // Seeds on which the golden kernel runs cleanly: scalars are drawn in [0, 2 * largest
    // array dimension], and gemm, kmp and gemv only stay in bounds for small ones.
    std::vector<int> seeds;
    std::string from, to;       // the planted bug
};

std::ostream& operator<<(std::ostream& os, const CorpusCase& c) { return os << c.kernel; }

class CorpusHarness : public ::testing::TestWithParam<CorpusCase> {};

TEST_P(CorpusHarness, BuildsIsDeterministicAndSeesAPlantedBug)
{
    const auto& c = GetParam();
    HarnessBench bench(corpusDir(c.kernel), c.kernel);
    ASSERT_EQ(bench.problem, "");
    auto golden = bench.build("golden");
    ASSERT_TRUE(golden) << golden.error();

    const auto first = HarnessBench::run(*golden, c.seeds);
    ASSERT_TRUE(first.clean()) << "exit " << first.exitCode << " signal " << first.signal << "\n"
                               << first.err;
    EXPECT_NE(first.out.find("# seed " + std::to_string(c.seeds.front()) + "\n"), std::string::npos);
    EXPECT_EQ(HarnessBench::run(*golden, c.seeds).out, first.out) << "a seed must reproduce";

    // Different seeds give different inputs, hence different outputs.
    const auto one = HarnessBench::run(*golden, {c.seeds[0]});
    const auto other = HarnessBench::run(*golden, {c.seeds[1]});
    ASSERT_TRUE(one.clean() && other.clean());
    const auto body = [](const std::string& out) { return out.substr(out.find('\n') + 1); };
    EXPECT_NE(body(one.out), body(other.out));

    auto mutant = bench.build("mutant", c.from, c.to);
    ASSERT_TRUE(mutant) << mutant.error();
    EXPECT_NE(HarnessBench::run(*mutant, c.seeds).out, first.out)
        << "the planted bug '" << c.from << "' -> '" << c.to << "' went unseen";
}

INSTANTIATE_TEST_SUITE_P(
    Corpus, CorpusHarness,
    ::testing::Values(
        // arrays + an int scalar
        CorpusCase{"gemm", {3, 30, 34}, "acc1 += a_tile", "acc1 -= a_tile"},
        // a pointer without dims (int* n_matches), char arrays
        CorpusCase{"kmp", {6, 20, 30}, "matches[m] = -1;", "matches[m] = 0;"},
        // streams in and out
        CorpusCase{"fir", {1, 2, 3}, "acc1 += coef", "acc1 -= coef"},
        // a bool scalar; full-range biases saturate every output, so the bug is in saturation
        CorpusCase{"gemv", {6, 22, 33}, "return 127;", "return 126;"},
        // ap_fixed / ap_ufixed arrays
        CorpusCase{"softmax_fixed", {1, 2, 3}, "sum1 += e1;", "sum1 -= e1;"},
        // ap_uint / ap_int arrays, no scalar
        CorpusCase{"stencil2d", {1, 2, 3}, "k[3] * rows[mid][c - 1]", "k[3] * rows[mid][c + 1]"},
        // structs of ap_uint fields in streams
        CorpusCase{"bitserial_pe_hls", {1, 2, 3}, "acc += rounded;", "acc -= rounded;"}),
    [](const auto& info) { return info.param.kernel; });

// A kernel that uses every shape the generator supports beyond the corpus: a 2-D array, a
// reference to an array, a pointer to rows, a non-const reference scalar, a return value, a
// float, an enum and a struct with an array field in a stream.
const char* kShapesHeader = R"(#pragma once
#include "ap_int.h"
#include "hls_stream.h"
enum class Mode { Add, Sub };
struct Packet {
    ap_uint<12> data[3];
    bool last;
    float gain;
};
int shapes(const int grid[4][3], short (&row)[5], ap_int<70> (*wide)[2], int& count, bool flip,
           float scale, Mode mode, hls::stream<Packet>& in, hls::stream<Packet>& out);
)";

const char* kShapesKernel = R"(#include "shapes.h"
int shapes(const int grid[4][3], short (&row)[5], ap_int<70> (*wide)[2], int& count, bool flip,
           float scale, Mode mode, hls::stream<Packet>& in, hls::stream<Packet>& out) {
    int sum = 0;
    for (int i = 0; i < 4; i++)
        for (int j = 0; j < 3; j++) sum += grid[i][j] >> 8;
    for (int k = 0; k < 5; k++) row[k] = static_cast<short>(row[k] + (flip ? 1 : -1));
    wide[1][0] = wide[0][1] + wide[2][0];
    for (int n = 0; n < count && n < 8; n++) {
        Packet p = in.read();
        p.data[0] = p.data[1] + p.data[2];
        p.gain = p.gain * scale;
        p.last = !p.last;
        out.write(p);
    }
    count = count + (mode == Mode::Add ? 1 : -1);
    return sum;
}
)";

std::filesystem::path writeShapesDesign()
{
    auto dir = scratchDir("shapes-design");
    writeFile(dir / "src" / "shapes.cpp", kShapesKernel);
    writeFile(dir / "src" / "shapes.h", kShapesHeader);
    writeFile(dir / "design.toml",
              "[design]\nname = \"shapes\"\nlanguage = \"hls-cpp\"\ntop = \"shapes\"\n"
              "sources = [\"src/shapes.cpp\", \"src/shapes.h\"]\n");
    return dir;
}

TEST(HlsHarness, DrivesEveryParameterShape)
{
    const auto dir = writeShapesDesign();
    HarnessBench bench(dir, "shapes");
    ASSERT_EQ(bench.problem, "");
    EXPECT_NE(bench.harness.source.find("#include \"shapes.h\""), std::string::npos);
    auto exe = bench.build("golden");
    ASSERT_TRUE(exe) << exe.error() << "\n" << bench.harness.source;
    const auto r = HarnessBench::run(*exe, {7, 8});
    ASSERT_TRUE(r.clean()) << r.err;
    for (const char* line : {"# seed 7\n", "# seed 8\n", "grid[11] ", "row[4] ", "wide[127] ",
                             "count ", "return ", "in[247] ", "out[256] {["})
        EXPECT_NE(r.out.find(line), std::string::npos) << line << "\n" << r.out.substr(0, 2000);
    // by-value scalars are inputs only
    EXPECT_EQ(r.out.find("flip "), std::string::npos);
    EXPECT_EQ(r.out.find("scale "), std::string::npos);
    EXPECT_EQ(HarnessBench::run(*exe, {7, 8}).out, r.out);
    std::filesystem::remove_all(dir);
}

TEST(HlsHarness, NeedsAHeaderToInclude)
{
    Design design;
    design.sources = {{"src/k.cpp", "void k(int a[4]) {}\n"}};
    HlsFunction top;
    top.name = "k";
    top.params = {{"a", "int *", {4}, false, false}};
    const auto h = generateHlsHarness(design, top);
    EXPECT_EQ(h.source, "");
    EXPECT_EQ(h.problem, "the top function is declared in no header the harness can include");
}

TEST(HlsHarness, RefusesPointersToPointers)
{
    Design design;
    design.sources = {{"src/k.cpp", ""}, {"src/k.h", "void k(int** p);\n"}};
    HlsFunction top;
    top.name = "k";
    top.params = {{"p", "int **", {}, true, false}};
    const auto h = generateHlsHarness(design, top);
    EXPECT_EQ(h.source, "");
    EXPECT_NE(h.problem.find("unsupported: a pointer to pointers"), std::string::npos) << h.problem;
}

TEST(HlsHarness, RejectsMalformedSeeds)
{
    HarnessBench bench(corpusDir("stencil2d"), "seeds");
    ASSERT_EQ(bench.problem, "");
    auto exe = bench.build("golden");
    ASSERT_TRUE(exe) << exe.error();
    ProcessSpec spec;
    spec.argv = {exe->string(), "12x"};
    EXPECT_EQ(runProcess(spec).exitCode, 2);
    spec.argv = {exe->string()};
    EXPECT_EQ(runProcess(spec).exitCode, 2);
}

// Every corpus kernel gets a harness that builds, and the golden runs clean on some of the
// seeds 1..20 (seeds with random sizes past the arrays are dropped by the debug loop; spmv_crs
// needs a valid CSR matrix, which random arrays rarely are).
TEST(HlsHarness, EveryCorpusKernelGetsAHarness)
{
    const auto root = std::filesystem::path(VERILOOP_SOURCE_DIR) / "corpora" / "hls";
    for (const auto& dir : findDesignDirs(root)) {
        const auto name = dir.filename().string();
        SCOPED_TRACE(name);
        HarnessBench bench(dir, "survey-" + name);
        ASSERT_EQ(bench.problem, "");
        auto exe = bench.build("golden");
        ASSERT_TRUE(exe.has_value()) << oneLine(exe.error(), 300);
        int clean = 0;
        for (int s = 1; s <= 20; ++s) clean += HarnessBench::run(*exe, {s}).clean();
        EXPECT_GT(clean, 0);
    }
}

}  // namespace
