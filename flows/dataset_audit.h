#pragma once
// `veriloop dataset audit`: an independent re-check of a dataset's labels, each in builds of
// its own (never the labeling's schema): a sample of `killed` mutants must fail again; every
// formal counterexample must replay in a fresh Verilator build; every `equivalent` must show no
// difference over more random cycles and seeds than labeling used (and, when Icarus is
// installed, none in Icarus either: 4-state-only differences are counted apart, never as false
// labels); a sample of HLS `survived` mutants is rebuilt at -O0 in every C-simulation flavor.

#include <filesystem>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include <tl/expected.hpp>

#include "core/diagnostic.h"
#include "core/progress.h"

namespace veriloop {

struct AuditOptions {
    std::filesystem::path db;
    std::filesystem::path workDir;   // scratch; removed afterwards
    std::filesystem::path hlsInclude;
    size_t samplePerDesign = 2;      // killed (and HLS survived) mutants re-checked per design
    int jobs = 1;
    std::vector<std::string> designs;  // only these (empty: all)
    ProgressMode progress = ProgressMode::Quiet;  // status line on stderr (core/progress.h)
};

struct AuditCount {
    int checked = 0, confirmed = 0, falseLabels = 0, inconclusive = 0, fourStateOnly = 0;
};

struct AuditFinding {
    std::string mutantId, design, verdict, check, detail;
};

struct AuditReport {
    std::map<std::string, AuditCount> byVerdict;  // killed, nonequivalent, equivalent, survived
    std::vector<AuditFinding> falseLabels;
    std::vector<AuditFinding> inconclusive;
    std::vector<std::string> designsSkipped;      // with the reason
    int falseTotal() const;
};

tl::expected<AuditReport, Diagnostic> auditDataset(
    const AuditOptions& options, const std::function<void(const std::string&)>& log);

std::string auditReportText(const AuditReport& report);
std::string auditReportJson(const AuditReport& report);

}  // namespace veriloop
