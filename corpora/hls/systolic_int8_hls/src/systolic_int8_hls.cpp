#include "systolic_int8_hls.h"

void systolic_int8_hls(const sys_data_t b[SYS_N * SYS_N], const sys_data_t a[SYS_MAX_ROWS * SYS_N],
                       sys_acc_t c[SYS_MAX_ROWS * SYS_N], int num_rows) {
#pragma HLS INTERFACE m_axi port=b offset=slave bundle=gmem0 depth=16
#pragma HLS INTERFACE m_axi port=a offset=slave bundle=gmem0 depth=256
#pragma HLS INTERFACE m_axi port=c offset=slave bundle=gmem1 depth=256
#pragma HLS INTERFACE s_axilite port=b bundle=control
#pragma HLS INTERFACE s_axilite port=a bundle=control
#pragma HLS INTERFACE s_axilite port=c bundle=control
#pragma HLS INTERFACE s_axilite port=num_rows bundle=control
#pragma HLS INTERFACE s_axilite port=return bundle=control

    // PE(k, j) holds B[k][j] for the whole call: every PE reads its weight in every cycle.
    sys_data_t w_buf[SYS_N][SYS_N];
#pragma HLS ARRAY_PARTITION variable=w_buf type=complete dim=0

load_weights:
    for (int i = 0; i < SYS_N * SYS_N; i++) {
#pragma HLS PIPELINE II=1
        const int k = i / SYS_N;
        const int j = i - k * SYS_N;
        w_buf[k][j] = b[i];
    }

row_loop:
    for (int r = 0; r < num_rows; r++) {
#pragma HLS PIPELINE II=1
#pragma HLS LOOP_TRIPCOUNT min=1 max=64
        sys_data_t a_row[SYS_N];
#pragma HLS ARRAY_PARTITION variable=a_row type=complete dim=1
    load_row:
        for (int k = 0; k < SYS_N; k++) {
            a_row[k] = a[r * SYS_N + k];
        }

        // Partial sums enter the top of each column as zero and move down one PE row per
        // step, each PE adding its product, as in the array.
        sys_acc_t psum[SYS_N];
#pragma HLS ARRAY_PARTITION variable=psum type=complete dim=1
    clear_psum:
        for (int j = 0; j < SYS_N; j++) {
            psum[j] = 0;
        }
    pe_row:
        for (int k = 0; k < SYS_N; k++) {
#pragma HLS UNROLL
        pe_col:
            for (int j = 0; j < SYS_N; j++) {
#pragma HLS UNROLL
                sys_prod_t prod = a_row[k] * w_buf[k][j];
                psum[j] += prod;
            }
        }

    store_row:
        for (int j = 0; j < SYS_N; j++) {
            c[r * SYS_N + j] = psum[j];
        }
    }
}
