#include "needleman_wunsch.h"

#include "ap_int.h"

typedef ap_uint<2> nw_dir_t;
const int DIR_DIAG = 0;
const int DIR_UP = 1;
const int DIR_LEFT = 2;
const int NW_ROW = NW_LEN_B + 1;  // cells per matrix row

void needleman_wunsch(const char seq_a[NW_LEN_A], const char seq_b[NW_LEN_B],
                      nw_score_t score[(NW_LEN_A + 1) * (NW_LEN_B + 1)],
                      char aligned_a[NW_MAX_ALIGN], char aligned_b[NW_MAX_ALIGN], int* length) {
#pragma HLS INTERFACE m_axi port=seq_a offset=slave bundle=gmem0 depth=16
#pragma HLS INTERFACE m_axi port=seq_b offset=slave bundle=gmem0 depth=12
#pragma HLS INTERFACE m_axi port=score offset=slave bundle=gmem1 depth=221
#pragma HLS INTERFACE m_axi port=aligned_a offset=slave bundle=gmem2 depth=28
#pragma HLS INTERFACE m_axi port=aligned_b offset=slave bundle=gmem2 depth=28
#pragma HLS INTERFACE s_axilite port=length bundle=control
#pragma HLS INTERFACE s_axilite port=return bundle=control

    char a_buf[NW_LEN_A];
    char b_buf[NW_LEN_B];
    // Ping-pong score rows: row i is written into one half of row_buf while row i - 1 is read
    // from the other; a bank per half gives each its own ports.
    nw_score_t row_buf[2 * NW_ROW];
    nw_dir_t dir[NW_LEN_A + 1][NW_LEN_B + 1];
#pragma HLS ARRAY_PARTITION variable=b_buf type=complete dim=1
#pragma HLS ARRAY_PARTITION variable=row_buf type=block factor=2 dim=1

load_a:
    for (int i = 0; i < NW_LEN_A; i++) {
#pragma HLS PIPELINE II=1
        a_buf[i] = seq_a[i];
    }
load_b:
    for (int j = 0; j < NW_LEN_B; j++) {
#pragma HLS PIPELINE II=1
        b_buf[j] = seq_b[j];
    }

init_row:
    for (int j = 0; j <= NW_LEN_B; j++) {
#pragma HLS PIPELINE II=1
        row_buf[j] = j * NW_GAP;
        score[j] = j * NW_GAP;
        dir[0][j] = DIR_LEFT;
    }

fill_rows:
    for (int i = 1; i <= NW_LEN_A; i++) {
        int cur = (i % 2) * NW_ROW;  // half receiving row i
        int prev = NW_ROW - cur;     // half holding row i - 1
        row_buf[cur] = i * NW_GAP;
        score[i * NW_ROW] = i * NW_GAP;
        dir[i][0] = DIR_UP;
    fill_cols:
        for (int j = 1; j <= NW_LEN_B; j++) {
#pragma HLS PIPELINE II=1
            int sub = (a_buf[i - 1] == b_buf[j - 1]) ? NW_MATCH : NW_MISMATCH;
            nw_score_t diag = row_buf[prev + j - 1] + sub;
            nw_score_t up = row_buf[prev + j] + NW_GAP;
            nw_score_t left = row_buf[cur + j - 1] + NW_GAP;
            // Ties keep the earlier candidate: diagonal, then up, then left.
            nw_score_t best = diag;
            int choice = DIR_DIAG;
            if (up > best) {
                best = up;
                choice = DIR_UP;
            }
            if (left > best) {
                best = left;
                choice = DIR_LEFT;
            }
            row_buf[cur + j] = best;
            dir[i][j] = choice;
            score[i * NW_ROW + j] = best;
        }
    }

    // Traceback: collect the alignment backwards, then write it out forwards.
    char rev_a[NW_MAX_ALIGN];
    char rev_b[NW_MAX_ALIGN];
    int i = NW_LEN_A;
    int j = NW_LEN_B;
    int n = 0;
trace_loop:
    for (int step = 0; step < NW_MAX_ALIGN; step++) {
#pragma HLS PIPELINE II=1
        if (i == 0 && j == 0) {
            break;
        }
        nw_dir_t d = dir[i][j];
        if (d == DIR_DIAG) {
            rev_a[n] = a_buf[i - 1];
            rev_b[n] = b_buf[j - 1];
            i--;
            j--;
        } else if (d == DIR_UP) {
            rev_a[n] = a_buf[i - 1];
            rev_b[n] = '-';
            i--;
        } else {
            rev_a[n] = '-';
            rev_b[n] = b_buf[j - 1];
            j--;
        }
        n++;
    }

emit_loop:
    for (int k = 0; k < NW_MAX_ALIGN; k++) {
#pragma HLS PIPELINE II=1
        if (k < n) {
            aligned_a[k] = rev_a[n - 1 - k];
            aligned_b[k] = rev_b[n - 1 - k];
        } else {
            aligned_a[k] = 0;
            aligned_b[k] = 0;
        }
    }
    *length = n;
}
