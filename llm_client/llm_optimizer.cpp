// Why replies cannot do harm here: as for the repair proposer, a reply is only text handed to
// applyPatch, whose allow-list is the design's own source files; the optimizer screens the
// result (patch_safety) before anything is synthesized or proved.

#include "llm_client/llm_optimizer.h"

#include <fmt/format.h>

#include "llm_client/llm_proposer.h"
#include "llm_client/patch.h"
#include "llm_client/prompt.h"

namespace veriloop::llm {

LlmOptimizer::LlmOptimizer(LlmClient client, size_t maxSourceBytes)
    : client_(std::move(client)), maxSourceBytes_(maxSourceBytes)
{
}

std::string LlmOptimizer::name() const { return "llm:" + client_.config().model; }

tl::expected<std::vector<ChatMessage>, std::string> LlmOptimizer::buildMessages(const OptimizeContext& ctx) const
{
    auto system = renderPromptTemplate("optimize_system_v1", {});
    if (!system) return tl::unexpected(system.error().message);
    std::string rejected;
    for (const auto& r : ctx.rejected) rejected += "- " + r + "\n";
    auto user = renderPromptTemplate(
        "optimize_v1", {{"target", ctx.target == "xilinx" ? "Xilinx 7-series LUTs, flip-flops, DSPs and block RAMs"
                                                          : "generic gates and flip-flops"},
                        {"design", formatDesignForPrompt(ctx.sources, maxSourceBytes_)},
                        {"synthesis", ctx.synthesis.empty() ? "(not available)" : ctx.synthesis},
                        {"rejected", rejected.empty() ? "(none yet)\n" : rejected}});
    if (!user) return tl::unexpected(user.error().message);
    return std::vector<ChatMessage>{{"system", *system}, {"user", *user}};
}

tl::expected<std::vector<OptimizeCandidate>, std::string> LlmOptimizer::propose(const OptimizeContext& ctx,
                                                                                std::string& problem)
{
    auto messages = buildMessages(ctx);
    if (!messages) return tl::unexpected("prompt: " + messages.error());
    auto reply = client_.complete(ChatRequest{*messages, std::nullopt});
    if (!reply) {
        // A reply that is not a chat completion is worth another round; anything else (no
        // server, a replay miss, a bad configuration) stops the run.
        if (reply.error().kind != LlmErrorKind::MalformedResponse) return tl::unexpected(reply.error().format());
        problem = reply.error().format();
        return std::vector<OptimizeCandidate>{};
    }
    auto patched = applyReply(reply->content, ctx.sources);
    if (!patched) {
        problem = patched.error().format();
        return std::vector<OptimizeCandidate>{};
    }
    if (patched->changed.empty()) {
        problem = "patch: the diff changes nothing";
        return std::vector<OptimizeCandidate>{};
    }
    OptimizeCandidate c;
    c.origin = name();
    c.description = fmt::format("LLM rewrite of {}", fmt::join(patched->changed, ", "));
    c.files = std::move(patched->files);
    c.file = patched->changed.front();
    c.reply = reply->content;
    return std::vector<OptimizeCandidate>{std::move(c)};
}

}  // namespace veriloop::llm
