#include "histogram.h"

void histogram(const hist_data_t data[HIST_MAX], int n, hist_count_t hist[HIST_BINS]) {
#pragma HLS INTERFACE m_axi port=data offset=slave bundle=gmem0 depth=256
#pragma HLS INTERFACE m_axi port=hist offset=slave bundle=gmem1 depth=16
#pragma HLS INTERFACE s_axilite port=n bundle=control
#pragma HLS INTERFACE s_axilite port=return bundle=control

    hist_count_t bins[HIST_BINS];
#pragma HLS DEPENDENCE variable=bins type=inter false

init_loop:
    for (int b = 0; b < HIST_BINS; b++) {
#pragma HLS PIPELINE II=1
        bins[b] = 0;
    }

    // The count of the bin seen last stays in a register until a different bin arrives, so
    // back-to-back samples of one bin do not wait on the memory read-modify-write.
    hist_bin_t prev = 0;
    hist_count_t acc = 0;
count_loop:
    for (int i = 0; i < n; i++) {
#pragma HLS PIPELINE II=1
#pragma HLS LOOP_TRIPCOUNT min=0 max=256 avg=128
        hist_bin_t bin = data[i].range(7, 4);
        if (bin == prev) {
            acc++;
        } else {
            bins[prev] = acc;
            acc = bins[bin] + 1;
            prev = bin;
        }
    }
    bins[prev] = acc;

write_loop:
    for (int b = 0; b < HIST_BINS; b++) {
#pragma HLS PIPELINE II=1
        hist[b] = bins[b];
    }
}
