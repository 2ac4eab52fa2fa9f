// Co-simulation driver, HLS side: C simulation of corpora/hls/bitserial_pe_hls on the
// vectors of vectors.h, one kernel call per dot product, one canonical line per result.
#include "bitserial_pe_hls.h"
#include "vectors.h"

static_assert(BS_GS == bitserial_cosim::GS, "the HLS twin and the stimulus disagree on GS");

int main(int argc, char** argv) {
    using namespace bitserial_cosim;
    const auto vectors = makeVectors(parseOptions(argc, argv));
    for (size_t n = 0; n < vectors.size(); ++n) {
        hls::stream<bs_beat_t> in("in");
        hls::stream<bs_acc_t> out("out");
        for (const Beat& b : vectors[n]) {
            bs_beat_t beat;
            beat.act = b.act;
            beat.wgt = b.wgt;
            beat.mode = b.mode;
            beat.scale = b.scale;
            beat.shift = b.shift;
            beat.last = b.last ? 1 : 0;
            in.write(beat);
        }
        bitserial_pe_hls(in, out, static_cast<int>(vectors[n].size()));
        if (out.size() != 1) {
            std::printf("ERROR: vector %zu: %zu results instead of 1\n", n, out.size());
            return 3;
        }
        printLine(static_cast<int>(n), out.read().to_int());
    }
    return 0;
}
