// Self-checking testbench for fir: an independent reference convolution (its own copy of
// the coefficients) over impulses, steps, extremes and seeded noise; checks every output
// sample, that exactly n samples are consumed and exactly n produced.
#include <cstdint>
#include <cstdio>

#include "fir.h"

namespace {

const int TAPS = 16;
const int64_t kCoef[TAPS] = {-3,   11,   -27, 58,   -104, 190, -377, 1205,
                             2890, -641, 263, -129, 71,   -36, 17,   -6};

uint32_t rng_state = 1;
uint32_t next_rand() {
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 17;
    rng_state ^= rng_state << 5;
    return rng_state;
}

int failures = 0;

void run_case(const char* label, const int32_t* x, int n) {
    if (failures != 0) return;
    hls::stream<fir_sample_t> in("fir_in");
    hls::stream<fir_out_t> out("fir_out");
    for (int s = 0; s < n; ++s) in.write(fir_sample_t(x[s]));
    // One extra sample the kernel must leave alone.
    in.write(fir_sample_t(12345));

    fir(in, out, n);

    if (in.size() != 1) {
        std::printf("FAIL: %s: samples consumed: expected %d got %d\n", label, n,
                    int(n + 1 - in.size()));
        ++failures;
        return;
    }
    if (out.size() != size_t(n)) {
        std::printf("FAIL: %s: samples produced: expected %d got %d\n", label, n, int(out.size()));
        ++failures;
        return;
    }
    for (int s = 0; s < n; ++s) {
        int64_t expect = 0;
        for (int t = 0; t < TAPS; ++t) {
            if (s - t >= 0) expect += kCoef[t] * x[s - t];
        }
        int64_t got = out.read().to_int64();
        if (got != expect) {
            std::printf("FAIL: %s (n=%d): y[%d]: expected %lld got %lld\n", label, n, s,
                        (long long)expect, (long long)got);
            ++failures;
            return;
        }
    }
}

}  // namespace

int main() {
    static int32_t x[FIR_MAX_SAMPLES];

    // Impulses (unit and full-scale negative) reveal each coefficient at its own lag.
    for (int s = 0; s < 40; ++s) x[s] = (s == 0) ? 1 : 0;
    run_case("unit impulse", x, 40);
    for (int s = 0; s < 40; ++s) x[s] = (s == 3) ? -32768 : 0;
    run_case("negative impulse", x, 40);
    for (int s = 0; s < 40; ++s) x[s] = (s == 5) ? 32767 : 0;
    run_case("positive impulse", x, 40);

    // Step: running sums of the coefficients.
    for (int s = 0; s < 24; ++s) x[s] = 1000;
    run_case("step", x, 24);

    // Full-scale alternating signs: the largest magnitudes the accumulator must hold.
    for (int s = 0; s < 48; ++s) x[s] = (s % 2) ? 32767 : -32768;
    run_case("alternating full scale", x, 48);
    for (int s = 0; s < 48; ++s) x[s] = -32768;
    run_case("constant -32768", x, 48);

    // Short runs: fewer samples than taps, exactly taps, and no samples at all.
    for (int s = 0; s < TAPS; ++s) x[s] = 100 * (s + 1) - 900;
    run_case("one sample", x, 1);
    run_case("taps-1 samples", x, TAPS - 1);
    run_case("taps samples", x, TAPS);
    run_case("no samples", x, 0);

    // Seeded noise, including the maximum length.
    const uint32_t seeds[] = {3u, 0xFACEu, 99991u};
    for (uint32_t seed : seeds) {
        rng_state = seed;
        for (int s = 0; s < FIR_MAX_SAMPLES; ++s) x[s] = int32_t(int16_t(next_rand() & 0xFFFF));
        run_case("noise", x, FIR_MAX_SAMPLES);
    }

    if (failures != 0) return 1;
    std::printf("PASS\n");
    return 0;
}
