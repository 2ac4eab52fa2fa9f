// Self-checking testbench for bitserial_pe_hls: the RTL block's own golden model
// (fpga_targets/bitserial_pe/golden) judges every dot product. Single-group corner cases for
// every weight mode (zero, extreme and -1 / +1 weights, -128 / 127 activations, scales
// -128 / 127 / 0 / 1, shifts 0 and 15), sweeps of every shift and scale, then seeded random
// multi-group dot products with mixed modes. Unused weight bits always carry garbage.
#include <cstdint>
#include <cstdio>
#include <vector>

#include "bitserial_pe_golden.h"
#include "bitserial_pe_hls.h"

namespace {

using bitserial_golden::Group;

uint64_t rngState = 7;
uint32_t nextRand() {
    rngState ^= rngState << 13;
    rngState ^= rngState >> 7;
    rngState ^= rngState << 17;
    return static_cast<uint32_t>(rngState >> 16);
}
int randRange(int lo, int hi) { return lo + static_cast<int>(nextRand() % uint32_t(hi - lo + 1)); }

// kind: 0 zero, 1 most negative, 2 most positive, 3 -1, 4 +1, 5 random (weights in range).
int fieldValue(int kind, int lo, int hi) {
    switch (kind) {
        case 0: return 0;
        case 1: return lo;
        case 2: return hi;
        case 3: return -1;
        case 4: return 1;
        default: return randRange(lo, hi);
    }
}

Group makeGroup(int mode, int actKind, int wKind, int scale, int shift) {
    Group g;
    g.mode = mode;
    g.scale = scale;
    g.shift = shift;
    const int nb = bitserial_golden::nbits(mode);
    const int mask = (1 << nb) - 1;
    for (int i = 0; i < BS_GS; ++i) {
        g.a.push_back(static_cast<int8_t>(fieldValue(actKind, -128, 127)));
        const int w = fieldValue(wKind, -(1 << (nb - 1)), (1 << (nb - 1)) - 1);
        g.w.push_back(static_cast<uint8_t>((w & mask) | (nextRand() & 0xFF & ~mask)));
    }
    return g;
}

bs_beat_t beatOf(const Group& g) {
    bs_beat_t beat;
    beat.act = 0;
    beat.wgt = 0;
    for (int i = 0; i < BS_GS; ++i) {
        beat.act.range(8 * i + 7, 8 * i) = static_cast<uint8_t>(g.a[i]);
        beat.wgt.range(8 * i + 7, 8 * i) = g.w[i];
    }
    beat.mode = g.mode;
    beat.scale = g.scale;
    beat.shift = g.shift;
    beat.last = g.last ? 1 : 0;
    return beat;
}

std::vector<std::vector<Group>> dotProducts() {
    std::vector<std::vector<Group>> dots;
    const int scales[] = {-128, 127, 0, 1, -1};
    for (int mode = 0; mode < 4; ++mode)
        for (int ak = 0; ak < 6; ++ak)
            for (int wk = 0; wk < 6; ++wk) {
                const int scale = scales[(ak + wk) % 5];
                const int shift = (ak + wk + mode) % 3 == 0 ? 0 : (ak + wk) % 3 == 1 ? 15 : randRange(0, 15);
                dots.push_back({makeGroup(mode, ak, wk, scale, shift)});
            }
    for (int shift = 0; shift < 16; ++shift)
        dots.push_back({makeGroup(3, 5, 5, randRange(-128, 127), shift)});
    for (int scale = -128; scale < 128; scale += 17)
        dots.push_back({makeGroup(randRange(0, 3), 5, 5, scale, randRange(0, 15))});
    for (int n = 0; n < 150; ++n) {
        std::vector<Group> dot;
        const int groups = randRange(1, 5);
        for (int i = 0; i < groups; ++i)
            dot.push_back(makeGroup(randRange(0, 3), randRange(0, 5) == 0 ? randRange(0, 4) : 5,
                                    randRange(0, 5) == 0 ? randRange(0, 4) : 5,
                                    randRange(-128, 127), randRange(0, 15)));
        dots.push_back(dot);
    }
    for (auto& dot : dots) dot.back().last = true;
    return dots;
}

}  // namespace

int main() {
    const auto dots = dotProducts();
    hls::stream<bs_beat_t> in("in");
    hls::stream<bs_acc_t> out("out");
    int beats = 0;
    for (const auto& dot : dots)
        for (const Group& g : dot) {
            in.write(beatOf(g));
            ++beats;
        }
    bitserial_pe_hls(in, out, beats);

    if (out.size() != dots.size()) {
        std::printf("FAIL: result count: expected %zu got %zu\n", dots.size(), out.size());
        return 1;
    }
    for (size_t n = 0; n < dots.size(); ++n) {
        const int32_t want = bitserial_golden::dot(dots[n]);
        const int32_t got = out.read().to_int();
        if (got != want) {
            std::printf("FAIL: dot product %zu (%zu groups, first mode %d shift %d scale %d): "
                        "expected %d got %d\n",
                        n, dots[n].size(), dots[n][0].mode, dots[n][0].shift, dots[n][0].scale,
                        want, got);
            return 1;
        }
    }
    std::printf("PASS bitserial_pe_hls: %zu dot products, %d groups\n", dots.size(), beats);
    return 0;
}
