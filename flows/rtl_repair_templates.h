#pragma once
// Repair templates of the built-in repairer for RTL: fixes no rtl-* mutation operator makes,
// in the shapes people get RTL wrong (corpora/bugs/README.md). Each is an operator (id
// repair-*, class repair-template), so candidates come out of generateMutants like every
// other, with exact edits checked against the source and deduplication:
//   the inverses of one-way operators (`+` back to `*`, `/` to `%`, `>>` to `>>>`, `|` to
//   `^`), a read becomes any variable of its type, a constant another constant of its module;
//   posedge/negedge swapped in an event control (one edge or all), an incomplete sensitivity
//   list completed to `@*`, every assignment of an always block made non-blocking (or
//   blocking), the branches of an if/else swapped, `!` and `~` exchanged, a literal read in
//   another base or made wide enough for its value, a parameter/localparam value one off,
//   doubled, halved or another of the module's, a duplicated case label replaced by a
//   named constant no item uses (or a number no item covers), and a default item (assigning zero) added to a case of
//   combinational code that has none.

#include <memory>
#include <vector>

#include "core/site.h"
#include "mutators/operator.h"

namespace veriloop {

std::vector<std::unique_ptr<MutationOperator>> rtlRepairTemplates(const std::vector<Site>* sites);

}  // namespace veriloop
