// tlmm_engine_hls: HLS C++ twin of the RTL block fpga_targets/tlmm_engine.
// y[m] = sum_k W[m][k] * x[k] with ternary W (2-bit codes: 01 = +1, 11 = -1, 00/10 = 0) and
// int8 x, int32 wrap-around results. The input and output streams carry the RTL's bus words
// unchanged, so a co-simulation feeds both sides the same bits.
#ifndef VERILOOP_CORPUS_TLMM_ENGINE_HLS_H
#define VERILOOP_CORPUS_TLMM_ENGINE_HLS_H

#include <ap_int.h>
#include <hls_stream.h>

const int TLMM_K = 16;                 // activations per vector
const int TLMM_M = 4;                  // weight rows (outputs per vector)
const int TLMM_G = 4;                  // activations per group (per input beat)
const int TLMM_NG = TLMM_K / TLMM_G;   // beats per vector
const int TLMM_TN = 1 << TLMM_G;       // subset-sum table entries per group

typedef ap_int<8> tlmm_act_t;
typedef ap_int<10> tlmm_entry_t;   // a sum of up to G int8 values
typedef ap_int<11> tlmm_delta_t;   // T[P] - T[N]
typedef ap_int<32> tlmm_acc_t;     // wraps like the RTL's ACCW = 32 accumulator

// One input beat, laid out as the RTL's s_act / s_wgt buses:
//   act bits [8g+7 : 8g]               activation x[grp*G + g]
//   wgt bits [2(m*G+g)+1 : 2(m*G+g)]   weight code of W[m][grp*G + g]
struct tlmm_beat_t {
    ap_uint<TLMM_G * 8> act;
    ap_uint<TLMM_M * TLMM_G * 2> wgt;
};

// One result vector: y[m] for every row.
struct tlmm_result_t {
    tlmm_acc_t y[TLMM_M];
};

// Consumes num_vectors * TLMM_NG beats and produces num_vectors results, in order.
void tlmm_engine_hls(hls::stream<tlmm_beat_t>& s_axis, hls::stream<tlmm_result_t>& m_axis,
                     int num_vectors);

#endif
