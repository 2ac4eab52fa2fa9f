#pragma once
// Where a buggy design first leaves its golden: both run the same failing stimulus with every
// signal traced (Verilator --trace), and the signals are compared by name, sample by sample.
// The earliest differing signals are close to the bug: a wrong condition shows on the register
// it writes long before any output shows it.

#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace veriloop {

/// The value changes of a VCD file, per signal (dotted hierarchical name, e.g.
/// "TOP.cache.data_q[5]"); values as written ("0", "1", "b1010", "x"), times as numbers.
struct VcdTrace {
    std::map<std::string, std::vector<std::pair<uint64_t, std::string>>> changes;
    uint64_t endTime = 0;  ///< the last time stamp
};

/// Reads the subset of IEEE 1364 section 18 VCD that simulators write: scopes, $var, $dumpvars,
/// time stamps, scalar, vector and real changes. Unknown sections are skipped.
VcdTrace parseVcd(const std::string& text);

struct SignalDivergence {
    std::string name;  ///< the signal's own name: "data_q" for "TOP.cache.data_q[5]"
    std::string path;  ///< the full traced name
    uint64_t time = 0; ///< the first time stamp at which the two traces differ
};

/// Signals traced in both, by full name, whose values differ at some time both traces reach
/// (vector values compare as numbers: "b0011" equals "b11"); the earliest first.
std::vector<SignalDivergence> firstDivergences(const VcdTrace& buggy, const VcdTrace& golden);

}  // namespace veriloop
