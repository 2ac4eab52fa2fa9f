#pragma once
// Small helpers every gate check uses to report in one shape.

#include <string>

#include "flows/gate/gate.h"

namespace veriloop {

inline GateCheckResult gateResult(GateStatus status, std::string summary)
{
    GateCheckResult r;
    r.status = status;
    r.summary = std::move(summary);
    return r;
}

/// A finding at a design-relative file and position (line 0: the file as a whole). Its
/// fingerprint is `key` when given, else the rule, file and message (no line: a finding keeps
/// its fingerprint when unrelated edits move it).
GateFinding gateFinding(const GateDesignContext& ctx, std::string ruleId, std::string message,
                        const std::string& designFile, int line = 0, int column = 0,
                        int endLine = 0, int endColumn = 0, const std::string& key = {});

/// The first changed line of the design (file, line): where a whole-design finding points.
std::pair<std::string, int> firstChangedLine(const GateDesignContext& ctx);

}  // namespace veriloop
