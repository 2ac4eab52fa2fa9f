#include "gemv.h"

static gemv_data_t requantize(gemv_acc_t acc, bool relu, gemv_shift_t shift) {
#pragma HLS INLINE
    if (relu && acc < 0) {
        acc = 0;
    }
    gemv_acc_t scaled = acc;
    if (shift > 0) {
        gemv_acc_t half = gemv_acc_t(1) << (shift - 1);
        scaled = (acc + half) >> shift;
    }
    if (scaled > 127) {
        return gemv_data_t(127);
    }
    if (scaled < -128) {
        return gemv_data_t(-128);
    }
    return gemv_data_t(scaled);
}

void gemv(const gemv_data_t w[GEMV_ROWS * GEMV_COLS], const gemv_data_t x[GEMV_COLS],
          const gemv_bias_t bias[GEMV_ROWS], gemv_data_t y[GEMV_ROWS], bool relu,
          gemv_shift_t shift) {
#pragma HLS INTERFACE m_axi port=w offset=slave bundle=gmem0 depth=512
#pragma HLS INTERFACE m_axi port=x offset=slave bundle=gmem1 depth=32
#pragma HLS INTERFACE m_axi port=bias offset=slave bundle=gmem1 depth=16
#pragma HLS INTERFACE m_axi port=y offset=slave bundle=gmem1 depth=16
#pragma HLS INTERFACE s_axilite port=relu bundle=control
#pragma HLS INTERFACE s_axilite port=shift bundle=control
#pragma HLS INTERFACE s_axilite port=return bundle=control

    gemv_data_t x_buf[GEMV_COLS];
#pragma HLS ARRAY_PARTITION variable=x_buf type=cyclic factor=4 dim=1

load_x:
    for (int j = 0; j < GEMV_COLS; j++) {
#pragma HLS PIPELINE II=1
        x_buf[j] = x[j];
    }

row_loop:
    for (int i = 0; i < GEMV_ROWS; i++) {
        gemv_acc_t acc = bias[i];
    col_loop:
        for (int j = 0; j < GEMV_COLS; j++) {
#pragma HLS PIPELINE II=1
#pragma HLS UNROLL factor=4
            acc += w[i * GEMV_COLS + j] * x_buf[j];
        }
        y[i] = requantize(acc, relu, shift);
    }
}
