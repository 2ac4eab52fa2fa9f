#pragma once
// Repair templates of the built-in repairer for HLS C++ kernels: the fixes no hls-* mutation
// operator makes when run on the buggy kernel (the inverses of one-way operators). Each is an
// operator (id hls-repair-*, class repair-template) so candidates come out of generateMutants
// like every other, with exact edits and deduplication:
//   `+` back to `*`, `-=` back to `+=`, `|` back to `^`; a variable read becomes any variable
//   of its type; a local without initializer gets `= 0`; a loop without increment gets one;
//   a signed cast of a read is removed; a signed declaration becomes unsigned; an ap_int /
//   ap_fixed declaration one bit wider; a shift amount loses its `+ W`; and on `#pragma HLS`
//   lines: another interface mode, another partition type / dim / dividing factor, a PIPELINE
//   removed or moved into a nested loop, a DATAFLOW moved out of a loop into a function body.

#include <memory>
#include <vector>

#include "core/site.h"
#include "mutators/operator.h"

namespace veriloop {

std::vector<std::unique_ptr<MutationOperator>> hlsRepairTemplates();

}  // namespace veriloop
