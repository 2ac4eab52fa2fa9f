#pragma once
// Prompt templates. A template is a text file under llm_client/prompts/ named
// `<purpose>_v<version>.txt` (repair_v1.txt); the version is part of the name, so changing a
// prompt means adding a file and every cached reply stays tied to the prompt that made it.
// The files are embedded into the library at build time; loadPromptTemplateFile reads any
// other file. Placeholders are `{{name}}` ([a-z_][a-z0-9_]*); rendering fails on a placeholder
// without a value and on a value that names no placeholder. Values are inserted verbatim and
// never scanned again, so a design that contains "{{x}}" cannot inject a placeholder.

#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <tl/expected.hpp>

namespace veriloop::llm {

struct PromptError {
    std::string message;
};

struct PromptTemplate {
    std::string name;  ///< "repair_v1"
    std::string purpose;  ///< "repair"
    int version = 0;   ///< 1
    std::string text;

    /// The distinct placeholder names in order of first use; fails on a malformed `{{`.
    tl::expected<std::vector<std::string>, PromptError> placeholders() const;
};

/// Splits "repair_v1" into purpose and version; fails on a name without `_v<number>`.
tl::expected<PromptTemplate, PromptError> makePromptTemplate(std::string name,
                                                             std::string text);

/// A template compiled into the library from llm_client/prompts/<name>.txt. An unknown name
/// fails with the list of known ones.
tl::expected<PromptTemplate, PromptError> loadPromptTemplate(std::string_view name);

/// A template from any file; its name is the file name without `.txt`.
tl::expected<PromptTemplate, PromptError> loadPromptTemplateFile(
    const std::filesystem::path& path);

/// Names of the embedded templates, sorted.
std::vector<std::string> promptTemplateNames();

/// Replaces every placeholder by its value. Fails when a placeholder has no value, a value
/// names no placeholder, or the template has a malformed `{{`.
tl::expected<std::string, PromptError> renderPrompt(
    const PromptTemplate& tmpl, const std::map<std::string, std::string>& values);

/// loadPromptTemplate(name) and renderPrompt in one call.
tl::expected<std::string, PromptError> renderPromptTemplate(std::string_view name,
                                                            const std::map<std::string, std::string>& values);

}  // namespace veriloop::llm
