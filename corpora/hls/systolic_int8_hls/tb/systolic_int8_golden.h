// Golden model for systolic_int8: one row of C = A * B with int8 operands and
// int32 (wrap-around) accumulation.  Header-only, bit-exact with the RTL.
#pragma once
#include <cstdint>
#include <vector>

namespace systolic_golden {

// a: N activations (one row of A); b: N*N weights, b[k*N + j] = B[k][j].
inline std::vector<int32_t> row_times_matrix(const std::vector<int8_t>& a,
                                             const std::vector<int8_t>& b, int N) {
  std::vector<int32_t> c(N, 0);
  for (int j = 0; j < N; ++j) {
    uint32_t acc = 0;
    for (int k = 0; k < N; ++k)
      acc += static_cast<uint32_t>(static_cast<int32_t>(a[k]) * static_cast<int32_t>(b[k * N + j]));
    c[j] = static_cast<int32_t>(acc);
  }
  return c;
}

// Full tile product C = A * B, A given as R rows of N.
inline std::vector<std::vector<int32_t>> matmul(const std::vector<std::vector<int8_t>>& A,
                                                const std::vector<int8_t>& b, int N) {
  std::vector<std::vector<int32_t>> C;
  for (const auto& row : A) C.push_back(row_times_matrix(row, b, N));
  return C;
}

}  // namespace systolic_golden
