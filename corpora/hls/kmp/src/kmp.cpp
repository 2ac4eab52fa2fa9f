#include "kmp.h"

void kmp(const char pattern[KMP_PAT_MAX], int pat_len, const char text[KMP_TEXT_MAX],
         int text_len, int matches[KMP_MATCH_MAX], int* n_matches) {
#pragma HLS INTERFACE bram port=pattern depth=8
#pragma HLS INTERFACE m_axi port=text offset=slave bundle=gmem0 depth=128
#pragma HLS INTERFACE m_axi port=matches offset=slave bundle=gmem1 depth=24
#pragma HLS INTERFACE s_axilite port=pat_len bundle=control
#pragma HLS INTERFACE s_axilite port=text_len bundle=control
#pragma HLS INTERFACE s_axilite port=n_matches bundle=control
#pragma HLS INTERFACE s_axilite port=return bundle=control

    char pat[KMP_PAT_MAX];
    kmp_state_t fail[KMP_PAT_MAX];
#pragma HLS ARRAY_PARTITION variable=pat type=complete dim=1
#pragma HLS ARRAY_PARTITION variable=fail type=complete dim=1

load_pattern:
    for (int q = 0; q < KMP_PAT_MAX; q++) {
#pragma HLS PIPELINE II=1
        pat[q] = (q < pat_len) ? pattern[q] : 0;
    }

    // fail[q]: length of the longest proper prefix of pat[0..q] that is also its suffix.
    fail[0] = 0;
    kmp_state_t k = 0;
prefix_loop:
    for (int q = 1; q < pat_len; q++) {
#pragma HLS LOOP_TRIPCOUNT min=0 max=7 avg=4
    prefix_fallback:
        while (k > 0 && pat[k] != pat[q]) {
#pragma HLS LOOP_TRIPCOUNT min=0 max=7 avg=1
            k = fail[k - 1];
        }
        if (pat[k] == pat[q]) {
            k++;
        }
        fail[q] = k;
    }

clear_matches:
    for (int m = 0; m < KMP_MATCH_MAX; m++) {
#pragma HLS PIPELINE II=1
#pragma HLS UNROLL factor=2
        matches[m] = -1;
    }

    kmp_state_t state = 0;
    int count = 0;
search_loop:
    for (int i = 0; i < text_len; i++) {
#pragma HLS LOOP_TRIPCOUNT min=0 max=128 avg=64
        char c = text[i];
    search_fallback:
        while (state > 0 && pat[state] != c) {
#pragma HLS LOOP_TRIPCOUNT min=0 max=7 avg=1
            state = fail[state - 1];
        }
        if (pat[state] == c) {
            state++;
        }
        if (state == pat_len) {
            if (count < KMP_MATCH_MAX) {
                matches[count] = i - pat_len + 1;
            }
            count++;
            state = fail[state - 1];
        }
    }
    *n_matches = count;
}
