// spmv_crs: y = A x for a 16x16 matrix in compressed row storage. Row i holds the nonzeros
// val[k], at columns col_idx[k], for row_ptr[i] <= k < row_ptr[i + 1]; row_ptr[0] need not be 0.
// Only the first n_rows rows are computed (0 <= n_rows <= SPMV_N); y[n_rows..] is untouched.
#ifndef VERILOOP_CORPUS_SPMV_CRS_H
#define VERILOOP_CORPUS_SPMV_CRS_H

const int SPMV_N = 16;
const int SPMV_NNZ_MAX = 96;

void spmv_crs(const float val[SPMV_NNZ_MAX], const int col_idx[SPMV_NNZ_MAX],
              const int row_ptr[SPMV_N + 1], const float x[SPMV_N], float y[SPMV_N],
              int n_rows);

#endif
