#pragma once
// The LLM assertion proposer: fills assert_system_v1 + assert_v1 with the design, the top
// module's signals and what the built-in miner found, asks an OpenAI-compatible server through
// LlmClient (cache and replay included) and reads `label: property` lines from the reply.

#include <string>

#include "llm_client/assertion_proposer.h"
#include "llm_client/client.h"

namespace veriloop::llm {

class LlmAsserter final : public AssertionProposer {
public:
    explicit LlmAsserter(LlmClient client, size_t maxSourceBytes = 60'000);

    std::string name() const override;
    tl::expected<std::vector<ProposedProperty>, std::string> propose(const AssertContext& context,
                                                                     std::string& problem) override;

private:
    LlmClient client_;
    size_t maxSourceBytes_;
};

/// The `label: property` lines of a reply (fence lines and prose without a label skipped), at
/// most `max`.
std::vector<ProposedProperty> parsePropertyLines(const std::string& reply, size_t max = 20);

}  // namespace veriloop::llm
