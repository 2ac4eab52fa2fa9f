#pragma once
// Yosys formal check of one mutant against the original, for mutants simulation did not kill.

#include <condition_variable>
#include <filesystem>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "core/design.h"
#include "core/source.h"
#include "equivalence/sandbox.h"

namespace veriloop {

enum class FormalStatus { Equivalent, NonEquivalent, Unknown, Error };

struct FormalOptions {
    int bound = 20;             // BMC / induction depth for sequential designs
    double timeoutSeconds = 60; // per check
    /// Try Yosys' structural proof first (equiv_make / equiv_simple / equiv_induct, registers
    /// paired by name; at most a quarter of the time limit): fast for a refactor that keeps the
    /// register names, where a miter of wide arithmetic can take the SAT solver very long. A
    /// proof there is final; anything else goes on to the miter.
    bool structuralFirst = false;
};

/// One input assignment per step, as the counterexample gives it.
struct TraceStep {
    std::vector<std::pair<std::string, std::string>> inputs;  // port name, hex value
};

struct FormalResult {
    FormalStatus status = FormalStatus::Error;
    std::string engine;   // sat-comb, sat-tempinduct, equiv-induct
    int bound = 0;        // steps reached (0 for a complete combinational proof)
    std::vector<TraceStep> trace;  // counterexample inputs, step 1 first
    std::filesystem::path vcd;     // counterexample waveform
    std::string message;           // Error: what went wrong
    bool collapsed = false;        // the miter optimized to a constant
};

class YosysWorker;

/// Formal checks of many versions of one design against its original (`gold`), in libyosys:
/// `workers` resident workers each read, elaborate and flatten the original once and keep it; a
/// check reads only the changed version, in a forked copy of a worker, under its own time limit.
/// The workers start in the constructor, on the calling thread, which must outlive the checker
/// (bubblewrap's --die-with-parent follows the thread that started it). Safe to call `check`
/// from up to `workers` threads at once (more wait for a free worker).
class FormalChecker {
public:
    FormalChecker(const Design& design, std::vector<SourceFile> gold, std::filesystem::path workDir,
                  FormalOptions options, int workers = 1);
    ~FormalChecker();

    /// Compares the original with `gate` (same file list, changed); `dir` (inside workDir) is
    /// private to this check.
    FormalResult check(const std::vector<SourceFile>& gate, const std::filesystem::path& dir);

private:
    std::unique_ptr<YosysWorker> takeWorker();
    void giveBack(std::unique_ptr<YosysWorker> worker);

    const Design& design_;
    std::vector<SourceFile> gold_;
    std::filesystem::path workDir_;
    FormalOptions options_;
    std::mutex mutex_;
    std::condition_variable idleChanged_;
    std::vector<std::unique_ptr<YosysWorker>> idle_;
    std::string goldFailure_;  // the original could not be loaded: every check says why
};

/// One check with a checker of its own. `workDir` is private to this check.
FormalResult checkEquivalence(const Design& design, const std::vector<SourceFile>& gold,
                              const std::vector<SourceFile>& gate,
                              const std::filesystem::path& workDir, const FormalOptions& options);

/// Parses the counterexample table `sat -show-inputs` printed after a failed proof.
std::vector<TraceStep> parseSatTrace(const std::string& log);

}  // namespace veriloop
