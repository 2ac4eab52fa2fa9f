// Self-checking testbench for conv2d: an independent direct 3x3 correlation over images and
// kernels chosen to expose window alignment (impulses, one-hot kernels, ramps), extremes
// and seeded random data; checks every output pixel and the guard words around out.
#include <cstdint>
#include <cstdio>

#include "conv2d.h"

namespace {

const int H = 8, W = 8, K = 3, OH = 6, OW = 6;
const int GUARD = 3;
const int GUARD_VALUE = 0x2AAAA;

uint32_t rng_state = 1;
uint32_t next_rand() {
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 17;
    rng_state ^= rng_state << 5;
    return rng_state;
}

int failures = 0;

void run_case(const char* label, const int img[H * W], const int ker[K * K]) {
    if (failures != 0) return;
    conv_pix_t in[H * W];
    conv_coef_t weights[K * K];
    for (int t = 0; t < H * W; ++t) in[t] = img[t];
    for (int t = 0; t < K * K; ++t) weights[t] = ker[t];

    conv_out_t storage[OH * OW + 2 * GUARD];
    for (int t = 0; t < OH * OW + 2 * GUARD; ++t) storage[t] = GUARD_VALUE;
    conv_out_t* out = storage + GUARD;
    conv2d(in, weights, out);

    for (int t = 0; t < GUARD; ++t) {
        if (storage[t].to_int() != GUARD_VALUE || storage[GUARD + OH * OW + t].to_int() != GUARD_VALUE) {
            std::printf("FAIL: %s: guard %d around out: expected %d got %d/%d\n", label, t,
                        GUARD_VALUE, storage[t].to_int(), storage[GUARD + OH * OW + t].to_int());
            ++failures;
            return;
        }
    }
    for (int y = 0; y < OH; ++y) {
        for (int x = 0; x < OW; ++x) {
            int64_t expect = 0;
            for (int dy = 0; dy < K; ++dy)
                for (int dx = 0; dx < K; ++dx)
                    expect += int64_t(ker[dy * K + dx]) * img[(y + dy) * W + (x + dx)];
            int64_t got = out[y * OW + x].to_int64();
            if (got != expect) {
                std::printf("FAIL: %s: out[%d][%d]: expected %lld got %lld\n", label, y, x,
                            (long long)expect, (long long)got);
                ++failures;
                return;
            }
        }
    }
}

}  // namespace

int main() {
    if (CONV_H != H || CONV_W != W || CONV_K != K || CONV_OH != OH || CONV_OW != OW) {
        std::printf("FAIL: header sizes differ from the testbench's\n");
        return 1;
    }
    int img[H * W], ker[K * K];

    // Ramp image (each pixel distinct) with one-hot kernels: each output must equal the
    // pixel at one fixed offset, which pins down the window alignment tap by tap.
    for (int t = 0; t < H * W; ++t) img[t] = (t * 37 + 11) % 256;
    for (int hot = 0; hot < K * K; ++hot) {
        for (int t = 0; t < K * K; ++t) ker[t] = (t == hot) ? (hot % 2 ? -1 : 1) * (hot + 1) : 0;
        run_case("one-hot kernel", img, ker);
    }

    // Impulse image at several positions with an asymmetric kernel: the kernel must appear
    // flipped at the right place in the output.
    const int asym[K * K] = {1, -2, 3, -4, 5, -6, 7, -8, 9};
    const int spots[][2] = {{0, 0}, {3, 4}, {7, 7}, {2, 6}, {7, 0}};
    for (const auto& spot : spots) {
        for (int t = 0; t < H * W; ++t) img[t] = 0;
        img[spot[0] * W + spot[1]] = 200;
        run_case("impulse image", img, asym);
    }

    // Extremes: full-scale pixels with the most negative and most positive weights.
    for (int t = 0; t < H * W; ++t) img[t] = 255;
    for (int t = 0; t < K * K; ++t) ker[t] = -128;
    run_case("255 x -128", img, ker);
    for (int t = 0; t < K * K; ++t) ker[t] = 127;
    run_case("255 x 127", img, ker);
    for (int t = 0; t < H * W; ++t) img[t] = ((t / W + t % W) % 2) ? 255 : 0;
    for (int t = 0; t < K * K; ++t) ker[t] = (t % 2) ? 127 : -128;
    run_case("checkerboard", img, ker);

    // Seeded random images and kernels.
    const uint32_t seeds[] = {5u, 0x1234567u, 0xABCDEFu, 31337u};
    for (uint32_t seed : seeds) {
        rng_state = seed;
        for (int t = 0; t < H * W; ++t) img[t] = int(next_rand() & 0xFF);
        for (int t = 0; t < K * K; ++t) ker[t] = int(int8_t(next_rand() & 0xFF));
        run_case("random", img, ker);
    }

    if (failures != 0) return 1;
    std::printf("PASS\n");
    return 0;
}
