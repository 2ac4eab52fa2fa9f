#pragma once
// Errors of the LLM client, returned as values. Every failure says what kind it is (so a
// caller can decide to retry, fall back to the built-in proposer, or stop) and carries a
// message a person can act on.

#include <string>
#include <string_view>

namespace veriloop::llm {

/// What went wrong with one chat-completion request.
enum class LlmErrorKind {
    Timeout,            ///< no complete reply within the connect or total timeout
    HttpStatus,         ///< the server answered with a non-2xx status
    Connection,         ///< could not connect, connection reset, truncated body, ...
    MalformedResponse,  ///< a 2xx reply that is not a chat completion we can read
    CacheMiss,          ///< replay mode and the cache holds no reply for the request
    CacheError,         ///< the SQLite response cache failed (open, schema, read, write)
    Config,             ///< the configuration cannot work (no URL, no model, bad values)
};

/// Stable lower-case name of a kind: "timeout", "http-status", "connection", ...
std::string_view llmErrorKindName(LlmErrorKind kind);

struct LlmError {
    LlmErrorKind kind = LlmErrorKind::Connection;
    std::string message;
    int httpStatus = 0;  ///< the last HTTP status seen; 0 when none
    int attempts = 0;    ///< HTTP attempts made before giving up

    /// "llm <kind>: <message>", one line.
    std::string format() const;
};

}  // namespace veriloop::llm
