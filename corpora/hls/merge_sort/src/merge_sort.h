// merge_sort: sorts the first n records (keys[i], vals[i]) by ascending key, stably (records
// with equal keys keep their input order); records at positions n and above are untouched.
#ifndef VERILOOP_CORPUS_MERGE_SORT_H
#define VERILOOP_CORPUS_MERGE_SORT_H

#include <cstdint>

const int MS_MAX = 16;

typedef int32_t ms_key_t;
typedef uint16_t ms_val_t;

// 0 <= n <= MS_MAX
void merge_sort(ms_key_t keys[MS_MAX], ms_val_t vals[MS_MAX], int n);

#endif
