#include "flows/property_mining.h"

#include <algorithm>
#include <bit>
#include <map>
#include <set>
#include <optional>
#include <functional>
#include <cctype>

#include <fmt/format.h>

#include "frontend/rtl/sv_lexer.h"

namespace veriloop {

namespace {

// A sampled value as a number; a vector wider than 62 bits as a hash of its bits (equal
// values, equal hashes: enough for the kinds that only compare), x/z as -1.
long long vcdValue(const std::string& v)
{
    if (v.empty()) return -1;
    std::string digits = v[0] == 'b' || v[0] == 'B' ? v.substr(1) : v;
    if (digits.empty() || digits.find_first_not_of("01") != std::string::npos) return -1;
    digits.erase(0, std::min(digits.find('1'), digits.size() - 1));
    if (digits.size() <= 62) return static_cast<long long>(std::stoull(digits, nullptr, 2));
    return static_cast<long long>(std::hash<std::string>{}(digits) & ((1ULL << 62) - 1));
}

// Signals up to this width are mined as numbers; wider ones only by the kinds that compare.
constexpr int kNumericWidth = 62;

// The changes of the top module's own signal `name` ("TOP.<top>.<name>", a vector with its
// range appended), or null.
const std::vector<std::pair<uint64_t, std::string>>* changesOf(const VcdTrace& vcd, const std::string& top,
                                                                const std::string& name)
{
    const std::string base = "TOP." + top + "." + name;
    for (auto it = vcd.changes.lower_bound(base); it != vcd.changes.end(); ++it) {
        if (it->first.compare(0, base.size(), base) != 0) break;
        const std::string rest = it->first.substr(base.size());
        if (rest.empty() || (rest.front() == '[' && rest.find(':') != std::string::npos &&
                             rest.find('[', 1) == std::string::npos))
            return &it->second;
    }
    return nullptr;
}

std::string literal(int width, long long value) { return fmt::format("{}'d{}", width, value); }

bool isClockOrReset(const Design& d, const std::string& name)
{
    return name == d.clock || (d.reset && name == d.reset->name);
}

// "s_valid" / "s_ready" → "s_"; "valid" alone → "".
std::optional<std::string> prefixBefore(const std::string& name, const std::string& suffix)
{
    if (name.size() < suffix.size() || name.compare(name.size() - suffix.size(), suffix.size(), suffix) != 0)
        return std::nullopt;
    return name.substr(0, name.size() - suffix.size());
}

struct Miner {
    const Design& d;
    const std::vector<TraceSignal>& signals;
    const std::vector<std::vector<long long>>& rows;
    const std::vector<bool>& followsPrevious;
    std::vector<Property> out;

    /// Row r and the row before it are two consecutive cycles (no reset in between).
    bool consecutive(size_t r) const { return r > 0 && followsPrevious[r]; }

    bool holds(const std::function<bool(const std::vector<long long>&, const std::vector<long long>*)>& f,
               bool usesPast) const
    {
        for (size_t r = 0; r < rows.size(); ++r) {
            const std::vector<long long>* past = consecutive(r) ? &rows[r - 1] : nullptr;
            if (usesPast && !past) continue;
            if (!f(rows[r], past)) return false;
        }
        return true;
    }

    void add(std::string kind, const std::string& subject, std::string sva, std::string check,
             std::vector<std::string> sigs, std::vector<std::string> past = {})
    {
        Property p;
        std::string label = subject;
        std::replace_if(label.begin(), label.end(), [](char c) { return !std::isalnum(static_cast<unsigned char>(c)) && c != '_'; }, '_');
        std::string k = kind;
        std::replace(k.begin(), k.end(), '-', '_');
        p.id = fmt::format("p{}_{}_{}", out.size() + 1, k, label);
        p.kind = std::move(kind);
        p.sva = std::move(sva);
        p.check = std::move(check);
        p.signals = std::move(sigs);
        p.past = std::move(past);
        out.push_back(std::move(p));
    }

    // Per column, computed once: the distinct values and whether every sample is known (the
    // kinds ask for these inside their pair loops).
    std::vector<std::set<long long>> distinct;
    std::vector<bool> allKnown;

    void summarize()
    {
        distinct.assign(signals.size(), {});
        allKnown.assign(signals.size(), true);
        for (const auto& r : rows)
            for (size_t c = 0; c < signals.size(); ++c) {
                distinct[c].insert(r[c]);
                if (r[c] < 0) allKnown[c] = false;
            }
    }

    const std::set<long long>& values(size_t col) const { return distinct[col]; }
    bool known(size_t col) const { return allKnown[col]; }

    void ranges()
    {
        for (size_t i = 0; i < signals.size(); ++i) {
            const auto& s = signals[i];
            if (s.input || s.width < 2 || s.width > kNumericWidth || isClockOrReset(d, s.name) || !known(i)) continue;
            const auto& v = values(i);
            const long long top = (1LL << s.width) - 1;
            if (v.size() < 2 || *v.rbegin() >= top) continue;
            add("range", s.name, fmt::format("{} <= {}", s.name, literal(s.width, *v.rbegin())),
                fmt::format("({} <= {})", s.name, literal(s.width, *v.rbegin())), {s.name});
        }
    }

    void onehots()
    {
        for (size_t i = 0; i < signals.size(); ++i) {
            const auto& s = signals[i];
            if (s.input || s.width < 2 || s.width > kNumericWidth || !known(i)) continue;
            const auto& v = values(i);
            if (v.size() < 2) continue;
            const bool atMostOne = std::all_of(v.begin(), v.end(), [](long long x) { return std::popcount(static_cast<unsigned long long>(x)) <= 1; });
            if (!atMostOne) continue;
            const bool exactlyOne = !v.count(0);
            const std::string zeroOrOne = fmt::format("(({0} & ({0} - {1})) == {2})", s.name, literal(s.width, 1),
                                                      literal(s.width, 0));
            if (exactlyOne)
                add("onehot", s.name, fmt::format("$onehot({})", s.name),
                    fmt::format("({} != {} && {})", s.name, literal(s.width, 0), zeroOrOne), {s.name});
            else
                add("onehot0", s.name, fmt::format("$onehot0({})", s.name), zeroOrOne, {s.name});
        }
    }

    std::vector<size_t> bits(bool includeInputs) const
    {
        std::vector<size_t> out;
        for (size_t i = 0; i < signals.size(); ++i)
            if (signals[i].width == 1 && (includeInputs || !signals[i].input) && !isClockOrReset(d, signals[i].name) &&
                known(i) && values(i).size() == 2)
                out.push_back(i);
        return out;
    }

    void exclusives()
    {
        const auto b = bits(false);
        for (size_t x = 0; x < b.size(); ++x)
            for (size_t y = x + 1; y < b.size(); ++y) {
                const size_t i = b[x], j = b[y];
                if (!holds([&](const auto& r, const auto*) { return !(r[i] == 1 && r[j] == 1); }, false)) continue;
                const auto& a = signals[i].name;
                const auto& c = signals[j].name;
                add("exclusive", a + "_" + c, fmt::format("!({} && {})", a, c), fmt::format("!({} && {})", a, c),
                    {a, c});
            }
    }

    void stableUnless()
    {
        const auto enables = bits(true);
        for (size_t i = 0; i < signals.size(); ++i) {
            const auto& s = signals[i];
            if (s.input || isClockOrReset(d, s.name) || !known(i)) continue;
            for (size_t e : enables) {
                if (e == i) continue;
                int lowSteps = 0, changes = 0;
                bool ok = true;
                for (size_t r = 1; r < rows.size() && ok; ++r) {
                    if (!consecutive(r)) continue;
                    if (rows[r - 1][e] == 0) {
                        ++lowSteps;
                        ok = rows[r][i] == rows[r - 1][i];
                    } else {
                        changes += rows[r][i] != rows[r - 1][i];
                    }
                }
                if (!ok || lowSteps < 5 || changes < 2) continue;
                const auto& en = signals[e].name;
                add("stable-unless", s.name + "_" + en, fmt::format("!{} |=> $stable({})", en, s.name),
                    fmt::format("(vl_past_{0} || {1} == vl_past_{1})", en, s.name), {s.name, en}, {s.name, en});
            }
        }
    }

    void handshakes()
    {
        std::map<std::string, size_t> byName;
        for (size_t i = 0; i < signals.size(); ++i) byName[signals[i].name] = i;
        for (size_t v = 0; v < signals.size(); ++v) {
            const auto prefix = prefixBefore(signals[v].name, "valid");
            if (!prefix || signals[v].input || signals[v].width != 1) continue;
            auto r = byName.find(*prefix + "ready");
            if (r == byName.end() || !signals[r->second].input) continue;
            const size_t ri = r->second;
            const auto& vn = signals[v].name;
            const auto& rn = signals[ri].name;
            int stalls = 0;
            bool ok = true;
            for (size_t k = 1; k < rows.size() && ok; ++k)
                if (consecutive(k) && rows[k - 1][v] == 1 && rows[k - 1][ri] == 0) {
                    ++stalls;
                    ok = rows[k][v] == 1;
                }
            if (!ok || stalls < 2) continue;
            add("handshake", vn, fmt::format("{} && !{} |=> {}", vn, rn, vn),
                fmt::format("(!(vl_past_{0} && !vl_past_{1}) || {0})", vn, rn), {vn, rn}, {vn, rn});
            for (size_t dd = 0; dd < signals.size(); ++dd) {
                const auto& dn = signals[dd].name;
                if (dd == v || dd == ri || signals[dd].input || !known(dd)) continue;
                if (prefix->empty() || dn.compare(0, prefix->size(), *prefix) != 0) continue;
                bool stable = true;
                for (size_t k = 1; k < rows.size() && stable; ++k)
                    if (consecutive(k) && rows[k - 1][v] == 1 && rows[k - 1][ri] == 0)
                        stable = rows[k][dd] == rows[k - 1][dd];
                if (!stable) continue;
                add("handshake", dn, fmt::format("{} && !{} |=> $stable({})", vn, rn, dn),
                    fmt::format("(!(vl_past_{0} && !vl_past_{1}) || {2} == vl_past_{2})", vn, rn, dn), {vn, rn, dn},
                    {vn, rn, dn});
            }
        }
    }

    // f |-> s == c: a flag is only raised at one value of a vector (a terminal count).
    void impliesEqual()
    {
        for (size_t f : bits(false)) {
            for (size_t i = 0; i < signals.size(); ++i) {
                const auto& s = signals[i];
                if (s.width < 2 || s.width > kNumericWidth || !known(i) || isClockOrReset(d, s.name)) continue;
                const auto& v = values(i);
                if (v.size() < 3) continue;
                for (long long c : {*v.begin(), *v.rbegin()}) {
                    int raised = 0;
                    if (!holds([&](const auto& r, const auto*) { raised += r[f] == 1; return r[f] == 0 || r[i] == c; }, false) ||
                        raised < 2)
                        continue;
                    const auto& fn = signals[f].name;
                    add("implies-equal", fn + "_" + s.name, fmt::format("{} |-> {} == {}", fn, s.name, literal(s.width, c)),
                        fmt::format("(!{} || {} == {})", fn, s.name, literal(s.width, c)), {fn, s.name});
                }
            }
        }
    }

    // e |=> s == $past(s) + 1 || s == 0: a counter steps by one (or wraps) when enabled; with
    // no enable, every cycle.
    void counterSteps()
    {
        const auto enables = bits(true);
        for (size_t i = 0; i < signals.size(); ++i) {
            const auto& s = signals[i];
            if (s.input || s.width < 2 || s.width > kNumericWidth || !known(i) || isClockOrReset(d, s.name)) continue;
            const long long mask = (1LL << s.width) - 1;
            auto steps = [&](int e) {
                int increments = 0;
                for (size_t r = 1; r < rows.size(); ++r) {
                    if (!consecutive(r) || (e >= 0 && rows[r - 1][e] == 0)) continue;
                    const long long now = rows[r][i], before = rows[r - 1][i];
                    if (now == ((before + 1) & mask)) ++increments;
                    else if (now != 0) return -1;
                }
                return increments;
            };
            if (steps(-1) >= 5) {
                add("counter-step", s.name, fmt::format("1'b1 |=> {0} == $past({0}) + 1'b1 || {0} == {1}", s.name, literal(s.width, 0)),
                    fmt::format("({0} == vl_past_{0} + {1} || {0} == {2})", s.name, literal(s.width, 1), literal(s.width, 0)),
                    {s.name}, {s.name});
                continue;
            }
            for (size_t e : enables) {
                if (steps(static_cast<int>(e)) < 5) continue;
                const auto& en = signals[e].name;
                add("counter-step", s.name + "_" + en,
                    fmt::format("{1} |=> {0} == $past({0}) + 1'b1 || {0} == {2}", s.name, en, literal(s.width, 0)),
                    fmt::format("(!vl_past_{1} || {0} == vl_past_{0} + {2} || {0} == {3})", s.name, en, literal(s.width, 1),
                                literal(s.width, 0)),
                    {s.name, en}, {s.name, en});
                break;
            }
        }
    }

    // state == a |=> state inside {b, c}: the successors a small register (a state machine's
    // state) was seen to take from each of its values.
    void transitions()
    {
        for (size_t i = 0; i < signals.size(); ++i) {
            const auto& s = signals[i];
            if (s.input || s.width < 2 || s.width > 5 || !known(i) || isClockOrReset(d, s.name)) continue;
            std::map<long long, std::set<long long>> next;
            for (size_t r = 1; r < rows.size(); ++r)
                if (consecutive(r)) next[rows[r - 1][i]].insert(rows[r][i]);
            if (next.size() < 2 || next.size() > 12) continue;
            for (const auto& [from, to] : next) {
                if (to.size() == next.size()) continue;  // anything may follow: says nothing
                std::string set, check;
                for (long long v : to) {
                    set += (set.empty() ? "" : ", ") + literal(s.width, v);
                    check += fmt::format("{}{} == {}", check.empty() ? "" : " || ", s.name, literal(s.width, v));
                }
                add("transition", fmt::format("{}_{}", s.name, from),
                    fmt::format("{} == {} |=> {} inside {{{}}}", s.name, literal(s.width, from), s.name, set),
                    fmt::format("(vl_past_{} != {} || {})", s.name, literal(s.width, from), check), {s.name}, {s.name});
            }
        }
    }

    // e |=> r == $past(s): a register loads a same-width signal when enabled (or every cycle:
    // a pipeline stage).
    void captures()
    {
        const auto enables = bits(true);
        for (size_t i = 0; i < signals.size(); ++i) {
            const auto& r = signals[i];
            if (r.input || r.width < 2 || !known(i) || isClockOrReset(d, r.name)) continue;
            for (size_t j = 0; j < signals.size(); ++j) {
                const auto& src = signals[j];
                if (j == i || src.width != r.width || !known(j)) continue;
                auto loads = [&](int e) {
                    int n = 0, changed = 0;
                    for (size_t k = 1; k < rows.size(); ++k) {
                        if (!consecutive(k) || (e >= 0 && rows[k - 1][e] == 0)) continue;
                        if (rows[k][i] != rows[k - 1][j]) return -1;
                        ++n;
                        changed += rows[k][i] != rows[k - 1][i];
                    }
                    return changed >= 2 ? n : -1;
                };
                if (loads(-1) >= 5) {
                    add("captures", r.name + "_" + src.name, fmt::format("1'b1 |=> {} == $past({})", r.name, src.name),
                        fmt::format("({} == vl_past_{})", r.name, src.name), {r.name, src.name}, {src.name});
                    continue;
                }
                for (size_t e : enables) {
                    if (static_cast<size_t>(e) == i || e == j || loads(static_cast<int>(e)) < 5) continue;
                    const auto& en = signals[e].name;
                    add("captures", r.name + "_" + src.name,
                        fmt::format("{} |=> {} == $past({})", en, r.name, src.name),
                        fmt::format("(!vl_past_{} || {} == vl_past_{})", en, r.name, src.name), {r.name, src.name, en},
                        {src.name, en});
                    break;
                }
            }
        }
    }

    // ---- function: y == f(a, b), now or registered, everywhere or under one selector value ----

    enum class Op { Copy, Not, Add, Sub, Xor, And, Or, Mul, Shl, Shr, Eq, Lt, Ge };
    static constexpr Op kOps[] = {Op::Copy, Op::Not, Op::Add, Op::Sub, Op::Xor, Op::And, Op::Or,
                                  Op::Mul,  Op::Shl, Op::Shr, Op::Eq,  Op::Lt,  Op::Ge};

    static bool unary(Op op) { return op == Op::Copy || op == Op::Not; }
    static bool commutative(Op op)
    {
        return op != Op::Sub && op != Op::Shl && op != Op::Shr && op != Op::Lt && op != Op::Ge;
    }
    /// A compare defines a 1-bit signal from two vectors (hit == count >= cmp).
    static bool compare(Op op) { return op == Op::Eq || op == Op::Lt || op == Op::Ge; }

    // The value f(a, b) takes in a `mask`-wide context (SV: the compare is as wide as y, and
    // the operands, all unsigned here, are zero-extended to it).
    static long long apply(Op op, long long sa, long long sb, long long mask)
    {
        const auto a = static_cast<unsigned long long>(sa), b = static_cast<unsigned long long>(sb);
        const auto m = static_cast<unsigned long long>(mask);
        unsigned long long v = 0;
        switch (op) {
        case Op::Copy: v = a; break;
        case Op::Not: v = ~a; break;
        case Op::Add: v = a + b; break;
        case Op::Sub: v = a - b; break;
        case Op::Xor: v = a ^ b; break;
        case Op::And: v = a & b; break;
        case Op::Or: v = a | b; break;
        case Op::Mul: v = a * b; break;
        case Op::Shl: v = b >= 64 ? 0 : a << b; break;
        case Op::Shr: v = b >= 64 ? 0 : a >> b; break;
        case Op::Eq: v = a == b; break;
        case Op::Lt: v = a < b; break;
        case Op::Ge: v = a >= b; break;
        }
        return static_cast<long long>(v & m);
    }

    static std::string render(Op op, const std::string& a, const std::string& b)
    {
        switch (op) {
        case Op::Copy: return a;
        case Op::Not: return "~" + a;
        case Op::Add: return a + " + " + b;
        case Op::Sub: return a + " - " + b;
        case Op::Xor: return a + " ^ " + b;
        case Op::And: return a + " & " + b;
        case Op::Or: return a + " | " + b;
        case Op::Mul: return a + " * " + b;
        case Op::Shl: return a + " << " + b;
        case Op::Shr: return a + " >> " + b;
        case Op::Eq: return a + " == " + b;
        case Op::Lt: return a + " < " + b;
        case Op::Ge: return a + " >= " + b;
        }
        return a;
    }

    struct Relation {
        Op op;
        size_t a, b;
        std::optional<long long> constant;  ///< y == constant instead (only under a selector value)
    };

    // Columns a function may read or define: numeric, known, not constant, not clock/reset.
    std::vector<size_t> numericColumns() const
    {
        std::vector<size_t> out;
        for (size_t i = 0; i < signals.size(); ++i)
            if (signals[i].width <= kNumericWidth && known(i) && values(i).size() >= 2 && !isClockOrReset(d, signals[i].name))
                out.push_back(i);
        return out;
    }

    // The simplest f with y == f(a, b) on every row of `where` (operands read in the row
    // before when `registered`), or none. y must take enough values there for the relation to
    // say something.
    std::optional<Relation> findRelation(size_t y, bool registered, const std::vector<size_t>& where,
                                         const std::vector<size_t>& operands, bool unconditional) const
    {
        if (where.size() < 8) return std::nullopt;
        std::set<long long> seen;
        for (size_t r : where) seen.insert(rows[r][y]);
        const int width = signals[y].width;
        if (seen.size() == 1 && !unconditional) return Relation{Op::Copy, y, y, *seen.begin()};
        if (seen.size() < (width == 1 ? 2u : 3u)) return std::nullopt;
        const long long mask = (1LL << width) - 1;
        auto holdsFor = [&](Op op, size_t a, size_t b) {
            for (size_t r : where) {
                const auto& src = rows[registered ? r - 1 : r];
                if (apply(op, src[a], src[b], mask) != rows[r][y]) return false;
            }
            return true;
        };
        // A 1-bit signal is a function of bits, or a compare of two vectors.
        auto fits = [&](Op op, size_t operand) {
            return compare(op) ? signals[operand].width > 1 : width > 1 || signals[operand].width == 1;
        };
        for (Op op : kOps) {
            if (op == Op::Copy && registered && unconditional) continue;  // `captures` says it
            if (compare(op) && width != 1) continue;
            for (size_t ai = 0; ai < operands.size(); ++ai) {
                const size_t a = operands[ai];
                if (!registered && a == y) continue;
                if (!fits(op, a)) continue;
                if (unary(op)) {
                    if (holdsFor(op, a, a)) return Relation{op, a, a};
                    continue;
                }
                for (size_t bi = commutative(op) ? ai + 1 : 0; bi < operands.size(); ++bi) {
                    const size_t b = operands[bi];
                    if (b == a || (!registered && b == y) || !fits(op, b)) continue;
                    if (holdsFor(op, a, b)) return Relation{op, a, b};
                }
            }
        }
        return std::nullopt;
    }

    // What a conditional function is conditioned on: one small signal (an opcode, a state) or
    // two 1-bit signals together ({clear, en}: the branches of an if / else if).
    struct Selector {
        std::vector<size_t> columns;

        long long valueAt(const std::vector<long long>& row, const std::vector<TraceSignal>& signals) const
        {
            long long v = 0;
            for (size_t c : columns) v = (v << signals[c].width) | row[c];
            return v;
        }
    };

    std::string selectorText(const Selector& s, bool past) const
    {
        std::string out;
        for (size_t c : s.columns) out += (out.empty() ? "" : ", ") + (past ? "vl_past_" : std::string()) + signals[c].name;
        return s.columns.size() == 1 ? out : "{" + out + "}";
    }

    int selectorWidth(const Selector& s) const
    {
        int w = 0;
        for (size_t c : s.columns) w += signals[c].width;
        return w;
    }

    void addFunction(size_t y, bool registered, const Relation& f, const Selector* when, long long value)
    {
        const auto& yn = signals[y].name;
        const int width = signals[y].width;
        const auto& an = signals[f.a].name;
        const auto& bn = signals[f.b].name;
        const std::string mask = fmt::format("{}'h{:x}", width, (1ULL << width) - 1);
        const std::string pa = registered ? "vl_past_" + an : an, pb = registered ? "vl_past_" + bn : bn;
        const std::string svaA = registered ? "$past(" + an + ")" : an, svaB = registered ? "$past(" + bn + ")" : bn;
        std::string checkRel = fmt::format("{} == (({}) & {})", yn, render(f.op, pa, pb), mask);
        std::string svaRel = fmt::format("{} == (({}) & {})", yn, render(f.op, svaA, svaB), mask);
        std::vector<std::string> sigs = {yn, an};
        if (!unary(f.op)) sigs.push_back(bn);
        if (f.constant) {
            checkRel = svaRel = fmt::format("{} == {}", yn, literal(width, *f.constant));
            sigs = {yn};
        }
        std::vector<std::string> past;
        if (registered) past.assign(sigs.begin() + 1, sigs.end());
        std::string condSva = registered ? "1'b1 |=> " : "", condCheck, subject = yn;
        if (when) {
            const std::string lit = literal(selectorWidth(*when), value);
            condSva = fmt::format("{} == {} {} ", selectorText(*when, false), lit, registered ? "|=>" : "|->");
            condCheck = fmt::format("{} != {} || ", selectorText(*when, registered), lit);
            for (size_t c : when->columns) {
                sigs.push_back(signals[c].name);
                if (registered) past.push_back(signals[c].name);
                subject += "_" + signals[c].name;
            }
            subject += std::to_string(value);
        }
        add("function", subject, condSva + svaRel, "(" + condCheck + checkRel + ")", sigs, past);
    }

    std::vector<Selector> selectors(const std::vector<size_t>& columns) const
    {
        std::vector<Selector> out;
        std::vector<size_t> flags;
        for (size_t s : columns) {
            if (signals[s].width <= 4 && values(s).size() <= 16) out.push_back({{s}});
            if (signals[s].width == 1) flags.push_back(s);
        }
        for (size_t i = 0; i < flags.size(); ++i)
            for (size_t j = i + 1; j < flags.size(); ++j) out.push_back({{flags[i], flags[j]}});
        return out;
    }

    void functions()
    {
        const auto columns = numericColumns();
        const auto conditions = selectors(columns);
        for (size_t y : columns) {
            if (signals[y].input) continue;
            for (bool registered : {false, true}) {
                std::vector<size_t> all;
                for (size_t r = 0; r < rows.size(); ++r)
                    if (!registered || consecutive(r)) all.push_back(r);
                if (auto f = findRelation(y, registered, all, columns, true)) {
                    addFunction(y, registered, *f, nullptr, 0);
                    continue;
                }
                // Under one selector value each: the two selectors explaining the most values
                // (a register loaded in one state and cleared by a handshake needs both).
                struct Explained {
                    int score = 0;
                    const Selector* selector = nullptr;
                    std::vector<std::pair<long long, Relation>> relations;
                };
                std::vector<Explained> explained;
                for (const auto& s : conditions) {
                    if (std::find(s.columns.begin(), s.columns.end(), y) != s.columns.end()) continue;
                    std::map<long long, std::vector<size_t>> byValue;
                    for (size_t r : all) byValue[s.valueAt(rows[registered ? r - 1 : r], signals)].push_back(r);
                    Explained e{0, &s, {}};
                    for (const auto& [v, where] : byValue)
                        if (auto f = findRelation(y, registered, where, columns, false)) {
                            e.score += f->constant ? 1 : 2;
                            e.relations.push_back({v, *f});
                        }
                    if (e.score > 0) explained.push_back(std::move(e));
                }
                std::stable_sort(explained.begin(), explained.end(),
                                 [](const Explained& a, const Explained& b) { return a.score > b.score; });
                if (explained.size() > 2) explained.resize(2);
                for (const auto& e : explained)
                    for (const auto& [v, f] : e.relations) addFunction(y, registered, f, e.selector, v);
            }
        }
    }

    void flagEquals()
    {
        for (size_t f : bits(false)) {
            for (size_t i = 0; i < signals.size(); ++i) {
                const auto& s = signals[i];
                if (s.width < 2 || s.width > kNumericWidth || !known(i) || isClockOrReset(d, s.name)) continue;
                const auto& v = values(i);
                if (v.size() < 2) continue;
                for (long long c : {*v.begin(), *v.rbegin()}) {
                    const auto& fn = signals[f].name;
                    if (holds([&](const auto& r, const auto*) { return (r[f] == 1) == (r[i] == c); }, false)) {
                        add("flag-equals", fn, fmt::format("{} == ({} == {})", fn, s.name, literal(s.width, c)),
                            fmt::format("({} == ({} == {}))", fn, s.name, literal(s.width, c)), {fn, s.name});
                        continue;
                    }
                    // qualified by another 1-bit signal: tick == (en && cnt == 9)
                    for (size_t g : bits(true)) {
                        if (g == f) continue;
                        if (!holds([&](const auto& r, const auto*) { return (r[f] == 1) == (r[g] == 1 && r[i] == c); }, false))
                            continue;
                        const auto& gn = signals[g].name;
                        add("flag-equals", fn, fmt::format("{} == ({} && {} == {})", fn, gn, s.name, literal(s.width, c)),
                            fmt::format("({} == ({} && {} == {}))", fn, gn, s.name, literal(s.width, c)), {fn, gn, s.name});
                        break;
                    }
                }
            }
        }
    }
};

const TraceSignal* findSignal(const std::vector<TraceSignal>& signals, const std::string& name)
{
    for (const auto& s : signals)
        if (s.name == name) return &s;
    return nullptr;
}

std::string activeNow(const Design& d)
{
    if (!d.reset) return "1'b1";
    return d.reset->activeLow ? d.reset->name : "!" + d.reset->name;
}

}  // namespace

TraceSamples sampleBeforeEdges(const VcdTrace& vcd, const Design& design, const std::vector<TraceSignal>& signals)
{
    std::vector<const std::vector<std::pair<uint64_t, std::string>>*> columns;
    for (const auto& s : signals) columns.push_back(changesOf(vcd, design.top, s.name));
    std::vector<size_t> cursor(signals.size(), 0);
    int resetColumn = -1;
    for (size_t i = 0; i < signals.size(); ++i)
        if (design.reset && signals[i].name == design.reset->name) resetColumn = static_cast<int>(i);
    TraceSamples out;
    bool gap = true;
    for (uint64_t t = 0; t <= vcd.endTime; t += 2) {
        std::vector<long long> row(signals.size(), -1);
        for (size_t i = 0; i < signals.size(); ++i) {
            const auto* ch = columns[i];
            if (!ch) continue;
            while (cursor[i] + 1 < ch->size() && (*ch)[cursor[i] + 1].first <= t) ++cursor[i];
            if (!ch->empty() && (*ch)[cursor[i]].first <= t) row[i] = vcdValue((*ch)[cursor[i]].second);
        }
        if (resetColumn >= 0 && row[resetColumn] == (design.reset->activeLow ? 0 : 1)) {
            gap = true;
            continue;
        }
        out.rows.push_back(std::move(row));
        out.followsPrevious.push_back(!gap);
        gap = false;
    }
    return out;
}

std::vector<Property> mineProperties(const Design& design, const std::vector<TraceSignal>& signals,
                                     const TraceSamples& samples, size_t maxCandidates)
{
    if (samples.rows.size() < 8) return {};
    Miner m{design, signals, samples.rows, samples.followsPrevious, {}, {}, {}};
    m.summarize();
    m.ranges();
    m.onehots();
    m.flagEquals();
    m.impliesEqual();
    m.counterSteps();
    m.transitions();
    m.captures();
    m.functions();
    m.exclusives();
    m.handshakes();
    m.stableUnless();
    if (m.out.size() > maxCandidates) m.out.resize(maxCandidates);
    return m.out;
}

namespace {

// One side of a property, translated: signal names read as they are (now) or one cycle
// earlier (past: the antecedent of |=>), the sampled-value functions expanded.
tl::expected<std::string, std::string> translateExpression(const std::string& text, bool past,
                                                           const std::vector<TraceSignal>& signals,
                                                           std::set<std::string>& used, std::set<std::string>& pastUsed)
{
    auto lexed = rtl::lexSystemVerilog(text);
    if (!lexed.error.empty()) return tl::unexpected("does not lex: " + lexed.error);
    const auto& t = lexed.tokens;
    std::string out;
    for (size_t i = 0; i < t.size() && t[i].kind != rtl::TokKind::End; ++i) {
        const std::string tok(t[i].text);
        if (t[i].kind == rtl::TokKind::SystemIdentifier) {
            if (i + 3 >= t.size() || !t[i + 1].is("(") || t[i + 2].kind != rtl::TokKind::Identifier || !t[i + 3].is(")"))
                return tl::unexpected(tok + " takes one signal name");
            const std::string arg(t[i + 2].text);
            const TraceSignal* s = findSignal(signals, arg);
            if (!s) return tl::unexpected("names `" + arg + "`, not a signal of the top module");
            used.insert(arg);
            const bool needsPast = tok == "$past" || tok == "$stable" || tok == "$rose" || tok == "$fell";
            if (needsPast && past) return tl::unexpected(tok + " in the antecedent of |=> (two cycles back)");
            if (needsPast) pastUsed.insert(arg);
            if ((tok == "$rose" || tok == "$fell") && s->width != 1) return tl::unexpected(tok + " of a vector");
            const std::string a = past ? "vl_past_" + arg : arg;
            if (tok == "$past") out += "vl_past_" + arg;
            else if (tok == "$stable") out += fmt::format("({0} == vl_past_{0})", arg);
            else if (tok == "$rose") out += fmt::format("({0} && !vl_past_{0})", arg);
            else if (tok == "$fell") out += fmt::format("(!{0} && vl_past_{0})", arg);
            else if (tok == "$onehot") out += fmt::format("({0} != 0 && ({0} & ({0} - 1)) == 0)", a);
            else if (tok == "$onehot0") out += fmt::format("(({0} & ({0} - 1)) == 0)", a);
            else return tl::unexpected(tok + " is not one of $past $stable $rose $fell $onehot $onehot0");
            if (past && (tok == "$onehot" || tok == "$onehot0")) pastUsed.insert(arg);
            i += 3;
            out += " ";
            continue;
        }
        if (t[i].kind == rtl::TokKind::Identifier) {
            if (!findSignal(signals, tok)) return tl::unexpected("names `" + tok + "`, not a signal of the top module");
            used.insert(tok);
            if (past) pastUsed.insert(tok);
            out += (past ? "vl_past_" + tok : tok) + " ";
            continue;
        }
        if (t[i].kind == rtl::TokKind::Keyword || t[i].kind == rtl::TokKind::Directive || t[i].kind == rtl::TokKind::MacroUse ||
            t[i].kind == rtl::TokKind::String)
            return tl::unexpected("`" + tok + "` is not an expression the checker translates");
        out += tok + " ";
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    if (out.empty()) return tl::unexpected(std::string("an empty expression"));
    return out;
}

}  // namespace

tl::expected<Property, std::string> propertyFromSva(const std::string& id, const std::string& text,
                                                    const std::vector<TraceSignal>& signals)
{
    if (text.find("##") != std::string::npos) return tl::unexpected(std::string("uses a ## delay, which the checker does not translate"));
    Property p;
    p.id = id;
    p.kind = "llm";
    p.sva = text;
    std::set<std::string> used, past;
    const auto overlapped = text.find("|->");
    const auto next = text.find("|=>");
    if (overlapped != std::string::npos || next != std::string::npos) {
        const bool isNext = next != std::string::npos && (overlapped == std::string::npos || next < overlapped);
        const size_t at = isNext ? next : overlapped;
        auto a = translateExpression(text.substr(0, at), isNext, signals, used, past);
        if (!a) return tl::unexpected(a.error());
        auto c = translateExpression(text.substr(at + 3), false, signals, used, past);
        if (!c) return tl::unexpected(c.error());
        p.check = fmt::format("(!({}) || ({}))", *a, *c);
    } else {
        auto e = translateExpression(text, false, signals, used, past);
        if (!e) return tl::unexpected(e.error());
        p.check = "(" + *e + ")";
    }
    p.signals.assign(used.begin(), used.end());
    p.past.assign(past.begin(), past.end());
    return p;
}

std::string monitorText(const Design& design, const std::vector<Property>& properties,
                        const std::vector<TraceSignal>& signals, MonitorMode mode)
{
    std::set<std::string> past;
    for (const auto& p : properties) past.insert(p.past.begin(), p.past.end());
    std::string out = "\n    // ---- veriloop assert: property monitor (generated, not part of the design) ----\n";
    out += "    logic vl_active_q;\n";
    for (const auto& name : past) {
        const TraceSignal* s = findSignal(signals, name);
        const int w = s ? s->width : 1;
        out += w > 1 ? fmt::format("    logic [{}:0] vl_past_{};\n", w - 1, name) : fmt::format("    logic vl_past_{};\n", name);
    }
    if (mode == MonitorMode::Simulation)
        for (size_t i = 0; i < properties.size(); ++i) out += fmt::format("    logic vl_fired_{} = 1'b0;\n", i);
    out += fmt::format("    always @(posedge {}) begin\n        vl_active_q <= {};\n", design.clock, activeNow(design));
    for (const auto& name : past) out += fmt::format("        vl_past_{0} <= {0};\n", name);
    out += "    end\n";
    for (size_t i = 0; i < properties.size(); ++i) {
        const auto& p = properties[i];
        const std::string guard = p.past.empty() ? activeNow(design) : fmt::format("{} && vl_active_q", activeNow(design));
        if (mode == MonitorMode::Formal) {
            out += fmt::format("    always @(posedge {}) if ({}) assert ({});  // {}\n", design.clock, guard, p.check, p.id);
        } else {
            out += fmt::format(
                "    always @(posedge {0}) if ({1} && !vl_fired_{2} && !({3})) begin\n"
                "        vl_fired_{2} <= 1'b1;\n        $display(\"VLPROP {2}\");\n    end\n",
                design.clock, guard, i, p.check);
        }
    }
    return out;
}

std::vector<SourceFile> withMonitor(const Design& design, const std::vector<SourceFile>& sources,
                                    const std::string& monitor)
{
    for (size_t f = 0; f < sources.size(); ++f) {
        auto lexed = rtl::lexSystemVerilog(sources[f].text);
        const auto& t = lexed.tokens;
        bool inTop = false;
        for (size_t i = 0; i + 1 < t.size(); ++i) {
            if (t[i].is("module") && t[i + 1].text == design.top) inTop = true;
            if (inTop && t[i].is("endmodule")) {
                auto out = sources;
                out[f].text = sources[f].text.substr(0, t[i].begin) + monitor + sources[f].text.substr(t[i].begin);
                return out;
            }
        }
    }
    return {};
}

std::string bindFileText(const Design& design, const std::vector<Property>& properties,
                         const std::vector<std::string>& comments, const std::vector<TraceSignal>& signals,
                         const std::string& header)
{
    std::set<std::string> used = {design.clock};
    if (design.reset) used.insert(design.reset->name);
    for (const auto& p : properties) used.insert(p.signals.begin(), p.signals.end());
    std::string ports, connections;
    for (const auto& name : used) {
        const TraceSignal* s = findSignal(signals, name);
        const int w = s ? s->width : 1;
        ports += fmt::format("{}    input logic {}{}", ports.empty() ? "" : ",\n", w > 1 ? fmt::format("[{}:0] ", w - 1) : "",
                             name);
        connections += fmt::format("{0}.{1}({1})", connections.empty() ? "" : ", ", name);
    }
    const std::string module = design.top + "_veriloop_props";
    std::string out = header;
    out += fmt::format("module {} (\n{}\n);\n", module, ports);
    const std::string disable = design.reset ? fmt::format(" disable iff ({}{})", design.reset->activeLow ? "!" : "",
                                                           design.reset->name)
                                             : "";
    for (size_t i = 0; i < properties.size(); ++i) {
        if (i < comments.size() && !comments[i].empty()) out += "    // " + comments[i] + "\n";
        out += fmt::format("    {}: assert property (@(posedge {}){} {});\n", properties[i].id, design.clock, disable,
                           properties[i].sva);
    }
    out += "endmodule\n\n";
    out += fmt::format("bind {} {} vl_props ({});\n", design.top, module, connections);
    return out;
}

}  // namespace veriloop
