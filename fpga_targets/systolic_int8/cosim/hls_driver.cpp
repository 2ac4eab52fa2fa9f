// Co-simulation driver, HLS side: C simulation of corpora/hls/systolic_int8_hls on the
// vectors of vectors.h, one kernel call per vector (tile and its rows), one line per vector.
#include "systolic_int8_hls.h"
#include "vectors.h"

static_assert(SYS_N == systolic_cosim::N, "the HLS twin and the stimulus disagree on N");
static_assert(SYS_MAX_ROWS >= systolic_cosim::kMaxRows, "the HLS twin takes too few rows");

int main(int argc, char** argv) {
    using namespace systolic_cosim;
    const auto vectors = makeVectors(parseOptions(argc, argv));
    for (size_t n = 0; n < vectors.size(); ++n) {
        const Vector& v = vectors[n];
        const int rows = static_cast<int>(v.rows.size());
        sys_data_t b[SYS_N * SYS_N];
        sys_data_t a[SYS_MAX_ROWS * SYS_N];
        sys_acc_t c[SYS_MAX_ROWS * SYS_N];
        for (int i = 0; i < N * N; ++i) b[i] = v.b[i];
        for (int r = 0; r < rows; ++r)
            for (int k = 0; k < N; ++k) a[r * N + k] = v.rows[r][k];
        systolic_int8_hls(b, a, c, rows);
        std::vector<int32_t> out;
        for (int i = 0; i < rows * N; ++i) out.push_back(c[i].to_int());
        printLine(static_cast<int>(n), out);
    }
    return 0;
}
