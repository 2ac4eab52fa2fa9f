// Co-simulation stimulus for tlmm_engine, shared by the HLS driver (C simulation of
// corpora/hls/tlmm_engine_hls) and the RTL driver (Verilator), so that both sides see the
// same vectors for the same seed and print their results in the same canonical form:
//     vec <index>: y[0] y[1] y[2] y[3]
// The first vectors are fixed corner cases; the rest are seeded random, some biased to
// extremes. Only the C++ standard library is used, so both builds can include it.
#pragma once

#include "../../common/cosim_stimulus.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <vector>

namespace tlmm_cosim {

constexpr int K = 16, M = 4, G = 4, NG = K / G;

using cosim::Options;
using cosim::parseOptions;
using cosim::Rng;

struct Vector {
    std::vector<int8_t> act;     // K activations
    std::vector<uint8_t> code;   // M*K 2-bit weight codes, code[m*K + k]
};

inline Vector cornerVector(int which, Rng& rng) {
    Vector v{std::vector<int8_t>(K), std::vector<uint8_t>(M * K)};
    for (int k = 0; k < K; ++k) {
        const int pick[] = {0, -128, 127, -128, rng.range(-128, 127), (k & 1) ? 127 : -128};
        v.act[k] = static_cast<int8_t>(pick[which]);
    }
    for (int i = 0; i < M * K; ++i) {
        const int pick[] = {rng.range(0, 3), 1, 3, 3, 2, (i & 1) ? 3 : 1};
        v.code[i] = static_cast<uint8_t>(pick[which]);
    }
    return v;
}
constexpr int kCornerVectors = 6;

inline std::vector<Vector> makeVectors(const Options& o) {
    Rng rng(o.seed);
    std::vector<Vector> all;
    for (int n = 0; n < o.vectors; ++n) {
        if (n < kCornerVectors) {
            all.push_back(cornerVector(n, rng));
            continue;
        }
        const bool extremeActs = rng.chance(20), signWeights = rng.chance(20);
        Vector v{std::vector<int8_t>(K), std::vector<uint8_t>(M * K)};
        for (auto& a : v.act)
            a = static_cast<int8_t>(extremeActs ? (rng.chance(50) ? -128 : 127) : rng.range(-128, 127));
        for (auto& c : v.code)
            c = static_cast<uint8_t>(signWeights ? (rng.chance(50) ? 1 : 3) : rng.range(0, 3));
        all.push_back(v);
    }
    return all;
}

// The RTL's input bus words of group `grp` of a vector.
inline uint32_t actWord(const Vector& v, int grp) {
    uint32_t w = 0;
    for (int g = 0; g < G; ++g) w |= uint32_t(uint8_t(v.act[grp * G + g])) << (8 * g);
    return w;
}
inline uint32_t codeWord(const Vector& v, int grp) {
    uint32_t w = 0;
    for (int m = 0; m < M; ++m)
        for (int g = 0; g < G; ++g) w |= uint32_t(v.code[m * K + grp * G + g] & 3u) << (2 * (m * G + g));
    return w;
}

inline void printLine(int index, const int32_t (&y)[M]) {
    std::printf("vec %d:", index);
    for (int m = 0; m < M; ++m) std::printf(" %d", y[m]);
    std::printf("\n");
}

}  // namespace tlmm_cosim
