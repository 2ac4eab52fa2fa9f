// Golden model for bitserial_pe: grouped int8 x (2/3/4/8-bit) dot product with
// per-group integer scale and rounding right shift.  Header-only, bit-exact with the RTL.
#pragma once
#include <cstdint>
#include <vector>

namespace bitserial_golden {

struct Group {
  std::vector<int8_t> a;    // GS activations
  std::vector<uint8_t> w;   // GS raw weight lanes (only the low nbits matter)
  int mode = 3;             // 0:2b 1:3b 2:4b 3:8b
  int scale = 1;            // signed, SCW bits
  int shift = 0;            // 0 .. 2^SHW-1
  bool last = false;
};

inline int nbits(int mode) {
  static const int nb[4] = {2, 3, 4, 8};
  return nb[mode & 3];
}

// Two's-complement value of the low nb bits of a weight lane.
inline int weight_value(uint8_t raw, int nb) {
  int v = raw & ((1 << nb) - 1);
  if (v & (1 << (nb - 1))) v -= 1 << nb;
  return v;
}

inline int64_t group_psum(const Group& g) {
  int64_t s = 0;
  for (size_t i = 0; i < g.a.size(); ++i) s += static_cast<int64_t>(g.a[i]) * weight_value(g.w[i], nbits(g.mode));
  return s;
}

// Dequantized contribution of one group: round-half-up arithmetic right shift.
inline int64_t dequant(int64_t psum, int scale, int shift) {
  int64_t p = psum * scale;
  return (p + ((int64_t{1} << shift) >> 1)) >> shift;   // >> on negative is arithmetic (C++20)
}

// Accumulated result of a dot product (sequence of groups), int32 wrap-around.
inline int32_t dot(const std::vector<Group>& groups) {
  uint32_t acc = 0;
  for (const Group& g : groups) acc += static_cast<uint32_t>(dequant(group_psum(g), g.scale, g.shift));
  return static_cast<int32_t>(acc);
}

}  // namespace bitserial_golden
