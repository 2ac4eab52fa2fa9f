// kmp: finds every (possibly overlapping) occurrence of pattern[0..pat_len-1] in
// text[0..text_len-1]. *n_matches gets the number of occurrences; matches[k] the start index
// of the k-th occurrence for k < KMP_MATCH_MAX, and -1 in the slots past the last one.
#ifndef VERILOOP_CORPUS_KMP_H
#define VERILOOP_CORPUS_KMP_H

#include <cstdint>

const int KMP_PAT_MAX = 8;
const int KMP_TEXT_MAX = 128;
const int KMP_MATCH_MAX = 24;

typedef uint8_t kmp_state_t;  // 0..KMP_PAT_MAX characters matched

// 1 <= pat_len <= KMP_PAT_MAX, 0 <= text_len <= KMP_TEXT_MAX
void kmp(const char pattern[KMP_PAT_MAX], int pat_len, const char text[KMP_TEXT_MAX],
         int text_len, int matches[KMP_MATCH_MAX], int* n_matches);

#endif
