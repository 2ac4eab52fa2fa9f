// suffix_max: smax[i] = max(a[i .. SM_N-1]). a[i] is a leader when it is strictly larger than
// every element to its right (the last element always is). leaders[] lists the leader positions
// in increasing order, padded with -1; the return value is the number of leaders.
#ifndef VERILOOP_CORPUS_SUFFIX_MAX_H
#define VERILOOP_CORPUS_SUFFIX_MAX_H

const int SM_N = 32;

int suffix_max(const int a[SM_N], int smax[SM_N], int leaders[SM_N]);

#endif
