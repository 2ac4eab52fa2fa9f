// Self-checking testbench for spmv_crs: builds dense matrices, converts them to CRS (with
// optionally shuffled column order and a nonzero base offset) and compares every y[i] with
// the dense product. All values are small multiples of powers of two, so every sum is exact
// in float whatever the summation order, and the comparison can be exact.
#include <cstdint>
#include <cstdio>

#include "spmv_crs.h"

namespace {

const int N = 16, NNZ_MAX = 96;
const int GUARD = 2;
const float GUARD_VALUE = -12345.5f;

uint32_t rng_state = 1;
uint32_t next_rand() {
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 17;
    rng_state ^= rng_state << 5;
    return rng_state;
}

int failures = 0;

// dense[i][j] == 0 means no entry. base: row_ptr[0]. shuffle: reverse each row's order.
void run_case(const char* label, const float dense[N][N], const float xv[N], int base,
              bool shuffle) {
    if (failures != 0) return;
    float val[NNZ_MAX];
    int col_idx[NNZ_MAX];
    int row_ptr[N + 1];
    for (int k = 0; k < NNZ_MAX; ++k) {
        val[k] = 1.0e6f;  // unused slots hold values that would spoil any sum
        col_idx[k] = (k * 5) % N;
    }
    int k = base;
    for (int i = 0; i < N; ++i) {
        row_ptr[i] = k;
        for (int jj = 0; jj < N; ++jj) {
            int j = shuffle ? (N - 1 - jj) : jj;
            if (dense[i][j] != 0.0f) {
                if (k >= NNZ_MAX) {
                    std::printf("FAIL: %s: testbench matrix has too many nonzeros\n", label);
                    ++failures;
                    return;
                }
                val[k] = dense[i][j];
                col_idx[k] = j;
                ++k;
            }
        }
    }
    row_ptr[N] = k;

    // Every row count from the full matrix down to none; rows from n_rows on keep their fill.
    const int row_counts[] = {N, N - 1, 9, 4, 1, 0};
    for (int n_rows : row_counts) {
        float storage[N + 2 * GUARD];
        for (int t = 0; t < N + 2 * GUARD; ++t) storage[t] = GUARD_VALUE;
        float* y = storage + GUARD;
        spmv_crs(val, col_idx, row_ptr, xv, y, n_rows);

        for (int t = 0; t < GUARD; ++t) {
            if (storage[t] != GUARD_VALUE || storage[GUARD + N + t] != GUARD_VALUE) {
                std::printf("FAIL: %s: guard %d around y: expected %.6f got %.6f/%.6f\n", label,
                            t, double(GUARD_VALUE), double(storage[t]),
                            double(storage[GUARD + N + t]));
                ++failures;
                return;
            }
        }
        for (int i = 0; i < N; ++i) {
            double expect = 0.0;
            for (int j = 0; j < N; ++j) expect += double(dense[i][j]) * double(xv[j]);
            if (i >= n_rows) expect = double(GUARD_VALUE);
            if (double(y[i]) != expect) {
                std::printf("FAIL: %s (n_rows=%d): y[%d]: expected %.6f got %.6f\n", label,
                            n_rows, i, expect, double(y[i]));
                ++failures;
                return;
            }
        }
    }
}

// A nonzero multiple of 0.25 in [-8, 8].
float rand_entry() {
    int q = int(next_rand() % 64) + 1;  // 1..64
    return (next_rand() & 1 ? -0.25f : 0.25f) * float(q) / 2.0f;
}
// A multiple of 0.5 in [-4, 4], distinct per column when possible.
float rand_x() { return 0.5f * float(int(next_rand() % 17) - 8); }

}  // namespace

int main() {
    if (SPMV_N != N || SPMV_NNZ_MAX != NNZ_MAX) {
        std::printf("FAIL: header sizes differ from the testbench's\n");
        return 1;
    }
    float dense[N][N];
    float xv[N];
    for (int j = 0; j < N; ++j) xv[j] = 0.5f * float(j + 1) * (j % 2 ? -1.0f : 1.0f);

    // Diagonal: y[i] = d[i] * x[i].
    for (int i = 0; i < N; ++i)
        for (int j = 0; j < N; ++j) dense[i][j] = (i == j) ? 0.25f * float(i + 2) : 0.0f;
    run_case("diagonal", dense, xv, 0, false);

    // Anti-diagonal with a nonzero base offset.
    for (int i = 0; i < N; ++i)
        for (int j = 0; j < N; ++j) dense[i][j] = (i + j == N - 1) ? float(i + 1) : 0.0f;
    run_case("anti-diagonal, base 5", dense, xv, 5, false);

    // Empty rows: first, last and some in the middle; one full row.
    for (int i = 0; i < N; ++i)
        for (int j = 0; j < N; ++j) dense[i][j] = 0.0f;
    for (int j = 0; j < N; ++j) dense[3][j] = 0.25f * float(j + 1);
    dense[7][0] = -2.0f;
    dense[7][N - 1] = 3.5f;
    dense[10][8] = 1.25f;
    run_case("empty rows", dense, xv, 0, false);
    run_case("empty rows, shuffled, base 9", dense, xv, 9, true);

    // All rows empty.
    for (int i = 0; i < N; ++i)
        for (int j = 0; j < N; ++j) dense[i][j] = 0.0f;
    run_case("all empty", dense, xv, 0, false);
    run_case("all empty, base 3", dense, xv, 3, false);

    // Single entry in the last row and last column.
    dense[N - 1][N - 1] = -7.75f;
    run_case("last corner", dense, xv, 0, false);
    dense[N - 1][N - 1] = 0.0f;
    dense[0][0] = 6.5f;
    run_case("first corner", dense, xv, 1, false);

    // Seeded random sparse matrices of growing density.
    const uint32_t seeds[] = {11u, 0xA5A5u, 8675309u, 0x31415926u, 2024u, 99u};
    int density = 10;  // percent
    for (uint32_t seed : seeds) {
        rng_state = seed;
        int nnz = 0;
        for (int i = 0; i < N; ++i)
            for (int j = 0; j < N; ++j) {
                bool keep = int(next_rand() % 100) < density && nnz < NNZ_MAX - 8;
                dense[i][j] = keep ? rand_entry() : 0.0f;
                if (keep) ++nnz;
            }
        for (int j = 0; j < N; ++j) xv[j] = rand_x();
        run_case("random", dense, xv, 0, false);
        run_case("random, shuffled, base 2", dense, xv, 2, true);
        density += 6;
    }

    if (failures != 0) return 1;
    std::printf("PASS\n");
    return 0;
}
