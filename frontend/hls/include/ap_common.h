// veriloop's HLS-compatible arbitrary-precision types: shared internals.
//
// This file is part of veriloop's own implementation of the Vitis HLS C-simulation headers
// (ap_int.h, ap_fixed.h, hls_stream.h). It is original code written from the documented
// behavior of those types; kernels include ap_int.h / ap_fixed.h, never this file directly.
//
// Representation: a W-bit value is an array of ceil(W/64) 64-bit limbs, least significant
// first, in two's complement. Every stored value is *normalized*: the bits of the top limb
// above bit W-1 are copies of bit W-1 for a signed type and zero for an unsigned type. So the
// limb array is always the exact two's complement encoding of the value in 64*limbs bits,
// which is what makes widening a plain copy plus a fill, and lets 1-limb operands be handled
// as ordinary 64-bit integers (the fast path for W <= 64).
//
// The routines below work on limb arrays of a runtime length; the class templates pick the
// lengths at compile time. None of them allocates.
#pragma once

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <type_traits>
#include <vector>

// Kept for kernels that test or set it; these headers accept any width (the vendor's default
// maximum is 1024 and can be raised by defining the macro before including ap_int.h).
#ifndef AP_INT_MAX_W
#define AP_INT_MAX_W 1024
#endif

/// Quantization modes of ap_fixed (what happens to bits below the least significant bit).
enum ap_q_mode {
    AP_RND,          ///< round to nearest, ties toward plus infinity
    AP_RND_ZERO,     ///< round to nearest, ties toward zero
    AP_RND_MIN_INF,  ///< round to nearest, ties toward minus infinity
    AP_RND_INF,      ///< round to nearest, ties away from zero
    AP_RND_CONV,     ///< round to nearest, ties to even (convergent rounding)
    AP_TRN,          ///< truncate toward minus infinity (the default)
    AP_TRN_ZERO      ///< truncate toward zero
};

/// Overflow modes of ap_fixed (what happens to a value outside the representable range).
enum ap_o_mode {
    AP_SAT,       ///< saturate to the maximum or minimum
    AP_SAT_ZERO,  ///< set to zero
    AP_SAT_SYM,   ///< saturate symmetrically: signed results stay within [-max, max]
    AP_WRAP,      ///< keep the low bits (two's complement wraparound, the default)
    AP_WRAP_SM    ///< sign-magnitude wrap: not supported by these headers
};

/// Radix names accepted by to_string().
enum BaseMode { AP_BIN = 2, AP_OCT = 8, AP_DEC = 10, AP_HEX = 16 };

namespace ap_detail {

using Limb = std::uint64_t;
__extension__ typedef unsigned __int128 WideLimb;

constexpr int limbCount(int width) { return width <= 0 ? 1 : (width + 63) / 64; }
constexpr int maxOf(int a, int b) { return a > b ? a : b; }
constexpr int minOf(int a, int b) { return a < b ? a : b; }

/// Reports a misuse that real hardware would not survive (division by zero, a bit index
/// outside the value, ...) and aborts, so a test harness sees a crash rather than a silently
/// wrong value.
[[noreturn]] inline void fatal(const char* what) {
    std::fprintf(stderr, "ERROR: %s\n", what);
    std::fflush(stderr);
    std::abort();
}

[[noreturn]] inline void fatalIndex(const char* what, long long index, int width) {
    char text[160];
    std::snprintf(text, sizeof text, "%s: bit index %lld is outside a %d-bit value", what, index,
                  width);
    fatal(text);
}

/// Copies src (sn limbs) into dst (dn limbs), filling upper limbs with the sign.
constexpr void copyExtend(Limb* dst, int dn, const Limb* src, int sn, bool negative) {
    const int common = sn < dn ? sn : dn;
    for (int i = 0; i < common; ++i) dst[i] = src[i];
    const Limb fill = negative ? ~Limb{0} : Limb{0};
    for (int i = common; i < dn; ++i) dst[i] = fill;
}

/// Re-establishes the normalized form of a width-bit value held in n limbs.
constexpr void normalizeTop(Limb* v, int n, int width, bool isSigned) {
    const int used = width - 64 * (n - 1);  // 1..64 bits used in the top limb
    if (used >= 64) return;
    const Limb mask = (Limb{1} << used) - 1;
    if (isSigned && ((v[n - 1] >> (used - 1)) & 1U) != 0)
        v[n - 1] |= ~mask;
    else
        v[n - 1] &= mask;
}

constexpr bool topBit(const Limb* v, int n) { return (v[n - 1] >> 63) != 0; }

constexpr bool isZero(const Limb* v, int n) {
    for (int i = 0; i < n; ++i)
        if (v[i] != 0) return false;
    return true;
}

/// Bit i of the infinite two's complement extension of v.
constexpr bool bitAt(const Limb* v, int n, long long i) {
    if (i >= 64LL * n) return topBit(v, n);
    return ((v[i / 64] >> (i % 64)) & 1U) != 0;
}

constexpr void setBitAt(Limb* v, long long i, bool value) {
    const Limb m = Limb{1} << (i % 64);
    if (value)
        v[i / 64] |= m;
    else
        v[i / 64] &= ~m;
}

/// True when any of bits [0, count) of v is set (bits at or above 64*n read as the sign).
constexpr bool anyLowBits(const Limb* v, int n, long long count) {
    if (count <= 0) return false;
    if (count > 64LL * n) return !isZero(v, n);
    const int full = static_cast<int>(count / 64);
    for (int i = 0; i < full; ++i)
        if (v[i] != 0) return true;
    const int rest = static_cast<int>(count % 64);
    return rest != 0 && (v[full] & ((Limb{1} << rest) - 1)) != 0;
}

constexpr void addN(Limb* r, const Limb* a, const Limb* b, int n) {
    Limb carry = 0;
    for (int i = 0; i < n; ++i) {
        const Limb s = a[i] + b[i];
        const Limb c1 = s < a[i] ? 1 : 0;
        const Limb s2 = s + carry;
        const Limb c2 = s2 < s ? 1 : 0;
        r[i] = s2;
        carry = c1 | c2;
    }
}

constexpr void subN(Limb* r, const Limb* a, const Limb* b, int n) {
    Limb borrow = 0;
    for (int i = 0; i < n; ++i) {
        const Limb d = a[i] - b[i];
        const Limb b1 = a[i] < b[i] ? 1 : 0;
        const Limb d2 = d - borrow;
        const Limb b2 = d < borrow ? 1 : 0;
        r[i] = d2;
        borrow = b1 | b2;
    }
}

constexpr void incN(Limb* v, int n) {
    for (int i = 0; i < n; ++i)
        if (++v[i] != 0) return;
}

constexpr void decN(Limb* v, int n) {
    for (int i = 0; i < n; ++i)
        if (v[i]-- != 0) return;
}

constexpr void negN(Limb* v, int n) {
    for (int i = 0; i < n; ++i) v[i] = ~v[i];
    incN(v, n);
}

/// r = a * b mod 2^(64n). r must not alias a or b.
inline void mulN(Limb* r, const Limb* a, const Limb* b, int n) {
    for (int i = 0; i < n; ++i) r[i] = 0;
    for (int i = 0; i < n; ++i) {
        if (a[i] == 0) continue;
        Limb carry = 0;
        for (int j = 0; i + j < n; ++j) {
            const WideLimb t = static_cast<WideLimb>(a[i]) * b[j] + r[i + j] + carry;
            r[i + j] = static_cast<Limb>(t);
            carry = static_cast<Limb>(t >> 64);
        }
    }
}

/// r = a << sh mod 2^(64n), sh >= 0. r may alias a.
constexpr void shlN(Limb* r, const Limb* a, int n, long long sh) {
    if (sh >= 64LL * n) {
        for (int i = 0; i < n; ++i) r[i] = 0;
        return;
    }
    const int ls = static_cast<int>(sh / 64);
    const int bs = static_cast<int>(sh % 64);
    for (int i = n - 1; i >= 0; --i) {
        const Limb hi = i - ls >= 0 ? a[i - ls] : 0;
        const Limb lo = i - ls - 1 >= 0 ? a[i - ls - 1] : 0;
        r[i] = bs != 0 ? (hi << bs) | (lo >> (64 - bs)) : hi;
    }
}

/// r = a >> sh, sh >= 0, filling with the sign when arithmetic. r may alias a.
constexpr void shrN(Limb* r, const Limb* a, int n, long long sh, bool arithmetic) {
    const Limb fill = arithmetic && topBit(a, n) ? ~Limb{0} : Limb{0};
    if (sh >= 64LL * n) {
        for (int i = 0; i < n; ++i) r[i] = fill;
        return;
    }
    const int ls = static_cast<int>(sh / 64);
    const int bs = static_cast<int>(sh % 64);
    for (int i = 0; i < n; ++i) {
        const Limb lo = i + ls < n ? a[i + ls] : fill;
        const Limb hi = i + ls + 1 < n ? a[i + ls + 1] : fill;
        r[i] = bs != 0 ? (lo >> bs) | (hi << (64 - bs)) : lo;
    }
}

constexpr int cmpUnsigned(const Limb* a, const Limb* b, int n) {
    for (int i = n - 1; i >= 0; --i)
        if (a[i] != b[i]) return a[i] < b[i] ? -1 : 1;
    return 0;
}

constexpr int cmpSigned(const Limb* a, const Limb* b, int n) {
    const bool na = topBit(a, n);
    const bool nb = topBit(b, n);
    if (na != nb) return na ? -1 : 1;
    return cmpUnsigned(a, b, n);
}

/// Number of significant bits of an unsigned value (0 for zero).
constexpr int bitLength(const Limb* v, int n) {
    for (int i = n - 1; i >= 0; --i)
        if (v[i] != 0) return 64 * i + 64 - __builtin_clzll(v[i]);
    return 0;
}

/// Divides v (n limbs, unsigned) by a single limb in place; returns the remainder.
inline Limb divSmall(Limb* v, int n, Limb divisor) {
    WideLimb rem = 0;
    for (int i = n - 1; i >= 0; --i) {
        const WideLimb cur = (rem << 64) | v[i];
        v[i] = static_cast<Limb>(cur / divisor);
        rem = cur % divisor;
    }
    return static_cast<Limb>(rem);
}

/// v = v * factor + addend mod 2^(64n).
inline void mulAddSmall(Limb* v, int n, Limb factor, Limb addend) {
    Limb carry = addend;
    for (int i = 0; i < n; ++i) {
        const WideLimb t = static_cast<WideLimb>(v[i]) * factor + carry;
        v[i] = static_cast<Limb>(t);
        carry = static_cast<Limb>(t >> 64);
    }
}

/// Unsigned q = a / b, r = a % b on n limbs; b must be nonzero; no aliasing.
/// One-limb divisors use limb-wise division; wider ones use restoring binary long division,
/// which terminates after bitLength(a) steps.
inline void divModUnsigned(Limb* q, Limb* r, const Limb* a, const Limb* b, int n) {
    for (int i = 0; i < n; ++i) {
        q[i] = a[i];
        r[i] = 0;
    }
    if (bitLength(b, n) <= 64) {
        r[0] = divSmall(q, n, b[0]);
        return;
    }
    for (int i = 0; i < n; ++i) q[i] = 0;
    for (int bit = bitLength(a, n) - 1; bit >= 0; --bit) {
        const bool carry = topBit(r, n);
        shlN(r, r, n, 1);
        r[0] |= (a[bit / 64] >> (bit % 64)) & 1U;
        if (carry || cmpUnsigned(r, b, n) >= 0) {
            subN(r, r, b, n);
            q[bit / 64] |= Limb{1} << (bit % 64);
        }
    }
}

/// Rounds an unsigned magnitude times 2^exponent to the nearest floating-point value. The top
/// 64 significant bits are kept with a sticky bit for the rest, so the one final conversion
/// rounds correctly.
template <class Float>
Float magnitudeToFloat(const Limb* mag, int n, long long exponent) {
    const int bits = bitLength(mag, n);
    if (bits == 0) return Float(0);
    if (bits <= 64) return std::ldexp(static_cast<Float>(mag[0]), static_cast<int>(exponent));
    const int drop = bits - 64;
    Limb top = 0;
    for (int i = 0; i < 64; ++i)
        if (bitAt(mag, n, drop + i)) top |= Limb{1} << i;
    if (anyLowBits(mag, n, drop)) top |= 1U;
    return std::ldexp(static_cast<Float>(top), static_cast<int>(exponent + drop));
}

/// Digits of an unsigned magnitude in the given radix (2..36), most significant first,
/// without prefix; "0" for zero.
inline std::string magnitudeDigits(const Limb* mag, int n, int radix, bool upper) {
    const char* digits =
        upper ? "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ" : "0123456789abcdefghijklmnopqrstuvwxyz";
    std::string out;
    std::vector<Limb> work(mag, mag + n);
    Limb* v = work.data();
    // Peel off the largest power of the radix that fits a limb, then its digits.
    Limb chunk = static_cast<Limb>(radix);
    int chunkDigits = 1;
    while (chunk <= ~Limb{0} / static_cast<Limb>(radix)) {
        chunk *= static_cast<Limb>(radix);
        ++chunkDigits;
    }
    while (!isZero(v, n)) {
        Limb rem = divSmall(v, n, chunk);
        const bool last = isZero(v, n);
        for (int d = 0; d < chunkDigits && (!last || rem != 0); ++d) {
            out.push_back(digits[rem % static_cast<Limb>(radix)]);
            rem /= static_cast<Limb>(radix);
        }
    }
    if (out.empty()) out = "0";
    return std::string(out.rbegin(), out.rend());
}

inline int digitValue(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'z') return c - 'a' + 10;
    if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
    return 99;
}

/// A numeric literal split into its parts: sign, radix, integer digits, fraction digits.
struct ParsedNumber {
    bool negative = false;
    int radix = 10;
    std::string intDigits;
    std::string fracDigits;
    bool hasExponent = false;  // decimal with e/E: the caller falls back to strtod
};

/// Splits "-0x1F.8", "42", "0b1010" and the like. A prefix 0x/0b/0o selects the radix when
/// radix is 0 (automatic) or agrees with it. Characters that are not digits of the radix are
/// a user error and abort with a message naming the string.
inline ParsedNumber parseNumber(const char* text, int radix, bool allowFraction) {
    ParsedNumber p;
    const char* s = text;
    while (*s == ' ' || *s == '\t') ++s;
    if (*s == '-' || *s == '+') {
        p.negative = *s == '-';
        ++s;
    }
    int prefixRadix = 0;
    if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) prefixRadix = 16;
    if (s[0] == '0' && (s[1] == 'b' || s[1] == 'B')) prefixRadix = 2;
    if (s[0] == '0' && (s[1] == 'o' || s[1] == 'O')) prefixRadix = 8;
    if (prefixRadix != 0 && (radix == 0 || radix == prefixRadix)) {
        radix = prefixRadix;
        s += 2;
    }
    if (radix == 0) radix = 10;
    p.radix = radix;
    bool inFraction = false;
    for (; *s != '\0' && *s != ' ' && *s != '\t' && *s != '\n'; ++s) {
        if (*s == '.' && allowFraction && !inFraction) {
            inFraction = true;
            continue;
        }
        if (radix == 10 && allowFraction && (*s == 'e' || *s == 'E')) {
            p.hasExponent = true;
            break;
        }
        if (*s == '_' || *s == '\'') continue;  // digit separators
        if (digitValue(*s) >= radix) {
            std::string msg = "ap_int/ap_fixed: invalid character in number string \"";
            msg += text;
            msg += "\"";
            fatal(msg.c_str());
        }
        (inFraction ? p.fracDigits : p.intDigits).push_back(*s);
    }
    return p;
}

/// Doubles a fraction held as digits of the given radix (most significant first) and
/// returns the bit that carries out of it: successive calls yield the binary expansion.
inline bool doubleFraction(std::string& digits, int radix) {
    int carry = 0;
    for (auto it = digits.rbegin(); it != digits.rend(); ++it) {
        const int d = digitValue(*it) * 2 + carry;
        carry = d >= radix ? 1 : 0;
        *it = "0123456789abcdefghijklmnopqrstuvwxyz"[d % radix];
    }
    return carry != 0;
}

inline bool allZeroDigits(const std::string& digits) {
    for (char c : digits)
        if (c != '0') return false;
    return true;
}

template <class>
inline constexpr bool kDependentFalse = false;

template <bool Condition>
using EnableIf = std::enable_if_t<Condition, int>;
template <class T>
using RemoveCvRef = std::remove_cv_t<std::remove_reference_t<T>>;

}  // namespace ap_detail
