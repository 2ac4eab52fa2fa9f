// rle_encode: splits in[0 .. RLE_N-1] into maximal runs of equal symbols, no run longer than
// RLE_MAXRUN (a longer run continues as a new run). Each run is written to `runs` as one token
// (len << 8) | symbol; hist[L] counts the runs of length L (hist[0] is always 0). Returns the
// number of runs.
#ifndef VERILOOP_CORPUS_RLE_ENCODE_H
#define VERILOOP_CORPUS_RLE_ENCODE_H

#include "ap_int.h"
#include "hls_stream.h"

const int RLE_N = 64;
const int RLE_MAXRUN = 15;

typedef ap_uint<8> rle_sym_t;
typedef ap_uint<4> rle_len_t;
typedef ap_uint<12> rle_token_t;

int rle_encode(const rle_sym_t in[RLE_N], hls::stream<rle_token_t>& runs, int hist[RLE_MAXRUN + 1]);

#endif
