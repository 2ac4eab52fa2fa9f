#pragma once
// `veriloop dataset build`: corpus folder in, labeled mutants in SQLite out.

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "core/diagnostic.h"
#include "core/progress.h"

namespace veriloop {

struct DatasetBuildOptions {
    std::filesystem::path db;
    std::filesystem::path workRoot;      // scratch: builds, formal work; default <db>.work
    uint64_t seed = 1;
    size_t maxPerDesign = 0;
    std::string operators = "default";
    std::filesystem::path hlsInclude;     // HLS headers; empty: veriloop's own
    int jobs = 1;
    bool formal = true;
    int formalBound = 20;
    double formalTimeout = 60;
    int shardIndex = 0, shardCount = 1;
    size_t designLimit = 0;               // 0: every design; N: N designs spread evenly over the
                                          // sorted list (the --quick slice)
    ProgressMode progress = ProgressMode::Quiet;  // the status line on stderr; Quiet also
                                                  // drops the per-design info lines
    std::string commandLine;              // recorded with the run
};

struct DatasetBuildSummary {
    int designsFound = 0;
    int designsLabeled = 0;
    int designsUpToDate = 0;
    int designsSkipped = 0;
    size_t mutantsLabeled = 0;            // verdicts recorded by this run
    bool interrupted = false;             // stopped by Ctrl-C; the next run resumes
    std::vector<Diagnostic> problems;
};

/// Labels every design found under `roots`. Problems with one design are reported and the
/// rest proceed. Each verdict is committed as it is decided; after an interrupt
/// (installInterruptHandler) the runs in flight finish, are committed, and the build stops.
DatasetBuildSummary buildDataset(const std::vector<std::filesystem::path>& roots,
                                 const DatasetBuildOptions& options,
                                 const std::function<void(const std::string&)>& log);

}  // namespace veriloop
