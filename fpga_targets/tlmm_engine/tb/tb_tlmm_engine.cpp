// Verilator C++ harness for tlmm_engine (defaults K=16, M=4, G=4, ACCW=32).
// Drives fixed-seed random and corner-case vectors with random input bubbles,
// random output back-pressure and a few mid-stream resets; checks every output
// transaction against the golden model, m_data stability while m_valid is held,
// and the documented cycle behavior of s_ready / m_valid.
#include <cstdarg>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <deque>
#include <memory>
#include <type_traits>
#include <vector>

#include "Vtlmm_engine.h"
#include "verilated.h"
#include "tlmm_engine_golden.h"

namespace {

constexpr int K = 16, M = 4, G = 4, NG = K / G, TN = 1 << G;

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

// Verilator storage size of a port of w bits: catches a top configured with other
// parameter values than the defaults this harness (and its golden model) assume.
constexpr size_t vl_bytes(int w) { return w <= 8 ? 1 : w <= 16 ? 2 : w <= 32 ? 4 : w <= 64 ? 8 : 4 * ((w + 31) / 32); }

int fail(const char* fmt, ...) {
  std::printf("FAIL: ");
  va_list ap; va_start(ap, fmt); std::vprintf(fmt, ap); va_end(ap);
  std::printf("\n");
  return 1;
}

struct Vec { std::vector<int8_t> a; std::vector<uint8_t> w; };

std::vector<Vec> make_vectors(Rng& r) {
  std::vector<Vec> v;
  auto mk = [&](auto fa, auto fw) {
    Vec x; x.a.resize(K); x.w.resize(M * K);
    for (int k = 0; k < K; ++k) x.a[k] = static_cast<int8_t>(fa(k));
    for (int i = 0; i < M * K; ++i) x.w[i] = static_cast<uint8_t>(fw(i));
    v.push_back(x);
  };
  mk([](int) { return 0; }, [&](int) { return r.range(0, 3); });          // all-zero activations
  mk([&](int) { return r.range(-128, 127); }, [](int) { return 0; });     // all-zero weights
  mk([&](int) { return r.range(-128, 127); }, [](int) { return 2; });     // reserved code = 0
  mk([](int) { return -128; }, [](int) { return 1; });                    // all -128, all +1
  mk([](int) { return -128; }, [](int) { return 3; });                    // all -128, all -1
  mk([](int) { return 127; }, [](int) { return 1; });
  mk([](int) { return 127; }, [](int) { return 3; });
  mk([](int k) { return (k & 1) ? 127 : -128; }, [](int i) { return (i & 1) ? 3 : 1; });
  mk([](int k) { return (k & 1) ? -128 : 127; }, [](int i) { return (i & 1) ? 3 : 1; });
  mk([](int k) { return k * 17 - 60; }, [](int i) { return (i / K) == 0 ? 1 : (i / K) == 1 ? 3 : (i / K) == 2 ? 0 : 2; });
  for (int p = 0; p < K; ++p) {                                             // one-hot activation
    mk([p](int k) { return k == p ? -128 : 0; }, [](int) { return 1; });
    mk([p](int k) { return k == p ? 127 : 0; }, [](int i) { return (i & 2) ? 3 : 1; });
  }
  for (int p = 0; p < K; ++p)                                               // one-hot weight per row
    mk([](int k) { return 3 * k - 100; }, [p](int i) { return (i % K) == ((p + i / K) % K) ? ((i / K) & 1 ? 3 : 1) : 0; });
  for (int n = 0; n < 400; ++n) {
    int mode = r.range(0, 3);
    mk([&](int) { return mode == 0 ? (r.chance(50) ? -128 : 127) : r.range(-128, 127); },
       [&](int) { return mode == 1 ? (r.chance(50) ? 1 : 3) : r.range(0, 3); });
  }
  return v;
}

}  // namespace

int main(int argc, char** argv) {
  auto contextp = std::make_unique<VerilatedContext>();
  contextp->commandArgs(argc, argv);
  auto top = std::make_unique<Vtlmm_engine>(contextp.get());
  if (sizeof(top->s_act) != vl_bytes(32)) return fail("port s_act is not 32 bits wide");
  if (sizeof(top->s_wgt) != vl_bytes(32)) return fail("port s_wgt is not 32 bits wide");
  if (sizeof(top->m_data) != vl_bytes(128)) return fail("port m_data is not 128 bits wide");

  Rng rng(1);
  std::vector<Vec> vecs = make_vectors(rng);
  for (const Vec& v : vecs)
    if (tlmm_golden::matvec(v.a, v.w, K, M) != tlmm_golden::matvec_lut(v.a, v.w, K, M, G))
      return fail("golden model self-check mismatch");

  uint64_t cycle = 0;
  auto tick = [&]() {
    top->clk = 1; top->eval(); contextp->timeInc(1);
    top->clk = 0; top->eval(); contextp->timeInc(1);
    ++cycle;
  };

  // Timing model of the documented cycle behavior.
  enum { MS_IN, MS_BUSY, MS_OUT } ms = MS_IN;
  int busy = 0, mgrp = 0; bool mlast = false;

  size_t vi = 0; int gi = 0; bool sv = false;
  std::deque<std::vector<int32_t>> expq;
  uint64_t outputs = 0, last_progress = 0;
  int resets = 0, valid_pct = 100, ready_pct = 100;

  auto do_reset = [&](int n) -> int {
    top->rst_n = 0;
    for (int i = 0; i < n; ++i) {
      top->s_valid = rng.chance(50); top->m_ready = rng.chance(50);
      top->eval();
      if (top->m_valid) return fail("m_valid high during reset (cycle %llu)", (unsigned long long)cycle);
      tick();
    }
    top->rst_n = 1; top->eval();
    ms = MS_IN; busy = 0; mgrp = 0; expq.clear(); gi = 0; sv = false;
    return 0;
  };

  top->clk = 0; top->s_valid = 0; top->m_ready = 0; top->s_act = 0; top->s_wgt = 0;
  if (do_reset(2)) return 1;

  while (vi < vecs.size() || !expq.empty()) {
    if (cycle - last_progress > 2000) return fail("timeout: no progress (cycle %llu, vector %zu)", (unsigned long long)cycle, vi);
    if ((vi % 25) == 0 && gi == 0 && !sv) {
      static const int vp[] = {100, 70, 30, 90}, rp[] = {100, 60, 20, 85};
      valid_pct = vp[(vi / 25) % 4]; ready_pct = rp[(vi / 37) % 4];
    }
    // mid-stream reset: aborts a partial vector or a pending output
    if (resets < 6 && vi > 30 && rng.chance(1) && (gi != 0 || ms == MS_OUT)) {
      ++resets;
      if (ms == MS_OUT) { /* pending result is dropped */ }
      if (do_reset(2)) return 1;
      last_progress = cycle;
    }
    if (!sv && vi < vecs.size() && rng.chance(valid_pct)) sv = true;
    if (sv) {
      const Vec& v = vecs[vi];
      uint32_t a = 0, w = 0;
      for (int g = 0; g < G; ++g) a |= static_cast<uint32_t>(static_cast<uint8_t>(v.a[gi * G + g])) << (8 * g);
      for (int m = 0; m < M; ++m)
        for (int g = 0; g < G; ++g) w |= static_cast<uint32_t>(v.w[m * K + gi * G + g] & 3u) << (2 * (m * G + g));
      top->s_act = a; top->s_wgt = w;
    } else {
      top->s_act = rng.next(); top->s_wgt = rng.next();   // garbage while not valid
    }
    top->s_valid = sv;
    top->m_ready = rng.chance(ready_pct);
    top->eval();

    bool exp_sready = (ms == MS_IN), exp_mvalid = (ms == MS_OUT);
    if (top->s_ready != exp_sready)
      return fail("s_ready=%d expected %d at cycle %llu", top->s_ready, exp_sready, (unsigned long long)cycle);
    if (top->m_valid != exp_mvalid)
      return fail("m_valid=%d expected %d at cycle %llu", top->m_valid, exp_mvalid, (unsigned long long)cycle);
    if (top->m_valid) {
      if (expq.empty()) return fail("unexpected output at cycle %llu", (unsigned long long)cycle);
      const std::vector<int32_t>& e = expq.front();
      for (int m = 0; m < M; ++m) {
        int32_t got = static_cast<int32_t>(word_of(top->m_data, m));
        if (got != e[m])
          return fail("output %llu row %d: got %d expected %d (cycle %llu)", (unsigned long long)outputs, m, got, e[m],
                      (unsigned long long)cycle);
      }
    }
    bool sfire = top->s_valid && top->s_ready, mfire = top->m_valid && top->m_ready;
    tick();

    if (sfire) {
      sv = false; last_progress = cycle;
      if (++gi == NG) {
        expq.push_back(tlmm_golden::matvec(vecs[vi].a, vecs[vi].w, K, M));
        gi = 0; ++vi;
      }
    }
    if (mfire) { expq.pop_front(); ++outputs; last_progress = cycle; }

    if (ms == MS_IN && sfire) {
      ms = MS_BUSY; busy = TN; mlast = (mgrp == NG - 1); mgrp = mlast ? 0 : mgrp + 1;
    } else if (ms == MS_BUSY) {
      if (--busy == 0) ms = mlast ? MS_OUT : MS_IN;
    } else if (ms == MS_OUT && mfire) {
      ms = MS_IN;
    }
  }
  if (outputs < vecs.size() - 6) return fail("too few outputs checked: %llu", (unsigned long long)outputs);
  top->final();
  std::printf("PASS tlmm_engine: %llu vectors checked, %d resets, %llu cycles\n", (unsigned long long)outputs, resets,
              (unsigned long long)cycle);
  return 0;
}
