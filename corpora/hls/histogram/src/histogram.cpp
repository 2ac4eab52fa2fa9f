#include "histogram.h"

#include "hls_stream.h"

static void read_samples(const hist_data_t data[HIST_MAX], int n, hls::stream<hist_bin_t>& bin_s) {
read_loop:
    for (int i = 0; i < n; i++) {
#pragma HLS PIPELINE II=1
#pragma HLS LOOP_TRIPCOUNT min=0 max=256 avg=128
        bin_s.write(data[i] >> HIST_SHIFT);
    }
}

// Even samples count into bins[0 .. BINS-1] and odd samples into bins[BINS .. 2*BINS-1], so
// consecutive read-modify-writes never touch the same counter and the loop keeps II=1. The
// two halves live in separate banks and are added when the counts are written out.
static void count_bins(hls::stream<hist_bin_t>& bin_s, int n, hls::stream<hist_count_t>& count_s) {
    hist_count_t bins[2 * HIST_BINS];
#pragma HLS ARRAY_PARTITION variable=bins type=block factor=2 dim=1
#pragma HLS DEPENDENCE variable=bins type=inter distance=2 true

init_loop:
    for (int b = 0; b < 2 * HIST_BINS; b++) {
#pragma HLS UNROLL factor=4
        bins[b] = 0;
    }

count_loop:
    for (int i = 0; i < n; i++) {
#pragma HLS PIPELINE II=1
#pragma HLS LOOP_TRIPCOUNT min=0 max=256 avg=128
        hist_bin_t bin = bin_s.read();
        int slot = (i & 1) * HIST_BINS + bin;
        bins[slot] = hist_count_t(bins[slot] + 1);
    }

merge_loop:
    for (int b = 0; b < HIST_BINS; b++) {
#pragma HLS PIPELINE II=1
        hist_count_t even = bins[b];
        hist_count_t odd = bins[b + HIST_BINS];
        count_s.write(hist_count_t(even + odd));
    }
}

static void write_hist(hls::stream<hist_count_t>& count_s, hist_count_t hist[HIST_BINS]) {
write_loop:
    for (int b = 0; b < HIST_BINS; b++) {
#pragma HLS PIPELINE II=1
        hist[b] = count_s.read();
    }
}

void histogram(const hist_data_t data[HIST_MAX], int n, hist_count_t hist[HIST_BINS]) {
#pragma HLS INTERFACE m_axi port=data offset=slave bundle=gmem0 depth=256
#pragma HLS INTERFACE m_axi port=hist offset=slave bundle=gmem1 depth=16
#pragma HLS INTERFACE s_axilite port=n bundle=control
#pragma HLS INTERFACE s_axilite port=return bundle=control
#pragma HLS DATAFLOW

    hls::stream<hist_bin_t> bin_s("bin_s");
    hls::stream<hist_count_t> count_s("count_s");
#pragma HLS STREAM variable=bin_s depth=32
#pragma HLS STREAM variable=count_s depth=16

    read_samples(data, n, bin_s);
    count_bins(bin_s, n, count_s);
    write_hist(count_s, hist);
}
