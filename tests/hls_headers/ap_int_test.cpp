// Tests of veriloop's ap_int.h (frontend/hls/include): widths, wraparound, signedness rules,
// shifts, bit/range access, concatenation, strings, 1024-bit arithmetic. Every expected value
// is worked out by hand in the comment beside it.
#include <gtest/gtest.h>

#include <cstdint>
#include <random>
#include <sstream>
#include <string>
#include <type_traits>

#include "ap_int.h"

namespace {

std::string repeat(char c, int n) { return std::string(static_cast<std::size_t>(n), c); }

TEST(ApInt, AdditionGrowsOneBitAndWrapsOnAssignment) {
    const ap_uint<4> a = 15;
    const ap_uint<4> b = 1;
    auto sum = a + b;
    // max(4, 4) + 1 = 5 bits, unsigned: 15 + 1 = 16 fits.
    static_assert(std::is_same_v<decltype(sum), ap_uint<5>>);
    EXPECT_EQ(sum, 16);
    // Assigned back to 4 bits: 16 mod 16 = 0.
    const ap_uint<4> wrapped = a + b;
    EXPECT_EQ(wrapped, 0);
    ap_uint<4> c = 15;
    c += 1;  // compound assignment wraps the same way
    EXPECT_EQ(c, 0);
}

TEST(ApInt, ResultTypesFollowVitisWidthRules) {
    ap_uint<8> u8;
    ap_int<8> s8;
    ap_uint<4> u4;
    ap_int<12> s12;
    // + : max(W1', W2') + 1 where the unsigned side of a mixed pair counts one bit more.
    static_assert(std::is_same_v<decltype(u8 + u8), ap_uint<9>>);
    static_assert(std::is_same_v<decltype(s8 + s8), ap_int<9>>);
    static_assert(std::is_same_v<decltype(u8 + s8), ap_int<10>>);   // max(8+1, 8) + 1
    static_assert(std::is_same_v<decltype(u4 + s12), ap_int<13>>);  // max(4+1, 12) + 1
    // - : same width as +, always signed.
    static_assert(std::is_same_v<decltype(u8 - u8), ap_int<9>>);
    // * : W1 + W2.
    static_assert(std::is_same_v<decltype(u8 * u4), ap_uint<12>>);
    static_assert(std::is_same_v<decltype(s8 * u4), ap_int<12>>);
    // / : W1 + (divisor signed).
    static_assert(std::is_same_v<decltype(u8 / u4), ap_uint<8>>);
    static_assert(std::is_same_v<decltype(u8 / s8), ap_int<9>>);
    // % : min(W1, W2 + (signed dividend, unsigned divisor)), dividend's signedness.
    static_assert(std::is_same_v<decltype(s8 % u4), ap_int<5>>);
    static_assert(std::is_same_v<decltype(u8 % s12), ap_uint<8>>);
    // & | ^ : max(W1', W2').
    static_assert(std::is_same_v<decltype(u8 & u4), ap_uint<8>>);
    static_assert(std::is_same_v<decltype(u8 | s8), ap_int<9>>);
    // Built-in ints take part as ap_int<32>; bool as ap_uint<1>; unsigned as ap_uint<32>.
    static_assert(std::is_same_v<decltype(u8 + 1), ap_int<33>>);  // max(8+1, 32) + 1
    static_assert(std::is_same_v<decltype(u8 + 1u), ap_uint<33>>);
    static_assert(std::is_same_v<decltype(u8 * true), ap_uint<9>>);
    // Shifts keep the left operand's type; unary minus adds a sign bit.
    static_assert(std::is_same_v<decltype(u8 << 3), ap_uint<8>>);
    static_assert(std::is_same_v<decltype(-u8), ap_int<9>>);
    static_assert(std::is_same_v<decltype(~s8), ap_int<8>>);
    // Implicit conversion type by byte size.
    static_assert(std::is_same_v<ap_uint<8>::RetType, unsigned char>);
    static_assert(std::is_same_v<ap_int<20>::RetType, int>);
    static_assert(std::is_same_v<ap_uint<33>::RetType, unsigned long long>);
    (void)u8, (void)s8, (void)u4, (void)s12;
}

TEST(ApInt, WraparoundIsTwosComplement) {
    EXPECT_EQ(ap_int<8>(200), -56);              // 200 - 256
    EXPECT_EQ(ap_uint<8>(-1), 255);              // all ones
    EXPECT_EQ(ap_uint<8>(300), 44);              // 300 - 256
    EXPECT_EQ(ap_int<4>(ap_int<8>(7) + 1), -8);  // 8 = 0b1000 read as 4-bit signed
    EXPECT_EQ(ap_int<1>(1), -1);                 // a 1-bit signed value is 0 or -1
    EXPECT_EQ(ap_uint<3>(ap_int<8>(-3)), 5);     // ...11111101 -> 101
    ap_int<8> x = 127;
    ++x;  // 127 + 1 wraps to -128
    EXPECT_EQ(x, -128);
    x--;  // -128 - 1 wraps to 127
    EXPECT_EQ(x, 127);
    ap_uint<64> big = 0;
    --big;  // 2^64 - 1
    EXPECT_EQ(big.to_uint64(), 0xFFFFFFFFFFFFFFFFULL);
    EXPECT_EQ(ap_int<12>(3.99), 3);  // floating point truncates toward zero
    EXPECT_EQ(ap_int<12>(-3.99), -3);
    EXPECT_EQ(ap_uint<8>(257.5), 1);  // 257 mod 256
}

TEST(ApInt, SignedUnsignedMixing) {
    const ap_uint<8> u200 = 200;
    const ap_int<8> sm100 = -100;
    EXPECT_EQ(u200 + sm100, 100);  // exact in ap_int<10>
    // Unsigned minus unsigned is signed: 3 - 5 = -2 (not 2^9 - 2).
    EXPECT_EQ(ap_uint<4>(3) - ap_uint<4>(5), -2);
    EXPECT_TRUE((ap_uint<4>(3) - ap_uint<4>(5)).isNeg());
    // Comparisons compare values: 200 > -1 (in C, 200u > -1 would be false).
    EXPECT_TRUE(u200 > ap_int<8>(-1));
    EXPECT_TRUE(u200 > -1);
    EXPECT_TRUE(ap_uint<64>(0xFFFFFFFFFFFFFFFFULL) != ap_int<64>(-1));  // 2^64-1 vs -1
    EXPECT_TRUE(ap_uint<64>(0xFFFFFFFFFFFFFFFFULL) > ap_int<64>(-1));
    // 255 / -1 = -255 needs the 9 bits of ap_int<9>.
    EXPECT_EQ(ap_uint<8>(255) / ap_int<4>(-1), -255);
    // Truncating division: -7 / 2 = -3 remainder -1; 7 / -2 = -3 remainder 1.
    EXPECT_EQ(ap_int<8>(-7) / 2, -3);
    EXPECT_EQ(ap_int<8>(-7) % ap_uint<4>(2), -1);
    EXPECT_EQ(ap_int<8>(7) / ap_int<8>(-2), -3);
    EXPECT_EQ(ap_int<8>(7) % ap_int<8>(-2), 1);
    // -128 / -1 = 128 fits the 9-bit quotient.
    EXPECT_EQ(ap_int<8>(-128) / ap_int<8>(-1), 128);
    // Signed * unsigned: -1 * 15 = -15 in ap_int<8>.
    EXPECT_EQ(ap_int<4>(-1) * ap_uint<4>(15), -15);
    // Bitwise ops sign-extend the signed side: -1 & 0xF0 = 0xF0 as ap_int<9>.
    EXPECT_EQ(ap_int<4>(-1) & ap_uint<8>(0xF0), 0xF0);
}

TEST(ApInt, ComparisonsAgainstBuiltins) {
    const ap_int<10> v = -300;
    EXPECT_TRUE(v == -300);
    EXPECT_TRUE(v < 0);
    EXPECT_TRUE(v <= -300);
    EXPECT_TRUE(v > -301L);
    EXPECT_TRUE(-301 < v);  // built-in on the left
    EXPECT_TRUE(v != 724);  // 724 = -300 + 1024: same bits, different value
    EXPECT_TRUE(ap_uint<8>(5) == 5u);
    EXPECT_TRUE(ap_uint<8>(5) >= static_cast<unsigned char>(5));
    EXPECT_TRUE(ap_uint<1>(1) == true);
}

TEST(ApInt, CompoundAssignment) {
    ap_int<8> x = 10;
    x += 5;   // 15
    x -= 20;  // -5
    EXPECT_EQ(x, -5);
    x *= 30;  // -150 wraps to 106
    EXPECT_EQ(x, 106);
    x /= 3;  // 35
    x %= 8;  // 3
    EXPECT_EQ(x, 3);
    x |= 0x70;  // 0x73 = 115
    x &= 0x3F;  // 0x33 = 51
    x ^= 0x01;  // 0x32 = 50
    EXPECT_EQ(x, 50);
    x <<= 2;  // 200 wraps to -56
    EXPECT_EQ(x, -56);
    x >>= 1;  // arithmetic: -28
    EXPECT_EQ(x, -28);
    ap_uint<16> acc = 0;
    for (int i = 1; i <= 10; ++i) acc += ap_uint<4>(i);  // 55
    EXPECT_EQ(acc, 55);
}

TEST(ApInt, ShiftsKeepTheLeftWidth) {
    EXPECT_EQ(ap_uint<8>(1) << 10, 0);       // shifted out of 8 bits
    EXPECT_EQ(ap_uint<8>(0x81) << 1, 0x02);  // top bit lost
    EXPECT_EQ(ap_int<8>(-128) >> 3, -16);    // arithmetic: 0b10000000 -> 0b11110000
    EXPECT_EQ(ap_uint<8>(0x80) >> 3, 0x10);  // logical
    EXPECT_EQ(ap_int<8>(-1) >> 20, -1);      // past the width: all sign bits
    EXPECT_EQ(ap_uint<8>(0xFF) >> 20, 0);
    EXPECT_EQ(ap_uint<8>(3) << ap_uint<4>(2), 12);  // ap shift amount
    EXPECT_EQ(ap_uint<8>(12) << ap_int<4>(-2), 3);  // negative amount shifts the other way
    EXPECT_EQ(ap_uint<8>(12) >> -2, 48);
    EXPECT_EQ((ap_uint<16>(ap_uint<8>(0x81)) << 1), 0x102);  // widen first to keep the bit
    // Across limb boundaries: 1 << 100 >> 37 = 1 << 63.
    EXPECT_EQ((ap_uint<128>(1) << 100) >> 37, ap_uint<128>(1) << 63);
    EXPECT_EQ(ap_int<128>(-2) >> 64, -1);
}

TEST(ApInt, BitSelectReadAndWrite) {
    ap_uint<8> x = 0xA5;  // 1010 0101
    EXPECT_TRUE(x[0]);
    EXPECT_FALSE(x[1]);
    EXPECT_TRUE(x[7]);
    EXPECT_EQ(x.test(5), true);
    x[1] = 1;  // 1010 0111 = 0xA7
    EXPECT_EQ(x, 0xA7);
    x[7] = false;  // 0010 0111 = 0x27
    EXPECT_EQ(x, 0x27);
    x[6] = x[0];  // 0110 0111 = 0x67
    EXPECT_EQ(x, 0x67);
    x[3] = 2;  // nonzero sets the bit: 0110 1111 = 0x6F
    EXPECT_EQ(x, 0x6F);
    EXPECT_FALSE(~x[3]);  // ~ of a bit is a bool, not ~1 == -2
    EXPECT_EQ(x[3] + 1, 2);
    ap_int<4> s = 0;
    s[3] = 1;  // setting the sign bit: 0b1000 = -8
    EXPECT_EQ(s, -8);
    const ap_uint<70> wide = ap_uint<70>(1) << 69;
    EXPECT_TRUE(wide[69]);
    EXPECT_FALSE(wide[68]);
    bool asBool = x[2];
    int asInt = x[4];  // bit 4 of 0x6F = 0
    EXPECT_TRUE(asBool);
    EXPECT_EQ(asInt, 0);
}

TEST(ApInt, RangeSelectReadAndWrite) {
    ap_uint<16> x = 0xABCD;
    EXPECT_EQ(x.range(7, 0), 0xCD);
    EXPECT_EQ(x(15, 12), 0xA);
    EXPECT_EQ(x.range(11, 4), 0xBC);
    EXPECT_EQ(x.range(), 0xABCD);
    EXPECT_EQ(x.range(3, 0).length(), 4);
    x.range(7, 4) = 0x0;  // 0xAB0D
    EXPECT_EQ(x, 0xAB0D);
    x(15, 8) = 0x1234;  // only the low 8 bits are kept: 0x340D
    EXPECT_EQ(x, 0x340D);
    x.range(3, 0) = x.range(15, 12);  // 0x3403
    EXPECT_EQ(x, 0x3403);
    // Reversed bounds read the bits in reverse order: bits 0..3 of 0x3 (0011) -> 1100.
    EXPECT_EQ(x.range(0, 3), 0xC);
    x.range(0, 3) = 0x1;  // writes 1000 into bits 3..0 -> low nibble 8: 0x3408
    EXPECT_EQ(x, 0x3408);
    // A range reads as ap_uint of the parent width in arithmetic.
    static_assert(std::is_same_v<decltype(x.range(3, 0) + 1), ap_int<33>>);
    EXPECT_EQ(x.range(3, 0) + x.range(7, 4), 8);  // 8 + 0
    ap_int<8> s = 0;
    s.range(7, 4) = 0xF;  // 0xF0 as signed 8-bit = -16
    EXPECT_EQ(s, -16);
    EXPECT_EQ(s.range(7, 4), 15);  // a range is unsigned
    // Ranges across a limb boundary.
    ap_uint<128> w = 0;
    w.range(71, 56) = 0xBEEF;
    EXPECT_EQ(w.range(71, 56), 0xBEEF);
    EXPECT_EQ(w.range(63, 56), 0xEF);
    EXPECT_EQ(w.range(71, 64), 0xBE);
    // Compound assignment through a range.
    ap_uint<8> c = 0x12;
    c.range(3, 0) += 0xF;  // 2 + 15 = 17 -> 1 in four bits: 0x11
    EXPECT_EQ(c, 0x11);
    unsigned asBuiltin = c.range(7, 4);
    EXPECT_EQ(asBuiltin, 1u);
}

TEST(ApInt, Concatenation) {
    ap_uint<4> hi = 0xA;
    ap_uint<8> lo = 0x5C;
    auto both = (hi, lo);  // 0xA5C in 12 bits
    EXPECT_EQ(both.length(), 12);
    EXPECT_EQ(both, 0xA5C);
    EXPECT_EQ(hi.concat(lo), 0xA5C);
    static_assert(std::is_same_v<decltype(hi.concat(lo)), ap_uint<12>>);
    // Signed operands contribute their bit patterns: -1 in 4 bits is 0xF.
    EXPECT_EQ((ap_int<4>(-1), ap_uint<4>(0)), 0xF0);
    // Three operands, ranges and bits: bit 7 of lo (0), lo[3:0] (0xC), hi (0xA) -> 0 1100 1010.
    EXPECT_EQ((lo[7], lo.range(3, 0), hi), 0xCA);
    // Assignment splits the value, low bits to the last operand.
    ap_uint<4> a;
    ap_uint<4> b;
    (a, b) = ap_uint<8>(0x3C);
    EXPECT_EQ(a, 0x3);
    EXPECT_EQ(b, 0xC);
    ap_uint<8> word = 0;
    (word.range(7, 4), word.range(3, 0)) = 0x96;
    EXPECT_EQ(word, 0x96);
    ap_uint<1> flag;
    ap_uint<7> rest;
    (flag, rest) = 0x81;  // flag 1, rest 0x01
    EXPECT_EQ(flag, 1);
    EXPECT_EQ(rest, 1);
    // Concatenation of temporaries is readable.
    EXPECT_EQ((ap_uint<2>(1) + ap_uint<2>(1), ap_uint<2>(3)), 0xB);  // 010 11 = 0b01011
    // Wide concatenation: 64 ones above 64 zeros.
    const ap_uint<64> ones = 0xFFFFFFFFFFFFFFFFULL;
    const ap_uint<64> zeros = 0;
    EXPECT_EQ(ones.concat(zeros).to_string(16), "0x" + repeat('F', 16) + repeat('0', 16));
}

TEST(ApInt, ToStringAndStreams) {
    EXPECT_EQ(ap_uint<8>(0xA5).to_string(16), "0xA5");
    EXPECT_EQ(ap_uint<8>(5).to_string(2), "0b101");
    EXPECT_EQ(ap_uint<8>(5).to_string(), "0b101");  // radix 2 by default
    EXPECT_EQ(ap_uint<8>(8).to_string(8), "0o10");
    EXPECT_EQ(ap_uint<8>(200).to_string(10), "200");
    EXPECT_EQ(ap_int<8>(-56).to_string(10), "-56");
    EXPECT_EQ(ap_int<8>(-1).to_string(16), "-0x1");         // signed: minus and magnitude
    EXPECT_EQ(ap_int<8>(-1).to_string(16, false), "0xFF");  // the bit pattern
    EXPECT_EQ(ap_int<8>(-56).to_string(10, false), "200");
    EXPECT_EQ(ap_uint<8>(0).to_string(10), "0");
    EXPECT_EQ(ap_int<64>(INT64_MIN).to_string(10), "-9223372036854775808");
    std::ostringstream os;
    os << ap_int<8>(-56) << ' ' << ap_uint<12>(4095) << ' ' << std::hex << ap_int<8>(-56) << ' '
       << ap_uint<16>(0xBEEF) << std::dec << ' ' << ap_uint<8>(0x3C).range(5, 2) << ' '
       << ap_uint<8>(2)[1];
    // -56; 4095; hex shows the bit pattern 0xC8 without prefix; 0x3C bits 5..2 = 1111 = 15.
    EXPECT_EQ(os.str(), "-56 4095 c8 beef 15 1");
    std::istringstream is("0x1F -7");
    ap_uint<8> p;
    ap_int<8> q;
    is >> p >> q;
    EXPECT_EQ(p, 31);
    EXPECT_EQ(q, -7);
}

TEST(ApInt, StringConstruction) {
    EXPECT_EQ(ap_uint<16>("0xBEEF"), 0xBEEF);
    EXPECT_EQ(ap_uint<16>("48879"), 0xBEEF);
    EXPECT_EQ(ap_uint<8>("0b10100101"), 0xA5);
    EXPECT_EQ(ap_uint<8>("0o17"), 15);
    EXPECT_EQ(ap_int<8>("-0x10"), -16);
    EXPECT_EQ(ap_int<8>("-128"), -128);
    EXPECT_EQ(ap_uint<8>("0x1FF"), 0xFF);  // wraps to 8 bits
    EXPECT_EQ(ap_uint<16>("ff", 16), 255);
    EXPECT_EQ(ap_uint<16>("1010", 2), 10);
    EXPECT_EQ(ap_uint<16>(std::string("1234")), 1234);
}

TEST(ApInt, Conversions) {
    const ap_int<8> m = -56;
    EXPECT_EQ(m.to_int(), -56);
    EXPECT_EQ(m.to_uint(), static_cast<unsigned>(-56));  // sign-extended to 32 bits
    EXPECT_EQ(m.to_int64(), -56);
    EXPECT_EQ(m.to_uint64(), static_cast<std::uint64_t>(-56));
    EXPECT_EQ(ap_uint<8>(200).to_int(), 200);
    EXPECT_EQ(m.length(), 8);
    EXPECT_EQ(ap_uint<1024>::length(), 1024);
    EXPECT_DOUBLE_EQ(m.to_double(), -56.0);
    int i = m;  // implicit conversion
    EXPECT_EQ(i, -56);
    long long big = ap_uint<40>(0xFFFFFFFFFFULL);
    EXPECT_EQ(big, 0xFFFFFFFFFFLL);
    int table[4] = {10, 20, 30, 40};
    const ap_uint<2> idx = 3;
    EXPECT_EQ(table[idx], 40);  // indexing with an ap value
    switch (ap_uint<3>(5)) {
    case 5:
        SUCCEED();
        break;
    default:
        ADD_FAILURE() << "switch on an ap value";
    }
    EXPECT_TRUE(ap_uint<4>(1) ? true : false);
    EXPECT_EQ(ap_uint<8>(3) * 1.5, 4.5);  // floating point operands use the built-in value
    // 2^100 as double is exact.
    EXPECT_DOUBLE_EQ((ap_uint<128>(1) << 100).to_double(), 1267650600228229401496703205376.0);
}

TEST(ApInt, ReductionsAndBitHelpers) {
    EXPECT_TRUE(ap_uint<4>(0xF).and_reduce());
    EXPECT_FALSE(ap_uint<4>(0x7).and_reduce());
    EXPECT_TRUE(ap_int<4>(-1).and_reduce());
    EXPECT_TRUE(ap_uint<4>(0x2).or_reduce());
    EXPECT_FALSE(ap_uint<4>(0).or_reduce());
    EXPECT_TRUE(ap_uint<8>(0x07).xor_reduce());   // three ones
    EXPECT_FALSE(ap_uint<8>(0x03).xor_reduce());  // two ones
    EXPECT_TRUE(ap_uint<8>(0x03).xnor_reduce());
    EXPECT_TRUE(ap_uint<100>(ap_uint<100>(0) - 1).and_reduce());
    EXPECT_EQ(ap_uint<8>(0x10).countLeadingZeros(), 3);
    ap_uint<8> r = 0x01;
    r.reverse();  // 0x80
    EXPECT_EQ(r, 0x80);
    r.lrotate(1);  // 0x01
    EXPECT_EQ(r, 0x01);
    r.rrotate(1);  // 0x80
    EXPECT_EQ(r, 0x80);
    EXPECT_EQ(ap_uint<8>(0x0F).range(3, 0).and_reduce(), true);
}

TEST(ApInt, Wide1024BitArithmetic) {
    ap_uint<1024> p = 1;
    p <<= 1000;  // 2^1000 = 16^250: a one and 250 hex zeros
    EXPECT_EQ(p.to_string(16), "0x1" + repeat('0', 250));
    // 2^1000 = 3 * (16^250 - 1) / 3 + 1 and (16^250 - 1) / 3 = 0x55...5 (250 fives).
    EXPECT_EQ((p / 3).to_string(16), "0x" + repeat('5', 250));
    EXPECT_EQ(p % 3, 1);
    // 2^3 = 8 = 1 mod 7 and 1000 = 3 * 333 + 1, so 2^1000 = 2 mod 7.
    EXPECT_EQ(p % 7, 2);
    // 2^1000 - 1 is 250 hex F's; its square 2^2000 - 2^1001 + 1 needs the 2048-bit product:
    // hex F x249, E, 0 x249, 1.
    const ap_uint<1024> m = p - 1;
    EXPECT_EQ(m.to_string(16), "0x" + repeat('F', 250));
    auto square = m * m;
    static_assert(std::is_same_v<decltype(square), ap_uint<2048>>);
    EXPECT_EQ(square.to_string(16), "0x" + repeat('F', 249) + "E" + repeat('0', 249) + "1");
    // Dividing the square back gives m exactly.
    EXPECT_EQ(square / m, m);
    EXPECT_EQ(square % m, 0);
    // 2^1000 in decimal has 302 digits: 10715086071862673209... ending in ...205668069376.
    const std::string dec = p.to_string(10);
    EXPECT_EQ(dec.size(), 302u);
    EXPECT_EQ(dec.substr(0, 20), "10715086071862673209");
    EXPECT_EQ(dec.substr(dec.size() - 12), "205668069376");
    // Parsing the hex string back gives the same value.
    EXPECT_EQ(ap_uint<1024>(("0x1" + repeat('0', 250)).c_str()), p);
    // 3^600 by repeated multiplication (951 bits), against Python's 3**600 in hex.
    ap_uint<1024> pow3 = 1;
    for (int i = 0; i < 600; ++i) pow3 = pow3 * 3;
    EXPECT_EQ(pow3.to_string(16),
              "0x7E04EE38E4D1DF8BECBB6628AC423F8123E12ADC5DD59B13137398541CBCF6BDE33C486B91DCF2D"
              "CF9BF53817A14D473CFDDC7EAE21056C3C931C84384AE3CB01D4B9BA674F6617B033C01E8765D59F4"
              "45076E79443D36824AD61EDCEE8FD983F902F6B2E210802427FDD4F9CBBE234B484E2BDEFDBDE1");
    EXPECT_EQ(1024 - pow3.countLeadingZeros(), 951);
    // Wraparound at 1024 bits: 2^1023 * 2 = 0.
    EXPECT_EQ((ap_uint<1024>(1) << 1023) * 2, ap_uint<1025>(1) << 1024);  // product is wider
    EXPECT_EQ(ap_uint<1024>((ap_uint<1024>(1) << 1023) * 2), 0);
}

TEST(ApInt, WideSignedArithmetic) {
    const ap_int<1024> p = ap_int<1024>(1) << 1000;
    const ap_int<1024> n = -p;  // -2^1000
    EXPECT_TRUE(n.isNeg());
    EXPECT_EQ(n.to_string(16), "-0x1" + repeat('0', 250));
    // Its 1024-bit pattern: 2^1024 - 2^1000 = 24 ones followed by 1000 zeros = FFFFFF 0 x250.
    EXPECT_EQ(n.to_string(16, false), "0xFFFFFF" + repeat('0', 250));
    EXPECT_EQ(n / 4, -(p >> 2));
    EXPECT_EQ(n >> 999, -2);  // arithmetic shift keeps the sign
    EXPECT_EQ((n + p), 0);
    EXPECT_TRUE(n < p);
    EXPECT_TRUE(n < 0);
    EXPECT_TRUE(n < ap_uint<8>(1));
    EXPECT_EQ((n - 1) % 3, -2);  // -(2^1000 + 1) and 2^1000 + 1 = 2 mod 3 (2^1000 = 1 mod 3)
    EXPECT_EQ(ap_int<200>(-1) * ap_int<200>(-1), 1);
    EXPECT_EQ(ap_int<100>(-5) * ap_uint<100>(7), -35);
}

// ---- randomized differential check against 128-bit built-in arithmetic ----------------------

__extension__ typedef __int128 I128;
__extension__ typedef unsigned __int128 U128;

/// value wrapped to w bits (w <= 128), sign-extended when s: the expected bit pattern.
U128 wrapTo(U128 v, int w, bool s) {
    if (w < 128) {
        const U128 mask = (U128{1} << w) - 1;
        v &= mask;
        if (s && ((v >> (w - 1)) & 1)) v |= ~mask;
    }
    return v;
}

template <int W, bool S>
U128 bitsOf(const ap_int_base<W, S>& x) {
    U128 v = x.limbs[0];
    if constexpr (ap_int_base<W, S>::kLimbs > 1)
        v |= static_cast<U128>(x.limbs[1]) << 64;
    else if (x.isNeg())
        v |= ~U128{0} << 64;
    return v;
}

template <int W, bool S>
I128 randomValue(std::mt19937_64& rng) {
    const U128 raw = (static_cast<U128>(rng()) << 64) | rng();
    return static_cast<I128>(wrapTo(raw, W, S));
}

template <int W1, bool S1, int W2, bool S2>
void checkRandomOps(std::mt19937_64& rng, int rounds) {
    for (int k = 0; k < rounds; ++k) {
        const I128 x = randomValue<W1, S1>(rng);
        const I128 y = randomValue<W2, S2>(rng);
        // Reading the 128-bit pattern back as signed is exact: every width here is <= 64.
        const ap_int_base<W1, S1> a(static_cast<long long>(x));
        const ap_int_base<W2, S2> b(static_cast<long long>(y));
        ASSERT_EQ(bitsOf(a), static_cast<U128>(x));
        const auto sum = a + b;
        const auto diff = a - b;
        const auto prod = a * b;
        EXPECT_EQ(bitsOf(sum), wrapTo(static_cast<U128>(x + y), sum.width, sum.sign_flag));
        EXPECT_EQ(bitsOf(diff), wrapTo(static_cast<U128>(x - y), diff.width, diff.sign_flag));
        EXPECT_EQ(bitsOf(prod),
                  wrapTo(static_cast<U128>(x) * static_cast<U128>(y), prod.width, prod.sign_flag));
        const auto band = a & b;
        const auto bxor = a ^ b;
        EXPECT_EQ(bitsOf(band), wrapTo(static_cast<U128>(x & y), band.width, band.sign_flag));
        EXPECT_EQ(bitsOf(bxor), wrapTo(static_cast<U128>(x ^ y), bxor.width, bxor.sign_flag));
        if (y != 0) {
            const auto quot = a / b;
            const auto rem = a % b;
            EXPECT_EQ(bitsOf(quot), wrapTo(static_cast<U128>(x / y), quot.width, quot.sign_flag));
            EXPECT_EQ(bitsOf(rem), wrapTo(static_cast<U128>(x % y), rem.width, rem.sign_flag));
        }
        EXPECT_EQ(a < b, x < y);
        EXPECT_EQ(a == b, x == y);
        EXPECT_EQ(a >= b, x >= y);
        const int sh = static_cast<int>(rng() % static_cast<unsigned>(W1 + 2));
        EXPECT_EQ(bitsOf(a << sh), wrapTo(static_cast<U128>(x) << sh, W1, S1));
        EXPECT_EQ(bitsOf(a >> sh), wrapTo(static_cast<U128>(x >> sh), W1, S1));
    }
}

TEST(ApInt, RandomOperationsMatch128BitReference) {
    std::mt19937_64 rng(20240601);  // fixed seed: reproducible
    checkRandomOps<7, true, 7, true>(rng, 300);
    checkRandomOps<13, false, 5, true>(rng, 300);
    checkRandomOps<32, true, 32, false>(rng, 300);
    checkRandomOps<33, false, 31, true>(rng, 300);
    checkRandomOps<60, true, 17, true>(rng, 300);
    checkRandomOps<64, false, 64, false>(rng, 300);
    checkRandomOps<64, true, 64, true>(rng, 300);
    checkRandomOps<63, true, 64, false>(rng, 300);
    checkRandomOps<1, false, 1, true>(rng, 50);
}

TEST(ApIntDeathTest, DivisionByZeroAborts) {
    const ap_uint<8> zero = 0;
    EXPECT_DEATH((void)(ap_uint<8>(5) / zero), "ERROR: ap_int division by zero");
}

TEST(ApIntDeathTest, BitIndexOutsideTheValueAborts) {
    ap_uint<8> x = 0;
    EXPECT_DEATH(x[8] = 1, "bit index 8 is outside a 8-bit value");
    EXPECT_DEATH((void)x.range(9, 0), "range\\(9, 0\\) is outside a 8-bit value");
}

}  // namespace
