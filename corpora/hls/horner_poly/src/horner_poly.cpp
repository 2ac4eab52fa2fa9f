#include "horner_poly.h"

void horner_poly(const hp_coef_t coef[HP_DEG + 1], hls::stream<hp_x_t>& xs,
                 hls::stream<hp_y_t>& ys, hls::stream<hp_y_t>& dys, int n) {
#pragma HLS INTERFACE bram port=coef
#pragma HLS INTERFACE axis port=xs
#pragma HLS INTERFACE axis port=ys
#pragma HLS INTERFACE axis port=dys
#pragma HLS INTERFACE s_axilite port=n bundle=control
#pragma HLS INTERFACE s_axilite port=return bundle=control

    hp_y_t c[HP_DEG + 1];
    hp_y_t dc[HP_DEG];
#pragma HLS ARRAY_PARTITION variable=c type=complete dim=1
#pragma HLS ARRAY_PARTITION variable=dc type=complete dim=1
    int i, k;
    hp_y_t x;
    hp_y_t acc;
    hp_y_t dacc;

load_loop:
    for (i = 0; i <= HP_DEG; i++) {
#pragma HLS PIPELINE II=1
        c[i] = coef[i].to_int64();
    }

    // Derivative coefficients: dc[i-1] = i * c[i].
deriv_loop:
    for (int d = HP_DEG; d > 0; --d) {
#pragma HLS UNROLL
        dc[d - 1] = d * c[d];
    }

point_loop:
    for (k = 0; k < n; k++) {
#pragma HLS PIPELINE II=1
#pragma HLS LOOP_TRIPCOUNT min=1 max=64 avg=32
        x = xs.read().to_int64();
        acc = c[HP_DEG];
    horner_loop:
        for (i = HP_DEG - 1; i >= 0; i--) {
#pragma HLS UNROLL
            acc = acc * x + c[i];
        }
        dacc = dc[HP_DEG - 1];
    dhorner_loop:
        for (i = HP_DEG - 2; i >= 0; i--) {
#pragma HLS UNROLL
            dacc = dacc * x + dc[i];
        }
        ys.write(acc);
        dys.write(dacc);
    }
}
