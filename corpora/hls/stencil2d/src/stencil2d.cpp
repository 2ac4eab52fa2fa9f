#include "stencil2d.h"

#include "hls_stream.h"

static void read_grid(const st_data_t grid[ST_ROWS * ST_COLS], hls::stream<st_data_t>& in_s) {
read_rows:
    for (int r = 0; r < ST_ROWS; r++) {
    read_cols:
        for (int c = 0; c < ST_COLS; c++) {
#pragma HLS PIPELINE II=1
            in_s.write(grid[r * ST_COLS + c]);
        }
    }
}

static void compute(hls::stream<st_data_t>& in_s, const st_coef_t coef[ST_TAPS],
                    hls::stream<st_out_t>& out_s) {
    st_coef_t k[ST_TAPS];
#pragma HLS ARRAY_PARTITION variable=k type=complete dim=1
    st_data_t rows[3][ST_COLS];
#pragma HLS ARRAY_PARTITION variable=rows type=complete dim=1
#pragma HLS ARRAY_PARTITION variable=rows type=cyclic factor=2 dim=2

load_coef:
    for (int t = 0; t < ST_TAPS; t++) {
#pragma HLS UNROLL
        k[t] = coef[t];
    }

row_loop:
    for (int r = 0; r <= ST_ROWS; r++) {
        if (r < ST_ROWS) {
        fill_loop:
            for (int c = 0; c < ST_COLS; c++) {
#pragma HLS PIPELINE II=1
                rows[r % 3][c] = in_s.read();
            }
        }
        if (r > 0) {
            int o = r - 1;  // the row emitted now: rows o-1, o, o+1 are buffered
            int north = (o + 2) % 3;
            int mid = o % 3;
            int south = (o + 1) % 3;
        emit_loop:
            for (int c = 0; c < ST_COLS; c++) {
#pragma HLS PIPELINE II=1
                st_out_t value;
                if (o == 0 || o == ST_ROWS - 1 || c == 0 || c == ST_COLS - 1) {
                    value = rows[mid][c];
                } else {
                    value = k[0] * rows[mid][c] + k[1] * rows[north][c] + k[2] * rows[south][c] +
                            k[3] * rows[mid][c - 1] + k[4] * rows[mid][c + 1];
                }
                out_s.write(value);
            }
        }
    }
}

static void write_grid(hls::stream<st_out_t>& out_s, st_out_t out[ST_ROWS * ST_COLS]) {
write_rows:
    for (int r = 0; r < ST_ROWS; r++) {
    write_cols:
        for (int c = 0; c < ST_COLS; c++) {
#pragma HLS PIPELINE II=1
            out[r * ST_COLS + c] = out_s.read();
        }
    }
}

void stencil2d(const st_data_t grid[ST_ROWS * ST_COLS], const st_coef_t coef[ST_TAPS],
               st_out_t out[ST_ROWS * ST_COLS]) {
#pragma HLS INTERFACE m_axi port=grid offset=slave bundle=gmem0 depth=80
#pragma HLS INTERFACE ap_memory port=coef depth=5
#pragma HLS INTERFACE m_axi port=out offset=slave bundle=gmem1 depth=80
#pragma HLS INTERFACE s_axilite port=return bundle=control
#pragma HLS DATAFLOW

    hls::stream<st_data_t> in_s("in_s");
    hls::stream<st_out_t> out_s("out_s");
#pragma HLS STREAM variable=in_s depth=20
#pragma HLS STREAM variable=out_s depth=20

    read_grid(grid, in_s);
    compute(in_s, coef, out_s);
    write_grid(out_s, out);
}
