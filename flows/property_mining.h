#pragma once
// The built-in assertion miner of `veriloop assert`: candidate properties of a clocked design,
// read off a simulation trace of the original (every signal of the top module, sampled just
// before each rising clock edge, reset cycles left out). A candidate is only a guess that held
// on that trace: flows/assertions.h proves or simulates it before it is kept.
//
//   range          a multi-bit register or signal never above its largest value seen
//   onehot         a vector always has exactly one bit set (onehot0: at most one)
//   exclusive      two 1-bit signals are never high together
//   stable-unless  a register keeps its value in the cycle after an enable was low
//   handshake      a valid that is not taken stays up, and its data stays put
//   flag-equals    a 1-bit flag is exactly "vector == constant" (empty, full, idle), or that
//                  and another 1-bit signal (tick == en && cnt == 9)
//   implies-equal  a flag is only raised at one value of a vector (a terminal count)
//   counter-step   a counter steps by one or wraps to zero, when enabled or every cycle
//   transition     a small register (a state) only moves to the values seen after each value
//   captures       a register loads a same-width signal when enabled (or every cycle)
//   function       a signal is a function of one or two others, in the same cycle (y == a + b)
//                  or registered (y == $past(a ^ b)), with + - & | ^ ~ * << >> or a copy (a
//                  1-bit y also as a compare == < >= of two vectors),
//                  everywhere or only while a selector (an opcode, a state, two enables
//                  {clear, en}) has one value, where it may also be a constant -- the datapath
//                  relations (an ALU leg, an accumulator, a mux input, a cleared register)
//
// Each property has one check expression over the signals' sampled values and their values
// one cycle earlier (`vl_past_<name>`), rendered three ways: a concurrent SVA assertion for
// the bind file, an immediate `assert` that Yosys proves, and a monitor that prints when it
// is violated in simulation (the kill-rate runs).

#include <string>
#include <vector>

#include <tl/expected.hpp>

#include "core/design.h"
#include "flows/signal_divergence.h"

namespace veriloop {

struct TraceSignal {
    std::string name;
    int width = 1;
    bool input = false;
};

struct Property {
    std::string id;           ///< p<N>_<kind>_<signal>, a legal SV label
    std::string kind;         ///< range, onehot, onehot0, exclusive, stable-unless, handshake, flag-equals
    std::string sva;          ///< the property as written in the bind file (after `disable iff`)
    std::string check;        ///< the check at a rising edge, over names and vl_past_<name>
    std::vector<std::string> signals;  ///< the design signals it reads
    std::vector<std::string> past;     ///< of those, the ones read one cycle earlier
};

/// Sampled cycles: one row of signal values per cycle outside reset, and per row whether the
/// row before it is the cycle just before (false after a reset left out in between).
struct TraceSamples {
    std::vector<std::vector<long long>> rows;
    std::vector<bool> followsPrevious;
};

/// The values of `signals` just before each rising edge of the design's clock, one row per
/// cycle, from a VCD of the differential harness (two samples a cycle: the even time stamps
/// are the samples before the edge). Rows where the reset is active are dropped. Values are
/// numbers (vectors up to 62 bits; wider ones as a hash of their bits; -1 marks "unknown").
TraceSamples sampleBeforeEdges(const VcdTrace& vcd, const Design& design, const std::vector<TraceSignal>& signals);

/// Every candidate that holds on all samples (from sampleBeforeEdges over `signals`), at most
/// `maxCandidates`, the simplest kinds first.
std::vector<Property> mineProperties(const Design& design, const std::vector<TraceSignal>& signals,
                                     const TraceSamples& samples, size_t maxCandidates = 200);

/// A property written by someone else (an LLM) in the subset the checker translates:
/// `expr`, `a |-> b` or `a |=> b` over the top module's signals, with $past/$stable/$rose/$fell
/// (1-bit)/$onehot/$onehot0 of one signal (none in the antecedent of |=>). An error says why
/// it cannot be checked (a `##` delay, an unknown name, ...).
tl::expected<Property, std::string> propertyFromSva(const std::string& id, const std::string& text,
                                                    const std::vector<TraceSignal>& signals);

/// Why a check runs where it does: properties are checked only outside reset and, for those
/// reading the previous cycle, only when that cycle was outside reset too.
enum class MonitorMode {
    Formal,      ///< `assert(check)` in a clocked always block (read_verilog -formal)
    Simulation,  ///< `$display("VLPROP <index>")` the first time each check fails
};

/// The monitor text for `properties`, to be placed inside the top module just before its
/// `endmodule` (it declares vl_* registers and reads the design's own signals).
std::string monitorText(const Design& design, const std::vector<Property>& properties,
                        const std::vector<TraceSignal>& signals, MonitorMode mode);

/// `sources` with the monitor inserted before the top module's `endmodule`; empty when the
/// top module is not found.
std::vector<SourceFile> withMonitor(const Design& design, const std::vector<SourceFile>& sources,
                                    const std::string& monitor);

/// The bind file: a property module reading the signals the properties name, one labeled
/// concurrent assertion each (its comment line first), and the `bind` into the top module.
std::string bindFileText(const Design& design, const std::vector<Property>& properties,
                         const std::vector<std::string>& comments, const std::vector<TraceSignal>& signals,
                         const std::string& header);

}  // namespace veriloop
