// veriloop's ap_int.h: arbitrary-precision integers ap_int<W> / ap_uint<W> (and, as with the
// vendor header, the fixed-point types too) for HLS C simulation without a vendor install.
#pragma once

#include "ap_int_impl.h"
#include "ap_fixed_impl.h"
