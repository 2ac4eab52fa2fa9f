// horner_poly: for each of n points x read from xs, writes p(x) = sum_{i=0..HP_DEG} coef[i] x^i
// to ys and p'(x) to dys. Coefficients fit in 12 bits signed, points in 8 bits signed, so all
// values fit in 64 bits.
#ifndef VERILOOP_CORPUS_HORNER_POLY_H
#define VERILOOP_CORPUS_HORNER_POLY_H

#include <cstdint>

#include "ap_int.h"
#include "hls_stream.h"

const int HP_DEG = 7;
const int HP_MAX_POINTS = 64;

typedef ap_int<12> hp_coef_t;
typedef ap_int<8> hp_x_t;
typedef int64_t hp_y_t;

void horner_poly(const hp_coef_t coef[HP_DEG + 1], hls::stream<hp_x_t>& xs,
                 hls::stream<hp_y_t>& ys, hls::stream<hp_y_t>& dys, int n);

#endif
