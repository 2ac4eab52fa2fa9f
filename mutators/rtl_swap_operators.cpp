// Operator swaps are table rows (as Mull does): the site's operator token `from` becomes `to`.
// The schema alternative is the enclosing expression with the token replaced; both forms have
// the same self-determined width, so wrapping them in `?:` preserves the original semantics.

#include <iterator>

#include "mutators/rtl_operator_kit.h"

namespace veriloop {

namespace {

constexpr SwapRow kSwapRows[] = {
    {"rtl-arith-add-to-sub", "arithmetic", SiteKind::BinaryOp, "+", "-", "addition", "default,arith"},
    {"rtl-arith-sub-to-add", "arithmetic", SiteKind::BinaryOp, "-", "+", "subtraction", "default,arith"},
    {"rtl-arith-mul-to-add", "arithmetic", SiteKind::BinaryOp, "*", "+", "multiplication", "default,arith"},
    {"rtl-arith-mod-to-div", "arithmetic", SiteKind::BinaryOp, "%", "/", "modulo", "default,arith"},
    {"rtl-relop-lt-to-le", "relational", SiteKind::BinaryOp, "<", "<=", "comparison", "default,boundary"},
    {"rtl-relop-le-to-lt", "relational", SiteKind::BinaryOp, "<=", "<", "comparison", "default,boundary"},
    {"rtl-relop-gt-to-ge", "relational", SiteKind::BinaryOp, ">", ">=", "comparison", "default,boundary"},
    {"rtl-relop-ge-to-gt", "relational", SiteKind::BinaryOp, ">=", ">", "comparison", "default,boundary"},
    {"rtl-relop-eq-to-ne", "relational", SiteKind::BinaryOp, "==", "!=", "equality test", "default,boundary"},
    {"rtl-relop-ne-to-eq", "relational", SiteKind::BinaryOp, "!=", "==", "inequality test", "default,boundary"},
    {"rtl-relop-lt-to-ge", "relational", SiteKind::BinaryOp, "<", ">=", "comparison", "boundary"},
    {"rtl-relop-gt-to-le", "relational", SiteKind::BinaryOp, ">", "<=", "comparison", "boundary"},
    {"rtl-relop-le-to-gt", "relational", SiteKind::BinaryOp, "<=", ">", "comparison", "boundary"},
    {"rtl-relop-ge-to-lt", "relational", SiteKind::BinaryOp, ">=", "<", "comparison", "boundary"},
    {"rtl-relop-lt-to-gt", "relational", SiteKind::BinaryOp, "<", ">", "comparison", "boundary"},
    {"rtl-relop-gt-to-lt", "relational", SiteKind::BinaryOp, ">", "<", "comparison", "boundary"},
    {"rtl-logic-land-to-lor", "logical", SiteKind::BinaryOp, "&&", "||", "logical AND", "default,logic"},
    {"rtl-logic-lor-to-land", "logical", SiteKind::BinaryOp, "||", "&&", "logical OR", "default,logic"},
    {"rtl-logic-and-to-or", "logical", SiteKind::BinaryOp, "&", "|", "bitwise AND", "default,logic"},
    {"rtl-logic-or-to-and", "logical", SiteKind::BinaryOp, "|", "&", "bitwise OR", "default,logic"},
    {"rtl-logic-xor-to-or", "logical", SiteKind::BinaryOp, "^", "|", "bitwise XOR", "default,logic"},
    {"rtl-logic-and-to-xor", "logical", SiteKind::BinaryOp, "&", "^", "bitwise AND", "logic"},
    {"rtl-logic-or-to-xor", "logical", SiteKind::BinaryOp, "|", "^", "bitwise OR", "logic"},
    {"rtl-logic-xor-to-and", "logical", SiteKind::BinaryOp, "^", "&", "bitwise XOR", "logic"},
    {"rtl-logic-bitnot-drop", "logical", SiteKind::UnaryOp, "~", "", "bitwise negation", "default,logic"},
    {"rtl-shift-left-to-right", "shift", SiteKind::BinaryOp, "<<", ">>", "left shift", "default,arith"},
    {"rtl-shift-right-to-left", "shift", SiteKind::BinaryOp, ">>", "<<", "right shift", "default,arith"},
    {"rtl-shift-arith-to-logic", "shift", SiteKind::BinaryOp, ">>>", ">>", "arithmetic right shift", "default,arith"},
    {"rtl-cond-lognot-drop", "inverted-condition", SiteKind::UnaryOp, "!", "", "logical negation", "default,logic"},
};

const struct RegisterRtlSwapRows {
    RegisterRtlSwapRows() { registerSwapRows(kSwapRows, std::size(kSwapRows)); }
} registerRtlSwapRows;

}  // namespace

}  // namespace veriloop
