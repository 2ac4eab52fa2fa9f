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

        fir_out_t acc = 0;
    mac_loop:
        for (int t = 0; t < FIR_TAPS; t++) {
#pragma HLS UNROLL
            acc += coef[t] * taps[t];
        }
        out.write(acc);
    }
}
