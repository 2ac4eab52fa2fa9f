#pragma once
// Configuration of the OpenAI-compatible chat client: endpoint, sampling parameters (always
// sent, so a request is reproducible from its cache key), timeouts, retry policy and cache.
// Precedence: explicit values > environment (VERILOOP_LLM_URL, VERILOOP_LLM_MODEL,
// OPENAI_API_KEY) > empty.

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace veriloop::llm {

/// How the client uses its SQLite response cache.
enum class CacheMode {
    Off,        ///< never read or write the cache
    ReadWrite,  ///< answer from the cache when it can; store every new reply
    Replay,     ///< answer only from the cache; a miss is an error; no network at all
};

/// "off", "read-write", "replay".
std::string_view cacheModeName(CacheMode mode);
/// Inverse of cacheModeName; nullopt for an unknown name.
std::optional<CacheMode> parseCacheMode(std::string_view name);

struct LlmConfig {
    /// Server root such as "http://127.0.0.1:8000" or "https://api.openai.com/v1"; the client
    /// appends "/v1/chat/completions" or "/chat/completions" (see chatCompletionsUrl).
    std::string baseUrl;
    std::string model;
    std::string apiKey;  ///< sent as "Authorization: Bearer"; empty: no header

    double temperature = 0.0;
    double topP = 1.0;
    std::optional<int64_t> seed;
    std::optional<int> maxTokens;

    std::chrono::milliseconds connectTimeout{10'000};
    /// Bounds one HTTP attempt from connect to the last byte of the reply.
    std::chrono::milliseconds totalTimeout{300'000};

    /// Retries after the first attempt, on HTTP 408/429/5xx and connection errors.
    int maxRetries = 4;
    std::chrono::milliseconds backoffInitial{1'000};  ///< first backoff before jitter
    std::chrono::milliseconds backoffMax{60'000};     ///< cap of one backoff before jitter
    /// A Retry-After longer than this makes the client give up instead of waiting.
    std::chrono::milliseconds maxRetryAfter{120'000};
    /// Multiplies every wait (backoff and Retry-After); tests set it near 0.
    double backoffScale = 1.0;
    /// Whether a reply that exceeds totalTimeout is retried (a hung generation usually
    /// hangs again, so the default is no).
    bool retryOnTimeout = false;

    CacheMode cacheMode = CacheMode::Off;
    std::filesystem::path cachePath;  ///< SQLite file; required unless cacheMode is Off
};

/// Fills baseUrl, model and apiKey that are empty from VERILOOP_LLM_URL, VERILOOP_LLM_MODEL and
/// OPENAI_API_KEY; explicit values win.
LlmConfig resolveLlmConfig(LlmConfig config);

/// The full endpoint: baseUrl ending in "/chat/completions" is used as it is, one ending in
/// "/v1" gets "/chat/completions", anything else gets "/v1/chat/completions".
std::string chatCompletionsUrl(std::string_view baseUrl);

/// The effective configuration for --dump-config; the API key shows only as set or unset.
nlohmann::json configToJson(const LlmConfig& config);

}  // namespace veriloop::llm
