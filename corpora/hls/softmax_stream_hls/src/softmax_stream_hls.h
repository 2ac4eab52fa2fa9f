// softmax_stream_hls: HLS C++ twin of the RTL block fpga_targets/softmax_stream, bit-exact
// with it. Vectors of N int8 Q4.4 logits in; N uint16 Q0.15 probabilities (32768 = 1.0) out,
// last set on the N-th. Error bound as the RTL's: |y/32768 - softmax(x/16)| <= 2^-12.
#ifndef VERILOOP_CORPUS_SOFTMAX_STREAM_HLS_H
#define VERILOOP_CORPUS_SOFTMAX_STREAM_HLS_H

#include <ap_int.h>
#include <hls_stream.h>

const int SMX_N = 8;            // elements per vector
const int SMX_RECIP_BITS = 21;  // quotient bits of the reciprocal

typedef ap_int<8> smx_in_t;       // Q4.4 logit
typedef ap_uint<16> smx_exp_t;    // ~ 2^15 * exp(-d/16)
typedef ap_uint<19> smx_sum_t;    // sum of N exponents (16 + log2 N bits)
typedef ap_uint<21> smx_recip_t;  // floor(2^35 / sum)

// One output beat: the RTL's m_data and m_last.
struct smx_out_t {
    ap_uint<16> data;
    ap_uint<1> last;
};

// Consumes num_vectors * SMX_N logits and produces as many probabilities, in order.
void softmax_stream_hls(hls::stream<smx_in_t>& s_axis, hls::stream<smx_out_t>& m_axis,
                        int num_vectors);

#endif
