// transpose: out[j][i] = in[i][j] for a rows x 12 input (12 x rows output), both row-major,
// 1 <= rows <= 8. Elements of out from index 12 * rows on are left untouched.
#ifndef VERILOOP_CORPUS_TRANSPOSE_H
#define VERILOOP_CORPUS_TRANSPOSE_H

#include <cstdint>

const int TR_ROWS = 8;   // maximum rows of the input
const int TR_COLS = 12;  // columns of the input

void transpose(const int32_t in[TR_ROWS * TR_COLS], int32_t out[TR_COLS * TR_ROWS], int rows);

#endif
