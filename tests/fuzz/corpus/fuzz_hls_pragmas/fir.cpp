#include "fir.h"

void fir(hls::stream<fir_sample_t>& in, hls::stream<fir_out_t>& out, int n) {
#pragma HLS INTERFACE axis port=in
#pragma HLS INTERFACE axis port=out
#pragma HLS INTERFACE s_axilite port=n bundle=control
#pragma HLS INTERFACE s_axilite port=return bundle=control

    static const fir_coef_t coef[FIR_TAPS] = {
        -3, 11, -27, 58, -104, 190, -377, 1205, 2890, -641, 263, -129, 71, -36, 17, -6};
#pragma HLS ARRAY_PARTITION variable=coef type=complete dim=1

    fir_sample_t taps[FIR_TAPS];
#pragma HLS ARRAY_PARTITION variable=taps type=complete dim=1

clear_loop:
    for (int t = 0; t < FIR_TAPS; t++) {
#pragma HLS UNROLL
        taps[t] = 0;
    }

sample_loop:
    for (int s = 0; s < n; s++) {
#pragma HLS PIPELINE II=1
#pragma HLS LOOP_TRIPCOUNT min=1 max=256 avg=64
        fir_sample_t x = in.read();

    shift_loop:
        for (int t = FIR_TAPS - 1; t > 0; t--) {
#pragma HLS UNROLL
            taps[t] = taps[t - 1];
        }
        taps[0] = x;

        // Four interleaved partial sums, added as a tree at the end.
        fir_acc_t acc0 = 0;
        fir_acc_t acc1 = 0;
        fir_acc_t acc2 = 0;
        fir_acc_t acc3 = 0;
    mac_loop:
        for (int t = 0; t < FIR_TAPS; t += 4) {
#pragma HLS UNROLL
            acc0 += coef[t] * taps[t];
            acc1 += coef[t + 1] * taps[t + 1];
            acc2 += coef[t + 2] * taps[t + 2];
            acc3 += coef[t + 3] * taps[t + 3];
        }
        out.write(fir_out_t((acc0 + acc1) + (acc2 + acc3)));
    }
}
