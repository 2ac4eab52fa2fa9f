// Verilator C++ harness for softmax_stream (default N = 8).
// Streams fixed-seed random, clustered and extreme vectors (all equal, -128/127,
// every max-to-element gap 0..255) with random input bubbles, random m_ready
// back-pressure and mid-stream resets.  Every output beat is checked bit-exactly
// against the fixed-point golden model, against double-precision softmax within
// the documented bound (2^-12), for m_last, for stability under back-pressure, and
// the documented cycle behavior of s_ready / m_valid.
#include <cmath>
#include <cstdarg>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <deque>
#include <memory>
#include <vector>

#include "Vsoftmax_stream.h"
#include "verilated.h"
#include "softmax_stream_golden.h"

namespace {

constexpr int N = 8, RW = softmax_golden::kRecipBits;

struct Rng {
  uint64_t s;
  explicit Rng(uint64_t seed) : s(seed * 0x9E3779B97F4A7C15ull + 1) {}
  uint32_t next() {
    s ^= s << 13; s ^= s >> 7; s ^= s << 17;
    return static_cast<uint32_t>(s >> 16);
  }
  int range(int lo, int hi) { return lo + static_cast<int>(next() % static_cast<uint32_t>(hi - lo + 1)); }
  bool chance(int pct) { return static_cast<int>(next() % 100u) < pct; }
};

// Verilator storage size of a port of w bits: catches a top configured with other
// parameter values than the defaults this harness (and its golden model) assume.
constexpr size_t vl_bytes(int w) { return w <= 8 ? 1 : w <= 16 ? 2 : w <= 32 ? 4 : w <= 64 ? 8 : 4 * ((w + 31) / 32); }

int fail(const char* fmt, ...) {
  std::printf("FAIL: ");
  va_list ap; va_start(ap, fmt); std::vprintf(fmt, ap); va_end(ap);
  std::printf("\n");
  return 1;
}

int8_t clamp8(int v) { return static_cast<int8_t>(v < -128 ? -128 : v > 127 ? 127 : v); }

std::vector<std::vector<int8_t>> make_vectors(Rng& r) {
  std::vector<std::vector<int8_t>> v;
  v.push_back(std::vector<int8_t>(N, 0));
  v.push_back(std::vector<int8_t>(N, -128));
  v.push_back(std::vector<int8_t>(N, 127));
  for (int p = 0; p < N; ++p) {                          // one dominant element at each position
    std::vector<int8_t> x(N, -128); x[p] = 127; v.push_back(x);
    std::vector<int8_t> y(N, 127); y[p] = -128; v.push_back(y);
  }
  // exponent sum exactly 2^16 (32768 + e(121) + e(45) + e(1)): the restoring division
  // hits remainder == divisor, which only an exact '>=' compare handles
  for (int rot = 0; rot < N; rot += 3) {
    const int base[N] = {127, 127 - 121, 127 - 45, 127 - 1, -128, -128, -128, -128};
    std::vector<int8_t> x(N);
    for (int i = 0; i < N; ++i) x[(i + rot) % N] = static_cast<int8_t>(base[i]);
    v.push_back(x);
  }
  for (int d = 0; d <= 255; ++d) {                       // every exponent input 0..255
    std::vector<int8_t> x(N);
    for (int i = 0; i < N; ++i) x[i] = clamp8(i == (d % N) ? 127 : 127 - d);
    v.push_back(x);
  }
  for (int d = 0; d <= 255; d += 3) {                    // two-level vectors, max last
    std::vector<int8_t> x(N, clamp8(-128 + d)); x[N - 1] = 127;
    v.push_back(x);
  }
  for (int n = 0; n < 300; ++n) {
    std::vector<int8_t> x(N);
    int mode = n % 4, c = r.range(-128, 127);
    for (int i = 0; i < N; ++i) {
      if (mode == 0) x[i] = static_cast<int8_t>(r.range(-128, 127));
      else if (mode == 1) x[i] = clamp8(c + r.range(-12, 12));
      else if (mode == 2) x[i] = static_cast<int8_t>(r.chance(40) ? -128 : r.chance(50) ? 127 : r.range(-128, 127));
      else x[i] = clamp8(c - r.range(0, 40));
    }
    v.push_back(x);
  }
  return v;
}

}  // namespace

int main(int argc, char** argv) {
  auto contextp = std::make_unique<VerilatedContext>();
  contextp->commandArgs(argc, argv);
  auto top = std::make_unique<Vsoftmax_stream>(contextp.get());
  if (sizeof(top->s_data) != vl_bytes(8)) return fail("port s_data is not 8 bits wide");
  if (sizeof(top->m_data) != vl_bytes(16)) return fail("port m_data is not 16 bits wide");

  Rng rng(1);
  auto vecs = make_vectors(rng);
  // Self-check of the golden model: exponent error over all 256 inputs, then the
  // end-to-end error against double precision for every stimulus vector.
  for (uint32_t d = 0; d < 256; ++d)
    if (std::fabs(softmax_golden::exp_q15(d) - 32768.0 * std::exp(-(d / 16.0))) > 0.82)
      return fail("golden exponent error too large at d=%u", d);
  double worst = 0;
  for (const auto& x : vecs) {
    auto y = softmax_golden::softmax_fixed(x);
    auto p = softmax_golden::softmax_double(x);
    for (int i = 0; i < N; ++i) worst = std::fmax(worst, std::fabs(y[i] / 32768.0 - p[i]));
  }
  if (worst > softmax_golden::kErrorBound) return fail("golden model exceeds documented error bound: %g", worst);

  uint64_t cycle = 0;
  auto tick = [&]() {
    top->clk = 1; top->eval(); contextp->timeInc(1);
    top->clk = 0; top->eval(); contextp->timeInc(1);
    ++cycle;
  };

  enum { MS_LOAD, MS_BUSY, MS_OUT } ms = MS_LOAD;
  int busy = 0, mload = 0, mout = 0;
  size_t vi = 0; int ei = 0; bool sv = false;
  std::deque<std::vector<int8_t>> inflight;      // vectors whose outputs are expected
  uint64_t beats = 0, vectors_out = 0, last_progress = 0;
  int resets = 0, valid_pct = 100, ready_pct = 100;
  double worst_rtl = 0;

  auto do_reset = [&](int n) -> int {
    top->rst_n = 0;
    for (int i = 0; i < n; ++i) {
      top->s_valid = rng.chance(50); top->m_ready = rng.chance(50);
      top->eval();
      if (top->m_valid) return fail("m_valid high during reset (cycle %llu)", (unsigned long long)cycle);
      tick();
    }
    top->rst_n = 1; top->eval();
    ms = MS_LOAD; busy = 0; mload = 0; mout = 0; inflight.clear(); ei = 0; sv = false;
    return 0;
  };

  top->clk = 0; top->s_valid = 0; top->m_ready = 0; top->s_data = 0;
  if (do_reset(2)) return 1;

  while (vi < vecs.size() || !inflight.empty()) {
    if (cycle - last_progress > 200) return fail("timeout: no progress at cycle %llu", (unsigned long long)cycle);
    if (ei == 0 && !sv && vi % 20 == 0) {
      static const int vp[] = {100, 70, 30, 90}, rp[] = {100, 60, 20, 85};
      valid_pct = vp[(vi / 20) % 4]; ready_pct = rp[(vi / 28) % 4];
    }
    if (resets < 6 && vi > 40 && rng.chance(1) && (ei != 0 || ms == MS_OUT)) {
      ++resets;
      if (do_reset(2)) return 1;
      last_progress = cycle;
    }
    if (!sv && vi < vecs.size() && rng.chance(valid_pct)) sv = true;
    top->s_data = sv ? static_cast<uint8_t>(vecs[vi][ei]) : static_cast<uint8_t>(rng.next());
    top->s_valid = sv;
    top->m_ready = rng.chance(ready_pct);
    top->eval();

    bool exp_sready = (ms == MS_LOAD), exp_mvalid = (ms == MS_OUT);
    if (top->s_ready != exp_sready)
      return fail("s_ready=%d expected %d at cycle %llu", top->s_ready, exp_sready, (unsigned long long)cycle);
    if (top->m_valid != exp_mvalid)
      return fail("m_valid=%d expected %d at cycle %llu", top->m_valid, exp_mvalid, (unsigned long long)cycle);
    if (top->m_valid) {
      if (inflight.empty()) return fail("unexpected output at cycle %llu", (unsigned long long)cycle);
      const auto& x = inflight.front();
      auto y = softmax_golden::softmax_fixed(x);
      auto p = softmax_golden::softmax_double(x);
      if (top->m_data != y[mout])
        return fail("vector %llu element %d: got %u expected %u (cycle %llu)", (unsigned long long)vectors_out, mout,
                    top->m_data, y[mout], (unsigned long long)cycle);
      if (top->m_last != (mout == N - 1))
        return fail("vector %llu element %d: m_last=%d (cycle %llu)", (unsigned long long)vectors_out, mout,
                    top->m_last, (unsigned long long)cycle);
      double err = std::fabs(top->m_data / 32768.0 - p[mout]);
      worst_rtl = std::fmax(worst_rtl, err);
      if (err > softmax_golden::kErrorBound)
        return fail("vector %llu element %d: error %g vs double softmax exceeds bound", (unsigned long long)vectors_out,
                    mout, err);
    }
    bool sfire = top->s_valid && top->s_ready, mfire = top->m_valid && top->m_ready;
    tick();

    if (sfire) {
      sv = false; last_progress = cycle;
      if (++ei == N) { inflight.push_back(vecs[vi]); ei = 0; ++vi; }
    }
    if (ms == MS_LOAD && sfire) {
      if (++mload == N) { mload = 0; ms = MS_BUSY; busy = N + RW; }
    } else if (ms == MS_BUSY) {
      if (--busy == 0) { ms = MS_OUT; mout = 0; }
    } else if (ms == MS_OUT && mfire) {
      ++beats; last_progress = cycle;
      if (++mout == N) { ms = MS_LOAD; mout = 0; inflight.pop_front(); ++vectors_out; }
    }
  }
  top->final();
  if (vectors_out < vecs.size() - 6) return fail("too few vectors checked: %llu", (unsigned long long)vectors_out);
  std::printf("PASS softmax_stream: %llu vectors (%llu beats) checked, %d resets, max |err| vs double %.3g (bound %.3g)\n",
              (unsigned long long)vectors_out, (unsigned long long)beats, resets, worst_rtl, softmax_golden::kErrorBound);
  return 0;
}
