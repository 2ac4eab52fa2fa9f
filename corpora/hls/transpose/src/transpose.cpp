#include "transpose.h"

void transpose(const int32_t in[TR_ROWS * TR_COLS], int32_t out[TR_COLS * TR_ROWS], int rows) {
#pragma HLS INTERFACE m_axi port=in offset=slave bundle=gmem0 depth=96 max_read_burst_length=16
#pragma HLS INTERFACE m_axi port=out offset=slave bundle=gmem1 depth=96 max_write_burst_length=16
#pragma HLS INTERFACE s_axilite port=rows bundle=control
#pragma HLS INTERFACE s_axilite port=return bundle=control

    // Rows are read two columns at a time and columns written two rows at a time, so the
    // buffer is split cyclically by two in both dimensions.
    int32_t buf[TR_ROWS][TR_COLS];
#pragma HLS ARRAY_PARTITION variable=buf type=cyclic factor=2 dim=1
#pragma HLS ARRAY_PARTITION variable=buf type=cyclic factor=2 dim=2

read_rows:
    for (int i = 0; i < rows; i++) {
#pragma HLS LOOP_TRIPCOUNT min=1 max=8 avg=8
    read_cols:
        for (int j = 0; j < TR_COLS; j += 2) {
#pragma HLS PIPELINE II=1
            buf[i][j] = in[i * TR_COLS + j];
            buf[i][j + 1] = in[i * TR_COLS + j + 1];
        }
    }

write_rows:
    for (int j = 0; j < TR_COLS; j++) {
    write_cols:
        for (int i = 0; i + 1 < rows; i += 2) {
#pragma HLS PIPELINE II=1
#pragma HLS LOOP_TRIPCOUNT min=0 max=4 avg=4
            out[j * rows + i] = buf[i][j];
            out[j * rows + i + 1] = buf[i + 1][j];
        }
        // An odd row count leaves the last row of this output line.
        if (rows % 2 != 0) {
            out[j * rows + rows - 1] = buf[rows - 1][j];
        }
    }
}
