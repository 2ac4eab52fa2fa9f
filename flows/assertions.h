#pragma once
// `veriloop assert`: assertions for a clocked RTL design, each kept only when it holds on the
// original and catches bugs. Candidates come from the built-in miner (flows/property_mining.h)
// over a traced random simulation of the original. Each candidate is
//   (a) compiled: by Yosys (`read_verilog -formal -sv`, the immediate form it proves) and by
//       Verilator (`--assert`, the concurrent form of the bind file, with the testbench);
//   (b) shown to hold on the original: proved by Yosys k-induction from the reset sequence
//       where it can be, else not violated by the testbench and long seeded random runs --
//       recorded as "simulation-only", never called proved; a violation drops it;
//   (c) scored by the share of confirmed mutants (generated on the fly, all in one schema
//       build; confirmed when the random differential run shows an output differing from the
//       original's) whose simulation violates it.
// With a proposer (an LLM), its properties join the mined ones: translated from the SVA subset
// (flows/property_mining.h, propertyFromSva), re-parsed, then checked and scored the same way;
// one that cannot be translated or parsed is `not-compiled` with the reason.
// Assertions that catch no mutant another kept one misses are dropped (greedy cover, the best
// first); the proof of (b) is run on the cover's members only (a member shown false is dropped
// and the cover chosen again). The result is a bind file, each assertion with a comment naming
// its hold method and kill rate, plus the union kill rate.

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>
#include <tl/expected.hpp>

#include "core/design.h"
#include "core/diagnostic.h"
#include "core/mutant.h"
#include "flows/property_mining.h"
#include "llm_client/assertion_proposer.h"

namespace veriloop {

struct AssertionResult {
    Property property;
    /// kept, redundant (catches nothing new), fails-original (violated on the original),
    /// not-compiled (a tool rejected it)
    std::string status;
    bool proved = false;
    std::string method;   ///< how it holds (proof engine and depth, or the simulations)
    std::string reason;   ///< why it was dropped
    std::vector<int> kills;  ///< indices of the confirmed mutants whose simulation violates it
};

struct AssertReport {
    std::string design;
    int candidates = 0;
    int mutants = 0;       ///< mutants generated
    int confirmed = 0;     ///< of those, confirmed by the random differential run
    int unionKills = 0;    ///< confirmed mutants that at least one kept assertion catches
    std::vector<AssertionResult> results;  ///< every candidate, kept ones first
    std::string bindFile;  ///< the kept assertions
    bool verilatorChecked = false;  ///< the bind file compiled with --assert and the testbench passed
    std::string verilatorNote;      ///< why it was not (no testbench, the build or the run failed)
    std::string proposer = "builtin";  ///< "builtin" or "builtin+llm:<model>"
    std::string problem;            ///< a proposer reply that gave nothing usable, and why

    int kept() const;
    int keptProved() const;
    double unionKillRate() const { return confirmed ? static_cast<double>(unionKills) / confirmed : 0; }
    nlohmann::json toJson() const;
    std::string toText() const;
};

struct AssertOptions {
    std::filesystem::path workDir;
    int bound = 20;            ///< induction depth
    double proofSeconds = 30;  ///< per candidate
    int cycles = 2000;         ///< random cycles per simulation run
    int seeds = 3;             ///< random runs of the original that a simulation-only property must pass
    size_t maxCandidates = 200;
    size_t maxMutants = 150;
    int jobs = 2;
    std::function<void(const std::string&)> progress;
    /// The design's confirmed mutants from a dataset (`eval assert --db`): scored instead of
    /// mutants generated on the fly, all counted as confirmed. Null: generate.
    const std::vector<Mutant>* confirmedMutants = nullptr;
    /// Asked for more candidates after the miner (an LLM); null: the miner alone.
    AssertionProposer* proposer = nullptr;
};

class Database;

/// Stores each kept assertion of `report` as an `assert` task record of `design` (the design
/// row created or refreshed): the property, its hold method, its kill rate and the union kill
/// rate. Returns how many were stored.
tl::expected<int, Diagnostic> storeAssertions(Database& db, const Design& design, const AssertReport& report,
                                              int64_t runId);

/// Mines, checks and scores assertions for `design`. Errors: not RTL, no clock, a design the
/// frontend rejects, an original whose simulation does not build or run.
tl::expected<AssertReport, Diagnostic> assertDesign(const Design& design, const AssertOptions& options);

}  // namespace veriloop
