// Self-checking testbench for gemv: an independent int64 reference of the layer (bias,
// dot product, optional ReLU, rounding right shift, int8 saturation) over seeded and corner
// cases, for every shift amount, both ReLU settings and several row counts; every output
// element is checked (rows from `rows` on must keep their fill).
#include <cstdint>
#include <cstdio>

#include "gemv.h"

namespace {

const int ROWS = 16, COLS = 32;
const int GUARD = 3;
const int GUARD_VALUE = 0x55;  // as int8: 85
const int UNTOUCHED = -77;      // fill of y[rows..]

uint32_t rng_state = 1;
uint32_t next_rand() {
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 17;
    rng_state ^= rng_state << 5;
    return rng_state;
}

int failures = 0;

int reference_output(const int w[], const int x[], const int bias[], int row, bool relu,
                     int shift) {
    int64_t sum = bias[row];
    for (int col = 0; col < COLS; ++col) sum += int64_t(w[row * COLS + col]) * x[col];
    if (relu && sum < 0) sum = 0;
    if (shift != 0) {
        // floor((sum + 2^(shift-1)) / 2^shift), written without shifts of negative values
        int64_t div = int64_t(1) << shift;
        int64_t num = sum + div / 2;
        int64_t q = num / div;
        if (num % div != 0 && num < 0) q -= 1;
        sum = q;
    }
    if (sum > 127) return 127;
    if (sum < -128) return -128;
    return int(sum);
}

void run_case(const char* label, const int w[], const int x[], const int bias[], bool relu,
              int shift, int rows = ROWS) {
    if (failures != 0) return;
    gemv_wt_t w_in[ROWS * COLS];
    gemv_act_t x_in[COLS];
    gemv_bias_t b_in[ROWS];
    for (int t = 0; t < ROWS * COLS; ++t) w_in[t] = gemv_wt_t(w[t]);
    for (int t = 0; t < COLS; ++t) x_in[t] = gemv_act_t(x[t]);
    for (int t = 0; t < ROWS; ++t) b_in[t] = bias[t];

    gemv_out_t storage[ROWS + 2 * GUARD];
    for (int t = 0; t < ROWS + 2 * GUARD; ++t) storage[t] = GUARD_VALUE;
    gemv_out_t* y = storage + GUARD;
    for (int t = 0; t < ROWS; ++t) y[t] = UNTOUCHED;
    gemv(w_in, x_in, b_in, y, rows, relu, shift);

    for (int t = 0; t < GUARD; ++t) {
        if (storage[t] != GUARD_VALUE || storage[GUARD + ROWS + t] != GUARD_VALUE) {
            std::printf("FAIL: %s: write outside y: expected %d got %d/%d\n", label, GUARD_VALUE,
                        storage[t], storage[GUARD + ROWS + t]);
            ++failures;
            return;
        }
    }
    for (int row = 0; row < ROWS; ++row) {
        int expect = (row < rows) ? reference_output(w, x, bias, row, relu, shift) : UNTOUCHED;
        if (y[row] != expect) {
            std::printf("FAIL: %s (rows=%d relu=%d shift=%d): y[%d]: expected %d got %d\n", label,
                        rows, int(relu), shift, row, expect, int(y[row]));
            ++failures;
            return;
        }
    }
}

int rand_int8() { return int(int8_t(next_rand() & 0xFF)); }
int rand_uint8() { return int(next_rand() & 0xFF); }
int rand_bias(int span) { return int(next_rand() % uint32_t(2 * span + 1)) - span; }

}  // namespace

int main() {
    if (GEMV_ROWS != ROWS || GEMV_COLS != COLS) {
        std::printf("FAIL: header sizes differ from the testbench's\n");
        return 1;
    }
    static int w[ROWS * COLS];
    int x[COLS], bias[ROWS];

    // Random layers: each seed is run for every shift and both ReLU settings.
    const uint32_t seeds[] = {7u, 0xBADC0DEu, 424242u};
    for (uint32_t seed : seeds) {
        rng_state = seed;
        for (int t = 0; t < ROWS * COLS; ++t) w[t] = rand_int8();
        for (int t = 0; t < COLS; ++t) x[t] = rand_uint8();
        for (int t = 0; t < ROWS; ++t) bias[t] = rand_bias(40000);
        for (int shift = 0; shift < 16; ++shift) {
            run_case("random", w, x, bias, false, shift);
            run_case("random", w, x, bias, true, shift);
        }
        const int row_counts[] = {0, 1, 5, 15};
        for (int rows : row_counts) run_case("random, partial", w, x, bias, true, 9, rows);
    }

    // Small sums near zero: exercises rounding ties (odd sums with shift 1), sign of the
    // rounding and the ReLU boundary (sum exactly 0 and -1).
    for (int t = 0; t < ROWS * COLS; ++t) w[t] = 0;
    for (int t = 0; t < COLS; ++t) x[t] = t % 5;
    for (int row = 0; row < ROWS; ++row) {
        w[row * COLS + row] = (row % 2) ? 1 : -1;  // picks +-x[row] in [-4, 4]
        bias[row] = row - 8;                // sums from -10 to +9
    }
    for (int shift = 0; shift < 5; ++shift) {
        run_case("near zero", w, x, bias, false, shift);
        run_case("near zero", w, x, bias, true, shift);
    }

    // Sums across the saturation limits: bias sweeps -135..+130 around -128 and 127.
    for (int t = 0; t < ROWS * COLS; ++t) w[t] = 0;
    for (int t = 0; t < COLS; ++t) x[t] = 1;
    const int around[ROWS] = {-135, -130, -129, -128, -127, -126, -1, 0,
                              1,    125,  126,  127,  128,  129,  130, 4095};
    for (int row = 0; row < ROWS; ++row) bias[row] = around[row];
    run_case("saturation", w, x, bias, false, 0);
    run_case("saturation", w, x, bias, true, 0);
    run_case("saturation", w, x, bias, false, 1);
    for (int row = 0; row < ROWS; ++row) bias[row] = 2 * around[row] + (row % 2);
    run_case("saturation x2", w, x, bias, false, 1);

    // Largest magnitudes: every product 255*(-128) and 255*127, bias at the 24-bit limits.
    for (int t = 0; t < ROWS * COLS; ++t) w[t] = (t / COLS) % 2 ? 127 : -128;
    for (int t = 0; t < COLS; ++t) x[t] = 255;
    for (int row = 0; row < ROWS; ++row) bias[row] = (row % 3 == 0) ? 8388607 : (row % 3 == 1 ? -8388608 : 0);
    for (int shift = 0; shift < 16; shift += 3) {
        run_case("extremes", w, x, bias, false, shift);
        run_case("extremes", w, x, bias, true, shift);
    }
    run_case("extremes, partial", w, x, bias, false, 15, 7);

    // Position-weighted: each column contributes a distinct amount, each row a distinct mix.
    for (int row = 0; row < ROWS; ++row)
        for (int col = 0; col < COLS; ++col) w[row * COLS + col] = ((row + 1) * (col + 3)) % 11 - 5;
    for (int col = 0; col < COLS; ++col) x[col] = col * 8 + 3;
    for (int row = 0; row < ROWS; ++row) bias[row] = row * 37 - 300;
    for (int shift = 0; shift < 8; ++shift) {
        run_case("ramp", w, x, bias, false, shift);
        run_case("ramp", w, x, bias, true, shift);
    }

    if (failures != 0) return 1;
    std::printf("PASS\n");
    return 0;
}
