// Co-simulation driver, RTL side: Verilator model of rtl/tlmm_engine.sv on the vectors of
// vectors.h, through the valid/ready streams with seeded input bubbles and output
// back-pressure (which must not change any result), one canonical line per output.
#include <memory>

#include "Vtlmm_engine.h"
#include "verilated.h"
#include "../../common/cosim_rtl.h"
#include "vectors.h"

int main(int argc, char** argv) {
    using namespace tlmm_cosim;
    cosim::RtlBench<Vtlmm_engine> bench(argc, argv);
    auto& top = bench.top;
    const Options opts = parseOptions(argc, argv);
    const auto vectors = makeVectors(opts);
    Rng flow(opts.seed ^ 0xF1017ull);

    top->s_valid = 0; top->m_ready = 0;
    bench.reset();

    size_t next = 0, done = 0;
    int grp = 0;
    const uint64_t cycleLimit = (vectors.size() + 1) * NG * 40;
    for (uint64_t cycle = 0; done < vectors.size(); ++cycle) {
        if (cosim::stalled(cycle, cycleLimit, done, vectors.size())) return 3;
        const bool offer = next < vectors.size() && flow.chance(80);
        top->s_valid = offer;
        top->s_act = offer ? actWord(vectors[next], grp) : uint32_t(flow.next());
        top->s_wgt = offer ? codeWord(vectors[next], grp) : uint32_t(flow.next());
        top->m_ready = flow.chance(80);
        top->eval();
        const bool sfire = top->s_valid && top->s_ready;
        if (top->m_valid && top->m_ready) {
            int32_t y[M];
            for (int m = 0; m < M; ++m) y[m] = static_cast<int32_t>(top->m_data[m]);
            printLine(static_cast<int>(done++), y);
        }
        bench.tick();
        if (sfire && ++grp == NG) {
            grp = 0;
            ++next;
        }
    }
    top->final();
    return 0;
}
