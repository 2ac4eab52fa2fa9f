// bitserial_pe_hls: HLS C++ twin of the RTL block fpga_targets/bitserial_pe.
// Every beat is a group of GS int8 activations and GS weights of 2, 3, 4 or 8 bits (two's
// complement, low bits of each 8-bit lane); the group's exact dot product is dequantized as
// (psum * scale + ((1 << shift) >> 1)) >> shift (round half up, arithmetic shift) and
// accumulated; a beat with last = 1 closes the dot product and emits the int32 sum.
#ifndef VERILOOP_CORPUS_BITSERIAL_PE_HLS_H
#define VERILOOP_CORPUS_BITSERIAL_PE_HLS_H

#include <ap_int.h>
#include <hls_stream.h>

const int BS_GS = 4;          // lanes per group (per beat)
const int BS_MAX_BITS = 8;    // widest weight

typedef ap_int<8> bs_act_t;
typedef ap_int<10> bs_plane_t;    // sum of up to GS activations
typedef ap_int<18> bs_psum_t;     // exact group dot product (16 + log2 GS bits)
typedef ap_int<26> bs_scaled_t;   // psum * scale, exact
typedef ap_int<32> bs_acc_t;      // wraps like the RTL's ACCW = 32 accumulator

// One input beat, laid out as the RTL's input buses.
struct bs_beat_t {
    ap_uint<BS_GS * 8> act;   // bits [8i+7 : 8i]: activation a[i]
    ap_uint<BS_GS * 8> wgt;   // bits [8i+7 : 8i]: weight lane i, low nbits used
    ap_uint<2> mode;          // 0: 2-bit, 1: 3-bit, 2: 4-bit, 3: 8-bit weights
    ap_int<8> scale;
    ap_uint<4> shift;
    ap_uint<1> last;
};

// Consumes num_beats beats; emits one result per beat with last = 1.
void bitserial_pe_hls(hls::stream<bs_beat_t>& s_axis, hls::stream<bs_acc_t>& m_axis,
                      int num_beats);

#endif
