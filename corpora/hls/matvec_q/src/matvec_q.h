// matvec_q: y[i] = sat12(((sum_j w[i][j] * x[j] + 2^(MV_SHIFT-1)) >> MV_SHIFT) + bias[i]),
// the shift rounding half up (arithmetic shift, so towards +inf on ties). Returns the index of
// the first row with the largest y.
#ifndef VERILOOP_CORPUS_MATVEC_Q_H
#define VERILOOP_CORPUS_MATVEC_Q_H

#include "ap_int.h"

const int MV_ROWS = 8;
const int MV_COLS = 16;
const int MV_SHIFT = 5;
const int MV_OUT_MAX = 2047;
const int MV_OUT_MIN = -2048;

typedef ap_int<8> mv_w_t;
typedef ap_int<8> mv_x_t;
typedef ap_int<12> mv_bias_t;
typedef ap_int<24> mv_acc_t;
typedef ap_int<12> mv_out_t;

int matvec_q(const mv_w_t w[MV_ROWS][MV_COLS], const mv_x_t x[MV_COLS],
             const mv_bias_t bias[MV_ROWS], mv_out_t y[MV_ROWS]);

#endif
