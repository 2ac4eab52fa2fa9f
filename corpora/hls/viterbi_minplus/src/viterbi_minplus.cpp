#include "viterbi_minplus.h"

int viterbi_minplus(const int init[VT_S], const int trans[VT_S][VT_S], const int emit[VT_T][VT_S],
                    int path[VT_T]) {
#pragma HLS INTERFACE bram port=init
#pragma HLS INTERFACE bram port=trans
#pragma HLS INTERFACE bram port=emit
#pragma HLS INTERFACE bram port=path
#pragma HLS INTERFACE s_axilite port=return bundle=control

    int cost[VT_S];
    int ncost[VT_S];
    int bp[VT_T][VT_S];
#pragma HLS ARRAY_PARTITION variable=cost type=complete dim=1
#pragma HLS ARRAY_PARTITION variable=ncost type=complete dim=1
#pragma HLS ARRAY_PARTITION variable=bp type=complete dim=2
    int i, j, t;
    int c, best, arg;
    int state;

init_loop:
    for (j = 0; j < VT_S; j++) {
#pragma HLS PIPELINE II=1
        cost[j] = init[j] + emit[0][j];
    }

step_loop:
    for (t = 1; t < VT_T; t++) {
    state_loop:
        for (j = 0; j < VT_S; j++) {
#pragma HLS PIPELINE II=1
            // Running minimum over the predecessors, started from predecessor 0.
            best = cost[0] + trans[0][j];
            arg = 0;
        pred_loop:
            for (i = 1; i < VT_S; i++) {
#pragma HLS UNROLL
                c = cost[i] + trans[i][j];
                if (c < best) {
                    best = c;
                    arg = i;
                }
            }
            ncost[j] = best + emit[t][j];
            bp[t][j] = arg;
        }
    copy_loop:
        for (j = 0; j < VT_S; j++) {
#pragma HLS UNROLL
            cost[j] = ncost[j];
        }
    }

    best = cost[0];
    state = 0;
final_loop:
    for (i = 1; i < VT_S; i++) {
#pragma HLS UNROLL
        if (cost[i] < best) {
            best = cost[i];
            state = i;
        }
    }

    path[VT_T - 1] = state;
trace_loop:
    for (t = VT_T - 1; t > 0; t--) {
#pragma HLS PIPELINE II=1
        state = bp[t][state];
        path[t - 1] = state;
    }
    return best;
}
