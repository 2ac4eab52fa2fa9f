#pragma once
// A mutant: labeled edits to a design's sources plus the runtime alternatives that put it in
// a mutant schema (all mutants of a design in one build, chosen by a selector at run time).

#include <string>
#include <vector>

#include "core/source.h"

namespace veriloop {

/// One runtime alternative: while the selector names this mutant, `range` reads `altText`.
struct SchemaChoice {
    ByteRange range;
    bool isStatement = false;
    std::string altText;
};

/// How a mutant is confirmed: a runtime choice in the mutant schema, a build of its own, or
/// (HLS pragmas, which do not change C simulation) the pragma rule checker.
enum class MutantCheck { Schema, Standalone, StaticRule };

struct Mutant {
    std::string id;          // operator:file:line:col-line:col:hash, stable and readable
    std::string operatorId;  // e.g. rtl-relop-lt-to-le
    std::string bugClass;    // e.g. relational
    std::string description; // one line, natural language
    std::string module;
    std::string file;        // path relative to the design folder
    int line = 0, column = 0, endLine = 0, endColumn = 0;
    std::string originalText;  // text of the site before the mutation
    std::string mutatedText;   // and after
    std::vector<Edit> edits;            // standalone edits on the original sources
    std::vector<SchemaChoice> choices;  // the same change as schema alternatives
    std::string sourcesHash;            // identity of the mutated sources (deduplication key)
    MutantCheck check = MutantCheck::Schema;
};

}  // namespace veriloop
