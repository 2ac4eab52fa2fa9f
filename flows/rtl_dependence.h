#pragma once
// What each assignment of an RTL design writes and reads, from the parser's sites: the
// assigned names, the names its right-hand side, its indices and the conditions that guard it
// read, and the lines of those guards. Enough to follow a wrong value back to the lines that
// made it (fault localization); not an elaborated netlist (names are matched per module text).

#include <set>
#include <string>
#include <vector>

#include "core/site.h"
#include "core/source.h"

namespace veriloop {

struct AssignmentFacts {
    int file = -1;
    int line = 0;                      ///< of the assignment operator / right-hand side
    std::string module;
    std::vector<std::string> targets;  ///< assigned names ("data_q" for data_q[i] <= ...)
    std::set<std::string> reads;       ///< names read: right-hand side, indices, guards
    bool constant = false;             ///< a parameter/localparam declaration (no reads)
    bool registered = false;           ///< non-blocking: reads the values before the edge
    bool inReset = false;              ///< in the branch taken while reset is active
    struct Guard {
        int line = 0;
        bool isReset = false;          ///< the condition reads the reset signal
    };
    std::vector<Guard> guards;         ///< the enclosing `if`s and case items
};

/// One entry per procedural assignment, continuous assignment and parameter value among
/// `sites` (a parameter with several numbers in its value is one entry).
std::vector<AssignmentFacts> rtlAssignments(const std::vector<Site>& sites,
                                            const std::vector<SourceFile>& files);

}  // namespace veriloop
