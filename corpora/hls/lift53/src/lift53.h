// lift53: one level of an integer 5/3 lifting wavelet over x[0 .. LW_N] (LW_N + 1 samples).
//   hi[k] = x[2k+1] - floor((x[2k] + x[2k+2]) / 2)                 k = 0 .. LW_N/2 - 1
//   lo[k] = x[2k] + floor((hi[k-1] + hi[k] + 2) / 4), hi[-1] = hi[0] k = 0 .. LW_N/2 - 1
// Returns the total variation sum_{i=1..LW_N} |x[i] - x[i-1]|. Samples are 16-bit signed.
#ifndef VERILOOP_CORPUS_LIFT53_H
#define VERILOOP_CORPUS_LIFT53_H

const int LW_N = 32;
const int LW_HALF = LW_N / 2;

int lift53(const int x[LW_N + 1], int lo[LW_HALF], int hi[LW_HALF]);

#endif
