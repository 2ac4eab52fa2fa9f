// ternary_gemv: y[i] = round(scale[i] * sum_j W[i][j] * x[j] / 16) with W[i][j] in {-1, 0, +1},
// for the first `rows` rows (1 <= rows <= TG_ROWS); y[rows..] is left untouched.
//
// Weight encoding: W[i][j] is the 2-bit code at bits [2k+1 : 2k] of word
// w[i * TG_WORDS + j / 16], k = j % 16. Codes: 0b00 -> 0, 0b01 -> +1, 0b11 -> -1,
// 0b10 -> 0 (reserved). scale[i] is unsigned fixed point with TG_FRAC fraction bits; the
// product is rounded half up: y = floor((dot * scale + 2^(TG_FRAC-1)) / 2^TG_FRAC).
#ifndef VERILOOP_CORPUS_TERNARY_GEMV_H
#define VERILOOP_CORPUS_TERNARY_GEMV_H

#include <cstdint>

const int TG_ROWS = 8;
const int TG_COLS = 64;
const int TG_PER_WORD = 16;
const int TG_WORDS = TG_COLS / TG_PER_WORD;  // words per row
const int TG_FRAC = 4;                       // fraction bits of scale

typedef uint32_t tg_word_t;
typedef int8_t tg_act_t;
typedef uint8_t tg_scale_t;
typedef int32_t tg_acc_t;
typedef int32_t tg_out_t;

void ternary_gemv(const tg_word_t w[TG_ROWS * TG_WORDS], const tg_act_t x[TG_COLS],
                  const tg_scale_t scale[TG_ROWS], tg_out_t y[TG_ROWS], int rows);

#endif
