// Self-checking testbench for rle_encode: the reference finds each maximal run first and then
// cuts it into pieces of at most 15; checks every token, the token count on the stream, the
// return value and every histogram bin.
#include <cstdint>
#include <cstdio>

#include "rle_encode.h"

namespace {

const int N = 64;
const int MAXRUN = 15;

uint32_t rng_state = 1;
uint32_t next_rand() {
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 17;
    rng_state ^= rng_state << 5;
    return rng_state;
}

int failures = 0;

void run_case(const char* label, const int* sym) {
    if (failures != 0) return;
    rle_sym_t in[N];
    int hist[MAXRUN + 1];
    for (int k = 0; k < N; ++k) in[k] = sym[k];
    for (int b = 0; b <= MAXRUN; ++b) hist[b] = -5;
    hls::stream<rle_token_t> runs("runs");

    int got_runs = rle_encode(in, runs, hist);

    int exp_tok[N];
    int exp_hist[MAXRUN + 1] = {0};
    int nexp = 0;
    int start = 0;
    while (start < N) {
        int end = start;
        while (end + 1 < N && sym[end + 1] == sym[start]) ++end;
        int total = end - start + 1;
        while (total > 0) {
            int piece = total > MAXRUN ? MAXRUN : total;
            exp_tok[nexp++] = piece * 256 + sym[start];
            exp_hist[piece] += 1;
            total -= piece;
        }
        start = end + 1;
    }

    if (int(runs.size()) != nexp) {
        std::printf("FAIL: %s: tokens written: expected %d got %d\n", label, nexp, int(runs.size()));
        ++failures;
        return;
    }
    for (int t = 0; t < nexp; ++t) {
        int got = runs.read().to_int();
        if (got != exp_tok[t]) {
            std::printf("FAIL: %s: token %d: expected 0x%03x got 0x%03x\n", label, t, exp_tok[t], got);
            ++failures;
            return;
        }
    }
    if (got_runs != nexp) {
        std::printf("FAIL: %s: run count: expected %d got %d\n", label, nexp, got_runs);
        ++failures;
        return;
    }
    for (int b = 0; b <= MAXRUN; ++b) {
        if (hist[b] != exp_hist[b]) {
            std::printf("FAIL: %s: hist[%d]: expected %d got %d\n", label, b, exp_hist[b], hist[b]);
            ++failures;
            return;
        }
    }
}

}  // namespace

int main() {
    int sym[N];

    for (int k = 0; k < N; ++k) sym[k] = k;
    run_case("all distinct", sym);
    for (int k = 0; k < N; ++k) sym[k] = 0;
    run_case("all zero", sym);
    for (int k = 0; k < N; ++k) sym[k] = 255;
    run_case("all 255", sym);
    for (int k = 0; k < N; ++k) sym[k] = (k < 15) ? 7 : (k < 31 ? 9 : (k < 45 ? 7 : 200));
    run_case("runs of 15 16 14 19", sym);
    for (int k = 0; k < N; ++k) sym[k] = (k == 0) ? 1 : 2;
    run_case("lone first", sym);
    for (int k = 0; k < N; ++k) sym[k] = (k == N - 1) ? 1 : 2;
    run_case("lone last", sym);
    for (int k = 0; k < N; ++k) sym[k] = (k / 2) % 2 ? 0x80 : 0x7F;
    run_case("pairs", sym);
    // Run lengths 1, 2, ..., 10 and the remainder.
    {
        int pos = 0, len = 1, v = 10;
        while (pos < N) {
            for (int r = 0; r < len && pos < N; ++r) sym[pos++] = v;
            ++len;
            v += 17;
        }
    }
    run_case("growing runs", sym);

    const uint32_t seeds[] = {13u, 0xDEADu, 55555u, 600613u, 3u, 0x1234567u};
    for (uint32_t seed : seeds) {
        rng_state = seed;
        for (int k = 0; k < N; ++k) sym[k] = int(next_rand() & 0xFF);
        run_case("random symbols", sym);
        for (int k = 0; k < N; ++k) sym[k] = int(next_rand() % 3) + 250;
        run_case("random 3 symbols", sym);
        int v = int(next_rand() & 0xFF);
        for (int k = 0; k < N; ++k) {
            if (next_rand() % 12 == 0) v = int(next_rand() & 0xFF);
            sym[k] = v;
        }
        run_case("random long runs", sym);
    }

    if (failures != 0) return 1;
    std::printf("PASS\n");
    return 0;
}
