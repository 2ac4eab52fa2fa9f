// Tests of veriloop's ap_fixed.h (frontend/hls/include): quantization and overflow modes,
// conversions, full-precision result types, comparisons, strings. Values are worked out by
// hand in the comments; "LSB" is the weight of the lowest bit, 2^-(W-I).
#include <gtest/gtest.h>

#include <cmath>
#include <iomanip>
#include <random>
#include <sstream>
#include <type_traits>

#include "ap_fixed.h"

namespace {

TEST(ApFixed, DefaultModeTruncatesTowardMinusInfinity) {
    // ap_fixed<8,4>: LSB 1/16. -1.03 * 16 = -16.48 -> floor -17 -> -1.0625.
    EXPECT_EQ((ap_fixed<8, 4>(-1.03).to_double()), -1.0625);
    // 1.03 * 16 = 16.48 -> 16 -> 1.0.
    EXPECT_EQ((ap_fixed<8, 4>(1.03).to_double()), 1.0);
    // 0.03 * 16 = 0.48 -> 0; -0.03 -> -1 LSB = -0.0625.
    EXPECT_EQ((ap_fixed<8, 4>(0.03).to_double()), 0.0);
    EXPECT_EQ((ap_fixed<8, 4>(-0.03).to_double()), -0.0625);
}

template <ap_q_mode Q>
double q8_4(double v) {
    return ap_fixed<8, 4, Q>(v).to_double();
}

TEST(ApFixed, QuantizationModes) {
    // 1.03125 is 16.5 LSBs: a tie between 1.0 (16) and 1.0625 (17).
    EXPECT_EQ(q8_4<AP_TRN>(1.03125), 1.0);
    EXPECT_EQ(q8_4<AP_TRN_ZERO>(1.03125), 1.0);
    EXPECT_EQ(q8_4<AP_RND>(1.03125), 1.0625);       // ties toward +inf
    EXPECT_EQ(q8_4<AP_RND_ZERO>(1.03125), 1.0);     // ties toward zero
    EXPECT_EQ(q8_4<AP_RND_MIN_INF>(1.03125), 1.0);  // ties toward -inf
    EXPECT_EQ(q8_4<AP_RND_INF>(1.03125), 1.0625);   // ties away from zero
    EXPECT_EQ(q8_4<AP_RND_CONV>(1.03125), 1.0);     // ties to even (16)
    // 1.09375 is 17.5 LSBs: convergent rounding now goes up to the even 18 (1.125).
    EXPECT_EQ(q8_4<AP_RND_CONV>(1.09375), 1.125);
    EXPECT_EQ(q8_4<AP_RND_ZERO>(1.09375), 1.0625);
    // -1.03125 is -16.5 LSBs: a tie between -1.0625 (-17) and -1.0 (-16).
    EXPECT_EQ(q8_4<AP_TRN>(-1.03125), -1.0625);
    EXPECT_EQ(q8_4<AP_TRN_ZERO>(-1.03125), -1.0);
    EXPECT_EQ(q8_4<AP_RND>(-1.03125), -1.0);  // toward +inf
    EXPECT_EQ(q8_4<AP_RND_ZERO>(-1.03125), -1.0);
    EXPECT_EQ(q8_4<AP_RND_MIN_INF>(-1.03125), -1.0625);
    EXPECT_EQ(q8_4<AP_RND_INF>(-1.03125), -1.0625);  // away from zero
    EXPECT_EQ(q8_4<AP_RND_CONV>(-1.03125), -1.0);    // -16 is even
    // Not a tie: 1.04 = 16.64 LSBs, every rounding mode gives 17 (1.0625).
    EXPECT_EQ(q8_4<AP_RND>(1.04), 1.0625);
    EXPECT_EQ(q8_4<AP_RND_ZERO>(1.04), 1.0625);
    EXPECT_EQ(q8_4<AP_RND_MIN_INF>(1.04), 1.0625);
    EXPECT_EQ(q8_4<AP_RND_CONV>(1.04), 1.0625);
    EXPECT_EQ(q8_4<AP_TRN_ZERO>(1.04), 1.0);
    // -1.04 = -16.64 LSBs: nearest is -17; truncation toward zero gives -16.
    EXPECT_EQ(q8_4<AP_RND>(-1.04), -1.0625);
    EXPECT_EQ(q8_4<AP_RND_INF>(-1.04), -1.0625);
    EXPECT_EQ(q8_4<AP_TRN_ZERO>(-1.04), -1.0);
    // -1.01 = -16.16 LSBs: nearest is -16.
    EXPECT_EQ(q8_4<AP_RND>(-1.01), -1.0);
    EXPECT_EQ(q8_4<AP_RND_MIN_INF>(-1.01), -1.0);
    EXPECT_EQ(q8_4<AP_TRN>(-1.01), -1.0625);
    // UG1399's example: ap_fixed<3,2,AP_RND,AP_SAT>(-1.25): -2.5 half-LSBs -> -2 -> -1.0.
    EXPECT_EQ((ap_fixed<3, 2, AP_RND, AP_SAT>(-1.25).to_double()), -1.0);
}

TEST(ApFixed, OverflowModes) {
    // ap_fixed<8,4> holds [-8, 7.9375]. 7.97 = 127.52 LSBs rounds to 128, one past the top.
    EXPECT_EQ((ap_fixed<8, 4, AP_RND, AP_SAT>(7.97).to_double()), 7.9375);
    EXPECT_EQ((ap_fixed<8, 4, AP_TRN, AP_SAT>(7.97).to_double()), 7.9375);  // 127: no overflow
    EXPECT_EQ((ap_fixed<8, 4, AP_RND, AP_WRAP>(7.97).to_double()), -8.0);   // 128 wraps to -128
    // 8.5 = 136 LSBs wraps to 136 - 256 = -120 LSBs = -7.5.
    EXPECT_EQ((ap_fixed<8, 4>(8.5).to_double()), -7.5);
    EXPECT_EQ((ap_fixed<8, 4, AP_TRN, AP_SAT>(100.0).to_double()), 7.9375);
    EXPECT_EQ((ap_fixed<8, 4, AP_TRN, AP_SAT>(-100.0).to_double()), -8.0);
    EXPECT_EQ((ap_fixed<8, 4, AP_TRN, AP_SAT_ZERO>(100.0).to_double()), 0.0);
    EXPECT_EQ((ap_fixed<8, 4, AP_TRN, AP_SAT_ZERO>(-9.0).to_double()), 0.0);
    EXPECT_EQ((ap_fixed<8, 4, AP_TRN, AP_SAT_ZERO>(-8.0).to_double()), -8.0);  // in range
    // Symmetric saturation keeps signed values in [-7.9375, 7.9375].
    EXPECT_EQ((ap_fixed<8, 4, AP_TRN, AP_SAT_SYM>(-100.0).to_double()), -7.9375);
    EXPECT_EQ((ap_fixed<8, 4, AP_TRN, AP_SAT_SYM>(-8.0).to_double()), -7.9375);
    EXPECT_EQ((ap_fixed<8, 4, AP_TRN, AP_SAT_SYM>(100.0).to_double()), 7.9375);
    // Unsigned: [0, 15.9375].
    EXPECT_EQ((ap_ufixed<8, 4, AP_TRN, AP_SAT>(-0.5).to_double()), 0.0);
    EXPECT_EQ((ap_ufixed<8, 4, AP_TRN, AP_SAT>(16.0).to_double()), 15.9375);
    // -0.5 = -8 LSBs wraps to 248 LSBs = 15.5.
    EXPECT_EQ((ap_ufixed<8, 4>(-0.5).to_double()), 15.5);
    // Rounding first, then overflow: -8.03125 = -128.5 LSBs rounds (ties up) to -128: fits.
    EXPECT_EQ((ap_fixed<8, 4, AP_RND, AP_SAT>(-8.03125).to_double()), -8.0);
    // -8.04 = -128.64 LSBs rounds to -129: saturates to -8.
    EXPECT_EQ((ap_fixed<8, 4, AP_RND, AP_SAT>(-8.04).to_double()), -8.0);
    // Infinity saturates; NaN becomes 0.
    EXPECT_EQ((ap_fixed<8, 4, AP_TRN, AP_SAT>(INFINITY).to_double()), 7.9375);
    EXPECT_EQ((ap_fixed<8, 4, AP_TRN, AP_SAT>(-INFINITY).to_double()), -8.0);
    EXPECT_EQ((ap_fixed<8, 4>(NAN).to_double()), 0.0);
    // Integers: ap_fixed<8,4> from int 9 wraps to 9 - 16 = -7; saturating gives 7.9375.
    EXPECT_EQ((ap_fixed<8, 4>(9).to_double()), -7.0);
    EXPECT_EQ((ap_fixed<8, 4, AP_TRN, AP_SAT>(9).to_double()), 7.9375);
}

TEST(ApFixed, ConversionBetweenFixedTypesQuantizes) {
    const ap_fixed<16, 8> v = 1.59375;                                // 25.5 LSBs of ap_fixed<8,4>
    EXPECT_EQ((ap_fixed<8, 4>(v).to_double()), 1.5625);               // 25
    EXPECT_EQ((ap_fixed<8, 4, AP_RND>(v).to_double()), 1.625);        // 26
    EXPECT_EQ((ap_fixed<8, 4, AP_RND_CONV>(v).to_double()), 1.625);   // 26 is even
    EXPECT_EQ((ap_fixed<8, 4, AP_RND_ZERO>(v).to_double()), 1.5625);  // tie toward zero
    const ap_fixed<16, 8> big = 100.25;                               // 1604 LSBs of ap_fixed<8,4>
    EXPECT_EQ((ap_fixed<8, 4>(big).to_double()), 4.25);               // 1604 - 6 * 256 = 68 LSBs
    EXPECT_EQ((ap_fixed<8, 4, AP_TRN, AP_SAT>(big).to_double()), 7.9375);
    // Widening is exact.
    EXPECT_EQ((ap_fixed<16, 8>(ap_fixed<8, 4>(-1.0625)).to_double()), -1.0625);
    // Unsigned 200 into signed 8 integer bits wraps to -56.
    EXPECT_EQ((ap_fixed<8, 8>(ap_ufixed<8, 8>(200)).to_double()), -56.0);
    // From ap_int: 5 -> 5.0; assignment from a different fixed type converts too.
    ap_fixed<8, 4> x = ap_int<8>(5);
    EXPECT_EQ(x.to_double(), 5.0);
    x = ap_fixed<12, 4, AP_RND>(2.75);
    EXPECT_EQ(x.to_double(), 2.75);
}

TEST(ApFixed, ArithmeticResultTypes) {
    const ap_fixed<8, 4> a = 7.9375;
    const ap_fixed<8, 4> b = -1.0625;
    // *: W1 + W2 bits, I1 + I2 integer bits: exact product -8.43359375.
    auto prod = a * b;
    static_assert(std::is_same_v<decltype(prod), ap_fixed<16, 8>>);
    EXPECT_EQ(prod.to_double(), -8.43359375);
    // +: one more integer bit than the larger, fraction bits of the finer operand.
    static_assert(std::is_same_v<decltype(a + b), ap_fixed<9, 5>>);
    EXPECT_EQ((a + b).to_double(), 6.875);
    EXPECT_EQ((a + a).to_double(), 15.875);  // would overflow ap_fixed<8,4>, not ap_fixed<9,5>
    static_assert(std::is_same_v<decltype(a + ap_fixed<12, 2>()), ap_fixed<15, 5>>);
    static_assert(std::is_same_v<decltype(ap_ufixed<8, 4>() + a), ap_fixed<10, 6>>);
    static_assert(std::is_same_v<decltype(ap_ufixed<8, 4>() - ap_ufixed<8, 4>()), ap_fixed<9, 5>>);
    static_assert(
        std::is_same_v<decltype(ap_ufixed<8, 4>() * ap_ufixed<6, 2>()), ap_ufixed<14, 6>>);
    // /: W1 + F2 + S2 bits, I1 + F2 + S2 integer bits; the quotient keeps F1 fraction bits.
    static_assert(std::is_same_v<decltype(a / b), ap_fixed<13, 9>>);
    EXPECT_EQ((ap_fixed<8, 4>(1.5) / ap_fixed<8, 4>(0.25)).to_double(), 6.0);
    EXPECT_EQ((ap_fixed<8, 4>(3.0) / ap_fixed<8, 4>(-2.0)).to_double(), -1.5);
    // 1/3 = 5.33 LSBs -> 5 (0.3125); -1/3 truncates toward zero -> -0.3125.
    EXPECT_EQ((ap_fixed<8, 4>(1) / ap_fixed<8, 4>(3)).to_double(), 0.3125);
    EXPECT_EQ((ap_fixed<8, 4>(-1) / ap_fixed<8, 4>(3)).to_double(), -0.3125);
    // Integers are ap_fixed<w, w>; a double beside a fixed takes that fixed's type.
    static_assert(std::is_same_v<decltype(a * ap_int<8>()), ap_fixed<16, 12>>);
    static_assert(std::is_same_v<decltype(a * 2), ap_fixed<40, 36>>);
    static_assert(std::is_same_v<decltype(a * 0.5), ap_fixed<16, 8>>);
    EXPECT_EQ((a * 2).to_double(), 15.875);
    EXPECT_EQ((0.5 * b).to_double(), -0.53125);
    EXPECT_EQ((a - 8).to_double(), -0.0625);
    // Full precision, then one quantization on assignment: 3.5 * -2.25 = -7.875 exactly.
    const ap_fixed<16, 8> c = ap_fixed<16, 8>(3.5) * ap_fixed<16, 8>(-2.25);
    EXPECT_EQ(c.to_double(), -7.875);
    // Into a narrower type with rounding: 0.3 * 0.3 = 0.09 in ap_fixed<8,1> (LSB 1/128): the
    // operands are 38/128 each (0.296875); product 1444/16384 = 11.28 LSBs -> 11 (0.0859375).
    const ap_fixed<8, 1> p = ap_fixed<8, 1>(0.3) * ap_fixed<8, 1>(0.3);
    EXPECT_EQ(p.to_double(), 11.0 / 128);
    // Unary minus adds a bit: -(-8) = 8 fits ap_fixed<9,5>.
    static_assert(std::is_same_v<decltype(-a), ap_fixed<9, 5>>);
    EXPECT_EQ((-ap_fixed<8, 4>(-8)).to_double(), 8.0);
}

TEST(ApFixed, CompoundAssignmentAndIncrement) {
    ap_fixed<8, 4> x = 1.5;
    x += 0.25;  // 1.75
    x *= 2;     // 3.5
    EXPECT_EQ(x.to_double(), 3.5);
    x -= ap_fixed<4, 2>(1.5);  // 2.0
    x /= 4;                    // 0.5
    EXPECT_EQ(x.to_double(), 0.5);
    x++;
    ++x;  // 2.5
    EXPECT_EQ(x.to_double(), 2.5);
    --x;  // 1.5
    EXPECT_EQ(x.to_double(), 1.5);
    x <<= 2;  // raw 24 -> 96: 6.0
    EXPECT_EQ(x.to_double(), 6.0);
    x = x >> 3;  // raw 96 -> 12: 0.75
    EXPECT_EQ(x.to_double(), 0.75);
    ap_fixed<8, 4, AP_TRN, AP_SAT> s = 7;
    s += 5;  // 12 saturates to 7.9375
    EXPECT_EQ(s.to_double(), 7.9375);
    ap_fixed<8, 4> w = 7;
    w += 5;  // 12 wraps to 12 - 16 = -4
    EXPECT_EQ(w.to_double(), -4.0);
}

TEST(ApFixed, Comparisons) {
    EXPECT_TRUE((ap_fixed<8, 4>(1.5) == ap_fixed<16, 8>(1.5)));
    EXPECT_TRUE((ap_fixed<8, 4>(1.5) < ap_ufixed<4, 4>(2)));
    EXPECT_TRUE((ap_fixed<8, 4>(-0.5) < ap_ufixed<8, 8>(0)));
    EXPECT_TRUE((ap_fixed<8, 4>(1.5) == 1.5));
    EXPECT_TRUE((ap_fixed<8, 4>(1.5) > 1));
    EXPECT_TRUE((ap_fixed<8, 4>(1.5) != 1.51));  // compared as doubles: exact
    EXPECT_TRUE((2 >= ap_fixed<8, 4>(1.9375)));
    EXPECT_TRUE((ap_fixed<8, 4>(-3) == ap_int<4>(-3)));
    EXPECT_TRUE((ap_fixed<8, 4>(0.0625) > 0));
    EXPECT_FALSE((ap_fixed<8, 4>(-0.0625) >= 0));
}

TEST(ApFixed, ConversionsToIntegersAndFloatingPoint) {
    EXPECT_EQ((ap_fixed<8, 4>(-2.5).to_int()), -2);  // toward zero
    EXPECT_EQ((ap_fixed<8, 4>(2.9375).to_int()), 2);
    EXPECT_EQ((ap_fixed<8, 4>(-0.0625).to_int()), 0);
    EXPECT_EQ((ap_ufixed<8, 4>(15.5).to_uint()), 15u);
    EXPECT_EQ((ap_fixed<40, 36>(-1000000000.5).to_int64()), -1000000000LL);
    EXPECT_EQ((ap_fixed<4, 6>(20).to_int()), 20);  // I > W: LSB weight 4, 20 = 5 LSBs
    const ap_int<8> n = ap_fixed<8, 4>(-2.5);      // the integer part, toward zero
    EXPECT_EQ(n, -2);
    const double d = ap_fixed<8, 4>(-1.0625);  // implicit conversion to double
    EXPECT_EQ(d, -1.0625);
    EXPECT_EQ((ap_fixed<8, 4>(-1.0625).to_float()), -1.0625f);
    EXPECT_EQ((ap_fixed<8, 4>(2.5).length()), 8);
}

TEST(ApFixed, BitAndRangeSelect) {
    ap_fixed<8, 4> x = 2.75;  // raw 44 = 0010 1100
    EXPECT_TRUE(x[2]);
    EXPECT_FALSE(x[0]);
    EXPECT_EQ(x.range(7, 4), 2);   // integer bits
    EXPECT_EQ(x.range(3, 0), 12);  // fraction 0.75 = 12/16
    EXPECT_EQ(x(5, 2), 11);        // 1011
    x.range(3, 0) = 0;             // 2.0
    EXPECT_EQ(x.to_double(), 2.0);
    x[7] = 1;  // raw 1010 0000 = 160 -> -96 -> -6.0
    EXPECT_EQ(x.to_double(), -6.0);
    x.V = 0x18;  // raw 24 = 1.5
    EXPECT_EQ(x.to_double(), 1.5);
    EXPECT_TRUE((ap_fixed<8, 4>(-0.0625).and_reduce()));  // all ones
}

TEST(ApFixed, Strings) {
    // 3.14159 * 256 = 804.25 -> 804 -> 3.140625.
    EXPECT_EQ((ap_fixed<16, 8>("3.14159").to_double()), 3.140625);
    EXPECT_EQ((ap_fixed<16, 8>("-0.5").to_double()), -0.5);
    EXPECT_EQ((ap_fixed<12, 4>("0x1.8").to_double()), 1.5);
    EXPECT_EQ((ap_fixed<12, 4>("0b10.01").to_double()), 2.25);
    EXPECT_EQ((ap_fixed<16, 8>("1e-1").to_double()), 25.0 / 256);  // 25.6 LSBs -> 25
    // Decimal digits convert exactly: 0.1 * 2^64 = 1844674407370955161.6 -> 0x1999999999999999
    // truncated, 0x199999999999999A rounded.
    EXPECT_EQ((ap_fixed<128, 64>("0.1").V), ap_int<128>("0x1999999999999999"));
    EXPECT_EQ((ap_fixed<128, 64, AP_RND>("0.1").V), ap_int<128>("0x199999999999999A"));
    // Ties from a string: "1.03125" is 16.5 LSBs of ap_fixed<8,4>.
    EXPECT_EQ((ap_fixed<8, 4, AP_RND_CONV>("1.03125").to_double()), 1.0);
    EXPECT_EQ((ap_fixed<8, 4, AP_RND_CONV>("1.0312500001").to_double()), 1.0625);
    EXPECT_EQ((ap_fixed<8, 4, AP_TRN, AP_SAT>("123456789012345678901234567890").to_double()),
              7.9375);
    EXPECT_EQ((ap_fixed<8, 4>("-1.0625").to_string()), "-1.0625");
    EXPECT_EQ((ap_fixed<8, 4>(-1.0625).to_string(2)), "-0b1.0001");
    EXPECT_EQ((ap_fixed<8, 4>(-1.0625).to_string(16)), "-0x1.1");
    EXPECT_EQ((ap_fixed<8, 4>(3).to_string()), "3");
    EXPECT_EQ((ap_fixed<8, 4>(-8).to_string(10, false)), "8");  // raw 0x80 read unsigned
    EXPECT_EQ((ap_ufixed<4, 6>(20).to_string()), "20");
    EXPECT_EQ((ap_fixed<4, -2>(0.0625).to_string()), "0.0625");  // I < 0: LSB 1/64
    std::ostringstream os;
    os << ap_fixed<8, 4>(-1.0625) << ' ' << std::setprecision(3) << ap_fixed<8, 4>(-1.0625) << ' '
       << ap_ufixed<16, 8>(200.25);
    EXPECT_EQ(os.str(), "-1.0625 -1.06 200");  // printed as a double with the stream precision
    std::istringstream is("2.25");
    ap_fixed<8, 4> parsed;
    is >> parsed;
    EXPECT_EQ(parsed.to_double(), 2.25);
}

TEST(ApFixed, Wide128BitValues) {
    // 1/3 with 64 fraction bits: 2^64 = 3 * 0x5555555555555555 + 1.
    const ap_fixed<128, 64> third = ap_fixed<128, 64>(1) / ap_fixed<128, 64>(3);
    EXPECT_EQ((ap_fixed<128, 64>(third).V), ap_int<128>("0x5555555555555555"));
    // The double 0.1 is 0x1999999999999A * 2^-56; with 64 fraction bits its raw value is
    // 0x1999999999999A00 (exact conversion).
    EXPECT_EQ((ap_fixed<128, 64>(0.1).V), ap_int<128>("0x1999999999999A00"));
    // 2^62 + 0.5 is exact in 128 bits; the product with 4 is 2^64 + 2.
    const ap_fixed<128, 64> big = ap_fixed<128, 64>(ap_int<64>(1) << 62) + 0.5;
    EXPECT_EQ((big * 4).to_string(), "18446744073709551618");
    EXPECT_EQ(big.to_string(), "4611686018427387904.5");
    EXPECT_EQ((-big).to_string(), "-4611686018427387904.5");
    EXPECT_TRUE((big > ap_fixed<128, 64>(ap_int<64>(1) << 62)));
}

// ---- randomized check of quantization and overflow against a floating-point reference -----

/// The expected raw value of ap_fixed<12, 5, Q, O> for scaled = value * 2^7, a multiple of
/// 1/4 so every tie is represented exactly.
long long referenceRaw(double scaled, ap_q_mode q, ap_o_mode o) {
    const double fl = std::floor(scaled);
    const double fr = scaled - fl;
    const bool odd = std::fmod(std::fabs(fl), 2.0) == 1.0;
    double r = fl;
    switch (q) {
    case AP_TRN:
        break;
    case AP_TRN_ZERO:
        r = (scaled < 0 && fr > 0) ? fl + 1 : fl;
        break;
    case AP_RND:
        r = fr >= 0.5 ? fl + 1 : fl;
        break;
    case AP_RND_ZERO:
        r = (fr > 0.5 || (fr == 0.5 && scaled < 0)) ? fl + 1 : fl;
        break;
    case AP_RND_MIN_INF:
        r = fr > 0.5 ? fl + 1 : fl;
        break;
    case AP_RND_INF:
        r = (fr > 0.5 || (fr == 0.5 && scaled > 0)) ? fl + 1 : fl;
        break;
    case AP_RND_CONV:
        r = (fr > 0.5 || (fr == 0.5 && odd)) ? fl + 1 : fl;
        break;
    }
    auto v = static_cast<long long>(r);
    const long long lo = -2048;
    const long long hi = 2047;
    if (v >= lo && v <= hi) return (o == AP_SAT_SYM && v == lo) ? lo + 1 : v;
    switch (o) {
    case AP_SAT:
        return v < lo ? lo : hi;
    case AP_SAT_ZERO:
        return 0;
    case AP_SAT_SYM:
        return v < lo ? lo + 1 : hi;
    default: {
        long long w = ((v % 4096) + 4096) % 4096;
        return w >= 2048 ? w - 4096 : w;
    }
    }
}

template <ap_q_mode Q, ap_o_mode O>
void checkRandomQuantization(std::mt19937_64& rng) {
    for (int k = 0; k < 400; ++k) {
        // Quarter LSB steps over +-3000 LSBs: in range, ties, and overflow in both directions.
        const long long quarters = static_cast<long long>(rng() % 24001) - 12000;
        const double scaled = static_cast<double>(quarters) / 4.0;
        const double value = scaled / 128.0;
        const ap_fixed<12, 5, Q, O> x(value);
        ASSERT_EQ(x.V.to_int64(), referenceRaw(scaled, Q, O))
            << "value " << value << " Q " << Q << " O " << O;
        // The same value arriving from a wider fixed type must quantize identically.
        const ap_fixed<24, 12> wide(value);
        ASSERT_EQ((ap_fixed<12, 5, Q, O>(wide).V.to_int64()), referenceRaw(scaled, Q, O));
    }
}

TEST(ApFixed, RandomQuantizationAndOverflowMatchReference) {
    std::mt19937_64 rng(7);  // fixed seed: reproducible
    checkRandomQuantization<AP_TRN, AP_WRAP>(rng);
    checkRandomQuantization<AP_TRN_ZERO, AP_SAT>(rng);
    checkRandomQuantization<AP_RND, AP_SAT>(rng);
    checkRandomQuantization<AP_RND, AP_WRAP>(rng);
    checkRandomQuantization<AP_RND_ZERO, AP_SAT_ZERO>(rng);
    checkRandomQuantization<AP_RND_MIN_INF, AP_SAT_SYM>(rng);
    checkRandomQuantization<AP_RND_INF, AP_SAT>(rng);
    checkRandomQuantization<AP_RND_CONV, AP_WRAP>(rng);
}

}  // namespace
