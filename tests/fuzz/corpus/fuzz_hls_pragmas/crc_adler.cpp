#include "crc_adler.h"

int crc_adler(const ca_byte_t data[CA_MAX], int n, ca_sum_t sums[2]) {
#pragma HLS INTERFACE m_axi port=data offset=slave bundle=gmem0 depth=320
#pragma HLS INTERFACE bram port=sums
#pragma HLS INTERFACE s_axilite port=n bundle=control
#pragma HLS INTERFACE s_axilite port=return bundle=control

    ca_crc_t crc = 0xFFFF;
    ap_uint<17> a = 1;
    ap_uint<17> b = 0;
    ca_byte_t byte;
    bool fb;
    int bit;
    int k = 0;

byte_loop:
    while (k < n) {
#pragma HLS PIPELINE II=1
#pragma HLS LOOP_TRIPCOUNT min=0 max=320 avg=160
        byte = data[k];

        // CRC: one shift per data bit, most significant bit first.
    bit_loop:
        for (bit = 7; bit >= 0; bit--) {
#pragma HLS UNROLL
            fb = crc[15] ^ byte[bit];
            crc = crc << 1;
            if (fb) crc ^= CA_POLY;
        }

        // Adler-32: both sums stay below the modulus after one conditional subtraction.
        a += byte;
        if (a >= CA_MOD) a -= CA_MOD;
        b += a;
        if (b >= CA_MOD) b -= CA_MOD;
        k++;
    }

    sums[0] = crc;
    sums[1] = (ca_sum_t(b) << 16) | ca_sum_t(a);
    return k;
}
