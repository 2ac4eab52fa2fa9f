#pragma once
// The interface behind which assertions are proposed (`veriloop assert --llm-url`), as
// proposer.h is for fixes: a proposer reads the design and what the built-in miner found and
// answers with properties, one `label: property` line each, in the concurrent subset the
// checker translates (see flows/property_mining.h, propertyFromSva). A proposer never builds
// or proves anything: flows/assertions.h does.

#include <string>
#include <vector>

#include <tl/expected.hpp>

#include "core/design.h"
#include "core/source.h"

namespace veriloop {

struct ProposedProperty {
    std::string label;     ///< as the proposer named it
    std::string property;  ///< e.g. "valid && !ready |=> $stable(data)"
};

struct AssertContext {
    const Design* design = nullptr;
    std::vector<SourceFile> sources;
    std::string signals;  ///< the top module's signals, one "name [width] (input)" line each
    std::string mined;    ///< the built-in miner's candidates, one property a line
};

class AssertionProposer {
public:
    virtual ~AssertionProposer() = default;
    virtual std::string name() const = 0;
    /// Properties to check; an error stops the run (no server, replay miss). `problem` says
    /// why a reply gave nothing usable.
    virtual tl::expected<std::vector<ProposedProperty>, std::string> propose(const AssertContext& context,
                                                                             std::string& problem) = 0;
};

}  // namespace veriloop
