#pragma once
// The LLM optimizer: fills the optimization prompt (optimize_system_v1 + optimize_v1) with the
// design sources, their synthesis numbers and the proposals that were not kept (with the
// counterexample or the reason), asks an OpenAI-compatible server through LlmClient (cache
// and replay included) and turns the reply's diff into one candidate, with the same patch
// parsing as the repair proposer. One request per round.

#include <string>

#include "llm_client/client.h"
#include "llm_client/optimization_proposer.h"

namespace veriloop::llm {

class LlmOptimizer final : public OptimizationProposer {
public:
    explicit LlmOptimizer(LlmClient client, size_t maxSourceBytes = 60'000);

    std::string name() const override;
    tl::expected<std::vector<OptimizeCandidate>, std::string> propose(const OptimizeContext& context,
                                                                      std::string& problem) override;

    /// The messages of the request propose() sends (exposed for tests).
    tl::expected<std::vector<ChatMessage>, std::string> buildMessages(const OptimizeContext& context) const;

private:
    LlmClient client_;
    size_t maxSourceBytes_;
};

}  // namespace veriloop::llm
