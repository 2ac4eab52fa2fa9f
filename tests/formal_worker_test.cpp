// libyosys in a resident worker (equivalence/yosys_worker.h, yosys_formal.h): the original is
// loaded once, and whatever one check does (a mutant Yosys rejects, a SAT problem past its time
// limit) costs only that check's fork, never the worker or the checks after it.

#include <gtest/gtest.h>

#include <chrono>

#include "equivalence/yosys_formal.h"
#include "equivalence/yosys_worker.h"
#include "test_support.h"

using namespace veriloop;
using namespace veriloop::test;

namespace {

// A typedef enum and an enum cast: Yosys 0.23 (Debian) rejected the cast, so such designs got
// no formal verdict at all.
const char* kEnumFsm = R"(module efsm(input logic [1:0] code, input logic [3:0] a, output logic [3:0] y);
    typedef enum logic [1:0] {IDLE, LOAD, RUN, DONE} state_t;
    state_t s;
    assign s = state_t'(code);
    always_comb begin
        case (s)
            IDLE: y = 4'd0;
            LOAD: y = a;
            RUN:  y = a + 4'd1;
            default: y = 4'hf;
        endcase
    end
endmodule
)";

std::vector<SourceFile> changed(const std::vector<SourceFile>& files, const std::string& from,
                                const std::string& to)
{
    auto out = files;
    out[0].text.replace(out[0].text.find(from), from.size(), to);
    return out;
}

}  // namespace

TEST(FormalWorker, EnumCastsAreReadAndDecided)
{
    auto dir = writeDesign("efsm", kEnumFsm);
    auto design = loadDesign(dir);
    ASSERT_TRUE(design);
    FormalChecker checker(*design, design->sources, dir / "formal", {});
    FormalResult bug = checker.check(changed(design->sources, "a + 4'd1", "a - 4'd1"), dir / "formal" / "bug");
    EXPECT_EQ(bug.status, FormalStatus::NonEquivalent) << bug.message;
    ASSERT_FALSE(bug.trace.empty());
    FormalResult same = checker.check(changed(design->sources, "IDLE: y = 4'd0;", "IDLE: y = 4'b0000;"),
                                      dir / "formal" / "same");
    EXPECT_EQ(same.status, FormalStatus::Equivalent) << same.message;
}

TEST(FormalWorker, AMutantYosysRejectsCostsOnlyItsOwnCheck)
{
    auto dir = writeDesign("efsm", kEnumFsm);
    auto design = loadDesign(dir);
    ASSERT_TRUE(design);
    FormalChecker checker(*design, design->sources, dir / "formal", {});
    FormalResult broken = checker.check(changed(design->sources, "assign s =", "assign s = ="), dir / "formal" / "broken");
    EXPECT_EQ(broken.status, FormalStatus::Error);
    EXPECT_NE(broken.message.find("syntax error"), std::string::npos) << broken.message;
    FormalResult after = checker.check(changed(design->sources, "y = a;", "y = ~a;"), dir / "formal" / "after");
    EXPECT_EQ(after.status, FormalStatus::NonEquivalent) << after.message;
    // The original was read once: by the one worker, not by any check.
    EXPECT_EQ(readFile(dir / "formal" / "after" / "miter.ys").value_or("").find("gold/"), std::string::npos);
}

TEST(FormalWorker, AnOriginalYosysRejectsFailsEveryCheckWithItsReason)
{
    auto dir = writeDesign("efsm", kEnumFsm);
    auto design = loadDesign(dir);
    ASSERT_TRUE(design);
    const auto broken = changed(design->sources, "endmodule", "endmodul");
    FormalChecker checker(*design, broken, dir / "formal", {});
    FormalResult r = checker.check(design->sources, dir / "formal" / "c");
    EXPECT_EQ(r.status, FormalStatus::Error);
    EXPECT_NE(r.message.find("original design does not load"), std::string::npos) << r.message;
}

// 24-bit multiplication written another way (a * (b + 1) - a): true, but far beyond a
// one-second SAT budget. The check comes
// back Unknown near its limit, and the worker answers the next check.
TEST(FormalWorker, ACheckPastItsTimeLimitIsUnknownAndTheWorkerGoesOn)
{
    const char* mul = R"(module mul(input logic [23:0] a, input logic [23:0] b, output logic [47:0] p);
    assign p = a * b;
endmodule
)";
    auto dir = writeDesign("mul", mul);
    auto design = loadDesign(dir);
    ASSERT_TRUE(design);
    FormalOptions options;
    options.timeoutSeconds = 1;
    FormalChecker checker(*design, design->sources, dir / "formal", options);
    const auto start = std::chrono::steady_clock::now();
    FormalResult hard = checker.check(changed(design->sources, "a * b", "a * (b + 48'd1) - a"), dir / "formal" / "hard");
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    EXPECT_EQ(hard.status, FormalStatus::Unknown) << hard.message;
    EXPECT_LT(seconds, 30);
    FormalResult easy = checker.check(changed(design->sources, "a * b", "a * b + 48'd1"), dir / "formal" / "easy");
    EXPECT_EQ(easy.status, FormalStatus::NonEquivalent) << easy.message;
}

TEST(FormalWorker, ReportsItsVersion)
{
    EXPECT_NE(yosysVersion().find("Yosys 0.70"), std::string::npos) << yosysVersion();
}
