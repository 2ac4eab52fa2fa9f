// Self-checking testbench for lift53: the reference splits the signal into even/odd sequences
// first and uses floor division written with explicit signs; the total variation is summed
// from the right. Ramps, steps, impulses at every parity, extremes and seeded noise.
#include <cstdint>
#include <cstdio>

#include "lift53.h"

namespace {

const int N = 32;
const int H = N / 2;

uint32_t rng_state = 1;
uint32_t next_rand() {
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 17;
    rng_state ^= rng_state << 5;
    return rng_state;
}

long floor_div(long a, long b) {
    long q = a / b;
    if (a % b != 0 && a < 0) --q;
    return q;
}

int failures = 0;

void run_case(const char* label, const int* xs) {
    if (failures != 0) return;
    int x[N + 1];
    int lo[H];
    int hi[H];
    for (int i = 0; i <= N; ++i) x[i] = xs[i];
    for (int k = 0; k < H; ++k) {
        lo[k] = 99999;
        hi[k] = 99999;
    }

    int tv = lift53(x, lo, hi);

    long ev[H + 1], od[H];
    for (int k = 0; k <= H; ++k) ev[k] = xs[2 * k];
    for (int k = 0; k < H; ++k) od[k] = xs[2 * k + 1];
    long eh[H], el[H];
    for (int k = 0; k < H; ++k) eh[k] = od[k] - floor_div(ev[k] + ev[k + 1], 2);
    for (int k = 0; k < H; ++k) {
        long prev = (k > 0) ? eh[k - 1] : eh[0];
        el[k] = ev[k] + floor_div(prev + eh[k] + 2, 4);
    }
    long etv = 0;
    for (int i = N; i > 0; --i) etv += (xs[i] > xs[i - 1]) ? (xs[i] - xs[i - 1]) : (xs[i - 1] - xs[i]);

    for (int k = 0; k < H; ++k) {
        if (hi[k] != eh[k]) {
            std::printf("FAIL: %s: hi[%d]: expected %ld got %d\n", label, k, eh[k], hi[k]);
            ++failures;
            return;
        }
        if (lo[k] != el[k]) {
            std::printf("FAIL: %s: lo[%d]: expected %ld got %d\n", label, k, el[k], lo[k]);
            ++failures;
            return;
        }
    }
    if (tv != etv) {
        std::printf("FAIL: %s: total variation: expected %ld got %d\n", label, etv, tv);
        ++failures;
    }
}

}  // namespace

int main() {
    int xs[N + 1];

    for (int i = 0; i <= N; ++i) xs[i] = 3 * i - 40;
    run_case("ramp", xs);
    for (int i = 0; i <= N; ++i) xs[i] = (i < 11) ? -500 : 700;
    run_case("step", xs);
    for (int p = 0; p <= N; ++p) {
        for (int i = 0; i <= N; ++i) xs[i] = (i == p) ? 1000 + p : 0;
        run_case("positive impulse", xs);
        for (int i = 0; i <= N; ++i) xs[i] = (i == p) ? -777 - p : 5;
        run_case("negative impulse", xs);
    }
    for (int i = 0; i <= N; ++i) xs[i] = (i % 2) ? 32767 : -32768;
    run_case("alternating extremes", xs);
    for (int i = 0; i <= N; ++i) xs[i] = (i % 2) ? -32768 : 32767;
    run_case("alternating extremes flipped", xs);
    for (int i = 0; i <= N; ++i) xs[i] = (i * i * 7) % 13 - 6;
    run_case("small odd values", xs);

    const uint32_t seeds[] = {5u, 0xABCDu, 271828u, 314159u, 8u};
    for (uint32_t seed : seeds) {
        rng_state = seed;
        for (int i = 0; i <= N; ++i) xs[i] = int(int16_t(next_rand() & 0xFFFF));
        run_case("random 16-bit", xs);
        for (int i = 0; i <= N; ++i) xs[i] = int(next_rand() % 9) - 4;
        run_case("random small", xs);
    }

    if (failures != 0) return 1;
    std::printf("PASS\n");
    return 0;
}
