// Tests of the prompt templates and their renderer.

#include <filesystem>
#include <string>

#include <gtest/gtest.h>

#include "core/text.h"
#include "llm_client/prompt.h"

namespace veriloop::llm {
namespace {

TEST(LlmPrompt, RepairTemplateHasItsPlaceholdersAndRenders)
{
    auto tmpl = loadPromptTemplate("repair_v1");
    ASSERT_TRUE(tmpl) << tmpl.error().message;
    EXPECT_EQ(tmpl->purpose, "repair");
    EXPECT_EQ(tmpl->version, 1);
    auto names = tmpl->placeholders();
    ASSERT_TRUE(names) << names.error().message;
    EXPECT_EQ(*names, (std::vector<std::string>{"design", "evidence", "suspicious_lines"}));

    auto text = renderPrompt(*tmpl, {{"design", "module counter; endmodule"},
                                     {"evidence", "tb_counter: expected 3, got 1"},
                                     {"suspicious_lines", "rtl/counter.sv:8"}});
    ASSERT_TRUE(text) << text.error().message;
    EXPECT_NE(text->find("module counter; endmodule"), std::string::npos);
    EXPECT_NE(text->find("expected 3, got 1"), std::string::npos);
    EXPECT_NE(text->find("rtl/counter.sv:8"), std::string::npos);
    EXPECT_EQ(text->find("{{"), std::string::npos);
}

TEST(LlmPrompt, MissingValueIsAnErrorThatNamesThePlaceholder)
{
    auto tmpl = loadPromptTemplate("repair_v1");
    ASSERT_TRUE(tmpl);
    auto text = renderPrompt(*tmpl, {{"design", "d"}, {"evidence", "e"}});
    ASSERT_FALSE(text);
    EXPECT_NE(text.error().message.find("{{suspicious_lines}}"), std::string::npos);
}

TEST(LlmPrompt, UnknownPlaceholderValueIsAnError)
{
    auto tmpl = loadPromptTemplate("repair_v1");
    ASSERT_TRUE(tmpl);
    auto text = renderPrompt(*tmpl, {{"design", "d"},
                                     {"evidence", "e"},
                                     {"suspicious_lines", "s"},
                                     {"sugestions", "typo"}});
    ASSERT_FALSE(text);
    EXPECT_NE(text.error().message.find("unknown placeholder `sugestions`"), std::string::npos);
    EXPECT_NE(text.error().message.find("design, evidence, suspicious_lines"), std::string::npos);
}

TEST(LlmPrompt, MalformedPlaceholderIsReportedWithItsLine)
{
    auto tmpl = makePromptTemplate("bad_v2", "line one\nline two {{ design }}\n");
    ASSERT_TRUE(tmpl);
    auto text = renderPrompt(*tmpl, {});
    ASSERT_FALSE(text);
    EXPECT_NE(text.error().message.find("line 2"), std::string::npos);
    EXPECT_NE(text.error().message.find("malformed placeholder"), std::string::npos);
}

TEST(LlmPrompt, ValuesAreInsertedVerbatimAndNotScannedAgain)
{
    auto tmpl = makePromptTemplate("echo_v1", "A={{a}} B={{b}}");
    ASSERT_TRUE(tmpl);
    auto text = renderPrompt(*tmpl, {{"a", "{{b}}"}, {"b", "x{{"}});
    ASSERT_TRUE(text) << text.error().message;
    EXPECT_EQ(*text, "A={{b}} B=x{{");
}

TEST(LlmPrompt, TemplateNamesCarryAVersion)
{
    EXPECT_FALSE(makePromptTemplate("repair", "x"));
    EXPECT_FALSE(makePromptTemplate("repair_vx", "x"));
    EXPECT_FALSE(makePromptTemplate("_v1", "x"));
    EXPECT_FALSE(makePromptTemplate("Repair_v1", "x"));
    auto ok = makePromptTemplate("optimize_area_v12", "x");
    ASSERT_TRUE(ok);
    EXPECT_EQ(ok->purpose, "optimize_area");
    EXPECT_EQ(ok->version, 12);
}

TEST(LlmPrompt, UnknownTemplateListsTheKnownOnes)
{
    auto tmpl = loadPromptTemplate("repair_v999");
    ASSERT_FALSE(tmpl);
    EXPECT_NE(tmpl.error().message.find("repair_v1"), std::string::npos);
}

TEST(LlmPrompt, EmbeddedTemplatesMatchTheFilesInTheSourceTree)
{
    namespace fs = std::filesystem;
    size_t files = 0;
    for (const auto& entry : fs::directory_iterator(VERILOOP_LLM_PROMPT_DIR)) {
        if (entry.path().extension() != ".txt") continue;
        ++files;
        auto fromFile = loadPromptTemplateFile(entry.path());
        ASSERT_TRUE(fromFile) << fromFile.error().message;
        auto embedded = loadPromptTemplate(fromFile->name);
        ASSERT_TRUE(embedded) << embedded.error().message;
        EXPECT_EQ(embedded->text, fromFile->text) << entry.path();
    }
    EXPECT_EQ(files, promptTemplateNames().size());
    EXPECT_GE(files, 2u);
}

}  // namespace
}  // namespace veriloop::llm
