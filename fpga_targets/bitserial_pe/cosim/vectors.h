// Co-simulation stimulus for bitserial_pe, shared by the HLS driver (C simulation of
// corpora/hls/bitserial_pe_hls) and the RTL driver (Verilator). A vector is one dot product
// of 1..4 groups (beats), each with its own weight mode, scale and shift; unused weight bits
// carry garbage. Its canonical line holds the accumulated int32 result:
//     vec <index>: <result>
// The first vectors are fixed corner cases (every mode at the extremes, shift 0 and 15);
// the rest are seeded random. Only the C++ standard library is used.
#pragma once

#include "../../common/cosim_stimulus.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <vector>

namespace bitserial_cosim {

constexpr int GS = 4;
constexpr int kMaxGroups = 4;

using cosim::Options;
using cosim::parseOptions;
using cosim::Rng;

// One beat, as the RTL's input buses carry it.
struct Beat {
    uint32_t act = 0;    // lane i at bits [8i+7 : 8i]
    uint32_t wgt = 0;    // lane i at bits [8i+7 : 8i], low nbits used
    int mode = 3;        // 0: 2-bit, 1: 3-bit, 2: 4-bit, 3: 8-bit
    int scale = 1;       // signed 8 bits
    int shift = 0;       // 0..15
    bool last = false;
};

inline int weightBits(int mode) {
    const int nb[4] = {2, 3, 4, 8};
    return nb[mode & 3];
}

// extreme: activations -128/127 and weights at their most negative / positive value.
inline Beat makeBeat(Rng& rng, int mode, bool extreme, int scale, int shift) {
    Beat b;
    b.mode = mode;
    b.scale = scale;
    b.shift = shift;
    const int nb = weightBits(mode), mask = (1 << nb) - 1;
    for (int i = 0; i < GS; ++i) {
        const int a = extreme ? (rng.chance(50) ? -128 : 127) : rng.range(-128, 127);
        const int w = extreme ? (rng.chance(50) ? -(1 << (nb - 1)) : (1 << (nb - 1)) - 1)
                              : rng.range(-(1 << (nb - 1)), (1 << (nb - 1)) - 1);
        const uint32_t lane = uint32_t(w & mask) | (uint32_t(rng.next()) & 0xFFu & ~uint32_t(mask));
        b.act |= uint32_t(uint8_t(a)) << (8 * i);
        b.wgt |= lane << (8 * i);
    }
    return b;
}

constexpr int kCornerVectors = 8;

inline std::vector<std::vector<Beat>> makeVectors(const Options& o) {
    Rng rng(o.seed);
    std::vector<std::vector<Beat>> all;
    for (int n = 0; n < o.vectors; ++n) {
        std::vector<Beat> dot;
        if (n < kCornerVectors) {
            dot.push_back(makeBeat(rng, n % 4, true, n < 4 ? -128 : 127, n < 4 ? 0 : 15));
        } else {
            const int groups = rng.range(1, kMaxGroups);
            for (int g = 0; g < groups; ++g)
                dot.push_back(makeBeat(rng, rng.range(0, 3), rng.chance(15), rng.range(-128, 127),
                                       rng.range(0, 15)));
        }
        dot.back().last = true;
        all.push_back(dot);
    }
    return all;
}

inline void printLine(int index, int32_t result) { std::printf("vec %d: %d\n", index, result); }

}  // namespace bitserial_cosim
