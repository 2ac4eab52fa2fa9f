// Elaborates a design with slang and reads back what the site annotator needs: per module its
// variables (width, signedness, direction, parameter or not) and the byte offsets of the code
// the elaborated design contains. Only what the top instantiates is walked: a generate branch
// that is not taken and a module nobody instantiates leave no offsets behind.

#include "frontend/rtl/slang_elaboration.h"

#include <fmt/format.h>

#include <slang/compilation/Compilation.h>
#include <slang/diagnostics/DiagnosticEngine.h>
#include <slang/symbols/ASTVisitor.h>
#include <slang/symbols/CompilationUnitSymbols.h>
#include <slang/syntax/AllSyntax.h>
#include <slang/syntax/SyntaxTree.h>
#include <slang/syntax/SyntaxVisitor.h>
#include <slang/syntax/SyntaxVisitor.h>
#include <slang/text/SourceManager.h>
#include <slang/types/AllTypes.h>

namespace veriloop::rtl {

const VarInfo* ElaboratedModule::var(const std::string& n) const
{
    for (const auto& v : vars)
        if (v.name == n) return &v;
    return nullptr;
}

namespace {

// Only plain vectors (scalars, integers, one packed dimension of bits) and enums have a width
// a mutant may rely on; arrays and structs get none (-1), so no operator treats them as
// interchangeable with a vector.
int mutableWidth(const slang::Type& declared)
{
    const slang::Type& t = declared.getCanonicalType();
    if (t.isScalar() || t.isPredefinedInteger() || t.isEnum()) return static_cast<int>(t.getBitWidth());
    if (t.isPackedArray() && t.as<slang::PackedArrayType>().elementType.isScalar())
        return static_cast<int>(t.getBitWidth());
    return -1;
}

std::string directionName(slang::ArgumentDirection d)
{
    switch (d) {
    case slang::ArgumentDirection::In: return "input";
    case slang::ArgumentDirection::Out: return "output";
    case slang::ArgumentDirection::InOut: return "inout";
    case slang::ArgumentDirection::Ref: return "ref";
    }
    return {};
}

VarInfo valueInfo(const slang::ValueSymbol& value, bool param)
{
    VarInfo info;
    info.name = std::string(value.name);
    info.width = mutableWidth(value.getType());
    info.isSigned = value.getType().isSigned();
    const slang::Type& t = value.getType().getCanonicalType();
    if (t.isEnum()) info.enumType = t.toString();
    info.param = param;
    return info;
}

// The variables, nets and parameters declared at module level, ports carrying their direction.
ElaboratedModule moduleFacts(const slang::InstanceSymbol& instance)
{
    ElaboratedModule mod;
    mod.name = std::string(instance.getDefinition().name);
    for (const auto& member : instance.body.members()) {
        switch (member.kind) {
        case slang::SymbolKind::Variable:
        case slang::SymbolKind::Net:
            if (!mod.var(std::string(member.name)))
                mod.vars.push_back(valueInfo(member.as<slang::ValueSymbol>(), false));
            break;
        case slang::SymbolKind::Parameter:
            mod.vars.push_back(valueInfo(member.as<slang::ValueSymbol>(), true));
            break;
        default: break;
        }
    }
    for (const auto* portSymbol : instance.body.getPortList()) {
        if (portSymbol->kind != slang::SymbolKind::Port) continue;
        const auto& port = portSymbol->as<slang::PortSymbol>();
        for (auto& v : mod.vars)
            if (v.name == port.name) v.dir = directionName(port.direction);
    }
    return mod;
}

// Byte offsets of every token under a syntax node.
class TokenOffsets : public slang::SyntaxVisitor<TokenOffsets> {
public:
    TokenOffsets(const slang::SourceManager& sources, const std::map<uint32_t, int>& fileOfBuffer,
                 std::set<std::pair<int, uint32_t>>& out)
        : sources_(sources), fileOfBuffer_(fileOfBuffer), out_(out)
    {
    }

    void visitToken(slang::Token token)
    {
        const auto loc = token.location();
        if (!sources_.isFileLoc(loc)) return;  // inside a macro expansion: no site there
        auto file = fileOfBuffer_.find(loc.buffer().getId());
        if (file != fileOfBuffer_.end())
            out_.insert({file->second, static_cast<uint32_t>(loc.offset())});
    }

private:
    const slang::SourceManager& sources_;
    const std::map<uint32_t, int>& fileOfBuffer_;
    std::set<std::pair<int, uint32_t>>& out_;
};

// Walks the instance tree from the top. Every member of an elaborated scope (an always block,
// a continuous assignment, a function, an instance's connections) is live with all its
// tokens; a generate block that is not instantiated is skipped with everything in it. Members
// are read from their syntax, not from bound statements: slang 1.0 binds the statement of a
// case item that follows a multi-label item (`A, B: ...; C: ...`) to the wrong item.
class ElaborationWalker : public slang::ASTVisitor<ElaborationWalker, false, false> {
public:
    ElaborationWalker(TokenOffsets& tokens, ElaboratedDesign& out) : tokens_(tokens), out_(out) {}

    template<typename T>
    void handle(const T& node)
    {
        if constexpr (std::is_same_v<T, slang::GenerateBlockSymbol>) {
            if (!node.isInstantiated) return;
        }
        if constexpr (std::is_same_v<T, slang::InstanceSymbol>) {
            if (node.isModule()) {
                const std::string name(node.getDefinition().name);
                if (!out_.modules.count(name)) out_.modules[name] = moduleFacts(node);
            }
            noteMembers(node.body);
        }
        visitDefault(node);
    }

private:
    void noteMembers(const slang::Scope& scope)
    {
        for (const auto& member : scope.members()) {
            if (member.kind == slang::SymbolKind::GenerateBlock) {
                if (member.as<slang::GenerateBlockSymbol>().isInstantiated)
                    noteMembers(member.as<slang::GenerateBlockSymbol>());
            } else if (member.kind == slang::SymbolKind::GenerateBlockArray) {
                noteMembers(member.as<slang::GenerateBlockArraySymbol>());
            } else if (member.getSyntax()) {
                tokens_.visit(*member.getSyntax());
            }
        }
    }

    TokenOffsets& tokens_;
    ElaboratedDesign& out_;
};

// "file:line:col: message" of every error, relative to the design folder.
std::vector<std::string> errors(const slang::SourceManager& sources, const slang::Diagnostics& diags,
                                const std::filesystem::path& dir)
{
    std::vector<std::string> out;
    slang::DiagnosticEngine engine(sources);
    for (const auto& diag : diags) {
        if (!diag.isError()) continue;
        const std::string message = engine.formatMessage(diag);
        const auto loc = sources.getFullyOriginalLoc(diag.location);
        if (!sources.isFileLoc(loc)) {
            out.push_back(message);
            continue;
        }
        // slang may name the file relative to the working folder: compare absolute paths.
        const auto path = std::filesystem::absolute(std::string(sources.getRawFileName(loc.buffer()))).lexically_normal();
        const auto shown = path.lexically_relative(std::filesystem::absolute(dir).lexically_normal());
        out.push_back(fmt::format("{}:{}:{}: {}", shown.empty() ? path.string() : shown.string(),
                                  sources.getLineNumber(loc), sources.getColumnNumber(loc), message));
    }
    return out;
}

// The design's sources as slang buffers of one compilation unit, `include resolved from the
// design folder.
std::shared_ptr<slang::SyntaxTree> parseSources(const Design& design, const std::vector<SourceFile>& files,
                                                slang::SourceManager& sources, const slang::Bag& options,
                                                std::map<uint32_t, int>* fileOfBuffer = nullptr)
{
    sources.addUserDirectory(design.dir.string());
    std::vector<slang::SourceBuffer> buffers;
    for (size_t i = 0; i < files.size(); ++i) {
        buffers.push_back(sources.assignText((design.dir / files[i].path).string(), files[i].text));
        if (fileOfBuffer) (*fileOfBuffer)[buffers.back().id.getId()] = static_cast<int>(i);
    }
    return slang::SyntaxTree::fromBuffers(buffers, sources, options);
}

}  // namespace

tl::expected<ElaboratedDesign, Diagnostic> elaborateWithSlang(const Design& design)
{
    slang::SourceManager sources;
    std::map<uint32_t, int> fileOfBuffer;
    slang::CompilationOptions compilationOptions;
    compilationOptions.topModules.emplace(design.top);
    slang::Bag options;
    options.set(compilationOptions);
    auto tree = parseSources(design, design.sources, sources, options, &fileOfBuffer);
    slang::Compilation compilation(options);
    compilation.addSyntaxTree(tree);
    const auto& root = compilation.getRoot();
    const auto found = errors(sources, compilation.getAllDiagnostics(), design.dir);
    if (!found.empty())
        return tl::unexpected(makeDiag(DiagCode::FrontendRejected, "slang: " + found.front(),
                                       (design.dir / design.sources.front().path).string()));
    ElaboratedDesign out;
    TokenOffsets tokens(sources, fileOfBuffer, out.liveOffsets);
    ElaborationWalker walker(tokens, out);
    for (const auto* top : root.topInstances) top->visit(walker);
    return out;
}

std::vector<std::string> syntaxErrors(const Design& design, const std::vector<SourceFile>& files)
{
    slang::SourceManager sources;
    const auto tree = parseSources(design, files, sources, slang::Bag{});
    return errors(sources, tree->diagnostics(), design.dir);
}

int countAssertStatements(const std::string& text)
{
    struct Counter : public slang::SyntaxVisitor<Counter> {
        int count = 0;
        void handle(const slang::ImmediateAssertionStatementSyntax& s)
        {
            count += s.kind == slang::SyntaxKind::ImmediateAssertStatement;
            visitDefault(s);
        }
        void handle(const slang::ConcurrentAssertionStatementSyntax& s)
        {
            count += s.kind == slang::SyntaxKind::AssertPropertyStatement;
            visitDefault(s);
        }
    } counter;
    const auto tree = slang::SyntaxTree::fromText(text);
    tree->root().visit(counter);
    return counter.count;
}

std::string slangVersion()
{
    // Built from a source distribution without git metadata, the library calls itself 0.0.0.
    return "slang " VERILOOP_SLANG_VERSION;
}

}  // namespace veriloop::rtl
