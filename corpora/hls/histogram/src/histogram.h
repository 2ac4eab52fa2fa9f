// histogram: hist[b] = number of samples among data[0..n-1] whose top four bits equal b.
#ifndef VERILOOP_CORPUS_HISTOGRAM_H
#define VERILOOP_CORPUS_HISTOGRAM_H

#include "ap_int.h"

const int HIST_MAX = 256;
const int HIST_BINS = 16;

typedef ap_uint<8> hist_data_t;
typedef ap_uint<4> hist_bin_t;
typedef ap_uint<16> hist_count_t;

// 0 <= n <= HIST_MAX
void histogram(const hist_data_t data[HIST_MAX], int n, hist_count_t hist[HIST_BINS]);

#endif
