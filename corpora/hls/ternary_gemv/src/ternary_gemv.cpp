#include "ternary_gemv.h"

void ternary_gemv(const tg_word_t w[TG_ROWS * TG_WORDS], const tg_act_t x[TG_COLS],
                  const tg_scale_t scale[TG_ROWS], tg_out_t y[TG_ROWS]) {
#pragma HLS INTERFACE m_axi port=w offset=slave bundle=gmem0 depth=32
#pragma HLS INTERFACE m_axi port=x offset=slave bundle=gmem1 depth=64
#pragma HLS INTERFACE m_axi port=scale offset=slave bundle=gmem1 depth=8
#pragma HLS INTERFACE m_axi port=y offset=slave bundle=gmem1 depth=8
#pragma HLS INTERFACE s_axilite port=return bundle=control

    tg_act_t x_buf[TG_COLS];
#pragma HLS ARRAY_PARTITION variable=x_buf type=cyclic factor=16 dim=1

load_x:
    for (int j = 0; j < TG_COLS; j++) {
#pragma HLS PIPELINE II=1
        x_buf[j] = x[j];
    }

row_loop:
    for (int i = 0; i < TG_ROWS; i++) {
        tg_acc_t acc = 0;
    word_loop:
        for (int wd = 0; wd < TG_WORDS; wd++) {
#pragma HLS PIPELINE II=1
            tg_word_t bits = w[i * TG_WORDS + wd];
            tg_acc_t part = 0;
        lane_loop:
            for (int k = 0; k < TG_PER_WORD; k++) {
#pragma HLS UNROLL
                tg_code_t code = bits.range(2 * k + 1, 2 * k);
                tg_act_t a = x_buf[wd * TG_PER_WORD + k];
                if (code == 1) {
                    part += a;
                } else if (code == 3) {
                    part -= a;
                }
            }
            acc += part;
        }
        y[i] = acc * scale[i];
    }
}
