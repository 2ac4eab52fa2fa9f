// lut_mpgemm_hls: HLS C++ twin of the RTL block fpga_targets/lut_mpgemm.
// y[m] = sum_k W[m][k] * x[k], int8 x, int32 wrap-around y. Weights are 4-bit lanes of which
// each group of G activations uses the low nb = 1..4 bits, signed (two's complement) or
// unsigned, chosen per group.
#ifndef VERILOOP_CORPUS_LUT_MPGEMM_HLS_H
#define VERILOOP_CORPUS_LUT_MPGEMM_HLS_H

#include <ap_int.h>

const int LUT_K = 16;                 // activations per vector
const int LUT_M = 4;                  // weight rows
const int LUT_G = 4;                  // activations per group
const int LUT_NG = LUT_K / LUT_G;     // groups per vector
const int LUT_TN = 1 << LUT_G;        // LUT entries
const int LUT_MAX_BITS = 4;           // widest weight
const int LUT_MAX_VECTORS = 32;       // vectors per call (the m_axi depth)

typedef ap_int<8> lut_act_t;
typedef ap_uint<4> lut_wgt_t;     // one weight lane, low nb bits used
typedef ap_int<10> lut_entry_t;   // a sum of up to G int8 values
typedef ap_int<32> lut_acc_t;     // wraps like the RTL's ACCW = 32 accumulators

// Per-group precision, the RTL's s_nbits / s_signed: bits [1:0] = nb - 1, bit 2 = signed.
typedef ap_uint<3> lut_cfg_t;

// For vector v: act[v*K + k] = x[k]; wgt[(v*M + m)*K + k] = W[m][k]; cfg[v*NG + g] is the
// precision of group g; y[v*M + m] receives y[m].
void lut_mpgemm_hls(const lut_act_t act[LUT_MAX_VECTORS * LUT_K],
                    const lut_wgt_t wgt[LUT_MAX_VECTORS * LUT_M * LUT_K],
                    const lut_cfg_t cfg[LUT_MAX_VECTORS * LUT_NG],
                    lut_acc_t y[LUT_MAX_VECTORS * LUT_M], int num_vectors);

#endif
