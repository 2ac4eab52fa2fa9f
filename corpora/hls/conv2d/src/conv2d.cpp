#include "conv2d.h"

#include "hls_stream.h"

static void read_image(const conv_pix_t in[CONV_H * CONV_W], hls::stream<conv_pix_t>& pix_s) {
read_rows:
    for (int r = 0; r < CONV_H; r++) {
    read_cols:
        for (int c = 0; c < CONV_W; c++) {
#pragma HLS PIPELINE II=1
            pix_s.write(in[r * CONV_W + c]);
        }
    }
}

static void convolve(hls::stream<conv_pix_t>& pix_s, const conv_coef_t weights[CONV_K * CONV_K],
                     hls::stream<conv_out_t>& out_s) {
    conv_coef_t kernel[CONV_K][CONV_K];
#pragma HLS ARRAY_PARTITION variable=kernel type=complete dim=0
    // Two image rows: the older in line_buf[0 .. W-1], the newer in line_buf[W .. 2W-1]. Each
    // half is its own bank so both rows are read and rewritten in the same cycle.
    conv_pix_t line_buf[2 * CONV_W];
#pragma HLS ARRAY_PARTITION variable=line_buf type=block factor=2 dim=1
    conv_pix_t window[CONV_K][CONV_K];
#pragma HLS ARRAY_PARTITION variable=window type=complete dim=0

load_weight_rows:
    for (int i = 0; i < CONV_K; i++) {
    load_weight_cols:
        for (int j = 0; j < CONV_K; j++) {
#pragma HLS PIPELINE II=1
            kernel[i][j] = weights[i * CONV_K + j];
        }
    }

row_loop:
    for (int r = 0; r < CONV_H; r++) {
    col_loop:
        for (int c = 0; c < CONV_W; c++) {
#pragma HLS PIPELINE II=1
            conv_pix_t pix = pix_s.read();

        shift_rows:
            for (int i = 0; i < CONV_K; i++) {
#pragma HLS UNROLL
            shift_cols:
                for (int j = 0; j < CONV_K - 1; j++) {
#pragma HLS UNROLL
                    window[i][j] = window[i][j + 1];
                }
            }
            conv_pix_t older = line_buf[c];
            conv_pix_t newer = line_buf[c + CONV_W];
            window[0][CONV_K - 1] = older;
            window[1][CONV_K - 1] = newer;
            window[2][CONV_K - 1] = pix;
            line_buf[c] = newer;
            line_buf[c + CONV_W] = pix;

            if (r >= CONV_K - 1 && c >= CONV_K - 1) {
                int32_t acc = 0;
            mac_rows:
                for (int i = 0; i < CONV_K; i++) {
#pragma HLS UNROLL
                mac_cols:
                    for (int j = 0; j < CONV_K; j++) {
#pragma HLS UNROLL
                        acc += window[i][j] * kernel[i][j];
                    }
                }
                out_s.write(conv_out_t(acc));
            }
        }
    }
}

static void write_result(hls::stream<conv_out_t>& out_s, conv_out_t out[CONV_OH * CONV_OW]) {
write_rows:
    for (int y = 0; y < CONV_OH; y++) {
    write_cols:
        for (int x = 0; x < CONV_OW; x++) {
#pragma HLS PIPELINE II=1
            out[y * CONV_OW + x] = out_s.read();
        }
    }
}

void conv2d(const conv_pix_t in[CONV_H * CONV_W], const conv_coef_t weights[CONV_K * CONV_K],
            conv_out_t out[CONV_OH * CONV_OW]) {
#pragma HLS INTERFACE m_axi port=in offset=slave bundle=gmem0 depth=64
#pragma HLS INTERFACE bram port=weights depth=9
#pragma HLS INTERFACE m_axi port=out offset=slave bundle=gmem1 depth=36
#pragma HLS INTERFACE s_axilite port=return bundle=control
#pragma HLS DATAFLOW

    hls::stream<conv_pix_t> pix_s("pix_s");
    hls::stream<conv_out_t> out_s("out_s");
#pragma HLS STREAM variable=pix_s depth=16
#pragma HLS STREAM variable=out_s depth=16

    read_image(in, pix_s);
    convolve(pix_s, weights, out_s);
    write_result(out_s, out);
}
