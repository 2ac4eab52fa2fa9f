#include "softmax_fixed.h"

#include "hls_stream.h"

typedef ap_fixed<17, 7> sm_diff_t;
typedef ap_fixed<20, 8> sm_log2_t;
typedef ap_ufixed<12, 0> sm_frac_t;
typedef ap_ufixed<17, 1> sm_exp_t;
typedef ap_ufixed<21, 5> sm_sum_t;

// 2^(d * log2(e)) = e^d for d <= 0.
static sm_exp_t exp_nonpos(sm_diff_t d) {
#pragma HLS INLINE
    const ap_ufixed<19, 1> LOG2E = 1.4426950408889634;
    const ap_ufixed<16, 0> C1 = 0.65722;
    const ap_ufixed<16, 0> C2 = 0.34201;

    sm_log2_t t = d * LOG2E;
    ap_int<8> k = t.range(19, 12);  // floor(t): the integer bits
    sm_frac_t f;
    f.range(11, 0) = t.range(11, 0);  // t - floor(t): the fraction bits

    // 2^f on [0, 1) by a quadratic (within 0.4%).
    ap_ufixed<17, 1> inner = C1 + C2 * f;
    sm_exp_t p = 1 + f * inner;

    ap_uint<7> shift = -k;
    if (shift >= 17) {
        return 0;
    }
    return p >> shift;
}

static void find_max(const sm_in_t in[SM_N], int n, hls::stream<sm_in_t>& x_s,
                     hls::stream<sm_in_t>& max_s) {
    sm_in_t best = -32;  // the smallest logit
max_loop:
    for (int i = 0; i < n; i++) {
#pragma HLS PIPELINE II=1
#pragma HLS LOOP_TRIPCOUNT min=1 max=16 avg=16
        sm_in_t x = in[i];
        x_s.write(x);
        if (x > best) {
            best = x;
        }
    }
    max_s.write(best);
}

// Two logits per iteration into separate partial sums; an odd n leaves one for the tail.
static void exponentiate(hls::stream<sm_in_t>& x_s, hls::stream<sm_in_t>& max_s, int n,
                         hls::stream<sm_exp_t>& e_s, hls::stream<sm_sum_t>& sum_s) {
    sm_in_t mx = max_s.read();
    sm_sum_t sum0 = 0;
    sm_sum_t sum1 = 0;
exp_loop:
    for (int i = 0; i + 1 < n; i += 2) {
#pragma HLS PIPELINE II=2
#pragma HLS LOOP_TRIPCOUNT min=0 max=8 avg=8
        sm_in_t x0 = x_s.read();
        sm_in_t x1 = x_s.read();
        sm_diff_t d0 = x0 - mx;
        sm_diff_t d1 = x1 - mx;
        sm_exp_t e0 = exp_nonpos(d0);
        sm_exp_t e1 = exp_nonpos(d1);
        e_s.write(e0);
        e_s.write(e1);
        sum0 += e0;
        sum1 += e1;
    }
    if (n % 2 != 0) {
        sm_in_t x = x_s.read();
        sm_diff_t d = x - mx;
        sm_exp_t e = exp_nonpos(d);
        e_s.write(e);
        sum0 += e;
    }
    sm_sum_t sum = sum0 + sum1;
    sum_s.write(sum);
}

// out = floor(e * 2^15 / sum) on the raw bits: e has 16 fraction bits and sum 16, so the
// quotient has the 15 fraction bits of sm_out_t.
static void normalize(hls::stream<sm_exp_t>& e_s, hls::stream<sm_sum_t>& sum_s, int n,
                      sm_out_t out[SM_N]) {
    sm_sum_t sum = sum_s.read();
    uint32_t den = sum.range(20, 0).to_uint();
norm_loop:
    for (int i = 0; i < n; i++) {
#pragma HLS PIPELINE II=1
#pragma HLS LOOP_TRIPCOUNT min=1 max=16 avg=16
        sm_exp_t e = e_s.read();
        uint32_t num = e.range(16, 0).to_uint() << 15;
        uint32_t q = num / den;
        sm_out_t y;
        y.range(15, 0) = q;
        out[i] = y;
    }
}

void softmax_fixed(const sm_in_t in[SM_N], sm_out_t out[SM_N], int n) {
#pragma HLS INTERFACE m_axi port=in offset=slave bundle=gmem0 depth=16
#pragma HLS INTERFACE m_axi port=out offset=slave bundle=gmem1 depth=16
#pragma HLS INTERFACE s_axilite port=n bundle=control
#pragma HLS INTERFACE s_axilite port=return bundle=control
#pragma HLS DATAFLOW

    hls::stream<sm_in_t> x_s("x_s");
    hls::stream<sm_in_t> max_s("max_s");
    hls::stream<sm_exp_t> e_s("e_s");
    hls::stream<sm_sum_t> sum_s("sum_s");
#pragma HLS STREAM variable=x_s depth=16
#pragma HLS STREAM variable=max_s depth=2
#pragma HLS STREAM variable=e_s depth=16
#pragma HLS STREAM variable=sum_s depth=2

    find_max(in, n, x_s, max_s);
    exponentiate(x_s, max_s, n, e_s, sum_s);
    normalize(e_s, sum_s, n, out);
}
