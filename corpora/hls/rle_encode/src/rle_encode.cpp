#include "rle_encode.h"

int rle_encode(const rle_sym_t in[RLE_N], hls::stream<rle_token_t>& runs, int hist[RLE_MAXRUN + 1]) {
#pragma HLS INTERFACE m_axi port=in offset=slave bundle=gmem0 depth=64
#pragma HLS INTERFACE axis port=runs
#pragma HLS INTERFACE bram port=hist
#pragma HLS INTERFACE s_axilite port=return bundle=control

    int lhist[RLE_MAXRUN + 1];
#pragma HLS ARRAY_PARTITION variable=lhist type=complete dim=1
    int i;
    rle_token_t tok;

clear_loop:
    for (i = 0; i <= RLE_MAXRUN; i++) {
#pragma HLS UNROLL
        lhist[i] = 0;
    }

    // The open run starts as the first symbol.
    rle_sym_t cur = in[0];
    rle_len_t len = 1;
    int nruns = 0;
    int k = 1;

scan_loop:
    while (k < RLE_N) {
#pragma HLS PIPELINE II=1
#pragma HLS LOOP_TRIPCOUNT min=63 max=63 avg=63
        rle_sym_t s = in[k];
        if (s == cur && len < RLE_MAXRUN) {
            len++;
        } else {
            tok = (rle_token_t(len) << 8) | rle_token_t(cur);
            runs.write(tok);
            lhist[len]++;
            nruns++;
            cur = s;
            len = 1;
        }
        k++;
    }
    tok = (rle_token_t(len) << 8) | rle_token_t(cur);
    runs.write(tok);
    lhist[len]++;
    nruns++;

copy_loop:
    for (i = 0; i <= RLE_MAXRUN; i++) {
#pragma HLS PIPELINE II=1
        hist[i] = lhist[i];
    }
    return nruns;
}
