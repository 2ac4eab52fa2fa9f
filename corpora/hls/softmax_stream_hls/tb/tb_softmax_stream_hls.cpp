// Self-checking testbench for softmax_stream_hls: the RTL block's own golden model
// (fpga_targets/softmax_stream/golden) judges every output beat twice: bit-exact against the
// fixed-point model (the RTL's arithmetic), and within the RTL's documented error bound
// (2^-12) against double-precision softmax. Also checks last on the N-th beat only. Vectors:
// all equal (zeros, -128, 127), one hot extremes, the widest spread, every equal-gap sweep,
// and seeded random and clustered vectors.
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <vector>

#include "softmax_stream_golden.h"
#include "softmax_stream_hls.h"

namespace {

const int N = SMX_N;

uint64_t rngState = 11;
uint32_t nextRand() {
    rngState ^= rngState << 13;
    rngState ^= rngState >> 7;
    rngState ^= rngState << 17;
    return static_cast<uint32_t>(rngState >> 16);
}
int randRange(int lo, int hi) { return lo + static_cast<int>(nextRand() % uint32_t(hi - lo + 1)); }

std::vector<std::vector<int8_t>> vectors() {
    std::vector<std::vector<int8_t>> all;
    for (int fill : {0, -128, 127, -1, 1}) all.push_back(std::vector<int8_t>(N, static_cast<int8_t>(fill)));
    for (int p = 0; p < N; ++p) {
        std::vector<int8_t> hot(N, -128);
        hot[p] = 127;
        all.push_back(hot);
        std::vector<int8_t> cold(N, 127);
        cold[p] = -128;
        all.push_back(cold);
    }
    for (int gap = 1; gap <= 36; ++gap) {
        std::vector<int8_t> sweep(N);
        for (int i = 0; i < N; ++i) sweep[i] = static_cast<int8_t>(127 - gap * i);
        all.push_back(sweep);
    }
    for (int n = 0; n < 150; ++n) {
        std::vector<int8_t> x(N);
        const int centre = randRange(-128, 127);
        const bool clustered = n % 3 == 0;
        for (auto& v : x) {
            const int value = clustered ? centre + randRange(-6, 6) : randRange(-128, 127);
            v = static_cast<int8_t>(value < -128 ? -128 : value > 127 ? 127 : value);
        }
        all.push_back(x);
    }
    return all;
}

}  // namespace

int main() {
    const auto all = vectors();
    hls::stream<smx_in_t> in("in");
    hls::stream<smx_out_t> out("out");
    for (const auto& x : all)
        for (int8_t v : x) in.write(v);
    softmax_stream_hls(in, out, static_cast<int>(all.size()));

    if (out.size() != all.size() * N) {
        std::printf("FAIL: output beats: expected %zu got %zu\n", all.size() * N, out.size());
        return 1;
    }
    double worst = 0;
    for (size_t n = 0; n < all.size(); ++n) {
        const std::vector<uint16_t> want = softmax_golden::softmax_fixed(all[n]);
        const std::vector<double> exact = softmax_golden::softmax_double(all[n]);
        for (int i = 0; i < N; ++i) {
            const smx_out_t beat = out.read();
            const int got = beat.data.to_int();
            if (got != want[i]) {
                std::printf("FAIL: vector %zu element %d: expected %d got %d\n", n, i, want[i], got);
                return 1;
            }
            const double err = std::fabs(got / 32768.0 - exact[i]);
            worst = std::fmax(worst, err);
            if (err > softmax_golden::kErrorBound) {
                std::printf("FAIL: vector %zu element %d: error vs double softmax expected <= %g "
                            "got %g\n",
                            n, i, softmax_golden::kErrorBound, err);
                return 1;
            }
            const int wantLast = i == N - 1 ? 1 : 0;
            if (beat.last.to_int() != wantLast) {
                std::printf("FAIL: vector %zu element %d: last expected %d got %d\n", n, i,
                            wantLast, beat.last.to_int());
                return 1;
            }
        }
    }
    std::printf("PASS softmax_stream_hls: %zu vectors, max |err| vs double %.3g (bound %.3g)\n",
                all.size(), worst, softmax_golden::kErrorBound);
    return 0;
}
