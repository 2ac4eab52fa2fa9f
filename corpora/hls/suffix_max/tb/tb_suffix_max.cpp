// Self-checking testbench for suffix_max: the reference computes each suffix maximum by a
// direct scan of the suffix and decides leadership pairwise; checks every smax and leaders
// entry, the padding and the count, and that the input is left alone.
#include <climits>
#include <cstdint>
#include <cstdio>

#include "suffix_max.h"

namespace {

const int N = 32;

uint32_t rng_state = 1;
uint32_t next_rand() {
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 17;
    rng_state ^= rng_state << 5;
    return rng_state;
}

int failures = 0;

void run_case(const char* label, const int* av) {
    if (failures != 0) return;
    int a[N], smax[N], leaders[N];
    for (int i = 0; i < N; ++i) {
        a[i] = av[i];
        smax[i] = 0x5A5A5A5A;
        leaders[i] = 0x5A5A5A5A;
    }

    int cnt = suffix_max(a, smax, leaders);

    int exp_smax[N], exp_lead[N];
    int ecnt = 0;
    for (int i = 0; i < N; ++i) {
        int m = av[i];
        bool leader = true;
        for (int j = i + 1; j < N; ++j) {
            if (av[j] > m) m = av[j];
            if (av[j] >= av[i]) leader = false;
        }
        exp_smax[i] = m;
        if (leader) exp_lead[ecnt++] = i;
    }
    for (int i = ecnt; i < N; ++i) exp_lead[i] = -1;

    for (int i = 0; i < N; ++i) {
        if (a[i] != av[i]) {
            std::printf("FAIL: %s: input a[%d] modified\n", label, i);
            ++failures;
            return;
        }
        if (smax[i] != exp_smax[i]) {
            std::printf("FAIL: %s: smax[%d]: expected %d got %d\n", label, i, exp_smax[i], smax[i]);
            ++failures;
            return;
        }
    }
    for (int i = 0; i < N; ++i) {
        if (leaders[i] != exp_lead[i]) {
            std::printf("FAIL: %s: leaders[%d]: expected %d got %d\n", label, i, exp_lead[i], leaders[i]);
            ++failures;
            return;
        }
    }
    if (cnt != ecnt) {
        std::printf("FAIL: %s: leader count: expected %d got %d\n", label, ecnt, cnt);
        ++failures;
    }
}

}  // namespace

int main() {
    int av[N];

    for (int i = 0; i < N; ++i) av[i] = i * 2 - 9;
    run_case("ascending", av);
    for (int i = 0; i < N; ++i) av[i] = 50 - i * 3;
    run_case("descending", av);
    for (int i = 0; i < N; ++i) av[i] = 4;
    run_case("all equal", av);
    for (int i = 0; i < N; ++i) av[i] = -1000 - i;
    run_case("descending negative", av);
    for (int i = 0; i < N; ++i) av[i] = (i == 0) ? INT_MAX : INT_MIN;
    run_case("max first", av);
    for (int i = 0; i < N; ++i) av[i] = (i == N - 1) ? INT_MAX : i;
    run_case("max last", av);
    for (int i = 0; i < N; ++i) av[i] = (i == N - 2) ? 100 : -i;
    run_case("max second last", av);
    for (int i = 0; i < N; ++i) av[i] = (i % 2) ? 10 - i : 20 - i;
    run_case("zigzag", av);
    for (int i = 0; i < N; ++i) av[i] = INT_MIN;
    run_case("all INT_MIN", av);

    const uint32_t seeds[] = {19u, 0xBADu, 424242u, 5u, 0x31415926u, 777u};
    for (uint32_t seed : seeds) {
        rng_state = seed;
        for (int i = 0; i < N; ++i) av[i] = int32_t(next_rand());
        run_case("random wide", av);
        for (int i = 0; i < N; ++i) av[i] = int(next_rand() % 8);
        run_case("random small", av);
        for (int i = 0; i < N; ++i) av[i] = 3 * (N - i) + int(next_rand() % 7);
        run_case("random mostly descending", av);
    }

    if (failures != 0) return 1;
    std::printf("PASS\n");
    return 0;
}
