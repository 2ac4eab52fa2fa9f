// Why replies cannot do harm here: a reply is only text handed to applyPatch, whose allow-list
// is the design's own source files; the result is a candidate that the debug loop screens
// (patch_safety) before anything is built. Why it terminates: one request per propose().

#include "llm_client/llm_proposer.h"

#include <fmt/format.h>

#include "llm_client/patch.h"
#include "llm_client/prompt.h"

namespace veriloop::llm {

std::string formatDesignForPrompt(const std::vector<SourceFile>& files, size_t maxBytes)
{
    std::string out;
    for (const auto& f : files) {
        std::string text = f.text;
        if (out.size() + text.size() > maxBytes) {
            const size_t room = maxBytes > out.size() ? maxBytes - out.size() : 0;
            text = text.substr(0, room) + "\n... (cut: the prompt size limit was reached)\n";
        }
        if (!text.empty() && text.back() != '\n') text += '\n';
        out += fmt::format("### {}\n\n```systemverilog\n{}```\n\n", f.path, text);
    }
    return out;
}

namespace {

std::string formatSuspicious(const std::vector<SuspiciousLine>& lines)
{
    if (lines.empty()) return "(no ranking available)\n";
    std::string out;
    for (size_t i = 0; i < lines.size() && i < 10; ++i)
        out += fmt::format("{}. {}:{} (score {:.2f}{}): {}\n", i + 1, lines[i].file, lines[i].line,
                           lines[i].score,
                           lines[i].reason == "spectrum" ? "" : "; " + lines[i].reason, lines[i].text);
    return out;
}

tl::expected<std::string, std::string> render(const char* name,
                                              const std::map<std::string, std::string>& values)
{
    auto text = renderPromptTemplate(name, values);
    if (!text) return tl::unexpected(text.error().message);
    return *text;
}

}  // namespace

LlmProposer::LlmProposer(LlmClient client, LlmProposerOptions options)
    : client_(std::move(client)), options_(options), structured_(options.structuredOutput)
{
}

std::string LlmProposer::name() const { return "llm:" + client_.config().model; }

tl::expected<std::vector<ChatMessage>, std::string> LlmProposer::buildMessages(
    const RepairContext& ctx) const
{
    auto system = render("repair_system_v1", {});
    if (!system) return tl::unexpected(system.error());
    const std::string design = formatDesignForPrompt(ctx.sources, options_.maxSourceBytes);
    auto user = render("repair_v1", {{"design", design},
                                     {"evidence", ctx.evidence.empty() ? "(none)" : ctx.evidence},
                                     {"suspicious_lines", formatSuspicious(ctx.suspicious)}});
    if (!user) return tl::unexpected(user.error());
    std::vector<ChatMessage> messages = {{"system", *system}, {"user", *user}};
    for (const auto& h : ctx.history) {
        auto fb = render("repair_feedback_v1", {{"failure", h.failure}, {"design", design}});
        if (!fb) return tl::unexpected(fb.error());
        messages.push_back({"assistant", h.reply.empty() ? h.diff : h.reply});
        messages.push_back({"user", *fb});
    }
    return messages;
}

ProposalBatch LlmProposer::propose(const RepairContext& ctx)
{
    ProposalBatch batch;
    auto messages = buildMessages(ctx);
    if (!messages) {
        batch.fatal = true;
        batch.problem = "prompt: " + messages.error();
        return batch;
    }
    ChatRequest request{*messages, std::nullopt};
    if (structured_) request.responseFormat = diffResponseFormat();
    auto reply = client_.complete(request);
    if (!reply && structured_ && reply.error().kind == LlmErrorKind::HttpStatus &&
        reply.error().httpStatus == 400) {
        // The server does not take response_format: ask again for a fenced diff.
        structured_ = false;
        request.responseFormat.reset();
        reply = client_.complete(request);
    }
    if (!reply) {
        // A reply that is not a chat completion is worth another try; anything else (no
        // server, a replay miss, a bad configuration) stops the loop.
        batch.fatal = reply.error().kind != LlmErrorKind::MalformedResponse;
        batch.problem = reply.error().format();
        return batch;
    }
    batch.promptTokens = reply->usage.promptTokens;
    batch.completionTokens = reply->usage.completionTokens;
    batch.fromCache = reply->fromCache;
    auto patched = applyReply(reply->content, ctx.sources);
    if (!patched) {
        batch.problem = patched.error().format();
        batch.rejected = patched.error().kind == PatchErrorKind::PathRejected;
        batch.reply = reply->content;
        return batch;
    }
    if (patched->changed.empty()) {
        batch.problem = "patch: the diff changes nothing";
        batch.reply = reply->content;
        return batch;
    }
    RepairCandidate c;
    c.origin = name();
    c.description = "LLM patch of " + fmt::format("{}", fmt::join(patched->changed, ", "));
    c.files = std::move(patched->files);
    c.reply = reply->content;
    batch.candidates.push_back(std::move(c));
    return batch;
}

}  // namespace veriloop::llm
