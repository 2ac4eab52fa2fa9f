// Co-simulation driver, RTL side: Verilator model of rtl/bitserial_pe.sv on the vectors of
// vectors.h, through the valid/ready streams with seeded input bubbles and output
// back-pressure (which must not change any result), one canonical line per output.
#include <memory>

#include "Vbitserial_pe.h"
#include "verilated.h"
#include "../../common/cosim_rtl.h"
#include "vectors.h"

int main(int argc, char** argv) {
    using namespace bitserial_cosim;
    cosim::RtlBench<Vbitserial_pe> bench(argc, argv);
    auto& top = bench.top;
    const Options opts = parseOptions(argc, argv);
    const auto vectors = makeVectors(opts);
    Rng flow(opts.seed ^ 0xF1017ull);

    top->s_valid = 0; top->m_ready = 0;
    bench.reset();

    size_t next = 0, beat = 0, done = 0;
    const uint64_t cycleLimit = (vectors.size() + 1) * kMaxGroups * 40;
    for (uint64_t cycle = 0; done < vectors.size(); ++cycle) {
        if (cosim::stalled(cycle, cycleLimit, done, vectors.size())) return 3;
        const bool offer = next < vectors.size() && flow.chance(80);
        const Beat b = offer ? vectors[next][beat] : Beat{};
        top->s_valid = offer;
        top->s_act = offer ? b.act : uint32_t(flow.next());
        top->s_wgt = offer ? b.wgt : uint32_t(flow.next());
        top->s_mode = offer ? b.mode : flow.next() & 3;
        top->s_scale = offer ? uint8_t(b.scale) : flow.next() & 0xFF;
        top->s_shift = offer ? b.shift : flow.next() & 0xF;
        top->s_last = offer ? b.last : flow.next() & 1;
        top->m_ready = flow.chance(80);
        top->eval();
        const bool sfire = top->s_valid && top->s_ready;
        if (top->m_valid && top->m_ready) printLine(static_cast<int>(done++), static_cast<int32_t>(top->m_data));
        bench.tick();
        if (sfire && ++beat == vectors[next].size()) {
            beat = 0;
            ++next;
        }
    }
    top->final();
    return 0;
}
