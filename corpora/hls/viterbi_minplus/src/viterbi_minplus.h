// viterbi_minplus: the cheapest state path s[0..VT_T-1] minimising
//   init[s0] + emit[0][s0] + sum_{t=1..T-1} (trans[s_{t-1}][s_t] + emit[t][s_t]).
// Ties go to the lowest-numbered predecessor at every step and to the lowest-numbered final
// state. Writes the path and returns its cost. Costs are non-negative and below 2^20.
#ifndef VERILOOP_CORPUS_VITERBI_MINPLUS_H
#define VERILOOP_CORPUS_VITERBI_MINPLUS_H

const int VT_S = 4;
const int VT_T = 12;

int viterbi_minplus(const int init[VT_S], const int trans[VT_S][VT_S], const int emit[VT_T][VT_S],
                    int path[VT_T]);

#endif
