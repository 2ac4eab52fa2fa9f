#include "softmax_stream_hls.h"

// round(2^15 * exp(-k)) and round(2^15 * exp(-j/16)), k, j = 0..15: exp(-d/16) for the
// Q4.4 distance d = 16k + j is exp(-k) * exp(-j/16).
static const ap_uint<16> EXP_INT[16] = {32768, 12055, 4435, 1631, 600, 221, 81, 30,
                                        11,    4,     1,    1,    0,   0,   0,  0};
static const ap_uint<16> EXP_FRAC[16] = {32768, 30783, 28918, 27166, 25520, 23974, 22521, 21157,
                                         19875, 18671, 17539, 16477, 15479, 14541, 13660, 12832};

// Passes the logits on and tracks the running maximum of each vector.
static void load_max(hls::stream<smx_in_t>& s_axis, hls::stream<smx_in_t>& x_s,
                     hls::stream<smx_in_t>& max_s, int num_vectors) {
vector_loop:
    for (int v = 0; v < num_vectors; v++) {
        smx_in_t mx = 0;
    elem_loop:
        for (int i = 0; i < SMX_N; i++) {
#pragma HLS PIPELINE II=1
            smx_in_t x = s_axis.read();
            if (i == 0 || x > mx) mx = x;
            x_s.write(x);
        }
        max_s.write(mx);
    }
}

// e_i = (EXP_INT[d >> 4] * EXP_FRAC[d & 15] + 2^14) >> 15 with d = max - x_i, and their sum.
static void exp_sum(hls::stream<smx_in_t>& x_s, hls::stream<smx_in_t>& max_s,
                    hls::stream<smx_exp_t>& e_s, hls::stream<smx_sum_t>& sum_s, int num_vectors) {
    smx_in_t x_buf[SMX_N];
#pragma HLS ARRAY_PARTITION variable=x_buf type=cyclic factor=2 dim=1
vector_loop:
    for (int v = 0; v < num_vectors; v++) {
    buffer_loop:
        for (int i = 0; i < SMX_N; i++) {
#pragma HLS PIPELINE II=1
            x_buf[i] = x_s.read();
        }
        const smx_in_t mx = max_s.read();
        smx_sum_t sum = 0;
    exp_loop:
        for (int i = 0; i < SMX_N; i++) {
#pragma HLS PIPELINE II=1
            ap_uint<8> d = mx - x_buf[i];
            ap_uint<31> prod = EXP_INT[d.range(7, 4)] * EXP_FRAC[d.range(3, 0)];
            prod += 1 << 14;
            smx_exp_t e = prod.range(30, 15);
            sum += e;
            e_s.write(e);
        }
        sum_s.write(sum);
    }
}

// floor(2^35 / sum) by restoring division, one quotient bit per step; the remainder starts
// at 2^14 so that 21 steps produce the quotient of 2^35.
static void reciprocal(hls::stream<smx_sum_t>& sum_s, hls::stream<smx_recip_t>& recip_s,
                       int num_vectors) {
vector_loop:
    for (int v = 0; v < num_vectors; v++) {
        const smx_sum_t sum = sum_s.read();
        ap_uint<20> rem = 1 << 14;
        smx_recip_t quo = 0;
    divide_loop:
        for (int step = 0; step < SMX_RECIP_BITS; step++) {
#pragma HLS PIPELINE II=1
            ap_uint<20> rem2 = rem << 1;
            quo = quo << 1;
            if (rem2 >= sum) {
                rem = rem2 - sum;
                quo[0] = 1;
            } else {
                rem = rem2;
            }
        }
        recip_s.write(quo);
    }
}

// y_i = (e_i * R + 2^19) >> 20.
static void normalize(hls::stream<smx_exp_t>& e_s, hls::stream<smx_recip_t>& recip_s,
                      hls::stream<smx_out_t>& m_axis, int num_vectors) {
    smx_exp_t e_buf[SMX_N];
#pragma HLS ARRAY_PARTITION variable=e_buf type=block factor=2 dim=1
vector_loop:
    for (int v = 0; v < num_vectors; v++) {
    buffer_loop:
        for (int i = 0; i < SMX_N; i++) {
#pragma HLS PIPELINE II=1
            e_buf[i] = e_s.read();
        }
        const smx_recip_t r = recip_s.read();
    out_loop:
        for (int i = 0; i < SMX_N; i++) {
#pragma HLS PIPELINE II=1
            ap_uint<36> prod = e_buf[i] * r;
            prod += 1 << 19;
            smx_out_t beat;
            beat.data = prod.range(35, 20);
            beat.last = (i == SMX_N - 1);
            m_axis.write(beat);
        }
    }
}

void softmax_stream_hls(hls::stream<smx_in_t>& s_axis, hls::stream<smx_out_t>& m_axis,
                        int num_vectors) {
#pragma HLS INTERFACE axis port=s_axis
#pragma HLS INTERFACE axis port=m_axis
#pragma HLS INTERFACE s_axilite port=num_vectors bundle=control
#pragma HLS INTERFACE s_axilite port=return bundle=control
#pragma HLS DATAFLOW

    hls::stream<smx_in_t> x_s("x_s");
    hls::stream<smx_in_t> max_s("max_s");
    hls::stream<smx_exp_t> e_s("e_s");
    hls::stream<smx_sum_t> sum_s("sum_s");
    hls::stream<smx_recip_t> recip_s("recip_s");
#pragma HLS STREAM variable=x_s depth=16
#pragma HLS STREAM variable=e_s depth=32

    load_max(s_axis, x_s, max_s, num_vectors);
    exp_sum(x_s, max_s, e_s, sum_s, num_vectors);
    reciprocal(sum_s, recip_s, num_vectors);
    normalize(e_s, recip_s, m_axis, num_vectors);
}
