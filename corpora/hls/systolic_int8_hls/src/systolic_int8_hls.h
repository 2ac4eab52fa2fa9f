// systolic_int8_hls: HLS C++ twin of the RTL block fpga_targets/systolic_int8.
// For a stationary N x N int8 weight tile B and num_rows int8 rows of A, returns the rows
// of C = A * B with int32 wrap-around accumulation, C[r][j] = sum_k A[r][k] * B[k][j].
#ifndef VERILOOP_CORPUS_SYSTOLIC_INT8_HLS_H
#define VERILOOP_CORPUS_SYSTOLIC_INT8_HLS_H

#include <ap_int.h>

const int SYS_N = 4;           // tile size
const int SYS_MAX_ROWS = 64;   // rows of A per call (the m_axi depth)

typedef ap_int<8> sys_data_t;
typedef ap_int<16> sys_prod_t;   // one int8 x int8 product, exact
typedef ap_int<32> sys_acc_t;    // wraps like the RTL's ACCW = 32 partial sums

// b: N*N weights, b[k*N + j] = B[k][j]; a: num_rows*N, a[r*N + k] = A[r][k];
// c: num_rows*N, c[r*N + j] = C[r][j]. num_rows must not exceed SYS_MAX_ROWS.
void systolic_int8_hls(const sys_data_t b[SYS_N * SYS_N], const sys_data_t a[SYS_MAX_ROWS * SYS_N],
                       sys_acc_t c[SYS_MAX_ROWS * SYS_N], int num_rows);

#endif
