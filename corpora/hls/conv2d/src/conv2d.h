// conv2d: out[y][x] = sum_{i,j} weights[i][j] * in[y + i][x + j] (3x3 window, no padding).
#ifndef VERILOOP_CORPUS_CONV2D_H
#define VERILOOP_CORPUS_CONV2D_H

#include <cstdint>

#include "ap_int.h"

const int CONV_H = 8;
const int CONV_W = 8;
const int CONV_K = 3;
const int CONV_OH = CONV_H - CONV_K + 1;
const int CONV_OW = CONV_W - CONV_K + 1;

typedef ap_uint<8> conv_pix_t;
typedef ap_int<8> conv_coef_t;
typedef ap_int<20> conv_out_t;

// in: H x W row-major; weights: K x K row-major; out: OH x OW row-major.
void conv2d(const conv_pix_t in[CONV_H * CONV_W], const conv_coef_t weights[CONV_K * CONV_K],
            conv_out_t out[CONV_OH * CONV_OW]);

#endif
