// Self-checking testbench for ternary_gemv: an independent decoder of the 2-bit weight codes
// (including the reserved code) and an int64 reference product. One-hot weights probe
// every lane of every word; all-(+1) / all-(-1) rows with full-scale activations probe the
// accumulator range; seeded random codes cover the rest. Every output is checked.
#include <cstdint>
#include <cstdio>

#include "ternary_gemv.h"

namespace {

const int ROWS = 8, COLS = 64, PER_WORD = 16, WORDS = 4;
const int GUARD = 2;
const int GUARD_VALUE = 0x456789;
const int UNTOUCHED = -0x1234567;  // fill of y[rows..]

// floor(v / 2^s) for either sign.
int64_t floor_shift(int64_t v, int s) {
    int64_t d = int64_t(1) << s;
    int64_t q = v / d;
    if (v % d != 0 && v < 0) q -= 1;
    return q;
}

uint32_t rng_state = 1;
uint32_t next_rand() {
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 17;
    rng_state ^= rng_state << 5;
    return rng_state;
}

int decode(uint32_t code) {
    switch (code & 3u) {
        case 1u: return 1;
        case 3u: return -1;
        default: return 0;  // 0b00 and the reserved 0b10
    }
}

int failures = 0;

// codes[i][j]: the 2-bit code of weight (i, j).
void run_one(const char* label, const uint8_t codes[ROWS][COLS], const int xv[COLS],
             const int sc[ROWS], int rows) {
    if (failures != 0) return;
    tg_word_t w[ROWS * WORDS];
    for (int i = 0; i < ROWS; ++i) {
        for (int wd = 0; wd < WORDS; ++wd) {
            uint32_t word = 0;  // built independently of the kernel: bit by bit
            for (int k = 0; k < PER_WORD; ++k)
                word |= uint32_t(codes[i][wd * PER_WORD + k] & 3u) << (2 * k);
            w[i * WORDS + wd] = word;
        }
    }
    tg_act_t x[COLS];
    for (int j = 0; j < COLS; ++j) x[j] = xv[j];
    tg_scale_t scale[ROWS];
    for (int i = 0; i < ROWS; ++i) scale[i] = sc[i];

    tg_out_t storage[ROWS + 2 * GUARD];
    for (int t = 0; t < ROWS + 2 * GUARD; ++t) storage[t] = GUARD_VALUE;
    tg_out_t* y = storage + GUARD;
    for (int t = 0; t < ROWS; ++t) y[t] = UNTOUCHED;
    ternary_gemv(w, x, scale, y, rows);

    for (int t = 0; t < GUARD; ++t) {
        if (storage[t] != GUARD_VALUE || storage[GUARD + ROWS + t] != GUARD_VALUE) {
            std::printf("FAIL: %s: guard %d around y: expected %d got %d/%d\n", label, t,
                        GUARD_VALUE, storage[t], storage[GUARD + ROWS + t]);
            ++failures;
            return;
        }
    }
    for (int i = 0; i < ROWS; ++i) {
        int64_t dot = 0;
        for (int j = 0; j < COLS; ++j) dot += int64_t(decode(codes[i][j])) * xv[j];
        int64_t expect = (i < rows) ? floor_shift(dot * sc[i] + 8, 4) : UNTOUCHED;
        if (y[i] != expect) {
            std::printf("FAIL: %s (rows=%d): y[%d]: expected %lld got %d\n", label, rows, i,
                        (long long)expect, y[i]);
            ++failures;
            return;
        }
    }
}

void run_case(const char* label, const uint8_t codes[ROWS][COLS], const int xv[COLS],
              const int sc[ROWS]) {
    for (int rows = ROWS; rows >= 1; rows -= 3) run_one(label, codes, xv, sc, rows);
}

}  // namespace

int main() {
    if (TG_ROWS != ROWS || TG_COLS != COLS || TG_PER_WORD != PER_WORD || TG_WORDS != WORDS) {
        std::printf("FAIL: header sizes differ from the testbench's\n");
        return 1;
    }
    static uint8_t codes[ROWS][COLS];
    int xv[COLS], sc[ROWS];

    // Distinct activations so any lane or word mix-up changes the sum.
    for (int j = 0; j < COLS; ++j) xv[j] = (j * 29) % 251 - 125;
    for (int i = 0; i < ROWS; ++i) sc[i] = 16 * (i + 1) + i;  // i + 1 and a fraction

    // One nonzero weight per row, walking over every column; +1, -1 and reserved codes.
    const uint8_t kinds[] = {1, 3, 2};
    for (uint8_t kind : kinds) {
        for (int base = 0; base < COLS; base += ROWS) {
            for (int i = 0; i < ROWS; ++i)
                for (int j = 0; j < COLS; ++j) codes[i][j] = (j == base + i) ? kind : 0;
            run_case("one-hot", codes, xv, sc);
        }
    }

    // Reserved codes everywhere (all zero weights) and mixed with real ones.
    for (int i = 0; i < ROWS; ++i)
        for (int j = 0; j < COLS; ++j) codes[i][j] = 2;
    run_case("all reserved", codes, xv, sc);
    for (int i = 0; i < ROWS; ++i)
        for (int j = 0; j < COLS; ++j) codes[i][j] = uint8_t((i + j) % 4);
    run_case("cycling codes", codes, xv, sc);

    // Full-scale rows: all +1 / all -1 with activations -128 or 127 and the largest scale.
    for (int i = 0; i < ROWS; ++i)
        for (int j = 0; j < COLS; ++j) codes[i][j] = (i % 2) ? 3 : 1;
    for (int j = 0; j < COLS; ++j) xv[j] = -128;
    for (int i = 0; i < ROWS; ++i) sc[i] = 255;
    run_case("full scale -128", codes, xv, sc);
    for (int j = 0; j < COLS; ++j) xv[j] = 127;
    run_case("full scale 127", codes, xv, sc);
    for (int i = 0; i < ROWS; ++i) sc[i] = (i % 3 == 0) ? 0 : (i % 3 == 1 ? 1 : 16);
    run_case("scales 0, 1/16 and 1", codes, xv, sc);
    // Rounding ties: sums of +-1 and +-3 with scale 8 (one half) and 24.
    for (int i = 0; i < ROWS; ++i)
        for (int j = 0; j < COLS; ++j) codes[i][j] = (j == i) ? ((i % 2) ? 3 : 1) : 0;
    for (int j = 0; j < COLS; ++j) xv[j] = (j % 3 == 0) ? 3 : 1;
    for (int i = 0; i < ROWS; ++i) sc[i] = (i < 4) ? 8 : 24;
    run_case("rounding ties", codes, xv, sc);

    // Seeded random codes, activations and scales.
    const uint32_t seeds[] = {41u, 0xDEC0DEu, 65537u, 0x13579BDFu, 8u};
    for (uint32_t seed : seeds) {
        rng_state = seed;
        for (int i = 0; i < ROWS; ++i)
            for (int j = 0; j < COLS; ++j) codes[i][j] = uint8_t(next_rand() & 3u);
        for (int j = 0; j < COLS; ++j) xv[j] = int(int8_t(next_rand() & 0xFF));
        for (int i = 0; i < ROWS; ++i) sc[i] = int(next_rand() & 0xFF);
        run_case("random", codes, xv, sc);
    }

    if (failures != 0) return 1;
    std::printf("PASS\n");
    return 0;
}
