// veriloop's hls_math.h: a few hls:: math functions for C simulation.
//
// Floating-point arguments forward to <cmath>. Fixed-point arguments are evaluated in double
// and converted back to the argument's own type (with its quantization and overflow modes),
// which is exact for the results these functions can produce at widths up to 53 bits; the
// vendor library's bit-accurate fixed-point approximations are not reproduced.
#pragma once

#include <cmath>

#include "ap_fixed.h"

namespace hls {

#define VERILOOP_HLS_UNARY_MATH(NAME)                                                \
    inline double NAME(double x) { return std::NAME(x); }                            \
    inline float NAME(float x) { return std::NAME(x); }                              \
    inline float NAME##f(float x) { return std::NAME(x); }                           \
    template <int W, int I, bool S, ap_q_mode Q, ap_o_mode O, int N>                 \
    ap_fixed_base<W, I, S, Q, O, N> NAME(const ap_fixed_base<W, I, S, Q, O, N>& x) { \
        return ap_fixed_base<W, I, S, Q, O, N>(std::NAME(x.to_double()));            \
    }
VERILOOP_HLS_UNARY_MATH(sqrt)
VERILOOP_HLS_UNARY_MATH(fabs)
VERILOOP_HLS_UNARY_MATH(floor)
VERILOOP_HLS_UNARY_MATH(ceil)
VERILOOP_HLS_UNARY_MATH(round)
VERILOOP_HLS_UNARY_MATH(trunc)
VERILOOP_HLS_UNARY_MATH(exp)
VERILOOP_HLS_UNARY_MATH(log)
VERILOOP_HLS_UNARY_MATH(log2)
VERILOOP_HLS_UNARY_MATH(log10)
VERILOOP_HLS_UNARY_MATH(sin)
VERILOOP_HLS_UNARY_MATH(cos)
VERILOOP_HLS_UNARY_MATH(tan)
VERILOOP_HLS_UNARY_MATH(atan)
VERILOOP_HLS_UNARY_MATH(tanh)
#undef VERILOOP_HLS_UNARY_MATH

inline double pow(double x, double y) { return std::pow(x, y); }
inline float pow(float x, float y) { return std::pow(x, y); }
inline double atan2(double y, double x) { return std::atan2(y, x); }
inline float atan2(float y, float x) { return std::atan2(y, x); }
inline double fmod(double x, double y) { return std::fmod(x, y); }
inline float fmod(float x, float y) { return std::fmod(x, y); }
inline double copysign(double x, double y) { return std::copysign(x, y); }
inline float copysign(float x, float y) { return std::copysign(x, y); }

inline int abs(int x) { return x < 0 ? -x : x; }
inline double abs(double x) { return std::fabs(x); }
inline float abs(float x) { return std::fabs(x); }
template <int W, int I, bool S, ap_q_mode Q, ap_o_mode O, int N>
ap_fixed_base<W, I, S, Q, O, N> abs(const ap_fixed_base<W, I, S, Q, O, N>& x) {
    return x.isNeg() ? ap_fixed_base<W, I, S, Q, O, N>(-x) : x;
}

template <class T>
T min(T a, T b) {
    return b < a ? b : a;
}
template <class T>
T max(T a, T b) {
    return a < b ? b : a;
}

}  // namespace hls
