#pragma once
// Small pieces shared by the RTL operators: a function-backed operator and literal handling.

#include <functional>
#include <optional>
#include <string>

#include "mutators/operator.h"

namespace veriloop {

using ProposeFn =
    std::function<void(const Site&, const MutationContext&, std::vector<Proposal>&)>;

/// An operator whose behavior is one function; most operators are this.
class FunctionOperator final : public MutationOperator {
public:
    FunctionOperator(OperatorInfo info, ProposeFn fn) : info_(std::move(info)), fn_(std::move(fn))
    {
    }
    const OperatorInfo& info() const override { return info_; }
    void propose(const Site& site, const MutationContext& ctx,
                 std::vector<Proposal>& out) const override
    {
        fn_(site, ctx, out);
    }

private:
    OperatorInfo info_;
    ProposeFn fn_;
};

/// Registers a function-backed operator (one line per operator in the operator files).
void registerOp(const char* id, const char* bugClass, const char* summary,
                std::vector<std::string> groups, ProposeFn fn);

/// An operator swap as a table row (as Mull does): the site's operator token `from` becomes `to`.
struct SwapRow {
    const char* id;
    const char* bugClass;
    SiteKind kind;
    const char* from;
    const char* to;  // "" for a unary operator that is dropped
    const char* what;
    const char* groups;  // comma-separated
};

/// Registers one operator per row. The schema alternative is the enclosing expression with the
/// token replaced. Loop-condition comparisons are left to the loop-bound operators, and a swap
/// that changes an ap_int result type (`*` to `+`) is built on its own.
void registerSwapRows(const SwapRow* rows, size_t count);

/// A Verilog integer literal: `8'hff`, `4'b1010`, `12`, `'0`, `32'sd5`.
struct Literal {
    int size = -1;          // -1: unsized
    bool isSigned = false;
    char base = 'd';        // b, o, d, h
    bool unbasedFill = false;  // '0 / '1
    uint64_t value = 0;
};

std::optional<Literal> parseLiteral(const std::string& text);
std::string formatLiteral(const Literal& lit);
/// `lit` with value + delta, wrapped to its size; nullopt when that is not a new value.
std::optional<std::string> offsetLiteral(const std::string& text, int delta);

/// Deterministic choice in [0, n) from a site and a seed.
size_t pick(const Site& site, uint64_t seed, size_t n);

}  // namespace veriloop
