#include "llm_client/config.h"

#include <cstdlib>

namespace veriloop::llm {

namespace {

void fillFromEnv(std::string& value, const char* variable)
{
    if (!value.empty()) return;
    if (const char* env = std::getenv(variable)) value = env;
}

bool endsWith(std::string_view text, std::string_view suffix)
{
    return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

}  // namespace

std::string_view cacheModeName(CacheMode mode)
{
    switch (mode) {
    case CacheMode::Off: return "off";
    case CacheMode::ReadWrite: return "read-write";
    case CacheMode::Replay: return "replay";
    }
    return "off";
}

std::optional<CacheMode> parseCacheMode(std::string_view name)
{
    for (CacheMode mode : {CacheMode::Off, CacheMode::ReadWrite, CacheMode::Replay})
        if (cacheModeName(mode) == name) return mode;
    return std::nullopt;
}

LlmConfig resolveLlmConfig(LlmConfig config)
{
    fillFromEnv(config.baseUrl, "VERILOOP_LLM_URL");
    fillFromEnv(config.model, "VERILOOP_LLM_MODEL");
    fillFromEnv(config.apiKey, "OPENAI_API_KEY");
    return config;
}

std::string chatCompletionsUrl(std::string_view baseUrl)
{
    std::string url(baseUrl);
    while (!url.empty() && url.back() == '/') url.pop_back();
    if (endsWith(url, "/chat/completions")) return url;
    if (endsWith(url, "/v1")) return url + "/chat/completions";
    return url + "/v1/chat/completions";
}

nlohmann::json configToJson(const LlmConfig& config)
{
    nlohmann::json out = {
        {"base_url", config.baseUrl},
        {"model", config.model},
        {"api_key", config.apiKey.empty() ? "unset" : "set"},
        {"temperature", config.temperature},
        {"top_p", config.topP},
        {"seed", config.seed ? nlohmann::json(*config.seed) : nlohmann::json()},
        {"max_tokens", config.maxTokens ? nlohmann::json(*config.maxTokens) : nlohmann::json()},
        {"connect_timeout_ms", config.connectTimeout.count()},
        {"total_timeout_ms", config.totalTimeout.count()},
        {"max_retries", config.maxRetries},
        {"backoff_initial_ms", config.backoffInitial.count()},
        {"backoff_max_ms", config.backoffMax.count()},
        {"max_retry_after_ms", config.maxRetryAfter.count()},
        {"backoff_scale", config.backoffScale},
        {"retry_on_timeout", config.retryOnTimeout},
        {"cache_mode", cacheModeName(config.cacheMode)},
        {"cache_path", config.cachePath.string()},
    };
    return out;
}

}  // namespace veriloop::llm
