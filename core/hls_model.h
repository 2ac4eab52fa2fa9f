#pragma once
// What the HLS frontend learns about a kernel: the top function's interface, loops, arrays,
// array accesses (with affine index forms) and `#pragma HLS` directives. Mutation operators
// and the pragma rule checker read it; only the frontend (Clang) writes it.

#include <map>
#include <string>
#include <vector>

#include "core/site.h"
#include "core/source.h"

namespace veriloop {

struct HlsParam {
    std::string name;
    std::string type;               // as written, e.g. "ap_uint<8>", "hls::stream<int> &"
    std::vector<long> arrayDims;    // int a[8][4] -> {8, 4}; empty for scalars
    bool isPointer = false;
    bool isStream = false;

    bool isScalar() const { return arrayDims.empty() && !isPointer && !isStream; }
};

struct HlsFunction {
    std::string name;
    ByteRange range;
    int line = 0;
    bool isTop = false;
    std::vector<HlsParam> params;
    uint32_t bodyInsert = 0;        // just past the body's `{`
};

struct HlsLoop {
    std::string label;       // `row_loop:` or empty
    std::string function;    // enclosing function
    ByteRange range;         // the whole loop statement
    ByteRange body;          // its body
    int line = 0;
    int depth = 0;           // 0 for an outermost loop
    int parent = -1;         // index of the enclosing loop, -1 at function level
    std::string inductionVar;
    long start = 0;          // constant initial value of the induction variable (else 0)
    long tripCount = -1;     // constant trip count when the bounds are constants, else -1
    long step = 0;           // constant increment (`i++` = 1, `i += 4` = 4), 0 when unknown
    bool bodyIsCompound = false;
    uint32_t bodyInsert = 0; // just past the body's `{` when bodyIsCompound
    bool bodyOnlyCalls = false;  // every statement of the body is a function call
    int bodyStatements = 0;      // statements directly in the body (1 for a non-compound body)
    // `for (int i = A; i < B; i++)`: the text between the parentheses and A, B as written.
    ByteRange header;
    std::string startText, boundText;

    std::string name() const { return label.empty() ? "loop at line " + std::to_string(line) : label; }
};

struct HlsArray {
    std::string name;
    std::string function;
    std::vector<long> dims;
    bool isParam = false;
    int line = 0;
};

/// An index as `constant + sum(coeff * var)` over loop induction variables and scalar
/// parameters; `affine` is false when the index depends on data (e.g. `hist[bin]`).
struct AffineIndex {
    bool affine = false;
    long constant = 0;
    std::map<std::string, long> coeffs;
    std::string text;
};

struct HlsAccess {
    std::string array;
    std::string function;
    int loop = -1;                    // innermost enclosing loop
    std::vector<AffineIndex> indices;  // one per subscript, outermost first
    bool isWrite = false;
    bool isRead = true;
    int line = 0;
};

struct HlsPragma {
    std::string directive;                    // PIPELINE, UNROLL, ARRAY_PARTITION, ...
    std::map<std::string, std::string> args;  // variable=buf type=cyclic factor=4 ...
    std::vector<std::string> flags;           // bare words: `complete`, `cyclic`, `ap_fifo`, ...
    ByteRange range;                          // the whole `#pragma HLS ...` line
    int line = 0;
    std::string function;                     // enclosing function
    int loop = -1;                            // index into loops of the innermost enclosing loop

    std::string arg(const std::string& key) const
    {
        auto it = args.find(key);
        return it == args.end() ? std::string() : it->second;
    }
    bool hasFlag(const std::string& f) const;
    /// The interface mode (`mode=m_axi` or the bare `m_axi`) of an INTERFACE pragma.
    std::string interfaceMode() const;
    /// The partition type (`type=cyclic` or the bare `cyclic`) of an ARRAY_PARTITION pragma.
    std::string partitionType() const;
};

struct HlsAnalysis {
    std::vector<HlsFunction> functions;
    std::vector<HlsLoop> loops;
    std::vector<HlsArray> arrays;
    std::vector<HlsAccess> accesses;
    std::vector<HlsPragma> pragmas;
    std::vector<Site> sites;

    const HlsFunction* function(const std::string& name) const;
    const HlsArray* array(const std::string& function, const std::string& name) const;
    /// Whether loop `inner` is `outer` or nested in it.
    bool within(int inner, int outer) const;
    /// Index of the PIPELINE pragma that applies to loop `loop`, or -1.
    int pipelineOf(int loop) const;
};

/// `#pragma HLS ...` lines of a source text, with their directives and arguments.
std::vector<HlsPragma> scanHlsPragmas(const std::string& text, int file);

}  // namespace veriloop
