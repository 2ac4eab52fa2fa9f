// bubble_sort: stable ascending sort of BS_N int keys. out[] holds the sorted keys, perm[k] the
// input position of out[k]; the return value is the number of adjacent swaps (inversions).
#ifndef VERILOOP_CORPUS_BUBBLE_SORT_H
#define VERILOOP_CORPUS_BUBBLE_SORT_H

const int BS_N = 16;

int bubble_sort(const int in[BS_N], int out[BS_N], int perm[BS_N]);

#endif
