// What every block's RTL co-simulation driver shares: the Verilator model with its context, a
// clock cycle, the reset sequence (rst_n low for two cycles), and the guard that stops a run
// whose design no longer answers. Include after the model's header and verilated.h.
#pragma once

#include <cstdint>
#include <cstdio>
#include <memory>

namespace cosim {

template <class Model>
struct RtlBench {
    std::unique_ptr<VerilatedContext> context = std::make_unique<VerilatedContext>();
    std::unique_ptr<Model> top;

    RtlBench(int argc, char** argv) {
        context->commandArgs(argc, argv);
        top = std::make_unique<Model>(context.get());
    }

    /// One clock cycle: rising edge, falling edge.
    void tick() {
        top->clk = 1; top->eval(); context->timeInc(1);
        top->clk = 0; top->eval(); context->timeInc(1);
    }

    /// The caller drives its valid/ready inputs low first.
    void reset() {
        top->clk = 0; top->rst_n = 0;
        tick(); tick();
        top->rst_n = 1;
    }
};

/// True (after printing why) when `cycle` is past `limit` with outputs still missing.
inline bool stalled(uint64_t cycle, uint64_t limit, size_t done, size_t total) {
    if (cycle <= limit) return false;
    std::printf("ERROR: no output after %llu cycles (%zu of %zu vectors out)\n",
                (unsigned long long)cycle, done, total);
    return true;
}

}  // namespace cosim
