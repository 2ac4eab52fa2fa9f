#include "conv2d.h"

#include "hls_stream.h"

static void read_image(const conv_pix_t in[CONV_H * CONV_W], hls::stream<conv_pix_t>& pix_s) {
read_loop:
    for (int p = 0; p < CONV_H * CONV_W; p++) {
#pragma HLS PIPELINE II=1
        pix_s.write(in[p]);
    }
}

static void convolve(hls::stream<conv_pix_t>& pix_s, const conv_coef_t weights[CONV_K * CONV_K],
                     hls::stream<conv_out_t>& out_s) {
    conv_coef_t kernel[CONV_K][CONV_K];
#pragma HLS ARRAY_PARTITION variable=kernel type=complete dim=0
    conv_pix_t line_buf[CONV_K - 1][CONV_W];
#pragma HLS ARRAY_PARTITION variable=line_buf type=complete dim=1
    conv_pix_t window[CONV_K][CONV_K];
#pragma HLS ARRAY_PARTITION variable=window type=complete dim=0

load_weights:
    for (int t = 0; t < CONV_K * CONV_K; t++) {
#pragma HLS PIPELINE II=1
        kernel[t / CONV_K][t % CONV_K] = weights[t];
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
            window[0][CONV_K - 1] = line_buf[0][c];
            window[1][CONV_K - 1] = line_buf[1][c];
            window[2][CONV_K - 1] = pix;
            line_buf[0][c] = line_buf[1][c];
            line_buf[1][c] = pix;

            if (r >= CONV_K - 1 && c >= CONV_K - 1) {
                conv_out_t acc = 0;
            mac_rows:
                for (int i = 0; i < CONV_K; i++) {
#pragma HLS UNROLL
                mac_cols:
                    for (int j = 0; j < CONV_K; j++) {
#pragma HLS UNROLL
                        acc += window[i][j] * kernel[i][j];
                    }
                }
                out_s.write(acc);
            }
        }
    }
}

static void write_result(hls::stream<conv_out_t>& out_s, conv_out_t out[CONV_OH * CONV_OW]) {
write_loop:
    for (int p = 0; p < CONV_OH * CONV_OW; p++) {
#pragma HLS PIPELINE II=1
        out[p] = out_s.read();
    }
}

void conv2d(const conv_pix_t in[CONV_H * CONV_W], const conv_coef_t weights[CONV_K * CONV_K],
            conv_out_t out[CONV_OH * CONV_OW]) {
#pragma HLS INTERFACE m_axi port=in offset=slave bundle=gmem0 depth=64
#pragma HLS INTERFACE m_axi port=weights offset=slave bundle=gmem1 depth=9
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
