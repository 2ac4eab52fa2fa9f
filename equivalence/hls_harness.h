#pragma once
// A generated random differential harness for an HLS kernel's top function: the C++ source of
// a `main()` that calls the top function on seeded random inputs and prints every output. The
// same source is built once with the golden kernel and once with a candidate; the two print
// the same text for a seed unless the candidate computes something else on those inputs.
//
// Contract of the generated program:
//   ./harness SEED [SEED ...]
//   For each seed, in order: a line `# seed <N>`, then the outputs of one call of the top
//   function on inputs derived only from that seed (splitmix64; no rand(), no clock, no
//   addresses). Exit code 0 when every call returned; 2 for a missing or malformed seed.
//   stdout is flushed after each seed, so a crash on a later seed keeps the earlier output.
//
// Inputs, per parameter (kinds from the frontend, types from `decltype(&top)`):
//   - array `T a[D0][D1]...`: a static buffer of D0 elements of the decayed pointee type;
//   - pointer without dims (`int* p`, `int a[]`): a static 64-element buffer;
//   - reference to an array `T (&a)[N]`: a static array of that type;
//     buffers are zeroed, then every element is filled with a random value each round;
//   - `hls::stream<T>&` (anything with read()/write()/empty()): 256 random elements are
//     written before the call; after the call everything left in it is drained and printed;
//   - scalar by value or reference: integers, ap_int/ap_uint/ap_fixed uniform in [0, B],
//     B = min(16, 2 * largest dimension of any array parameter) (scalars are sizes and counts); bool 0/1;
//     floating point small values; non-const references are printed after the call.
// Random element values: bool a random bit; integers the full range; floating point
//   (r % 2001 - 1000) / 64; ap_int/ap_uint/ap_fixed/ap_ufixed (anything with a static `width`
//   and `range(hi, lo)`) all `width` bits, 64 at a time through `range`; other trivially
//   copyable types (structs) random bytes through memcpy.
//
// Output lines, after each call, parameters in order, then the return value (if non-void):
//   `<name>[<flat index>] <value>` for buffers and streams (multi-dimensional arrays use the
//   flat index over the whole buffer), `<name> <value>` for by-reference scalars and
//   `return <value>`. <value> is hex: integers and bool their two's complement bits, ap types
//   their `width` bits (most significant chunk first), floating point `%a`, other types their
//   object bytes in memory order.
//
// Build: `g++ -std=c++17 -I<hls include> -I<folder of each design source> harness.cpp
// <kernel .cpp files>`; the design's headers are included by file name only.

#include <string>

#include "core/design.h"
#include "core/hls_model.h"

namespace veriloop {

/// The source of a differential harness for `top` (the design's top function), or a reason
/// why none can be made (e.g. a parameter kind it cannot drive).
struct HlsHarness {
    std::string source;   // C++17 translation unit with main(); empty when `problem` is set
    std::string problem;
};

HlsHarness generateHlsHarness(const Design& design, const HlsFunction& top);

}  // namespace veriloop
