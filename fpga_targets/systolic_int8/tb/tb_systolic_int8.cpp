// Verilator C++ harness for systolic_int8 (defaults N=4, ACCW=32).
// Streams fixed-seed random and corner-case weight tiles and activation rows with
// random bubbles, random c_ready back-pressure, weight reloads while rows are in
// flight and a few mid-stream resets.  Checks every result row against the golden
// model, c_data stability under back-pressure, and the documented handshake/latency
// behavior (w_ready, a_ready, c_valid) with a cycle model of the valid pipeline.
#include <cstdarg>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <deque>
#include <memory>
#include <type_traits>
#include <vector>

#include "Vsystolic_int8.h"
#include "verilated.h"
#include "systolic_int8_golden.h"

namespace {

constexpr int N = 4, D = 2 * N - 1;

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

template <typename T> uint32_t word_of(const T& sig, int i) {
  if constexpr (std::is_integral_v<T>) return static_cast<uint32_t>(static_cast<uint64_t>(sig) >> (32 * i));
  else return sig[i];
}
template <typename T> void set_words(T& sig, const std::vector<uint32_t>& w) {
  if constexpr (std::is_integral_v<T>) {
    uint64_t v = w[0];
    if (w.size() > 1) v |= static_cast<uint64_t>(w[1]) << 32;
    sig = static_cast<T>(v);
  } else {
    for (size_t i = 0; i < w.size(); ++i) sig[i] = w[i];
  }
}
std::vector<uint32_t> pack8(const std::vector<int8_t>& v) {
  std::vector<uint32_t> w((v.size() + 3) / 4, 0);
  for (size_t i = 0; i < v.size(); ++i) w[i / 4] |= static_cast<uint32_t>(static_cast<uint8_t>(v[i])) << (8 * (i % 4));
  return w;
}

// Verilator storage size of a port of w bits: catches a top configured with other
// parameter values than the defaults this harness (and its golden model) assume.
constexpr size_t vl_bytes(int w) { return w <= 8 ? 1 : w <= 16 ? 2 : w <= 32 ? 4 : w <= 64 ? 8 : 4 * ((w + 31) / 32); }

int fail(const char* fmt, ...) {
  std::printf("FAIL: ");
  va_list ap; va_start(ap, fmt); std::vprintf(fmt, ap); va_end(ap);
  std::printf("\n");
  return 1;
}

struct Op { bool is_w; std::vector<int8_t> d; };

}  // namespace

int main(int argc, char** argv) {
  auto contextp = std::make_unique<VerilatedContext>();
  contextp->commandArgs(argc, argv);
  auto top = std::make_unique<Vsystolic_int8>(contextp.get());
  if (sizeof(top->w_data) != vl_bytes(128)) return fail("port w_data is not 128 bits wide");
  if (sizeof(top->a_data) != vl_bytes(32)) return fail("port a_data is not 32 bits wide");
  if (sizeof(top->c_data) != vl_bytes(128)) return fail("port c_data is not 128 bits wide");

  Rng rng(1);
  // ---- operation list: weight tile, then a run of rows
  std::deque<Op> ops;
  auto tile = [&](int kind) {
    std::vector<int8_t> b(N * N);
    for (int i = 0; i < N * N; ++i) {
      int k = i / N, j = i % N;
      switch (kind) {
        case 0: b[i] = 0; break;
        case 1: b[i] = -128; break;
        case 2: b[i] = 127; break;
        case 3: b[i] = (k == j) ? 1 : 0; break;
        case 4: b[i] = -1; break;
        case 5: b[i] = static_cast<int8_t>(((k + j) & 1) ? 127 : -128); break;
        case 6: b[i] = static_cast<int8_t>((k == N - 1 - j) ? -128 : 0); break;
        case 7: b[i] = static_cast<int8_t>(k * 16 + j * 3 - 40); break;
        default: b[i] = static_cast<int8_t>(rng.range(-128, 127)); break;
      }
    }
    return b;
  };
  auto row = [&](int kind) {
    std::vector<int8_t> a(N);
    for (int k = 0; k < N; ++k) {
      switch (kind) {
        case 0: a[k] = 0; break;
        case 1: a[k] = -128; break;
        case 2: a[k] = 127; break;
        case 3: a[k] = static_cast<int8_t>((k & 1) ? -128 : 127); break;
        case 4: a[k] = static_cast<int8_t>(k == 0 ? 1 : 0); break;
        case 5: a[k] = static_cast<int8_t>(rng.range(0, N - 1) == k ? -128 : 0); break;
        default: a[k] = static_cast<int8_t>(rng.range(-128, 127)); break;
      }
    }
    return a;
  };
  for (int t = 0; t < 70; ++t) {
    ops.push_back({true, tile(t < 8 ? t : (rng.chance(25) ? rng.range(0, 7) : 8))});
    int nrows = (t < 8) ? 8 : rng.range(1, 14);
    for (int r = 0; r < nrows; ++r) ops.push_back({false, row(t < 8 ? r : (rng.chance(30) ? rng.range(0, 5) : 6))});
  }
  // one-hot activation rows through a random tile: checks every PE separately
  ops.push_back({true, tile(8)});
  for (int k = 0; k < N; ++k) {
    std::vector<int8_t> a(N, 0); a[k] = -128; ops.push_back({false, a});
    a[k] = 127; ops.push_back({false, a});
  }

  uint64_t cycle = 0;
  auto tick = [&]() {
    top->clk = 1; top->eval(); contextp->timeInc(1);
    top->clk = 0; top->eval(); contextp->timeInc(1);
    ++cycle;
  };

  // cycle model
  std::deque<bool> mv(D, false);   // mv[0] newest
  bool mloaded = false;
  std::vector<int8_t> curB(N * N, 0), lastB(N * N, 0);
  std::deque<std::vector<int32_t>> expq;
  uint64_t rows_out = 0, last_progress = 0;
  int resets = 0, valid_pct = 100, ready_pct = 100;
  bool present = false;             // current op (front) presented

  auto model_reset = [&]() {
    for (auto&& b : mv) b = false;
    mloaded = false; expq.clear(); present = false;
    if (!ops.empty() && !ops.front().is_w) ops.push_front({true, lastB});
  };
  auto do_reset = [&](int n) -> int {
    top->rst_n = 0;
    for (int i = 0; i < n; ++i) {
      top->w_valid = rng.chance(50); top->a_valid = rng.chance(50); top->c_ready = rng.chance(50);
      top->eval();
      if (top->c_valid) return fail("c_valid high during reset (cycle %llu)", (unsigned long long)cycle);
      if (top->a_ready) return fail("a_ready high during reset (cycle %llu)", (unsigned long long)cycle);
      tick();
    }
    top->rst_n = 1; top->eval();
    model_reset();
    return 0;
  };

  top->clk = 0; top->w_valid = 0; top->a_valid = 0; top->c_ready = 0;
  if (do_reset(2)) return 1;

  while (!ops.empty() || !expq.empty()) {
    if (cycle - last_progress > 500) return fail("timeout: no progress at cycle %llu", (unsigned long long)cycle);
    if (cycle % 211 == 0) {
      static const int vp[] = {100, 60, 25, 90}, rp[] = {100, 50, 15, 80};
      valid_pct = vp[(cycle / 211) % 4]; ready_pct = rp[(cycle / 317) % 4];
    }
    if (resets < 5 && cycle > 300 && rng.chance(1) && !expq.empty()) {
      ++resets;
      if (do_reset(2)) return 1;
      last_progress = cycle;
    }
    bool model_cvalid = mv[D - 1];
    bool model_empty = true;
    for (bool b : mv) model_empty = model_empty && !b;

    if (!present && !ops.empty() && rng.chance(valid_pct)) present = true;
    bool wv = false, av = false;
    std::vector<int8_t> adata(N), wdata(N * N);
    for (auto& x : adata) x = static_cast<int8_t>(rng.next());
    for (auto& x : wdata) x = static_cast<int8_t>(rng.next());
    if (present) {
      const Op& op = ops.front();
      if (op.is_w) {
        wv = true; wdata = op.d;
        // also offer the following row in the very cycle the weight load must win
        if (model_empty && ops.size() > 1 && !ops[1].is_w && rng.chance(40)) { av = true; adata = ops[1].d; }
      } else {
        av = true; adata = op.d;
      }
    }
    top->w_valid = wv; top->a_valid = av;
    set_words(top->w_data, pack8(wdata));
    set_words(top->a_data, pack8(adata));
    top->c_ready = rng.chance(ready_pct);
    top->eval();

    bool step = !model_cvalid || top->c_ready;
    bool exp_wready = model_empty;
    bool wfire_m = wv && exp_wready;
    bool exp_aready = step && mloaded && !wfire_m;
    if (top->c_valid != model_cvalid)
      return fail("c_valid=%d expected %d at cycle %llu", top->c_valid, model_cvalid, (unsigned long long)cycle);
    if (top->w_ready != exp_wready)
      return fail("w_ready=%d expected %d at cycle %llu", top->w_ready, exp_wready, (unsigned long long)cycle);
    if (top->a_ready != exp_aready)
      return fail("a_ready=%d expected %d at cycle %llu", top->a_ready, exp_aready, (unsigned long long)cycle);
    if (top->c_valid) {
      if (expq.empty()) return fail("unexpected result row at cycle %llu", (unsigned long long)cycle);
      for (int j = 0; j < N; ++j) {
        int32_t got = static_cast<int32_t>(word_of(top->c_data, j));
        if (got != expq.front()[j])
          return fail("row %llu col %d: got %d expected %d (cycle %llu)", (unsigned long long)rows_out, j, got,
                      expq.front()[j], (unsigned long long)cycle);
      }
    }
    bool wfire = top->w_valid && top->w_ready;
    bool afire = top->a_valid && top->a_ready;
    bool cfire = top->c_valid && top->c_ready;
    tick();

    if (wfire) {
      curB = ops.front().d; lastB = curB; mloaded = true;
      ops.pop_front(); present = false; last_progress = cycle;
    }
    if (afire) {
      if (wfire) return fail("row accepted in the weight-load cycle (cycle %llu)", (unsigned long long)cycle);
      expq.push_back(systolic_golden::row_times_matrix(ops.front().d, curB, N));
      ops.pop_front(); present = false; last_progress = cycle;
    }
    if (cfire) { expq.pop_front(); ++rows_out; last_progress = cycle; }
    if (step) { mv.push_front(afire); mv.pop_back(); }
  }
  top->final();
  if (rows_out < 300) return fail("too few rows checked: %llu", (unsigned long long)rows_out);
  std::printf("PASS systolic_int8: %llu rows checked, %d resets, %llu cycles\n", (unsigned long long)rows_out, resets,
              (unsigned long long)cycle);
  return 0;
}
