#include <gtest/gtest.h>

#include "frontend/hls/hls_frontend.h"
#include "test_support.h"

using namespace veriloop;
using namespace veriloop::hls;

namespace {

const char* kKernel = R"(#include "ap_int.h"
#define TWICE(x) ((x) + (x))
const int N = 8;
void vadd(const int a[N], const int b[N], ap_uint<12> out[N], int scale) {
#pragma HLS INTERFACE m_axi port=a depth=8
#pragma HLS ARRAY_PARTITION variable=out type=cyclic factor=2 dim=1
  int buf[N][2];
outer:
  for (int i = 0; i < N; i++) {
#pragma HLS PIPELINE II=1
    int s = a[i] + b[i] * scale;
    buf[i][0] = TWICE(s);
    out[i] = s < 100 ? s : 100;
  }
}
)";

std::filesystem::path kernelDesign(const std::string& name, const std::string& code)
{
    auto dir = test::freshDir(name);
    writeFile(dir / "src/k.cpp", code);
    writeFile(dir / "design.toml",
              "[design]\nname = \"k\"\nlanguage = \"hls-cpp\"\ntop = \"vadd\"\nsources = [\"src/k.cpp\"]\n");
    return dir;
}

}  // namespace

TEST(HlsFrontend, InterfaceLoopsArraysAndPragmas)
{
    auto design = loadDesign(kernelDesign("hls-ok", kKernel));
    ASSERT_TRUE(design);
    auto a = analyzeHlsDesign(*design, defaultHlsIncludeDir());
    ASSERT_TRUE(a) << a.error().format();
    ASSERT_EQ(a->functions.size(), 1u);
    const auto& f = a->functions[0];
    EXPECT_TRUE(f.isTop);
    ASSERT_EQ(f.params.size(), 4u);
    EXPECT_EQ(f.params[0].arrayDims, std::vector<long>{8});
    EXPECT_NE(f.params[2].type.find("ap_uint<12>"), std::string::npos);
    EXPECT_TRUE(f.params[3].arrayDims.empty());
    ASSERT_EQ(a->loops.size(), 1u);
    EXPECT_EQ(a->loops[0].label, "outer");
    EXPECT_EQ(a->loops[0].tripCount, 8);
    EXPECT_EQ(a->loops[0].inductionVar, "i");
    bool buf = false;
    for (const auto& arr : a->arrays) buf = buf || (arr.name == "buf" && arr.dims == std::vector<long>{8, 2});
    EXPECT_TRUE(buf);
    ASSERT_EQ(a->pragmas.size(), 3u);
    EXPECT_EQ(a->pragmas[1].directive, "ARRAY_PARTITION");
    EXPECT_EQ(a->pragmas[1].args.at("factor"), "2");
    EXPECT_EQ(a->pragmas[1].loop, -1);
    EXPECT_EQ(a->pragmas[2].directive, "PIPELINE");
    EXPECT_EQ(a->pragmas[2].loop, 0);
    EXPECT_EQ(a->pragmas[2].function, "vadd");
}

TEST(HlsFrontend, SitesHaveExactRangesAndAvoidMacros)
{
    auto design = loadDesign(kernelDesign("hls-sites", kKernel));
    auto a = analyzeHlsDesign(*design, defaultHlsIncludeDir());
    ASSERT_TRUE(a);
    const std::string text = design->sources[0].text;
    bool mul = false, lt = false, cond = false;
    for (const auto& s : a->sites) {
        EXPECT_EQ(text.substr(s.token.begin, s.token.end - s.token.begin), s.text);
        // Nothing from inside TWICE(s): its `+` is in a macro expansion.
        EXPECT_FALSE(s.line == 12 && s.kind == SiteKind::BinaryOp) << s.text;
        if (s.kind == SiteKind::BinaryOp && s.text == "*")
            mul = text.substr(s.choice.begin, s.choice.end - s.choice.begin) == "b[i] * scale";
        if (s.kind == SiteKind::BinaryOp && s.text == "<" && s.line == 13) lt = true;
        if (s.kind == SiteKind::Condition && s.text == "i < N") cond = true;
    }
    EXPECT_TRUE(mul);
    EXPECT_TRUE(lt);
    EXPECT_TRUE(cond);
}

TEST(HlsFrontend, SyntaxErrorHasFileAndLine)
{
    auto design = loadDesign(kernelDesign("hls-bad", "void vadd(int a) {\n  int x = a +;\n}\n"));
    auto a = analyzeHlsDesign(*design, defaultHlsIncludeDir());
    ASSERT_FALSE(a);
    EXPECT_EQ(a.error().code, DiagCode::FrontendRejected);
    EXPECT_EQ(a.error().line, 2);
    EXPECT_NE(a.error().file.find("k.cpp"), std::string::npos);
}

TEST(HlsFrontend, MissingIncludeIsReported)
{
    auto design = loadDesign(kernelDesign("hls-inc", "#include \"nope.h\"\nvoid vadd() {}\n"));
    auto a = analyzeHlsDesign(*design, defaultHlsIncludeDir());
    ASSERT_FALSE(a);
    EXPECT_NE(a.error().message.find("nope.h"), std::string::npos);
}

TEST(HlsFrontend, EveryBundledKernelParses)
{
    const auto corpus = test::sourceDir() / "corpora/hls";
    int kernels = 0;
    for (const auto& dir : findDesignDirs(corpus)) {
        SCOPED_TRACE(dir.string());
        auto design = loadDesign(dir);
        ASSERT_TRUE(design) << design.error().format();
        auto a = analyzeHlsDesign(*design, defaultHlsIncludeDir());
        ASSERT_TRUE(a) << a.error().format();
        EXPECT_FALSE(a->loops.empty());
        EXPECT_FALSE(a->pragmas.empty());
        EXPECT_GT(a->sites.size(), 10u);
        ++kernels;
    }
    EXPECT_GE(kernels, 15);
}
