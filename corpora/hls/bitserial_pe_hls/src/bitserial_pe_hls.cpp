#include "bitserial_pe_hls.h"

// What the dequantizer needs of one group.
struct bs_group_t {
    bs_psum_t psum;
    ap_int<8> scale;
    ap_uint<4> shift;
    ap_uint<1> last;
};

// Number of weight bits of a mode.
static int weight_bits(ap_uint<2> mode) {
    int nb = 8;
    if (mode == 0) nb = 2;
    if (mode == 1) nb = 3;
    if (mode == 2) nb = 4;
    return nb;
}

// The group dot product one weight bit-plane at a time, LSB first:
// psum = sum_b (+/-) (sum of the activations whose weight has bit b set) << b,
// the top plane (the two's-complement sign bit) subtracted.
static void bitplane_mac(hls::stream<bs_beat_t>& s_axis, hls::stream<bs_group_t>& group_s,
                         int num_beats) {
beat_loop:
    for (int n = 0; n < num_beats; n++) {
        bs_beat_t beat = s_axis.read();
        bs_act_t act[BS_GS];
#pragma HLS ARRAY_PARTITION variable=act type=complete dim=1
    unpack_loop:
        for (int i = 0; i < BS_GS; i++) {
#pragma HLS UNROLL
            act[i] = beat.act.range(8 * i + 7, 8 * i);
        }
        const int nb = weight_bits(beat.mode);
        bs_psum_t psum = 0;
    plane_loop:
        for (int b = 0; b < BS_MAX_BITS; b++) {
#pragma HLS PIPELINE II=1
            if (b >= nb) break;
            bs_plane_t plane = 0;
        lane_loop:
            for (int i = 0; i < BS_GS; i++) {
#pragma HLS UNROLL
                if (beat.wgt[8 * i + b]) plane += act[i];
            }
            bs_psum_t term = bs_psum_t(plane) << b;
            if (b == nb - 1)
                psum -= term;
            else
                psum += term;
        }
        bs_group_t grp;
        grp.psum = psum;
        grp.scale = beat.scale;
        grp.shift = beat.shift;
        grp.last = beat.last;
        group_s.write(grp);
    }
}

// Scales, rounds half up, shifts right arithmetically and accumulates; a last group sends
// the sum and starts the next dot product from zero.
static void dequant_accumulate(hls::stream<bs_group_t>& group_s, hls::stream<bs_acc_t>& m_axis,
                               int num_beats) {
    bs_acc_t acc = 0;
group_loop:
    for (int n = 0; n < num_beats; n++) {
#pragma HLS PIPELINE II=1
        bs_group_t grp = group_s.read();
        bs_scaled_t scaled = grp.psum * grp.scale;
        bs_scaled_t half = (bs_scaled_t(1) << grp.shift) >> 1;
        bs_scaled_t rounded = (scaled + half) >> grp.shift;
        acc += rounded;
        if (grp.last) {
            m_axis.write(acc);
            acc = 0;
        }
    }
}

void bitserial_pe_hls(hls::stream<bs_beat_t>& s_axis, hls::stream<bs_acc_t>& m_axis,
                      int num_beats) {
#pragma HLS INTERFACE axis port=s_axis
#pragma HLS INTERFACE axis port=m_axis
#pragma HLS INTERFACE s_axilite port=num_beats bundle=control
#pragma HLS INTERFACE s_axilite port=return bundle=control
#pragma HLS DATAFLOW

    hls::stream<bs_group_t> group_s("group_s");
#pragma HLS STREAM variable=group_s depth=4

    bitplane_mac(s_axis, group_s, num_beats);
    dequant_accumulate(group_s, m_axis, num_beats);
}
