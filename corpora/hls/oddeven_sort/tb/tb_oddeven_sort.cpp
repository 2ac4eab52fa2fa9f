// Self-checking testbench for oddeven_sort: the reference is a stable counting sort over the
// 1024 keys (records placed by key, then by input order); the exchange count is the number of
// key inversions. Sorted, reversed (the worst case needs all 16 phases), equal keys with
// distinct tags, extreme keys and seeded random records.
#include <cstdint>
#include <cstdio>

#include "oddeven_sort.h"

namespace {

const int N = 16;

uint32_t rng_state = 1;
uint32_t next_rand() {
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 17;
    rng_state ^= rng_state << 5;
    return rng_state;
}

int failures = 0;

void run_case(const char* label, const unsigned* keys, const unsigned* tags) {
    if (failures != 0) return;
    oe_rec_t in[N], out[N];
    unsigned rec[N];
    for (int i = 0; i < N; ++i) {
        rec[i] = ((keys[i] & 0x3FF) << 6) | (tags[i] & 0x3F);
        in[i] = rec[i];
        out[i] = 0xFFFF;
    }

    int nx = oddeven_sort(in, out);

    unsigned expect[N];
    int pos = 0;
    for (unsigned k = 0; k < 1024; ++k)
        for (int i = 0; i < N; ++i)
            if ((rec[i] >> 6) == k) expect[pos++] = rec[i];
    int inv = 0;
    for (int i = 0; i < N; ++i)
        for (int j = i + 1; j < N; ++j)
            if ((rec[i] >> 6) > (rec[j] >> 6)) ++inv;

    for (int i = 0; i < N; ++i) {
        if (in[i].to_uint() != rec[i]) {
            std::printf("FAIL: %s: input in[%d] modified\n", label, i);
            ++failures;
            return;
        }
        if (out[i].to_uint() != expect[i]) {
            std::printf("FAIL: %s: out[%d]: expected 0x%04x got 0x%04x\n", label, i, expect[i], out[i].to_uint());
            ++failures;
            return;
        }
    }
    if (nx != inv) {
        std::printf("FAIL: %s: exchanges: expected %d got %d\n", label, inv, nx);
        ++failures;
    }
}

}  // namespace

int main() {
    unsigned keys[N], tags[N];
    for (int i = 0; i < N; ++i) tags[i] = unsigned(i * 3 + 1);

    for (int i = 0; i < N; ++i) keys[i] = unsigned(i * 60);
    run_case("sorted", keys, tags);
    for (int i = 0; i < N; ++i) keys[i] = unsigned(1023 - i * 61);
    run_case("reversed", keys, tags);
    for (int i = 0; i < N; ++i) keys[i] = 512;
    run_case("equal keys", keys, tags);
    for (int i = 0; i < N; ++i) keys[i] = (i % 2) ? 0 : 1023;
    run_case("extremes alternating", keys, tags);
    for (int i = 0; i < N; ++i) keys[i] = unsigned(i + 1);
    keys[N - 1] = 0;
    run_case("smallest last", keys, tags);
    for (int i = 0; i < N; ++i) keys[i] = unsigned(i);
    keys[0] = 1000;
    run_case("largest first", keys, tags);
    for (int i = 0; i < N; ++i) keys[i] = unsigned((N - i) / 3);
    run_case("reversed with ties", keys, tags);

    const uint32_t seeds[] = {23u, 0xF00Du, 1234567u, 6u, 0x55AA55AAu, 404u};
    for (uint32_t seed : seeds) {
        rng_state = seed;
        for (int i = 0; i < N; ++i) {
            keys[i] = next_rand() & 0x3FF;
            tags[i] = next_rand() & 0x3F;
        }
        run_case("random", keys, tags);
        for (int i = 0; i < N; ++i) {
            keys[i] = next_rand() % 4;
            tags[i] = unsigned(i);
        }
        run_case("random few keys", keys, tags);
    }

    if (failures != 0) return 1;
    std::printf("PASS\n");
    return 0;
}
