// gemv: one quantized fully-connected layer over the first `rows` rows,
//   y[i] = sat8(round_shift(relu?(bias[i] + sum_j W[i][j] * x[j]), shift)).
#ifndef VERILOOP_CORPUS_GEMV_H
#define VERILOOP_CORPUS_GEMV_H

#include <cstdint>

const int GEMV_ROWS = 16;  // maximum number of rows
const int GEMV_COLS = 32;

typedef int8_t gemv_wt_t;    // weights
typedef uint8_t gemv_act_t;  // activations (outputs of a previous ReLU layer, unsigned)
typedef int32_t gemv_bias_t;  // bias in [-2^23, 2^23)
typedef int32_t gemv_acc_t;
typedef int8_t gemv_out_t;

// w: ROWS x COLS row-major; 0 <= rows <= GEMV_ROWS (y[rows..] is left untouched). relu
// clamps negative sums to zero before scaling; shift (0..15) is the requantization right
// shift, rounded half up; results saturate to [-128, 127].
void gemv(const gemv_wt_t w[GEMV_ROWS * GEMV_COLS], const gemv_act_t x[GEMV_COLS],
          const gemv_bias_t bias[GEMV_ROWS], gemv_out_t y[GEMV_ROWS], int rows, bool relu,
          int shift);

#endif
