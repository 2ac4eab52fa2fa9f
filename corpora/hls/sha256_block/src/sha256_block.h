// sha256_block: the SHA-256 compression function (FIPS 180-4, section 6.2.2) applied to one
// 512-bit message block: state_out = state_in + 64 rounds over (state_in, block).
#ifndef VERILOOP_CORPUS_SHA256_BLOCK_H
#define VERILOOP_CORPUS_SHA256_BLOCK_H

#include <cstdint>

const int SHA_STATE_WORDS = 8;
const int SHA_BLOCK_WORDS = 16;
const int SHA_BLOCK_BYTES = 64;
const int SHA_ROUNDS = 64;

typedef uint32_t sha_word_t;
typedef uint8_t sha_byte_t;

// block holds the 64 message bytes in order; message word t is bytes 4t..4t+3, big-endian.
void sha256_block(const sha_word_t state_in[SHA_STATE_WORDS],
                  const sha_byte_t block[SHA_BLOCK_BYTES], sha_word_t state_out[SHA_STATE_WORDS]);

#endif
