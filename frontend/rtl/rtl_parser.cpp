// Recursive-descent parser for the synthesizable SystemVerilog subset of docs/design-toml.md.
// It computes, for every expression and statement it understands, the exact byte extent, and
// emits sites only in runtime contexts (never in declarations, select bounds, replication
// counts or case labels, where a runtime choice would not be legal). Anything it does not
// understand is skipped to the next `;` or `end`, so it terminates on any token stream: every
// loop consumes at least one token or stops at End. Recursion is bounded too: every recursive
// rule holds a Nesting, and input nested deeper than kMaxNesting is rejected as unsupported
// instead of overflowing the stack.

#include "frontend/rtl/rtl_parser.h"

#include <algorithm>

#include <fmt/format.h>

#include "frontend/rtl/sv_lexer.h"

namespace veriloop::rtl {

namespace {

struct ExprInfo {
    uint32_t begin = 0;
    uint32_t end = 0;
    enum Kind { Other, Ident, Number, Select, Concat } kind = Other;
};

struct Ctx {
    bool runtime = true;     // sites may be emitted
    bool inReset = false;    // inside the branch taken while reset is asserted
    bool inFunction = false; // a function/task body: its variables are automatic, so its
                             // assignments stay blocking (no ProcAssign sites)
};

class Parser {
public:
    Parser(const SourceFile& src, int file, const ResetFacts& reset, std::vector<Token> toks)
        : src_(src), file_(file), reset_(reset), toks_(std::move(toks))
    {
    }

    ParseResult run()
    {
        while (!atEnd()) {
            if (cur().is("module")) {
                parseModule();
            } else {
                ++pos_;
            }
        }
        if (!result_.error.empty()) {
            ParseResult failed;
            failed.error = std::move(result_.error);
            return failed;
        }
        return std::move(result_);
    }

private:
    // Far deeper than any real design (else-if chains and parenthesized expressions a few
    // dozen deep), and shallow enough for the stack of a sanitizer build.
    static constexpr int kMaxNesting = 1000;

    // Held for the duration of a recursive rule. Past kMaxNesting it records the error and
    // moves to End, where no rule recurses, so every rule on the stack returns.
    class Nesting {
    public:
        explicit Nesting(Parser& parser) : parser_(parser)
        {
            if (++parser_.nesting_ > kMaxNesting && parser_.result_.error.empty()) {
                const Token& t = parser_.cur();
                parser_.result_.error = fmt::format(
                    "{}:{}:{}: unsupported: constructs nested too deeply (parentheses, operator "
                    "chains, statements or generate blocks over {} parser levels); flatten them",
                    parser_.src_.path, t.line, t.column, kMaxNesting);
            }
            if (!parser_.result_.error.empty()) parser_.pos_ = parser_.toks_.size() - 1;
        }
        ~Nesting() { --parser_.nesting_; }
        Nesting(const Nesting&) = delete;
        Nesting& operator=(const Nesting&) = delete;

    private:
        Parser& parser_;
    };

    // ---- token helpers ----
    // Rules step over tokens without looking (`++pos_`, `pos_ += 2`), so pos_ may pass the End
    // token at the end of a file; every read clamps to End, so the loops that test atEnd() stop.
    const Token& cur() const { return at(pos_); }
    const Token& at(size_t i) const { return toks_[std::min(i, toks_.size() - 1)]; }
    bool atEnd() const { return cur().kind == TokKind::End; }
    bool accept(std::string_view s)
    {
        if (cur().is(s)) {
            ++pos_;
            return true;
        }
        return false;
    }
    uint32_t prevEnd() const { return pos_ > 0 ? at(pos_ - 1).end : 0; }
    std::string textOf(uint32_t b, uint32_t e) const { return src_.text.substr(b, e - b); }
    ByteRange range(uint32_t b, uint32_t e) const { return ByteRange{file_, b, e}; }

    // Skips a balanced group starting at an opening bracket.
    void skipBalanced()
    {
        int depth = 0;
        do {
            const auto& t = cur();
            if (t.is("(") || t.is("[") || t.is("{") || t.is("'{")) ++depth;
            if (t.is(")") || t.is("]") || t.is("}")) --depth;
            ++pos_;
        } while (depth > 0 && !atEnd());
    }
    // `#3`, `#DELAY`, `#(A+B)`, `#1.5`: a delay control, skipped when present.
    void skipDelay()
    {
        if (!accept("#")) return;
        if (cur().is("(")) {
            skipBalanced();
        } else if (!atEnd()) {
            ++pos_;
        }
    }
    void skipToSemicolon()
    {
        while (!atEnd() && !cur().is(";") && !cur().is("end") && !cur().is("endmodule")) {
            if (cur().is("(") || cur().is("[") || cur().is("{")) {
                skipBalanced();
            } else {
                ++pos_;
            }
        }
        accept(";");
    }

    Site makeSite(SiteKind kind, uint32_t b, uint32_t e)
    {
        Site s;
        s.kind = kind;
        s.module = module_;
        s.token = range(b, e);
        s.text = textOf(b, e);
        s.choice = s.token;
        const Token* t = tokenAt(b);
        s.line = t ? t->line : 0;
        s.column = t ? t->column : 0;
        return s;
    }
    // Tokens are in source order, so the token starting at `offset` is found by bisection.
    size_t lowerToken(uint32_t offset) const
    {
        auto it = std::lower_bound(toks_.begin(), toks_.end(), offset,
                                   [](const Token& t, uint32_t off) { return t.begin < off; });
        return static_cast<size_t>(it - toks_.begin());
    }
    const Token* tokenAt(uint32_t offset) const
    {
        const size_t i = lowerToken(offset);
        return i < toks_.size() && toks_[i].begin == offset ? &toks_[i] : nullptr;
    }
    void emit(Site s) { result_.sites.push_back(std::move(s)); }

    // ---- module level ----
    void parseModule()
    {
        const Token& kw = cur();
        ++pos_;
        module_ = std::string(cur().text);
        localparams_.clear();
        ++pos_;
        while (!atEnd() && !cur().is(";")) {
            if (cur().is("(") || cur().is("[") || cur().is("{")) {
                skipBalanced();
            } else {
                ++pos_;
            }
        }
        accept(";");
        result_.modules.push_back({module_, file_, prevEnd(), kw.line});
        while (!atEnd() && !cur().is("endmodule")) parseItemAdvancing();
        accept("endmodule");
    }

    void parseItem()
    {
        const Nesting nesting(*this);
        const Token& t = cur();
        if (t.is("assign")) {
            ++pos_;
            parseContAssign();
        } else if (t.is("always") || t.is("always_ff") || t.is("always_comb") ||
                   t.is("always_latch")) {
            ++pos_;
            // `@*` is one token; `@ *` and `@(...)` are two or more.
            const uint32_t eventBegin = cur().begin;
            const bool hasEvent = cur().is("@*") || cur().is("@");
            if (!accept("@*") && accept("@")) {
                if (cur().is("(")) {
                    skipBalanced();
                } else {
                    ++pos_;  // @ * form
                }
            }
            const uint32_t eventEnd = prevEnd();
            const size_t firstSite = result_.sites.size();
            parseStatement(Ctx{});
            if (hasEvent) {
                Site ev = makeSite(SiteKind::EventControl, eventBegin, eventEnd);
                for (size_t i = firstSite; i < result_.sites.size(); ++i)
                    if (result_.sites[i].kind == SiteKind::ProcAssign) {
                        const ByteRange& op = result_.sites[i].token;
                        ev.parts.push_back(op);
                        ev.partTexts.push_back(result_.sites[i].text);
                    }
                emit(std::move(ev));
            }
        } else if (t.is("initial") || t.is("final")) {
            ++pos_;
            parseStatement(Ctx{false, false});
        } else if (t.is("function") || t.is("task")) {
            // The body is runtime code (it runs wherever the function is called): its
            // statements are parsed like an always block's; declarations are stepped over.
            const std::string_view endKw = t.is("function") ? "endfunction" : "endtask";
            ++pos_;
            while (!atEnd() && !cur().is(";") && !cur().is(endKw)) {
                if (cur().is("(") || cur().is("[")) {
                    skipBalanced();
                } else {
                    ++pos_;
                }
            }
            accept(";");
            while (!atEnd() && !cur().is(endKw) && !cur().is("endmodule")) {
                const size_t before = pos_;
                parseStatement(Ctx{true, false, true});
                if (pos_ == before) ++pos_;
            }
            accept(endKw);
            if (accept(":")) ++pos_;
        } else if (t.is("localparam") || t.is("parameter")) {
            parseParameterDecl();
        } else if (t.is("wire") || t.is("tri") || t.is("uwire") || t.is("wand") || t.is("wor")) {
            parseNetDecl();
        } else if (t.is("generate") || t.is("endgenerate")) {
            ++pos_;
        } else if (t.is("for")) {  // generate for
            ++pos_;
            if (cur().is("(")) skipBalanced();
            parseItemBlock();
        } else if (t.is("if")) {  // generate if
            ++pos_;
            if (cur().is("(")) skipBalanced();
            parseItemBlock();
            if (accept("else")) parseItemBlock();
        } else if (t.is("begin")) {
            parseItemBlock();
        } else if (t.kind == TokKind::Identifier && isInstanceStart()) {
            parseInstance();
        } else if (t.kind == TokKind::Directive || t.kind == TokKind::MacroUse) {
            ++pos_;  // never skip the items after it to the next `;`
            accept(";");
        } else {
            skipToSemicolon();
        }
    }

    // `localparam [type] A = 4'd3, B = A + 1;`: the numbers in the values are repair sites
    // (a wrong constant in a declaration), the names are the module's named constants.
    void parseParameterDecl()
    {
        ++pos_;
        while (!atEnd() && !cur().is(";") && !cur().is("endmodule")) {
            if (cur().kind == TokKind::Identifier && at(pos_ + 1).is("=")) {
                localparams_.push_back(std::string(cur().text));
                pos_ += 2;
                int depth = 0;
                while (!atEnd() && !(depth == 0 && (cur().is(",") || cur().is(";"))) &&
                       !cur().is("endmodule")) {
                    if (cur().is("(") || cur().is("[") || cur().is("{")) ++depth;
                    if (cur().is(")") || cur().is("]") || cur().is("}")) --depth;
                    if (cur().kind == TokKind::Number && !at(pos_ + 1).is("'")) {
                        Site v = makeSite(SiteKind::ParamValue, cur().begin, cur().end);
                        v.target = localparams_.back();
                        emit(std::move(v));
                    }
                    ++pos_;
                }
                continue;
            }
            if (cur().is("(") || cur().is("[") || cur().is("{")) {
                skipBalanced();
            } else {
                ++pos_;
            }
        }
        accept(";");
    }

    // Every loop over items goes through here: an item the parser does not understand (a
    // stray `end`) is stepped over, so parsing always terminates.
    void parseItemAdvancing()
    {
        const size_t before = pos_;
        parseItem();
        if (pos_ == before) ++pos_;
    }

    void parseItemBlock()
    {
        if (cur().is("if")) return parseItem();
        if (!accept("begin")) return parseItem();
        if (accept(":")) ++pos_;
        while (!atEnd() && !cur().is("end") && !cur().is("endmodule")) parseItemAdvancing();
        accept("end");
        if (accept(":")) ++pos_;
    }

    // `mod [#(...)] inst (` where mod is not a type keyword.
    bool isInstanceStart() const
    {
        size_t p = pos_ + 1;
        if (at(p).is("#")) {
            ++p;
            if (!at(p).is("(")) return false;
            int depth = 0;
            do {
                if (at(p).is("(")) ++depth;
                if (at(p).is(")")) --depth;
                ++p;
            } while (depth > 0 && at(p).kind != TokKind::End);
        }
        return at(p).kind == TokKind::Identifier && at(p + 1).is("(");
    }

    void parseInstance()
    {
        Site s = makeSite(SiteKind::PortConnections, cur().begin, cur().end);
        s.target = std::string(cur().text);
        ++pos_;
        if (accept("#")) skipBalanced();
        ++pos_;  // instance name
        const uint32_t listBegin = cur().begin;
        accept("(");
        while (!atEnd() && !cur().is(")")) {
            if (accept(".") && cur().kind == TokKind::Identifier) {
                std::string port(cur().text);
                ++pos_;
                if (cur().is("(")) {
                    ++pos_;
                    const uint32_t b = cur().begin;
                    if (!cur().is(")")) parseExpr(Ctx{false, false});
                    const uint32_t e = prevEnd();
                    accept(")");
                    if (e > b) {
                        s.parts.push_back(range(b, e));
                        s.partNames.push_back(port);
                        s.partTexts.push_back(textOf(b, e));
                    }
                }
            } else {
                ++pos_;
            }
            accept(",");
        }
        accept(")");
        s.choice = range(listBegin, prevEnd());
        accept(";");
        if (s.parts.size() >= 2) emit(std::move(s));
    }

    // `wire [7:0] a = x + y, b;`: a net declaration assignment is a continuous assignment
    // (IEEE 1800 6.7.1); its right-hand sides are parsed like `assign`'s.
    void parseNetDecl()
    {
        ++pos_;
        while (!atEnd() && !cur().is(";") && !cur().is("endmodule")) {
            if (cur().kind == TokKind::Identifier && at(pos_ + 1).is("=")) {
                pos_ += 2;
                const uint32_t b = cur().begin;
                parseExpr(Ctx{});
                emit(makeSite(SiteKind::ContAssignRhs, b, prevEnd()));
                if (!cur().is(",") && !cur().is(";")) return skipToSemicolon();
            } else if (cur().is("(") || cur().is("[") || cur().is("{")) {
                skipBalanced();
            } else {
                ++pos_;
            }
        }
        accept(";");
    }

    void parseContAssign()
    {
        do {
            parseLvalue();
            if (!accept("=")) return skipToSemicolon();
            const uint32_t b = cur().begin;
            parseExpr(Ctx{});
            Site s = makeSite(SiteKind::ContAssignRhs, b, prevEnd());
            emit(std::move(s));
        } while (accept(","));
        accept(";");
    }

    // ---- statements ----
    void parseStatement(Ctx ctx)
    {
        const Nesting nesting(*this);
        const Token& t = cur();
        if (t.is("begin")) {
            ++pos_;
            if (accept(":")) ++pos_;
            while (!atEnd() && !cur().is("end") && !cur().is("endmodule")) {
                const size_t before = pos_;
                parseStatement(ctx);
                if (pos_ == before) ++pos_;  // never spin on a token no rule consumes
            }
            accept("end");
            if (accept(":")) ++pos_;
        } else if (t.is("unique") || t.is("unique0") || t.is("priority")) {
            ++pos_;
            parseStatement(ctx);
        } else if (t.is("if")) {
            parseIf(ctx);
        } else if (t.is("case") || t.is("casez") || t.is("casex")) {
            parseCase(ctx);
        } else if (t.is("for")) {
            parseFor(ctx);
        } else if (t.is("while") || t.is("repeat")) {
            ++pos_;
            if (cur().is("(")) skipBalanced();
            parseStatement(ctx);
        } else if (t.is("forever")) {
            ++pos_;
            parseStatement(ctx);
        } else if (t.is(";")) {
            ++pos_;
        } else if (t.is("return")) {
            ++pos_;
            if (!cur().is(";")) parseExpr(ctx);
            accept(";");
        } else if (t.kind == TokKind::Directive || t.kind == TokKind::MacroUse) {
            ++pos_;
            accept(";");
        } else if (t.is("#")) {  // a delay control before a statement: `#1 q = d;`
            skipDelay();
            parseStatement(ctx);
        } else if (t.kind == TokKind::Identifier || t.is("{")) {
            parseAssignmentStatement(ctx);
        } else {
            skipToSemicolon();
        }
    }

    bool conditionMentionsReset(uint32_t b, uint32_t e) const
    {
        if (reset_.name.empty()) return false;
        for (size_t i = lowerToken(b); i < toks_.size() && toks_[i].end <= e; ++i)
            if (toks_[i].text == reset_.name) return true;
        return false;
    }

    // For a condition that reads the reset: is the then-branch the one taken in reset?
    bool thenBranchIsReset(uint32_t b, uint32_t e) const
    {
        std::string cond = textOf(b, e);
        bool negated = cond.find('!') != std::string::npos || cond.find('~') != std::string::npos ||
                       cond.find("== 0") != std::string::npos ||
                       cond.find("== 1'b0") != std::string::npos;
        return reset_.activeLow ? negated : !negated;
    }

    void parseIf(Ctx ctx)
    {
        const uint32_t ifBegin = cur().begin;
        ++pos_;  // if
        if (!accept("(")) return skipToSemicolon();
        const uint32_t b = cur().begin;
        parseExpr(ctx);
        const uint32_t e = prevEnd();
        accept(")");
        const bool resetCond = conditionMentionsReset(b, e);
        size_t conditionSite = SIZE_MAX;
        if (ctx.runtime) {
            Site s = makeSite(SiteKind::Condition, b, e);
            s.mentionsReset = resetCond;
            conditionSite = result_.sites.size();
            emit(std::move(s));
        }
        // The statements the condition guards: parts of its Condition site (dependence).
        auto guards = [&](uint32_t from, uint32_t to) {
            if (conditionSite != SIZE_MAX) result_.sites[conditionSite].parts.push_back(range(from, to));
        };
        Ctx thenCtx = ctx;
        Ctx elseCtx = ctx;
        if (resetCond) {
            thenCtx.inReset = thenBranchIsReset(b, e);
            elseCtx.inReset = !thenCtx.inReset;
        }
        const uint32_t thenBegin = cur().begin;
        parseStatement(thenCtx);
        const uint32_t thenEnd = prevEnd();
        guards(thenBegin, thenEnd);
        if (!accept("else")) return;
        const uint32_t elseBegin = cur().begin;
        parseStatement(elseCtx);
        guards(elseBegin, prevEnd());
        if (!ctx.runtime || cur().is("else")) return;
        Site s = makeSite(SiteKind::IfElse, ifBegin, ifBegin + 2);
        s.parts = {range(thenBegin, thenEnd), range(elseBegin, prevEnd())};
        s.partTexts = {textOf(thenBegin, thenEnd), textOf(elseBegin, prevEnd())};
        s.choice = range(ifBegin, prevEnd());
        s.choiceIsStatement = true;
        emit(std::move(s));
    }

    void parseCase(Ctx ctx)
    {
        const bool qualified = pos_ > 0 && (at(pos_ - 1).is("unique") || at(pos_ - 1).is("unique0") ||
                                            at(pos_ - 1).is("priority"));
        const uint32_t caseBegin = qualified ? at(pos_ - 1).begin : cur().begin;
        ++pos_;
        if (!cur().is("(")) return skipToSemicolon();
        ++pos_;
        parseExpr(ctx);
        accept(")");
        std::vector<Site> items;
        std::vector<std::string> labels;  // of the non-default items, as written
        std::string defaultText;
        while (!atEnd() && !cur().is("endcase")) {
            const uint32_t itemBegin = cur().begin;
            const bool isDefault = cur().is("default");
            if (isDefault) {
                ++pos_;
                accept(":");
            } else {
                while (!atEnd() && !cur().is(":")) {
                    if (cur().is("(") || cur().is("[") || cur().is("{")) {
                        skipBalanced();
                    } else {
                        ++pos_;
                    }
                }
                labels.push_back(textOf(itemBegin, prevEnd()));
                accept(":");
            }
            const uint32_t stmtBegin = cur().begin;
            const size_t before = pos_;
            parseStatement(ctx);
            if (pos_ == before) ++pos_;
            const uint32_t stmtEnd = prevEnd();
            Site s = makeSite(SiteKind::CaseItem, itemBegin, stmtEnd);
            s.choice = range(stmtBegin, stmtEnd);
            s.choiceIsStatement = true;
            s.isDefaultItem = isDefault;
            s.inResetBranch = ctx.inReset;
            if (isDefault) defaultText = textOf(stmtBegin, stmtEnd);
            else s.duplicateLabel = std::count(labels.begin(), labels.end() - 1, labels.back()) > 0;
            items.push_back(std::move(s));
        }
        const bool ended = accept("endcase");
        const ByteRange statement = range(caseBegin, prevEnd());
        if (!ctx.runtime) return;
        std::vector<std::string> unused;
        for (const auto& name : localparams_)
            if (std::find(labels.begin(), labels.end(), name) == labels.end()) unused.push_back(name);
        const bool hasDefault = std::any_of(items.begin(), items.end(), [](const Site& i) { return i.isDefaultItem; });
        for (auto& s : items) {
            if (!s.isDefaultItem) s.altText = defaultText;
            if (s.duplicateLabel) s.unusedLabels = unused;
            s.caseHasDefault = hasDefault;
            if (ended) s.caseStatement = statement;
            emit(std::move(s));
        }
    }

    void parseFor(Ctx ctx)
    {
        ++pos_;
        if (!accept("(")) return skipToSemicolon();
        while (!atEnd() && !cur().is(";")) ++pos_;  // init
        accept(";");
        if (!cur().is(";")) parseExpr(ctx);
        accept(";");
        int depth = 1;
        while (!atEnd() && depth > 0) {  // step
            if (cur().is("(")) ++depth;
            if (cur().is(")")) --depth;
            ++pos_;
        }
        parseStatement(ctx);
    }

    void parseLvalue()
    {
        if (cur().is("{")) {
            skipBalanced();
            return;
        }
        ++pos_;
        while (cur().is("[") || cur().is(".")) {
            if (cur().is(".")) {
                pos_ += 2;
            } else {
                skipBalanced();
            }
        }
    }

    void parseAssignmentStatement(Ctx ctx)
    {
        const uint32_t stmtBegin = cur().begin;
        if (cur().kind == TokKind::Identifier && at(pos_ + 1).is("(")) return skipToSemicolon();
        parseLvalue();
        const Token& op = cur();
        const bool nonblocking = op.is("<=");
        const bool blocking = op.is("=");
        if (!nonblocking && !blocking) return skipToSemicolon();  // x++, x += ...: skipped
        ++pos_;
        skipDelay();  // an intra-assignment delay `q <= #1 d;` (ignored, as synthesis does)
        parseExpr(ctx);
        if (!accept(";")) return skipToSemicolon();
        if (!ctx.runtime || ctx.inFunction) return;
        Site s = makeSite(SiteKind::ProcAssign, op.begin, op.end);
        s.choice = range(stmtBegin, prevEnd());
        s.choiceIsStatement = true;
        s.blocking = blocking;
        s.inResetBranch = ctx.inReset;
        emit(std::move(s));
    }

    // ---- expressions ----
    static int binaryPrecedence(const Token& t)
    {
        if (t.kind != TokKind::Operator) return -1;
        const std::string_view s = t.text;
        if (s == "||") return 1;
        if (s == "&&") return 2;
        if (s == "|") return 3;
        if (s == "^" || s == "~^" || s == "^~") return 4;
        if (s == "&") return 5;
        if (s == "==" || s == "!=" || s == "===" || s == "!==" || s == "==?" || s == "!=?")
            return 6;
        if (s == "<" || s == "<=" || s == ">" || s == ">=") return 7;
        if (s == "<<" || s == ">>" || s == "<<<" || s == ">>>") return 8;
        if (s == "+" || s == "-") return 9;
        if (s == "*" || s == "/" || s == "%") return 10;
        if (s == "**") return 11;
        return -1;
    }

    ExprInfo parseExpr(Ctx ctx)
    {
        const Nesting nesting(*this);
        ExprInfo cond = parseBinary(ctx, 1);
        if (!cur().is("?")) return cond;
        if (ctx.runtime) {
            Site s = makeSite(SiteKind::Condition, cond.begin, cond.end);
            s.mentionsReset = conditionMentionsReset(cond.begin, cond.end);
            emit(std::move(s));
        }
        ++pos_;
        parseExpr(ctx);
        accept(":");
        ExprInfo rhs = parseExpr(ctx);
        return ExprInfo{cond.begin, rhs.end, ExprInfo::Other};
    }

    ExprInfo parseBinary(Ctx ctx, int minPrec)
    {
        const Nesting nesting(*this);
        ExprInfo lhs = parseUnary(ctx);
        while (true) {
            const Token& op = cur();
            const int prec = binaryPrecedence(op);
            if (prec < minPrec) return lhs;
            ++pos_;
            // `**` is right-associative; all others are left-associative.
            ExprInfo rhs = parseBinary(ctx, op.is("**") ? prec : prec + 1);
            ExprInfo node{lhs.begin, rhs.end, ExprInfo::Other};
            if (ctx.runtime) {
                Site s = makeSite(SiteKind::BinaryOp, op.begin, op.end);
                s.choice = range(node.begin, node.end);
                emit(std::move(s));
            }
            lhs = node;
        }
    }

    ExprInfo parseUnary(Ctx ctx)
    {
        const Nesting nesting(*this);
        const Token& t = cur();
        static constexpr std::string_view kUnary[] = {"!", "~", "-", "+", "&", "|", "^",
                                                      "~&", "~|", "~^", "^~"};
        for (std::string_view u : kUnary) {
            if (t.kind == TokKind::Operator && t.text == u) {
                ++pos_;
                ExprInfo operand = parseUnary(ctx);
                ExprInfo node{t.begin, operand.end, ExprInfo::Other};
                if (ctx.runtime && (u == "~" || u == "!")) {
                    Site s = makeSite(SiteKind::UnaryOp, t.begin, t.end);
                    s.choice = range(node.begin, node.end);
                    emit(std::move(s));
                }
                return node;
            }
        }
        return parsePostfix(ctx, parsePrimary(ctx));
    }

    ExprInfo parsePrimary(Ctx ctx)
    {
        const Token& t = cur();
        if (t.kind == TokKind::Number) {
            ++pos_;
            if (ctx.runtime && !cur().is("'")) {
                Site s = makeSite(SiteKind::Literal, t.begin, t.end);
                s.inResetBranch = ctx.inReset;
                emit(std::move(s));
            }
            return {t.begin, t.end, ExprInfo::Number};
        }
        if (t.is("(")) {
            ++pos_;
            parseExpr(ctx);
            accept(")");
            return {t.begin, prevEnd(), ExprInfo::Other};
        }
        if (t.is("{") || t.is("'{")) return parseConcat(ctx);
        if (t.kind == TokKind::SystemIdentifier || t.kind == TokKind::Identifier) {
            ++pos_;
            while (cur().is("::") || (cur().is(".") && at(pos_ + 1).kind == TokKind::Identifier))
                pos_ += 2;
            if (cur().is("(")) {  // function call: arguments are runtime expressions
                ++pos_;
                while (!atEnd() && !cur().is(")")) {
                    const size_t before = pos_;
                    parseExpr(ctx);
                    accept(",");
                    if (pos_ == before) ++pos_;
                }
                accept(")");
                return {t.begin, prevEnd(), ExprInfo::Other};
            }
            if (t.kind == TokKind::Identifier && ctx.runtime && !cur().is("[") &&
                !cur().is("'"))
                emit(makeSite(SiteKind::Identifier, t.begin, prevEnd()));
            return {t.begin, prevEnd(), ExprInfo::Ident};
        }
        if (t.is("'")) {  // bare cast apostrophe is handled by the postfix of its type
            ++pos_;
            return {t.begin, prevEnd(), ExprInfo::Other};
        }
        ++pos_;  // something we do not model: consume one token
        return {t.begin, t.end, ExprInfo::Other};
    }

    ExprInfo parsePostfix(Ctx ctx, ExprInfo base)
    {
        if (cur().is("'") && at(pos_ + 1).is("(")) {  // size or type cast W'(expr)
            ++pos_;
            ++pos_;
            parseExpr(ctx);
            accept(")");
            return {base.begin, prevEnd(), ExprInfo::Other};
        }
        if (!cur().is("[")) return base;
        Site s = makeSite(SiteKind::Select, base.begin, base.end);
        bool numeric = true;
        int brackets = 0;
        while (cur().is("[")) {
            ++brackets;
            ++pos_;
            const Token& first = cur();
            ExprInfo idx = parseExpr(Ctx{false, false});
            numeric = numeric && idx.kind == ExprInfo::Number && isPlainDecimal(first.text);
            if (numeric) s.selMsb = s.selLsb = std::stol(std::string(first.text));
            if (cur().is(":")) {
                ++pos_;
                const Token& second = cur();
                ExprInfo lsb = parseExpr(Ctx{false, false});
                numeric = numeric && lsb.kind == ExprInfo::Number && isPlainDecimal(second.text);
                if (numeric) s.selLsb = std::stol(std::string(second.text));
            } else if (cur().is("+:") || cur().is("-:")) {
                numeric = false;
                ++pos_;
                parseExpr(Ctx{false, false});
            }
            accept("]");
        }
        const uint32_t end = prevEnd();
        s.token = s.choice = range(base.begin, end);
        s.text = textOf(base.begin, end);
        s.indexIsNumber = numeric && brackets == 1;
        if (ctx.runtime && base.kind == ExprInfo::Ident) emit(std::move(s));
        return {base.begin, end, ExprInfo::Select};
    }

    static bool isPlainDecimal(std::string_view s)
    {
        if (s.empty() || s.size() > 9) return false;
        for (char c : s)
            if (c < '0' || c > '9') return false;
        return true;
    }

    ExprInfo parseConcat(Ctx ctx)
    {
        const Token& open = cur();
        ++pos_;
        const uint32_t firstBegin = cur().begin;
        ExprInfo first = parseExpr(Ctx{false, false});
        if (cur().is("{")) {  // replication {N{...}}: the count is constant
            ++pos_;
            const uint32_t innerBegin = cur().begin;
            std::vector<ExprInfo> inner;
            while (!atEnd() && !cur().is("}")) {
                const size_t before = pos_;
                inner.push_back(parseExpr(ctx));
                accept(",");
                if (pos_ == before) ++pos_;
            }
            accept("}");
            accept("}");
            const uint32_t end = prevEnd();
            if (ctx.runtime && inner.size() == 1 && inner[0].kind == ExprInfo::Select) {
                Site s = makeSite(SiteKind::Replication, open.begin, end);
                s.parts.push_back(range(innerBegin, inner[0].end));
                s.partTexts.push_back(textOf(firstBegin, first.end));  // the count
                emit(std::move(s));
            }
            return {open.begin, end, ExprInfo::Concat};
        }
        // Plain concatenation: re-parse the first element as a runtime expression.
        std::vector<ExprInfo> parts;
        if (ctx.runtime) {
            size_t save = pos_;
            pos_ = indexOf(firstBegin);
            parts.push_back(parseExpr(ctx));
            pos_ = save;
        } else {
            parts.push_back(first);
        }
        while (accept(",")) parts.push_back(parseExpr(ctx));
        accept("}");
        const uint32_t end = prevEnd();
        if (ctx.runtime && parts.size() >= 2 && open.is("{")) {
            Site s = makeSite(SiteKind::Concat, open.begin, end);
            for (const auto& p : parts) {
                s.parts.push_back(range(p.begin, p.end));
                s.partTexts.push_back(textOf(p.begin, p.end));
            }
            emit(std::move(s));
        }
        return {open.begin, end, ExprInfo::Concat};
    }

    size_t indexOf(uint32_t offset) const
    {
        const Token* t = tokenAt(offset);
        return t ? static_cast<size_t>(t - toks_.data()) : pos_;
    }

    const SourceFile& src_;
    int file_;
    ResetFacts reset_;
    std::vector<Token> toks_;
    size_t pos_ = 0;
    std::string module_;
    std::vector<std::string> localparams_;  // named constants of the current module so far
    ParseResult result_;
    int nesting_ = 0;  // recursive rules now on the stack
};

}  // namespace

ParseResult parseRtlFile(const SourceFile& source, int file, const ResetFacts& reset)
{
    LexResult lexed = lexSystemVerilog(source.text);
    if (!lexed.error.empty()) {
        ParseResult r;
        r.error = fmt::format("{}:{}:{}: {}", source.path, lexed.errorLine, lexed.errorColumn,
                              lexed.error);
        return r;
    }
    return Parser(source, file, reset, std::move(lexed.tokens)).run();
}

}  // namespace veriloop::rtl
