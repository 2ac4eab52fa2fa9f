// Co-simulation stimulus for systolic_int8, shared by the HLS driver (C simulation of
// corpora/hls/systolic_int8_hls) and the RTL driver (Verilator). A vector is one weight tile
// B and 1..6 rows of A; its canonical line holds the rows of C = A * B, row after row:
//     vec <index>: C[0][0] .. C[0][N-1] C[1][0] ..
// The first vectors are fixed corner cases; the rest are seeded random, some biased to
// extremes. Only the C++ standard library is used, so both builds can include it.
#pragma once

#include "../../common/cosim_stimulus.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <vector>

namespace systolic_cosim {

constexpr int N = 4;
constexpr int kMaxRows = 6;

using cosim::Options;
using cosim::parseOptions;
using cosim::Rng;

struct Vector {
    std::vector<int8_t> b;                 // N*N weights, b[k*N + j] = B[k][j]
    std::vector<std::vector<int8_t>> rows; // rows of A, N each
};

// 0: zeros, 1: all -128, 2: all 127, 3: identity, 4: all -1, 5: checkerboard extremes.
inline int8_t cornerWeight(int which, int k, int j) {
    const int pick[] = {0, -128, 127, k == j ? 1 : 0, -1, ((k + j) & 1) ? 127 : -128};
    return static_cast<int8_t>(pick[which]);
}
constexpr int kCornerVectors = 6;

inline int8_t randomValue(Rng& rng, bool extreme) {
    return static_cast<int8_t>(extreme ? (rng.chance(50) ? -128 : 127) : rng.range(-128, 127));
}

inline std::vector<Vector> makeVectors(const Options& o) {
    Rng rng(o.seed);
    std::vector<Vector> all;
    for (int n = 0; n < o.vectors; ++n) {
        Vector v{std::vector<int8_t>(N * N), {}};
        const bool corner = n < kCornerVectors, extreme = rng.chance(20);
        for (int i = 0; i < N * N; ++i)
            v.b[i] = corner ? cornerWeight(n, i / N, i % N) : randomValue(rng, extreme);
        const int rows = rng.range(1, kMaxRows);
        for (int r = 0; r < rows; ++r) {
            std::vector<int8_t> row(N);
            for (auto& a : row) a = corner ? cornerWeight(n, r, 0) : randomValue(rng, extreme);
            v.rows.push_back(row);
        }
        all.push_back(v);
    }
    return all;
}

inline void printLine(int index, const std::vector<int32_t>& c) {
    std::printf("vec %d:", index);
    for (int32_t x : c) std::printf(" %d", x);
    std::printf("\n");
}

}  // namespace systolic_cosim
