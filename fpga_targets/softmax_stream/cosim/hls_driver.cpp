// Co-simulation driver, HLS side: C simulation of corpora/hls/softmax_stream_hls on the
// vectors of vectors.h, one kernel call per vector, one canonical line per vector.
#include "softmax_stream_hls.h"
#include "vectors.h"

static_assert(SMX_N == softmax_cosim::N, "the HLS twin and the stimulus disagree on N");

int main(int argc, char** argv) {
    using namespace softmax_cosim;
    const auto vectors = makeVectors(parseOptions(argc, argv));
    for (size_t n = 0; n < vectors.size(); ++n) {
        hls::stream<smx_in_t> in("in");
        hls::stream<smx_out_t> out("out");
        for (int8_t x : vectors[n]) in.write(x);
        softmax_stream_hls(in, out, 1);
        if (out.size() != static_cast<size_t>(N)) {
            std::printf("ERROR: vector %zu: %zu beats instead of %d\n", n, out.size(), N);
            return 3;
        }
        std::vector<int> y;
        int lastAt = -1;
        for (int i = 0; i < N; ++i) {
            const smx_out_t beat = out.read();
            y.push_back(beat.data.to_int());
            if (beat.last && lastAt < 0) lastAt = i;
        }
        printLine(static_cast<int>(n), y, lastAt);
    }
    return 0;
}
