#pragma once
// JSON that never throws on bytes that are not UTF-8. Tool output and old sources may hold
// Latin-1 or binary bytes; reports replace them, stored texts keep every byte.

#include <initializer_list>
#include <string>
#include <utility>

#include <nlohmann/json.hpp>

namespace veriloop {

/// `j` as JSON text; bytes that are not UTF-8 become U+FFFD. For reports and evidence.
std::string jsonText(const nlohmann::json& j, int indent = -1);

/// Sets each (key, bytes) field of `obj` so that textField gives the bytes back exactly: as
/// they are when all of them are UTF-8, else all decoded as Latin-1 with
/// obj["encoding"] = "latin-1".
void setTextFields(nlohmann::json& obj,
                   std::initializer_list<std::pair<const char*, const std::string*>> fields);

/// The exact bytes of a field written by setTextFields (empty when missing).
std::string textField(const nlohmann::json& obj, const char* key);

}  // namespace veriloop
