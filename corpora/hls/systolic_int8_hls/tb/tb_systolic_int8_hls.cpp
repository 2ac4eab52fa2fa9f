// Self-checking testbench for systolic_int8_hls: the RTL block's own golden model
// (fpga_targets/systolic_int8/golden) judges every element of C, over corner-case weight
// tiles (zeros, -128, 127, identity, all -1, checkerboard extremes, anti-diagonal) crossed
// with corner-case rows, and seeded random tiles and rows. Guard words around C catch
// writes past the rows asked for.
#include <cstdint>
#include <cstdio>
#include <vector>

#include "systolic_int8_golden.h"
#include "systolic_int8_hls.h"

namespace {

const int N = SYS_N;
const int GUARD = 4;
const int32_t GUARD_WORD = 0x5A5A5A5A;

uint64_t rngState = 1;
int randomInt8() {
    rngState ^= rngState << 13;
    rngState ^= rngState >> 7;
    rngState ^= rngState << 17;
    return static_cast<int8_t>(rngState >> 24);
}

std::vector<int8_t> cornerTile(int kind) {
    std::vector<int8_t> b(N * N);
    for (int i = 0; i < N * N; ++i) {
        const int k = i / N, j = i % N;
        switch (kind) {
            case 0: b[i] = 0; break;
            case 1: b[i] = -128; break;
            case 2: b[i] = 127; break;
            case 3: b[i] = (k == j) ? 1 : 0; break;
            case 4: b[i] = -1; break;
            case 5: b[i] = ((k + j) & 1) ? 127 : -128; break;
            case 6: b[i] = (k == N - 1 - j) ? -128 : 0; break;
            default: b[i] = static_cast<int8_t>(randomInt8()); break;
        }
    }
    return b;
}

std::vector<std::vector<int8_t>> cornerRows() {
    std::vector<std::vector<int8_t>> rows = {std::vector<int8_t>(N, 0), std::vector<int8_t>(N, -128),
                                             std::vector<int8_t>(N, 127), std::vector<int8_t>(N, 1),
                                             std::vector<int8_t>(N, -1)};
    for (int k = 0; k < N; ++k) {
        std::vector<int8_t> hot(N, 0);
        hot[k] = -128;
        rows.push_back(hot);
        hot[k] = 127;
        rows.push_back(hot);
    }
    return rows;
}

bool runTile(const char* label, const std::vector<int8_t>& tile,
             const std::vector<std::vector<int8_t>>& rows) {
    const int R = static_cast<int>(rows.size());
    sys_data_t b[N * N];
    sys_data_t a[SYS_MAX_ROWS * N];
    sys_acc_t storage[SYS_MAX_ROWS * N + 2 * GUARD];
    for (int i = 0; i < N * N; ++i) b[i] = tile[i];
    for (int i = 0; i < SYS_MAX_ROWS * N; ++i) a[i] = 0;
    for (int r = 0; r < R; ++r)
        for (int k = 0; k < N; ++k) a[r * N + k] = rows[r][k];
    for (auto& w : storage) w = GUARD_WORD;
    sys_acc_t* c = storage + GUARD;

    systolic_int8_hls(b, a, c, R);

    for (int t = 0; t < GUARD; ++t) {
        if (storage[t].to_int() != GUARD_WORD) {
            std::printf("FAIL: %s: guard word %d before C: expected %d got %d\n", label, t,
                        GUARD_WORD, storage[t].to_int());
            return false;
        }
    }
    for (int t = R * N; t < SYS_MAX_ROWS * N + GUARD; ++t) {
        if (c[t].to_int() != GUARD_WORD) {
            std::printf("FAIL: %s: word %d past row %d: expected %d got %d\n", label, t, R - 1,
                        GUARD_WORD, c[t].to_int());
            return false;
        }
    }
    for (int r = 0; r < R; ++r) {
        const std::vector<int32_t> want = systolic_golden::row_times_matrix(rows[r], tile, N);
        for (int j = 0; j < N; ++j) {
            if (c[r * N + j].to_int() != want[j]) {
                std::printf("FAIL: %s: C[%d][%d]: expected %d got %d\n", label, r, j, want[j],
                            c[r * N + j].to_int());
                return false;
            }
        }
    }
    return true;
}

}  // namespace

int main() {
    const auto corners = cornerRows();
    for (int kind = 0; kind < 7; ++kind)
        if (!runTile("corner tile x corner rows", cornerTile(kind), corners)) return 1;

    for (int t = 0; t < 60; ++t) {
        const int R = 1 + t % SYS_MAX_ROWS;
        std::vector<std::vector<int8_t>> rows(R, std::vector<int8_t>(N));
        for (auto& row : rows)
            for (auto& x : row) x = static_cast<int8_t>(randomInt8());
        if (!runTile("random tile x random rows", cornerTile(7), rows)) return 1;
    }
    std::vector<std::vector<int8_t>> fullRows(SYS_MAX_ROWS, std::vector<int8_t>(N, -128));
    if (!runTile("-128 tile, all 64 rows", cornerTile(1), fullRows)) return 1;

    std::printf("PASS systolic_int8_hls\n");
    return 0;
}
