#pragma once
// The LLM proposer: fills the repair prompt (repair_system_v1 + repair_v1) with the design
// sources, the evidence and the suspicious lines, asks an OpenAI-compatible server through
// LlmClient (cache and replay included), and turns the reply into a candidate with the
// existing patch parsing (extractDiff → parseUnifiedDiff → applyPatch on the design's own
// files). Earlier attempts become the conversation: each one is the assistant's reply followed
// by a user message (repair_feedback_v1) saying what failed. Structured output
// (response_format json_schema {diff, explanation}) is asked for first; a server that answers
// HTTP 400 to it is asked again without it and the fenced diff in the reply is used.

#include <memory>
#include <string>

#include "llm_client/client.h"
#include "llm_client/proposer.h"

namespace veriloop::llm {

struct LlmProposerOptions {
    bool structuredOutput = true;  ///< send response_format json_schema (falls back on HTTP 400)
    size_t maxSourceBytes = 60'000;  ///< design text beyond this is cut from the prompt
};

class LlmProposer final : public Proposer {
public:
    LlmProposer(LlmClient client, LlmProposerOptions options = {});

    std::string name() const override;
    ProposalBatch propose(const RepairContext& context) override;

    /// The messages of the request propose() sends for `context` (exposed for tests).
    tl::expected<std::vector<ChatMessage>, std::string> buildMessages(
        const RepairContext& context) const;

private:
    LlmClient client_;
    LlmProposerOptions options_;
    bool structured_;
};

/// The design files as they appear in a prompt: one fenced block per file, exact text.
std::string formatDesignForPrompt(const std::vector<SourceFile>& files, size_t maxBytes);

}  // namespace veriloop::llm
