// Why replies cannot do harm here: a reply becomes only property text, which the checker
// translates over the design's own signal names (anything else is rejected) before it is
// compiled into a monitor that runs in the sandbox.

#include "llm_client/llm_asserter.h"

#include <regex>
#include <sstream>

#include "llm_client/llm_proposer.h"
#include "llm_client/prompt.h"

namespace veriloop::llm {

LlmAsserter::LlmAsserter(LlmClient client, size_t maxSourceBytes)
    : client_(std::move(client)), maxSourceBytes_(maxSourceBytes)
{
}

std::string LlmAsserter::name() const { return "llm:" + client_.config().model; }

std::vector<ProposedProperty> parsePropertyLines(const std::string& reply, size_t max)
{
    static const std::regex line(R"(^\s*[-*]?\s*`?([A-Za-z_][A-Za-z0-9_]*)\s*:\s*(.+?)`?\s*;?\s*$)");
    std::vector<ProposedProperty> out;
    std::istringstream in(reply);
    std::string text;
    while (std::getline(in, text) && out.size() < max) {
        if (text.rfind("```", 0) == 0) continue;
        std::smatch m;
        if (std::regex_match(text, m, line)) out.push_back({m[1].str(), m[2].str()});
    }
    return out;
}

tl::expected<std::vector<ProposedProperty>, std::string> LlmAsserter::propose(const AssertContext& ctx,
                                                                             std::string& problem)
{
    auto system = renderPromptTemplate("assert_system_v1", {});
    if (!system) return tl::unexpected("prompt: " + system.error().message);
    auto user = renderPromptTemplate("assert_v1", {{"top", ctx.design->top},
                                                   {"clock", ctx.design->clock},
                                                   {"design", formatDesignForPrompt(ctx.sources, maxSourceBytes_)},
                                                   {"signals", ctx.signals},
                                                   {"mined", ctx.mined.empty() ? "(nothing)\n" : ctx.mined}});
    if (!user) return tl::unexpected("prompt: " + user.error().message);
    auto reply = client_.complete(ChatRequest{{{"system", *system}, {"user", *user}}, std::nullopt});
    if (!reply) {
        if (reply.error().kind != LlmErrorKind::MalformedResponse) return tl::unexpected(reply.error().format());
        problem = reply.error().format();
        return std::vector<ProposedProperty>{};
    }
    auto properties = parsePropertyLines(reply->content);
    if (properties.empty()) problem = "the reply holds no `label: property` line";
    return properties;
}

}  // namespace veriloop::llm
