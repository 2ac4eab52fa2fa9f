// An HLS-style kernel written as for Vitis HLS (pragmas, ap types, streams), compiled and run
// against veriloop's headers: the pragmas must be harmless and the results bit-exact.
#include <gtest/gtest.h>

#include "ap_fixed.h"
#include "ap_int.h"
#include "hls_math.h"
#include "hls_stream.h"

namespace {

typedef ap_fixed<16, 8> sample_t;
typedef ap_fixed<8, 2> coef_t;
typedef ap_fixed<32, 16> acc_t;
typedef ap_uint<8> flags_t;

// A 3-tap FIR filter: out[i] = sum_t window[t] * coef[t]; flags[i] packs the index (bits 7..4),
// "above 4.15" (bit 1) and "negative" (bit 0); total accumulates the integer parts.
void fir3(hls::stream<sample_t>& in, hls::stream<acc_t>& out, hls::stream<flags_t>& flags,
          ap_int<24>& total, int n) {
#pragma HLS INTERFACE axis port = in
#pragma HLS INTERFACE axis port = out
#pragma HLS INTERFACE axis port = flags
#pragma HLS INTERFACE s_axilite port = n
#pragma HLS INTERFACE s_axilite port = total
#pragma HLS INTERFACE ap_ctrl_none port = return
    static const coef_t coef[3] = {0.25, 0.5, 0.25};
    sample_t window[3] = {0, 0, 0};
#pragma HLS ARRAY_PARTITION variable = window complete dim = 1
    ap_int<24> sum = 0;
sample_loop:
    for (int i = 0; i < n; ++i) {
#pragma HLS PIPELINE II = 1
#pragma HLS LOOP_TRIPCOUNT min = 1 max = 64
    shift_loop:
        for (int t = 2; t > 0; --t) {
#pragma HLS UNROLL
            window[t] = window[t - 1];
        }
        window[0] = in.read();
        acc_t acc = 0;
    mac_loop:
        for (int t = 0; t < 3; ++t) {
#pragma HLS UNROLL
            acc += window[t] * coef[t];
        }
        out.write(acc);
        flags_t f = 0;
        f[0] = acc < 0;
        f[1] = acc > 4.15;
        f.range(7, 4) = ap_uint<4>(i);
        flags << f;
        sum += acc.to_int();
    }
    total = sum;
}

TEST(HlsKernel, FirWithPragmasRunsBitExact) {
    hls::stream<sample_t> in("in");
    hls::stream<acc_t> out("out");
    hls::stream<flags_t> flags("flags");
    const double samples[5] = {4, 8.5, -4.25, 20, -40};
    for (double s : samples) in.write(sample_t(s));
    ap_int<24> total = 0;
    fir3(in, out, flags, total, 5);
    // Window after each sample (newest first) and 0.25*w0 + 0.5*w1 + 0.25*w2:
    //   [4, 0, 0]           -> 1.0
    //   [8.5, 4, 0]         -> 2.125 + 2 = 4.125
    //   [-4.25, 8.5, 4]     -> -1.0625 + 4.25 + 1 = 4.1875
    //   [20, -4.25, 8.5]    -> 5 - 2.125 + 2.125 = 5.0
    //   [-40, 20, -4.25]    -> -10 + 10 - 1.0625 = -1.0625
    const double expected[5] = {1.0, 4.125, 4.1875, 5.0, -1.0625};
    // Flags: index << 4 | (acc > 4.15) << 1 | (acc < 0).
    const unsigned expectedFlags[5] = {0x00, 0x10, 0x22, 0x32, 0x41};
    for (int i = 0; i < 5; ++i) {
        EXPECT_EQ(out.read().to_double(), expected[i]) << "sample " << i;
        EXPECT_EQ(flags.read(), expectedFlags[i]) << "sample " << i;
    }
    EXPECT_TRUE(out.empty());
    // Integer parts toward zero: 1 + 4 + 4 + 5 + (-1) = 13.
    EXPECT_EQ(total, 13);
}

// A bit-manipulation kernel: popcount and bit reversal of 32-bit words via ap_uint ranges.
void bitops(hls::stream<ap_uint<32>>& in, hls::stream<ap_uint<38>>& out, int n) {
#pragma HLS INLINE off
    for (int i = 0; i < n; ++i) {
#pragma HLS PIPELINE
        const ap_uint<32> w = in.read();
        ap_uint<6> ones = 0;
        ap_uint<32> reversed;
        for (int b = 0; b < 32; ++b) {
#pragma HLS UNROLL factor = 8
            ones += w[b];
            reversed[31 - b] = w[b];
        }
        out.write((ones, reversed));
    }
}

TEST(HlsKernel, BitManipulationKernel) {
    hls::stream<ap_uint<32>> in;
    hls::stream<ap_uint<38>> out;
    in.write(0x0000000F);  // 4 ones; reversed 0xF0000000
    in.write(0x80000001);  // 2 ones; reversed 0x80000001
    bitops(in, out, 2);
    const ap_uint<38> first = out.read();
    EXPECT_EQ(first.range(37, 32), 4);
    EXPECT_EQ(first.range(31, 0), 0xF0000000u);
    const ap_uint<38> second = out.read();
    EXPECT_EQ(second.range(37, 32), 2);
    EXPECT_EQ(second.range(31, 0), 0x80000001u);
}

TEST(HlsKernel, MathOnFixedPoint) {
    // sqrt(2.25) = 1.5 exactly; fabs(-1.0625) = 1.0625; results keep the argument's type.
    const ap_fixed<16, 8> r = hls::sqrt(ap_fixed<16, 8>(2.25));
    EXPECT_EQ(r.to_double(), 1.5);
    EXPECT_EQ(hls::fabs(ap_fixed<8, 4>(-1.0625)).to_double(), 1.0625);
    EXPECT_EQ(hls::abs(ap_fixed<8, 4>(-2)).to_double(), 2.0);
    EXPECT_EQ(hls::sqrt(4.0), 2.0);
    EXPECT_EQ(hls::min(3, 5), 3);
}

}  // namespace
