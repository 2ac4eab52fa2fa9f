#pragma once
// `veriloop dataset report`: one self-contained HTML file (no network, no external scripts or
// styles) with inline-SVG plots and a filterable table of the samples with their diffs and
// evidence.

#include <string>

#include "dataset/database.h"

namespace veriloop {

struct ReportOptions {
    std::string title = "veriloop dataset report";
    std::string dbPath;        // shown in the header
    size_t maxSamples = 20000; // table rows (the plots always count everything)
};

std::string datasetReportHtml(Database& db, const ReportOptions& options);

}  // namespace veriloop
