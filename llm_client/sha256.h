#pragma once
// SHA-256 (FIPS 180-4) of a byte string, for cache keys that must not collide in practice.

#include <string>
#include <string_view>

namespace veriloop::llm {

/// Lower-case hex SHA-256 digest (64 characters) of `data`.
std::string sha256Hex(std::string_view data);

}  // namespace veriloop::llm
