#pragma once
// One HTTP POST over libcurl, with nothing LLM-specific: the chat client builds the body,
// decides about retries and reads the reply. Internal to veriloop_llm.

#include <chrono>
#include <string>
#include <vector>

#include <tl/expected.hpp>

#include "llm_client/error.h"

namespace veriloop::llm {

struct HttpPost {
    std::string url;
    std::string body;
    std::vector<std::string> headers;  ///< "Name: value"
    std::chrono::milliseconds connectTimeout{10'000};
    std::chrono::milliseconds totalTimeout{300'000};
    size_t maxResponseBytes = 64u << 20;
};

/// A reply that arrived completely, whatever its status.
struct HttpReply {
    long status = 0;
    std::string body;
    std::string retryAfter;  ///< the Retry-After header's value; empty when absent
};

/// Why no complete reply arrived.
struct HttpFailure {
    LlmErrorKind kind = LlmErrorKind::Connection;
    bool retryable = false;
    std::string message;
};

/// Sends `post` and waits for the whole reply (bounded by its timeouts).
tl::expected<HttpReply, HttpFailure> httpPost(const HttpPost& post);

}  // namespace veriloop::llm
