#include "prefix_sum.h"

#include "hls_stream.h"

typedef ap_uint<16 * PS_LANES> ps_in_word_t;
typedef ap_uint<24 * PS_LANES> ps_out_word_t;

// Blocks of PS_LANES samples; the lanes of the last block past n are packed as zeros.
static void pack_input(const ps_in_t in[PS_N], int n, hls::stream<ps_in_word_t>& in_s) {
pack_loop:
    for (int b = 0; b < (n + PS_LANES - 1) / PS_LANES; b++) {
#pragma HLS PIPELINE II=1
#pragma HLS LOOP_TRIPCOUNT min=0 max=16 avg=16
        ps_in_word_t word = 0;
    pack_lanes:
        for (int t = 0; t < PS_LANES; t++) {
#pragma HLS UNROLL
            if (b * PS_LANES + t < n) {
                word.range(16 * t + 15, 16 * t) = in[b * PS_LANES + t];
            }
        }
        in_s.write(word);
    }
}

static void scan(hls::stream<ps_in_word_t>& in_s, int n, hls::stream<ps_out_word_t>& out_s) {
    ps_out_t carry = 0;
scan_loop:
    for (int b = 0; b < (n + PS_LANES - 1) / PS_LANES; b++) {
#pragma HLS PIPELINE II=1
#pragma HLS LOOP_TRIPCOUNT min=0 max=16 avg=16
        ps_in_word_t word = in_s.read();
        ps_in_t lane[PS_LANES];
        ps_out_t partial[PS_LANES];
#pragma HLS ARRAY_PARTITION variable=lane type=complete dim=1
#pragma HLS ARRAY_PARTITION variable=partial type=complete dim=1

    unpack_lanes:
        for (int t = 0; t < PS_LANES; t++) {
#pragma HLS UNROLL
            lane[t] = word.range(16 * t + 15, 16 * t);
        }

        // Two-level scan: the lower and upper halves of the block are scanned side by side,
        // then the upper half adds the lower half's total and both add the carry.
        partial[0] = lane[0];
        partial[PS_HALF] = lane[PS_HALF];
    half_scan:
        for (int t = 1; t < PS_HALF; t++) {
#pragma HLS UNROLL
            partial[t] = partial[t - 1] + lane[t];
            partial[t + PS_HALF] = partial[t + PS_HALF - 1] + lane[t + PS_HALF];
        }
        ps_out_t lo_total = partial[PS_HALF - 1];
    combine_halves:
        for (int t = 0; t < PS_HALF; t++) {
#pragma HLS UNROLL
            ps_out_t lo = partial[t];
            ps_out_t hi = partial[t + PS_HALF];
            partial[t] = carry + lo;
            partial[t + PS_HALF] = carry + lo_total + hi;
        }
        carry = partial[PS_LANES - 1];

        ps_out_word_t result = 0;
    repack_lanes:
        for (int t = 0; t < PS_LANES; t++) {
#pragma HLS UNROLL
            result.range(24 * t + 23, 24 * t) = partial[t];
        }
        out_s.write(result);
    }
}

static void unpack_output(hls::stream<ps_out_word_t>& out_s, int n, ps_out_t out[PS_N]) {
unpack_loop:
    for (int b = 0; b < (n + PS_LANES - 1) / PS_LANES; b++) {
#pragma HLS PIPELINE II=1
#pragma HLS LOOP_TRIPCOUNT min=0 max=16 avg=16
        ps_out_word_t word = out_s.read();
    unpack_out_lanes:
        for (int t = 0; t < PS_LANES; t++) {
#pragma HLS UNROLL
            if (b * PS_LANES + t < n) {
                out[b * PS_LANES + t] = word.range(24 * t + 23, 24 * t);
            }
        }
    }
}

void prefix_sum(const ps_in_t in[PS_N], ps_out_t out[PS_N], int n) {
#pragma HLS INTERFACE m_axi port=in offset=slave bundle=gmem0 depth=64
#pragma HLS INTERFACE m_axi port=out offset=slave bundle=gmem1 depth=64
#pragma HLS INTERFACE s_axilite port=n bundle=control
#pragma HLS INTERFACE s_axilite port=return bundle=control
#pragma HLS DATAFLOW

    hls::stream<ps_in_word_t> in_s("in_s");
    hls::stream<ps_out_word_t> out_s("out_s");
#pragma HLS STREAM variable=in_s depth=4
#pragma HLS STREAM variable=out_s depth=4

    pack_input(in, n, in_s);
    scan(in_s, n, out_s);
    unpack_output(out_s, n, out);
}
