// Self-checking testbench for bubble_sort: the reference ranks every key (number of smaller
// keys plus equal keys that come earlier), which gives the stable output position directly;
// the swap count is the number of inversions counted pairwise.
#include <climits>
#include <cstdint>
#include <cstdio>

#include "bubble_sort.h"

namespace {

const int N = 16;

uint32_t rng_state = 1;
uint32_t next_rand() {
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 17;
    rng_state ^= rng_state << 5;
    return rng_state;
}

int failures = 0;

void run_case(const char* label, const int* keys) {
    if (failures != 0) return;
    int in[N];
    int out[N];
    int perm[N];
    for (int k = 0; k < N; ++k) {
        in[k] = keys[k];
        out[k] = -7777;
        perm[k] = -7777;
    }

    int swaps = bubble_sort(in, out, perm);

    int exp_out[N];
    int exp_perm[N];
    long exp_swaps = 0;
    for (int a = 0; a < N; ++a) {
        int rank = 0;
        for (int b = 0; b < N; ++b) {
            if (keys[b] < keys[a] || (keys[b] == keys[a] && b < a)) ++rank;
            if (b > a && keys[b] < keys[a]) ++exp_swaps;
        }
        exp_out[rank] = keys[a];
        exp_perm[rank] = a;
    }
    for (int k = 0; k < N; ++k) {
        if (in[k] != keys[k]) {
            std::printf("FAIL: %s: input in[%d] modified: expected %d got %d\n", label, k, keys[k], in[k]);
            ++failures;
            return;
        }
    }
    for (int k = 0; k < N; ++k) {
        if (out[k] != exp_out[k]) {
            std::printf("FAIL: %s: out[%d]: expected %d got %d\n", label, k, exp_out[k], out[k]);
            ++failures;
            return;
        }
        if (perm[k] != exp_perm[k]) {
            std::printf("FAIL: %s: perm[%d]: expected %d got %d\n", label, k, exp_perm[k], perm[k]);
            ++failures;
            return;
        }
    }
    if (swaps != exp_swaps) {
        std::printf("FAIL: %s: swaps: expected %ld got %d\n", label, exp_swaps, swaps);
        ++failures;
    }
}

}  // namespace

int main() {
    int keys[N];

    for (int k = 0; k < N; ++k) keys[k] = k * 3 - 20;
    run_case("already sorted", keys);
    for (int k = 0; k < N; ++k) keys[k] = 100 - k * 7;
    run_case("reversed", keys);
    for (int k = 0; k < N; ++k) keys[k] = 5;
    run_case("all equal", keys);
    for (int k = 0; k < N; ++k) keys[k] = (k % 2) ? INT_MIN : INT_MAX;
    run_case("extremes alternating", keys);
    for (int k = 0; k < N; ++k) keys[k] = k;
    keys[0] = N;
    run_case("largest first", keys);
    for (int k = 0; k < N; ++k) keys[k] = k + 1;
    keys[N - 1] = -1;
    run_case("smallest last", keys);
    for (int k = 0; k < N; ++k) keys[k] = (k * 5) % 3 - (k & 4);
    run_case("few distinct", keys);

    const uint32_t seeds[] = {7u, 0xBEEFu, 123457u, 99u, 31337u, 2024u};
    for (uint32_t seed : seeds) {
        rng_state = seed;
        for (int k = 0; k < N; ++k) keys[k] = int32_t(next_rand());
        run_case("random wide", keys);
        for (int k = 0; k < N; ++k) keys[k] = int(next_rand() % 6) - 3;
        run_case("random duplicates", keys);
    }

    if (failures != 0) return 1;
    std::printf("PASS\n");
    return 0;
}
