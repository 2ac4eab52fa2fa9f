#include "merge_sort.h"

void merge_sort(ms_key_t keys[MS_MAX], ms_val_t vals[MS_MAX], int n) {
#pragma HLS INTERFACE m_axi port=keys offset=slave bundle=gmem0 depth=16
#pragma HLS INTERFACE m_axi port=vals offset=slave bundle=gmem1 depth=16
#pragma HLS INTERFACE s_axilite port=n bundle=control
#pragma HLS INTERFACE s_axilite port=return bundle=control

    ms_key_t key_buf[MS_MAX];
    ms_val_t val_buf[MS_MAX];
    ms_key_t key_tmp[MS_MAX];
    ms_val_t val_tmp[MS_MAX];
#pragma HLS ARRAY_PARTITION variable=key_buf type=cyclic factor=2 dim=1
#pragma HLS ARRAY_PARTITION variable=val_buf type=cyclic factor=2 dim=1

load_loop:
    for (int i = 0; i < n; i++) {
#pragma HLS PIPELINE II=1
#pragma HLS LOOP_TRIPCOUNT min=0 max=16 avg=16
        key_buf[i] = keys[i];
        val_buf[i] = vals[i];
    }

width_loop:
    for (int width = 1; width < n; width *= 2) {
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
                bool take_left = left < mid && (right >= hi || key_buf[left] <= key_buf[right]);
                if (take_left) {
                    key_tmp[k] = key_buf[left];
                    val_tmp[k] = val_buf[left];
                    left++;
                } else {
                    key_tmp[k] = key_buf[right];
                    val_tmp[k] = val_buf[right];
                    right++;
                }
            }
        }
    copy_loop:
        for (int i = 0; i < n; i++) {
#pragma HLS PIPELINE II=1
#pragma HLS LOOP_TRIPCOUNT min=0 max=16 avg=16
            key_buf[i] = key_tmp[i];
            val_buf[i] = val_tmp[i];
        }
    }

store_loop:
    for (int i = 0; i < n; i++) {
#pragma HLS PIPELINE II=1
#pragma HLS LOOP_TRIPCOUNT min=0 max=16 avg=16
        keys[i] = key_buf[i];
        vals[i] = val_buf[i];
    }
}
