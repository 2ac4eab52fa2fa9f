#include "core/diagnostic.h"

#include <fmt/format.h>

namespace veriloop {

std::string_view diagCodeName(DiagCode code)
{
    switch (code) {
    case DiagCode::DesignTomlMissing: return "VL001";
    case DiagCode::DesignTomlInvalid: return "VL002";
    case DiagCode::SourceMissing: return "VL003";
    case DiagCode::FrontendRejected: return "VL004";
    case DiagCode::TestbenchFailsOriginal: return "VL005";
    case DiagCode::TestbenchTimeout: return "VL006";
    case DiagCode::BuildFailed: return "VL007";
    case DiagCode::NoDesigns: return "VL008";
    case DiagCode::EditMismatch: return "VL009";
    case DiagCode::FormalSetupError: return "VL010";
    case DiagCode::UnsupportedConstruct: return "VL011";
    case DiagCode::ToolMissing: return "VL012";
    case DiagCode::DatabaseError: return "VL013";
    case DiagCode::InvalidOption: return "VL014";
    case DiagCode::NothingToDebug: return "VL015";
    case DiagCode::PathOutsideDesign: return "VL016";
    case DiagCode::Interrupted: return "VL017";
    case DiagCode::InternalError: return "VL018";
    }
    return "VL000";
}

static std::string_view kindWord(DiagKind kind)
{
    switch (kind) {
    case DiagKind::UserError: return "error";
    case DiagKind::Unsupported: return "unsupported";
    case DiagKind::Warning: return "warning";
    case DiagKind::Note: return "note";
    }
    return "error";
}

std::string Diagnostic::format() const
{
    std::string where;
    if (!file.empty()) {
        where = file;
        if (line > 0) where += fmt::format(":{}", line);
        if (column > 0) where += fmt::format(":{}", column);
        where += ": ";
    }
    return fmt::format("{}{} {}: {}", where, kindWord(kind), diagCodeName(code), message);
}

Diagnostic makeDiag(DiagCode code, std::string message, std::string file, int line, int column)
{
    Diagnostic d;
    d.code = code;
    d.message = std::move(message);
    d.file = std::move(file);
    d.line = line;
    d.column = column;
    return d;
}

}  // namespace veriloop
