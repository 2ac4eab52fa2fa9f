#include "tlmm_engine_hls.h"

// Internal channel payloads of the dataflow region.
struct tlmm_group_t {
    tlmm_act_t x[TLMM_G];
};
struct tlmm_table_t {
    tlmm_entry_t t[TLMM_TN];
};

// Splits every beat into its activation group and its weight codes.
static void split_beats(hls::stream<tlmm_beat_t>& s_axis, hls::stream<tlmm_group_t>& act_s,
                        hls::stream<ap_uint<TLMM_M * TLMM_G * 2> >& code_s, int num_vectors) {
    const int num_beats = num_vectors * TLMM_NG;
beat_loop:
    for (int b = 0; b < num_beats; b++) {
#pragma HLS PIPELINE II=1
        tlmm_beat_t beat = s_axis.read();
        tlmm_group_t grp;
    unpack_loop:
        for (int g = 0; g < TLMM_G; g++) {
            grp.x[g] = beat.act.range(8 * g + 7, 8 * g);
        }
        act_s.write(grp);
        code_s.write(beat.wgt);
    }
}

// Builds the 2^G subset-sum table of every group: T[0] = 0 and, for i > 0,
// T[i] = T[i with its lowest set bit cleared] + x[lowest set bit of i].
static void build_tables(hls::stream<tlmm_group_t>& act_s, hls::stream<tlmm_table_t>& table_s,
                         int num_vectors) {
    const int num_beats = num_vectors * TLMM_NG;
group_loop:
    for (int b = 0; b < num_beats; b++) {
        tlmm_group_t grp = act_s.read();
        tlmm_entry_t table[TLMM_TN];
#pragma HLS ARRAY_PARTITION variable=table type=complete dim=1
        table[0] = 0;
    entry_loop:
        for (int i = 1; i < TLMM_TN; i++) {
#pragma HLS PIPELINE II=1
            int lsb = 0;
        lsb_loop:
            for (int g = TLMM_G - 1; g >= 0; g--) {
                if ((i >> g) & 1) lsb = g;
            }
            table[i] = table[i & (i - 1)] + grp.x[lsb];
        }
        tlmm_table_t out;
    copy_loop:
        for (int i = 0; i < TLMM_TN; i++) {
#pragma HLS UNROLL
            out.t[i] = table[i];
        }
        table_s.write(out);
    }
}

// Per row and group: the positive and negative weight masks select two table entries,
// and their difference is that row's contribution (w = p - n).
static void lookup_accumulate(hls::stream<tlmm_table_t>& table_s,
                              hls::stream<ap_uint<TLMM_M * TLMM_G * 2> >& code_s,
                              hls::stream<tlmm_result_t>& m_axis, int num_vectors) {
vector_loop:
    for (int v = 0; v < num_vectors; v++) {
        tlmm_acc_t acc[TLMM_M];
#pragma HLS ARRAY_PARTITION variable=acc type=complete dim=1
    clear_loop:
        for (int m = 0; m < TLMM_M; m++) {
#pragma HLS UNROLL
            acc[m] = 0;
        }
    group_loop:
        for (int grp = 0; grp < TLMM_NG; grp++) {
#pragma HLS PIPELINE II=1
            tlmm_table_t tbl = table_s.read();
            ap_uint<TLMM_M * TLMM_G * 2> codes = code_s.read();
        row_loop:
            for (int m = 0; m < TLMM_M; m++) {
#pragma HLS UNROLL
                ap_uint<TLMM_G> pmask = 0;
                ap_uint<TLMM_G> nmask = 0;
            lane_loop:
                for (int g = 0; g < TLMM_G; g++) {
                    const int bit = 2 * (m * TLMM_G + g);
                    if (codes[bit] && !codes[bit + 1]) pmask[g] = 1;
                    if (codes[bit] && codes[bit + 1]) nmask[g] = 1;
                }
                tlmm_delta_t delta = tbl.t[pmask] - tbl.t[nmask];
                acc[m] += delta;
            }
        }
        tlmm_result_t res;
    write_loop:
        for (int m = 0; m < TLMM_M; m++) {
#pragma HLS UNROLL
            res.y[m] = acc[m];
        }
        m_axis.write(res);
    }
}

void tlmm_engine_hls(hls::stream<tlmm_beat_t>& s_axis, hls::stream<tlmm_result_t>& m_axis,
                     int num_vectors) {
#pragma HLS INTERFACE axis port=s_axis
#pragma HLS INTERFACE axis port=m_axis
#pragma HLS INTERFACE s_axilite port=num_vectors bundle=control
#pragma HLS INTERFACE s_axilite port=return bundle=control
#pragma HLS DATAFLOW

    hls::stream<tlmm_group_t> act_s("act_s");
    hls::stream<ap_uint<TLMM_M * TLMM_G * 2> > code_s("code_s");
    hls::stream<tlmm_table_t> table_s("table_s");
#pragma HLS STREAM variable=act_s depth=4
#pragma HLS STREAM variable=code_s depth=8
#pragma HLS STREAM variable=table_s depth=4

    split_beats(s_axis, act_s, code_s, num_vectors);
    build_tables(act_s, table_s, num_vectors);
    lookup_accumulate(table_s, code_s, m_axis, num_vectors);
}
