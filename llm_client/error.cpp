#include "llm_client/error.h"

#include <fmt/format.h>

namespace veriloop::llm {

std::string_view llmErrorKindName(LlmErrorKind kind)
{
    switch (kind) {
    case LlmErrorKind::Timeout: return "timeout";
    case LlmErrorKind::HttpStatus: return "http-status";
    case LlmErrorKind::Connection: return "connection";
    case LlmErrorKind::MalformedResponse: return "malformed-response";
    case LlmErrorKind::CacheMiss: return "cache-miss";
    case LlmErrorKind::CacheError: return "cache-error";
    case LlmErrorKind::Config: return "config";
    }
    return "unknown";
}

std::string LlmError::format() const
{
    return fmt::format("llm {}: {}", llmErrorKindName(kind), message);
}

}  // namespace veriloop::llm
