// Golden model for softmax_stream: the RTL's fixed-point softmax, bit-exact, plus a
// double-precision reference.  Header-only.
//   input  : int8 Q4.4 logits;  output: uint16 Q0.15 probabilities (32768 = 1.0)
#pragma once
#include <cmath>
#include <cstdint>
#include <vector>

namespace softmax_golden {

// 2^15 * exp(-k) and 2^15 * exp(-j/16), rounded (k, j = 0..15).
inline constexpr uint32_t kEA[16] = {32768, 12055, 4435, 1631, 600, 221, 81, 30, 11, 4, 1, 1, 0, 0, 0, 0};
inline constexpr uint32_t kEB[16] = {32768, 30783, 28918, 27166, 25520, 23974, 22521, 21157, 19875, 18671, 17539, 16477, 15479, 14541, 13660, 12832};
inline constexpr int kRecipBits = 21;
inline constexpr double kErrorBound = 1.0 / 4096.0;   // documented in the RTL header

// ~ 2^15 * exp(-d/16) for d = 0..255 (d in Q4.4).
inline uint32_t exp_q15(uint32_t d) {
  return (kEA[(d >> 4) & 15u] * kEB[d & 15u] + (1u << 14)) >> 15;
}

// R = floor(2^35 / S) computed by restoring division the way the RTL does it.
inline uint32_t reciprocal(uint32_t S) {
  uint64_t rem = 1u << 14, q = 0;
  for (int i = 0; i < kRecipBits; ++i) {
    rem <<= 1;
    q <<= 1;
    if (rem >= S) { rem -= S; q |= 1; }
  }
  return static_cast<uint32_t>(q);
}

inline std::vector<uint16_t> softmax_fixed(const std::vector<int8_t>& x) {
  int mx = x[0];
  for (int8_t v : x) mx = v > mx ? v : mx;
  std::vector<uint32_t> e(x.size());
  uint32_t S = 0;
  for (size_t i = 0; i < x.size(); ++i) { e[i] = exp_q15(static_cast<uint32_t>(mx - x[i])); S += e[i]; }
  uint64_t R = reciprocal(S);
  std::vector<uint16_t> y(x.size());
  for (size_t i = 0; i < x.size(); ++i) y[i] = static_cast<uint16_t>((e[i] * R + (1u << 19)) >> 20);
  return y;
}

inline std::vector<double> softmax_double(const std::vector<int8_t>& x) {
  double mx = -1e9;
  for (int8_t v : x) mx = std::fmax(mx, v / 16.0);
  std::vector<double> p(x.size());
  double s = 0;
  for (size_t i = 0; i < x.size(); ++i) { p[i] = std::exp(x[i] / 16.0 - mx); s += p[i]; }
  for (double& v : p) v /= s;
  return p;
}

}  // namespace softmax_golden
