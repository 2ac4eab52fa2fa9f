#include "flows/gate/gate_check_kit.h"

#include "core/source.h"

namespace veriloop {

GateFinding gateFinding(const GateDesignContext& ctx, std::string ruleId, std::string message,
                        const std::string& designFile, int line, int column, int endLine,
                        int endColumn, const std::string& key)
{
    GateFinding f;
    f.ruleId = std::move(ruleId);
    f.message = std::move(message);
    f.file = designFile.empty() ? std::string{} : ctx.repoPath(designFile);
    f.line = line;
    f.column = column;
    f.endLine = endLine;
    f.endColumn = endColumn;
    f.fingerprint = contentHash(f.ruleId + "\n" + f.file + "\n" + (key.empty() ? f.message : key));
    return f;
}

std::pair<std::string, int> firstChangedLine(const GateDesignContext& ctx)
{
    for (const auto& [file, spans] : ctx.target.changedLines)
        if (!spans.empty()) return {file, spans.front().first};
    return {ctx.head.sources.empty() ? std::string{} : ctx.head.sources.front().path, 0};
}

}  // namespace veriloop
