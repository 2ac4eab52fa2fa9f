// Co-simulation driver, HLS side: C simulation of corpora/hls/lut_mpgemm_hls on the vectors
// of vectors.h, one kernel call per vector, one canonical line per result.
#include "lut_mpgemm_hls.h"
#include "vectors.h"

static_assert(LUT_K == lut_cosim::K && LUT_M == lut_cosim::M && LUT_G == lut_cosim::G,
              "the HLS twin and the co-simulation stimulus disagree on the sizes");

int main(int argc, char** argv) {
    using namespace lut_cosim;
    const auto vectors = makeVectors(parseOptions(argc, argv));
    static lut_act_t act[LUT_MAX_VECTORS * K];
    static lut_wgt_t wgt[LUT_MAX_VECTORS * M * K];
    static lut_cfg_t cfg[LUT_MAX_VECTORS * NG];
    static lut_acc_t y[LUT_MAX_VECTORS * M];
    for (size_t n = 0; n < vectors.size(); ++n) {
        const Vector& v = vectors[n];
        for (int k = 0; k < K; ++k) act[k] = v.act[k];
        for (int i = 0; i < M * K; ++i) wgt[i] = v.wgt[i];
        for (int g = 0; g < NG; ++g) cfg[g] = (v.nbits[g] - 1) | (v.isSigned[g] ? 4 : 0);
        lut_mpgemm_hls(act, wgt, cfg, y, 1);
        int32_t out[M];
        for (int m = 0; m < M; ++m) out[m] = y[m].to_int();
        printLine(static_cast<int>(n), out);
    }
    return 0;
}
