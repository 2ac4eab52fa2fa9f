#include "matvec_q.h"

int matvec_q(const mv_w_t w[MV_ROWS][MV_COLS], const mv_x_t x[MV_COLS],
             const mv_bias_t bias[MV_ROWS], mv_out_t y[MV_ROWS]) {
#pragma HLS INTERFACE m_axi port=w offset=slave bundle=gmem0 depth=128
#pragma HLS INTERFACE m_axi port=x offset=slave bundle=gmem1 depth=16
#pragma HLS INTERFACE bram port=bias
#pragma HLS INTERFACE bram port=y
#pragma HLS INTERFACE s_axilite port=return bundle=control

    mv_x_t xbuf[MV_COLS];
    mv_w_t wrow[MV_COLS];
#pragma HLS ARRAY_PARTITION variable=xbuf type=complete dim=1
#pragma HLS ARRAY_PARTITION variable=wrow type=complete dim=1
    int i, j;
    mv_acc_t acc;
    int v;
    int best;
    int best_row;

load_x:
    for (j = 0; j < MV_COLS; j++) {
#pragma HLS PIPELINE II=1
        xbuf[j] = x[j];
    }

row_loop:
    for (i = 0; i < MV_ROWS; i++) {
    load_w:
        for (j = 0; j < MV_COLS; j++) {
#pragma HLS PIPELINE II=1
            wrow[j] = w[i][j];
        }
        acc = 1 << (MV_SHIFT - 1);  // rounding constant, added once per row
    mac_loop:
        for (j = 0; j < MV_COLS; j++) {
#pragma HLS UNROLL
            acc += wrow[j] * xbuf[j];
        }
        v = (acc >> MV_SHIFT).to_int() + bias[i].to_int();
        if (v > MV_OUT_MAX) v = MV_OUT_MAX;
        if (v < MV_OUT_MIN) v = MV_OUT_MIN;
        y[i] = v;
    }

    // Running maximum, started from the first row.
    best = y[0].to_int();
    best_row = 0;
argmax_loop:
    for (i = 1; i < MV_ROWS; i++) {
#pragma HLS PIPELINE II=1
        if (y[i] > best) {
            best = y[i].to_int();
            best_row = i;
        }
    }
    return best_row;
}
