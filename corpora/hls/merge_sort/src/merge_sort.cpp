#include "merge_sort.h"

void merge_sort(ms_key_t keys[MS_MAX], ms_val_t vals[MS_MAX], int n) {
#pragma HLS INTERFACE m_axi port=keys offset=slave bundle=gmem0 depth=16
#pragma HLS INTERFACE m_axi port=vals offset=slave bundle=gmem1 depth=16
#pragma HLS INTERFACE s_axilite port=n bundle=control
#pragma HLS INTERFACE s_axilite port=return bundle=control

    // Ping-pong buffers: each pass merges runs from one half into the other, then the halves
    // swap roles. One bank per half lets a pass read one half and write the other each cycle.
    ms_key_t key_buf[2 * MS_MAX];
    ms_val_t val_buf[2 * MS_MAX];
#pragma HLS ARRAY_PARTITION variable=key_buf type=block factor=2 dim=1
#pragma HLS ARRAY_PARTITION variable=val_buf type=block factor=2 dim=1

load_loop:
    for (int i = 0; i < n; i++) {
#pragma HLS PIPELINE II=1
#pragma HLS LOOP_TRIPCOUNT min=0 max=16 avg=16
        key_buf[i] = keys[i];
        val_buf[i] = vals[i];
    }

    int src = 0;       // start of the half holding the current runs
    int dst = MS_MAX;  // start of the half receiving the merged runs
width_loop:
    for (int width = 1; width < n; width <<= 1) {
#pragma HLS LOOP_TRIPCOUNT min=0 max=4 avg=4
    merge_loop:
        for (int lo = 0; lo < n; lo += 2 * width) {
#pragma HLS LOOP_TRIPCOUNT min=1 max=8 avg=4
            int mid = lo + width;
            if (mid > n) {
                mid = n;
            }
            int hi = lo + 2 * width;
            if (hi > n) {
                hi = n;
            }
            int left = lo;
            int right = mid;
        pick_loop:
            for (int k = lo; k < hi; k++) {
#pragma HLS PIPELINE II=1
#pragma HLS LOOP_TRIPCOUNT min=1 max=16 avg=4
                bool take_left =
                    left < mid && (right >= hi || key_buf[src + left] <= key_buf[src + right]);
                if (take_left) {
                    key_buf[dst + k] = key_buf[src + left];
                    val_buf[dst + k] = val_buf[src + left];
                    left++;
                } else {
                    key_buf[dst + k] = key_buf[src + right];
                    val_buf[dst + k] = val_buf[src + right];
                    right++;
                }
            }
        }
        int next_src = dst;
        dst = src;
        src = next_src;
    }

store_loop:
    for (int i = 0; i < n; i++) {
#pragma HLS PIPELINE II=1
#pragma HLS LOOP_TRIPCOUNT min=0 max=16 avg=16
        keys[i] = key_buf[src + i];
        vals[i] = val_buf[src + i];
    }
}
