// Backoff arithmetic and Retry-After parsing for the chat client's retry loop.

#include "llm_client/retry.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <string>

#include <curl/curl.h>

namespace veriloop::llm {

using std::chrono::milliseconds;

bool isRetryableStatus(long status)
{
    return status == 408 || status == 429 || (status >= 500 && status <= 599);
}

milliseconds backoffDelay(int retry, milliseconds initial, milliseconds max, std::mt19937_64& rng)
{
    // Doubling in floating point cannot overflow; the cap applies before the cast back.
    double nominal = static_cast<double>(initial.count()) * std::pow(2.0, std::max(retry, 0));
    nominal = std::min(nominal, static_cast<double>(max.count()));
    auto full = static_cast<int64_t>(nominal);
    if (full <= 0) return milliseconds{0};
    std::uniform_int_distribution<int64_t> half(full / 2, full);
    return milliseconds{half(rng)};
}

std::optional<milliseconds> parseRetryAfter(std::string_view value,
                                            std::chrono::system_clock::time_point now)
{
    while (!value.empty() && (value.front() == ' ' || value.front() == '\t'))
        value.remove_prefix(1);
    while (!value.empty() && (value.back() == ' ' || value.back() == '\t' ||
                              value.back() == '\r' || value.back() == '\n'))
        value.remove_suffix(1);
    if (value.empty()) return std::nullopt;

    if (std::isdigit(static_cast<unsigned char>(value.front()))) {
        double seconds = 0;
        auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), seconds);
        if (ec != std::errc() || end != value.data() + value.size() || !std::isfinite(seconds))
            return std::nullopt;
        return milliseconds{static_cast<int64_t>(std::llround(seconds * 1000.0))};
    }

    // An HTTP-date; libcurl already knows every format RFC 9110 allows.
    std::string text(value);
    time_t when = curl_getdate(text.c_str(), nullptr);
    if (when == -1) return std::nullopt;
    auto delay = std::chrono::system_clock::from_time_t(when) - now;
    return std::max(milliseconds{0}, std::chrono::duration_cast<milliseconds>(delay));
}

}  // namespace veriloop::llm
