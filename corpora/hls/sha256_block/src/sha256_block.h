// sha256_block: the SHA-256 compression function (FIPS 180-4, section 6.2.2) applied to one
// 512-bit message block: state_out = state_in + 64 rounds over (state_in, block).
#ifndef VERILOOP_CORPUS_SHA256_BLOCK_H
#define VERILOOP_CORPUS_SHA256_BLOCK_H

#include "ap_int.h"

const int SHA_STATE_WORDS = 8;
const int SHA_BLOCK_WORDS = 16;
const int SHA_ROUNDS = 64;

typedef ap_uint<32> sha_word_t;

// block[0] holds the first four message bytes, big-endian.
void sha256_block(const sha_word_t state_in[SHA_STATE_WORDS],
                  const sha_word_t block[SHA_BLOCK_WORDS], sha_word_t state_out[SHA_STATE_WORDS]);

#endif
