// Self-checking testbench for horner_poly: the reference sums coef[i] * x^i term by term with
// an explicit running power (and i * coef[i] * x^(i-1) for the derivative); checks every value
// on both output streams, their counts, and that exactly n points are consumed.
#include <cstdint>
#include <cstdio>

#include "horner_poly.h"

namespace {

const int DEG = 7;
const int MAXP = 64;

uint32_t rng_state = 1;
uint32_t next_rand() {
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 17;
    rng_state ^= rng_state << 5;
    return rng_state;
}

int failures = 0;

void run_case(const char* label, const int* cv, const int* xv, int n) {
    if (failures != 0) return;
    hp_coef_t coef[DEG + 1];
    for (int i = 0; i <= DEG; ++i) coef[i] = cv[i];
    hls::stream<hp_x_t> xs("xs");
    hls::stream<hp_y_t> ys("ys");
    hls::stream<hp_y_t> dys("dys");
    for (int k = 0; k < n; ++k) xs.write(hp_x_t(xv[k]));
    xs.write(hp_x_t(-99));  // must stay unread

    horner_poly(coef, xs, ys, dys, n);

    if (xs.size() != 1) {
        std::printf("FAIL: %s: points consumed: expected %d got %d\n", label, n, int(n + 1 - xs.size()));
        ++failures;
        return;
    }
    if (int(ys.size()) != n || int(dys.size()) != n) {
        std::printf("FAIL: %s: values produced: expected %d got %d and %d\n", label, n,
                    int(ys.size()), int(dys.size()));
        ++failures;
        return;
    }
    for (int k = 0; k < n; ++k) {
        int64_t p = 0, dp = 0, pw = 1, pw_prev = 0;
        for (int i = 0; i <= DEG; ++i) {
            p += int64_t(cv[i]) * pw;
            dp += int64_t(i) * cv[i] * pw_prev;
            pw_prev = pw;
            pw *= xv[k];
        }
        int64_t gy = ys.read();
        int64_t gd = dys.read();
        if (gy != p) {
            std::printf("FAIL: %s: p(x[%d]=%d): expected %lld got %lld\n", label, k, xv[k],
                        (long long)p, (long long)gy);
            ++failures;
            return;
        }
        if (gd != dp) {
            std::printf("FAIL: %s: p'(x[%d]=%d): expected %lld got %lld\n", label, k, xv[k],
                        (long long)dp, (long long)gd);
            ++failures;
            return;
        }
    }
}

}  // namespace

int main() {
    int cv[DEG + 1];
    int xv[MAXP];
    for (int k = 0; k < MAXP; ++k) xv[k] = k - 32;

    // Each monomial alone, with a coefficient that differs per degree.
    for (int m = 0; m <= DEG; ++m) {
        for (int i = 0; i <= DEG; ++i) cv[i] = (i == m) ? (m + 2) * ((m % 2) ? -1 : 1) : 0;
        run_case("monomial", cv, xv, MAXP);
    }
    for (int i = 0; i <= DEG; ++i) cv[i] = i + 1;
    run_case("ascending coefficients", cv, xv, MAXP);
    run_case("single point", cv, xv + 33, 1);
    run_case("no points", cv, xv, 0);
    int ext[4] = {127, -128, 1, -1};
    for (int i = 0; i <= DEG; ++i) cv[i] = (i % 2) ? -2048 : 2047;
    run_case("extreme coefficients", cv, ext, 4);
    for (int i = 0; i <= DEG; ++i) cv[i] = 2047;
    run_case("max coefficients", cv, ext, 4);

    const uint32_t seeds[] = {21u, 0xACE1u, 1000003u, 64u};
    for (uint32_t seed : seeds) {
        rng_state = seed;
        for (int i = 0; i <= DEG; ++i) cv[i] = int(next_rand() % 4096) - 2048;
        for (int k = 0; k < MAXP; ++k) xv[k] = int(next_rand() % 256) - 128;
        run_case("random", cv, xv, MAXP);
        for (int i = 0; i <= DEG; ++i) cv[i] = int(next_rand() % 7) - 3;
        for (int k = 0; k < MAXP; ++k) xv[k] = int(next_rand() % 5) - 2;
        run_case("random small", cv, xv, 1 + int(next_rand() % MAXP));
    }

    if (failures != 0) return 1;
    std::printf("PASS\n");
    return 0;
}
