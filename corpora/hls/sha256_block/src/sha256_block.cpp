#include "sha256_block.h"

static const sha_word_t ROUND_K[SHA_ROUNDS] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4,
    0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe,
    0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f,
    0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7,
    0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc,
    0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b,
    0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116,
    0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
    0xc67178f2};

// The four SHA-256 functions, with each rotation written out as a pair of shifts.
static sha_word_t big_sigma0(sha_word_t x) {
#pragma HLS INLINE
    return ((x >> 2) | (x << 30)) ^ ((x >> 13) | (x << 19)) ^ ((x >> 22) | (x << 10));
}

static sha_word_t big_sigma1(sha_word_t x) {
#pragma HLS INLINE
    return ((x >> 6) | (x << 26)) ^ ((x >> 11) | (x << 21)) ^ ((x >> 25) | (x << 7));
}

static sha_word_t small_sigma0(sha_word_t x) {
#pragma HLS INLINE
    return ((x >> 7) | (x << 25)) ^ ((x >> 18) | (x << 14)) ^ (x >> 3);
}

static sha_word_t small_sigma1(sha_word_t x) {
#pragma HLS INLINE
    return ((x >> 17) | (x << 15)) ^ ((x >> 19) | (x << 13)) ^ (x >> 10);
}

void sha256_block(const sha_word_t state_in[SHA_STATE_WORDS],
                  const sha_byte_t block[SHA_BLOCK_BYTES], sha_word_t state_out[SHA_STATE_WORDS]) {
#pragma HLS INTERFACE m_axi port=state_in offset=slave bundle=gmem0 depth=8
#pragma HLS INTERFACE m_axi port=block offset=slave bundle=gmem1 depth=64
#pragma HLS INTERFACE m_axi port=state_out offset=slave bundle=gmem0 depth=8
#pragma HLS INTERFACE s_axilite port=return bundle=control

    // window[k] holds message word W[t + k] during round t.
    sha_word_t window[SHA_BLOCK_WORDS];
#pragma HLS ARRAY_PARTITION variable=window type=complete dim=1
    sha_word_t init[SHA_STATE_WORDS];
#pragma HLS ARRAY_PARTITION variable=init type=complete dim=1

load_block:
    for (int k = 0; k < SHA_BLOCK_WORDS; k++) {
#pragma HLS PIPELINE II=1
        sha_word_t b0 = block[4 * k];
        sha_word_t b1 = block[4 * k + 1];
        sha_word_t b2 = block[4 * k + 2];
        sha_word_t b3 = block[4 * k + 3];
        window[k] = (b0 << 24) | (b1 << 16) | (b2 << 8) | b3;
    }
load_state:
    for (int k = 0; k < SHA_STATE_WORDS; k++) {
#pragma HLS PIPELINE II=1
        init[k] = state_in[k];
    }

    sha_word_t a = init[0], b = init[1], c = init[2], d = init[3];
    sha_word_t e = init[4], f = init[5], g = init[6], h = init[7];

round_loop:
    for (int t = 0; t < SHA_ROUNDS; t++) {
#pragma HLS PIPELINE II=1
        sha_word_t wt = window[0];

        // Message schedule: W[t + 16] from the window, then slide it by one word.
        sha_word_t w1 = window[1];
        sha_word_t w14 = window[14];
        sha_word_t next = window[0] + small_sigma0(w1) + window[9] + small_sigma1(w14);
    slide_loop:
        for (int k = 0; k < SHA_BLOCK_WORDS - 1; k++) {
#pragma HLS UNROLL
            window[k] = window[k + 1];
        }
        window[SHA_BLOCK_WORDS - 1] = next;

        // One compression round.
        sha_word_t ch = (e & f) ^ (~e & g);
        sha_word_t temp1 = h + big_sigma1(e) + ch + ROUND_K[t] + wt;
        sha_word_t maj = (a & b) ^ (a & c) ^ (b & c);
        sha_word_t temp2 = big_sigma0(a) + maj;

        h = g;
        g = f;
        f = e;
        e = d + temp1;
        d = c;
        c = b;
        b = a;
        a = temp1 + temp2;
    }

    state_out[0] = init[0] + a;
    state_out[1] = init[1] + b;
    state_out[2] = init[2] + c;
    state_out[3] = init[3] + d;
    state_out[4] = init[4] + e;
    state_out[5] = init[5] + f;
    state_out[6] = init[6] + g;
    state_out[7] = init[7] + h;
}
