// Co-simulation driver, RTL side: Verilator model of rtl/softmax_stream.sv on the vectors of
// vectors.h, through the valid/ready streams with seeded input bubbles and output
// back-pressure (which must not change any result), one canonical line per output vector.
#include <memory>

#include "Vsoftmax_stream.h"
#include "verilated.h"
#include "../../common/cosim_rtl.h"
#include "vectors.h"

int main(int argc, char** argv) {
    using namespace softmax_cosim;
    cosim::RtlBench<Vsoftmax_stream> bench(argc, argv);
    auto& top = bench.top;
    const Options opts = parseOptions(argc, argv);
    const auto vectors = makeVectors(opts);
    Rng flow(opts.seed ^ 0xF1017ull);

    top->s_valid = 0; top->m_ready = 0;
    bench.reset();

    size_t next = 0, elem = 0, done = 0;
    std::vector<int> y;
    int lastAt = -1;
    const uint64_t cycleLimit = (vectors.size() + 1) * N * 40;
    for (uint64_t cycle = 0; done < vectors.size(); ++cycle) {
        if (cosim::stalled(cycle, cycleLimit, done, vectors.size())) return 3;
        const bool offer = next < vectors.size() && flow.chance(80);
        top->s_valid = offer;
        top->s_data = offer ? uint8_t(vectors[next][elem]) : uint8_t(flow.next());
        top->m_ready = flow.chance(80);
        top->eval();
        const bool sfire = top->s_valid && top->s_ready;
        if (top->m_valid && top->m_ready) {
            if (top->m_last && lastAt < 0) lastAt = static_cast<int>(y.size());
            y.push_back(top->m_data);
            if (y.size() == static_cast<size_t>(N)) {
                printLine(static_cast<int>(done++), y, lastAt);
                y.clear();
                lastAt = -1;
            }
        }
        bench.tick();
        if (sfire && ++elem == static_cast<size_t>(N)) {
            elem = 0;
            ++next;
        }
    }
    top->final();
    return 0;
}
