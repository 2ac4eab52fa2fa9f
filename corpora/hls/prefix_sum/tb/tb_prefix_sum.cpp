// Self-checking testbench for prefix_sum: an independent running sum over impulses at every
// lane position, ramps, full-scale positive and negative runs, alternating signs and seeded
// random data; checks all 64 outputs and the guard words around out.
#include <cstdint>
#include <cstdio>

#include "prefix_sum.h"

namespace {

const int N = 64;
const int GUARD = 4;
const int GUARD_VALUE = 0x3F3F3F;

uint32_t rng_state = 1;
uint32_t next_rand() {
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 17;
    rng_state ^= rng_state << 5;
    return rng_state;
}

int failures = 0;

const int UNTOUCHED = -0x2B2B2B;  // fill of out[n..]

void run_one(const char* label, const int values[N], int n) {
    if (failures != 0) return;
    ps_in_t in[N];
    for (int i = 0; i < N; ++i) in[i] = values[i];

    ps_out_t storage[N + 2 * GUARD];
    for (int t = 0; t < N + 2 * GUARD; ++t) storage[t] = GUARD_VALUE;
    ps_out_t* out = storage + GUARD;
    for (int i = 0; i < N; ++i) out[i] = UNTOUCHED;
    prefix_sum(in, out, n);

    for (int t = 0; t < GUARD; ++t) {
        if (storage[t].to_int() != GUARD_VALUE || storage[GUARD + N + t].to_int() != GUARD_VALUE) {
            std::printf("FAIL: %s: guard %d around out: expected %d got %d/%d\n", label, t,
                        GUARD_VALUE, storage[t].to_int(), storage[GUARD + N + t].to_int());
            ++failures;
            return;
        }
    }
    int64_t running = 0;
    for (int i = 0; i < N; ++i) {
        running += values[i];
        int64_t expect = (i < n) ? running : UNTOUCHED;
        if (out[i].to_int64() != expect) {
            std::printf("FAIL: %s (n=%d): out[%d]: expected %lld got %lld\n", label, n, i,
                        (long long)expect, (long long)out[i].to_int64());
            ++failures;
            return;
        }
    }
}

// Full length and lengths ending in every lane of a block.
void run_case(const char* label, const int values[N]) {
    const int lengths[] = {N, N - 1, 37, 6, 1, 0};
    for (int n : lengths) run_one(label, values, n);
}

}  // namespace

int main() {
    if (PS_N != N) {
        std::printf("FAIL: header size differs from the testbench's\n");
        return 1;
    }
    int v[N];

    // A single nonzero at each of several positions (every lane, first and last block).
    const int spots[] = {0, 1, 2, 3, 5, 30, 60, 61, 62, 63};
    for (int spot : spots) {
        for (int i = 0; i < N; ++i) v[i] = 0;
        v[spot] = (spot % 2) ? -(spot + 1) : (spot + 1);
        run_case("impulse", v);
    }

    // Distinct values per position: a ramp and powers-of-two-ish weights.
    for (int i = 0; i < N; ++i) v[i] = i + 1;
    run_case("ramp", v);
    for (int i = 0; i < N; ++i) v[i] = 1 << (i % 15);
    run_case("powers of two", v);

    // Full scale: the largest and smallest sums the output must hold.
    for (int i = 0; i < N; ++i) v[i] = 32767;
    run_case("all max", v);
    for (int i = 0; i < N; ++i) v[i] = -32768;
    run_case("all min", v);
    for (int i = 0; i < N; ++i) v[i] = (i % 2) ? 32767 : -32768;
    run_case("alternating", v);
    for (int i = 0; i < N; ++i) v[i] = (i % 8 < 4) ? -32768 : 32767;
    run_case("blocks of four", v);

    // Seeded random values over the full range.
    const uint32_t seeds[] = {29u, 0xBEEFCAFEu, 4099u, 0x0F0F0F0Fu, 6u};
    for (uint32_t seed : seeds) {
        rng_state = seed;
        for (int i = 0; i < N; ++i) v[i] = int(int16_t(next_rand() & 0xFFFF));
        run_case("random", v);
    }

    if (failures != 0) return 1;
    std::printf("PASS\n");
    return 0;
}
