#include "suffix_max.h"

int suffix_max(const int a[SM_N], int smax[SM_N], int leaders[SM_N]) {
#pragma HLS INTERFACE bram port=a
#pragma HLS INTERFACE bram port=smax
#pragma HLS INTERFACE bram port=leaders
#pragma HLS INTERFACE s_axilite port=return bundle=control

    bool flag[SM_N];
#pragma HLS ARRAY_PARTITION variable=flag type=cyclic factor=4 dim=1
    int i;
    int v;
    int cnt = 0;

clear_loop:
    for (i = 0; i < SM_N; i++) {
#pragma HLS UNROLL factor=4
        flag[i] = false;
    }

    // The running maximum starts as the last element, which is always a leader.
    int best = a[SM_N - 1];
    smax[SM_N - 1] = best;
    flag[SM_N - 1] = true;

scan_loop:
    for (int j = SM_N - 1; j > 0; --j) {
#pragma HLS PIPELINE II=1
        v = a[j - 1];
        if (v > best) {
            best = v;
            flag[j - 1] = true;
        }
        smax[j - 1] = best;
    }

    // Compact the flagged positions, left to right.
    int k = 0;
compact_loop:
    while (k < SM_N) {
#pragma HLS PIPELINE II=1
        if (flag[k]) {
            leaders[cnt] = k;
            cnt++;
        }
        k++;
    }

pad_loop:
    for (i = SM_N - 1; i >= cnt; i--) {
#pragma HLS PIPELINE II=1
#pragma HLS LOOP_TRIPCOUNT min=0 max=31 avg=16
        leaders[i] = -1;
    }
    return cnt;
}
