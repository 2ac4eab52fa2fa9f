// oddeven_sort: sorts OE_N records (key in bits 15..6, tag in bits 5..0) by key, ascending and
// stable (records with equal keys keep their input order), using OE_N phases of odd-even
// transposition. Returns the number of exchanges made.
#ifndef VERILOOP_CORPUS_ODDEVEN_SORT_H
#define VERILOOP_CORPUS_ODDEVEN_SORT_H

#include "ap_int.h"

const int OE_N = 16;

typedef ap_uint<16> oe_rec_t;
typedef ap_uint<10> oe_key_t;

int oddeven_sort(const oe_rec_t in[OE_N], oe_rec_t out[OE_N]);

#endif
