#include "lift53.h"

int lift53(const int x[LW_N + 1], int lo[LW_HALF], int hi[LW_HALF]) {
#pragma HLS INTERFACE m_axi port=x offset=slave bundle=gmem0 depth=33
#pragma HLS INTERFACE bram port=lo
#pragma HLS INTERFACE bram port=hi
#pragma HLS INTERFACE s_axilite port=return bundle=control

    int xb[LW_N + 1];
    int hb[LW_HALF];
#pragma HLS ARRAY_PARTITION variable=xb type=cyclic factor=3 dim=1
    int i;
    int d;
    int left;
    int tv = 0;

load_loop:
    for (i = 0; i <= LW_N; i++) {
#pragma HLS PIPELINE II=1
        xb[i] = x[i];
    }

    // Predict: odd samples against the mean of their even neighbours.
predict_loop:
    for (i = 1; i < LW_N; i += 2) {
#pragma HLS PIPELINE II=1
        d = xb[i] - ((xb[i - 1] + xb[i + 1]) >> 1);
        hb[i >> 1] = d;
        hi[i >> 1] = d;
    }

    // Update: even samples with the two neighbouring details (mirrored at the left edge).
update_loop:
    for (i = 0; i < LW_N; i += 2) {
#pragma HLS PIPELINE II=1
        if (i == 0)
            left = hb[0];
        else
            left = hb[(i >> 1) - 1];
        lo[i >> 1] = xb[i] + ((left + hb[i >> 1] + 2) >> 2);
    }

tv_loop:
    for (i = 1; i <= LW_N; i++) {
#pragma HLS PIPELINE II=1
        d = xb[i] - xb[i - 1];
        if (d < 0) d = -d;
        tv += d;
    }
    return tv;
}
