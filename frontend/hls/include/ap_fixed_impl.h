// veriloop's ap_fixed<W, I, Q, O, N> / ap_ufixed<W, I, Q, O, N>: fixed-point values for HLS
// C simulation.
//
// A value is the W-bit integer V (ap_int_base<W, S>) scaled by 2^-(W-I): I bits above the
// binary point (sign included for ap_fixed), F = W - I below it; I may be negative or larger
// than W. Semantics follow the documented Vitis HLS rules (original implementation):
//  - every conversion into a fixed type (from double, float, integers, strings or another
//    fixed type) first quantizes the bits below the LSB with Q, then handles a value outside
//    the range with O; the default AP_TRN / AP_WRAP floors and keeps the low bits;
//  - + - * / & | ^ compute exactly in a type wide enough to hold the result (see FixRules),
//    whose modes are AP_TRN / AP_WRAP; integers take part as ap_fixed<w, w> of their own
//    width, and a float or double operand is first converted to the other operand's type;
//  - / truncates its quotient toward zero and keeps the dividend's fraction bits;
//  - comparisons are exact (against floating point: the value as a double);
//  - << and >> shift the raw bits and keep the type.
// Why the conversion is correct: scaleConvert works on an integer wide enough to hold the
// source exactly, extracts the bits that fall below the target LSB as (half, sticky), which
// is all any rounding mode needs, and decides overflow by converting back and comparing.
#pragma once

#include "ap_int_impl.h"

template <int W, int I, ap_q_mode Q = AP_TRN, ap_o_mode O = AP_WRAP, int N = 0>
class ap_fixed;
template <int W, int I, ap_q_mode Q = AP_TRN, ap_o_mode O = AP_WRAP, int N = 0>
class ap_ufixed;

namespace ap_detail {

/// Operands of fixed-point operators: fixed values, ap integers, built-in integers and
/// floating point; a pair qualifies when at least one side is fixed-point.
template <class T>
inline constexpr bool kIsFixOperand =
    kIsApFixedClass<T> || kIsIntOperand<T> || std::is_floating_point_v<T>;
template <class A, class B>
inline constexpr bool kIsFixOpPair = (kIsFixOperand<A> && kIsFixOperand<B>) &&
    (kIsApFixedClass<A> || kIsApFixedClass<B>);

/// The named result type of a fixed-point operation (default modes).
template <int W, int I, bool S>
using FixT = std::conditional_t<S, ap_fixed<W, I>, ap_ufixed<W, I>>;

/// Width rules of fixed-point operators: F = W - I fraction bits; an unsigned operand mixed
/// with a signed one counts one integer bit more.
template <int W1, int I1, bool S1, int W2, int I2, bool S2>
struct FixRules {
    static constexpr int kF1 = W1 - I1;
    static constexpr int kF2 = W2 - I2;
    static constexpr int kMaxF = maxOf(kF1, kF2);
    static constexpr int kLogicI = maxOf(I1 + (S2 && !S1 ? 1 : 0), I2 + (S1 && !S2 ? 1 : 0));
    static constexpr int kLogicW = kLogicI + kMaxF;
    static constexpr bool kLogicS = S1 || S2;
    static constexpr int kPlusI = kLogicI + 1;
    static constexpr int kPlusW = kPlusI + kMaxF;
    static constexpr bool kPlusS = S1 || S2;
    static constexpr bool kMinusS = true;
    static constexpr int kMultW = W1 + W2;
    static constexpr int kMultI = I1 + I2;
    static constexpr bool kMultS = S1 || S2;
    static constexpr int kDivShift = maxOf(kF2, 0);
    static constexpr int kDivW = W1 + kDivShift + (S2 ? 1 : 0);
    static constexpr int kDivI = I1 + kF2 + (S2 ? 1 : 0);
    static constexpr bool kDivS = S1 || S2;
    static constexpr int kCmpW = maxOf(I1, I2) + kMaxF + 2;
};

template <int W, bool S>
ap_int_base<W, S> maxRaw() {
    ap_int_base<W, S> r;
    for (auto& l : r.limbs) l = ~Limb{0};
    normalizeTop(r.limbs, r.kLimbs, W, false);
    if constexpr (S) setBitAt(r.limbs, W - 1, false);
    return r;
}

template <int W, bool S>
ap_int_base<W, S> minRaw() {
    ap_int_base<W, S> r;
    if constexpr (S) {
        setBitAt(r.limbs, W - 1, true);
        normalizeTop(r.limbs, r.kLimbs, W, true);
    }
    return r;
}

/// Whether quantization adds one LSB to the floored value. negative: sign of the exact
/// value; half: the first dropped bit; sticky: any later dropped bit; lsb: the kept LSB.
template <ap_q_mode Q>
constexpr bool roundsUp(bool negative, bool half, bool sticky, bool lsb) {
    switch (Q) {
    case AP_TRN:
        return false;
    case AP_TRN_ZERO:
        return negative && (half || sticky);
    case AP_RND:
        return half;
    case AP_RND_ZERO:
        return half && (sticky || negative);
    case AP_RND_MIN_INF:
        return half && sticky;
    case AP_RND_INF:
        return half && (sticky || !negative);
    case AP_RND_CONV:
        return half && (sticky || lsb);
    }
    return false;
}

/// Whether the signed KW-bit integer work is representable as ap_int_base<W, S>.
template <int W, bool S, int KW>
bool fitsIn(const ap_int_base<KW, true>& work) {
    const ap_int_base<W, S> narrowed(work);
    const ap_int_base<KW, true> back(narrowed);
    return compareInts(back, work) == 0 && (S || !work.isNeg());
}

/// The raw W-bit value of src * 2^shift in a fixed type with modes Q and O. forceOverflow
/// marks a source already known to be out of any range (a huge string literal, infinity).
template <int W, bool S, ap_q_mode Q, ap_o_mode O, int N, int W2, bool S2>
ap_int_base<W, S> scaleConvert(const ap_int_base<W2, S2>& src, long long shift,
                               bool forceOverflow = false) {
    static_assert(O != AP_WRAP_SM,
                  "unsupported: ap_fixed overflow mode AP_WRAP_SM (sign-magnitude wrap) is not "
                  "implemented by veriloop's headers; use a vendor include path");
    static_assert(O != AP_WRAP || N == 0,
                  "unsupported: AP_WRAP with N > 0 saturated bits is not implemented by "
                  "veriloop's headers; use a vendor include path");
    ap_int_base<W, S> low;
    bool fits = true;
    bool negative = src.isNeg();
    if (shift >= 0) {
        if (src.iszero()) {
            fits = true;
        } else if (shift > W + 1) {
            fits = false;  // |value| >= 2^(W+2): out of range; its low W bits are zero
        } else {
            constexpr int KW = W2 + W + 3;
            const ap_int_base<KW, true> work = ap_int_base<KW, true>(src).shiftLeft(shift);
            low = ap_int_base<W, S>(work);
            fits = fitsIn<W, S>(work);
        }
    } else {
        const long long drop = -shift;
        constexpr int KW = W2 + 2;
        ap_int_base<KW, true> work(src);
        const bool half = bitAt(work.limbs, work.kLimbs, drop - 1);
        const bool sticky = anyLowBits(work.limbs, work.kLimbs, drop - 1);
        work = work.shiftRight(drop);
        if (roundsUp<Q>(negative, half, sticky, bitAt(work.limbs, work.kLimbs, 0))) ++work;
        negative = work.isNeg();
        low = ap_int_base<W, S>(work);
        fits = fitsIn<W, S>(work);
    }
    if (forceOverflow) fits = false;
    if (fits) {
        if constexpr (O == AP_SAT_SYM && S) {
            if (compareInts(low, minRaw<W, S>()) == 0) ++low;  // -2^(W-1) is outside [-max, max]
        }
        return low;
    }
    if constexpr (O == AP_WRAP) return low;
    if constexpr (O == AP_SAT) return negative ? minRaw<W, S>() : maxRaw<W, S>();
    if constexpr (O == AP_SAT_ZERO) return ap_int_base<W, S>();
    if constexpr (O == AP_SAT_SYM) {
        if (!negative) return maxRaw<W, S>();
        ap_int_base<W, S> r = minRaw<W, S>();
        if constexpr (S) ++r;
        return r;
    }
    return low;
}

}  // namespace ap_detail

/// The fixed-point value V * 2^-(W-I); ap_fixed / ap_ufixed are the names kernels use.
template <int W, int I, bool S, ap_q_mode Q = AP_TRN, ap_o_mode O = AP_WRAP, int N = 0>
class ap_fixed_base {
    static_assert(W >= 1, "ap_fixed width must be at least 1");

public:
    static constexpr int width = W;
    static constexpr int iwidth = I;
    static constexpr bool sign_flag = S;
    static constexpr ap_q_mode qmode = Q;
    static constexpr ap_o_mode omode = O;
    static constexpr int kFrac = W - I;

    /// The raw bits.
    ap_int_base<W, S> V;

    // ---- construction (each applies this type's quantization and overflow modes) ----------
    constexpr ap_fixed_base() = default;
    constexpr ap_fixed_base(const ap_fixed_base&) = default;
    constexpr ap_fixed_base& operator=(const ap_fixed_base&) = default;

    template <int W2, int I2, bool S2, ap_q_mode Q2, ap_o_mode O2, int N2>
    ap_fixed_base(const ap_fixed_base<W2, I2, S2, Q2, O2, N2>& other) {
        constexpr int kF2 = W2 - I2;
        if constexpr (O == AP_WRAP && N == 0 && kF2 <= kFrac) {
            V = ap_int_base<W, S>(other.V).shiftLeft(kFrac - kF2);  // exact bits, then wrap
        } else if constexpr (O == AP_WRAP && N == 0 && Q == AP_TRN) {
            V = ap_int_base<W, S>(other.V.shiftRight(kF2 - kFrac));  // floor, then wrap
        } else {
            V = ap_detail::scaleConvert<W, S, Q, O, N>(other.V, kFrac - kF2);
        }
    }
    template <int W2, bool S2>
    ap_fixed_base(const ap_int_base<W2, S2>& value)
        : V(ap_detail::scaleConvert<W, S, Q, O, N>(value, kFrac)) {}
    template <class P, ap_detail::EnableIf<ap_detail::kIsBitsProxy<P>> = 0>
    ap_fixed_base(const P& proxy) : ap_fixed_base(ap_detail::toAp(proxy)) {}
    template <class T, ap_detail::EnableIf<std::is_integral_v<T>> = 0>
    ap_fixed_base(T value) : ap_fixed_base(ap_detail::toAp(value)) {}
    template <class T, ap_detail::EnableIf<std::is_enum_v<T>> = 0>
    ap_fixed_base(T value) : ap_fixed_base(static_cast<std::underlying_type_t<T>>(value)) {}
    ap_fixed_base(double value) { assignDouble(value); }
    ap_fixed_base(float value) { assignDouble(value); }
    ap_fixed_base(long double value) { assignDouble(static_cast<double>(value)); }
    /// From a string: "1.375", "-0.5", "0x1.8", "0b10.01", "1e-3" (exponents go through
    /// double); digits are converted exactly, then quantized.
    ap_fixed_base(const char* text) { assignString(text, 0); }
    ap_fixed_base(const char* text, signed char radix) { assignString(text, radix); }
    ap_fixed_base(const std::string& text, signed char radix = 0) {
        assignString(text.c_str(), radix);
    }

    /// A value with the given raw bits (no scaling).
    static ap_fixed_base fromRaw(const ap_int_base<W, S>& raw) {
        ap_fixed_base r;
        r.V = raw;
        return r;
    }

    // ---- queries and conversions ---------------------------------------------------------
    bool isNeg() const { return V.isNeg(); }
    bool is_neg() const { return V.isNeg(); }
    bool iszero() const { return V.iszero(); }
    bool is_zero() const { return V.iszero(); }
    static constexpr int length() { return W; }

    double to_double() const { return toFloating<double>(); }
    float to_float() const { return toFloating<float>(); }
    long double to_ldouble() const { return to_double(); }
    /// Implicit conversion to double (as with the vendor types).
    operator double() const { return to_double(); }

    /// The integer part, truncated toward zero (as a C cast truncates).
    ap_int_base<ap_detail::maxOf(I, 1), S> to_ap_int_base() const {
        constexpr int kIW = ap_detail::maxOf(I, 1);
        if constexpr (kFrac <= 0) {
            return ap_int_base<kIW, S>(ap_int_base<kIW, S>(V).shiftLeft(-kFrac));
        } else {
            ap_int_base<W, S> q = V.shiftRight(kFrac);
            if (V.isNeg() && ap_detail::anyLowBits(V.limbs, V.kLimbs, kFrac)) ++q;
            return ap_int_base<kIW, S>(q);
        }
    }
    int to_int() const { return to_ap_int_base().to_int(); }
    unsigned to_uint() const { return to_ap_int_base().to_uint(); }
    long to_long() const { return to_ap_int_base().to_long(); }
    unsigned long to_ulong() const { return to_ap_int_base().to_ulong(); }
    long long to_int64() const { return to_ap_int_base().to_int64(); }
    unsigned long long to_uint64() const { return to_ap_int_base().to_uint64(); }
    bool to_bool() const { return !iszero(); }

    /// Exact text of the value: integer digits, then '.' and the fraction digits when the
    /// fraction is nonzero. Radix 2, 8 and 16 carry a 0b / 0o / 0x prefix. With sign, a
    /// negative value is '-' and its magnitude; without, the W-bit pattern read unsigned.
    std::string to_string(int radix = 10, bool sign = S) const {
        if (radix != 2 && radix != 8 && radix != 10 && radix != 16)
            ap_detail::fatal("ap_fixed to_string: radix must be 2, 8, 10 or 16");
        const bool negative = sign && V.isNeg();
        const ap_uint<W + 1> mag = negative ? ap_uint<W + 1>(-V) : ap_uint<W + 1>(ap_uint<W>(V));
        std::string out = negative ? "-" : "";
        if (radix != 10) out += radix == 16 ? "0x" : radix == 8 ? "0o" : "0b";
        if constexpr (kFrac <= 0) {
            const ap_uint<W + 1 - kFrac> whole = ap_uint<W + 1 - kFrac>(mag) << -kFrac;
            return out + whole.toText(radix, false, false, true);
        } else {
            out += ap_uint<W + 1>(mag >> kFrac).toText(radix, false, false, true);
            constexpr int kFW = kFrac + 5;
            ap_uint<kFW> frac{ap_uint<kFrac>(mag)};
            if (frac.iszero()) return out;
            out += '.';
            while (!frac.iszero()) {
                frac *= radix;
                out += "0123456789ABCDEF"[(frac >> kFrac).to_int()];
                frac = ap_uint<kFW>(ap_uint<kFrac>(frac));
            }
            return out;
        }
    }

    // ---- bit access (raw bits; bit 0 is the LSB of the fraction) ---------------------------
    ap_bit_ref<W, S> operator[](int index) const { return V[index]; }
    template <class T,
              ap_detail::EnableIf<ap_detail::kIsIntOperand<T> && !std::is_same_v<T, int>> = 0>
    ap_bit_ref<W, S> operator[](const T& index) const {
        return V[index];
    }
    ap_bit_ref<W, S> bit(int index) const { return V[index]; }
    bool get_bit(int index) const { return V.get_bit(index); }
    void set_bit(int index, bool value) { V.set_bit(index, value); }
    ap_range_ref<W, S> range(int hi, int lo) const { return V.range(hi, lo); }
    ap_range_ref<W, S> range() const { return V.range(); }
    ap_range_ref<W, S> operator()(int hi, int lo) const { return V.range(hi, lo); }
    template <class A, class B,
              ap_detail::EnableIf<ap_detail::kIsIntOperand<A> && ap_detail::kIsIntOperand<B> &&
                                  (!std::is_same_v<A, int> || !std::is_same_v<B, int>)> = 0>
    ap_range_ref<W, S> range(const A& hi, const B& lo) const {
        return V.range(hi, lo);
    }
    bool and_reduce() const { return V.and_reduce(); }
    bool or_reduce() const { return V.or_reduce(); }
    bool xor_reduce() const { return V.xor_reduce(); }
    int countLeadingZeros() const { return V.countLeadingZeros(); }

    // ---- unary operators, shifts, increments ---------------------------------------------------
    ap_detail::FixT<W + 1, I + 1, true> operator-() const {
        ap_detail::FixT<W + 1, I + 1, true> r;
        r.V = -V;
        return r;
    }
    ap_fixed_base operator+() const { return *this; }
    ap_fixed_base operator~() const { return fromRaw(~V); }
    bool operator!() const { return iszero(); }

    template <class T, ap_detail::EnableIf<ap_detail::kIsIntOperand<T>> = 0>
    ap_fixed_base operator<<(const T& n) const {
        return fromRaw(V.shiftLeft(ap_detail::shiftAmount(n)));
    }
    template <class T, ap_detail::EnableIf<ap_detail::kIsIntOperand<T>> = 0>
    ap_fixed_base operator>>(const T& n) const {
        return fromRaw(V.shiftRight(ap_detail::shiftAmount(n)));
    }

    ap_fixed_base& operator++() { return *this += 1; }
    ap_fixed_base& operator--() { return *this -= 1; }
    ap_fixed_base operator++(int) {
        const ap_fixed_base old(*this);
        *this += 1;
        return old;
    }
    ap_fixed_base operator--(int) {
        const ap_fixed_base old(*this);
        *this -= 1;
        return old;
    }

#define VERILOOP_AP_FIXED_COMPOUND(OP)                                       \
    template <class T, ap_detail::EnableIf<ap_detail::kIsFixOperand<T>> = 0> \
    ap_fixed_base& operator OP##=(const T& rhs) {                            \
        *this = ap_fixed_base(*this OP rhs);                                 \
        return *this;                                                        \
    }
    VERILOOP_AP_FIXED_COMPOUND(+)
    VERILOOP_AP_FIXED_COMPOUND(-)
    VERILOOP_AP_FIXED_COMPOUND(*)
    VERILOOP_AP_FIXED_COMPOUND(/)
    VERILOOP_AP_FIXED_COMPOUND(&)
    VERILOOP_AP_FIXED_COMPOUND(|)
    VERILOOP_AP_FIXED_COMPOUND(^)
#undef VERILOOP_AP_FIXED_COMPOUND
    template <class T, ap_detail::EnableIf<ap_detail::kIsIntOperand<T>> = 0>
    ap_fixed_base& operator<<=(const T& n) {
        V = V.shiftLeft(ap_detail::shiftAmount(n));
        return *this;
    }
    template <class T, ap_detail::EnableIf<ap_detail::kIsIntOperand<T>> = 0>
    ap_fixed_base& operator>>=(const T& n) {
        V = V.shiftRight(ap_detail::shiftAmount(n));
        return *this;
    }

private:
    template <class Float>
    Float toFloating() const {
        const bool negative = V.isNeg();
        const ap_uint<W + 1> mag = negative ? ap_uint<W + 1>(-V) : ap_uint<W + 1>(V);
        const Float m = ap_detail::magnitudeToFloat<Float>(mag.limbs, mag.kLimbs, -kFrac);
        return negative ? -m : m;
    }

    void assignDouble(double value) {
        if (std::isnan(value)) {
            V = 0;
        } else if (std::isinf(value)) {
            V = ap_detail::scaleConvert<W, S, Q, O, N>(ap_int_base<2, true>(value < 0 ? -1 : 1),
                                                       W + 2, true);
        } else {
            int exponent = 0;
            const double mantissa = std::frexp(value, &exponent);  // |mantissa| in [0.5, 1)
            const long long m53 = static_cast<long long>(std::ldexp(mantissa, 53));
            V = ap_detail::scaleConvert<W, S, Q, O, N>(ap_int_base<64, true>(m53),
                                                       exponent - 53LL + kFrac);
        }
    }

    void assignString(const char* text, int radix) {
        ap_detail::ParsedNumber p = ap_detail::parseNumber(text, radix, true);
        if (p.hasExponent) {
            assignDouble(std::strtod(text, nullptr));
            return;
        }
        constexpr int kG = ap_detail::maxOf(kFrac, 0) + 2;  // kept fraction bits, >= 2 below LSB
        constexpr int kIB = ap_detail::maxOf(I, 1) + 2;     // integer bits beyond any range
        constexpr int kCW = kIB + kG;
        ap_uint<kIB> whole;
        bool huge = false;
        for (char c : p.intDigits) {
            const ap_uint<kIB + 8> next =
                ap_uint<kIB + 8>(whole) * p.radix + ap_detail::digitValue(c);
            if (!(next >> (kIB - 1)).iszero()) huge = true;
            whole = ap_uint<kIB>(next);
        }
        ap_uint<kG> fracBits;
        for (int k = 0; k < kG; ++k)
            fracBits =
                (fracBits << 1) | ap_uint<1>(ap_detail::doubleFraction(p.fracDigits, p.radix));
        const bool sticky = !ap_detail::allZeroDigits(p.fracDigits);
        // Rounding to odd: folding the sticky bit into the LSB keeps every rounding decision
        // exact, since at least two kept bits lie below the target LSB.
        ap_uint<kCW> mag = (ap_uint<kCW>(whole) << kG) | ap_uint<kCW>(fracBits);
        if (sticky) mag[0] = 1;
        const ap_int<kCW + 1> value = p.negative ? ap_int<kCW + 1>(-mag) : ap_int<kCW + 1>(mag);
        V = ap_detail::scaleConvert<W, S, Q, O, N>(value, kFrac - kG, huge);
    }
};

/// Signed fixed point: W bits, I of them (sign included) above the binary point.
template <int W, int I, ap_q_mode Q, ap_o_mode O, int N>
class ap_fixed : public ap_fixed_base<W, I, true, Q, O, N> {
public:
    using Base = ap_fixed_base<W, I, true, Q, O, N>;
    using Base::Base;
    constexpr ap_fixed() = default;
    constexpr ap_fixed(const Base& other) : Base(other) {}
};

/// Unsigned fixed point: W bits, I of them above the binary point.
template <int W, int I, ap_q_mode Q, ap_o_mode O, int N>
class ap_ufixed : public ap_fixed_base<W, I, false, Q, O, N> {
public:
    using Base = ap_fixed_base<W, I, false, Q, O, N>;
    using Base::Base;
    constexpr ap_ufixed() = default;
    constexpr ap_ufixed(const Base& other) : Base(other) {}
};

namespace ap_detail {

// ---- fixed-point operands: fixed values, integers, and floating point beside a fixed ------

template <int W, int I, bool S, ap_q_mode Q, ap_o_mode O, int N>
const ap_fixed_base<W, I, S, Q, O, N>& toFix(const ap_fixed_base<W, I, S, Q, O, N>& x) {
    return x;
}
template <class T, EnableIf<kIsIntOperand<T>> = 0>
auto toFix(const T& x) {
    const auto& a = toAp(x);
    using A = ap_detail::RemoveCvRef<decltype(a)>;
    return ap_fixed_base<A::width, A::width, A::sign_flag>(a);
}
/// x as a fixed operand of an operation whose other operand has type Other.
template <class Other, class T>
decltype(auto) fixOperand(const T& x) {
    if constexpr (std::is_floating_point_v<T>)
        return ap_fixed_base<Other::width, Other::iwidth, Other::sign_flag>(x);
    else
        return toFix(x);
}

template <int RW, bool RS, int RF, int W, int I, bool S, ap_q_mode Q, ap_o_mode O, int N>
IntT<RW, RS> alignRaw(const ap_fixed_base<W, I, S, Q, O, N>& x) {
    return ap_int_base<RW, RS>(x.V).shiftLeft(RF - (W - I));
}

#define VERILOOP_FIX_PARAMS(n) \
    int W##n, int I##n, bool S##n, ap_q_mode Q##n, ap_o_mode O##n, int N##n
#define VERILOOP_FIX_TYPE(n) ap_fixed_base<W##n, I##n, S##n, Q##n, O##n, N##n>

template <VERILOOP_FIX_PARAMS(1), VERILOOP_FIX_PARAMS(2)>
auto fixAdd(const VERILOOP_FIX_TYPE(1)& a, const VERILOOP_FIX_TYPE(2)& b) {
    using R = FixRules<W1, I1, S1, W2, I2, S2>;
    FixT<R::kPlusW, R::kPlusI, R::kPlusS> r;
    r.V = alignRaw<R::kPlusW, R::kPlusS, R::kMaxF>(a) + alignRaw<R::kPlusW, R::kPlusS, R::kMaxF>(b);
    return r;
}
template <VERILOOP_FIX_PARAMS(1), VERILOOP_FIX_PARAMS(2)>
auto fixSub(const VERILOOP_FIX_TYPE(1)& a, const VERILOOP_FIX_TYPE(2)& b) {
    using R = FixRules<W1, I1, S1, W2, I2, S2>;
    FixT<R::kPlusW, R::kPlusI, true> r;
    r.V = alignRaw<R::kPlusW, true, R::kMaxF>(a) - alignRaw<R::kPlusW, true, R::kMaxF>(b);
    return r;
}
template <VERILOOP_FIX_PARAMS(1), VERILOOP_FIX_PARAMS(2)>
auto fixMul(const VERILOOP_FIX_TYPE(1)& a, const VERILOOP_FIX_TYPE(2)& b) {
    using R = FixRules<W1, I1, S1, W2, I2, S2>;
    FixT<R::kMultW, R::kMultI, R::kMultS> r;
    r.V = a.V * b.V;
    return r;
}
template <VERILOOP_FIX_PARAMS(1), VERILOOP_FIX_PARAMS(2)>
auto fixDiv(const VERILOOP_FIX_TYPE(1)& a, const VERILOOP_FIX_TYPE(2)& b) {
    using R = FixRules<W1, I1, S1, W2, I2, S2>;
    FixT<R::kDivW, R::kDivI, R::kDivS> r;
    const ap_int_base<W1 + R::kDivShift, S1> numerator =
        ap_int_base<W1 + R::kDivShift, S1>(a.V).shiftLeft(R::kDivShift);
    r.V = numerator / b.V;
    return r;
}
template <VERILOOP_FIX_PARAMS(1), VERILOOP_FIX_PARAMS(2)>
auto fixAnd(const VERILOOP_FIX_TYPE(1)& a, const VERILOOP_FIX_TYPE(2)& b) {
    using R = FixRules<W1, I1, S1, W2, I2, S2>;
    FixT<R::kLogicW, R::kLogicI, R::kLogicS> r;
    r.V = alignRaw<R::kLogicW, R::kLogicS, R::kMaxF>(a) &
          alignRaw<R::kLogicW, R::kLogicS, R::kMaxF>(b);
    return r;
}
template <VERILOOP_FIX_PARAMS(1), VERILOOP_FIX_PARAMS(2)>
auto fixOr(const VERILOOP_FIX_TYPE(1)& a, const VERILOOP_FIX_TYPE(2)& b) {
    using R = FixRules<W1, I1, S1, W2, I2, S2>;
    FixT<R::kLogicW, R::kLogicI, R::kLogicS> r;
    r.V = alignRaw<R::kLogicW, R::kLogicS, R::kMaxF>(a) |
          alignRaw<R::kLogicW, R::kLogicS, R::kMaxF>(b);
    return r;
}
template <VERILOOP_FIX_PARAMS(1), VERILOOP_FIX_PARAMS(2)>
auto fixXor(const VERILOOP_FIX_TYPE(1)& a, const VERILOOP_FIX_TYPE(2)& b) {
    using R = FixRules<W1, I1, S1, W2, I2, S2>;
    FixT<R::kLogicW, R::kLogicI, R::kLogicS> r;
    r.V = alignRaw<R::kLogicW, R::kLogicS, R::kMaxF>(a) ^
          alignRaw<R::kLogicW, R::kLogicS, R::kMaxF>(b);
    return r;
}
template <VERILOOP_FIX_PARAMS(1), VERILOOP_FIX_PARAMS(2)>
int fixCompare(const VERILOOP_FIX_TYPE(1)& a, const VERILOOP_FIX_TYPE(2)& b) {
    using R = FixRules<W1, I1, S1, W2, I2, S2>;
    return compareInts(alignRaw<R::kCmpW, true, R::kMaxF>(a),
                       alignRaw<R::kCmpW, true, R::kMaxF>(b));
}
#undef VERILOOP_FIX_PARAMS
#undef VERILOOP_FIX_TYPE

template <class T>
double toDoubleOf(const T& x) {
    if constexpr (std::is_floating_point_v<T>)
        return static_cast<double>(x);
    else
        return x.to_double();
}

}  // namespace ap_detail

// ---- free operators on fixed-point values ---------------------------------------------------

#define VERILOOP_AP_FIXED_BINARY(OP, KERNEL)                                                \
    template <class A, class B, ap_detail::EnableIf<ap_detail::kIsFixOpPair<A, B>> = 0>     \
    inline auto operator OP(const A& a, const B& b) {                                       \
        return ap_detail::KERNEL(ap_detail::fixOperand<B>(a), ap_detail::fixOperand<A>(b)); \
    }
VERILOOP_AP_FIXED_BINARY(+, fixAdd)
VERILOOP_AP_FIXED_BINARY(-, fixSub)
VERILOOP_AP_FIXED_BINARY(*, fixMul)
VERILOOP_AP_FIXED_BINARY(/, fixDiv)
VERILOOP_AP_FIXED_BINARY(&, fixAnd)
VERILOOP_AP_FIXED_BINARY(|, fixOr)
VERILOOP_AP_FIXED_BINARY(^, fixXor)
#undef VERILOOP_AP_FIXED_BINARY

#define VERILOOP_AP_FIXED_COMPARE(OP)                                                    \
    template <class A, class B, ap_detail::EnableIf<ap_detail::kIsFixOpPair<A, B>> = 0>  \
    inline bool operator OP(const A& a, const B& b) {                                    \
        if constexpr (std::is_floating_point_v<A> || std::is_floating_point_v<B>)        \
            return ap_detail::toDoubleOf(a) OP ap_detail::toDoubleOf(b);                 \
        else                                                                             \
            return ap_detail::fixCompare(ap_detail::toFix(a), ap_detail::toFix(b)) OP 0; \
    }
VERILOOP_AP_FIXED_COMPARE(==)
VERILOOP_AP_FIXED_COMPARE(!=)
VERILOOP_AP_FIXED_COMPARE(<)
VERILOOP_AP_FIXED_COMPARE(<=)
VERILOOP_AP_FIXED_COMPARE(>)
VERILOOP_AP_FIXED_COMPARE(>=)
#undef VERILOOP_AP_FIXED_COMPARE

/// Prints the value as a double, honoring the stream's precision and float format flags.
template <int W, int I, bool S, ap_q_mode Q, ap_o_mode O, int N>
std::ostream& operator<<(std::ostream& os, const ap_fixed_base<W, I, S, Q, O, N>& x) {
    return os << x.to_double();
}

/// Reads one whitespace-separated number (see the string constructor).
template <int W, int I, bool S, ap_q_mode Q, ap_o_mode O, int N>
std::istream& operator>>(std::istream& is, ap_fixed_base<W, I, S, Q, O, N>& x) {
    std::string text;
    if (is >> text) x = ap_fixed_base<W, I, S, Q, O, N>(text.c_str());
    return is;
}
