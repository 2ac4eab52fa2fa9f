#pragma once
// The retry policy's arithmetic, apart from the HTTP code so it can be tested alone: which
// statuses are worth retrying, how long to back off, and how to read Retry-After.

#include <chrono>
#include <optional>
#include <random>
#include <string_view>

namespace veriloop::llm {

/// 408, 429 and every 5xx: the server may answer differently if asked again.
bool isRetryableStatus(long status);

/// Backoff before retry number `retry` (0 for the first retry): initial * 2^retry capped at
/// `max`, then "equal jitter": a uniform draw from [d/2, d] so clients spread out but still
/// wait at least half the nominal delay.
std::chrono::milliseconds backoffDelay(int retry, std::chrono::milliseconds initial,
                                       std::chrono::milliseconds max, std::mt19937_64& rng);

/// A Retry-After header value: delay-seconds ("2", "1.5") or an HTTP-date. Dates in the past
/// give zero; anything unreadable gives nullopt.
std::optional<std::chrono::milliseconds> parseRetryAfter(
    std::string_view value, std::chrono::system_clock::time_point now);

}  // namespace veriloop::llm
