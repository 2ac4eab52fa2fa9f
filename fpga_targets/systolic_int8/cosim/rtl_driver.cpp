// Co-simulation driver, RTL side: Verilator model of rtl/systolic_int8.sv on the vectors of
// vectors.h. Each vector loads its weight tile (w_valid until accepted, which waits for the
// array to drain), then streams its rows through a_valid/a_ready with seeded bubbles, while
// c_ready applies seeded back-pressure; one canonical line per vector once all its rows are out.
#include <deque>
#include <memory>

#include "Vsystolic_int8.h"
#include "verilated.h"
#include "../../common/cosim_rtl.h"
#include "vectors.h"

namespace {

using namespace systolic_cosim;

template <typename Bus> void setWords(Bus& bus, const std::vector<uint32_t>& words) {
    for (size_t i = 0; i < words.size(); ++i) bus[i] = words[i];
}
std::vector<uint32_t> pack(const std::vector<int8_t>& bytes) {
    std::vector<uint32_t> words((bytes.size() + 3) / 4, 0);
    for (size_t i = 0; i < bytes.size(); ++i) words[i / 4] |= uint32_t(uint8_t(bytes[i])) << (8 * (i % 4));
    return words;
}

struct Op {
    bool isWeights;
    std::vector<int8_t> data;
};

}  // namespace

int main(int argc, char** argv) {
    cosim::RtlBench<Vsystolic_int8> bench(argc, argv);
    auto& top = bench.top;
    const Options opts = parseOptions(argc, argv);
    const auto vectors = makeVectors(opts);
    Rng flow(opts.seed ^ 0xF1017ull);

    std::deque<Op> ops;
    std::deque<size_t> rowsPerVector;
    for (const Vector& v : vectors) {
        ops.push_back({true, v.b});
        for (const auto& row : v.rows) ops.push_back({false, row});
        rowsPerVector.push_back(v.rows.size());
    }

    top->w_valid = 0; top->a_valid = 0; top->c_ready = 0;
    bench.reset();

    std::vector<int32_t> collected;
    int done = 0;
    const uint64_t cycleLimit = 100 * (ops.size() + 10);
    for (uint64_t cycle = 0; done < static_cast<int>(vectors.size()); ++cycle) {
        if (cosim::stalled(cycle, cycleLimit, static_cast<size_t>(done), vectors.size())) return 3;
        const bool offer = !ops.empty() && flow.chance(80);
        const bool weights = offer && ops.front().isWeights;
        top->w_valid = weights;
        top->a_valid = offer && !weights;
        std::vector<int8_t> wdata(N * N), adata(N);
        for (auto& x : wdata) x = static_cast<int8_t>(flow.next());   // garbage unless offered
        for (auto& x : adata) x = static_cast<int8_t>(flow.next());
        if (weights) wdata = ops.front().data;
        else if (offer) adata = ops.front().data;
        setWords(top->w_data, pack(wdata));
        top->a_data = pack(adata)[0];
        top->c_ready = flow.chance(80);
        top->eval();
        const bool accepted = (top->w_valid && top->w_ready) || (top->a_valid && top->a_ready);
        if (top->c_valid && top->c_ready) {
            for (int j = 0; j < N; ++j) collected.push_back(static_cast<int32_t>(top->c_data[j]));
            if (collected.size() == rowsPerVector.front() * N) {
                printLine(done++, collected);
                collected.clear();
                rowsPerVector.pop_front();
            }
        }
        bench.tick();
        if (accepted) ops.pop_front();
    }
    top->final();
    return 0;
}
