// transpose: out[j][i] = in[i][j] for an 8 x 12 input (12 x 8 output), both row-major.
#ifndef VERILOOP_CORPUS_TRANSPOSE_H
#define VERILOOP_CORPUS_TRANSPOSE_H

#include <cstdint>

const int TR_ROWS = 8;   // rows of the input
const int TR_COLS = 12;  // columns of the input

void transpose(const int32_t in[TR_ROWS * TR_COLS], int32_t out[TR_COLS * TR_ROWS]);

#endif
