// Self-checking testbench for crc_adler: the reference CRC is table-driven (the table built
// from the polynomial with the textbook shift-and-xor loop) and the reference Adler-32 sums in
// 64 bits and reduces once at the end; the standard check value "123456789" -> 0x29B1 and
// known Adler values are asserted too.
#include <cstdint>
#include <cstdio>
#include <cstring>

#include "crc_adler.h"

namespace {

const int MAXN = 320;

uint32_t rng_state = 1;
uint32_t next_rand() {
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 17;
    rng_state ^= rng_state << 5;
    return rng_state;
}

uint16_t crc_table[256];

void build_table() {
    for (int v = 0; v < 256; ++v) {
        uint16_t r = uint16_t(v << 8);
        for (int s = 0; s < 8; ++s) r = (r & 0x8000) ? uint16_t((r << 1) ^ 0x1021) : uint16_t(r << 1);
        crc_table[v] = r;
    }
}

uint16_t ref_crc(const uint8_t* d, int n) {
    uint16_t c = 0xFFFF;
    for (int i = 0; i < n; ++i) c = uint16_t((c << 8) ^ crc_table[((c >> 8) ^ d[i]) & 0xFF]);
    return c;
}

uint32_t ref_adler(const uint8_t* d, int n) {
    uint64_t a = 1, b = 0;
    for (int i = 0; i < n; ++i) {
        a += d[i];
        b += a;
    }
    return uint32_t(((b % 65521) << 16) | (a % 65521));
}

int failures = 0;

void run_case(const char* label, const uint8_t* bytes, int n) {
    if (failures != 0) return;
    ca_byte_t data[MAXN];
    for (int i = 0; i < MAXN; ++i) data[i] = (i < n) ? bytes[i] : uint8_t(0xA5 ^ i);
    ca_sum_t sums[2];
    sums[0] = 0xDEADBEEF;
    sums[1] = 0xDEADBEEF;

    int got_n = crc_adler(data, n, sums);

    uint32_t ec = ref_crc(bytes, n);
    uint32_t ea = ref_adler(bytes, n);
    if (sums[0].to_uint() != ec) {
        std::printf("FAIL: %s (n=%d): crc: expected 0x%04x got 0x%08x\n", label, n, ec, sums[0].to_uint());
        ++failures;
        return;
    }
    if (sums[1].to_uint() != ea) {
        std::printf("FAIL: %s (n=%d): adler: expected 0x%08x got 0x%08x\n", label, n, ea, sums[1].to_uint());
        ++failures;
        return;
    }
    if (got_n != n) {
        std::printf("FAIL: %s: bytes processed: expected %d got %d\n", label, n, got_n);
        ++failures;
    }
}

}  // namespace

int main() {
    build_table();
    uint8_t buf[MAXN];

    // Known answers.
    const char* check = "123456789";
    std::memcpy(buf, check, 9);
    if (ref_crc(buf, 9) != 0x29B1 || ref_adler(buf, 9) != 0x091E01DEu) {
        std::printf("FAIL: reference self-check\n");
        return 1;
    }
    run_case("check string", buf, 9);
    run_case("empty", buf, 0);
    run_case("one byte", buf, 1);

    for (int i = 0; i < MAXN; ++i) buf[i] = 0xFF;
    run_case("all ones", buf, MAXN);
    run_case("all ones 63", buf, MAXN - 1);
    for (int i = 0; i < MAXN; ++i) buf[i] = 0;
    run_case("all zero", buf, MAXN);
    for (int b = 0; b < 8; ++b) {
        buf[0] = uint8_t(1u << b);
        run_case("single bit", buf, 1);
        run_case("single bit then zeros", buf, 5);
    }
    for (int i = 0; i < MAXN; ++i) buf[i] = uint8_t(i * 4 + 1);
    for (int n = 0; n <= MAXN; ++n) run_case("counting bytes", buf, n);

    // a reaches the modulus exactly: 1 + 256 * 255 + 240 = 65521.
    for (int i = 0; i < MAXN; ++i) buf[i] = (i < 256) ? 0xFF : (i == 256 ? 240 : 3);
    run_case("a hits modulus", buf, MAXN);
    run_case("a hits modulus last", buf, 257);
    // b reaches the modulus exactly: steer each byte so that b + a lands on 65521 when it can.
    {
        rng_state = 99;
        uint32_t a = 1, b = 0;
        int hits = 0;
        int last_hit = 0;
        for (int i = 0; i < MAXN; ++i) {
            uint32_t want = (65521 + 65521 - b - a) % 65521;
            uint8_t v = (want <= 255 && i > 20) ? uint8_t(want) : uint8_t(next_rand() & 0xFF);
            buf[i] = v;
            a = (a + v) % 65521;
            if (b + a == 65521) {
                ++hits;
                last_hit = i;
            }
            b = (b + a) % 65521;
        }
        if (hits == 0) {
            std::printf("FAIL: testbench could not steer b onto the modulus\n");
            return 1;
        }
        run_case("b hits modulus", buf, MAXN);
        run_case("b hits modulus last", buf, last_hit + 1);
    }

    const uint32_t seeds[] = {17u, 0xFEEDu, 8675309u, 2u, 0x7FFFFFFFu};
    for (uint32_t seed : seeds) {
        rng_state = seed;
        for (int i = 0; i < MAXN; ++i) buf[i] = uint8_t(next_rand());
        run_case("random full", buf, MAXN);
        run_case("random prefix", buf, int(next_rand() % MAXN));
        for (int i = 0; i < MAXN; ++i) buf[i] = uint8_t(0xF0 | (next_rand() & 0x0F));
        run_case("random high bytes", buf, MAXN);
    }

    if (failures != 0) return 1;
    std::printf("PASS\n");
    return 0;
}
