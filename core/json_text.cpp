#include "core/json_text.h"

#include "core/text.h"

namespace veriloop {

std::string jsonText(const nlohmann::json& j, int indent)
{
    return j.dump(indent, ' ', false, nlohmann::json::error_handler_t::replace);
}

void setTextFields(nlohmann::json& obj,
                   std::initializer_list<std::pair<const char*, const std::string*>> fields)
{
    bool utf8 = true;
    for (const auto& [key, bytes] : fields) utf8 = utf8 && isUtf8(*bytes);
    for (const auto& [key, bytes] : fields) obj[key] = utf8 ? *bytes : latin1ToUtf8(*bytes);
    if (!utf8) obj["encoding"] = "latin-1";
}

std::string textField(const nlohmann::json& obj, const char* key)
{
    if (!obj.is_object() || !obj.contains(key) || !obj[key].is_string()) return {};
    const auto& text = obj[key].get_ref<const std::string&>();
    if (obj.value("encoding", "") != "latin-1") return text;
    return utf8ToLatin1(text).value_or(text);
}

}  // namespace veriloop
