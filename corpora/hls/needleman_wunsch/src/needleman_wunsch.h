// needleman_wunsch: global alignment of seq_a (NW_LEN_A bases) with seq_b (NW_LEN_B bases).
//
// score[i][j] (row-major, (NW_LEN_A + 1) x (NW_LEN_B + 1)) is the best score of aligning the
// first i bases of a with the first j bases of b: score[i][0] = i * GAP, score[0][j] = j * GAP,
// otherwise the maximum of diagonal (score[i-1][j-1] + MATCH or MISMATCH), up
// (score[i-1][j] + GAP) and left (score[i][j-1] + GAP); ties prefer diagonal, then up.
// The traceback from (NW_LEN_A, NW_LEN_B) follows those choices; aligned_a / aligned_b get
// the alignment from its first column on ('-' marks a gap), *length its number of columns,
// and positions from *length on are set to 0.
#ifndef VERILOOP_CORPUS_NEEDLEMAN_WUNSCH_H
#define VERILOOP_CORPUS_NEEDLEMAN_WUNSCH_H

#include <cstdint>

const int NW_LEN_A = 16;
const int NW_LEN_B = 12;
const int NW_MAX_ALIGN = NW_LEN_A + NW_LEN_B;

const int NW_MATCH = 2;
const int NW_MISMATCH = -1;
const int NW_GAP = -2;

typedef int16_t nw_score_t;

void needleman_wunsch(const char seq_a[NW_LEN_A], const char seq_b[NW_LEN_B],
                      nw_score_t score[(NW_LEN_A + 1) * (NW_LEN_B + 1)],
                      char aligned_a[NW_MAX_ALIGN], char aligned_b[NW_MAX_ALIGN], int* length);

#endif
