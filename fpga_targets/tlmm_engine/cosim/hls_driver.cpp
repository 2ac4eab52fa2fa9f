// Co-simulation driver, HLS side: C simulation of corpora/hls/tlmm_engine_hls on the vectors
// of vectors.h, one kernel call per vector, one canonical line per result.
#include "tlmm_engine_hls.h"
#include "vectors.h"

static_assert(TLMM_K == tlmm_cosim::K && TLMM_M == tlmm_cosim::M && TLMM_G == tlmm_cosim::G,
              "the HLS twin and the co-simulation stimulus disagree on the sizes");

int main(int argc, char** argv) {
    using namespace tlmm_cosim;
    const auto vectors = makeVectors(parseOptions(argc, argv));
    for (size_t n = 0; n < vectors.size(); ++n) {
        hls::stream<tlmm_beat_t> in("in");
        hls::stream<tlmm_result_t> out("out");
        for (int grp = 0; grp < NG; ++grp) {
            tlmm_beat_t beat;
            beat.act = actWord(vectors[n], grp);
            beat.wgt = codeWord(vectors[n], grp);
            in.write(beat);
        }
        tlmm_engine_hls(in, out, 1);
        if (out.size() != 1) {
            std::printf("ERROR: vector %zu: %zu results instead of 1\n", n, out.size());
            return 3;
        }
        const tlmm_result_t r = out.read();
        int32_t y[M];
        for (int m = 0; m < M; ++m) y[m] = r.y[m].to_int();
        printLine(static_cast<int>(n), y);
    }
    return 0;
}
