// What every block's co-simulation drivers share: the command line (--seed S --vectors N) and a
// seeded generator whose sequence is the same on every platform, so the HLS driver and the RTL
// driver of a block make the same vectors. Only the C++ standard library is used.
#pragma once

#include <cstdint>
#include <cstdlib>
#include <cstring>

namespace cosim {

struct Options {
    uint64_t seed = 1;
    int vectors = 200;
};

// --seed S and --vectors N; anything else (Verilator's +args) is left to others.
inline Options parseOptions(int argc, char** argv) {
    Options o;
    for (int i = 1; i + 1 < argc; ++i) {
        if (std::strcmp(argv[i], "--seed") == 0) o.seed = std::strtoull(argv[++i], nullptr, 0);
        else if (std::strcmp(argv[i], "--vectors") == 0) o.vectors = std::atoi(argv[++i]);
    }
    return o;
}

// splitmix64: a tiny generator whose sequence is fixed by the seed on every platform.
struct Rng {
    uint64_t state;
    explicit Rng(uint64_t seed) : state(seed) {}
    uint64_t next() {
        uint64_t z = (state += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    int range(int lo, int hi) { return lo + static_cast<int>(next() % uint64_t(hi - lo + 1)); }
    bool chance(int percent) { return static_cast<int>(next() % 100) < percent; }
};

}  // namespace cosim
