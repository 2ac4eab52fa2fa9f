// Self-checking testbench for gemm: an independent reference product over several seeded
// and corner-case matrices and every row count m; every element of C (rows below m against
// the reference, rows from m on against their untouched fill) and the guard words are checked.
#include <cstdint>
#include <cstdio>

#include "gemm.h"

namespace {

const int M = 8, K = 12, N = 8;  // the sizes the reference assumes (checked against the header)
const int GUARD = 4;
const int32_t GUARD_WORD = 0x5A5A5A5A;

uint32_t rng_state = 1;
uint32_t next_rand() {
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 17;
    rng_state ^= rng_state << 5;
    return rng_state;
}

int failures = 0;

const int32_t UNTOUCHED = -0x3C3C3C3D;  // fill of the rows of C at and above m

bool run_case(const char* label, const uint8_t a[M * K], const int8_t b[K * N], int m) {
    if (failures != 0) return false;
    int64_t expect[M][N];
    for (int r = 0; r < M; ++r) {
        for (int col = 0; col < N; ++col) {
            int64_t acc = 0;
            for (int t = K - 1; t >= 0; --t) acc += int64_t(a[r * K + t]) * int64_t(b[t * N + col]);
            expect[r][col] = (r < m) ? acc : UNTOUCHED;
        }
    }

    int32_t storage[M * N + 2 * GUARD];
    for (int t = 0; t < M * N + 2 * GUARD; ++t) storage[t] = GUARD_WORD;
    int32_t* c = storage + GUARD;
    for (int t = 0; t < M * N; ++t) c[t] = UNTOUCHED;
    gemm(a, b, c, m);

    for (int t = 0; t < GUARD; ++t) {
        if (storage[t] != GUARD_WORD || storage[GUARD + M * N + t] != GUARD_WORD) {
            std::printf("FAIL: %s: guard %d around C: expected %d got %d/%d\n", label, t,
                        GUARD_WORD, storage[t], storage[GUARD + M * N + t]);
            ++failures;
            return false;
        }
    }
    for (int r = 0; r < M; ++r) {
        for (int col = 0; col < N; ++col) {
            if (int64_t(c[r * N + col]) != expect[r][col]) {
                std::printf("FAIL: %s (m=%d): C[%d][%d]: expected %lld got %d\n", label, m, r,
                            col, (long long)expect[r][col], c[r * N + col]);
                ++failures;
                return false;
            }
        }
    }
    return true;
}

}  // namespace

int main() {
    if (GEMM_M != M || GEMM_K != K || GEMM_N != N) {
        std::printf("FAIL: header sizes %dx%dx%d differ from the testbench's %dx%dx%d\n", GEMM_M,
                    GEMM_K, GEMM_N, M, K, N);
        return 1;
    }
    uint8_t a[M * K];
    int8_t b[K * N];

    // Seeded random matrices over the full uint8 / int8 ranges, for every row count.
    const uint32_t seeds[] = {1u, 0xC0FFEEu, 12345u, 0xDEADBEEFu, 777u};
    for (uint32_t seed : seeds) {
        rng_state = seed;
        for (int t = 0; t < M * K; ++t) a[t] = uint8_t(next_rand() & 0xFF);
        for (int t = 0; t < K * N; ++t) b[t] = int8_t(next_rand() & 0xFF);
        for (int m = 0; m <= M; ++m) run_case("random", a, b, m);
    }

    // Extreme magnitudes: activations at 255 (their top bit set) against -128 and 127.
    for (int t = 0; t < M * K; ++t) a[t] = 255;
    for (int t = 0; t < K * N; ++t) b[t] = -128;
    run_case("all 255 x -128", a, b, M);
    run_case("all 255 x -128", a, b, 3);
    for (int t = 0; t < M * K; ++t) a[t] = (t % 2) ? 255 : 128;
    for (int t = 0; t < K * N; ++t) b[t] = (t % 3) ? -128 : 127;
    run_case("alternating extremes", a, b, M);

    // Zeros.
    for (int t = 0; t < M * K; ++t) a[t] = 0;
    for (int t = 0; t < K * N; ++t) b[t] = int8_t(t);
    run_case("zero A", a, b, M);

    // One-hot A picks single rows of B: exposes index mix-ups element by element.
    for (int r = 0; r < M; ++r) {
        for (int t = 0; t < M * K; ++t) a[t] = 0;
        for (int rr = 0; rr < M; ++rr) a[rr * K + (rr + r) % K] = uint8_t(200 + rr);
        for (int t = 0; t < K * N; ++t) b[t] = int8_t(3 * t - 100);
        run_case("one-hot A", a, b, M);
    }

    // Distinct values: each position contributes a different weight.
    for (int t = 0; t < M * K; ++t) a[t] = uint8_t((t * 37) % 251);
    for (int t = 0; t < K * N; ++t) b[t] = int8_t((t * 7) % 23 - 11);
    run_case("ramp", a, b, M);
    run_case("ramp", a, b, 5);

    if (failures != 0) return 1;
    std::printf("PASS\n");
    return 0;
}
