// Golden model for lut_mpgemm: mixed-precision (1..4-bit, signed or unsigned, chosen
// per group of G activations) weight x int8 activation GEMV with int32 wrap-around
// accumulation.  Header-only, bit-exact with the RTL.
#pragma once
#include <cstdint>
#include <vector>

namespace lut_mpgemm_golden {

struct GroupCfg { int nbits = 4; bool is_signed = true; };   // nbits in 1..4

// Value of a weight field (4-bit lane, only the low nbits matter).
inline int weight_value(uint8_t raw, const GroupCfg& c) {
  int v = raw & ((1 << c.nbits) - 1);
  if (c.is_signed && (v & (1 << (c.nbits - 1)))) v -= 1 << c.nbits;
  return v;
}

// act: K int8; wraw: M*K raw 4-bit lanes (wraw[m*K + k]); cfg: one per group of G.
inline std::vector<int32_t> gemv(const std::vector<int8_t>& act, const std::vector<uint8_t>& wraw,
                                 const std::vector<GroupCfg>& cfg, int K, int M, int G) {
  std::vector<int32_t> y(M);
  for (int m = 0; m < M; ++m) {
    uint32_t acc = 0;
    for (int k = 0; k < K; ++k)
      acc += static_cast<uint32_t>(static_cast<int32_t>(act[k]) * weight_value(wraw[m * K + k], cfg[k / G]));
    y[m] = static_cast<int32_t>(acc);
  }
  return y;
}

// Same result through the LUT / bit-plane formulation (cross-check of the model).
inline std::vector<int32_t> gemv_lut(const std::vector<int8_t>& act, const std::vector<uint8_t>& wraw,
                                     const std::vector<GroupCfg>& cfg, int K, int M, int G) {
  std::vector<int32_t> y(M, 0);
  std::vector<int32_t> t(1 << G);
  for (int base = 0; base < K; base += G) {
    const GroupCfg& c = cfg[base / G];
    t[0] = 0;
    for (int j = 0; j < G; ++j)
      for (int i = 0; i < (1 << j); ++i) t[i + (1 << j)] = t[i] + act[base + j];
    for (int m = 0; m < M; ++m)
      for (int b = 0; b < c.nbits; ++b) {
        unsigned idx = 0;
        for (int g = 0; g < G; ++g) idx |= ((wraw[m * K + base + g] >> b) & 1u) << g;
        int32_t term = t[idx] * (1 << b);
        y[m] += (c.is_signed && b == c.nbits - 1) ? -term : term;
      }
  }
  return y;
}

}  // namespace lut_mpgemm_golden
