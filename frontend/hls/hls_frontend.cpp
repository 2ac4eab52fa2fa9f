// Clang LibTooling frontend for HLS C++. Each .cpp source of the design is parsed into an
// ASTUnit with the HLS include path; one read-only RecursiveASTVisitor walks the main file's
// function bodies and records functions, loops, arrays and mutation sites. Ranges come from
// clang's SourceManager (end = end of the last token); anything that starts or ends inside a
// macro expansion is skipped, so an edit never lands in one. Pragmas are a preprocessor-level
// construct, read from the exact source text and tied to the innermost enclosing loop.

#include "frontend/hls/hls_frontend.h"

#include <set>

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

namespace {

using namespace clang;

// The expression `e` with parentheses and implicit conversions (including the constructor
// calls that wrap an ap_int operand) looked through.
const Expr* bare(const Expr* e)
{
    while (e) {
        e = e->IgnoreParenImpCasts();
        if (const auto* c = dyn_cast<CXXConstructExpr>(e); c && c->getNumArgs() == 1)
            e = c->getArg(0);
        else if (const auto* m = dyn_cast<MaterializeTemporaryExpr>(e))
            e = m->getSubExpr();
        else if (const auto* f = dyn_cast<CXXFunctionalCastExpr>(e))
            e = f->getSubExpr();
        else
            break;
    }
    return e;
}

bool isApType(QualType t)
{
    const std::string name = t.getCanonicalType().getUnqualifiedType().getAsString();
    return name.find("ap_int") != std::string::npos || name.find("ap_uint") != std::string::npos ||
           name.find("ap_fixed") != std::string::npos || name.find("ap_ufixed") != std::string::npos;
}

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
        scalarParams_.clear();
        recordFunction(fd);
        RecursiveASTVisitor::TraverseStmt(fd->getBody());
        function_.clear();
        return true;
    }

    bool TraverseForStmt(ForStmt* s) { return traverseLoop(s, s->getBody(), s->getCond(), s->getInit(), s->getInc()); }
    bool TraverseWhileStmt(WhileStmt* s) { return traverseLoop(s, s->getBody(), s->getCond(), nullptr, nullptr); }
    bool TraverseDoStmt(DoStmt* s) { return traverseLoop(s, s->getBody(), s->getCond(), nullptr, nullptr); }

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
        if (b->isAssignmentOp() && !b->isCompoundAssignmentOp()) return true;
        const SourceLocation op = b->getOperatorLoc();
        Site* s = addSite(SiteKind::BinaryOp, SourceRange(op, op), b->getSourceRange());
        if (!s) return true;
        s->inLoopCondition = loopConditions_.count(b) > 0;
        if (b->isShiftOp() || b->isShiftAssignOp()) {
            if (auto r = byteRange(b->getRHS()->getSourceRange())) s->operand = *r;
            s->width = static_cast<int>(ctx_.getTypeSize(b->getType()));
        }
        return true;
    }

    // Operators on class types (ap_int, ap_fixed) are calls; the arithmetic, comparison and
    // bitwise ones are mutation sites like their built-in twins.
    bool VisitCXXOperatorCallExpr(CXXOperatorCallExpr* call)
    {
        if (call->getNumArgs() != 2 || !isApType(call->getArg(0)->getType())) return true;
        switch (call->getOperator()) {
        case OO_Plus: case OO_Minus: case OO_Star: case OO_Slash: case OO_Percent:
        case OO_Less: case OO_LessEqual: case OO_Greater: case OO_GreaterEqual:
        case OO_EqualEqual: case OO_ExclaimEqual: case OO_Amp: case OO_Pipe: case OO_Caret:
        case OO_LessLess: case OO_GreaterGreater: case OO_PlusEqual: case OO_MinusEqual:
        case OO_AmpAmp: case OO_PipePipe:
            break;
        default:
            return true;
        }
        const SourceLocation op = call->getOperatorLoc();
        if (Site* s = addSite(SiteKind::BinaryOp, SourceRange(op, op), call->getSourceRange())) {
            s->classType = true;
            s->inLoopCondition = loopConditions_.count(call) > 0;
        }
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
        const Expr* base = a->getBase()->IgnoreParenImpCasts();
        int level = 0;
        while (const auto* inner = dyn_cast<ArraySubscriptExpr>(base)) {
            ++level;
            base = inner->getBase()->IgnoreParenImpCasts();
        }
        const auto* ref = dyn_cast<DeclRefExpr>(base);
        const std::string name = ref ? ref->getDecl()->getNameAsString() : std::string();
        if (Site* s = addSite(SiteKind::ArrayIndex, a->getIdx()->getSourceRange(),
                              a->getIdx()->getSourceRange())) {
            s->arrayName = name;
            s->arrayDim = dimOf(ref, level);
            s->isCopySource = isCopySource(a);
        }
        if (!isSubscriptBase(a) && ref) {
            recordAccess(a, name);
            // The element read as a whole (`u[i]`): a value site like a variable read.
            const QualType t = a->getType();
            if (t->isIntegerType() || isApType(t))
                if (Site* s = addSite(SiteKind::Identifier, a->getSourceRange(), a->getSourceRange())) {
                    s->typeName = t.getCanonicalType().getUnqualifiedType().getAsString(ctx_.getPrintingPolicy());
                    s->classType = isApType(t);
                    s->width = s->classType ? 0 : static_cast<int>(ctx_.getTypeSize(t));
                    s->isSigned = !s->classType && t->isSignedIntegerType();
                    s->isWriteTarget = isWriteTarget(a);
                    s->arrayName = name;
                }
        }
        return true;
    }

    bool VisitDeclRefExpr(DeclRefExpr* ref)
    {
        const auto* var = dyn_cast<VarDecl>(ref->getDecl());
        if (!var) return true;
        const QualType t = var->getType().getNonReferenceType();
        const bool ap = isApType(t);
        if (!t->isIntegerType() && !ap) return true;
        Site* s = addSite(SiteKind::Identifier, ref->getSourceRange(), ref->getSourceRange());
        if (s) {
            s->width = ap ? 0 : static_cast<int>(ctx_.getTypeSize(t));
            s->isSigned = !ap && t->isSignedIntegerType();
            s->typeName = t.getCanonicalType().getUnqualifiedType().getAsString(ctx_.getPrintingPolicy());
            s->target = var->getNameAsString();
            s->classType = ap;
            s->isWriteTarget = isWriteTarget(ref);  // also `x++` and `x += ...`
            s->sameTypeVars = visibleVarsOfType(t, var);
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
        if (!isa<ParmVarDecl>(v)) {
            visible_.push_back(v);
            recordDeclaration(v);
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

    bool TraverseCompoundStmt(CompoundStmt* body)
    {
        const size_t scope = visible_.size();
        const bool ok = RecursiveASTVisitor::TraverseCompoundStmt(body);
        visible_.resize(scope);  // declarations end with their block
        return ok;
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

    long dimOf(const DeclRefExpr* ref, int level) const
    {
        if (!ref) return 0;
        const auto* var = dyn_cast<VarDecl>(ref->getDecl());
        if (!var) return 0;
        QualType t = var->getType();
        if (const auto* p = dyn_cast<ParmVarDecl>(var)) t = p->getOriginalType();
        const auto* arr = ctx_.getAsConstantArrayType(t);
        if (!arr) return 0;
        const auto dims = dimsOf(arr);
        // `level` subscripts are applied before this one, so it indexes dims[level].
        return level < static_cast<int>(dims.size()) ? dims[level] : 0;
    }

    const Stmt* parentOf(const Stmt* s) const
    {
        auto parents = ctx_.getParents(*s);
        return parents.empty() ? nullptr : parents[0].get<Stmt>();
    }

    // The nearest ancestor that is not a paren, implicit conversion or wrapper construct.
    const Stmt* meaningfulParent(const Stmt* s) const
    {
        const Stmt* p = parentOf(s);
        while (p && (isa<ImplicitCastExpr, ParenExpr, MaterializeTemporaryExpr,
                         CXXBindTemporaryExpr, ExprWithCleanups>(p) ||
                     (isa<CXXConstructExpr>(p) && cast<CXXConstructExpr>(p)->getNumArgs() == 1)))
            p = parentOf(p);
        return p;
    }

    bool isSubscriptBase(const ArraySubscriptExpr* a) const
    {
        const auto* p = dyn_cast_or_null<ArraySubscriptExpr>(meaningfulParent(a));
        return p && bare(p->getBase()) == a;
    }

    bool isWriteTarget(const Expr* e) const
    {
        const Stmt* p = meaningfulParent(e);
        if (const auto* b = dyn_cast_or_null<BinaryOperator>(p))
            return b->isAssignmentOp() && bare(b->getLHS()) == e;
        if (const auto* u = dyn_cast_or_null<UnaryOperator>(p)) return u->isIncrementDecrementOp();
        if (const auto* c = dyn_cast_or_null<CXXOperatorCallExpr>(p))
            return c->isAssignmentOp() && c->getNumArgs() == 2 && bare(c->getArg(0)) == e;
        return false;
    }

    // Compound assignments and ++/-- read their target as well.
    bool isReadToo(const Expr* e) const
    {
        const Stmt* p = meaningfulParent(e);
        if (const auto* b = dyn_cast_or_null<BinaryOperator>(p)) return b->isCompoundAssignmentOp();
        if (const auto* c = dyn_cast_or_null<CXXOperatorCallExpr>(p))
            return c->getOperator() != OO_Equal;
        return isa_and_nonnull<UnaryOperator>(p);
    }

    bool isCopySource(const Expr* e) const
    {
        const Stmt* p = meaningfulParent(e);
        if (const auto* b = dyn_cast_or_null<BinaryOperator>(p))
            return b->getOpcode() == BO_Assign && bare(b->getRHS()) == e;
        if (const auto* c = dyn_cast_or_null<CXXOperatorCallExpr>(p))
            return c->getOperator() == OO_Equal && bare(c->getArg(1)) == e;
        if (!p) {  // a variable's initializer: the parent is the declaration
            auto parents = ctx_.getParents(*e);
            return !parents.empty() && parents[0].get<VarDecl>();
        }
        return false;
    }

    std::vector<std::string> visibleVarsOfType(QualType t, const VarDecl* self) const
    {
        std::vector<std::string> out;
        const QualType canon = t.getCanonicalType().getUnqualifiedType();
        for (const VarDecl* v : visible_) {
            if (v == self) continue;
            if (v->getType().getNonReferenceType().getCanonicalType().getUnqualifiedType() != canon)
                continue;
            out.push_back(v->getNameAsString());
        }
        return out;
    }

    AffineIndex affineOf(const Expr* e) const
    {
        AffineIndex a;
        if (auto r = byteRange(e->getSourceRange()))
            a.text = src_.text.substr(r->begin, r->end - r->begin);
        a.affine = linear(bare(e), 1, a);
        return a;
    }

    bool linear(const Expr* e, long scale, AffineIndex& a) const
    {
        if (!e) return false;
        e = bare(e);
        Expr::EvalResult value;
        if (!e->isValueDependent() && e->EvaluateAsInt(value, ctx_)) {
            a.constant += scale * value.Val.getInt().getExtValue();
            return true;
        }
        if (const auto* ref = dyn_cast<DeclRefExpr>(e)) {
            const std::string name = ref->getDecl()->getNameAsString();
            const bool loopVar =
                std::find(loopVars_.begin(), loopVars_.end(), name) != loopVars_.end();
            if (!loopVar && !scalarParams_.count(name)) return false;
            a.coeffs[name] += scale;
            return true;
        }
        if (const auto* b = dyn_cast<BinaryOperator>(e)) {
            Expr::EvalResult k;
            switch (b->getOpcode()) {
            case BO_Add: return linear(b->getLHS(), scale, a) && linear(b->getRHS(), scale, a);
            case BO_Sub: return linear(b->getLHS(), scale, a) && linear(b->getRHS(), -scale, a);
            case BO_Mul:
                if (b->getRHS()->EvaluateAsInt(k, ctx_))
                    return linear(b->getLHS(), scale * k.Val.getInt().getExtValue(), a);
                if (b->getLHS()->EvaluateAsInt(k, ctx_))
                    return linear(b->getRHS(), scale * k.Val.getInt().getExtValue(), a);
                return false;
            case BO_Shl:
                if (b->getRHS()->EvaluateAsInt(k, ctx_))
                    return linear(b->getLHS(), scale << k.Val.getInt().getExtValue(), a);
                return false;
            default:
                return false;
            }
        }
        return false;
    }

    void recordAccess(const ArraySubscriptExpr* outer, const std::string& name)
    {
        HlsAccess acc;
        acc.array = name;
        acc.function = function_;
        acc.loop = loopStack_.empty() ? -1 : loopStack_.back();
        acc.line = static_cast<int>(sm_.getSpellingLineNumber(outer->getBeginLoc()));
        std::vector<AffineIndex> reversed;
        const Expr* e = outer;
        while (const auto* a = dyn_cast<ArraySubscriptExpr>(e)) {
            reversed.push_back(affineOf(a->getIdx()));
            e = a->getBase()->IgnoreParenImpCasts();
        }
        acc.indices.assign(reversed.rbegin(), reversed.rend());
        acc.isWrite = isWriteTarget(outer);
        acc.isRead = !acc.isWrite || isReadToo(outer);
        out_.accesses.push_back(std::move(acc));
    }

    void recordFunction(FunctionDecl* fd)
    {
        HlsFunction f;
        f.name = fd->getNameAsString();
        f.isTop = f.name == top_;
        f.line = static_cast<int>(sm_.getSpellingLineNumber(fd->getLocation()));
        if (auto r = byteRange(fd->getSourceRange())) f.range = *r;
        if (const auto* body = dyn_cast<CompoundStmt>(fd->getBody()))
            if (auto r = byteRange(SourceRange(body->getLBracLoc(), body->getLBracLoc()))) {
                f.bodyInsert = r->end;
                addSite(SiteKind::FunctionBody, SourceRange(body->getLBracLoc(), body->getLBracLoc()),
                        SourceRange(body->getLBracLoc(), body->getLBracLoc()));
                emptyLastSite(r->end);
            }
        for (const ParmVarDecl* p : fd->parameters()) {
            HlsParam hp;
            hp.name = p->getNameAsString();
            hp.type = p->getOriginalType().getAsString();
            QualType t = p->getOriginalType();
            if (const auto* arr = ctx_.getAsConstantArrayType(t)) hp.arrayDims = dimsOf(arr);
            hp.isPointer = t->isPointerType() && hp.arrayDims.empty();
            hp.isStream = hp.type.find("stream<") != std::string::npos;
            if (hp.isScalar()) scalarParams_.insert(hp.name);
            if (!hp.arrayDims.empty())
                out_.arrays.push_back({hp.name, f.name, hp.arrayDims, true,
                                       static_cast<int>(sm_.getSpellingLineNumber(p->getLocation()))});
            f.params.push_back(hp);
        }
        visible_.clear();
        for (ParmVarDecl* p : fd->parameters())
            if (p->getType()->isIntegerType() || isApType(p->getType().getNonReferenceType()))
                visible_.push_back(p);
        out_.functions.push_back(f);
    }

    // A site that marks an insertion point: the empty range just past `offset`.
    void emptyLastSite(uint32_t offset)
    {
        Site& s = out_.sites.back();
        s.token = ByteRange{file_, offset, offset};
        s.choice = s.token;
        s.text.clear();
    }

    void recordDeclaration(VarDecl* v)
    {
        if (!v->hasLocalStorage() || v->getType().isConstQualified() || v->isConstexpr()) return;
        // Numbers only: integers, floating point and the ap_int/ap_fixed family (and arrays).
        const QualType element = QualType(v->getType()->getPointeeOrArrayElementType(), 0);
        if (!element->isArithmeticType() && !isApType(element)) return;
        const TypeSourceInfo* tsi = v->getTypeSourceInfo();
        if (!tsi) return;
        const TypeLoc tl = tsi->getTypeLoc();
        SourceRange typeRange = tl.getSourceRange();
        if (const auto arr = tl.getAs<ConstantArrayTypeLoc>()) typeRange = arr.getElementLoc().getSourceRange();
        Site* s = addSite(SiteKind::Declaration, typeRange, typeRange);
        if (!s) return;
        s->target = v->getNameAsString();
        s->typeName = s->text;
        s->classType = v->getType()->isRecordType() ||
                       (v->getType()->isArrayType() &&
                        v->getType()->getPointeeOrArrayElementType()->isRecordType());
        s->isArrayDecl = v->getType()->isArrayType();
        const Expr* init = v->getInit();
        if (!init || v->getInitStyle() != VarDecl::CInit) return;
        const auto r = byteRange(init->getSourceRange());
        if (!r || r->begin <= sm_.getFileOffset(v->getLocation())) return;
        s->initRange = *r;
        // ` = init`: back from the initializer over blanks to `=`, then over blanks before it.
        uint32_t at = r->begin;
        while (at > 0 && std::isspace(static_cast<unsigned char>(src_.text[at - 1]))) --at;
        if (at == 0 || src_.text[at - 1] != '=') {
            s->initRange = {};
            return;
        }
        --at;
        while (at > 0 && (src_.text[at - 1] == ' ' || src_.text[at - 1] == '\t')) --at;
        s->initDelete = ByteRange{file_, at, r->end};
    }

    bool traverseLoop(Stmt* loop, Stmt* body, Expr* cond, Stmt* init, Expr* inc)
    {
        if (function_.empty()) return true;
        HlsLoop l;
        l.function = function_;
        l.depth = static_cast<int>(loopStack_.size());
        l.parent = loopStack_.empty() ? -1 : loopStack_.back();
        l.line = static_cast<int>(sm_.getSpellingLineNumber(loop->getBeginLoc()));
        if (auto r = byteRange(loop->getSourceRange())) l.range = *r;
        if (auto r = byteRange(body->getSourceRange())) l.body = *r;
        const Induction iv = inductionOf(loop, init, cond, inc, body);
        if (iv.var) {
            l.inductionVar = iv.var->getNameAsString();
            l.start = iv.start.value_or(0);
            l.step = iv.step;
            l.tripCount = iv.start ? constantTripCount(*iv.start, iv.var, cond, iv.step) : -1;
        }
        l.label = labelOf(loop);
        l.bodyStatements = 1;
        if (auto* f = dyn_cast<ForStmt>(loop)) recordHeader(f, l);
        if (const auto* cs = dyn_cast<CompoundStmt>(body)) {
            l.bodyStatements = static_cast<int>(cs->size());
            l.bodyIsCompound = true;
            if (auto r = byteRange(SourceRange(cs->getLBracLoc(), cs->getLBracLoc()))) l.bodyInsert = r->end;
            l.bodyOnlyCalls = !cs->body_empty();
            for (const Stmt* st : cs->body())
                l.bodyOnlyCalls = l.bodyOnlyCalls && isa<CallExpr>(st) && !isa<CXXOperatorCallExpr>(st);
        }
        const int index = static_cast<int>(out_.loops.size());
        out_.loops.push_back(l);
        if (cond) {
            if (Site* s = addSite(SiteKind::Condition, cond->getSourceRange(), cond->getSourceRange())) {
                s->loop = index;
                s->inLoopCondition = true;
            }
            loopConditions_.insert(bare(cond));
        }
        if (inc)
            if (Site* s = addSite(SiteKind::LoopStep, inc->getSourceRange(), inc->getSourceRange()))
                s->loop = index;
        if (l.bodyIsCompound && l.bodyInsert) {
            const auto* cs = cast<CompoundStmt>(body);
            if (addSite(SiteKind::LoopBody, SourceRange(cs->getLBracLoc(), cs->getLBracLoc()),
                        SourceRange(cs->getLBracLoc(), cs->getLBracLoc()))) {
                emptyLastSite(l.bodyInsert);
                out_.sites.back().loop = index;
            }
        }
        loopStack_.push_back(index);
        loopVars_.push_back(l.inductionVar);
        const size_t scope = visible_.size();
        RecursiveASTVisitor::TraverseStmt(init);
        RecursiveASTVisitor::TraverseStmt(body);
        if (cond && isa<WhileStmt, DoStmt>(loop)) RecursiveASTVisitor::TraverseStmt(cond);
        if (auto* f = dyn_cast<ForStmt>(loop)) {
            RecursiveASTVisitor::TraverseStmt(f->getCond());
            RecursiveASTVisitor::TraverseStmt(f->getInc());
        }
        visible_.resize(scope);
        loopVars_.pop_back();
        loopStack_.pop_back();
        return true;
    }

    // `for (int i = A; i < B; ...)`: the header's text range and A and B as written.
    void recordHeader(ForStmt* f, HlsLoop& l) const
    {
        const auto* ds = dyn_cast_or_null<DeclStmt>(f->getInit());
        const auto* cond = dyn_cast_or_null<BinaryOperator>(f->getCond() ? f->getCond()->IgnoreParenImpCasts() : nullptr);
        if (!ds || !ds->isSingleDecl() || !cond || cond->getOpcode() != BO_LT) return;
        const auto* v = dyn_cast<VarDecl>(ds->getSingleDecl());
        if (!v || !v->getInit()) return;
        auto start = byteRange(v->getInit()->getSourceRange());
        auto bound = byteRange(cond->getRHS()->getSourceRange());
        if (!start || !bound) return;
        const uint32_t open = sm_.getFileOffset(f->getLParenLoc()) + 1;
        const uint32_t close = sm_.getFileOffset(f->getRParenLoc());
        if (f->getLParenLoc().isMacroID() || f->getRParenLoc().isMacroID() || close <= open) return;
        l.header = ByteRange{file_, open, close};
        l.startText = src_.text.substr(start->begin, start->end - start->begin);
        l.boundText = src_.text.substr(bound->begin, bound->end - bound->begin);
    }

    // The loop's counter, found the ways C code writes it: `for (int i = A; ...)`,
    // `for (i = A; ...)` with `i` declared before, and `while (k < N) { ...; k++; }` with
    // `int k = A;` (or `k = A;`) just before the loop. The step comes from the increment
    // expression, or from a top-level `k++` / `k += S` / `k = k + S` in a while loop's body.
    struct Induction {
        const VarDecl* var = nullptr;
        std::optional<long> start;
        long step = 0;
    };

    std::optional<long> constantOf(const Expr* e) const
    {
        Expr::EvalResult r;
        if (!e || e->isValueDependent() || !e->EvaluateAsInt(r, ctx_)) return std::nullopt;
        return r.Val.getInt().getExtValue();
    }

    static const VarDecl* varOf(const Expr* e)
    {
        const auto* ref = dyn_cast_or_null<DeclRefExpr>(e ? bare(e) : nullptr);
        return ref ? dyn_cast<VarDecl>(ref->getDecl()) : nullptr;
    }

    // `v = A` or a declaration of v with an initializer: the variable and A.
    std::pair<const VarDecl*, std::optional<long>> assignmentOf(const Stmt* st) const
    {
        if (const auto* ds = dyn_cast_or_null<DeclStmt>(st); ds && ds->isSingleDecl())
            if (const auto* v = dyn_cast<VarDecl>(ds->getSingleDecl()); v && v->getInit())
                return {v, constantOf(v->getInit())};
        if (const auto* b = dyn_cast_or_null<BinaryOperator>(st); b && b->getOpcode() == BO_Assign)
            if (const VarDecl* v = varOf(b->getLHS())) return {v, constantOf(b->getRHS())};
        return {nullptr, std::nullopt};
    }

    // The signed step of `v++`, `--v`, `v += S`, `v -= S`, `v = v + S`, `v = v - S`; 0 otherwise.
    long stepOf(const Stmt* st, const VarDecl* v) const
    {
        const auto* e = dyn_cast_or_null<Expr>(st);
        if (!e) return 0;
        e = bare(e);
        if (const auto* u = dyn_cast<UnaryOperator>(e); u && varOf(u->getSubExpr()) == v)
            return u->isIncrementOp() ? 1 : u->isDecrementOp() ? -1 : 0;
        if (const auto* b = dyn_cast<CompoundAssignOperator>(e); b && varOf(b->getLHS()) == v) {
            const long k = constantOf(b->getRHS()).value_or(0);
            return b->getOpcode() == BO_AddAssign ? k : b->getOpcode() == BO_SubAssign ? -k : 0;
        }
        if (const auto* b = dyn_cast<BinaryOperator>(e); b && b->getOpcode() == BO_Assign && varOf(b->getLHS()) == v)
            if (const auto* rhs = dyn_cast<BinaryOperator>(bare(b->getRHS())); rhs && varOf(rhs->getLHS()) == v) {
                const long k = constantOf(rhs->getRHS()).value_or(0);
                return rhs->getOpcode() == BO_Add ? k : rhs->getOpcode() == BO_Sub ? -k : 0;
            }
        return 0;
    }

    // The statement just before `loop` in its enclosing block (through a label), or null.
    const Stmt* previousStatement(const Stmt* loop) const
    {
        const Stmt* self = loop;
        auto parents = ctx_.getParents(*loop);
        if (!parents.empty())
            if (const auto* ls = parents[0].get<LabelStmt>()) {
                self = ls;
                parents = ctx_.getParents(*ls);
            }
        const auto* block = parents.empty() ? nullptr : parents[0].get<CompoundStmt>();
        if (!block) return nullptr;
        const Stmt* prev = nullptr;
        for (const Stmt* st : block->body()) {
            if (st == self) return prev;
            prev = st;
        }
        return nullptr;
    }

    Induction inductionOf(Stmt* loop, Stmt* init, Expr* cond, Expr* inc, Stmt* body) const
    {
        Induction iv;
        if (init) {
            auto [v, start] = assignmentOf(init);
            iv.var = v;
            iv.start = start;
        } else if (const auto* c = dyn_cast_or_null<BinaryOperator>(cond ? bare(cond) : nullptr);
                   c && c->isComparisonOp()) {
            iv.var = varOf(c->getLHS()) ? varOf(c->getLHS()) : varOf(c->getRHS());
            if (auto [v, start] = assignmentOf(previousStatement(loop)); v && v == iv.var) iv.start = start;
        }
        if (!iv.var) return {};
        if (inc) {
            iv.step = stepOf(inc, iv.var);
        } else if (const auto* cs = dyn_cast_or_null<CompoundStmt>(body)) {
            for (const Stmt* st : cs->body())
                if (const long k = stepOf(st, iv.var)) iv.step = k;
        }
        return iv;
    }

    // Iterations of a loop whose counter starts at `start` and moves by `step` while `cond`
    // (the counter against a constant, either side, with < <= > >= !=) holds; -1 otherwise.
    long constantTripCount(long start, const VarDecl* v, Expr* cond, long step) const
    {
        const auto* bo = dyn_cast_or_null<BinaryOperator>(cond ? bare(cond) : nullptr);
        if (!bo || !bo->isComparisonOp() || step == 0) return -1;
        BinaryOperatorKind op = bo->getOpcode();
        std::optional<long> bound;
        if (varOf(bo->getLHS()) == v) {
            bound = constantOf(bo->getRHS());
        } else if (varOf(bo->getRHS()) == v) {
            bound = constantOf(bo->getLHS());
            op = BinaryOperator::reverseComparisonOp(op);
        }
        if (!bound) return -1;
        const long b = *bound;
        if (step > 0 && (op == BO_LT || op == BO_LE)) {
            const long end = op == BO_LE ? b + 1 : b;
            return end <= start ? 0 : (end - start + step - 1) / step;
        }
        if (step < 0 && (op == BO_GT || op == BO_GE)) {
            const long end = op == BO_GE ? b - 1 : b;
            return start <= end ? 0 : (start - end + (-step) - 1) / (-step);
        }
        if (op == BO_NE && (b - start) % step == 0 && (b - start) / step >= 0) return (b - start) / step;
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
        if (r.isInvalid()) return std::nullopt;
        // The file text the range covers; invalid when either end lies inside a macro's
        // expansion (a whole macro use such as `N` is fine: its name is in the file).
        const CharSourceRange file = Lexer::makeFileCharRange(CharSourceRange::getTokenRange(r), sm_,
                                                              ctx_.getLangOpts());
        if (file.isInvalid() || !sm_.isWrittenInMainFile(file.getBegin())) return std::nullopt;
        return ByteRange{file_, sm_.getFileOffset(file.getBegin()), sm_.getFileOffset(file.getEnd())};
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
        s.loop = loopStack_.empty() ? -1 : loopStack_.back();
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
    std::vector<int> loopStack_;
    std::vector<std::string> loopVars_;
    std::set<std::string> scalarParams_;
    std::set<const Expr*> loopConditions_;
    std::vector<const VarDecl*> visible_;  // integer-like variables in scope, in order
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
void attachPragmas(HlsAnalysis& a, const std::vector<HlsPragma>& pragmas, const std::string& text)
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
        Site site;
        site.kind = SiteKind::Pragma;
        site.module = p.function;
        site.token = p.range;
        site.choice = p.range;
        site.text = text.substr(p.range.begin, p.range.end - p.range.begin);
        site.line = p.line;
        site.column = 1;
        site.loop = p.loop;
        site.pragma = static_cast<int>(a.pragmas.size());
        a.pragmas.push_back(std::move(p));
        a.sites.push_back(std::move(site));
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
        if (!isCppSource(path)) continue;
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
        attachPragmas(analysis, scanHlsPragmas(src.text, static_cast<int>(i)), src.text);
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
