// fir: 16-tap FIR filter, y[s] = sum_t coef[t] * x[s - t], with zero initial history.
#ifndef VERILOOP_CORPUS_FIR_H
#define VERILOOP_CORPUS_FIR_H

#include <cstdint>

#include "ap_int.h"
#include "hls_stream.h"

const int FIR_TAPS = 16;
const int FIR_MAX_SAMPLES = 256;

typedef int16_t fir_sample_t;
typedef int16_t fir_coef_t;
typedef int64_t fir_acc_t;
typedef ap_int<36> fir_out_t;  // |y| < 2^35 for any 16-bit input

// Reads n samples from in and writes n filtered samples to out.
void fir(hls::stream<fir_sample_t>& in, hls::stream<fir_out_t>& out, int n);

#endif
