#include "bubble_sort.h"

int bubble_sort(const int in[BS_N], int out[BS_N], int perm[BS_N]) {
#pragma HLS INTERFACE m_axi port=in offset=slave bundle=gmem0 depth=16
#pragma HLS INTERFACE bram port=out
#pragma HLS INTERFACE bram port=perm
#pragma HLS INTERFACE s_axilite port=return bundle=control

    int buf[BS_N];
    int idx[BS_N];
#pragma HLS ARRAY_PARTITION variable=buf type=cyclic factor=2 dim=1
#pragma HLS ARRAY_PARTITION variable=idx type=cyclic factor=2 dim=1
    int i, j;
    int t;
    int nswap = 0;

load_loop:
    for (i = 0; i < BS_N; i++) {
#pragma HLS PIPELINE II=1
        buf[i] = in[i];
        idx[i] = i;
    }

    // After the pass with bound i, buf[i] holds the largest of buf[0..i].
outer_loop:
    for (i = BS_N - 1; i > 0; i--) {
    inner_loop:
        for (j = 0; j < i; j++) {
#pragma HLS PIPELINE II=2
#pragma HLS LOOP_TRIPCOUNT min=1 max=15 avg=8
            if (buf[j] > buf[j + 1]) {
                t = buf[j];
                buf[j] = buf[j + 1];
                buf[j + 1] = t;
                t = idx[j];
                idx[j] = idx[j + 1];
                idx[j + 1] = t;
                nswap++;
            }
        }
    }

store_loop:
    for (i = BS_N - 1; i >= 0; i--) {
#pragma HLS PIPELINE II=1
        out[i] = buf[i];
        perm[i] = idx[i];
    }
    return nswap;
}
