#include "oddeven_sort.h"

int oddeven_sort(const oe_rec_t in[OE_N], oe_rec_t out[OE_N]) {
#pragma HLS INTERFACE m_axi port=in offset=slave bundle=gmem0 depth=16
#pragma HLS INTERFACE m_axi port=out offset=slave bundle=gmem1 depth=16
#pragma HLS INTERFACE s_axilite port=return bundle=control

    oe_rec_t v[OE_N];
#pragma HLS ARRAY_PARTITION variable=v type=complete dim=1
    oe_rec_t t;
    oe_key_t ka, kb;
    int i, p;
    int nx = 0;

load_loop:
    for (i = 0; i < OE_N; i++) {
#pragma HLS PIPELINE II=1
        v[i] = in[i];
    }

    p = 0;
phase_loop:
    while (p < OE_N) {
#pragma HLS PIPELINE II=1
#pragma HLS LOOP_TRIPCOUNT min=8 max=8 avg=8
    even_loop:
        for (i = 0; i < OE_N - 1; i += 2) {
#pragma HLS UNROLL
            ka = v[i].range(15, 6);
            kb = v[i + 1].range(15, 6);
            if (ka > kb) {
                t = v[i];
                v[i] = v[i + 1];
                v[i + 1] = t;
                nx++;
            }
        }
    odd_loop:
        for (i = 1; i < OE_N - 1; i += 2) {
#pragma HLS UNROLL
            ka = v[i].range(15, 6);
            kb = v[i + 1].range(15, 6);
            if (ka > kb) {
                t = v[i];
                v[i] = v[i + 1];
                v[i + 1] = t;
                nx++;
            }
        }
        p += 2;
    }

store_loop:
    for (i = 0; i < OE_N; i++) {
#pragma HLS PIPELINE II=1
        out[i] = v[i];
    }
    return nx;
}
