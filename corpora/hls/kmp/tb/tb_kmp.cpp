// Self-checking testbench for kmp: the reference is a naive position-by-position comparison.
// Text and pattern buffers are filled past their lengths with characters that would create
// extra matches, so reads beyond the given lengths show up. Covers overlapping matches,
// patterns needing deep fallbacks, more matches than slots, lengths 0/1/max, pattern longer
// than text, and seeded random two- and three-letter texts for every pattern length.
#include <cstdint>
#include <cstdio>
#include <cstring>

#include "kmp.h"

namespace {

const int PMAX = 8, TMAX = 128, MMAX = 24;
const int GUARD = 2;

uint32_t rng_state = 1;
uint32_t next_rand() {
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 17;
    rng_state ^= rng_state << 5;
    return rng_state;
}

int failures = 0;

void run_case(const char* label, const char* pat_src, int pat_len, const char* text_src,
              int text_len) {
    if (failures != 0) return;
    char pattern[PMAX], text[TMAX];
    // Past the lengths: copies of the pattern's first character, so any over-read can match.
    for (int q = 0; q < PMAX; ++q) pattern[q] = (q < pat_len) ? pat_src[q] : pat_src[0];
    for (int i = 0; i < TMAX; ++i) text[i] = (i < text_len) ? text_src[i] : pat_src[i % pat_len];

    int expect_pos[TMAX];
    int expect_count = 0;
    for (int s = 0; s + pat_len <= text_len; ++s) {
        bool hit = true;
        for (int q = 0; q < pat_len; ++q)
            if (text[s + q] != pattern[q]) hit = false;
        if (hit) expect_pos[expect_count++] = s;
    }

    int store[MMAX + 2 * GUARD];
    for (int t = 0; t < MMAX + 2 * GUARD; ++t) store[t] = 0x7777;
    int* matches = store + GUARD;
    int n_matches = -99;
    kmp(pattern, pat_len, text, text_len, matches, &n_matches);

    for (int t = 0; t < GUARD; ++t) {
        if (store[t] != 0x7777 || store[GUARD + MMAX + t] != 0x7777) {
            std::printf("FAIL: %s: guard %d around matches: expected %d got %d/%d\n", label, t,
                        0x7777, store[t], store[GUARD + MMAX + t]);
            ++failures;
            return;
        }
    }
    if (n_matches != expect_count) {
        std::printf("FAIL: %s (pat_len=%d text_len=%d): n_matches: expected %d got %d\n", label,
                    pat_len, text_len, expect_count, n_matches);
        ++failures;
        return;
    }
    for (int m = 0; m < MMAX; ++m) {
        int want = (m < expect_count) ? expect_pos[m] : -1;
        if (matches[m] != want) {
            std::printf("FAIL: %s (pat_len=%d text_len=%d): matches[%d]: expected %d got %d\n",
                        label, pat_len, text_len, m, want, matches[m]);
            ++failures;
            return;
        }
    }
}

void run_str(const char* label, const char* pat, const char* text) {
    run_case(label, pat, int(std::strlen(pat)), text, int(std::strlen(text)));
}

}  // namespace

int main() {
    if (KMP_PAT_MAX != PMAX || KMP_TEXT_MAX != TMAX || KMP_MATCH_MAX != MMAX) {
        std::printf("FAIL: header sizes differ from the testbench's\n");
        return 1;
    }

    run_str("simple", "abc", "xxabcxxabxabcabc");
    run_str("overlap aa", "aa", "aaaaaaa");
    run_str("overlap abab", "abab", "abababababxabab");
    run_str("fallback aab", "aab", "aaabaaaabaab");
    run_str("fallback abaabab", "abaabab", "abaabaabababaababaabab");
    run_str("fallback abcabd", "abcabd", "abcabcabdabcabd");
    run_str("fallback aabaaa", "aabaaa", "aabaabaaaabaaaaabaaa");
    run_str("fallback abacabab", "abacabab", "abacabacababacababab");
    run_str("no match", "xyz", "abcabcabcabc");
    run_str("single char", "q", "qaqqbq");
    run_str("at both ends", "end", "endmiddleend");
    run_str("whole text", "abcdefgh", "abcdefgh");
    run_str("text shorter", "abcdefg", "abcdef");
    run_str("empty text", "ab", "");
    run_str("one char text", "a", "a");
    run_str("near miss at end", "abcd", "xxabcxxabc");

    // More matches than slots: every position of a long run of one letter.
    char text[TMAX];
    for (int i = 0; i < TMAX; ++i) text[i] = 'z';
    run_case("too many matches", "z", 1, text, TMAX);
    run_case("too many matches zz", "zzz", 3, text, TMAX);
    run_case("too many matches, 24", "z", 1, text, 24);
    run_case("too many matches, 25", "z", 1, text, 25);

    // Seeded random texts over small alphabets, every pattern length, full and partial text.
    char pat[PMAX];
    for (uint32_t seed = 1; seed <= 48; ++seed) {
        rng_state = seed * 0x2545F491u;
        int alphabet = (seed % 3 == 0) ? 3 : 2;
        int pat_len = int(seed % PMAX) + 1;
        for (int q = 0; q < pat_len; ++q) pat[q] = char('a' + next_rand() % uint32_t(alphabet));
        for (int i = 0; i < TMAX; ++i) text[i] = char('a' + next_rand() % uint32_t(alphabet));
        // Plant the pattern a few times, sometimes overlapping its own tail.
        for (int plant = 0; plant < 3; ++plant) {
            int at = int(next_rand() % uint32_t(TMAX - pat_len));
            for (int q = 0; q < pat_len; ++q) text[at + q] = pat[q];
        }
        int text_len = (seed % 4 == 0) ? int(next_rand() % TMAX) : TMAX;
        run_case("random", pat, pat_len, text, text_len);
    }

    if (failures != 0) return 1;
    std::printf("PASS\n");
    return 0;
}
