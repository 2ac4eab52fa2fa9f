#pragma once
// Spectrum-based fault localization: line coverage of passing and failing runs (Verilator
// `--coverage-line` coverage.dat files) ranked by the Ochiai coefficient
//   susp(l) = ef(l) / sqrt(F * (ef(l) + ep(l)))
// where ef/ep count the failing/passing runs that executed line l and F counts failing runs.

#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "core/source.h"
#include "llm_client/proposer.h"

namespace veriloop {

/// (index into the design's source files, 1-based line)
using LineKey = std::pair<int, int>;

/// One run of a coverage build: did it fail, and which lines of the design it executed.
struct CoverageRun {
    std::string name;  ///< "testbench", "random seed=3 cycles=8", ...
    bool failed = false;
    std::set<LineKey> executed;
    /// Coverage points (blocks, if/else arms) executed; when any run has points, lines are
    /// scored per point (a line gets the best score of the points on it), which tells the
    /// `if` arm of a line from its `else` arm.
    std::set<std::string> points;
};

/// The lines each coverage point stands for (the same for every run of one build).
using PointLines = std::map<std::string, std::vector<LineKey>>;

/// Lines executed in one coverage.dat (Verilator "SystemC::Coverage-3" format). `known`
/// receives every line that has a coverage point, executed or not. Points in files that are
/// not design sources (the testbench, the harness) are ignored. A point's lines are its `S`
/// key ("12-14,17") when present, else its `l` key.
std::set<LineKey> parseCoverageDat(const std::string& text, const std::vector<SourceFile>& files,
                                   std::set<LineKey>* known = nullptr,
                                   std::set<std::string>* pointsExecuted = nullptr,
                                   PointLines* pointLines = nullptr);

/// The lines of points that count more in `after` than in `before`: two coverage.dat files of
/// runs of one stimulus, one a cycle longer, give the lines executed in that last cycle.
/// `covered` receives every line that has a point (a continuous assignment has none).
std::set<LineKey> linesExecutedBetween(const std::string& before, const std::string& after,
                                       const std::vector<SourceFile>& files,
                                       std::set<LineKey>* covered = nullptr);

struct FaultLocalization {
    std::vector<SuspiciousLine> ranked;  ///< score > 0, most suspicious first
    int failingRuns = 0;
    int passingRuns = 0;
};

/// Ochiai over `runs`. Lines in `alwaysExecuted` (code without coverage points, e.g.
/// continuous assignments) count as executed by every run. Ties keep file/line order.
FaultLocalization rankLines(const std::vector<CoverageRun>& runs,
                            const std::set<LineKey>& alwaysExecuted,
                            const std::vector<SourceFile>& files,
                            const PointLines& pointLines = {});

struct Site;
struct AssignmentFacts;
struct SignalDivergence;

/// Where a buggy run parts from its golden run (RTL, with a golden).
struct DivergenceFacts {
    std::vector<SignalDivergence> signals;  ///< the differing signals, earliest first
    std::set<LineKey> activeAtFirst;        ///< lines executed in the cycle of the first ones
    std::set<LineKey> covered;              ///< lines that have a coverage point at all
    int samplesPerCycle = 2;                ///< trace times per cycle
    int resetCycles = 0;                    ///< reset is held this many cycles
};

/// With a golden (RTL): the lines that assign the signals where the buggy run first leaves the
/// golden run rank first, the earliest signals first and, at one time, those whose own inputs
/// did not differ yet (the root, not what it feeds), and among the first ones those executed
/// in that cycle; a condition guarding one of those lines just below it; a blocking assignment
/// a root reads, where the name is also assigned with `<=`, above the root; every other line
/// keeps half its spectrum score. Reset branches and reset conditions rank lower unless the
/// runs part during reset, when a reset condition ranks above what it guards. Nothing changes
/// when no divergence names an assigned signal.
void rankByDivergence(FaultLocalization& fl, const DivergenceFacts& divergence,
                      const std::vector<AssignmentFacts>& assignments,
                      const std::vector<SourceFile>& files);

/// Ranks the lines the spectrum cannot reach, from the lines that depend on them (RTL): a
/// parameter/localparam declaration gets just below the best line that reads its name, an
/// always block's event control just below the best line of its block, and a case item no
/// run executed just below the best item of its case statement. Each gets its reason; the
/// ranking is re-sorted.
void rankByDependence(FaultLocalization& fl, const std::vector<Site>& sites,
                      const std::vector<SourceFile>& files);

}  // namespace veriloop
