// Self-checking testbench for needleman_wunsch: an independent full-matrix reference with its
// own scoring constants and tie rules, a recursive traceback, and checks of every score
// matrix entry, every aligned character (including the zero padding) and the length. It also
// checks that the alignment re-scores to the final matrix entry. Inputs: identical prefixes,
// all-mismatch, shifted copies, repeats, single-base sequences and seeded random DNA.
#include <cstdint>
#include <cstdio>
#include <string>

#include "needleman_wunsch.h"

namespace {

const int LA = 16, LB = 12, MAXA = LA + LB;
const int MATCH = 2, MISMATCH = -1, GAP = -2;
const int GUARD = 2;

uint32_t rng_state = 1;
uint32_t next_rand() {
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 17;
    rng_state ^= rng_state << 5;
    return rng_state;
}

int failures = 0;

struct Reference {
    int m[LA + 1][LB + 1];
    std::string ra, rb;  // alignment, forwards
};

void trace(const Reference& ref, const char* a, const char* b, int i, int j, std::string& ra,
           std::string& rb) {
    if (i == 0 && j == 0) return;
    if (i > 0 && j > 0) {
        int sub = (a[i - 1] == b[j - 1]) ? MATCH : MISMATCH;
        int diag = ref.m[i - 1][j - 1] + sub, up = ref.m[i - 1][j] + GAP, left = ref.m[i][j - 1] + GAP;
        if (diag >= up && diag >= left) {
            trace(ref, a, b, i - 1, j - 1, ra, rb);
            ra += a[i - 1];
            rb += b[j - 1];
            return;
        }
        if (up >= left) {
            trace(ref, a, b, i - 1, j, ra, rb);
            ra += a[i - 1];
            rb += '-';
            return;
        }
        trace(ref, a, b, i, j - 1, ra, rb);
        ra += '-';
        rb += b[j - 1];
        return;
    }
    if (i > 0) {
        trace(ref, a, b, i - 1, j, ra, rb);
        ra += a[i - 1];
        rb += '-';
    } else {
        trace(ref, a, b, i, j - 1, ra, rb);
        ra += '-';
        rb += b[j - 1];
    }
}

void build_reference(const char* a, const char* b, Reference& ref) {
    for (int i = 0; i <= LA; ++i) ref.m[i][0] = GAP * i;
    for (int j = 0; j <= LB; ++j) ref.m[0][j] = GAP * j;
    for (int i = 1; i <= LA; ++i)
        for (int j = 1; j <= LB; ++j) {
            int best = ref.m[i - 1][j - 1] + ((a[i - 1] == b[j - 1]) ? MATCH : MISMATCH);
            if (ref.m[i - 1][j] + GAP > best) best = ref.m[i - 1][j] + GAP;
            if (ref.m[i][j - 1] + GAP > best) best = ref.m[i][j - 1] + GAP;
            ref.m[i][j] = best;
        }
    ref.ra.clear();
    ref.rb.clear();
    trace(ref, a, b, LA, LB, ref.ra, ref.rb);
}

void run_case(const char* label, const char* a, const char* b) {
    if (failures != 0) return;
    Reference ref;
    build_reference(a, b, ref);

    // The reference alignment must itself score to the final entry.
    int rescored = 0;
    for (size_t k = 0; k < ref.ra.size(); ++k) {
        if (ref.ra[k] == '-' || ref.rb[k] == '-') rescored += GAP;
        else rescored += (ref.ra[k] == ref.rb[k]) ? MATCH : MISMATCH;
    }
    if (rescored != ref.m[LA][LB]) {
        std::printf("FAIL: %s: testbench reference is inconsistent\n", label);
        ++failures;
        return;
    }

    const int cells = (LA + 1) * (LB + 1);
    nw_score_t score_store[cells + 2 * GUARD];
    char a_store[MAXA + 2 * GUARD], b_store[MAXA + 2 * GUARD];
    for (int t = 0; t < cells + 2 * GUARD; ++t) score_store[t] = 12345;
    for (int t = 0; t < MAXA + 2 * GUARD; ++t) a_store[t] = b_store[t] = '#';
    nw_score_t* score = score_store + GUARD;
    char* aligned_a = a_store + GUARD;
    char* aligned_b = b_store + GUARD;
    int length = -1;

    needleman_wunsch(a, b, score, aligned_a, aligned_b, &length);

    for (int t = 0; t < GUARD; ++t) {
        if (score_store[t] != 12345 || score_store[GUARD + cells + t] != 12345 ||
            a_store[t] != '#' || a_store[GUARD + MAXA + t] != '#' || b_store[t] != '#' ||
            b_store[GUARD + MAXA + t] != '#') {
            std::printf("FAIL: %s: guard %d around the outputs: expected 12345 and '#' got %d, "
                        "%d, '%c' '%c' '%c' '%c'\n", label, t, int(score_store[t]),
                        int(score_store[GUARD + cells + t]), a_store[t], a_store[GUARD + MAXA + t],
                        b_store[t], b_store[GUARD + MAXA + t]);
            ++failures;
            return;
        }
    }
    for (int i = 0; i <= LA; ++i)
        for (int j = 0; j <= LB; ++j)
            if (score[i * (LB + 1) + j] != ref.m[i][j]) {
                std::printf("FAIL: %s: score[%d][%d]: expected %d got %d\n", label, i, j,
                            ref.m[i][j], int(score[i * (LB + 1) + j]));
                ++failures;
                return;
            }
    if (length != int(ref.ra.size())) {
        std::printf("FAIL: %s: length: expected %d got %d\n", label, int(ref.ra.size()), length);
        ++failures;
        return;
    }
    for (int k = 0; k < MAXA; ++k) {
        char want_a = (k < length) ? ref.ra[k] : 0;
        char want_b = (k < length) ? ref.rb[k] : 0;
        if (aligned_a[k] != want_a || aligned_b[k] != want_b) {
            std::printf("FAIL: %s: column %d: expected (%d, %d) got (%d, %d)\n", label, k,
                        int(want_a), int(want_b), int(aligned_a[k]), int(aligned_b[k]));
            ++failures;
            return;
        }
    }
}

void random_seq(char* s, int n, int alphabet) {
    const char bases[] = "ACGT";
    for (int k = 0; k < n; ++k) s[k] = bases[next_rand() % uint32_t(alphabet)];
}

}  // namespace

int main() {
    if (NW_LEN_A != LA || NW_LEN_B != LB) {
        std::printf("FAIL: header sizes differ from the testbench's\n");
        return 1;
    }
    char a[LA], b[LB];

    // b is a prefix / a suffix / an inner piece of a.
    const char* base_a = "ACGTTGCAAGTCCGTA";
    for (int k = 0; k < LA; ++k) a[k] = base_a[k];
    for (int k = 0; k < LB; ++k) b[k] = a[k];
    run_case("prefix", a, b);
    for (int k = 0; k < LB; ++k) b[k] = a[LA - LB + k];
    run_case("suffix", a, b);
    for (int k = 0; k < LB; ++k) b[k] = a[k + 2];
    run_case("inner", a, b);

    // Nothing matches.
    for (int k = 0; k < LA; ++k) a[k] = 'A';
    for (int k = 0; k < LB; ++k) b[k] = 'C';
    run_case("all mismatch", a, b);
    // Everything matches (long gap run either at the start or end).
    for (int k = 0; k < LB; ++k) b[k] = 'A';
    run_case("all match", a, b);

    // Repeats and near-repeats: many ties in the matrix.
    for (int k = 0; k < LA; ++k) a[k] = "AC"[k % 2];
    for (int k = 0; k < LB; ++k) b[k] = "CA"[k % 2];
    run_case("alternating", a, b);
    for (int k = 0; k < LA; ++k) a[k] = "AAGT"[k % 4];
    for (int k = 0; k < LB; ++k) b[k] = "AGT"[k % 3];
    run_case("repeats", a, b);
    // A single differing base in the middle.
    for (int k = 0; k < LA; ++k) a[k] = base_a[k];
    for (int k = 0; k < LB; ++k) b[k] = a[k + 4];
    b[5] = (b[5] == 'G') ? 'T' : 'G';
    run_case("point mutation", a, b);

    // Seeded random DNA, four and two letters.
    for (uint32_t seed = 1; seed <= 12; ++seed) {
        rng_state = seed * 0x01000193u;
        random_seq(a, LA, 4);
        random_seq(b, LB, 4);
        run_case("random ACGT", a, b);
        random_seq(a, LA, 2);
        random_seq(b, LB, 2);
        run_case("random AC", a, b);
    }

    if (failures != 0) return 1;
    std::printf("PASS\n");
    return 0;
}
