// crc_adler: over data[0 .. n-1] (0 <= n <= CA_MAX), sums[0] = CRC-16/CCITT-FALSE (poly 0x1021,
// init 0xFFFF, no reflection, no final xor) and sums[1] = Adler-32 (a starts at 1, b at 0,
// both mod 65521; sums[1] = b << 16 | a). Returns the number of bytes processed.
#ifndef VERILOOP_CORPUS_CRC_ADLER_H
#define VERILOOP_CORPUS_CRC_ADLER_H

#include "ap_int.h"

const int CA_MAX = 320;
const unsigned CA_POLY = 0x1021;
const unsigned CA_MOD = 65521;

typedef ap_uint<8> ca_byte_t;
typedef ap_uint<16> ca_crc_t;
typedef ap_uint<32> ca_sum_t;

int crc_adler(const ca_byte_t data[CA_MAX], int n, ca_sum_t sums[2]);

#endif
