// Clang LibTooling frontend for HLS C++. Each .cpp source of the design is parsed into an
// ASTUnit with the HLS include path; one read-only RecursiveASTVisitor walks the main file's
// function bodies and records functions, loops, arrays and mutation sites. Ranges come from
// clang's SourceManager (end = end of the last token); anything that starts or ends inside a
// macro expansion is skipped, so an edit never lands in one. Pragmas are a preprocessor-level
// construct, read from the exact source text and tied to the innermost enclosing loop.

#include "frontend/hls/hls_frontend.h"

#include <regex>
#include <sstream>

#include <clang/AST/ASTContext.h>
#include <clang/AST/ParentMapContext.h>
#include <clang/AST/RecursiveASTVisitor.h>
#include <clang/Basic/SourceManager.h>
#include <clang/Frontend/ASTUnit.h>
#include <clang/Lex/Lexer.h>
#include <clang/Frontend/PCHContainerOperations.h>
#include <clang/Tooling/ArgumentsAdjusters.h>
#include <clang/Tooling/Tooling.h>
#include <fmt/format.h>

namespace veriloop::hls {

std::filesystem::path defaultHlsIncludeDir()
{
    return std::filesystem::path(VERILOOP_SOURCE_DIR) / "frontend/hls/include";
}

std::vector<HlsPragma> scanHlsPragmas(const std::string& text, int file)
{
    std::vector<HlsPragma> out;
    static const std::regex pragmaRe(R"(^[ \t]*#[ \t]*pragma[ \t]+HLS[ \t]+(\w+)([^\n]*))",
                                     std::regex::icase);
    static const std::regex argRe(R"((\w+)(?:[ \t]*=[ \t]*([^\s]+))?)");
    size_t offset = 0;
    int line = 1;
    std::istringstream in(text);
    std::string l;
    while (std::getline(in, l)) {
        std::smatch m;
        if (std::regex_search(l, m, pragmaRe)) {
            HlsPragma p;
            p.directive = m[1].str();
            for (auto& c : p.directive) c = static_cast<char>(std::toupper(c));
            const std::string rest = m[2].str();
            for (auto it = std::sregex_iterator(rest.begin(), rest.end(), argRe);
                 it != std::sregex_iterator(); ++it) {
                std::string key = (*it)[1].str();
                for (auto& c : key) c = static_cast<char>(std::tolower(c));
                p.args[key] = (*it)[2].str();
            }
            p.range = ByteRange{file, static_cast<uint32_t>(offset),
                                static_cast<uint32_t>(offset + l.size())};
            p.line = line;
            out.push_back(std::move(p));
        }
        offset += l.size() + 1;
        ++line;
    }
    return out;
}

namespace {

using namespace clang;

class SiteCollector final : public RecursiveASTVisitor<SiteCollector> {
public:
    SiteCollector(ASTContext& ctx, const SourceFile& src, int file, const std::string& top,
                  HlsAnalysis& out)
        : ctx_(ctx), sm_(ctx.getSourceManager()), src_(src), file_(file), top_(top), out_(out)
    {
    }

    bool TraverseTypeLoc(TypeLoc) { return true; }  // sizes and template arguments are types

    // Only the kernel's own file: the HLS headers' code is not the design.
    bool TraverseDecl(Decl* d)
    {
        if (!d || isa<TranslationUnitDecl>(d)) return RecursiveASTVisitor::TraverseDecl(d);
        const SourceLocation loc = sm_.getSpellingLoc(d->getLocation());
        if (loc.isValid() && sm_.getFileID(loc) != sm_.getMainFileID()) return true;
        return RecursiveASTVisitor::TraverseDecl(d);
    }

    bool TraverseFunctionDecl(FunctionDecl* fd)
    {
        if (!fd->hasBody() || !fd->isThisDeclarationADefinition() ||
            sm_.getFileID(sm_.getSpellingLoc(fd->getLocation())) != sm_.getMainFileID())
            return true;
        function_ = fd->getNameAsString();
        recordFunction(fd);
        RecursiveASTVisitor::TraverseStmt(fd->getBody());
        function_.clear();
        return true;
    }

    bool TraverseForStmt(ForStmt* s) { return traverseLoop(s, s->getBody(), s->getCond(), s->getInit()); }
    bool TraverseWhileStmt(WhileStmt* s) { return traverseLoop(s, s->getBody(), s->getCond(), nullptr); }
    bool TraverseDoStmt(DoStmt* s) { return traverseLoop(s, s->getBody(), s->getCond(), nullptr); }

    bool VisitIfStmt(IfStmt* s)
    {
        addSite(SiteKind::Condition, s->getCond()->getSourceRange(), s->getCond()->getSourceRange());
        return true;
    }

    bool VisitConditionalOperator(ConditionalOperator* c)
    {
        addSite(SiteKind::Condition, c->getCond()->getSourceRange(), c->getCond()->getSourceRange());
        return true;
    }

    bool VisitBinaryOperator(BinaryOperator* b)
    {
        if (b->isCommaOp()) return true;
        const SourceLocation op = b->getOperatorLoc();
        const SourceRange tokenRange(op, op);
        if (b->isAssignmentOp() && !b->isCompoundAssignmentOp()) return true;
        addSite(SiteKind::BinaryOp, tokenRange, b->getSourceRange());
        return true;
    }

    bool VisitUnaryOperator(UnaryOperator* u)
    {
        if (u->getOpcode() == UO_LNot || u->getOpcode() == UO_Not || u->isIncrementDecrementOp())
            addSite(SiteKind::UnaryOp, SourceRange(u->getOperatorLoc(), u->getOperatorLoc()),
                    u->getSourceRange());
        return true;
    }

    bool VisitIntegerLiteral(IntegerLiteral* lit)
    {
        addSite(SiteKind::Literal, lit->getSourceRange(), lit->getSourceRange());
        return true;
    }

    bool VisitArraySubscriptExpr(ArraySubscriptExpr* a)
    {
        addSite(SiteKind::ArrayIndex, a->getIdx()->getSourceRange(), a->getIdx()->getSourceRange());
        return true;
    }

    bool VisitDeclRefExpr(DeclRefExpr* ref)
    {
        const auto* var = dyn_cast<VarDecl>(ref->getDecl());
        if (!var || !var->getType()->isIntegerType()) return true;
        Site* s = addSite(SiteKind::Identifier, ref->getSourceRange(), ref->getSourceRange());
        if (s) {
            s->width = static_cast<int>(ctx_.getTypeSize(var->getType()));
            s->isSigned = var->getType()->isSignedIntegerType();
            s->target = var->getType().getAsString();
        }
        return true;
    }

    bool VisitVarDecl(VarDecl* v)
    {
        if (function_.empty()) return true;
        if (const auto* arr = ctx_.getAsConstantArrayType(v->getType())) {
            HlsArray a;
            a.name = v->getNameAsString();
            a.function = function_;
            a.dims = dimsOf(arr);
            a.isParam = isa<ParmVarDecl>(v);
            a.line = static_cast<int>(sm_.getSpellingLineNumber(v->getLocation()));
            out_.arrays.push_back(a);
        }
        return true;
    }

    bool VisitCompoundStmt(CompoundStmt* body)
    {
        for (Stmt* st : body->body()) {
            const auto* b = dyn_cast<BinaryOperator>(st);
            const auto* call = dyn_cast<CXXOperatorCallExpr>(st);
            const bool assignment = (b && b->isAssignmentOp()) ||
                                    (call && call->isAssignmentOp());
            if (!assignment) continue;
            // The statement with its `;`, deleted by the statement operators.
            SourceLocation semi = Lexer::findLocationAfterToken(
                st->getEndLoc(), tok::semi, sm_, ctx_.getLangOpts(), false);
            if (semi.isInvalid()) continue;
            Site* s = addSite(SiteKind::ProcAssign, SourceRange(st->getBeginLoc(), semi.getLocWithOffset(-1)),
                              SourceRange(st->getBeginLoc(), semi.getLocWithOffset(-1)));
            if (s) s->choiceIsStatement = true;
        }
        return true;
    }

private:
    std::vector<long> dimsOf(const ConstantArrayType* arr) const
    {
        std::vector<long> dims;
        while (arr) {
            dims.push_back(static_cast<long>(arr->getSize().getZExtValue()));
            arr = ctx_.getAsConstantArrayType(arr->getElementType());
        }
        return dims;
    }

    void recordFunction(FunctionDecl* fd)
    {
        HlsFunction f;
        f.name = fd->getNameAsString();
        f.isTop = f.name == top_;
        f.line = static_cast<int>(sm_.getSpellingLineNumber(fd->getLocation()));
        if (auto r = byteRange(fd->getSourceRange())) f.range = *r;
        for (const ParmVarDecl* p : fd->parameters()) {
            HlsParam hp;
            hp.name = p->getNameAsString();
            hp.type = p->getOriginalType().getAsString();
            QualType t = p->getOriginalType();
            if (const auto* arr = ctx_.getAsConstantArrayType(t)) hp.arrayDims = dimsOf(arr);
            hp.isPointer = t->isPointerType() && hp.arrayDims.empty();
            hp.isStream = hp.type.find("stream<") != std::string::npos;
            f.params.push_back(hp);
        }
        out_.functions.push_back(f);
    }

    bool traverseLoop(Stmt* loop, Stmt* body, Expr* cond, Stmt* init)
    {
        if (function_.empty()) return true;
        HlsLoop l;
        l.function = function_;
        l.depth = depth_;
        l.line = static_cast<int>(sm_.getSpellingLineNumber(loop->getBeginLoc()));
        if (auto r = byteRange(loop->getSourceRange())) l.range = *r;
        if (auto r = byteRange(body->getSourceRange())) l.body = *r;
        if (const auto* ds = dyn_cast_or_null<DeclStmt>(init); ds && ds->isSingleDecl())
            if (const auto* v = dyn_cast<VarDecl>(ds->getSingleDecl())) l.inductionVar = v->getNameAsString();
        l.tripCount = constantTripCount(init, cond);
        l.label = labelOf(loop);
        if (cond) addSite(SiteKind::Condition, cond->getSourceRange(), cond->getSourceRange());
        out_.loops.push_back(l);
        ++depth_;
        RecursiveASTVisitor::TraverseStmt(init);
        RecursiveASTVisitor::TraverseStmt(body);
        if (cond && isa<WhileStmt, DoStmt>(loop)) RecursiveASTVisitor::TraverseStmt(cond);
        if (auto* f = dyn_cast<ForStmt>(loop)) {
            RecursiveASTVisitor::TraverseStmt(f->getCond());
            RecursiveASTVisitor::TraverseStmt(f->getInc());
        }
        --depth_;
        return true;
    }

    // for (int i = A; i < B; ++i) with literal A and B.
    long constantTripCount(Stmt* init, Expr* cond) const
    {
        const auto* ds = dyn_cast_or_null<DeclStmt>(init);
        const auto* bo = dyn_cast_or_null<BinaryOperator>(cond ? cond->IgnoreParenImpCasts() : nullptr);
        if (!ds || !ds->isSingleDecl() || !bo) return -1;
        const auto* v = dyn_cast<VarDecl>(ds->getSingleDecl());
        if (!v || !v->getInit()) return -1;
        Expr::EvalResult lo, hi;
        if (!v->getInit()->EvaluateAsInt(lo, ctx_) || !bo->getRHS()->EvaluateAsInt(hi, ctx_)) return -1;
        const long a = lo.Val.getInt().getExtValue();
        const long b = hi.Val.getInt().getExtValue();
        if (bo->getOpcode() == BO_LT) return std::max(0L, b - a);
        if (bo->getOpcode() == BO_LE) return std::max(0L, b - a + 1);
        return -1;
    }

    std::string labelOf(Stmt* loop) const
    {
        const auto parents = ctx_.getParents(*loop);
        if (parents.empty()) return {};
        if (const auto* ls = parents[0].get<LabelStmt>()) return ls->getName();
        return {};
    }

    std::optional<ByteRange> byteRange(SourceRange r) const
    {
        if (r.isInvalid() || r.getBegin().isMacroID() || r.getEnd().isMacroID()) return std::nullopt;
        if (!sm_.isWrittenInMainFile(r.getBegin())) return std::nullopt;
        const SourceLocation end =
            Lexer::getLocForEndOfToken(r.getEnd(), 0, sm_, ctx_.getLangOpts());
        if (end.isInvalid()) return std::nullopt;
        return ByteRange{file_, sm_.getFileOffset(r.getBegin()), sm_.getFileOffset(end)};
    }

    Site* addSite(SiteKind kind, SourceRange token, SourceRange choice)
    {
        if (function_.empty()) return nullptr;
        auto t = byteRange(token);
        auto c = byteRange(choice);
        if (!t || !c || t->end > src_.text.size()) return nullptr;
        Site s;
        s.kind = kind;
        s.module = function_;
        s.token = *t;
        s.choice = *c;
        s.text = src_.text.substr(t->begin, t->end - t->begin);
        s.line = static_cast<int>(sm_.getSpellingLineNumber(token.getBegin()));
        s.column = static_cast<int>(sm_.getSpellingColumnNumber(token.getBegin()));
        out_.sites.push_back(std::move(s));
        return &out_.sites.back();
    }

    ASTContext& ctx_;
    SourceManager& sm_;
    const SourceFile& src_;
    int file_;
    std::string top_;
    HlsAnalysis& out_;
    std::string function_;
    int depth_ = 0;
};

// Records the first error clang reports, located in the design's files.
class FirstErrorConsumer final : public DiagnosticConsumer {
public:
    void HandleDiagnostic(DiagnosticsEngine::Level level, const clang::Diagnostic& info) override
    {
        DiagnosticConsumer::HandleDiagnostic(level, info);
        if (level < DiagnosticsEngine::Error || error) return;
        llvm::SmallString<200> text;
        info.FormatDiagnostic(text);
        Diagnostic d = makeDiag(DiagCode::FrontendRejected, "clang: " + std::string(text.str()));
        if (info.hasSourceManager() && info.getLocation().isValid()) {
            const PresumedLoc p = info.getSourceManager().getPresumedLoc(info.getLocation());
            if (p.isValid()) {
                d.file = p.getFilename();
                d.line = static_cast<int>(p.getLine());
                d.column = static_cast<int>(p.getColumn());
            }
        }
        error = d;
    }
    std::optional<Diagnostic> error;
};

// Pragmas belong to the innermost loop whose body holds them, else to the enclosing function.
void attachPragmas(HlsAnalysis& a, const std::vector<HlsPragma>& pragmas)
{
    for (HlsPragma p : pragmas) {
        size_t bestSize = SIZE_MAX;
        for (size_t i = 0; i < a.loops.size(); ++i) {
            const auto& body = a.loops[i].body;
            if (body.file == p.range.file && body.begin <= p.range.begin && p.range.end <= body.end &&
                body.end - body.begin < bestSize) {
                bestSize = body.end - body.begin;
                p.loop = static_cast<int>(i);
            }
        }
        for (const auto& f : a.functions)
            if (f.range.file == p.range.file && f.range.begin <= p.range.begin &&
                p.range.end <= f.range.end)
                p.function = f.name;
        a.pragmas.push_back(std::move(p));
    }
}

}  // namespace

tl::expected<HlsAnalysis, Diagnostic> analyzeHlsDesign(const Design& design,
                                                       const std::filesystem::path& includeDir)
{
    HlsAnalysis analysis;
    for (size_t i = 0; i < design.sources.size(); ++i) {
        const SourceFile& src = design.sources[i];
        const auto path = design.dir / src.path;
        const auto ext = path.extension();
        if (ext != ".cpp" && ext != ".cc" && ext != ".cxx") continue;
        std::vector<std::string> args = {"-std=c++17", "-fsyntax-only", "-Wno-unknown-pragmas",
                                         "-I" + includeDir.string(),
                                         "-I" + path.parent_path().string(),
                                         "-I" + design.dir.string()};
        FirstErrorConsumer errors;
        auto unit = clang::tooling::buildASTFromCodeWithArgs(
            src.text, args, path.string(), "veriloop", std::make_shared<PCHContainerOperations>(),
            clang::tooling::getClangSyntaxOnlyAdjuster(), {}, &errors);
        if (errors.error) return tl::unexpected(*errors.error);
        if (!unit)
            return tl::unexpected(makeDiag(DiagCode::FrontendRejected, "clang could not parse the file",
                                           path.string()));
        SiteCollector collector(unit->getASTContext(), src, static_cast<int>(i), design.top, analysis);
        collector.TraverseDecl(unit->getASTContext().getTranslationUnitDecl());
        attachPragmas(analysis, scanHlsPragmas(src.text, static_cast<int>(i)));
    }
    bool topFound = false;
    for (const auto& f : analysis.functions) topFound = topFound || f.isTop;
    if (!topFound)
        return tl::unexpected(makeDiag(DiagCode::FrontendRejected,
                                       fmt::format("top function `{}` is not defined in the design sources",
                                                   design.top),
                                       (design.dir / "design.toml").string()));
    return analysis;
}

}  // namespace veriloop::hls
