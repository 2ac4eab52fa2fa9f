// stencil2d: one sweep of a weighted 5-point stencil. For interior points
//   out[r][c] = k[0]*g[r][c] + k[1]*g[r-1][c] + k[2]*g[r+1][c] + k[3]*g[r][c-1] + k[4]*g[r][c+1]
// and boundary points (first/last row or column) are copied unchanged.
#ifndef VERILOOP_CORPUS_STENCIL2D_H
#define VERILOOP_CORPUS_STENCIL2D_H

#include "ap_int.h"

const int ST_ROWS = 8;
const int ST_COLS = 10;
const int ST_TAPS = 5;  // center, north, south, west, east

typedef ap_uint<8> st_data_t;  // 8-bit pixels
typedef ap_int<8> st_coef_t;
typedef ap_int<20> st_out_t;

void stencil2d(const st_data_t grid[ST_ROWS * ST_COLS], const st_coef_t coef[ST_TAPS],
               st_out_t out[ST_ROWS * ST_COLS]);

#endif
