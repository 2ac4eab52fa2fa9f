// Verilator C++ harness for lut_mpgemm (defaults K=16, M=4, G=4, ACCW=32).
// Drives fixed-seed random and corner-case vectors for every weight precision
// (1..4 bits, signed and unsigned, mixed per group), garbage in unused weight bits,
// random input bubbles, random m_ready back-pressure and mid-stream resets.
// Checks every output against the golden model, m_data stability, and the
// documented cycle behavior of s_ready / m_valid.
#include <cstdarg>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <deque>
#include <memory>
#include <type_traits>
#include <vector>

#include "Vlut_mpgemm.h"
#include "verilated.h"
#include "lut_mpgemm_golden.h"

namespace {

constexpr int K = 16, M = 4, G = 4, NG = K / G;
using lut_mpgemm_golden::GroupCfg;

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
template <typename T> void set_u64(T& sig, uint64_t v) {
  if constexpr (std::is_integral_v<T>) sig = static_cast<T>(v);
  else { sig[0] = static_cast<uint32_t>(v); sig[1] = static_cast<uint32_t>(v >> 32); }
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

struct Vec { std::vector<int8_t> a; std::vector<uint8_t> w; std::vector<GroupCfg> cfg; };

std::vector<Vec> make_vectors(Rng& r) {
  std::vector<Vec> v;
  // wkind: 0 zero, 1 min, 2 max, 3 all-ones field (-1 signed), 4 alternating min/max, 5 random
  auto mk = [&](int akind, int wkind, int nb_fixed, int sg_fixed) {
    Vec x; x.a.resize(K); x.w.resize(M * K); x.cfg.resize(NG);
    for (auto& c : x.cfg) {
      c.nbits = nb_fixed > 0 ? nb_fixed : r.range(1, 4);
      c.is_signed = sg_fixed >= 0 ? sg_fixed != 0 : r.chance(50);
    }
    for (int k = 0; k < K; ++k)
      x.a[k] = static_cast<int8_t>(akind == 0 ? 0 : akind == 1 ? -128 : akind == 2 ? 127
                                   : akind == 3 ? ((k & 1) ? 127 : -128) : r.range(-128, 127));
    for (int i = 0; i < M * K; ++i) {
      const GroupCfg& c = x.cfg[(i % K) / G];
      unsigned mask = (1u << c.nbits) - 1u;
      unsigned top = 1u << (c.nbits - 1);
      unsigned vmin = c.is_signed ? top : 0u, vmax = c.is_signed ? top - 1u : mask;
      unsigned f = wkind == 0 ? 0u : wkind == 1 ? vmin : wkind == 2 ? vmax : wkind == 3 ? mask
                 : wkind == 4 ? ((i & 1) ? vmax : vmin) : r.next() & mask;
      x.w[i] = static_cast<uint8_t>((f & mask) | (r.next() & 0xFu & ~mask));   // garbage above nbits
    }
    v.push_back(x);
  };
  for (int nb = 1; nb <= 4; ++nb)
    for (int sg = 0; sg < 2; ++sg)
      for (int ak = 0; ak < 5; ++ak)
        for (int wk = 0; wk < 6; ++wk) mk(ak, wk, nb, sg);
  // one-hot activations through random weights
  for (int p = 0; p < K; ++p) {
    mk(0, 5, 4, 1); v.back().a[p] = -128;
    mk(0, 5, 3, 0); v.back().a[p] = 127;
  }
  for (int n = 0; n < 300; ++n) mk(r.chance(20) ? r.range(0, 3) : 4, r.chance(20) ? r.range(0, 4) : 5, 0, -1);
  return v;
}

}  // namespace

int main(int argc, char** argv) {
  auto contextp = std::make_unique<VerilatedContext>();
  contextp->commandArgs(argc, argv);
  auto top = std::make_unique<Vlut_mpgemm>(contextp.get());
  if (sizeof(top->s_act) != vl_bytes(32)) return fail("port s_act is not 32 bits wide");
  if (sizeof(top->s_wgt) != vl_bytes(64)) return fail("port s_wgt is not 64 bits wide");
  if (sizeof(top->s_nbits) != vl_bytes(2)) return fail("port s_nbits is not 2 bits wide");
  if (sizeof(top->m_data) != vl_bytes(128)) return fail("port m_data is not 128 bits wide");

  Rng rng(1);
  std::vector<Vec> vecs = make_vectors(rng);
  for (const Vec& v : vecs)
    if (lut_mpgemm_golden::gemv(v.a, v.w, v.cfg, K, M, G) != lut_mpgemm_golden::gemv_lut(v.a, v.w, v.cfg, K, M, G))
      return fail("golden model self-check mismatch");

  uint64_t cycle = 0;
  auto tick = [&]() {
    top->clk = 1; top->eval(); contextp->timeInc(1);
    top->clk = 0; top->eval(); contextp->timeInc(1);
    ++cycle;
  };

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

  top->clk = 0; top->s_valid = 0; top->m_ready = 0;
  if (do_reset(2)) return 1;

  while (vi < vecs.size() || !expq.empty()) {
    if (cycle - last_progress > 200) return fail("timeout: no progress at cycle %llu", (unsigned long long)cycle);
    if ((vi % 25) == 0 && gi == 0 && !sv) {
      static const int vp[] = {100, 70, 30, 90}, rp[] = {100, 60, 20, 85};
      valid_pct = vp[(vi / 25) % 4]; ready_pct = rp[(vi / 37) % 4];
    }
    if (resets < 6 && vi > 30 && rng.chance(1) && (gi != 0 || ms == MS_OUT)) {
      ++resets;
      if (do_reset(2)) return 1;
      last_progress = cycle;
    }
    if (!sv && vi < vecs.size() && rng.chance(valid_pct)) sv = true;
    if (sv) {
      const Vec& v = vecs[vi];
      uint32_t a = 0; uint64_t w = 0;
      for (int g = 0; g < G; ++g) a |= static_cast<uint32_t>(static_cast<uint8_t>(v.a[gi * G + g])) << (8 * g);
      for (int m = 0; m < M; ++m)
        for (int g = 0; g < G; ++g) w |= static_cast<uint64_t>(v.w[m * K + gi * G + g] & 0xFu) << (4 * (m * G + g));
      top->s_act = a; set_u64(top->s_wgt, w);
      top->s_nbits = v.cfg[gi].nbits - 1; top->s_signed = v.cfg[gi].is_signed;
    } else {
      top->s_act = rng.next();
      set_u64(top->s_wgt, (static_cast<uint64_t>(rng.next()) << 32) | rng.next());
      top->s_nbits = rng.next() & 3; top->s_signed = rng.next() & 1;
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
      for (int m = 0; m < M; ++m) {
        int32_t got = static_cast<int32_t>(word_of(top->m_data, m));
        if (got != expq.front()[m])
          return fail("output %llu row %d: got %d expected %d (cycle %llu)", (unsigned long long)outputs, m, got,
                      expq.front()[m], (unsigned long long)cycle);
      }
    }
    bool sfire = top->s_valid && top->s_ready, mfire = top->m_valid && top->m_ready;
    int fire_nb = sfire ? vecs[vi].cfg[gi].nbits : 0;
    tick();

    if (sfire) {
      sv = false; last_progress = cycle;
      if (++gi == NG) {
        expq.push_back(lut_mpgemm_golden::gemv(vecs[vi].a, vecs[vi].w, vecs[vi].cfg, K, M, G));
        gi = 0; ++vi;
      }
    }
    if (mfire) { expq.pop_front(); ++outputs; last_progress = cycle; }

    if (ms == MS_IN && sfire) {
      ms = MS_BUSY; busy = G + fire_nb; mlast = (mgrp == NG - 1); mgrp = mlast ? 0 : mgrp + 1;
    } else if (ms == MS_BUSY) {
      if (--busy == 0) ms = mlast ? MS_OUT : MS_IN;
    } else if (ms == MS_OUT && mfire) {
      ms = MS_IN;
    }
  }
  top->final();
  if (outputs < vecs.size() - 6) return fail("too few outputs checked: %llu", (unsigned long long)outputs);
  std::printf("PASS lut_mpgemm: %llu vectors checked, %d resets, %llu cycles\n", (unsigned long long)outputs, resets,
              (unsigned long long)cycle);
  return 0;
}
