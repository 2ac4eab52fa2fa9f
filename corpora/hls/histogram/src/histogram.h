// histogram: hist[b] = number of samples among data[0..n-1] whose top four bits equal b.
#ifndef VERILOOP_CORPUS_HISTOGRAM_H
#define VERILOOP_CORPUS_HISTOGRAM_H

#include <cstdint>

const int HIST_MAX = 256;
const int HIST_BINS = 16;
const int HIST_SHIFT = 4;  // bin = sample >> HIST_SHIFT

typedef uint8_t hist_data_t;
typedef uint8_t hist_bin_t;  // 0 .. HIST_BINS - 1
typedef uint16_t hist_count_t;

// 0 <= n <= HIST_MAX
void histogram(const hist_data_t data[HIST_MAX], int n, hist_count_t hist[HIST_BINS]);

#endif
