// Self-checking testbench for sha256_block. The reference compression function here is
// written independently on uint32_t, with its round constants and initial hash value derived
// at run time from cube and square roots of the first primes (FIPS 180-4, 4.2.2 / 5.3.3) and
// checked against published digests. The kernel is then compared with the reference on known
// answers ("", "abc", the two-block 448-bit message), chained blocks and seeded random
// states and blocks; all eight output words are checked every time.
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "sha256_block.h"

namespace {

uint32_t K[64];
uint32_t H0[8];
const int GUARD = 2;
const uint32_t GUARD_WORD = 0xA5A5A5A5u;

uint32_t rng_state = 1;
uint32_t next_rand() {
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 17;
    rng_state ^= rng_state << 5;
    return rng_state;
}

uint32_t frac32(long double v) {
    long double frac = v - std::floor(v);
    return uint32_t(std::floor(frac * 4294967296.0L));
}

void derive_constants() {
    int primes[64];
    int count = 0;
    for (int p = 2; count < 64; ++p) {
        bool prime = true;
        for (int q = 2; q * q <= p; ++q)
            if (p % q == 0) prime = false;
        if (prime) primes[count++] = p;
    }
    for (int i = 0; i < 64; ++i) K[i] = frac32(std::cbrt((long double)primes[i]));
    for (int i = 0; i < 8; ++i) H0[i] = frac32(std::sqrt((long double)primes[i]));
}

uint32_t ror(uint32_t x, unsigned n) { return (x >> n) | (x << (32u - n)); }

void reference_compress(const uint32_t in[8], const uint32_t blk[16], uint32_t out[8]) {
    uint32_t w[64];
    for (int t = 0; t < 16; ++t) w[t] = blk[t];
    for (int t = 16; t < 64; ++t) {
        uint32_t s0 = ror(w[t - 15], 7) ^ ror(w[t - 15], 18) ^ (w[t - 15] >> 3);
        uint32_t s1 = ror(w[t - 2], 17) ^ ror(w[t - 2], 19) ^ (w[t - 2] >> 10);
        w[t] = w[t - 16] + s0 + w[t - 7] + s1;
    }
    uint32_t v[8];
    std::memcpy(v, in, sizeof v);
    for (int t = 0; t < 64; ++t) {
        uint32_t e = v[4], a = v[0];
        uint32_t t1 = v[7] + (ror(e, 6) ^ ror(e, 11) ^ ror(e, 25)) + ((e & v[5]) ^ (~e & v[6])) +
                      K[t] + w[t];
        uint32_t t2 = (ror(a, 2) ^ ror(a, 13) ^ ror(a, 22)) + ((a & v[1]) ^ (a & v[2]) ^ (v[1] & v[2]));
        for (int i = 7; i > 0; --i) v[i] = v[i - 1];
        v[4] += t1;
        v[0] = t1 + t2;
    }
    for (int i = 0; i < 8; ++i) out[i] = in[i] + v[i];
}

int failures = 0;

// Runs the kernel on one block and compares it with the reference; returns the kernel result.
bool kernel_block(const char* label, const uint32_t in[8], const uint32_t blk[16], uint32_t out[8]) {
    sha_word_t s_in[SHA_STATE_WORDS];
    sha_byte_t b_in[SHA_BLOCK_BYTES];
    for (int i = 0; i < 8; ++i) s_in[i] = in[i];
    for (int i = 0; i < 64; ++i) b_in[i] = sha_byte_t(blk[i / 4] >> (8 * (3 - i % 4)));
    sha_word_t storage[SHA_STATE_WORDS + 2 * GUARD];
    for (int i = 0; i < SHA_STATE_WORDS + 2 * GUARD; ++i) storage[i] = GUARD_WORD;
    sha_word_t* s_out = storage + GUARD;

    sha256_block(s_in, b_in, s_out);

    for (int i = 0; i < GUARD; ++i) {
        if (storage[i] != GUARD_WORD || storage[GUARD + 8 + i] != GUARD_WORD) {
            std::printf("FAIL: %s: guard %d around state_out: expected %08x got %08x/%08x\n",
                        label, i, GUARD_WORD, storage[i], storage[GUARD + 8 + i]);
            ++failures;
            return false;
        }
    }
    uint32_t expect[8];
    reference_compress(in, blk, expect);
    for (int i = 0; i < 8; ++i) {
        out[i] = s_out[i];
        if (out[i] != expect[i]) {
            std::printf("FAIL: %s: state_out[%d]: expected %08x got %08x\n", label, i, expect[i], out[i]);
            ++failures;
            return false;
        }
    }
    return true;
}

// Pads a message (FIPS 180-4, 5.1.1) and hashes it block by block through the kernel.
bool kernel_digest(const char* label, const std::string& msg, uint32_t digest[8]) {
    std::vector<uint8_t> bytes(msg.begin(), msg.end());
    uint64_t bit_len = uint64_t(bytes.size()) * 8;
    bytes.push_back(0x80);
    while (bytes.size() % 64 != 56) bytes.push_back(0);
    for (int i = 7; i >= 0; --i) bytes.push_back(uint8_t(bit_len >> (8 * i)));
    std::memcpy(digest, H0, sizeof H0);
    for (size_t off = 0; off < bytes.size(); off += 64) {
        uint32_t blk[16];
        for (int i = 0; i < 16; ++i)
            blk[i] = uint32_t(bytes[off + 4 * i]) << 24 | uint32_t(bytes[off + 4 * i + 1]) << 16 |
                     uint32_t(bytes[off + 4 * i + 2]) << 8 | uint32_t(bytes[off + 4 * i + 3]);
        uint32_t next[8];
        if (!kernel_block(label, digest, blk, next)) return false;
        std::memcpy(digest, next, sizeof next);
    }
    return true;
}

void known_answer(const char* label, const std::string& msg, const uint32_t want[8]) {
    if (failures != 0) return;
    uint32_t digest[8];
    if (!kernel_digest(label, msg, digest)) return;
    for (int i = 0; i < 8; ++i) {
        if (digest[i] != want[i]) {
            std::printf("FAIL: %s: digest word %d: expected %08x got %08x\n", label, i, want[i], digest[i]);
            ++failures;
            return;
        }
    }
}

}  // namespace

int main() {
    derive_constants();
    if (K[0] != 0x428a2f98u || K[63] != 0xc67178f2u || H0[0] != 0x6a09e667u || H0[7] != 0x5be0cd19u) {
        std::printf("FAIL: testbench could not derive the SHA-256 constants\n");
        return 1;
    }

    const uint32_t empty_digest[8] = {0xe3b0c442, 0x98fc1c14, 0x9afbf4c8, 0x996fb924,
                                      0x27ae41e4, 0x649b934c, 0xa495991b, 0x7852b855};
    const uint32_t abc_digest[8] = {0xba7816bf, 0x8f01cfea, 0x414140de, 0x5dae2223,
                                    0xb00361a3, 0x96177a9c, 0xb410ff61, 0xf20015ad};
    const uint32_t two_block_digest[8] = {0x248d6a61, 0xd20638b8, 0xe5c02693, 0x0c3e6039,
                                          0xa33ce459, 0x64ff2167, 0xf6ecedd4, 0x19db06c1};
    known_answer("sha256(\"\")", "", empty_digest);
    known_answer("sha256(\"abc\")", "abc", abc_digest);
    known_answer("sha256(448-bit message)",
                 "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", two_block_digest);

    // Corner blocks: all zeros and all ones with zero, all-ones and standard states.
    uint32_t state[8], blk[16], out[8];
    const uint32_t fills[] = {0x00000000u, 0xFFFFFFFFu, 0x80000001u};
    for (uint32_t sfill : fills) {
        for (uint32_t bfill : fills) {
            if (failures != 0) break;
            for (int i = 0; i < 8; ++i) state[i] = sfill;
            for (int i = 0; i < 16; ++i) blk[i] = bfill;
            kernel_block("fill", state, blk, out);
        }
    }
    // Single set bit walking over the block (one word at a time).
    for (int bit = 0; bit < 512 && failures == 0; bit += 37) {
        std::memcpy(state, H0, sizeof H0);
        for (int i = 0; i < 16; ++i) blk[i] = 0;
        blk[bit / 32] = 1u << (bit % 32);
        kernel_block("walking bit", state, blk, out);
    }

    // Seeded random states and blocks.
    for (uint32_t seed = 1; seed <= 24 && failures == 0; ++seed) {
        rng_state = seed * 0x9E3779B9u;
        for (int i = 0; i < 8; ++i) state[i] = next_rand();
        for (int i = 0; i < 16; ++i) blk[i] = next_rand();
        kernel_block("random", state, blk, out);
    }

    if (failures != 0) return 1;
    std::printf("PASS\n");
    return 0;
}
