// gemv: one quantized fully-connected layer, y = sat8(round_shift(relu?(W x + bias), shift)).
#ifndef VERILOOP_CORPUS_GEMV_H
#define VERILOOP_CORPUS_GEMV_H

#include "ap_int.h"

const int GEMV_ROWS = 16;
const int GEMV_COLS = 32;
const int GEMV_UNROLL = 4;

typedef ap_int<8> gemv_data_t;    // weights, activations and outputs
typedef ap_int<24> gemv_bias_t;
typedef ap_int<32> gemv_acc_t;
typedef ap_uint<4> gemv_shift_t;

// w: ROWS x COLS row-major. relu clamps negative sums to zero before scaling; shift is the
// requantization right shift (rounded half up); results saturate to [-128, 127].
void gemv(const gemv_data_t w[GEMV_ROWS * GEMV_COLS], const gemv_data_t x[GEMV_COLS],
          const gemv_bias_t bias[GEMV_ROWS], gemv_data_t y[GEMV_ROWS], bool relu,
          gemv_shift_t shift);

#endif
