// Verilator C++ harness for bitserial_pe (defaults GS=4, SCW=8, SHW=4, ACCW=32).
// Drives fixed-seed random and corner-case dot products (every weight precision,
// extreme activations/weights/scales/shifts, garbage in unused weight bits) with
// random input bubbles, random m_ready back-pressure and mid-stream resets.
// Checks every result against the golden model, m_data stability, and the
// documented cycle behavior of s_ready / m_valid.
#include <cstdarg>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <deque>
#include <memory>
#include <vector>

#include "Vbitserial_pe.h"
#include "verilated.h"
#include "bitserial_pe_golden.h"

namespace {

constexpr int GS = 4;
using bitserial_golden::Group;

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

// weight lane holding value v in nb bits, with random garbage above
uint8_t lane(Rng& r, int v, int nb) {
  uint8_t garbage = static_cast<uint8_t>(r.next() & ~((1u << nb) - 1u) & 0xFFu);
  return static_cast<uint8_t>((static_cast<unsigned>(v) & ((1u << nb) - 1u)) | garbage);
}

std::vector<std::vector<Group>> make_dots(Rng& r) {
  std::vector<std::vector<Group>> dots;
  auto grp = [&](int mode, int akind, int wkind, int scale, int shift) {
    Group g; g.mode = mode; g.scale = scale; g.shift = shift;
    int nb = bitserial_golden::nbits(mode), wmin = -(1 << (nb - 1)), wmax = (1 << (nb - 1)) - 1;
    for (int i = 0; i < GS; ++i) {
      int a = akind == 0 ? 0 : akind == 1 ? -128 : akind == 2 ? 127 : akind == 3 ? ((i & 1) ? 127 : -128) : r.range(-128, 127);
      int w = wkind == 0 ? 0 : wkind == 1 ? wmin : wkind == 2 ? wmax : wkind == 3 ? -1 : wkind == 4 ? 1
            : wkind == 5 ? ((i & 1) ? wmax : wmin) : r.range(wmin, wmax);
      g.a.push_back(static_cast<int8_t>(a));
      g.w.push_back(lane(r, w, nb));
    }
    return g;
  };
  // single-group corner dot products for every mode
  for (int mode = 0; mode < 4; ++mode) {
    for (int ak = 0; ak < 5; ++ak)
      for (int wk = 0; wk < 7; ++wk) {
        int sc = (wk == 6) ? r.range(-128, 127) : ((ak + wk) % 3 == 0 ? -128 : (ak + wk) % 3 == 1 ? 127 : 1);
        int sh = (ak + wk + mode) % 4 == 0 ? 0 : (ak + wk + mode) % 4 == 1 ? 15 : r.range(0, 15);
        Group g = grp(mode, ak, wk, sc, sh); g.last = true;
        dots.push_back({g});
      }
    // one-hot weight bit in each plane and lane
    int nb = bitserial_golden::nbits(mode);
    for (int b = 0; b < nb; ++b)
      for (int i = 0; i < GS; ++i) {
        Group g = grp(mode, 4, 0, 1, 0);
        g.w[i] = static_cast<uint8_t>(g.w[i] | (1u << b));
        g.last = true;
        dots.push_back({g});
      }
  }
  // shift sweep, scale sweep
  for (int sh = 0; sh < 16; ++sh) { Group g = grp(r.range(0, 3), 4, 6, r.range(-128, 127), sh); g.last = true; dots.push_back({g}); }
  for (int sc : {-128, -127, -1, 0, 1, 2, 64, 127}) { Group g = grp(3, 4, 6, sc, r.range(0, 15)); g.last = true; dots.push_back({g}); }
  // random multi-group dot products with mixed precisions
  for (int n = 0; n < 260; ++n) {
    int ng = r.range(1, 6);
    std::vector<Group> d;
    for (int k = 0; k < ng; ++k) {
      int ak = r.chance(15) ? r.range(0, 3) : 4, wk = r.chance(15) ? r.range(0, 5) : 6;
      int sc = r.chance(10) ? (r.chance(50) ? -128 : 127) : r.range(-128, 127);
      int sh = r.range(0, 15);
      Group g = grp(r.range(0, 3), ak, wk, sc, sh);
      g.last = (k == ng - 1);
      d.push_back(g);
    }
    dots.push_back(d);
  }
  return dots;
}

}  // namespace

int main(int argc, char** argv) {
  auto contextp = std::make_unique<VerilatedContext>();
  contextp->commandArgs(argc, argv);
  auto top = std::make_unique<Vbitserial_pe>(contextp.get());
  if (sizeof(top->s_act) != vl_bytes(32)) return fail("port s_act is not 32 bits wide");
  if (sizeof(top->s_wgt) != vl_bytes(32)) return fail("port s_wgt is not 32 bits wide");
  if (sizeof(top->s_mode) != vl_bytes(2)) return fail("port s_mode is not 2 bits wide");
  if (sizeof(top->s_scale) != vl_bytes(8)) return fail("port s_scale is not 8 bits wide");
  if (sizeof(top->s_shift) != vl_bytes(4)) return fail("port s_shift is not 4 bits wide");
  if (sizeof(top->m_data) != vl_bytes(32)) return fail("port m_data is not 32 bits wide");

  Rng rng(1);
  auto dots = make_dots(rng);

  uint64_t cycle = 0;
  auto tick = [&]() {
    top->clk = 1; top->eval(); contextp->timeInc(1);
    top->clk = 0; top->eval(); contextp->timeInc(1);
    ++cycle;
  };

  enum { MS_IN, MS_BUSY, MS_OUT } ms = MS_IN;
  int busy = 0; bool mlast = false;
  size_t di = 0; size_t gi = 0; bool sv = false;
  std::deque<int32_t> expq;
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
    ms = MS_IN; busy = 0; expq.clear(); gi = 0; sv = false;
    return 0;
  };

  top->clk = 0; top->s_valid = 0; top->m_ready = 0;
  if (do_reset(2)) return 1;

  while (di < dots.size() || !expq.empty()) {
    if (cycle - last_progress > 200) return fail("timeout: no progress at cycle %llu", (unsigned long long)cycle);
    if (gi == 0 && !sv && di % 20 == 0) {
      static const int vp[] = {100, 70, 30, 90}, rp[] = {100, 60, 20, 85};
      valid_pct = vp[(di / 20) % 4]; ready_pct = rp[(di / 28) % 4];
    }
    if (resets < 6 && di > 40 && rng.chance(1) && (gi != 0 || ms == MS_OUT)) {
      ++resets;
      if (do_reset(2)) return 1;
      last_progress = cycle;
    }
    if (!sv && di < dots.size() && rng.chance(valid_pct)) sv = true;
    if (sv) {
      const Group& g = dots[di][gi];
      uint32_t a = 0, w = 0;
      for (int i = 0; i < GS; ++i) {
        a |= static_cast<uint32_t>(static_cast<uint8_t>(g.a[i])) << (8 * i);
        w |= static_cast<uint32_t>(g.w[i]) << (8 * i);
      }
      top->s_act = a; top->s_wgt = w; top->s_mode = g.mode; top->s_scale = static_cast<uint8_t>(g.scale);
      top->s_shift = g.shift; top->s_last = g.last;
    } else {
      top->s_act = rng.next(); top->s_wgt = rng.next(); top->s_mode = rng.next() & 3;
      top->s_scale = rng.next() & 0xFF; top->s_shift = rng.next() & 0xF; top->s_last = rng.next() & 1;
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
      int32_t got = static_cast<int32_t>(top->m_data);
      if (got != expq.front())
        return fail("dot product %llu: got %d expected %d (cycle %llu)", (unsigned long long)outputs, got, expq.front(),
                    (unsigned long long)cycle);
    }
    bool sfire = top->s_valid && top->s_ready, mfire = top->m_valid && top->m_ready;
    int fire_nb = sfire ? bitserial_golden::nbits(dots[di][gi].mode) : 0;
    bool fire_last = sfire && dots[di][gi].last;
    tick();

    if (sfire) {
      sv = false; last_progress = cycle;
      if (++gi == dots[di].size()) { expq.push_back(bitserial_golden::dot(dots[di])); gi = 0; ++di; }
    }
    if (mfire) { expq.pop_front(); ++outputs; last_progress = cycle; }

    if (ms == MS_IN && sfire) {
      ms = MS_BUSY; busy = fire_nb + 1; mlast = fire_last;
    } else if (ms == MS_BUSY) {
      if (--busy == 0) ms = mlast ? MS_OUT : MS_IN;
    } else if (ms == MS_OUT && mfire) {
      ms = MS_IN;
    }
  }
  top->final();
  if (outputs < dots.size() - 6) return fail("too few outputs checked: %llu", (unsigned long long)outputs);
  std::printf("PASS bitserial_pe: %llu dot products checked, %d resets, %llu cycles\n", (unsigned long long)outputs,
              resets, (unsigned long long)cycle);
  return 0;
}
