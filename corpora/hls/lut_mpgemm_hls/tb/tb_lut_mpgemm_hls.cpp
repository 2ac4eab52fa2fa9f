// Self-checking testbench for lut_mpgemm_hls: the RTL block's own golden model
// (fpga_targets/lut_mpgemm/golden) judges every row of every vector, over corner cases for
// every precision and signedness (zero, extreme, all -1 / +1 weights, -128 / 127
// activations) and seeded random mixed-precision vectors. Unused weight bits carry garbage;
// guard words around y catch writes past the vectors asked for.
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <vector>

#include "lut_mpgemm_golden.h"
#include "lut_mpgemm_hls.h"

namespace {

using lut_mpgemm_golden::GroupCfg;

const int K = LUT_K, M = LUT_M, G = LUT_G, NG = LUT_NG;
const int GUARD = 4;
const int32_t GUARD_WORD = 0x5A5A5A5A;

uint64_t rngState = 3;
uint32_t nextRand() {
    rngState ^= rngState << 13;
    rngState ^= rngState >> 7;
    rngState ^= rngState << 17;
    return static_cast<uint32_t>(rngState >> 16);
}
int randRange(int lo, int hi) { return lo + static_cast<int>(nextRand() % uint32_t(hi - lo + 1)); }

struct Vec {
    std::vector<int8_t> act;
    std::vector<uint8_t> wgt;   // M*K raw lanes
    std::vector<GroupCfg> cfg;  // NG
};

// wKind: 0 zero, 1 minimum, 2 maximum, 3 -1 (all ones), 4 +1, 5 random. actKind likewise.
Vec makeVec(int nbFixed, int signedFixed, int actKind, int wKind) {
    Vec v{std::vector<int8_t>(K), std::vector<uint8_t>(M * K), std::vector<GroupCfg>(NG)};
    for (auto& c : v.cfg) {
        c.nbits = nbFixed > 0 ? nbFixed : randRange(1, 4);
        c.is_signed = signedFixed >= 0 ? signedFixed != 0 : randRange(0, 1) != 0;
    }
    const int actPick[] = {0, -128, 127, -1, 1};
    for (auto& a : v.act) a = static_cast<int8_t>(actKind < 5 ? actPick[actKind] : randRange(-128, 127));
    for (int i = 0; i < M * K; ++i) {
        const GroupCfg& c = v.cfg[(i % K) / G];
        const int mask = (1 << c.nbits) - 1;
        const int lo = c.is_signed ? -(1 << (c.nbits - 1)) : 0;
        const int hi = c.is_signed ? (1 << (c.nbits - 1)) - 1 : mask;
        const int pick[] = {0, lo, hi, -1, 1};
        const int w = wKind < 5 ? pick[wKind] : randRange(lo, hi);
        v.wgt[i] = static_cast<uint8_t>((w & mask) | (nextRand() & 0xF & ~mask));
    }
    return v;
}

std::vector<Vec> vectors() {
    std::vector<Vec> all;
    for (int nb = 1; nb <= 4; ++nb)
        for (int sgn = 0; sgn <= 1; ++sgn)
            for (int ak = 0; ak < 6; ++ak)
                for (int wk = 0; wk < 6; wk += (ak == 5 ? 1 : 2)) all.push_back(makeVec(nb, sgn, ak, wk));
    for (int n = 0; n < 120; ++n) all.push_back(makeVec(0, -1, 5, 5));
    return all;
}

bool runBatch(const std::vector<Vec>& all, size_t first, int count) {
    static lut_act_t act[LUT_MAX_VECTORS * K];
    static lut_wgt_t wgt[LUT_MAX_VECTORS * M * K];
    static lut_cfg_t cfg[LUT_MAX_VECTORS * NG];
    static lut_acc_t storage[LUT_MAX_VECTORS * M + 2 * GUARD];
    for (int v = 0; v < count; ++v) {
        const Vec& x = all[first + v];
        for (int k = 0; k < K; ++k) act[v * K + k] = x.act[k];
        for (int i = 0; i < M * K; ++i) wgt[v * M * K + i] = x.wgt[i];
        for (int g = 0; g < NG; ++g) cfg[v * NG + g] = (x.cfg[g].nbits - 1) | (x.cfg[g].is_signed ? 4 : 0);
    }
    for (auto& w : storage) w = GUARD_WORD;
    lut_acc_t* y = storage + GUARD;

    lut_mpgemm_hls(act, wgt, cfg, y, count);

    for (int t = 0; t < GUARD; ++t)
        if (storage[t].to_int() != GUARD_WORD) {
            std::printf("FAIL: guard word %d before y: expected %d got %d\n", t, GUARD_WORD,
                        storage[t].to_int());
            return false;
        }
    for (int t = count * M; t < LUT_MAX_VECTORS * M + GUARD; ++t)
        if (y[t].to_int() != GUARD_WORD) {
            std::printf("FAIL: word %d past the last vector: expected %d got %d\n", t, GUARD_WORD,
                        y[t].to_int());
            return false;
        }
    for (int v = 0; v < count; ++v) {
        const Vec& x = all[first + v];
        const std::vector<int32_t> want = lut_mpgemm_golden::gemv(x.act, x.wgt, x.cfg, K, M, G);
        for (int m = 0; m < M; ++m)
            if (y[v * M + m].to_int() != want[m]) {
                std::printf("FAIL: vector %zu row %d (group 0: %d bits, %s): expected %d got %d\n",
                            first + v, m, x.cfg[0].nbits, x.cfg[0].is_signed ? "signed" : "unsigned",
                            want[m], y[v * M + m].to_int());
                return false;
            }
    }
    return true;
}

}  // namespace

int main() {
    const std::vector<Vec> all = vectors();
    size_t first = 0;
    int count = 1;
    while (first < all.size()) {
        const int n = static_cast<int>(std::min<size_t>(count, all.size() - first));
        if (!runBatch(all, first, n)) return 1;
        first += n;
        count = count % LUT_MAX_VECTORS + 7;   // batch sizes 1, 8, 15, ..., 32 and round again
        if (count > LUT_MAX_VECTORS) count = LUT_MAX_VECTORS;
    }
    std::printf("PASS lut_mpgemm_hls: %zu vectors\n", all.size());
    return 0;
}
