// softmax_fixed: out[i] ~= exp(in[i] - max) / sum_j exp(in[j] - max) over the first n logits
// (1 <= n <= 16), in fixed point; out[n..] is left untouched.
//
// Bit-exact definition (all conversions truncate, i.e. floor):
//   d = in[i] - max                                   ap_fixed<17,7>
//   t = d * LOG2E, LOG2E = 1.4426950408889634         ap_fixed<20,8>  (LOG2E in ap_ufixed<19,1>)
//   k = floor(t), f = t - k                           ap_int<8>, ap_ufixed<12,0>
//   p = 1 + f * (C1 + C2 * f), C1 = 0.65722, C2 = 0.34201 (ap_ufixed<16,0>; inner ap_ufixed<17,1>)
//   e = p >> -k (0 when -k >= 17)                     ap_ufixed<17,1>
//   sum = sum of all e                                ap_ufixed<21,5>
//   out[i] = floor(e * 2^15 / sum) / 2^15             ap_ufixed<16,1>
#ifndef VERILOOP_CORPUS_SOFTMAX_FIXED_H
#define VERILOOP_CORPUS_SOFTMAX_FIXED_H

#include <cstdint>

#include "ap_fixed.h"

const int SM_N = 16;

typedef ap_fixed<16, 6> sm_in_t;    // logits in [-32, 32), 10 fraction bits
typedef ap_ufixed<16, 1> sm_out_t;  // probabilities in [0, 1], 15 fraction bits

void softmax_fixed(const sm_in_t in[SM_N], sm_out_t out[SM_N], int n);

#endif
