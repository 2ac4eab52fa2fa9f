#include "lut_mpgemm_hls.h"

void lut_mpgemm_hls(const lut_act_t act[LUT_MAX_VECTORS * LUT_K],
                    const lut_wgt_t wgt[LUT_MAX_VECTORS * LUT_M * LUT_K],
                    const lut_cfg_t cfg[LUT_MAX_VECTORS * LUT_NG],
                    lut_acc_t y[LUT_MAX_VECTORS * LUT_M], int num_vectors) {
#pragma HLS INTERFACE m_axi port=act offset=slave bundle=gmem0 depth=512
#pragma HLS INTERFACE m_axi port=wgt offset=slave bundle=gmem1 depth=2048
#pragma HLS INTERFACE m_axi port=cfg offset=slave bundle=gmem0 depth=128
#pragma HLS INTERFACE m_axi port=y offset=slave bundle=gmem0 depth=128
#pragma HLS INTERFACE s_axilite port=act bundle=control
#pragma HLS INTERFACE s_axilite port=wgt bundle=control
#pragma HLS INTERFACE s_axilite port=cfg bundle=control
#pragma HLS INTERFACE s_axilite port=y bundle=control
#pragma HLS INTERFACE s_axilite port=num_vectors bundle=control
#pragma HLS INTERFACE s_axilite port=return bundle=control

    lut_entry_t lut[LUT_TN];
#pragma HLS ARRAY_PARTITION variable=lut type=complete dim=1
    lut_wgt_t w_tile[LUT_M][LUT_G];
#pragma HLS ARRAY_PARTITION variable=w_tile type=complete dim=0
    lut_acc_t acc[LUT_M];
#pragma HLS ARRAY_PARTITION variable=acc type=complete dim=1

vector_loop:
    for (int v = 0; v < num_vectors; v++) {
#pragma HLS LOOP_TRIPCOUNT min=1 max=32
    clear_acc:
        for (int m = 0; m < LUT_M; m++) {
#pragma HLS UNROLL
            acc[m] = 0;
        }

    group_loop:
        for (int grp = 0; grp < LUT_NG; grp++) {
            const int base = v * LUT_K + grp * LUT_G;
            // LUT of all subset sums by doubling: step j fills [2^j, 2^(j+1)) from [0, 2^j).
            lut[0] = 0;
        build_step:
            for (int j = 0; j < LUT_G; j++) {
                const lut_act_t xj = act[base + j];
            build_entry:
                for (int i = 0; i < (1 << j); i++) {
#pragma HLS PIPELINE II=1
                    lut[i + (1 << j)] = lut[i] + xj;
                }
            }

        load_weights:
            for (int m = 0; m < LUT_M; m++) {
            load_lane:
                for (int g = 0; g < LUT_G; g++) {
#pragma HLS PIPELINE II=1
                    w_tile[m][g] = wgt[(v * LUT_M + m) * LUT_K + grp * LUT_G + g];
                }
            }

            const lut_cfg_t c = cfg[v * LUT_NG + grp];
            const int nb = c.range(1, 0).to_int() + 1;
            const bool is_signed = c[2];

            // One weight bit-plane per step, all rows at once: the plane's bits of a row
            // index the LUT; the sign plane of signed weights is subtracted.
        plane_loop:
            for (int b = 0; b < LUT_MAX_BITS; b++) {
#pragma HLS PIPELINE II=1
                if (b < nb) {
                row_loop:
                    for (int m = 0; m < LUT_M; m++) {
#pragma HLS UNROLL
                        ap_uint<LUT_G> idx = 0;
                    index_loop:
                        for (int g = 0; g < LUT_G; g++) {
                            idx[g] = w_tile[m][g][b];
                        }
                        lut_acc_t term = lut_acc_t(lut[idx]) << b;
                        if (is_signed && b == nb - 1)
                            acc[m] -= term;
                        else
                            acc[m] += term;
                    }
                }
            }
        }

    store_y:
        for (int m = 0; m < LUT_M; m++) {
#pragma HLS PIPELINE II=1
            y[v * LUT_M + m] = acc[m];
        }
    }
}
