// Self-checking testbench for matvec_q: a reference in plain 64-bit integers with rounding done
// by floor division, saturation by min/max; corner cases for rounding ties, saturation both
// ways, negative sums and argmax ties, then seeded random matrices.
#include <cstdint>
#include <cstdio>

#include "matvec_q.h"

namespace {

const int R = 8;
const int C = 16;

uint32_t rng_state = 1;
uint32_t next_rand() {
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 17;
    rng_state ^= rng_state << 5;
    return rng_state;
}

int64_t floor_div(int64_t a, int64_t b) {
    int64_t q = a / b;
    if ((a % b != 0) && (a < 0)) --q;
    return q;
}

int failures = 0;

void run_case(const char* label, const int wv[R][C], const int xv[C], const int bv[R]) {
    if (failures != 0) return;
    mv_w_t w[R][C];
    mv_x_t x[C];
    mv_bias_t bias[R];
    mv_out_t y[R];
    for (int r = 0; r < R; ++r) {
        for (int c = 0; c < C; ++c) w[r][c] = wv[r][c];
        bias[r] = bv[r];
        y[r] = 1234;
    }
    for (int c = 0; c < C; ++c) x[c] = xv[c];

    int got_row = matvec_q(w, x, bias, y);

    int64_t expect[R];
    for (int r = 0; r < R; ++r) {
        int64_t dot = 0;
        for (int c = C - 1; c >= 0; --c) dot += int64_t(wv[r][c]) * xv[c];
        int64_t v = floor_div(dot + 16, 32) + bv[r];
        if (v > 2047) v = 2047;
        if (v < -2048) v = -2048;
        expect[r] = v;
    }
    int exp_row = R - 1;
    for (int r = R - 2; r >= 0; --r)
        if (expect[r] >= expect[exp_row]) exp_row = r;

    for (int r = 0; r < R; ++r) {
        if (y[r].to_int64() != expect[r]) {
            std::printf("FAIL: %s: y[%d]: expected %lld got %lld\n", label, r, (long long)expect[r],
                        (long long)y[r].to_int64());
            ++failures;
            return;
        }
    }
    if (got_row != exp_row) {
        std::printf("FAIL: %s: argmax row: expected %d got %d\n", label, exp_row, got_row);
        ++failures;
    }
}

int wv[R][C];
int xv[C];
int bv[R];

void fill_random(int wmax, int bmax) {
    for (int r = 0; r < R; ++r) {
        for (int c = 0; c < C; ++c) wv[r][c] = int(next_rand() % (2 * wmax + 1)) - wmax;
        bv[r] = int(next_rand() % (2 * bmax + 1)) - bmax;
    }
    for (int c = 0; c < C; ++c) xv[c] = int(next_rand() % 256) - 128;
}

}  // namespace

int main() {
    // One-hot rows: row r picks x[2r] or x[2r+1] with weight r+1 (checks indexing).
    for (int r = 0; r < R; ++r) {
        for (int c = 0; c < C; ++c) wv[r][c] = (c == (3 * r + 1) % C) ? (r + 1) * 9 : 0;
        bv[r] = r * 5 - 17;
    }
    for (int c = 0; c < C; ++c) xv[c] = (c * 37) % 256 - 128;
    run_case("one-hot rows", wv, xv, bv);

    // Rounding ties: dot = 16 + 32k and -16 + 32k.
    for (int r = 0; r < R; ++r) {
        for (int c = 0; c < C; ++c) wv[r][c] = 0;
        wv[r][r] = 1;
        wv[r][r + 8] = (r % 2) ? -1 : 1;
        bv[r] = 0;
    }
    for (int c = 0; c < C; ++c) xv[c] = 0;
    xv[0] = 16; xv[8] = 0;
    xv[1] = 48; xv[9] = 0;
    xv[2] = -16; xv[10] = 0;
    xv[3] = 0; xv[11] = 15;
    xv[4] = 31; xv[12] = 1;
    xv[5] = -48; xv[13] = 0;
    xv[6] = 100; xv[14] = 17;
    xv[7] = -100; xv[15] = 27;
    run_case("rounding ties", wv, xv, bv);

    // Saturation both ways; and all-equal outputs for the argmax tie.
    for (int r = 0; r < R; ++r) {
        for (int c = 0; c < C; ++c) wv[r][c] = (r < 4) ? 127 : -128;
        bv[r] = (r % 2) ? 2047 : -2048;
    }
    for (int c = 0; c < C; ++c) xv[c] = (c % 3) ? 127 : -128;
    run_case("saturation", wv, xv, bv);
    for (int c = 0; c < C; ++c) xv[c] = -128;
    run_case("saturation flipped", wv, xv, bv);
    for (int r = 0; r < R; ++r) {
        for (int c = 0; c < C; ++c) wv[r][c] = 0;
        bv[r] = 3;
    }
    run_case("all equal", wv, xv, bv);
    bv[R - 1] = 4;
    run_case("max in last row", wv, xv, bv);
    bv[R - 1] = 3;
    bv[0] = -1;
    run_case("min in first row", wv, xv, bv);

    // Values right at the saturation limits: v = t + b with t = w[r][0] * 32 / 32.
    {
        const int t[R] = {1, 0, -1, 1, -1, 0, 1, -1};
        const int b[R] = {2047, 2047, -2048, 2046, -2046, -2048, 2045, -2047};
        for (int r = 0; r < R; ++r) {
            for (int c = 0; c < C; ++c) wv[r][c] = 0;
            wv[r][0] = t[r];
            bv[r] = b[r];
        }
        for (int c = 0; c < C; ++c) xv[c] = 0;
        xv[0] = 32;
        run_case("saturation limits", wv, xv, bv);
    }

    const uint32_t seeds[] = {11u, 0xC0FFEEu, 4242u, 77u, 1u << 20};
    for (uint32_t seed : seeds) {
        rng_state = seed;
        fill_random(127, 300);
        run_case("random full", wv, xv, bv);
        fill_random(3, 2);
        run_case("random small", wv, xv, bv);
        fill_random(20, 2047);
        run_case("random big bias", wv, xv, bv);
    }

    if (failures != 0) return 1;
    std::printf("PASS\n");
    return 0;
}
