// Co-simulation stimulus for lut_mpgemm, shared by the HLS driver (C simulation of
// corpora/hls/lut_mpgemm_hls) and the RTL driver (Verilator). A vector is K activations, M*K
// 4-bit weight lanes (garbage above the group's nb bits) and a precision per group of G;
// its canonical line holds the M int32 results:
//     vec <index>: y[0] y[1] y[2] y[3]
// The first vectors are fixed corner cases (every precision, signed and unsigned, at the
// extremes); the rest are seeded random. Only the C++ standard library is used.
#pragma once

#include "../../common/cosim_stimulus.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <vector>

namespace lut_cosim {

constexpr int K = 16, M = 4, G = 4, NG = K / G;

using cosim::Options;
using cosim::parseOptions;
using cosim::Rng;

struct Vector {
    std::vector<int8_t> act;     // K
    std::vector<uint8_t> wgt;    // M*K raw 4-bit lanes, wgt[m*K + k]
    std::vector<int> nbits;      // NG, 1..4
    std::vector<bool> isSigned;  // NG
};

constexpr int kCornerVectors = 8;

inline Vector makeVector(Rng& rng, int n) {
    const bool corner = n < kCornerVectors, extreme = corner || rng.chance(20);
    Vector v{std::vector<int8_t>(K), std::vector<uint8_t>(M * K), std::vector<int>(NG),
             std::vector<bool>(NG)};
    for (int g = 0; g < NG; ++g) {
        v.nbits[g] = corner ? 1 + n % 4 : rng.range(1, 4);
        v.isSigned[g] = corner ? n >= 4 : rng.chance(50);
    }
    for (auto& a : v.act) a = static_cast<int8_t>(extreme ? (rng.chance(50) ? -128 : 127) : rng.range(-128, 127));
    for (int i = 0; i < M * K; ++i) {
        const int grp = (i % K) / G, nb = v.nbits[grp], mask = (1 << nb) - 1;
        const int lo = v.isSigned[grp] ? -(1 << (nb - 1)) : 0;
        const int hi = v.isSigned[grp] ? (1 << (nb - 1)) - 1 : mask;
        const int w = extreme ? (rng.chance(50) ? lo : hi) : rng.range(lo, hi);
        v.wgt[i] = static_cast<uint8_t>((w & mask) | (rng.next() & 0xF & ~uint64_t(mask)));
    }
    return v;
}

inline std::vector<Vector> makeVectors(const Options& o) {
    Rng rng(o.seed);
    std::vector<Vector> all;
    for (int n = 0; n < o.vectors; ++n) all.push_back(makeVector(rng, n));
    return all;
}

// The RTL's input bus words of group `grp` of a vector.
inline uint32_t actWord(const Vector& v, int grp) {
    uint32_t w = 0;
    for (int g = 0; g < G; ++g) w |= uint32_t(uint8_t(v.act[grp * G + g])) << (8 * g);
    return w;
}
inline uint64_t weightWord(const Vector& v, int grp) {
    uint64_t w = 0;
    for (int m = 0; m < M; ++m)
        for (int g = 0; g < G; ++g) w |= uint64_t(v.wgt[m * K + grp * G + g] & 0xF) << (4 * (m * G + g));
    return w;
}

inline void printLine(int index, const int32_t (&y)[M]) {
    std::printf("vec %d:", index);
    for (int m = 0; m < M; ++m) std::printf(" %d", y[m]);
    std::printf("\n");
}

}  // namespace lut_cosim
