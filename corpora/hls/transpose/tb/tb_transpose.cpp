// Self-checking testbench for transpose: every element of the output is compared with the
// input element it must come from, for position-coded, random and extreme matrices, and the
// guard words around the output are checked.
#include <climits>
#include <cstdint>
#include <cstdio>

#include "transpose.h"

namespace {

const int R = 8, C = 12;
const int GUARD = 4;
const int32_t GUARD_VALUE = 0x0BADF00D;

uint32_t rng_state = 1;
uint32_t next_rand() {
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 17;
    rng_state ^= rng_state << 5;
    return rng_state;
}

int failures = 0;

const int32_t UNTOUCHED = -0x3A3A3A3B;  // fill of out past 12 * rows

void run_one(const char* label, const int32_t in[R * C], int rows) {
    if (failures != 0) return;
    int32_t storage[R * C + 2 * GUARD];
    for (int t = 0; t < R * C + 2 * GUARD; ++t) storage[t] = GUARD_VALUE;
    int32_t* out = storage + GUARD;
    for (int t = 0; t < R * C; ++t) out[t] = UNTOUCHED;
    transpose(in, out, rows);

    for (int t = 0; t < GUARD; ++t) {
        if (storage[t] != GUARD_VALUE || storage[GUARD + R * C + t] != GUARD_VALUE) {
            std::printf("FAIL: %s: guard %d around out: expected %d got %d/%d\n", label, t,
                        GUARD_VALUE, storage[t], storage[GUARD + R * C + t]);
            ++failures;
            return;
        }
    }
    for (int t = 0; t < R * C; ++t) {
        int r = t / rows, c = t % rows;  // output row = input column, output column = input row
        int32_t expect = (t < C * rows) ? in[c * C + r] : UNTOUCHED;
        if (out[t] != expect) {
            std::printf("FAIL: %s (rows=%d): out[%d][%d]: expected %d got %d\n", label, rows, r,
                        c, expect, out[t]);
            ++failures;
            return;
        }
    }
}

void run_case(const char* label, const int32_t in[R * C]) {
    for (int rows = R; rows >= 1; --rows) run_one(label, in, rows);
}

}  // namespace

int main() {
    if (TR_ROWS != R || TR_COLS != C) {
        std::printf("FAIL: header sizes differ from the testbench's\n");
        return 1;
    }
    int32_t in[R * C];

    // Position-coded: the value names its own row and column.
    for (int i = 0; i < R; ++i)
        for (int j = 0; j < C; ++j) in[i * C + j] = 1000 * (i + 1) + (j + 1);
    run_case("position-coded", in);
    for (int t = 0; t < R * C; ++t) in[t] = -t - 1;
    run_case("negative index", in);

    // Extremes.
    for (int t = 0; t < R * C; ++t) in[t] = (t % 3 == 0) ? INT_MIN : (t % 3 == 1 ? INT_MAX : 0);
    run_case("extremes", in);

    // Seeded random matrices.
    const uint32_t seeds[] = {31u, 0xC0DEu, 1234567u};
    for (uint32_t seed : seeds) {
        rng_state = seed;
        for (int t = 0; t < R * C; ++t) in[t] = int32_t(next_rand());
        run_case("random", in);
    }

    if (failures != 0) return 1;
    std::printf("PASS\n");
    return 0;
}
