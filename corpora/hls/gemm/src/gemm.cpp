#include "gemm.h"

void gemm(const gemm_act_t a[GEMM_M * GEMM_K], const gemm_wt_t b[GEMM_K * GEMM_N],
          gemm_acc_t c[GEMM_M * GEMM_N], int m) {
#pragma HLS INTERFACE m_axi port=a offset=slave bundle=gmem0 depth=96
#pragma HLS INTERFACE m_axi port=b offset=slave bundle=gmem1 depth=96
#pragma HLS INTERFACE m_axi port=c offset=slave bundle=gmem0 depth=64
#pragma HLS INTERFACE s_axilite port=m bundle=control
#pragma HLS INTERFACE s_axilite port=return bundle=control

    // The dot loop consumes four consecutive k per cycle: a_tile along dim 2 and b_tile
    // along dim 1 are split cyclically by four.
    gemm_act_t a_tile[GEMM_M][GEMM_K];
    gemm_wt_t b_tile[GEMM_K][GEMM_N];
#pragma HLS ARRAY_PARTITION variable=a_tile type=cyclic factor=4 dim=2
#pragma HLS ARRAY_PARTITION variable=b_tile type=cyclic factor=4 dim=1

load_a_row:
    for (int i = 0; i < m; i++) {
#pragma HLS LOOP_TRIPCOUNT min=1 max=8 avg=8
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
    for (int i = 0; i < m; i++) {
#pragma HLS LOOP_TRIPCOUNT min=1 max=8 avg=8
    col_loop:
        for (int j = 0; j < GEMM_N; j++) {
            // Four independent partial sums keep the pipelined dot loop at II=1.
            gemm_acc_t acc0 = 0;
            gemm_acc_t acc1 = 0;
            gemm_acc_t acc2 = 0;
            gemm_acc_t acc3 = 0;
        dot_loop:
            for (int k = 0; k < GEMM_K; k += 4) {
#pragma HLS PIPELINE II=1
                acc0 += a_tile[i][k] * b_tile[k][j];
                acc1 += a_tile[i][k + 1] * b_tile[k + 1][j];
                acc2 += a_tile[i][k + 2] * b_tile[k + 2][j];
                acc3 += a_tile[i][k + 3] * b_tile[k + 3][j];
            }
            c[i * GEMM_N + j] = (acc0 + acc1) + (acc2 + acc3);
        }
    }
}
