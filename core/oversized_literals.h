#pragma once
// Based literals with more digits than their size (`2'h10`, `4'b10011`). IEEE 1800 (5.7.1)
// says the value is truncated from the left to the size, with a warning; Verilator rejects
// them ("Too many digits"), and real code has them. Before a simulator reads a design, each one
// whose dropped bits are not all zero is rewritten to the binary literal of its kept bits, on
// the same line, so coverage and error lines still point at the user's source.

#include <string>
#include <vector>

namespace veriloop {

struct TruncatedLiteral {
    int line = 0;
    int column = 0;
    std::string before, after;  // `2'h10`, `2'b00`
};

struct LiteralTruncation {
    std::string text;                        // the source with each literal truncated
    std::vector<TruncatedLiteral> literals;  // what changed, in source order
};

/// Scans SystemVerilog text (comments and strings skipped) for oversized based literals.
LiteralTruncation truncateOversizedLiterals(const std::string& text);

}  // namespace veriloop
