#include "spmv_crs.h"

void spmv_crs(const float val[SPMV_NNZ_MAX], const int col_idx[SPMV_NNZ_MAX],
              const int row_ptr[SPMV_N + 1], const float x[SPMV_N], float y[SPMV_N],
              int n_rows) {
#pragma HLS INTERFACE m_axi port=val offset=slave bundle=gmem0 depth=96
#pragma HLS INTERFACE m_axi port=col_idx offset=slave bundle=gmem1 depth=96
#pragma HLS INTERFACE m_axi port=row_ptr offset=slave bundle=gmem2 depth=17
#pragma HLS INTERFACE m_axi port=x offset=slave bundle=gmem2 depth=16
#pragma HLS INTERFACE m_axi port=y offset=slave bundle=gmem2 depth=16
#pragma HLS INTERFACE s_axilite port=n_rows bundle=control
#pragma HLS INTERFACE s_axilite port=return bundle=control

    // x is gathered through col_idx: every element must be reachable in any cycle.
    float x_buf[SPMV_N];
#pragma HLS ARRAY_PARTITION variable=x_buf type=complete dim=1

load_x:
    for (int j = 0; j < SPMV_N; j++) {
#pragma HLS PIPELINE II=1
        x_buf[j] = x[j];
    }

    int start = row_ptr[0];
row_loop:
    for (int i = 0; i < n_rows; i++) {
#pragma HLS LOOP_TRIPCOUNT min=1 max=16 avg=16
        int end = row_ptr[i + 1];
        // Two nonzeros per iteration into separate sums, so the float adder latency is
        // shared by two independent chains; an odd count leaves one for the tail.
        float sum0 = 0.0f;
        float sum1 = 0.0f;
    nz_loop:
        for (int k = start; k + 1 < end; k += 2) {
#pragma HLS PIPELINE II=1
#pragma HLS LOOP_TRIPCOUNT min=0 max=8 avg=2
            sum0 += val[k] * x_buf[col_idx[k]];
            sum1 += val[k + 1] * x_buf[col_idx[k + 1]];
        }
        if ((end - start) % 2 != 0) {
            sum0 += val[end - 1] * x_buf[col_idx[end - 1]];
        }
        y[i] = sum0 + sum1;
        start = end;
    }
}
