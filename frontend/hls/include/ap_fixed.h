// veriloop's ap_fixed.h: fixed-point types ap_fixed<W, I, Q, O, N> / ap_ufixed<W, I, Q, O, N>
// (and the integer types they build on) for HLS C simulation without a vendor install.
#pragma once

#include "ap_int.h"
