// prefix_sum: out[i] = in[0] + in[1] + ... + in[i] for i < n (inclusive scan), n <= 64;
// out[n..] is left untouched.
#ifndef VERILOOP_CORPUS_PREFIX_SUM_H
#define VERILOOP_CORPUS_PREFIX_SUM_H

#include "ap_int.h"

const int PS_N = 64;
const int PS_LANES = 4;
const int PS_HALF = PS_LANES / 2;

typedef ap_int<16> ps_in_t;
typedef ap_int<24> ps_out_t;

void prefix_sum(const ps_in_t in[PS_N], ps_out_t out[PS_N], int n);

#endif
