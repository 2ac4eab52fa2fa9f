// ternary_gemv: y[i] = scale[i] * sum_j W[i][j] * x[j] with W[i][j] in {-1, 0, +1}.
//
// Weight encoding: W[i][j] is the 2-bit code at bits [2k+1 : 2k] of word
// w[i * TG_WORDS + j / 16], k = j % 16. Codes: 0b00 -> 0, 0b01 -> +1, 0b11 -> -1,
// 0b10 -> 0 (reserved).
#ifndef VERILOOP_CORPUS_TERNARY_GEMV_H
#define VERILOOP_CORPUS_TERNARY_GEMV_H

#include "ap_int.h"

const int TG_ROWS = 8;
const int TG_COLS = 64;
const int TG_PER_WORD = 16;
const int TG_WORDS = TG_COLS / TG_PER_WORD;  // words per row

typedef ap_uint<32> tg_word_t;
typedef ap_uint<2> tg_code_t;
typedef ap_int<8> tg_act_t;
typedef ap_uint<8> tg_scale_t;
typedef ap_int<16> tg_acc_t;
typedef ap_int<24> tg_out_t;

void ternary_gemv(const tg_word_t w[TG_ROWS * TG_WORDS], const tg_act_t x[TG_COLS],
                  const tg_scale_t scale[TG_ROWS], tg_out_t y[TG_ROWS]);

#endif
