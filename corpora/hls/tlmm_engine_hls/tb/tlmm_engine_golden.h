// Golden model for tlmm_engine: ternary (2-bit code) x int8 matrix-vector product.
// Header-only, bit-exact with the RTL (int32 wrap-around accumulation).
#pragma once
#include <cstdint>
#include <vector>

namespace tlmm_golden {

// 2-bit weight code -> ternary value: 01 -> +1, 11 -> -1, 00/10 -> 0.
inline int decode(unsigned code) {
  code &= 3u;
  if (code == 1u) return 1;
  if (code == 3u) return -1;
  return 0;
}

// act: K signed int8 activations; wcode: M*K codes, row-major (wcode[m*K + k]).
// Returns M int32 results, accumulated with 32-bit wrap-around.
inline std::vector<int32_t> matvec(const std::vector<int8_t>& act,
                                   const std::vector<uint8_t>& wcode, int K, int M) {
  std::vector<int32_t> y(M, 0);
  for (int m = 0; m < M; ++m) {
    uint32_t acc = 0;
    for (int k = 0; k < K; ++k)
      acc += static_cast<uint32_t>(decode(wcode[m * K + k]) * static_cast<int32_t>(act[k]));
    y[m] = static_cast<int32_t>(acc);
  }
  return y;
}

// Reference for the table-lookup formulation (used by the harness as a
// cross-check of the golden model itself): T[P] - T[N] per group of G.
inline std::vector<int32_t> matvec_lut(const std::vector<int8_t>& act,
                                       const std::vector<uint8_t>& wcode, int K, int M, int G) {
  std::vector<int32_t> y(M, 0);
  const int tn = 1 << G;
  std::vector<int32_t> t(tn);
  for (int base = 0; base < K; base += G) {
    t[0] = 0;
    for (int i = 1; i < tn; ++i) {
      int lsb = 0;
      while (!((i >> lsb) & 1)) ++lsb;
      t[i] = t[i & (i - 1)] + act[base + lsb];
    }
    for (int m = 0; m < M; ++m) {
      unsigned p = 0, n = 0;
      for (int g = 0; g < G; ++g) {
        unsigned c = wcode[m * K + base + g] & 3u;
        if (c == 1u) p |= 1u << g;
        if (c == 3u) n |= 1u << g;
      }
      y[m] += t[p] - t[n];
    }
  }
  return y;
}

}  // namespace tlmm_golden
