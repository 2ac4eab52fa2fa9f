#pragma once
// Mutation operators and their registry. A new operator is one file (or one table row) plus
// one registration line; `--list`, `--operators GROUP` and the docs all come from here.

#include <memory>
#include <string>
#include <vector>

#include <tl/expected.hpp>

#include "core/hls_model.h"
#include "core/mutant.h"
#include "core/site.h"
#include "core/source.h"

namespace veriloop {

struct OperatorInfo {
    std::string id;        // family-kebab-name, e.g. rtl-relop-lt-to-le
    std::string bugClass;  // one of bugClasses()
    std::string summary;   // one line
    std::vector<std::string> groups;  // besides `all`: default, arith, boundary, ...

    /// HLS C++ operators are named hls-*, RTL operators rtl-*.
    bool forHls() const { return id.rfind("hls-", 0) == 0; }
};

/// One proposed change at a site, before it becomes a Mutant.
struct Proposal {
    std::vector<Edit> edits;
    /// A noun phrase ("the comparison"): the mutant's description becomes
    /// "the comparison `a < b` became `a <= b`". With `sentence` set, it is used as it is.
    std::string description;
    bool sentence = false;
    /// Explicit schema alternatives; when empty, each edit's site choice range is used with
    /// the edit applied inside it.
    std::vector<SchemaChoice> choices;
    /// How the mutant is checked: in the schema (default), built on its own (a change the
    /// schema cannot choose at run time, e.g. a declaration's type), or by the static rules.
    MutantCheck check = MutantCheck::Schema;
};

struct MutationContext {
    const std::vector<SourceFile>* files = nullptr;
    uint64_t seed = 1;
    const HlsAnalysis* hls = nullptr;  // HLS designs: the frontend's view of the kernel
};

class MutationOperator {
public:
    virtual ~MutationOperator() = default;
    virtual const OperatorInfo& info() const = 0;
    /// Appends the proposals this operator makes at `site` (none when it does not apply).
    virtual void propose(const Site& site, const MutationContext& ctx,
                         std::vector<Proposal>& out) const = 0;
};

class OperatorRegistry {
public:
    static OperatorRegistry& instance();
    void add(std::unique_ptr<MutationOperator> op);
    const std::vector<std::unique_ptr<MutationOperator>>& all() const { return ops_; }
    const MutationOperator* find(const std::string& id) const;
    /// Comma-separated group names and/or operator ids; unknown names are an error that
    /// lists the known groups.
    tl::expected<std::vector<const MutationOperator*>, std::string> select(
        const std::string& spec) const;
    std::vector<std::string> groups() const;

private:
    std::vector<std::unique_ptr<MutationOperator>> ops_;
};

/// Static registration: `static RegisterOperator reg(std::make_unique<MyOp>());`
struct RegisterOperator {
    explicit RegisterOperator(std::unique_ptr<MutationOperator> op)
    {
        OperatorRegistry::instance().add(std::move(op));
    }
};

/// The bug classes of the RTL and HLS taxonomies, with a one-line meaning each.
const std::vector<std::pair<std::string, std::string>>& bugClasses();

/// An edit of `site.token` to `newText`.
Edit editToken(const Site& site, std::string newText);

}  // namespace veriloop
