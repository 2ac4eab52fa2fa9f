// Self-checking testbench for softmax_fixed: an independent integer model of the fixed-point
// definition in softmax_fixed.h (raw scaled integers, floor shifts, constants given as raw
// bits), plus a loose check against floating-point softmax so the model itself stays honest.
// Inputs cover uniform, one-hot, dominant, near-equal, extreme and seeded random logits;
// every output is compared bit for bit.
#include <cmath>
#include <cstdint>
#include <cstdio>

#include "softmax_fixed.h"

namespace {

const int N = 16;
const int GUARD = 2;

// Raw constants: LOG2E at 18 fraction bits, C1 and C2 at 16 fraction bits (truncated).
const int64_t kLog2eRaw = 378193;  // floor(1.4426950408889634 * 2^18)
const int64_t kC1Raw = 43071;      // floor(0.65722 * 2^16)
const int64_t kC2Raw = 22413;      // floor(0.34201 * 2^16)

uint32_t rng_state = 1;
uint32_t next_rand() {
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 17;
    rng_state ^= rng_state << 5;
    return rng_state;
}

int64_t floor_shift(int64_t v, int s) {  // floor(v / 2^s) for any sign
    int64_t d = int64_t(1) << s;
    int64_t q = v / d;
    if (v % d != 0 && v < 0) q -= 1;
    return q;
}

// e raw (16 fraction bits) for d raw (10 fraction bits, d <= 0).
int64_t model_exp(int64_t d_raw) {
    int64_t t_raw = floor_shift(d_raw * kLog2eRaw, 16);  // 28 -> 12 fraction bits
    int64_t k = floor_shift(t_raw, 12);
    int64_t f_raw = t_raw - k * 4096;                    // 0..4095
    int64_t inner_raw = kC1Raw + (kC2Raw * f_raw) / 4096;  // all positive: / is floor
    int64_t p_raw = 65536 + (f_raw * inner_raw) / 4096;
    int64_t shift = -k;
    if (shift >= 17) return 0;
    return p_raw >> shift;
}

void model_softmax(const int32_t raw[N], int n, uint32_t y[N]) {
    int64_t mx = -32768;
    for (int i = 0; i < n; ++i)
        if (raw[i] > mx) mx = raw[i];
    int64_t e[N], sum = 0;
    for (int i = 0; i < n; ++i) {
        e[i] = model_exp(int64_t(raw[i]) - mx);
        sum += e[i];
    }
    for (int i = 0; i < n; ++i) y[i] = uint32_t((e[i] << 15) / sum);
    for (int i = n; i < N; ++i) y[i] = 3 * 16384;  // untouched fill (1.5)
}

int failures = 0;

void run_one(const char* label, const int32_t raw[N], int n) {
    if (failures != 0) return;
    sm_in_t in[N];
    for (int i = 0; i < N; ++i) in[i] = double(raw[i]) / 1024.0;  // exact

    sm_out_t storage[N + 2 * GUARD];
    for (int t = 0; t < N + 2 * GUARD; ++t) storage[t] = 1.5;
    sm_out_t* out = storage + GUARD;
    for (int i = 0; i < N; ++i) out[i] = 1.5;
    softmax_fixed(in, out, n);

    for (int t = 0; t < GUARD; ++t) {
        if (storage[t].to_double() != 1.5 || storage[GUARD + N + t].to_double() != 1.5) {
            std::printf("FAIL: %s: guard %d around out: expected 1.5 got %f/%f\n", label, t,
                        storage[t].to_double(), storage[GUARD + N + t].to_double());
            ++failures;
            return;
        }
    }

    uint32_t expect[N];
    model_softmax(raw, n, expect);

    // Sanity of the model against real softmax (the approximation is within ~1%).
    double mx = -1e9, denom = 0.0;
    for (int i = 0; i < n; ++i) mx = std::fmax(mx, raw[i] / 1024.0);
    for (int i = 0; i < n; ++i) denom += std::exp(raw[i] / 1024.0 - mx);
    for (int i = 0; i < n; ++i) {
        double ideal = std::exp(raw[i] / 1024.0 - mx) / denom;
        if (std::fabs(expect[i] / 32768.0 - ideal) > 0.01) {
            std::printf("FAIL: %s: testbench model drifted at %d (%f vs %f)\n", label, i,
                        expect[i] / 32768.0, ideal);
            ++failures;
            return;
        }
    }

    for (int i = 0; i < N; ++i) {
        uint32_t got = uint32_t(out[i].to_double() * 32768.0);
        if (out[i].to_double() * 32768.0 != double(got) || got != expect[i]) {
            std::printf("FAIL: %s (n=%d): out[%d]: expected raw %u got %.8f (raw %.1f)\n", label,
                        n, i, expect[i], out[i].to_double(), out[i].to_double() * 32768.0);
            ++failures;
            return;
        }
    }
}

// The full vector and shorter prefixes of it (odd and even lengths).
void run_case(const char* label, const int32_t raw[N]) {
    const int lengths[] = {N, 13, 6, 1};
    for (int n : lengths) run_one(label, raw, n);
}

}  // namespace

int main() {
    if (SM_N != N) {
        std::printf("FAIL: header size differs from the testbench's\n");
        return 1;
    }
    int32_t raw[N];

    // Uniform logits (every output 1/16), at several levels including both range ends.
    const int32_t levels[] = {0, 1024, -32768, 32767, -5};
    for (int32_t level : levels) {
        for (int i = 0; i < N; ++i) raw[i] = level;
        run_case("uniform", raw);
    }

    // One dominant logit at each end and in the middle; the rest far below (exp underflows).
    const int spots[] = {0, 7, 15};
    for (int spot : spots) {
        for (int i = 0; i < N; ++i) raw[i] = -32768;
        raw[spot] = 32767;
        run_case("dominant", raw);
        for (int i = 0; i < N; ++i) raw[i] = 0;
        raw[spot] = 2048;  // +2.0 over the rest
        run_case("moderately dominant", raw);
    }

    // Logits spaced so that t = d*log2(e) lands on every integer shift 0..19 and between.
    for (int i = 0; i < N; ++i) raw[i] = -i * 1000;
    run_case("spaced ~1.0", raw);
    for (int i = 0; i < N; ++i) raw[i] = 4000 - i * 900;
    run_case("spaced ~0.88", raw);
    for (int i = 0; i < N; ++i) raw[i] = -i * 850 - (i % 3) * 111;
    run_case("spaced irregular", raw);
    for (int i = 0; i < N; ++i) raw[i] = 1000 - int32_t(i) * 1500;  // reaches shift ~21
    run_case("spaced ~1.46", raw);

    // Near-equal logits: differences in the last fraction bits only.
    for (int i = 0; i < N; ++i) raw[i] = 300 + i;
    run_case("lsb steps", raw);
    for (int i = 0; i < N; ++i) raw[i] = -700 - (i * 37) % 64;
    run_case("small spread", raw);

    // Two maxima (ties).
    for (int i = 0; i < N; ++i) raw[i] = -2000 + 100 * i;
    raw[3] = raw[N - 1];
    run_case("tied maxima", raw);

    // All logits just above the bottom of the range: the running maximum must start from
    // the smallest representable value.
    for (int i = 0; i < N; ++i) raw[i] = -32768 + 61 * i;
    run_case("all in [-32, -31)", raw);
    for (int i = 0; i < N; ++i) raw[i] = -32768 + (i * 389) % 1000;
    run_case("all in [-32, -31) shuffled", raw);

    // Fine sweep of the exponent: one maximum, three logits within ~1.5 of it at varying
    // fractions, the rest negligible, so the sum stays small and every exp LSB is visible.
    for (int v = 0; v < 96; ++v) {
        for (int i = 0; i < N; ++i) raw[i] = -32768;
        raw[v % N] = 500;
        raw[(v + 5) % N] = 500 - (v * 7 + 1);
        raw[(v + 9) % N] = 500 - (v * 11 + 337);
        raw[(v + 12) % N] = 500 - (v * 13 + 719) % 1600;
        run_case("fine sweep", raw);
    }

    // Seeded random logits: full range, then a narrow range (probabilities all nonzero).
    const uint32_t seeds[] = {37u, 0xABBAu, 6007u, 0x7777u, 1u << 20};
    for (uint32_t seed : seeds) {
        rng_state = seed;
        for (int i = 0; i < N; ++i) raw[i] = int32_t(int16_t(next_rand() & 0xFFFF));
        run_case("random full range", raw);
        for (int i = 0; i < N; ++i) raw[i] = int32_t(next_rand() % 6144) - 3072;
        run_case("random +-3", raw);
        for (int i = 0; i < N; ++i) raw[i] = int32_t(next_rand() % 20480) - 10240;
        run_case("random +-10", raw);
    }

    if (failures != 0) return 1;
    std::printf("PASS\n");
    return 0;
}
