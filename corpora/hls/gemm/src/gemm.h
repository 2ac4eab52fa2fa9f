// gemm: C = A * B for the first m rows of A, uint8 activations x int8 weights -> int32.
#ifndef VERILOOP_CORPUS_GEMM_H
#define VERILOOP_CORPUS_GEMM_H

#include <cstdint>

const int GEMM_M = 8;   // maximum rows of A and C
const int GEMM_K = 12;  // columns of A, rows of B
const int GEMM_N = 8;   // columns of B and C

typedef uint8_t gemm_act_t;  // activations (A), unsigned
typedef int8_t gemm_wt_t;    // weights (B), signed
typedef int32_t gemm_acc_t;

// a: m x K row-major, b: K x N row-major, c: m x N row-major; 0 <= m <= GEMM_M.
// Rows m and above of c are left untouched.
void gemm(const gemm_act_t a[GEMM_M * GEMM_K], const gemm_wt_t b[GEMM_K * GEMM_N],
          gemm_acc_t c[GEMM_M * GEMM_N], int m);

#endif
