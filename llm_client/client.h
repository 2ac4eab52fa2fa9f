#pragma once
// The OpenAI-compatible chat-completions client (POST /v1/chat/completions over libcurl).
// It works with vLLM, llama.cpp's server, Ollama and hosted APIs. One call of complete():
//   build the canonical request JSON → cache lookup (by SHA-256 of that JSON) →
//   HTTP with retries (408/429/5xx/connection errors; exponential backoff with jitter;
//   Retry-After honored) → parse the reply → store it in the cache.
// Every failure comes back as an LlmError value; nothing throws across this API.

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>
#include <tl/expected.hpp>

#include "llm_client/config.h"
#include "llm_client/error.h"

namespace veriloop::llm {

struct ChatMessage {
    std::string role;  ///< "system", "user" or "assistant"
    std::string content;
};

/// Structured output: sent as response_format {type: json_schema, json_schema: {...}}.
struct JsonSchemaFormat {
    std::string name;
    nlohmann::json schema;
    bool strict = true;
};

struct ChatRequest {
    std::vector<ChatMessage> messages;
    std::optional<JsonSchemaFormat> responseFormat;
};

struct TokenUsage {
    int64_t promptTokens = 0;
    int64_t completionTokens = 0;
    int64_t totalTokens = 0;

    bool operator==(const TokenUsage&) const = default;
};

struct ChatResult {
    std::string content;       ///< the assistant message: untrusted text
    std::string finishReason;  ///< "stop", "length", ...; empty when the server sent none
    std::string model;         ///< the model the server says answered
    TokenUsage usage;          ///< zeros when the server reported no usage
    std::string requestKey;    ///< SHA-256 of the canonical request JSON (the cache key)
    bool fromCache = false;
    int attempts = 0;          ///< HTTP attempts made; 0 when answered from the cache
};

/// Replaceable parts of the client, for tests and embedders.
struct ClientHooks {
    /// Called for every backoff wait, with the already scaled duration; empty: sleep_for.
    std::function<void(std::chrono::milliseconds)> sleep;
    /// Seed of the backoff jitter; nullopt: a random seed.
    std::optional<uint64_t> jitterSeed;
};

/// The request body exactly as it is sent: model, messages, temperature, top_p, and seed,
/// max_tokens and response_format when set.
nlohmann::json buildRequestJson(const LlmConfig& config, const ChatRequest& request);

/// Canonical text of a request body: keys sorted, no whitespace, invalid UTF-8 replaced by
/// U+FFFD. The cache key is sha256Hex of this text.
std::string canonicalJson(const nlohmann::json& body);

/// Reads a 2xx chat-completion body: choices[0].message.content, finish_reason, model, usage.
tl::expected<ChatResult, LlmError> parseChatResponse(const std::string& body);

/// The schema of a reply that carries a patch: {"diff": string, "explanation": string}.
JsonSchemaFormat diffResponseFormat();

class LlmClient {
public:
    /// Checks the configuration and opens the cache when one is configured. Does not touch
    /// the network. `config` is used as given: call resolveLlmConfig first for env defaults.
    static tl::expected<LlmClient, LlmError> create(LlmConfig config, ClientHooks hooks = {});

    LlmClient(LlmClient&&) noexcept;
    LlmClient& operator=(LlmClient&&) noexcept;
    ~LlmClient();

    /// One chat completion, from the cache or the server according to the cache mode.
    tl::expected<ChatResult, LlmError> complete(const ChatRequest& request);

    const LlmConfig& config() const;

private:
    struct State;
    explicit LlmClient(std::unique_ptr<State> state);
    std::unique_ptr<State> state;
};

}  // namespace veriloop::llm
