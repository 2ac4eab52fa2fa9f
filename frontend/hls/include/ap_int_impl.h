// veriloop's ap_int<W> / ap_uint<W>: arbitrary-precision integers for HLS C simulation.
//
// Semantics follow the documented Vitis HLS rules (original implementation):
//  - a value of width W wraps modulo 2^W on every assignment (two's complement for ap_int);
//  - a binary operator computes its exact result in a type wide enough to hold it:
//      a + b, a - b : max(Wa', Wb') + 1 bits, where an unsigned operand mixed with a signed one
//                     counts one bit wider (W'); a - b is always signed
//      a * b        : Wa + Wb bits;  a / b : Wa + (b signed) bits;  a % b : min(Wa, Wb') bits
//                     with the dividend's signedness;  a & | ^ b : max(Wa', Wb') bits
//    and the result is signed when either operand is; built-in integers take part as
//    ap_int<bits>/ap_uint<bits> of their own size (bool as ap_uint<1>);
//  - a << n and a >> n keep the width of a (>> is arithmetic for ap_int); a negative signed
//    shift amount shifts the other way;
//  - comparisons compare mathematical values, also between signed and unsigned operands;
//  - x[i] and x.range(hi, lo) / x(hi, lo) read and write bits through proxies; (a, b) and
//    a.concat(b) concatenate (an (a, b) of lvalues can be assigned to).
// A default-constructed value is zero (so C simulation is deterministic). Division by zero
// and bit indices outside the value print an ERROR line and abort.
#pragma once

#include <istream>
#include <ostream>
#include <utility>

#include "ap_common.h"

template <int W, bool S>
class ap_int_base;
template <int W>
class ap_int;
template <int W>
class ap_uint;
template <int W, bool S>
class ap_range_ref;
template <int W, bool S>
class ap_bit_ref;
template <class Hi, class Lo>
class ap_concat_ref;
template <int W, int I, bool S, ap_q_mode Q, ap_o_mode O, int N>
class ap_fixed_base;

namespace ap_detail {

/// The named result type of an integer operation.
template <int W, bool S>
using IntT = std::conditional_t<S, ap_int<W>, ap_uint<W>>;

template <int W, bool S>
void matchIntBase(const ap_int_base<W, S>&);
template <int W, int I, bool S, ap_q_mode Q, ap_o_mode O, int N>
void matchFixedBase(const ap_fixed_base<W, I, S, Q, O, N>&);

template <class T>
struct IsBitsProxy : std::false_type {};
template <int W, bool S>
struct IsBitsProxy<ap_range_ref<W, S>> : std::true_type {};
template <int W, bool S>
struct IsBitsProxy<ap_bit_ref<W, S>> : std::true_type {};
template <class Hi, class Lo>
struct IsBitsProxy<ap_concat_ref<Hi, Lo>> : std::true_type {};

// Operand classification, written with enable_if so the headers also build as C++17.
template <class T, class = void>
struct IsApIntClass : std::false_type {};
template <class T>
struct IsApIntClass<T, std::void_t<decltype(matchIntBase(std::declval<const T&>()))>>
    : std::true_type {};
template <class T, class = void>
struct IsApFixedClass : std::false_type {};
template <class T>
struct IsApFixedClass<T, std::void_t<decltype(matchFixedBase(std::declval<const T&>()))>>
    : std::true_type {};

/// ap_int_base and everything derived from it (ap_int, ap_uint).
template <class T>
inline constexpr bool kIsApIntClass = IsApIntClass<T>::value;
/// ap_fixed_base and everything derived from it (ap_fixed, ap_ufixed).
template <class T>
inline constexpr bool kIsApFixedClass = IsApFixedClass<T>::value;
/// Range, bit and concatenation proxies.
template <class T>
inline constexpr bool kIsBitsProxy = IsBitsProxy<T>::value;
/// Anything that behaves as an arbitrary-precision integer in expressions.
template <class T>
inline constexpr bool kIsApIntLike = kIsApIntClass<T> || kIsBitsProxy<T>;
template <class T>
inline constexpr bool kIsIntOperand = kIsApIntLike<T> || std::is_integral_v<T>;
/// Operand pairs handled by the integer operators: at least one side an ap integer, neither
/// side fixed-point or floating-point.
template <class A, class B>
inline constexpr bool kIsIntOpPair = (kIsIntOperand<A> && kIsIntOperand<B>) &&
    (kIsApIntLike<A> || kIsApIntLike<B>);

template <class T>
constexpr int builtinWidth() {
    return std::is_same_v<T, bool> ? 1 : static_cast<int>(sizeof(T) * 8);
}
template <class T>
constexpr bool builtinSigned() {
    return std::is_signed_v<T>;
}

/// Built-in type an ap integer converts to implicitly (by byte size, as Vitis does).
template <int W, bool S>
using BuiltinFor = std::conditional_t<
    (W <= 8), std::conditional_t<S, signed char, unsigned char>,
    std::conditional_t<(W <= 16), std::conditional_t<S, short, unsigned short>,
                       std::conditional_t<(W <= 32), std::conditional_t<S, int, unsigned int>,
                                          std::conditional_t<S, long long, unsigned long long>>>>;

/// Width rules of integer operators (see the file comment).
template <int W1, bool S1, int W2, bool S2>
struct IntRules {
    static constexpr int kLogicW = maxOf(W1 + (S2 && !S1 ? 1 : 0), W2 + (S1 && !S2 ? 1 : 0));
    static constexpr bool kLogicS = S1 || S2;
    static constexpr int kPlusW = kLogicW + 1;
    static constexpr bool kPlusS = S1 || S2;
    static constexpr int kMinusW = kLogicW + 1;
    static constexpr bool kMinusS = true;
    static constexpr int kMultW = W1 + W2;
    static constexpr bool kMultS = S1 || S2;
    static constexpr int kDivW = W1 + (S2 ? 1 : 0);
    static constexpr bool kDivS = S1 || S2;
    static constexpr int kModW = minOf(W1, W2 + (S1 && !S2 ? 1 : 0));
    static constexpr bool kModS = S1;
};

enum class RingOp { Add, Sub, Mul, And, Or, Xor };

// Operand normalization (defined below the proxies): everything integer-like becomes an
// ap_int_base of its own width and signedness.
template <int W, bool S>
constexpr const ap_int_base<W, S>& toAp(const ap_int_base<W, S>& x);
template <class T, EnableIf<std::is_integral_v<T>> = 0>
constexpr ap_int_base<builtinWidth<T>(), builtinSigned<T>()> toAp(T x);
template <int W, bool S>
ap_int_base<W, false> toAp(const ap_range_ref<W, S>& r);
template <int W, bool S>
ap_int_base<1, false> toAp(const ap_bit_ref<W, S>& r);
template <class Hi, class Lo>
ap_int_base<ap_concat_ref<Hi, Lo>::kMaxWidth, false> toAp(const ap_concat_ref<Hi, Lo>& c);

template <RingOp Op, int RW, bool RS, int W1, bool S1, int W2, bool S2>
IntT<RW, RS> ringOp(const ap_int_base<W1, S1>& a, const ap_int_base<W2, S2>& b);
template <bool Quotient, int RW, bool RS, int W1, bool S1, int W2, bool S2>
IntT<RW, RS> divOp(const ap_int_base<W1, S1>& a, const ap_int_base<W2, S2>& b);
template <int W1, bool S1, int W2, bool S2>
int compareInts(const ap_int_base<W1, S1>& a, const ap_int_base<W2, S2>& b);

}  // namespace ap_detail

/// The arbitrary-precision integer: W bits, signed when S. ap_int<W> and ap_uint<W> are the
/// names kernels use; every operation is defined here.
template <int W, bool S>
class ap_int_base {
    static_assert(W >= 1, "ap_int/ap_uint width must be at least 1");

public:
    using Limb = ap_detail::Limb;
    using RetType = ap_detail::BuiltinFor<W, S>;
    static constexpr int width = W;
    static constexpr bool sign_flag = S;
    static constexpr int kLimbs = ap_detail::limbCount(W);

    /// Two's complement limbs, least significant first, always normalized (internal).
    Limb limbs[kLimbs];

    // ---- construction -------------------------------------------------------------------
    constexpr ap_int_base() : limbs{} {}
    constexpr ap_int_base(const ap_int_base&) = default;
    constexpr ap_int_base& operator=(const ap_int_base&) = default;

    template <class T, ap_detail::EnableIf<std::is_integral_v<T>> = 0>
    constexpr ap_int_base(T value) : limbs{} {
        if constexpr (std::is_signed_v<T>) {
            const long long v = value;
            ap_detail::Limb raw[1] = {static_cast<Limb>(v)};
            ap_detail::copyExtend(limbs, kLimbs, raw, 1, v < 0);
        } else {
            limbs[0] = static_cast<Limb>(static_cast<unsigned long long>(value));
        }
        ap_detail::normalizeTop(limbs, kLimbs, W, S);
    }
    template <class T, ap_detail::EnableIf<std::is_enum_v<T>> = 0>
    constexpr ap_int_base(T value) : ap_int_base(static_cast<std::underlying_type_t<T>>(value)) {}

    /// From floating point: truncates toward zero (as a C cast does), then wraps to W bits.
    ap_int_base(double value) : limbs{} { assignFloating(value); }
    ap_int_base(float value) : limbs{} { assignFloating(value); }
    ap_int_base(long double value) : limbs{} { assignFloating(static_cast<double>(value)); }

    /// From a string: "123", "-5", "0x1F", "0b1010", "0o17"; the value wraps to W bits.
    ap_int_base(const char* text) : limbs{} { assignString(text, 0); }
    ap_int_base(const char* text, signed char radix) : limbs{} { assignString(text, radix); }
    ap_int_base(const std::string& text, signed char radix = 0) : limbs{} {
        assignString(text.c_str(), radix);
    }

    template <int W2, bool S2>
    constexpr ap_int_base(const ap_int_base<W2, S2>& other) : limbs{} {
        ap_detail::copyExtend(limbs, kLimbs, other.limbs, other.kLimbs, other.isNeg());
        ap_detail::normalizeTop(limbs, kLimbs, W, S);
    }
    template <class P, ap_detail::EnableIf<ap_detail::kIsBitsProxy<P>> = 0>
    ap_int_base(const P& proxy) : ap_int_base(proxy.get()) {}
    /// From fixed point: keeps the integer part, truncated toward zero, then wraps.
    template <int W2, int I2, bool S2, ap_q_mode Q2, ap_o_mode O2, int N2>
    ap_int_base(const ap_fixed_base<W2, I2, S2, Q2, O2, N2>& f) : ap_int_base(f.to_ap_int_base()) {}

    // ---- queries and conversions ---------------------------------------------------------
    constexpr bool isNeg() const { return S && ap_detail::topBit(limbs, kLimbs); }
    constexpr bool is_neg() const { return isNeg(); }
    constexpr bool sign() const { return isNeg(); }
    constexpr bool iszero() const { return ap_detail::isZero(limbs, kLimbs); }
    constexpr bool is_zero() const { return iszero(); }
    static constexpr int length() { return W; }

    constexpr long long to_int64() const { return static_cast<long long>(limbs[0]); }
    constexpr unsigned long long to_uint64() const { return limbs[0]; }
    constexpr int to_int() const { return static_cast<int>(to_int64()); }
    constexpr unsigned to_uint() const { return static_cast<unsigned>(limbs[0]); }
    constexpr long to_long() const { return static_cast<long>(to_int64()); }
    constexpr unsigned long to_ulong() const { return static_cast<unsigned long>(limbs[0]); }
    constexpr bool to_bool() const { return !iszero(); }
    constexpr char to_char() const { return static_cast<char>(limbs[0]); }
    constexpr short to_short() const { return static_cast<short>(limbs[0]); }
    double to_double() const { return toFloating<double>(); }
    float to_float() const { return toFloating<float>(); }

    /// Implicit conversion to the built-in integer of the same byte size (64 bits at most;
    /// wider values keep their low 64 bits).
    constexpr operator RetType() const { return static_cast<RetType>(limbs[0]); }

    /// Text in radix 2, 8, 10 or 16. Radix 10 is plain decimal; the others carry a prefix
    /// (0b, 0o, 0x, uppercase hex digits) and no leading zeros. With sign, a negative value
    /// is written as '-' and its magnitude; without, as its W-bit pattern.
    std::string to_string(int radix = 2, bool sign = S) const {
        return toText(radix, sign, radix != 10, true);
    }
    /// Internal: to_string with the prefix and digit case chosen explicitly.
    std::string toText(int radix, bool sign, bool prefix, bool upper) const {
        if (radix != 2 && radix != 8 && radix != 10 && radix != 16)
            ap_detail::fatal("ap_int to_string: radix must be 2, 8, 10 or 16");
        Limb mag[kLimbs + 1];
        const bool negative = sign && isNeg();
        ap_detail::copyExtend(mag, kLimbs + 1, limbs, kLimbs, isNeg());
        if (negative) {
            ap_detail::negN(mag, kLimbs + 1);
        } else {
            ap_detail::normalizeTop(mag, kLimbs, W, false);  // the W-bit pattern, unsigned
            mag[kLimbs] = 0;
        }
        std::string out = negative ? "-" : "";
        if (prefix) out += radix == 16 ? "0x" : radix == 8 ? "0o" : radix == 2 ? "0b" : "";
        return out + ap_detail::magnitudeDigits(mag, kLimbs + 1, radix, upper);
    }

    constexpr ap_int_base<W, S> to_ap_int_base() const { return *this; }

    // ---- bit access -----------------------------------------------------------------------
    // One const overload per index type: the proxy writes through, like the vendor's.
    ap_bit_ref<W, S> operator[](int index) const {
        return ap_bit_ref<W, S>(const_cast<ap_int_base*>(this), index);
    }
    template <class T,
              ap_detail::EnableIf<ap_detail::kIsIntOperand<T> && !std::is_same_v<T, int>> = 0>
    ap_bit_ref<W, S> operator[](const T& index) const {
        return (*this)[static_cast<int>(ap_int_base<64, true>(index).to_int64())];
    }
    ap_bit_ref<W, S> bit(int index) const { return (*this)[index]; }
    bool test(int index) const { return get_bit(index); }
    bool get_bit(int index) const {
        checkIndex(index, "ap_int bit select");
        return ap_detail::bitAt(limbs, kLimbs, index);
    }
    void set_bit(int index, bool value) {
        checkIndex(index, "ap_int bit select");
        ap_detail::setBitAt(limbs, index, value);
        ap_detail::normalizeTop(limbs, kLimbs, W, S);
    }
    void set(int index) { set_bit(index, true); }
    void clear(int index) { set_bit(index, false); }
    void invert(int index) { set_bit(index, !get_bit(index)); }

    ap_range_ref<W, S> range(int hi, int lo) const {
        return ap_range_ref<W, S>(const_cast<ap_int_base*>(this), hi, lo);
    }
    ap_range_ref<W, S> range() const { return range(W - 1, 0); }
    ap_range_ref<W, S> operator()(int hi, int lo) const { return range(hi, lo); }
    template <class A, class B,
              ap_detail::EnableIf<ap_detail::kIsIntOperand<A> && ap_detail::kIsIntOperand<B> &&
                                  (!std::is_same_v<A, int> || !std::is_same_v<B, int>)> = 0>
    ap_range_ref<W, S> range(const A& hi, const B& lo) const {
        return range(static_cast<int>(ap_int_base<64, true>(hi).to_int64()),
                     static_cast<int>(ap_int_base<64, true>(lo).to_int64()));
    }
    template <class A, class B,
              ap_detail::EnableIf<ap_detail::kIsIntOperand<A> && ap_detail::kIsIntOperand<B> &&
                                  (!std::is_same_v<A, int> || !std::is_same_v<B, int>)> = 0>
    ap_range_ref<W, S> operator()(const A& hi, const B& lo) const {
        return range(hi, lo);
    }

    /// Concatenation by value: this value's bits above other's.
    template <int W2, bool S2>
    ap_uint<W + W2> concat(const ap_int_base<W2, S2>& other) const {
        const ap_uint<W + W2> hi{ap_uint<W>(*this)};
        const ap_uint<W + W2> lo{ap_uint<W2>(other)};
        return ap_uint<W + W2>((hi << W2) | lo);
    }
    template <class P, ap_detail::EnableIf<ap_detail::kIsBitsProxy<P>> = 0>
    auto concat(const P& other) const {
        constexpr int kW2 = P::kMaxWidth;
        ap_uint<W + kW2> hi{ap_uint<W>(*this)};
        hi <<= other.length();
        return ap_uint<W + kW2>(hi | ap_uint<W + kW2>(other.get()));
    }

    // ---- reductions and bit manipulation ----------------------------------------------------
    bool and_reduce() const {
        ap_uint<W> ones(~ap_uint<W>(0));
        return ap_detail::cmpUnsigned(ap_uint<W>(*this).limbs, ones.limbs, kLimbs) == 0;
    }
    bool or_reduce() const { return !iszero(); }
    bool xor_reduce() const {
        ap_uint<W> raw(*this);
        int ones = 0;
        for (int i = 0; i < kLimbs; ++i) ones += __builtin_popcountll(raw.limbs[i]);
        return (ones & 1) != 0;
    }
    bool nand_reduce() const { return !and_reduce(); }
    bool nor_reduce() const { return !or_reduce(); }
    bool xnor_reduce() const { return !xor_reduce(); }

    /// Number of zero bits above the most significant one (W for zero).
    int countLeadingZeros() const {
        ap_uint<W> raw(*this);
        return W - ap_detail::bitLength(raw.limbs, kLimbs);
    }
    int countTrailingZeros() const {
        for (int i = 0; i < W; ++i)
            if (ap_detail::bitAt(limbs, kLimbs, i)) return i;
        return W;
    }
    /// Reverses the bit order in place.
    ap_int_base& reverse() {
        ap_int_base copy(*this);
        for (int i = 0; i < W; ++i)
            ap_detail::setBitAt(limbs, i, ap_detail::bitAt(copy.limbs, kLimbs, W - 1 - i));
        ap_detail::normalizeTop(limbs, kLimbs, W, S);
        return *this;
    }
    /// Rotates left (toward the most significant bit) in place.
    void lrotate(int n) {
        n = ((n % W) + W) % W;
        if (n == 0) return;
        ap_uint<W> raw(*this);
        *this = ap_int_base((raw << n) | (raw >> (W - n)));
    }
    void rrotate(int n) { lrotate(W - ((n % W) + W) % W); }
    void b_not() { *this = ~*this; }

    // ---- unary operators --------------------------------------------------------------------
    ap_detail::IntT<W + 1, true> operator-() const {
        return ap_detail::ringOp<ap_detail::RingOp::Sub, W + 1, true>(ap_int_base<1, false>(0),
                                                                      *this);
    }
    ap_detail::IntT<W, S> operator+() const { return ap_detail::IntT<W, S>(*this); }
    ap_detail::IntT<W, S> operator~() const {
        ap_detail::IntT<W, S> r;
        for (int i = 0; i < kLimbs; ++i) r.limbs[i] = ~limbs[i];
        ap_detail::normalizeTop(r.limbs, kLimbs, W, S);
        return r;
    }
    constexpr bool operator!() const { return iszero(); }

    ap_int_base& operator++() {
        ap_detail::incN(limbs, kLimbs);
        ap_detail::normalizeTop(limbs, kLimbs, W, S);
        return *this;
    }
    ap_int_base& operator--() {
        ap_detail::decN(limbs, kLimbs);
        ap_detail::normalizeTop(limbs, kLimbs, W, S);
        return *this;
    }
    ap_detail::IntT<W, S> operator++(int) {
        ap_detail::IntT<W, S> old(*this);
        ++*this;
        return old;
    }
    ap_detail::IntT<W, S> operator--(int) {
        ap_detail::IntT<W, S> old(*this);
        --*this;
        return old;
    }

    // ---- shifts (the width stays W) -----------------------------------------------------------
    ap_detail::IntT<W, S> shiftLeft(long long n) const {
        if (n < 0) return shiftRight(-n);
        ap_detail::IntT<W, S> r;
        ap_detail::shlN(r.limbs, limbs, kLimbs, n);
        ap_detail::normalizeTop(r.limbs, kLimbs, W, S);
        return r;
    }
    ap_detail::IntT<W, S> shiftRight(long long n) const {
        if (n < 0) return shiftLeft(-n);
        ap_detail::IntT<W, S> r;
        ap_detail::shrN(r.limbs, limbs, kLimbs, n, S);
        ap_detail::normalizeTop(r.limbs, kLimbs, W, S);
        return r;
    }

    // ---- compound assignment (the result wraps to this width) ------------------------------
#define VERILOOP_AP_INT_COMPOUND(OP)                                         \
    template <class T, ap_detail::EnableIf<ap_detail::kIsIntOperand<T>> = 0> \
    ap_int_base& operator OP##=(const T& rhs) {                              \
        *this = ap_int_base(*this OP rhs);                                   \
        return *this;                                                        \
    }
    VERILOOP_AP_INT_COMPOUND(+)
    VERILOOP_AP_INT_COMPOUND(-)
    VERILOOP_AP_INT_COMPOUND(*)
    VERILOOP_AP_INT_COMPOUND(/)
    VERILOOP_AP_INT_COMPOUND(%)
    VERILOOP_AP_INT_COMPOUND(&)
    VERILOOP_AP_INT_COMPOUND(|)
    VERILOOP_AP_INT_COMPOUND(^)
    VERILOOP_AP_INT_COMPOUND(<<)
    VERILOOP_AP_INT_COMPOUND(>>)
#undef VERILOOP_AP_INT_COMPOUND

    // ---- internals ---------------------------------------------------------------------------
    void checkIndex(long long index, const char* what) const {
        if (index < 0 || index >= W) ap_detail::fatalIndex(what, index, W);
    }

private:
    template <class Float>
    Float toFloating() const {
        Limb mag[kLimbs];
        for (int i = 0; i < kLimbs; ++i) mag[i] = limbs[i];
        const bool negative = isNeg();
        if (negative) ap_detail::negN(mag, kLimbs);  // -2^(64k-1) stays correct as unsigned
        const Float m = ap_detail::magnitudeToFloat<Float>(mag, kLimbs, 0);
        return negative ? -m : m;
    }

    void assignFloating(double value) {
        for (Limb& l : limbs) l = 0;
        if (std::isnan(value) || std::isinf(value)) return;
        value = std::trunc(value);
        if (value == 0) return;
        int exponent = 0;
        const double mantissa = std::frexp(std::fabs(value), &exponent);  // [0.5, 1)
        const Limb m53 = static_cast<Limb>(std::ldexp(mantissa, 53));
        const long long shift = exponent - 53LL;
        Limb buf[kLimbs + 1] = {};
        buf[0] = m53;
        if (shift >= 0)
            ap_detail::shlN(buf, buf, kLimbs + 1, shift);
        else
            ap_detail::shrN(buf, buf, kLimbs + 1, -shift, false);
        if (value < 0) ap_detail::negN(buf, kLimbs + 1);
        for (int i = 0; i < kLimbs; ++i) limbs[i] = buf[i];
        ap_detail::normalizeTop(limbs, kLimbs, W, S);
    }

    void assignString(const char* text, int radix) {
        const ap_detail::ParsedNumber p = ap_detail::parseNumber(text, radix, false);
        for (Limb& l : limbs) l = 0;
        for (char c : p.intDigits)
            ap_detail::mulAddSmall(limbs, kLimbs, static_cast<Limb>(p.radix),
                                   static_cast<Limb>(ap_detail::digitValue(c)));
        if (p.negative) ap_detail::negN(limbs, kLimbs);
        ap_detail::normalizeTop(limbs, kLimbs, W, S);
    }
};

/// W-bit signed integer.
template <int W>
class ap_int : public ap_int_base<W, true> {
public:
    using Base = ap_int_base<W, true>;
    using Base::Base;
    constexpr ap_int() = default;
    constexpr ap_int(const Base& other) : Base(other) {}
};

/// W-bit unsigned integer.
template <int W>
class ap_uint : public ap_int_base<W, false> {
public:
    using Base = ap_int_base<W, false>;
    using Base::Base;
    constexpr ap_uint() = default;
    constexpr ap_uint(const Base& other) : Base(other) {}
};

// ---- proxies ---------------------------------------------------------------------------------

/// Bits hi..lo of an ap integer, readable as an ap_uint<W> and assignable. hi < lo selects
/// the same bits in reversed order.
template <int W, bool S>
class ap_range_ref {
public:
    static constexpr int kMaxWidth = W;

    ap_range_ref(ap_int_base<W, S>* target, int hi, int lo) : target_(target), hi_(hi), lo_(lo) {
        if (hi < 0 || hi >= W || lo < 0 || lo >= W) {
            char text[160];
            std::snprintf(text, sizeof text, "ap_int range(%d, %d) is outside a %d-bit value", hi,
                          lo, W);
            ap_detail::fatal(text);
        }
    }
    ap_range_ref(const ap_range_ref&) = default;

    int length() const { return (hi_ >= lo_ ? hi_ - lo_ : lo_ - hi_) + 1; }

    ap_uint<W> get() const {
        constexpr int n = ap_int_base<W, S>::kLimbs;
        ap_uint<W> r;
        ap_detail::shrN(r.limbs, target_->limbs, n, low(), false);
        keepLow(r.limbs, length());
        if (hi_ < lo_) reverseLow(r.limbs, length());
        return r;
    }

    void set(const ap_int_base<W, false>& value) {
        constexpr int n = ap_int_base<W, S>::kLimbs;
        ap_detail::Limb bits[n];
        ap_detail::Limb mask[n];
        for (int i = 0; i < n; ++i) {
            bits[i] = value.limbs[i];
            mask[i] = ~ap_detail::Limb{0};
        }
        keepLow(bits, length());
        if (hi_ < lo_) reverseLow(bits, length());
        keepLow(mask, length());
        ap_detail::shlN(bits, bits, n, low());
        ap_detail::shlN(mask, mask, n, low());
        for (int i = 0; i < n; ++i)
            target_->limbs[i] = (target_->limbs[i] & ~mask[i]) | (bits[i] & mask[i]);
        ap_detail::normalizeTop(target_->limbs, n, W, S);
    }

    ap_range_ref& operator=(const ap_range_ref& other) {
        set(other.get());
        return *this;
    }
    template <class T, ap_detail::EnableIf<ap_detail::kIsIntOperand<T>> = 0>
    ap_range_ref& operator=(const T& value) {
        set(ap_int_base<W, false>(value));
        return *this;
    }
    ap_range_ref& operator=(const char* text) {
        set(ap_int_base<W, false>(text));
        return *this;
    }

    operator unsigned long long() const { return get().to_uint64(); }
    int to_int() const { return get().to_int(); }
    unsigned to_uint() const { return get().to_uint(); }
    long long to_int64() const { return get().to_int64(); }
    unsigned long long to_uint64() const { return get().to_uint64(); }
    bool to_bool() const { return !get().iszero(); }
    std::string to_string(int radix = 2) const { return get().to_string(radix, false); }
    bool and_reduce() const { return get() == (ap_uint<W>(~ap_uint<W>(0)) >> (W - length())); }
    bool or_reduce() const { return get().or_reduce(); }
    bool xor_reduce() const { return get().xor_reduce(); }
    ap_uint<W> operator~() const { return ~get(); }
    bool operator!() const { return get().iszero(); }

#define VERILOOP_AP_RANGE_COMPOUND(OP)                                       \
    template <class T, ap_detail::EnableIf<ap_detail::kIsIntOperand<T>> = 0> \
    ap_range_ref& operator OP##=(const T& rhs) {                             \
        set(ap_int_base<W, false>(get() OP rhs));                            \
        return *this;                                                        \
    }
    VERILOOP_AP_RANGE_COMPOUND(+)
    VERILOOP_AP_RANGE_COMPOUND(-)
    VERILOOP_AP_RANGE_COMPOUND(*)
    VERILOOP_AP_RANGE_COMPOUND(/)
    VERILOOP_AP_RANGE_COMPOUND(%)
    VERILOOP_AP_RANGE_COMPOUND(&)
    VERILOOP_AP_RANGE_COMPOUND(|)
    VERILOOP_AP_RANGE_COMPOUND(^)
    VERILOOP_AP_RANGE_COMPOUND(<<)
    VERILOOP_AP_RANGE_COMPOUND(>>)
#undef VERILOOP_AP_RANGE_COMPOUND

private:
    int low() const { return hi_ >= lo_ ? lo_ : hi_; }
    static void keepLow(ap_detail::Limb* v, int bits) {
        constexpr int n = ap_int_base<W, S>::kLimbs;
        for (int i = 0; i < n; ++i) {
            const int below = bits - 64 * i;
            if (below <= 0)
                v[i] = 0;
            else if (below < 64)
                v[i] &= (ap_detail::Limb{1} << below) - 1;
        }
    }
    static void reverseLow(ap_detail::Limb* v, int bits) {
        for (int i = 0, j = bits - 1; i < j; ++i, --j) {
            const bool a = ap_detail::bitAt(v, ap_int_base<W, S>::kLimbs, i);
            const bool b = ap_detail::bitAt(v, ap_int_base<W, S>::kLimbs, j);
            ap_detail::setBitAt(v, i, b);
            ap_detail::setBitAt(v, j, a);
        }
    }

    ap_int_base<W, S>* target_;
    int hi_;
    int lo_;
};

/// One bit of an ap integer, readable as bool and assignable. Assigning a multi-bit value
/// sets the bit when the value is nonzero.
template <int W, bool S>
class ap_bit_ref {
public:
    static constexpr int kMaxWidth = 1;

    ap_bit_ref(ap_int_base<W, S>* target, int index) : target_(target), index_(index) {
        target->checkIndex(index, "ap_int bit select");
    }
    ap_bit_ref(const ap_bit_ref&) = default;

    static constexpr int length() { return 1; }
    bool get() const { return ap_detail::bitAt(target_->limbs, ap_int_base<W, S>::kLimbs, index_); }
    void set(bool value) { target_->set_bit(index_, value); }

    operator bool() const { return get(); }
    bool to_bool() const { return get(); }
    int to_int() const { return get() ? 1 : 0; }
    std::string to_string() const { return get() ? "1" : "0"; }
    /// Bitwise NOT of one bit (a bool, not the integer ~1).
    bool operator~() const { return !get(); }

    template <class T, ap_detail::EnableIf<ap_detail::kIsIntOperand<T>> = 0>
    ap_bit_ref& operator&=(const T& value) {
        set(get() && !ap_detail::toAp(value).iszero());
        return *this;
    }
    template <class T, ap_detail::EnableIf<ap_detail::kIsIntOperand<T>> = 0>
    ap_bit_ref& operator|=(const T& value) {
        set(get() || !ap_detail::toAp(value).iszero());
        return *this;
    }
    template <class T, ap_detail::EnableIf<ap_detail::kIsIntOperand<T>> = 0>
    ap_bit_ref& operator^=(const T& value) {
        set(get() != !ap_detail::toAp(value).iszero());
        return *this;
    }

    ap_bit_ref& operator=(const ap_bit_ref& other) {
        set(other.get());
        return *this;
    }
    template <class T, ap_detail::EnableIf<ap_detail::kIsIntOperand<T>> = 0>
    ap_bit_ref& operator=(const T& value) {
        set(!ap_detail::toAp(value).iszero());
        return *this;
    }

private:
    ap_int_base<W, S>* target_;
    int index_;
};

namespace ap_detail {

/// A concatenation operand that is a named ap integer: readable and assignable.
template <int W, bool S>
class LvaluePart {
public:
    static constexpr int kMaxWidth = W;
    explicit LvaluePart(ap_int_base<W, S>& target) : target_(&target) {}
    static constexpr int length() { return W; }
    ap_uint<W> get() const { return ap_uint<W>(*target_); }
    void set(const ap_int_base<W, false>& value) { *target_ = ap_int_base<W, S>(value); }

private:
    ap_int_base<W, S>* target_;
};

/// A concatenation operand that is a temporary or const: readable only.
template <int W, bool S>
class ValuePart {
public:
    static constexpr int kMaxWidth = W;
    explicit ValuePart(const ap_int_base<W, S>& value) : value_(value) {}
    static constexpr int length() { return W; }
    ap_uint<W> get() const { return ap_uint<W>(value_); }
    template <class T>
    void set(const T&) {
        static_assert(kDependentFalse<T>,
                      "cannot assign to a concatenation that contains a temporary or const");
    }

private:
    ap_int_base<W, S> value_;
};

}  // namespace ap_detail

/// The concatenation (hi, lo): hi's bits above lo's. Reading gives an ap_uint whose width is
/// the sum of the operands' widths (a range operand counts its full parent width, but only
/// its selected bits are placed); assigning splits the value, low bits to lo.
template <class Hi, class Lo>
class ap_concat_ref {
public:
    static constexpr int kMaxWidth = Hi::kMaxWidth + Lo::kMaxWidth;

    ap_concat_ref(Hi hi, Lo lo) : hi_(hi), lo_(lo) {}
    ap_concat_ref(const ap_concat_ref&) = default;

    int length() const { return hi_.length() + lo_.length(); }

    ap_uint<kMaxWidth> get() const {
        ap_uint<kMaxWidth> hi{ap_uint<Hi::kMaxWidth>(hi_.get())};
        hi <<= lo_.length();
        return ap_uint<kMaxWidth>(hi | ap_uint<kMaxWidth>(ap_uint<Lo::kMaxWidth>(lo_.get())));
    }
    void set(const ap_int_base<kMaxWidth, false>& value) {
        lo_.set(ap_uint<Lo::kMaxWidth>(value));
        hi_.set(ap_uint<Hi::kMaxWidth>(value >> lo_.length()));
    }

    ap_concat_ref& operator=(const ap_concat_ref& other) {
        set(other.get());
        return *this;
    }
    template <class T, ap_detail::EnableIf<ap_detail::kIsIntOperand<T>> = 0>
    ap_concat_ref& operator=(const T& value) {
        set(ap_int_base<kMaxWidth, false>(value));
        return *this;
    }

    operator unsigned long long() const { return get().to_uint64(); }
    int to_int() const { return get().to_int(); }
    unsigned to_uint() const { return get().to_uint(); }
    long long to_int64() const { return get().to_int64(); }
    unsigned long long to_uint64() const { return get().to_uint64(); }
    std::string to_string(int radix = 2) const { return get().to_string(radix, false); }
    ap_uint<kMaxWidth> operator~() const { return ~get(); }

private:
    Hi hi_;
    Lo lo_;
};

namespace ap_detail {

// ---- operand normalization ---------------------------------------------------------------------

template <int W, bool S>
constexpr const ap_int_base<W, S>& toAp(const ap_int_base<W, S>& x) {
    return x;
}
template <class T, EnableIf<std::is_integral_v<T>>>
constexpr ap_int_base<builtinWidth<T>(), builtinSigned<T>()> toAp(T x) {
    return ap_int_base<builtinWidth<T>(), builtinSigned<T>()>(x);
}
template <int W, bool S>
ap_int_base<W, false> toAp(const ap_range_ref<W, S>& r) {
    return r.get();
}
template <int W, bool S>
ap_int_base<1, false> toAp(const ap_bit_ref<W, S>& r) {
    return ap_int_base<1, false>(r.get());
}
template <class Hi, class Lo>
ap_int_base<ap_concat_ref<Hi, Lo>::kMaxWidth, false> toAp(const ap_concat_ref<Hi, Lo>& c) {
    return c.get();
}

/// A shift amount as a 64-bit count (huge unsigned amounts saturate).
template <class T, EnableIf<kIsIntOperand<T>> = 0>
long long shiftAmount(const T& amount) {
    const auto& a = toAp(amount);
    using A = ap_detail::RemoveCvRef<decltype(a)>;
    if constexpr (A::width <= 63 || (A::width == 64 && A::sign_flag)) {
        return a.to_int64();
    } else {
        if (a.isNeg()) {
            const ap_int_base<64, true> clipped(a);
            return ap_int_base<A::width, true>(clipped) == a ? clipped.to_int64() : -(1LL << 40);
        }
        return ap_detail::bitLength(a.limbs, A::kLimbs) <= 40 ? a.to_int64() : (1LL << 40);
    }
}

// ---- operator kernels ------------------------------------------------------------------------

template <RingOp Op, int RW, bool RS, int W1, bool S1, int W2, bool S2>
IntT<RW, RS> ringOp(const ap_int_base<W1, S1>& a, const ap_int_base<W2, S2>& b) {
    static_assert(RW >= W1 && RW >= W2, "ring operations never narrow their operands");
    constexpr int n = limbCount(RW);
    IntT<RW, RS> r;
    if constexpr (n == 1) {
        const Limb x = a.limbs[0];
        const Limb y = b.limbs[0];
        if constexpr (Op == RingOp::Add) r.limbs[0] = x + y;
        if constexpr (Op == RingOp::Sub) r.limbs[0] = x - y;
        if constexpr (Op == RingOp::Mul) r.limbs[0] = x * y;
        if constexpr (Op == RingOp::And) r.limbs[0] = x & y;
        if constexpr (Op == RingOp::Or) r.limbs[0] = x | y;
        if constexpr (Op == RingOp::Xor) r.limbs[0] = x ^ y;
    } else {
        Limb x[n];
        Limb y[n];
        copyExtend(x, n, a.limbs, a.kLimbs, a.isNeg());
        copyExtend(y, n, b.limbs, b.kLimbs, b.isNeg());
        if constexpr (Op == RingOp::Add) addN(r.limbs, x, y, n);
        if constexpr (Op == RingOp::Sub) subN(r.limbs, x, y, n);
        if constexpr (Op == RingOp::Mul) mulN(r.limbs, x, y, n);
        for (int i = 0; i < n; ++i) {
            if constexpr (Op == RingOp::And) r.limbs[i] = x[i] & y[i];
            if constexpr (Op == RingOp::Or) r.limbs[i] = x[i] | y[i];
            if constexpr (Op == RingOp::Xor) r.limbs[i] = x[i] ^ y[i];
        }
    }
    normalizeTop(r.limbs, n, RW, RS);
    return r;
}

/// Truncating division (quotient rounds toward zero, remainder has the dividend's sign).
template <bool Quotient, int RW, bool RS, int W1, bool S1, int W2, bool S2>
IntT<RW, RS> divOp(const ap_int_base<W1, S1>& a, const ap_int_base<W2, S2>& b) {
    if (b.iszero()) fatal("ap_int division by zero");
    IntT<RW, RS> r;
    if constexpr (!S1 && !S2 && W1 <= 64 && W2 <= 64) {
        r.limbs[0] = Quotient ? a.limbs[0] / b.limbs[0] : a.limbs[0] % b.limbs[0];
    } else if constexpr (W1 <= 63 && W2 <= 63) {
        const long long x = static_cast<long long>(a.limbs[0]);
        const long long y = static_cast<long long>(b.limbs[0]);
        const long long z = Quotient ? x / y : x % y;
        const Limb raw[1] = {static_cast<Limb>(z)};
        copyExtend(r.limbs, r.kLimbs, raw, 1, z < 0);
    } else {
        constexpr int n = limbCount(maxOf(W1, W2) + 1);
        Limb x[n];
        Limb y[n];
        Limb q[n];
        Limb m[n];
        const bool negA = a.isNeg();
        const bool negB = b.isNeg();
        copyExtend(x, n, a.limbs, a.kLimbs, negA);
        copyExtend(y, n, b.limbs, b.kLimbs, negB);
        if (negA) negN(x, n);
        if (negB) negN(y, n);
        divModUnsigned(q, m, x, y, n);
        if (negA != negB) negN(q, n);
        if (negA) negN(m, n);
        const Limb* result = Quotient ? q : m;
        copyExtend(r.limbs, r.kLimbs, result, n, topBit(result, n));
    }
    normalizeTop(r.limbs, r.kLimbs, RW, RS);
    return r;
}

template <int W1, bool S1, int W2, bool S2>
int compareInts(const ap_int_base<W1, S1>& a, const ap_int_base<W2, S2>& b) {
    if constexpr (W1 <= 64 && W2 <= 64 && !S1 && !S2) {
        return a.limbs[0] < b.limbs[0] ? -1 : a.limbs[0] > b.limbs[0] ? 1 : 0;
    } else if constexpr (W1 <= 64 && W2 <= 64 && (S1 || W1 < 64) && (S2 || W2 < 64)) {
        const long long x = static_cast<long long>(a.limbs[0]);
        const long long y = static_cast<long long>(b.limbs[0]);
        return x < y ? -1 : x > y ? 1 : 0;
    } else {
        constexpr int n = limbCount(maxOf(W1, W2) + 1);
        Limb x[n];
        Limb y[n];
        copyExtend(x, n, a.limbs, a.kLimbs, a.isNeg());
        copyExtend(y, n, b.limbs, b.kLimbs, b.isNeg());
        return cmpSigned(x, y, n);
    }
}

template <int W1, bool S1, int W2, bool S2>
auto add(const ap_int_base<W1, S1>& a, const ap_int_base<W2, S2>& b) {
    using R = IntRules<W1, S1, W2, S2>;
    return ringOp<RingOp::Add, R::kPlusW, R::kPlusS>(a, b);
}
template <int W1, bool S1, int W2, bool S2>
auto sub(const ap_int_base<W1, S1>& a, const ap_int_base<W2, S2>& b) {
    using R = IntRules<W1, S1, W2, S2>;
    return ringOp<RingOp::Sub, R::kMinusW, R::kMinusS>(a, b);
}
template <int W1, bool S1, int W2, bool S2>
auto mul(const ap_int_base<W1, S1>& a, const ap_int_base<W2, S2>& b) {
    using R = IntRules<W1, S1, W2, S2>;
    return ringOp<RingOp::Mul, R::kMultW, R::kMultS>(a, b);
}
template <int W1, bool S1, int W2, bool S2>
auto div(const ap_int_base<W1, S1>& a, const ap_int_base<W2, S2>& b) {
    using R = IntRules<W1, S1, W2, S2>;
    return divOp<true, R::kDivW, R::kDivS>(a, b);
}
template <int W1, bool S1, int W2, bool S2>
auto mod(const ap_int_base<W1, S1>& a, const ap_int_base<W2, S2>& b) {
    using R = IntRules<W1, S1, W2, S2>;
    return divOp<false, R::kModW, R::kModS>(a, b);
}
template <int W1, bool S1, int W2, bool S2>
auto bitAnd(const ap_int_base<W1, S1>& a, const ap_int_base<W2, S2>& b) {
    using R = IntRules<W1, S1, W2, S2>;
    return ringOp<RingOp::And, R::kLogicW, R::kLogicS>(a, b);
}
template <int W1, bool S1, int W2, bool S2>
auto bitOr(const ap_int_base<W1, S1>& a, const ap_int_base<W2, S2>& b) {
    using R = IntRules<W1, S1, W2, S2>;
    return ringOp<RingOp::Or, R::kLogicW, R::kLogicS>(a, b);
}
template <int W1, bool S1, int W2, bool S2>
auto bitXor(const ap_int_base<W1, S1>& a, const ap_int_base<W2, S2>& b) {
    using R = IntRules<W1, S1, W2, S2>;
    return ringOp<RingOp::Xor, R::kLogicW, R::kLogicS>(a, b);
}

// ---- concatenation operands --------------------------------------------------------------------

template <int W, bool S>
LvaluePart<W, S> makePart(ap_int_base<W, S>& x) {
    return LvaluePart<W, S>(x);
}
template <int W, bool S>
ValuePart<W, S> makePart(const ap_int_base<W, S>& x) {
    return ValuePart<W, S>(x);
}
template <int W, bool S>
ap_range_ref<W, S> makePart(const ap_range_ref<W, S>& r) {
    return r;
}
template <int W, bool S>
ap_bit_ref<W, S> makePart(const ap_bit_ref<W, S>& r) {
    return r;
}
template <class Hi, class Lo>
ap_concat_ref<Hi, Lo> makePart(const ap_concat_ref<Hi, Lo>& c) {
    return c;
}
template <int W, int I, bool S, ap_q_mode Q, ap_o_mode O, int N>
LvaluePart<W, S> makePart(ap_fixed_base<W, I, S, Q, O, N>& f) {
    return LvaluePart<W, S>(f.V);
}
template <int W, int I, bool S, ap_q_mode Q, ap_o_mode O, int N>
ValuePart<W, S> makePart(const ap_fixed_base<W, I, S, Q, O, N>& f) {
    return ValuePart<W, S>(f.V);
}

template <class T>
inline constexpr bool kIsConcatOperand =
    kIsApIntLike<RemoveCvRef<T>> || kIsApFixedClass<RemoveCvRef<T>>;

}  // namespace ap_detail

// ---- free operators on ap integers -----------------------------------------------------------

#define VERILOOP_AP_INT_BINARY(OP, KERNEL)                                              \
    template <class A, class B, ap_detail::EnableIf<ap_detail::kIsIntOpPair<A, B>> = 0> \
    inline auto operator OP(const A& a, const B& b) {                                   \
        return ap_detail::KERNEL(ap_detail::toAp(a), ap_detail::toAp(b));               \
    }
VERILOOP_AP_INT_BINARY(+, add)
VERILOOP_AP_INT_BINARY(-, sub)
VERILOOP_AP_INT_BINARY(*, mul)
VERILOOP_AP_INT_BINARY(/, div)
VERILOOP_AP_INT_BINARY(%, mod)
VERILOOP_AP_INT_BINARY(&, bitAnd)
VERILOOP_AP_INT_BINARY(|, bitOr)
VERILOOP_AP_INT_BINARY(^, bitXor)
#undef VERILOOP_AP_INT_BINARY

#define VERILOOP_AP_INT_COMPARE(OP)                                                     \
    template <class A, class B, ap_detail::EnableIf<ap_detail::kIsIntOpPair<A, B>> = 0> \
    inline bool operator OP(const A& a, const B& b) {                                   \
        return ap_detail::compareInts(ap_detail::toAp(a), ap_detail::toAp(b)) OP 0;     \
    }
VERILOOP_AP_INT_COMPARE(==)
VERILOOP_AP_INT_COMPARE(!=)
VERILOOP_AP_INT_COMPARE(<)
VERILOOP_AP_INT_COMPARE(<=)
VERILOOP_AP_INT_COMPARE(>)
VERILOOP_AP_INT_COMPARE(>=)
#undef VERILOOP_AP_INT_COMPARE

/// a << n keeps a's width; bits shifted out are lost.
template <class A, class B,
          ap_detail::EnableIf<ap_detail::kIsApIntLike<A> && ap_detail::kIsIntOperand<B>> = 0>
inline auto operator<<(const A& a, const B& n) {
    return ap_detail::toAp(a).shiftLeft(ap_detail::shiftAmount(n));
}
/// a >> n keeps a's width; arithmetic (sign-filling) for signed a.
template <class A, class B,
          ap_detail::EnableIf<ap_detail::kIsApIntLike<A> && ap_detail::kIsIntOperand<B>> = 0>
inline auto operator>>(const A& a, const B& n) {
    return ap_detail::toAp(a).shiftRight(ap_detail::shiftAmount(n));
}

/// (a, b): concatenation, a's bits above b's; assignable when every operand is an lvalue.
template <class A, class B,
          ap_detail::EnableIf<ap_detail::kIsConcatOperand<A> && ap_detail::kIsConcatOperand<B>> = 0>
inline auto operator,(A&& a, B&& b) {
    auto hi = ap_detail::makePart(std::forward<A>(a));
    auto lo = ap_detail::makePart(std::forward<B>(b));
    return ap_concat_ref<decltype(hi), decltype(lo)>(hi, lo);
}

// ---- streams ---------------------------------------------------------------------------------

/// Prints the value in decimal, or in hex / octal (the bit pattern, no prefix unless
/// std::showbase) when the stream is set to std::hex / std::oct.
template <int W, bool S>
std::ostream& operator<<(std::ostream& os, const ap_int_base<W, S>& x) {
    const std::ios_base::fmtflags f = os.flags();
    const int radix = (f & std::ios_base::hex) ? 16 : (f & std::ios_base::oct) ? 8 : 10;
    const bool upper = (f & std::ios_base::uppercase) != 0;
    std::string text =
        x.toText(radix, radix == 10, radix != 10 && (f & std::ios_base::showbase), upper);
    if (radix == 16 && (f & std::ios_base::showbase) && upper) text[1] = 'X';
    if (radix == 8 && (f & std::ios_base::showbase)) text.erase(1, 1);  // C++ spells it 0...
    if (radix == 10 && (f & std::ios_base::showpos) && !x.isNeg()) text = "+" + text;
    return os << text;
}
template <int W, bool S>
std::ostream& operator<<(std::ostream& os, const ap_range_ref<W, S>& r) {
    return os << r.get();
}
template <int W, bool S>
std::ostream& operator<<(std::ostream& os, const ap_bit_ref<W, S>& r) {
    return os << (r.get() ? '1' : '0');
}
template <class Hi, class Lo>
std::ostream& operator<<(std::ostream& os, const ap_concat_ref<Hi, Lo>& c) {
    return os << c.get();
}

/// Reads one whitespace-separated number (decimal, or 0x / 0b / 0o prefixed).
template <int W, bool S>
std::istream& operator>>(std::istream& is, ap_int_base<W, S>& x) {
    std::string text;
    if (is >> text) x = ap_int_base<W, S>(text.c_str());
    return is;
}
