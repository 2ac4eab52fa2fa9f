// Self-checking testbench for histogram: an independent count per bin (value / 16) over
// seeded random data, runs of one bin, alternating bins, bin edges (15/16, 0/255), and
// lengths 0, 1, short, odd and full; checks all 16 bins and the guard words around hist.
#include <cstdint>
#include <cstdio>

#include "histogram.h"

namespace {

const int MAX = 256, BINS = 16;
const int GUARD = 2;
const unsigned GUARD_VALUE = 0xBEEF;

uint32_t rng_state = 1;
uint32_t next_rand() {
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 17;
    rng_state ^= rng_state << 5;
    return rng_state;
}

int failures = 0;

void run_case(const char* label, const int* values, int n) {
    if (failures != 0) return;
    hist_data_t data[MAX];
    for (int i = 0; i < MAX; ++i) data[i] = (i < n) ? values[i] : (i * 13) % 256;  // noise after n

    unsigned expect[BINS] = {0};
    for (int i = 0; i < n; ++i) expect[values[i] / 16] += 1;

    hist_count_t storage[BINS + 2 * GUARD];
    for (int t = 0; t < BINS + 2 * GUARD; ++t) storage[t] = GUARD_VALUE;
    hist_count_t* hist = storage + GUARD;
    histogram(data, n, hist);

    for (int t = 0; t < GUARD; ++t) {
        if (storage[t] != GUARD_VALUE || storage[GUARD + BINS + t] != GUARD_VALUE) {
            std::printf("FAIL: %s: guard %d around hist: expected %u got %u/%u\n", label, t,
                        GUARD_VALUE, unsigned(storage[t]), unsigned(storage[GUARD + BINS + t]));
            ++failures;
            return;
        }
    }
    for (int b = 0; b < BINS; ++b) {
        if (hist[b] != expect[b]) {
            std::printf("FAIL: %s (n=%d): hist[%d]: expected %u got %u\n", label, n, b,
                        expect[b], unsigned(hist[b]));
            ++failures;
            return;
        }
    }
}

}  // namespace

int main() {
    if (HIST_MAX != MAX || HIST_BINS != BINS) {
        std::printf("FAIL: header sizes differ from the testbench's\n");
        return 1;
    }
    int v[MAX] = {0};

    // Empty input and single samples in the first, a middle and the last bin.
    run_case("empty", v, 0);
    v[0] = 0;
    run_case("single 0", v, 1);
    v[0] = 255;
    run_case("single 255", v, 1);
    v[0] = 0x70;
    run_case("single 0x70", v, 1);

    // One bin only: bin 0 and a bin with the top sample bit set.
    for (int i = 0; i < MAX; ++i) v[i] = i % 16;
    run_case("all in bin 0", v, MAX);
    for (int i = 0; i < MAX; ++i) v[i] = 0xA0 + i % 16;
    run_case("all in bin 10", v, MAX);

    // Alternating bins (every sample changes the bin) and bin edges.
    for (int i = 0; i < MAX; ++i) v[i] = (i % 2) ? 15 : 16;
    run_case("edges 15/16", v, MAX);
    run_case("edges 15/16 odd length", v, 37);
    for (int i = 0; i < MAX; ++i) v[i] = (i % 2) ? 0 : 255;
    run_case("edges 0/255", v, MAX);

    // Runs of varying length that revisit earlier bins.
    int pos = 0;
    for (int run = 0; pos < MAX; ++run) {
        int len = 1 + (run * 7) % 9;
        int bin = (run * 5 + 3) % 16;
        for (int t = 0; t < len && pos < MAX; ++t) v[pos++] = bin * 16 + (t * 3) % 16;
    }
    run_case("runs", v, MAX);
    run_case("runs", v, 100);

    // Every value once, ascending and descending.
    for (int i = 0; i < MAX; ++i) v[i] = i;
    run_case("ascending", v, MAX);
    for (int i = 0; i < MAX; ++i) v[i] = 255 - i;
    run_case("descending", v, MAX);
    run_case("descending", v, 200);

    // Seeded random data; skewed so bins get different counts.
    const uint32_t seeds[] = {23u, 0x600DF00Du, 5150u, 0x12121212u};
    for (uint32_t seed : seeds) {
        rng_state = seed;
        for (int i = 0; i < MAX; ++i) {
            uint32_t r = next_rand();
            v[i] = (r & 0x100) ? int(r & 0xFF) : int((r & 0xFF) % 80);
        }
        run_case("random", v, MAX);
        run_case("random", v, int(seed % 200) + 1);
    }

    if (failures != 0) return 1;
    std::printf("PASS\n");
    return 0;
}
