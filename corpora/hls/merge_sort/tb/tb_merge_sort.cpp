// Self-checking testbench for merge_sort: the reference is std::stable_sort of (key, value)
// records. Values are unique tags, so stability (equal keys keep input order), loss or
// duplication of records and writes beyond n are all visible. Covers every length 0..16,
// duplicates, extremes, sorted and reverse-sorted inputs and seeded random keys.
#include <algorithm>
#include <climits>
#include <cstdint>
#include <cstdio>
#include <utility>
#include <vector>

#include "merge_sort.h"

namespace {

const int MAX = 16;
const int GUARD = 2;

uint32_t rng_state = 1;
uint32_t next_rand() {
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 17;
    rng_state ^= rng_state << 5;
    return rng_state;
}

int failures = 0;

void run_case(const char* label, const int32_t* key_in, int n) {
    if (failures != 0) return;
    // Arrays with guard records on both sides; positions n..MAX-1 hold sentinels too.
    int32_t key_store[MAX + 2 * GUARD];
    uint16_t val_store[MAX + 2 * GUARD];
    for (int t = 0; t < MAX + 2 * GUARD; ++t) {
        key_store[t] = -777777 - t;
        val_store[t] = uint16_t(60000 + t);
    }
    int32_t* keys = key_store + GUARD;
    uint16_t* vals = val_store + GUARD;
    std::vector<std::pair<int32_t, uint16_t>> expect;
    for (int t = 0; t < n; ++t) {
        keys[t] = key_in[t];
        vals[t] = uint16_t(1000 + 7 * t);
        expect.push_back({key_in[t], vals[t]});
    }
    std::stable_sort(expect.begin(), expect.end(),
                     [](const std::pair<int32_t, uint16_t>& a,
                        const std::pair<int32_t, uint16_t>& b) { return a.first < b.first; });

    merge_sort(keys, vals, n);

    for (int t = 0; t < MAX + 2 * GUARD; ++t) {
        int pos = t - GUARD;
        int32_t want_key;
        uint16_t want_val;
        if (pos >= 0 && pos < n) {
            want_key = expect[pos].first;
            want_val = expect[pos].second;
        } else {
            want_key = -777777 - t;
            want_val = uint16_t(60000 + t);
        }
        if (key_store[t] != want_key || val_store[t] != want_val) {
            std::printf("FAIL: %s (n=%d): record %d: expected (%d, %u) got (%d, %u)\n", label, n,
                        pos, want_key, unsigned(want_val), key_store[t], unsigned(val_store[t]));
            ++failures;
            return;
        }
    }
}

}  // namespace

int main() {
    if (MS_MAX != MAX) {
        std::printf("FAIL: header size differs from the testbench's\n");
        return 1;
    }
    int32_t k[MAX];

    // Every length, random keys with many duplicates (stability) and wide-range keys.
    for (int n = 0; n <= MAX; ++n) {
        rng_state = 1000u + uint32_t(n);
        for (int t = 0; t < MAX; ++t) k[t] = int32_t(next_rand() % 5) - 2;
        run_case("duplicates", k, n);
        for (int t = 0; t < MAX; ++t) k[t] = int32_t(next_rand());
        run_case("random", k, n);
    }

    // Already sorted, reverse sorted, all equal.
    for (int t = 0; t < MAX; ++t) k[t] = t * 3 - 20;
    run_case("sorted", k, MAX);
    run_case("sorted", k, 11);
    for (int t = 0; t < MAX; ++t) k[t] = 50 - t * 3;
    run_case("reverse", k, MAX);
    run_case("reverse", k, 13);
    for (int t = 0; t < MAX; ++t) k[t] = 42;
    run_case("all equal", k, MAX);
    run_case("all equal", k, 9);

    // Extremes of the key range mixed with duplicates.
    const int32_t extremes[MAX] = {INT_MAX, INT_MIN, 0,       -1, INT_MAX, 1,  INT_MIN, 0,
                                   -1,      INT_MAX, INT_MIN, 7,  -7,      0,  INT_MIN, INT_MAX};
    run_case("extremes", extremes, MAX);
    run_case("extremes", extremes, 6);
    run_case("extremes", extremes, 15);

    // Two pre-sorted halves of unequal length interleaving exactly.
    for (int t = 0; t < MAX; ++t) k[t] = (t < 8) ? 2 * t : 2 * (t - 8) + 1;
    run_case("interleaved halves", k, MAX);
    // Duplicates across run boundaries: the left run must win ties.
    for (int t = 0; t < MAX; ++t) k[t] = (t % 4 < 2) ? 5 : 3;
    run_case("ties across runs", k, MAX);
    run_case("ties across runs", k, 10);

    // More seeded random full-length cases.
    for (uint32_t seed = 1; seed <= 40; ++seed) {
        rng_state = seed * 2654435761u;
        for (int t = 0; t < MAX; ++t) k[t] = int32_t(next_rand() % 9);
        run_case("seeded", k, MAX);
        run_case("seeded", k, int(seed % 17));
    }

    if (failures != 0) return 1;
    std::printf("PASS\n");
    return 0;
}
