// The chat client: canonical request → cache → HTTP with retries → parse → cache.
// Retries terminate: each loop iteration makes one attempt and the loop stops after
// 1 + maxRetries attempts, on the first reply that is not retryable, or when a server asks
// for a Retry-After longer than maxRetryAfter.

#include "llm_client/client.h"

#include <cmath>
#include <mutex>
#include <random>
#include <thread>

#include <fmt/format.h>

#include "core/text.h"
#include "llm_client/cache.h"
#include "llm_client/http.h"
#include "llm_client/retry.h"
#include "llm_client/sha256.h"

namespace veriloop::llm {

using nlohmann::json;
using std::chrono::milliseconds;

struct LlmClient::State {
    LlmConfig config;
    ClientHooks hooks;
    std::string url;
    std::optional<ResponseCache> cache;
    std::mutex rngMutex;
    std::mt19937_64 rng;

    /// A parsed reply and the exact body it was parsed from (what the cache stores).
    struct Exchange {
        ChatResult result;
        std::string rawBody;
    };
    /// The HTTP exchange with retries, apart from the cache logic around it.
    tl::expected<Exchange, LlmError> sendWithRetries(const std::string& body);
    milliseconds nextBackoff(int retry);
    std::vector<std::string> headers() const;
};

namespace {

LlmError configError(std::string message)
{
    return LlmError{LlmErrorKind::Config, std::move(message)};
}

LlmError malformed(std::string message)
{
    return LlmError{LlmErrorKind::MalformedResponse, std::move(message)};
}

tl::expected<void, LlmError> validate(const LlmConfig& c)
{
    if (c.model.empty())
        return tl::unexpected(configError("no model: set the model option or VERILOOP_LLM_MODEL"));
    if (c.baseUrl.empty() && c.cacheMode != CacheMode::Replay)
        return tl::unexpected(
            configError("no server URL: set the URL option or VERILOOP_LLM_URL"));
    if (!(c.temperature >= 0.0 && c.temperature <= 2.0))
        return tl::unexpected(configError(fmt::format(
            "temperature must be within [0, 2], got {}", c.temperature)));
    if (!(c.topP > 0.0 && c.topP <= 1.0))
        return tl::unexpected(configError(fmt::format("top_p must be within (0, 1], got {}",
                                                      c.topP)));
    if (c.maxTokens && *c.maxTokens <= 0)
        return tl::unexpected(configError("max_tokens must be positive"));
    if (c.connectTimeout.count() <= 0 || c.totalTimeout.count() <= 0)
        return tl::unexpected(configError("timeouts must be positive"));
    if (c.maxRetries < 0 || c.maxRetries > 100)
        return tl::unexpected(configError(fmt::format("max retries must be within [0, 100], "
                                                      "got {}", c.maxRetries)));
    if (c.backoffInitial.count() < 0 || c.backoffMax.count() < 0 ||
        c.maxRetryAfter.count() < 0 || !(c.backoffScale >= 0.0 && std::isfinite(c.backoffScale)))
        return tl::unexpected(configError("backoff durations and scale must not be negative"));
    if (c.apiKey.find_first_of("\r\n") != std::string::npos)
        return tl::unexpected(configError("the API key contains a line break"));
    if (c.cacheMode != CacheMode::Off && c.cachePath.empty())
        return tl::unexpected(configError(fmt::format("cache mode `{}` needs a cache file path",
                                                      cacheModeName(c.cacheMode))));
    return {};
}

/// What an error reply says, for the error message: the OpenAI-style error.message when the
/// body has one, else the body itself on one line.
std::string errorBodySummary(const std::string& body)
{
    json doc = json::parse(body, nullptr, false);
    if (doc.is_object()) {
        auto error = doc.find("error");
        if (error != doc.end()) {
            if (error->is_string()) return error->get<std::string>();
            if (error->is_object()) {
                auto message = error->find("message");
                if (message != error->end() && message->is_string())
                    return message->get<std::string>();
            }
        }
    }
    return body.empty() ? "(empty body)" : oneLine(body, 200);
}

int64_t usageField(const json& usage, const char* name)
{
    auto it = usage.find(name);
    if (it == usage.end()) return 0;
    if (it->is_number_unsigned()) return static_cast<int64_t>(it->get<uint64_t>());
    if (it->is_number_integer()) return it->get<int64_t>();
    return 0;
}

std::string stringField(const json& object, const char* name)
{
    auto it = object.find(name);
    return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

}  // namespace

json buildRequestJson(const LlmConfig& config, const ChatRequest& request)
{
    json messages = json::array();
    for (const ChatMessage& message : request.messages)
        messages.push_back(json{{"role", message.role}, {"content", message.content}});
    json body = json::object();
    body["model"] = config.model;
    body["messages"] = std::move(messages);
    body["temperature"] = config.temperature;
    body["top_p"] = config.topP;
    if (config.seed) body["seed"] = *config.seed;
    if (config.maxTokens) body["max_tokens"] = *config.maxTokens;
    if (request.responseFormat) {
        const JsonSchemaFormat& format = *request.responseFormat;
        body["response_format"] = json{
            {"type", "json_schema"},
            {"json_schema",
             json{{"name", format.name}, {"schema", format.schema}, {"strict", format.strict}}}};
    }
    return body;
}

std::string canonicalJson(const json& body)
{
    // nlohmann's object keys are ordered (std::map), so dump() is already canonical.
    return body.dump(-1, ' ', false, json::error_handler_t::replace);
}

tl::expected<ChatResult, LlmError> parseChatResponse(const std::string& body)
{
    json doc = json::parse(body, nullptr, false);
    if (doc.is_discarded())
        return tl::unexpected(malformed(fmt::format("reply is not JSON: {}", oneLine(body, 120))));
    if (!doc.is_object()) return tl::unexpected(malformed("reply is not a JSON object"));
    if (doc.contains("error"))
        return tl::unexpected(malformed("reply reports an error: " + errorBodySummary(body)));
    auto choices = doc.find("choices");
    if (choices == doc.end() || !choices->is_array() || choices->empty())
        return tl::unexpected(malformed("reply has no `choices`"));
    const json& choice = choices->front();
    if (!choice.is_object() || !choice.contains("message") || !choice["message"].is_object())
        return tl::unexpected(malformed("reply's first choice has no `message` object"));
    const json& message = choice["message"];
    auto content = message.find("content");
    if (content == message.end() || !content->is_string()) {
        std::string refusal = stringField(message, "refusal");
        if (!refusal.empty())
            return tl::unexpected(malformed("the model refused: " + oneLine(refusal, 200)));
        return tl::unexpected(malformed("reply's message has no text `content`"));
    }

    ChatResult result;
    result.content = content->get<std::string>();
    result.finishReason = stringField(choice, "finish_reason");
    result.model = stringField(doc, "model");
    auto usage = doc.find("usage");
    if (usage != doc.end() && usage->is_object()) {
        result.usage.promptTokens = usageField(*usage, "prompt_tokens");
        result.usage.completionTokens = usageField(*usage, "completion_tokens");
        result.usage.totalTokens = usage->contains("total_tokens")
                                       ? usageField(*usage, "total_tokens")
                                       : result.usage.promptTokens + result.usage.completionTokens;
    }
    return result;
}

JsonSchemaFormat diffResponseFormat()
{
    json schema = {
        {"type", "object"},
        {"properties",
         {{"diff", {{"type", "string"}, {"description", "unified diff of the design files"}}},
          {"explanation", {{"type", "string"}, {"description", "one paragraph: why"}}}}},
        {"required", {"diff", "explanation"}},
        {"additionalProperties", false},
    };
    return JsonSchemaFormat{"patch", std::move(schema), true};
}

LlmClient::LlmClient(std::unique_ptr<State> s) : state(std::move(s)) {}
LlmClient::LlmClient(LlmClient&&) noexcept = default;
LlmClient& LlmClient::operator=(LlmClient&&) noexcept = default;
LlmClient::~LlmClient() = default;

const LlmConfig& LlmClient::config() const { return state->config; }

tl::expected<LlmClient, LlmError> LlmClient::create(LlmConfig config, ClientHooks hooks)
{
    if (auto ok = validate(config); !ok) return tl::unexpected(ok.error());
    auto s = std::make_unique<State>();
    if (config.cacheMode != CacheMode::Off) {
        bool create = config.cacheMode == CacheMode::ReadWrite;
        auto cache = ResponseCache::open(config.cachePath, create);
        if (!cache) return tl::unexpected(cache.error());
        s->cache.emplace(std::move(*cache));
    }
    s->url = config.baseUrl.empty() ? std::string() : chatCompletionsUrl(config.baseUrl);
    s->rng.seed(hooks.jitterSeed ? *hooks.jitterSeed : std::random_device{}());
    if (!hooks.sleep) hooks.sleep = [](milliseconds d) { std::this_thread::sleep_for(d); };
    s->config = std::move(config);
    s->hooks = std::move(hooks);
    return LlmClient(std::move(s));
}

tl::expected<ChatResult, LlmError> LlmClient::complete(const ChatRequest& request)
{
    if (request.messages.empty())
        return tl::unexpected(configError("a chat request needs at least one message"));
    const std::string body = canonicalJson(buildRequestJson(state->config, request));
    const std::string key = sha256Hex(body);

    if (state->cache) {
        auto hit = state->cache->lookup(key, body);
        if (!hit) return tl::unexpected(hit.error());
        if (*hit) {
            auto parsed = parseChatResponse(**hit);
            if (!parsed) {
                LlmError error = parsed.error();
                error.message = fmt::format("cached reply {} in {}: {}", key,
                                            state->cache->path().string(), error.message);
                return tl::unexpected(std::move(error));
            }
            parsed->requestKey = key;
            parsed->fromCache = true;
            return parsed;
        }
        if (state->config.cacheMode == CacheMode::Replay)
            return tl::unexpected(LlmError{LlmErrorKind::CacheMiss,
                                           "no cached response for this request (replay mode)"});
    }

    auto exchange = state->sendWithRetries(body);
    if (!exchange) return tl::unexpected(exchange.error());
    ChatResult result = std::move(exchange->result);
    result.requestKey = key;
    if (state->cache && state->config.cacheMode == CacheMode::ReadWrite) {
        // The body that parsed is stored verbatim, so a replay parses to the same result.
        auto stored = state->cache->store(key, body, exchange->rawBody, state->config.model);
        if (!stored) {
            LlmError error = stored.error();
            error.message = "the reply arrived but could not be cached: " + error.message;
            return tl::unexpected(std::move(error));
        }
    }
    return result;
}

milliseconds LlmClient::State::nextBackoff(int retry)
{
    std::lock_guard lock(rngMutex);
    return backoffDelay(retry, config.backoffInitial, config.backoffMax, rng);
}

std::vector<std::string> LlmClient::State::headers() const
{
    std::vector<std::string> out = {"Content-Type: application/json", "Accept: application/json",
                                    "Expect:"};
    if (!config.apiKey.empty()) out.push_back("Authorization: Bearer " + config.apiKey);
    return out;
}

tl::expected<LlmClient::State::Exchange, LlmError> LlmClient::State::sendWithRetries(
    const std::string& body)
{
    HttpPost post{url, body, headers(), config.connectTimeout, config.totalTimeout};
    for (int attempt = 1;; ++attempt) {
        auto reply = httpPost(post);
        LlmError error;
        bool retryable = false;
        std::optional<milliseconds> retryAfter;
        if (reply && reply->status >= 200 && reply->status < 300) {
            auto parsed = parseChatResponse(reply->body);
            if (!parsed) {
                parsed.error().httpStatus = static_cast<int>(reply->status);
                parsed.error().attempts = attempt;
                return tl::unexpected(parsed.error());
            }
            parsed->attempts = attempt;
            return Exchange{std::move(*parsed), std::move(reply->body)};
        }
        if (reply) {
            error = LlmError{LlmErrorKind::HttpStatus,
                             fmt::format("HTTP {} from {}: {}", reply->status, url,
                                         errorBodySummary(reply->body)),
                             static_cast<int>(reply->status)};
            retryable = isRetryableStatus(reply->status);
            if (!reply->retryAfter.empty())
                retryAfter = parseRetryAfter(reply->retryAfter, std::chrono::system_clock::now());
        } else {
            error = LlmError{reply.error().kind, reply.error().message};
            retryable = reply.error().retryable ||
                        (reply.error().kind == LlmErrorKind::Timeout && config.retryOnTimeout);
        }
        error.attempts = attempt;
        if (!retryable) return tl::unexpected(std::move(error));
        if (attempt > config.maxRetries) {
            error.message += fmt::format(" (gave up after {} attempts)", attempt);
            return tl::unexpected(std::move(error));
        }
        if (retryAfter && *retryAfter > config.maxRetryAfter) {
            error.message += fmt::format(" (the server asked to retry after {} ms, more than "
                                         "the {} ms limit)",
                                         retryAfter->count(), config.maxRetryAfter.count());
            return tl::unexpected(std::move(error));
        }
        milliseconds wait = retryAfter ? *retryAfter : nextBackoff(attempt - 1);
        hooks.sleep(milliseconds{
            std::llround(static_cast<double>(wait.count()) * config.backoffScale)});
    }
}

}  // namespace veriloop::llm
