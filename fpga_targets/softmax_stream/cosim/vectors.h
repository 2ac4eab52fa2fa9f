// Co-simulation stimulus for softmax_stream, shared by the HLS driver (C simulation of
// corpora/hls/softmax_stream_hls) and the RTL driver (Verilator). A vector is N int8 Q4.4
// logits; its canonical line holds the N uint16 Q0.15 outputs and the position of the beat
// that carried `last`:
//     vec <index>: y[0] .. y[N-1] last=<position>
// The first vectors are fixed corner cases (all equal, one hot, widest spread); the rest are
// seeded random, a third of them clustered. Only the C++ standard library is used.
#pragma once

#include "../../common/cosim_stimulus.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <vector>

namespace softmax_cosim {

constexpr int N = 8;

using cosim::Options;
using cosim::parseOptions;
using cosim::Rng;

constexpr int kCornerVectors = 6;

inline std::vector<int8_t> cornerVector(int which) {
    std::vector<int8_t> x(N);
    for (int i = 0; i < N; ++i) {
        const int pick[] = {0, -128, 127, i == 3 ? 127 : -128, i == 5 ? -128 : 127, 127 - 36 * i};
        const int v = pick[which];
        x[i] = static_cast<int8_t>(v < -128 ? -128 : v);
    }
    return x;
}

inline std::vector<std::vector<int8_t>> makeVectors(const Options& o) {
    Rng rng(o.seed);
    std::vector<std::vector<int8_t>> all;
    for (int n = 0; n < o.vectors; ++n) {
        if (n < kCornerVectors) {
            all.push_back(cornerVector(n));
            continue;
        }
        const bool clustered = rng.chance(33);
        const int centre = rng.range(-128, 127);
        std::vector<int8_t> x(N);
        for (auto& v : x) {
            const int value = clustered ? centre + rng.range(-6, 6) : rng.range(-128, 127);
            v = static_cast<int8_t>(value < -128 ? -128 : value > 127 ? 127 : value);
        }
        all.push_back(x);
    }
    return all;
}

// lastAt: position of the beat that carried last (-1: none).
inline void printLine(int index, const std::vector<int>& y, int lastAt) {
    std::printf("vec %d:", index);
    for (int v : y) std::printf(" %d", v);
    std::printf(" last=%d\n", lastAt);
}

}  // namespace softmax_cosim
