// Self-checking testbench for tlmm_engine_hls: the RTL block's own golden model
// (fpga_targets/tlmm_engine/golden) judges every row of every result, over corner cases
// (zeros, extremes, all +1 / all -1 / reserved-code weights, one-hot activations) and
// seeded random vectors, streamed through one call of the kernel.
#include <cstdint>
#include <cstdio>
#include <vector>

#include "tlmm_engine_golden.h"
#include "tlmm_engine_hls.h"

namespace {

struct Rng {
    uint64_t state;
    explicit Rng(uint64_t seed) : state(seed * 0x9E3779B97F4A7C15ull + 1) {}
    uint32_t next() {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        return static_cast<uint32_t>(state >> 16);
    }
    int range(int lo, int hi) { return lo + static_cast<int>(next() % uint32_t(hi - lo + 1)); }
};

struct Case {
    const char* label;
    std::vector<int8_t> act;     // K
    std::vector<uint8_t> code;   // M*K, code[m*K + k]
};

Case make(const char* label, int (*act)(int, Rng&), int (*code)(int, Rng&), Rng& rng) {
    Case c{label, std::vector<int8_t>(TLMM_K), std::vector<uint8_t>(TLMM_M * TLMM_K)};
    for (int k = 0; k < TLMM_K; ++k) c.act[k] = static_cast<int8_t>(act(k, rng));
    for (int i = 0; i < TLMM_M * TLMM_K; ++i) c.code[i] = static_cast<uint8_t>(code(i, rng));
    return c;
}

std::vector<Case> cases() {
    Rng rng(1);
    std::vector<Case> v;
    auto randAct = [](int, Rng& r) { return r.range(-128, 127); };
    auto randCode = [](int, Rng& r) { return r.range(0, 3); };
    v.push_back(make("all-zero activations", [](int, Rng&) { return 0; }, randCode, rng));
    v.push_back(make("all-zero weights", randAct, [](int, Rng&) { return 0; }, rng));
    v.push_back(make("reserved code 10", randAct, [](int, Rng&) { return 2; }, rng));
    v.push_back(make("-128 x +1", [](int, Rng&) { return -128; }, [](int, Rng&) { return 1; }, rng));
    v.push_back(make("-128 x -1", [](int, Rng&) { return -128; }, [](int, Rng&) { return 3; }, rng));
    v.push_back(make("127 x +1", [](int, Rng&) { return 127; }, [](int, Rng&) { return 1; }, rng));
    v.push_back(make("127 x -1", [](int, Rng&) { return 127; }, [](int, Rng&) { return 3; }, rng));
    v.push_back(make("alternating extremes", [](int k, Rng&) { return (k & 1) ? 127 : -128; },
                     [](int i, Rng&) { return (i & 1) ? 3 : 1; }, rng));
    v.push_back(make("ramp x row codes", [](int k, Rng&) { return 17 * k - 60; },
                     [](int i, Rng&) { return i / TLMM_K; }, rng));
    for (int p = 0; p < TLMM_K; ++p) {
        Case c = make("one-hot activation", [](int, Rng&) { return 0; },
                      [](int i, Rng&) { return (i & 2) ? 3 : 1; }, rng);
        c.act[p] = static_cast<int8_t>(p & 1 ? 127 : -128);
        v.push_back(c);
    }
    for (int n = 0; n < 200; ++n) v.push_back(make("random", randAct, randCode, rng));
    return v;
}

tlmm_beat_t beatOf(const Case& c, int grp) {
    tlmm_beat_t beat;
    beat.act = 0;
    beat.wgt = 0;
    for (int g = 0; g < TLMM_G; ++g)
        beat.act.range(8 * g + 7, 8 * g) = static_cast<uint8_t>(c.act[grp * TLMM_G + g]);
    for (int m = 0; m < TLMM_M; ++m)
        for (int g = 0; g < TLMM_G; ++g) {
            const int bit = 2 * (m * TLMM_G + g);
            beat.wgt.range(bit + 1, bit) = c.code[m * TLMM_K + grp * TLMM_G + g] & 3u;
        }
    return beat;
}

}  // namespace

int main() {
    const std::vector<Case> all = cases();
    hls::stream<tlmm_beat_t> in("in");
    hls::stream<tlmm_result_t> out("out");
    for (const Case& c : all)
        for (int grp = 0; grp < TLMM_NG; ++grp) in.write(beatOf(c, grp));
    tlmm_engine_hls(in, out, static_cast<int>(all.size()));

    if (!in.empty()) {
        std::printf("FAIL: input beats left unread: expected 0 got %zu\n", in.size());
        return 1;
    }
    if (out.size() != all.size()) {
        std::printf("FAIL: result count: expected %zu got %zu\n", all.size(), out.size());
        return 1;
    }
    for (size_t n = 0; n < all.size(); ++n) {
        const std::vector<int32_t> want =
            tlmm_golden::matvec(all[n].act, all[n].code, TLMM_K, TLMM_M);
        const tlmm_result_t got = out.read();
        for (int m = 0; m < TLMM_M; ++m) {
            if (got.y[m].to_int() != want[m]) {
                std::printf("FAIL: vector %zu (%s) row %d: expected %d got %d\n", n,
                            all[n].label, m, want[m], got.y[m].to_int());
                return 1;
            }
        }
    }
    std::printf("PASS tlmm_engine_hls: %zu vectors\n", all.size());
    return 0;
}
