#include "spmv_crs.h"

void spmv_crs(const float val[SPMV_NNZ_MAX], const int col_idx[SPMV_NNZ_MAX],
              const int row_ptr[SPMV_N + 1], const float x[SPMV_N], float y[SPMV_N]) {
#pragma HLS INTERFACE m_axi port=val offset=slave bundle=gmem0 depth=96
#pragma HLS INTERFACE m_axi port=col_idx offset=slave bundle=gmem1 depth=96
#pragma HLS INTERFACE m_axi port=row_ptr offset=slave bundle=gmem2 depth=17
#pragma HLS INTERFACE m_axi port=x offset=slave bundle=gmem2 depth=16
#pragma HLS INTERFACE m_axi port=y offset=slave bundle=gmem2 depth=16
#pragma HLS INTERFACE s_axilite port=return bundle=control

    float x_buf[SPMV_N];
#pragma HLS ARRAY_PARTITION variable=x_buf type=complete dim=1

load_x:
    for (int j = 0; j < SPMV_N; j++) {
#pragma HLS PIPELINE II=1
        x_buf[j] = x[j];
    }

    int start = row_ptr[0];
row_loop:
    for (int i = 0; i < SPMV_N; i++) {
        int end = row_ptr[i + 1];
        float sum = 0.0f;
    nz_loop:
        for (int k = start; k < end; k++) {
#pragma HLS PIPELINE II=1
#pragma HLS LOOP_TRIPCOUNT min=0 max=16 avg=4
            sum += val[k] * x_buf[col_idx[k]];
        }
        y[i] = sum;
        start = end;
    }
}
