// gemm: C = A * B for small fixed sizes, int8 operands, int32 results.
#ifndef VERILOOP_CORPUS_GEMM_H
#define VERILOOP_CORPUS_GEMM_H

#include <cstdint>

const int GEMM_M = 8;   // rows of A and C
const int GEMM_K = 12;  // columns of A, rows of B
const int GEMM_N = 8;   // columns of B and C

typedef int8_t gemm_in_t;
typedef int32_t gemm_acc_t;

// a: M x K row-major, b: K x N row-major, c: M x N row-major.
void gemm(const gemm_in_t a[GEMM_M * GEMM_K], const gemm_in_t b[GEMM_K * GEMM_N],
          gemm_acc_t c[GEMM_M * GEMM_N]);

#endif
