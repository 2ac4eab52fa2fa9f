// Self-checking testbench for stencil2d: an independent reference sweep over position-coded,
// random and extreme grids, with one-hot weights that isolate each neighbour direction and
// mixed weights; checks every output point (boundary and interior) and guard words.
#include <cstdint>
#include <cstdio>

#include "stencil2d.h"

namespace {

const int R = 8, C = 10, T = 5;
const int GUARD = 3;
const int GUARD_VALUE = 0x3C3C3;

uint32_t rng_state = 1;
uint32_t next_rand() {
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 17;
    rng_state ^= rng_state << 5;
    return rng_state;
}

int failures = 0;

int64_t reference(const int g[R * C], const int k[T], int r, int c) {
    if (r == 0 || r == R - 1 || c == 0 || c == C - 1) return g[r * C + c];
    return int64_t(k[0]) * g[r * C + c] + int64_t(k[1]) * g[(r - 1) * C + c] +
           int64_t(k[2]) * g[(r + 1) * C + c] + int64_t(k[3]) * g[r * C + c - 1] +
           int64_t(k[4]) * g[r * C + c + 1];
}

void run_case(const char* label, const int g[R * C], const int k[T]) {
    if (failures != 0) return;
    st_data_t grid[R * C];
    st_coef_t coef[T];
    for (int t = 0; t < R * C; ++t) grid[t] = g[t];
    for (int t = 0; t < T; ++t) coef[t] = k[t];

    st_out_t storage[R * C + 2 * GUARD];
    for (int t = 0; t < R * C + 2 * GUARD; ++t) storage[t] = GUARD_VALUE;
    st_out_t* out = storage + GUARD;
    stencil2d(grid, coef, out);

    for (int t = 0; t < GUARD; ++t) {
        if (storage[t].to_int() != GUARD_VALUE || storage[GUARD + R * C + t].to_int() != GUARD_VALUE) {
            std::printf("FAIL: %s: guard %d around out: expected %d got %d/%d\n", label, t,
                        GUARD_VALUE, storage[t].to_int(), storage[GUARD + R * C + t].to_int());
            ++failures;
            return;
        }
    }
    for (int r = 0; r < R; ++r) {
        for (int c = 0; c < C; ++c) {
            int64_t expect = reference(g, k, r, c);
            int64_t got = out[r * C + c].to_int64();
            if (got != expect) {
                std::printf("FAIL: %s: out[%d][%d]: expected %lld got %lld\n", label, r, c,
                            (long long)expect, (long long)got);
                ++failures;
                return;
            }
        }
    }
}

}  // namespace

int main() {
    if (ST_ROWS != R || ST_COLS != C || ST_TAPS != T) {
        std::printf("FAIL: header sizes differ from the testbench's\n");
        return 1;
    }
    int g[R * C], k[T];

    // Position-coded grid: every point distinct, the upper half of the pixel range included.
    for (int t = 0; t < R * C; ++t) g[t] = (t * 97 + 13) % 256;

    // One-hot weights isolate each direction (with a distinct scale per direction).
    for (int hot = 0; hot < T; ++hot) {
        for (int t = 0; t < T; ++t) k[t] = (t == hot) ? (hot + 2) : 0;
        run_case("one-hot weights", g, k);
    }
    const int laplace[T] = {-4, 1, 1, 1, 1};
    run_case("laplacian", g, laplace);
    const int mixed[T] = {3, -7, 11, -13, 17};
    run_case("mixed weights", g, mixed);

    // Extremes: full-scale pixels with the most negative and most positive weights.
    for (int t = 0; t < R * C; ++t) g[t] = 255;
    for (int t = 0; t < T; ++t) k[t] = -128;
    run_case("all 255 x -128", g, k);
    for (int t = 0; t < T; ++t) k[t] = 127;
    run_case("all 255 x 127", g, k);
    for (int t = 0; t < R * C; ++t) g[t] = ((t / C + t % C) % 2) ? 255 : 128;
    for (int t = 0; t < T; ++t) k[t] = (t % 2) ? 127 : -128;
    run_case("checkerboard extremes", g, k);

    // Seeded random grids and weights.
    const uint32_t seeds[] = {17u, 0xFEEDu, 271828u, 0x5EED5EEDu};
    for (uint32_t seed : seeds) {
        rng_state = seed;
        for (int t = 0; t < R * C; ++t) g[t] = int(next_rand() & 0xFF);
        for (int t = 0; t < T; ++t) k[t] = int(int8_t(next_rand() & 0xFF));
        run_case("random", g, k);
    }

    if (failures != 0) return 1;
    std::printf("PASS\n");
    return 0;
}
