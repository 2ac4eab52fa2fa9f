#pragma once
// The built-in optimizer's rewrites (`veriloop optimize` without an LLM): source-level changes
// that often make a design smaller or shallower but are correct only under facts a synthesis
// tool does not prove (a register never holds its upper values, a counter never passes its
// bound, the state codes are free to choose). Rewrites Yosys already does itself (constant
// folding, a multiply by a power of two as a shift, merging identical logic) gain nothing at
// the source and are not proposed. Every candidate is a guess: `veriloop optimize`
// keeps one only when synthesis shows a gain and Yosys proves it equivalent to the original.
//
//   narrow-register      an internal variable declared W bits wide, declared narrower
//   compare-to-equality  a magnitude comparison (a >= b, a < b) replaced by (in)equality
//   fsm-reencode         a module's state codes (localparams S_A = 0, S_B = 1, ...; a prefix
//                        starting with S) in Gray code or reversed

#include <string>
#include <vector>

#include "core/site.h"
#include "core/source.h"
#include "llm_client/optimization_proposer.h"

namespace veriloop {

/// Every built-in rewrite of `sources` at the given sites (the RTL frontend's, of `sources`).
std::vector<OptimizeCandidate> builtinOptimizations(const std::vector<SourceFile>& sources,
                                                    const std::vector<Site>& sites);

}  // namespace veriloop
