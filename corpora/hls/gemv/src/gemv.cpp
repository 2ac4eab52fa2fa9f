#include "gemv.h"

static gemv_out_t requantize(gemv_acc_t acc, bool relu, int shift) {
#pragma HLS INLINE
    if (relu && acc < 0) {
        acc = 0;
    }
    gemv_acc_t scaled = acc;
    if (shift > 0) {
        gemv_acc_t half = 1 << (shift - 1);
        scaled = (acc + half) >> shift;
    }
    if (scaled > 127) {
        return 127;
    }
    if (scaled < -128) {
        return -128;
    }
    return gemv_out_t(scaled);
}

void gemv(const gemv_wt_t w[GEMV_ROWS * GEMV_COLS], const gemv_act_t x[GEMV_COLS],
          const gemv_bias_t bias[GEMV_ROWS], gemv_out_t y[GEMV_ROWS], int rows, bool relu,
          int shift) {
#pragma HLS INTERFACE m_axi port=w offset=slave bundle=gmem0 depth=512
#pragma HLS INTERFACE m_axi port=x offset=slave bundle=gmem1 depth=32
#pragma HLS INTERFACE m_axi port=bias offset=slave bundle=gmem1 depth=16
#pragma HLS INTERFACE m_axi port=y offset=slave bundle=gmem1 depth=16
#pragma HLS INTERFACE s_axilite port=rows bundle=control
#pragma HLS INTERFACE s_axilite port=relu bundle=control
#pragma HLS INTERFACE s_axilite port=shift bundle=control
#pragma HLS INTERFACE s_axilite port=return bundle=control

    // The column loop reads four consecutive elements of both buffers per cycle.
    gemv_act_t x_buf[GEMV_COLS];
    gemv_wt_t w_row[GEMV_COLS];
#pragma HLS ARRAY_PARTITION variable=x_buf type=cyclic factor=4 dim=1
#pragma HLS ARRAY_PARTITION variable=w_row type=cyclic factor=4 dim=1

load_x:
    for (int j = 0; j < GEMV_COLS; j++) {
#pragma HLS PIPELINE II=1
#pragma HLS UNROLL factor=4
        x_buf[j] = x[j];
    }

row_loop:
    for (int i = 0; i < rows; i++) {
#pragma HLS LOOP_TRIPCOUNT min=1 max=16 avg=16
    load_row:
        for (int j = 0; j < GEMV_COLS; j++) {
#pragma HLS PIPELINE II=1
#pragma HLS UNROLL factor=4
            w_row[j] = w[i * GEMV_COLS + j];
        }

        // Manually unrolled by four: the bias seeds the first partial sum.
        gemv_acc_t acc0 = bias[i];
        gemv_acc_t acc1 = 0;
        gemv_acc_t acc2 = 0;
        gemv_acc_t acc3 = 0;
    col_loop:
        for (int j = 0; j < GEMV_COLS; j += 4) {
#pragma HLS PIPELINE II=1
            acc0 += w_row[j] * x_buf[j];
            acc1 += w_row[j + 1] * x_buf[j + 1];
            acc2 += w_row[j + 2] * x_buf[j + 2];
            acc3 += w_row[j + 3] * x_buf[j + 3];
        }
        y[i] = requantize((acc0 + acc1) + (acc2 + acc3), relu, shift);
    }
}
