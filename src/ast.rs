//! The syntax tree: data only.
//!
//! Every node carries the byte [`Span`] of the source it came from; line and
//! column are computed from it only when a diagnostic is rendered. Names are
//! plain strings here; the resolver turns them into slots.

use num_bigint::BigInt;

/// A half-open byte range `start..end` into the source text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Span {
    /// First byte of the node.
    pub start: u32,
    /// One past the last byte of the node.
    pub end: u32,
}

impl Span {
    /// A span covering `start..end`.
    #[must_use]
    pub fn new(start: usize, end: usize) -> Self {
        Self {
            start: start as u32,
            end: end as u32,
        }
    }

    /// The smallest span covering both `self` and `other`.
    #[must_use]
    pub fn to(self, other: Span) -> Span {
        Span {
            start: self.start.min(other.start),
            end: self.end.max(other.end),
        }
    }
}

impl From<std::ops::Range<usize>> for Span {
    fn from(r: std::ops::Range<usize>) -> Self {
        Span::new(r.start, r.end)
    }
}

/// A whole source file.
#[derive(Clone, Debug, PartialEq)]
pub struct Module {
    /// The top-level statements in order.
    pub body: Vec<Stmt>,
}

/// A statement with its span.
#[derive(Clone, Debug, PartialEq)]
pub struct Stmt {
    /// What the statement is.
    pub kind: StmtKind,
    /// Where it is (the whole statement, including its block).
    pub span: Span,
}

/// One `case pattern [as name] [if guard]: body` of a `match`.
///
/// Patterns are written like expressions (literals, names, dotted names,
/// `[...]`/`(...)` with `*rest`, `{key: p, **rest}`, `Class(p, k=p)`,
/// `p | p`), so the parser reads them as expressions and the resolver
/// checks and translates them.
#[derive(Clone, Debug, PartialEq)]
pub struct MatchCase {
    /// The pattern, in expression form.
    pub pattern: Expr,
    /// `as name` after the whole pattern.
    pub binding: Option<Ident>,
    /// `if guard`.
    pub guard: Option<Expr>,
    /// The case's block.
    pub body: Vec<Stmt>,
}

/// Every statement of the supported subset.
#[derive(Clone, Debug, PartialEq)]
pub enum StmtKind {
    /// `match subject:` and its cases.
    Match {
        subject: Expr,
        cases: Vec<MatchCase>,
    },
    /// An expression evaluated for its effect.
    Expr(Expr),
    /// `a = b = value`: one or more targets, assigned left to right.
    Assign { targets: Vec<Expr>, value: Expr },
    /// `target op= value`.
    AugAssign {
        target: Expr,
        op: BinOp,
        value: Expr,
    },
    /// `target: annotation [= value]`.
    AnnAssign {
        target: Expr,
        annotation: Expr,
        value: Option<Expr>,
    },
    /// `pass`.
    Pass,
    /// `break`.
    Break,
    /// `continue`.
    Continue,
    /// `return [value]`.
    Return(Option<Expr>),
    /// `if`/`elif`/`else`; an `elif` is an `If` alone in `orelse`.
    If {
        test: Expr,
        body: Vec<Stmt>,
        orelse: Vec<Stmt>,
    },
    /// `while test: body else: orelse`.
    While {
        test: Expr,
        body: Vec<Stmt>,
        orelse: Vec<Stmt>,
    },
    /// `[async] for target in iter: body else: orelse`.
    For {
        target: Expr,
        iter: Expr,
        body: Vec<Stmt>,
        orelse: Vec<Stmt>,
        is_async: bool,
    },
    /// `[async] def`.
    FunctionDef(Box<FunctionDef>),
    /// `class`.
    ClassDef(Box<ClassDef>),
    /// `try`; `is_star` when the handlers are `except*`.
    Try {
        body: Vec<Stmt>,
        handlers: Vec<ExceptHandler>,
        orelse: Vec<Stmt>,
        finalbody: Vec<Stmt>,
        is_star: bool,
    },
    /// `raise [exc [from cause]]`.
    Raise {
        exc: Option<Expr>,
        cause: Option<Expr>,
    },
    /// `[async] with a as x, b: body`.
    With {
        items: Vec<WithItem>,
        body: Vec<Stmt>,
        is_async: bool,
    },
    /// `global a, b`.
    Global(Vec<Ident>),
    /// `nonlocal a, b`.
    Nonlocal(Vec<Ident>),
    /// `del a, b[0], c.d`.
    Delete(Vec<Expr>),
    /// `assert test[, msg]`.
    Assert { test: Expr, msg: Option<Expr> },
    /// `import a.b as c, d`.
    Import(Vec<Alias>),
    /// `from module import a as b, c` (`names` empty never; `*` is an alias named `*`).
    ImportFrom {
        module: Ident,
        names: Vec<Alias>,
        level: u32,
    },
}

/// An identifier with its own span (for precise error carets).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Ident {
    /// The name as written.
    pub name: String,
    /// Where it is written.
    pub span: Span,
}

/// `name [as asname]` in an import.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Alias {
    /// The imported name, dotted for `import a.b`.
    pub name: Ident,
    /// The local name after `as`.
    pub asname: Option<Ident>,
}

/// `def` or `async def`.
#[derive(Clone, Debug, PartialEq)]
pub struct FunctionDef {
    /// The function's name.
    pub name: Ident,
    /// Its parameter list.
    pub params: Params,
    /// Its body.
    pub body: Vec<Stmt>,
    /// Decorators, outermost first (as written, top to bottom).
    pub decorators: Vec<Expr>,
    /// `-> annotation`, evaluated and ignored.
    pub returns: Option<Expr>,
    /// `async def`.
    pub is_async: bool,
}

/// `class Name(bases, keywords): body`.
#[derive(Clone, Debug, PartialEq)]
pub struct ClassDef {
    /// The class's name.
    pub name: Ident,
    /// Positional bases.
    pub bases: Vec<Expr>,
    /// Keywords such as `metaclass=`.
    pub keywords: Vec<Keyword>,
    /// The class body.
    pub body: Vec<Stmt>,
    /// Decorators, outermost first.
    pub decorators: Vec<Expr>,
}

/// One `except [type [as name]]:` clause.
#[derive(Clone, Debug, PartialEq)]
pub struct ExceptHandler {
    /// The exception type (or tuple) matched; `None` for a bare `except:`.
    pub typ: Option<Expr>,
    /// The name bound to the exception.
    pub name: Option<Ident>,
    /// The handler's body.
    pub body: Vec<Stmt>,
    /// From `except` to the end of the body.
    pub span: Span,
}

/// One `expr [as target]` of a `with` statement.
#[derive(Clone, Debug, PartialEq)]
pub struct WithItem {
    /// The context manager expression.
    pub context: Expr,
    /// The target bound to `__enter__`'s result.
    pub target: Option<Expr>,
}

/// A parameter list: `def f(a, /, b=1, *args, c, d=2, **kw)`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Params {
    /// Parameters before `/`.
    pub posonly: Vec<Param>,
    /// Ordinary positional-or-keyword parameters.
    pub args: Vec<Param>,
    /// `*args`.
    pub vararg: Option<Param>,
    /// Parameters after `*` or `*args`.
    pub kwonly: Vec<Param>,
    /// `**kwargs`.
    pub kwarg: Option<Param>,
}

/// One parameter.
#[derive(Clone, Debug, PartialEq)]
pub struct Param {
    /// Its name.
    pub name: Ident,
    /// Its default value, if any.
    pub default: Option<Expr>,
    /// Its annotation, evaluated and ignored.
    pub annotation: Option<Expr>,
}

/// `name=value` in a call or class header.
#[derive(Clone, Debug, PartialEq)]
pub struct Keyword {
    /// The keyword.
    pub name: Ident,
    /// The value.
    pub value: Expr,
}

/// An expression with its span.
#[derive(Clone, Debug, PartialEq)]
pub struct Expr {
    /// What the expression is.
    pub kind: ExprKind,
    /// Where it is.
    pub span: Span,
}

/// Every expression of the supported subset.
#[derive(Clone, Debug, PartialEq)]
pub enum ExprKind {
    /// A name read, assigned or deleted (context comes from the position).
    Name(String),
    /// A literal.
    Constant(Constant),
    /// An f-string, after adjacent literals were joined.
    FString(Vec<FStringPart>),
    /// `left op right`.
    BinOp {
        left: Box<Expr>,
        op: BinOp,
        right: Box<Expr>,
    },
    /// `op operand`.
    UnaryOp { op: UnaryOp, operand: Box<Expr> },
    /// `a and b and c` / `a or b`: two or more operands.
    BoolOp { op: BoolOp, values: Vec<Expr> },
    /// `a < b <= c`: one left operand and one or more (op, right) pairs.
    Compare {
        left: Box<Expr>,
        ops: Vec<CmpOp>,
        comparators: Vec<Expr>,
    },
    /// `body if test else orelse`.
    IfExp {
        test: Box<Expr>,
        body: Box<Expr>,
        orelse: Box<Expr>,
    },
    /// `lambda params: body`.
    Lambda {
        params: Box<Params>,
        body: Box<Expr>,
    },
    /// `target := value`.
    NamedExpr { target: Ident, value: Box<Expr> },
    /// `func(args)`.
    Call { func: Box<Expr>, args: Vec<Arg> },
    /// `value.attr`.
    Attribute { value: Box<Expr>, attr: Ident },
    /// `value[index]`; a slice index is an [`ExprKind::Slice`], `a[1, 2]` a tuple.
    Subscript { value: Box<Expr>, index: Box<Expr> },
    /// `lower:upper:step`, only inside a subscript.
    Slice {
        lower: Option<Box<Expr>>,
        upper: Option<Box<Expr>>,
        step: Option<Box<Expr>>,
    },
    /// `[a, b]`.
    List(Vec<Expr>),
    /// `(a, b)` or `a, b`.
    Tuple(Vec<Expr>),
    /// `{a, b}`.
    Set(Vec<Expr>),
    /// `{k: v, **m}`.
    Dict(Vec<DictItem>),
    /// `*value` in a call, display or assignment target.
    Starred(Box<Expr>),
    /// `[elt for ...]`.
    ListComp {
        elt: Box<Expr>,
        generators: Vec<Comprehension>,
    },
    /// `{elt for ...}`.
    SetComp {
        elt: Box<Expr>,
        generators: Vec<Comprehension>,
    },
    /// `{key: value for ...}`.
    DictComp {
        key: Box<Expr>,
        value: Box<Expr>,
        generators: Vec<Comprehension>,
    },
    /// `(elt for ...)`.
    GeneratorExp {
        elt: Box<Expr>,
        generators: Vec<Comprehension>,
    },
    /// `await value`.
    Await(Box<Expr>),
    /// `yield [value]`.
    Yield(Option<Box<Expr>>),
    /// `yield from value`.
    YieldFrom(Box<Expr>),
}

/// A literal value.
#[derive(Clone, Debug, PartialEq)]
pub enum Constant {
    /// `None`.
    None,
    /// `True` / `False`.
    Bool(bool),
    /// An integer literal that fits in an `i64`.
    Int(i64),
    /// An integer literal that does not.
    BigInt(BigInt),
    /// A float literal.
    Float(f64),
    /// A string literal, escapes processed, adjacent literals joined.
    Str(String),
    /// `...`.
    Ellipsis,
}

/// A piece of an f-string.
#[derive(Clone, Debug, PartialEq)]
pub enum FStringPart {
    /// Literal text, escapes and `{{`/`}}` already processed.
    Literal(String),
    /// `{value!conversion:spec}`.
    Field(Box<FormattedValue>),
}

/// One replacement field of an f-string.
#[derive(Clone, Debug, PartialEq)]
pub struct FormattedValue {
    /// The expression inside the braces.
    pub value: Expr,
    /// `!r`, `!s` or `!a`.
    pub conversion: Option<char>,
    /// The format spec after `:`, itself possibly holding nested fields.
    pub spec: Option<Vec<FStringPart>>,
    /// For `{x=}`: the text `x=` (with its spaces) printed before the value.
    pub debug_text: Option<String>,
}

/// An argument in a call.
#[derive(Clone, Debug, PartialEq)]
pub enum Arg {
    /// `value`.
    Positional(Expr),
    /// `*value`.
    Starred(Expr),
    /// `name=value`.
    Keyword(Keyword),
    /// `**value`.
    DoubleStarred(Expr),
}

/// An entry of a dict display.
#[derive(Clone, Debug, PartialEq)]
pub enum DictItem {
    /// `key: value`.
    Pair(Expr, Expr),
    /// `**mapping`.
    Unpack(Expr),
}

/// One `for target in iter if cond...` clause of a comprehension.
#[derive(Clone, Debug, PartialEq)]
pub struct Comprehension {
    /// The loop target.
    pub target: Expr,
    /// The iterable.
    pub iter: Expr,
    /// The `if` filters.
    pub ifs: Vec<Expr>,
    /// `async for`.
    pub is_async: bool,
}

/// Binary arithmetic and bitwise operators.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BinOp {
    Add,
    Sub,
    Mul,
    MatMul,
    Div,
    FloorDiv,
    Mod,
    Pow,
    LShift,
    RShift,
    BitOr,
    BitXor,
    BitAnd,
}

/// Unary operators.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum UnaryOp {
    /// `not`.
    Not,
    /// `-`.
    Neg,
    /// `+`.
    Pos,
    /// `~`.
    Invert,
}

/// `and` / `or`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BoolOp {
    And,
    Or,
}

/// Comparison operators.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CmpOp {
    Eq,
    NotEq,
    Lt,
    LtE,
    Gt,
    GtE,
    Is,
    IsNot,
    In,
    NotIn,
}

impl BinOp {
    /// The operator as Python writes it, for error messages.
    #[must_use]
    pub fn symbol(self) -> &'static str {
        match self {
            BinOp::Add => "+",
            BinOp::Sub => "-",
            BinOp::Mul => "*",
            BinOp::MatMul => "@",
            BinOp::Div => "/",
            BinOp::FloorDiv => "//",
            BinOp::Mod => "%",
            BinOp::Pow => "**",
            BinOp::LShift => "<<",
            BinOp::RShift => ">>",
            BinOp::BitOr => "|",
            BinOp::BitXor => "^",
            BinOp::BitAnd => "&",
        }
    }
}

impl CmpOp {
    /// The operator as Python writes it, for error messages.
    #[must_use]
    pub fn symbol(self) -> &'static str {
        match self {
            CmpOp::Eq => "==",
            CmpOp::NotEq => "!=",
            CmpOp::Lt => "<",
            CmpOp::LtE => "<=",
            CmpOp::Gt => ">",
            CmpOp::GtE => ">=",
            CmpOp::Is => "is",
            CmpOp::IsNot => "is not",
            CmpOp::In => "in",
            CmpOp::NotIn => "not in",
        }
    }
}
