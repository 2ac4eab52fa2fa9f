// Self-checking testbench for gemm: an independent reference product over several seeded
// and corner-case matrices; every output element and the guard words around C are checked.
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

bool run_case(const char* label, const int8_t a[M * K], const int8_t b[K * N]) {
    int64_t expect[M][N];
    for (int r = 0; r < M; ++r) {
        for (int col = 0; col < N; ++col) {
            int64_t acc = 0;
            for (int t = K - 1; t >= 0; --t) acc += int64_t(a[r * K + t]) * int64_t(b[t * N + col]);
            expect[r][col] = acc;
        }
    }

    int32_t storage[M * N + 2 * GUARD];
    for (int t = 0; t < M * N + 2 * GUARD; ++t) storage[t] = GUARD_WORD;
    int32_t* c = storage + GUARD;
    gemm(a, b, c);

    for (int t = 0; t < GUARD; ++t) {
        if (storage[t] != GUARD_WORD || storage[GUARD + M * N + t] != GUARD_WORD) {
            std::printf("FAIL: %s: write outside C (guard word %d clobbered)\n", label, t);
            ++failures;
            return false;
        }
    }
    for (int r = 0; r < M; ++r) {
        for (int col = 0; col < N; ++col) {
            if (int64_t(c[r * N + col]) != expect[r][col]) {
                std::printf("FAIL: %s: C[%d][%d] = %d, expected %lld\n", label, r, col,
                            c[r * N + col], (long long)expect[r][col]);
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
    int8_t a[M * K], b[K * N];

    // Seeded random matrices over the full int8 range.
    const uint32_t seeds[] = {1u, 0xC0FFEEu, 12345u, 0xDEADBEEFu, 777u};
    for (uint32_t seed : seeds) {
        rng_state = seed;
        for (int t = 0; t < M * K; ++t) a[t] = int8_t(next_rand() & 0xFF);
        for (int t = 0; t < K * N; ++t) b[t] = int8_t(next_rand() & 0xFF);
        run_case("random", a, b);
    }

    // Extreme magnitudes: every product is (-128)*(-128), then mixed signs.
    for (int t = 0; t < M * K; ++t) a[t] = -128;
    for (int t = 0; t < K * N; ++t) b[t] = -128;
    run_case("all -128", a, b);
    for (int t = 0; t < M * K; ++t) a[t] = (t % 2) ? 127 : -128;
    for (int t = 0; t < K * N; ++t) b[t] = (t % 3) ? -128 : 127;
    run_case("alternating extremes", a, b);

    // Zeros.
    for (int t = 0; t < M * K; ++t) a[t] = 0;
    for (int t = 0; t < K * N; ++t) b[t] = int8_t(t);
    run_case("zero A", a, b);

    // One-hot A picks single rows of B: exposes index mix-ups element by element.
    for (int r = 0; r < M; ++r) {
        for (int t = 0; t < M * K; ++t) a[t] = 0;
        for (int rr = 0; rr < M; ++rr) a[rr * K + (rr + r) % K] = int8_t(rr + 1);
        for (int t = 0; t < K * N; ++t) b[t] = int8_t(3 * t - 100);
        run_case("one-hot A", a, b);
    }

    // Distinct small values: each position contributes a different weight.
    for (int t = 0; t < M * K; ++t) a[t] = int8_t(t % 17 - 8);
    for (int t = 0; t < K * N; ++t) b[t] = int8_t((t * 7) % 23 - 11);
    run_case("ramp", a, b);

    if (failures != 0) return 1;
    std::printf("PASS\n");
    return 0;
}
