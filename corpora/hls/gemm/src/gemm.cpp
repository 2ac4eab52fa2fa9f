#include "gemm.h"

void gemm(const gemm_in_t a[GEMM_M * GEMM_K], const gemm_in_t b[GEMM_K * GEMM_N],
          gemm_acc_t c[GEMM_M * GEMM_N]) {
#pragma HLS INTERFACE m_axi port=a offset=slave bundle=gmem0 depth=96
#pragma HLS INTERFACE m_axi port=b offset=slave bundle=gmem1 depth=96
#pragma HLS INTERFACE m_axi port=c offset=slave bundle=gmem0 depth=64
#pragma HLS INTERFACE s_axilite port=a bundle=control
#pragma HLS INTERFACE s_axilite port=b bundle=control
#pragma HLS INTERFACE s_axilite port=c bundle=control
#pragma HLS INTERFACE s_axilite port=return bundle=control

    gemm_in_t a_tile[GEMM_M][GEMM_K];
    gemm_in_t b_tile[GEMM_K][GEMM_N];
#pragma HLS ARRAY_PARTITION variable=a_tile type=complete dim=2
#pragma HLS ARRAY_PARTITION variable=b_tile type=complete dim=1

load_a_row:
    for (int i = 0; i < GEMM_M; i++) {
    load_a_col:
        for (int k = 0; k < GEMM_K; k++) {
#pragma HLS PIPELINE II=1
            a_tile[i][k] = a[i * GEMM_K + k];
        }
    }

load_b_row:
    for (int k = 0; k < GEMM_K; k++) {
    load_b_col:
        for (int j = 0; j < GEMM_N; j++) {
#pragma HLS PIPELINE II=1
            b_tile[k][j] = b[k * GEMM_N + j];
        }
    }

row_loop:
    for (int i = 0; i < GEMM_M; i++) {
    col_loop:
        for (int j = 0; j < GEMM_N; j++) {
#pragma HLS PIPELINE II=1
            gemm_acc_t sum = 0;
        dot_loop:
            for (int k = 0; k < GEMM_K; k++) {
#pragma HLS UNROLL
                sum += a_tile[i][k] * b_tile[k][j];
            }
            c[i * GEMM_N + j] = sum;
        }
    }
}
