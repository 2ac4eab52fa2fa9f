#include "ternary_gemv.h"

void ternary_gemv(const tg_word_t w[TG_ROWS * TG_WORDS], const tg_act_t x[TG_COLS],
                  const tg_scale_t scale[TG_ROWS], tg_out_t y[TG_ROWS], int rows) {
#pragma HLS INTERFACE m_axi port=w offset=slave bundle=gmem0 depth=32
#pragma HLS INTERFACE m_axi port=x offset=slave bundle=gmem1 depth=64
#pragma HLS INTERFACE m_axi port=scale offset=slave bundle=gmem1 depth=8
#pragma HLS INTERFACE m_axi port=y offset=slave bundle=gmem1 depth=8
#pragma HLS INTERFACE s_axilite port=rows bundle=control
#pragma HLS INTERFACE s_axilite port=return bundle=control

    // One word covers 16 consecutive activations, all read in the same cycle.
    tg_act_t x_buf[TG_COLS];
#pragma HLS ARRAY_PARTITION variable=x_buf type=cyclic factor=16 dim=1
    tg_word_t w_row[TG_WORDS];
#pragma HLS ARRAY_PARTITION variable=w_row type=complete dim=1

load_x:
    for (int j = 0; j < TG_COLS; j++) {
#pragma HLS PIPELINE II=1
        x_buf[j] = x[j];
    }

row_loop:
    for (int i = 0; i < rows; i++) {
#pragma HLS LOOP_TRIPCOUNT min=1 max=8 avg=8
    load_row:
        for (int wd = 0; wd < TG_WORDS; wd++) {
#pragma HLS PIPELINE II=1
            w_row[wd] = w[i * TG_WORDS + wd];
        }

        tg_acc_t acc = 0;
    word_loop:
        for (int wd = 0; wd < TG_WORDS; wd++) {
#pragma HLS PIPELINE II=1
            tg_word_t bits = w_row[wd];
            // Even and odd lanes accumulate separately, two lanes per step.
            tg_acc_t part0 = 0;
            tg_acc_t part1 = 0;
        lane_loop:
            for (int k = 0; k < TG_PER_WORD; k += 2) {
#pragma HLS UNROLL
                tg_word_t code0 = (bits >> (2 * k)) & 3u;
                tg_word_t code1 = (bits >> (2 * k + 2)) & 3u;
                tg_acc_t a0 = x_buf[wd * TG_PER_WORD + k];
                tg_acc_t a1 = x_buf[wd * TG_PER_WORD + k + 1];
                if (code0 == 1) {
                    part0 += a0;
                } else if (code0 == 3) {
                    part0 -= a0;
                }
                if (code1 == 1) {
                    part1 += a1;
                } else if (code1 == 3) {
                    part1 -= a1;
                }
            }
            acc += part0 + part1;
        }
        tg_acc_t rounding = 1 << (TG_FRAC - 1);
        y[i] = (acc * scale[i] + rounding) >> TG_FRAC;
    }
}
