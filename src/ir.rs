//! The resolved tree the interpreter walks.
//!
//! The resolver turns the syntax tree into this form: every name is a slot
//! (`Local`, `Cell`, `Free`, `Global`) or, in a class body, a namespace
//! entry; literals are pre-built [`Value`]s; every node records whether it
//! can suspend (`await`, `yield`, `async for`, `async with`), so the
//! evaluator runs everything else through plain synchronous functions.

use crate::ast::{BinOp, BoolOp, CmpOp, Span, UnaryOp};
use crate::source::SourceFile;
use crate::value::{Symbol, Value};
use std::rc::Rc;

/// What kind of body a [`Code`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CodeKind {
    /// A module's top level.
    Module,
    /// A class body.
    Class,
    /// A `def`/`async def`/`lambda`/generator expression body.
    Function,
}

/// How calling a function behaves.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FunctionKind {
    /// Runs the body and returns its value.
    Plain,
    /// Returns a generator (the body has `yield`).
    Generator,
    /// Returns a coroutine (`async def`).
    Coroutine,
    /// Returns an async generator (`async def` with `yield`).
    AsyncGenerator,
}

/// A compiled body: module, class body or function.
pub struct Code {
    /// `__name__` of the function (`<module>`, `<lambda>`, `<genexpr>`, class name).
    pub name: Rc<str>,
    /// `__qualname__`.
    pub qualname: Rc<str>,
    /// Module, class body or function.
    pub kind: CodeKind,
    /// Plain, generator, coroutine or async generator.
    pub function_kind: FunctionKind,
    /// The parameter layout.
    pub params: ParamLayout,
    /// The statements.
    pub body: Vec<Stmt>,
    /// Number of local slots (parameters first).
    pub nlocals: usize,
    /// Name of each local slot, for messages, `locals()` and `vars()`.
    pub local_names: Vec<Symbol>,
    /// Number of cells the frame owns (variables captured by inner functions).
    pub ncells: usize,
    /// For each owned cell: its name, and the parameter slot whose value
    /// moves into it at entry, if it is a parameter.
    pub cells: Vec<(Symbol, Option<usize>)>,
    /// Names of the free variables (cells captured from outside), by index.
    pub free_names: Vec<Symbol>,
    /// The source file.
    pub file: Rc<SourceFile>,
    /// Where the definition is (the `def` line for functions).
    pub span: Span,
    /// The docstring, if the body starts with one.
    pub docstring: Option<Value>,
}

/// Where arguments go: parameter `i` binds local slot `i`.
#[derive(Clone, Debug, Default)]
pub struct ParamLayout {
    /// Names of positional parameters (positional-only first), then keyword-only.
    pub names: Vec<Symbol>,
    /// How many of `names` are positional-only.
    pub posonly: usize,
    /// How many of `names` are positional (including positional-only).
    pub positional: usize,
    /// How many of `names` are keyword-only (they follow the positional ones).
    pub kwonly: usize,
    /// `*args`: its slot is `positional + kwonly`.
    pub vararg: Option<Symbol>,
    /// `**kwargs`: its slot follows `*args` (or the keyword-only ones).
    pub kwarg: Option<Symbol>,
}

impl ParamLayout {
    /// Slot of `*args`.
    #[must_use]
    pub fn vararg_slot(&self) -> usize {
        self.positional + self.kwonly
    }

    /// Slot of `**kwargs`.
    #[must_use]
    pub fn kwarg_slot(&self) -> usize {
        self.positional + self.kwonly + usize::from(self.vararg.is_some())
    }

    /// Whether arguments bind one-to-one to the first slots (no `*`, `**`,
    /// keyword-only parameters) — the fast path of a call.
    #[must_use]
    pub fn is_simple(&self) -> bool {
        self.kwonly == 0 && self.vararg.is_none() && self.kwarg.is_none()
    }
}

/// How a new function captures each of its free variables.
#[derive(Clone, Copy, Debug)]
pub enum Capture {
    /// A cell owned by the defining frame.
    Cell(u32),
    /// A cell the defining function itself captured.
    Free(u32),
}

/// Everything needed to create a function object at run time.
pub struct FunctionTemplate {
    /// The compiled body.
    pub code: Rc<Code>,
    /// Default values of trailing positional parameters, evaluated at definition.
    pub defaults: Vec<Expr>,
    /// Defaults of keyword-only parameters, by position.
    pub kwdefaults: Vec<Option<Expr>>,
    /// Parameter and return annotations, evaluated at definition into
    /// `__annotations__`.
    pub annotations: Vec<(Symbol, Expr)>,
    /// Where each free variable's cell comes from.
    pub captures: Vec<Capture>,
}

/// A place a name's value lives.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NameRef {
    /// A local slot of the frame.
    Local(u32),
    /// A cell owned by the frame.
    Cell(u32),
    /// A cell captured by the running function.
    Free(u32),
    /// A module global (slot in the module's table), falling back to builtins.
    Global(u32, Symbol),
    /// A name in a class body: the class namespace, then globals, then builtins.
    ClassBody(Symbol),
}

/// An expression with its span and whether it can suspend.
pub struct Expr {
    /// What it computes.
    pub kind: ExprKind,
    /// Where it is.
    pub span: Span,
    /// Whether evaluating it can suspend (contains `await`/`yield`).
    pub suspends: bool,
}

/// One element of a list/tuple/set display or of positional arguments.
pub enum Elem {
    /// `x`.
    Single(Expr),
    /// `*xs`.
    Starred(Expr),
}

/// Call arguments.
pub struct Args {
    /// Positional arguments, possibly starred.
    pub positional: Vec<Elem>,
    /// Keyword arguments.
    pub keywords: Vec<(Symbol, Expr)>,
    /// `**mapping` arguments.
    pub double_starred: Vec<Expr>,
    /// Whether there is no `*` or `**` (the fast path).
    pub simple: bool,
}

/// One `for ... in ... if ...` clause of an inlined comprehension.
pub struct CompClause {
    /// The loop target (bound in slots of the running frame).
    pub target: Target,
    /// The iterable.
    pub iter: Expr,
    /// Filters.
    pub ifs: Vec<Expr>,
    /// `async for`.
    pub is_async: bool,
}

/// What a comprehension builds.
pub enum CompKind {
    /// `[elt for ...]`.
    List(Expr),
    /// `{elt for ...}`.
    Set(Expr),
    /// `{key: value for ...}`.
    Dict(Expr, Expr),
}

/// A piece of an f-string.
pub enum FPart {
    /// Literal text.
    Literal(Rc<str>),
    /// `{value!conversion:spec}`.
    Field {
        value: Expr,
        conversion: Option<char>,
        spec: Option<Vec<FPart>>,
    },
}

/// The built-ins that need the calling frame.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FrameBuiltin {
    /// `locals()`.
    Locals,
    /// `dir()`.
    Dir,
    /// `vars()`.
    Vars,
    /// `eval(source, globals, locals)`.
    Eval,
    /// `exec(source, globals, locals)`.
    Exec,
}

impl FrameBuiltin {
    /// The built-in taking the frame named `name`, if any.
    #[must_use]
    pub fn named(name: &str) -> Option<Self> {
        Some(match name {
            "locals" => Self::Locals,
            "dir" => Self::Dir,
            "vars" => Self::Vars,
            "eval" => Self::Eval,
            "exec" => Self::Exec,
            _ => return None,
        })
    }

    /// Its name.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Self::Locals => "locals",
            Self::Dir => "dir",
            Self::Vars => "vars",
            Self::Eval => "eval",
            Self::Exec => "exec",
        }
    }
}

/// Expression kinds.
pub enum ExprKind {
    /// A literal.
    Const(Value),
    /// A variable read.
    Name(NameRef),
    /// `obj.name`.
    Attr(Box<Expr>, Symbol),
    /// `obj[index]`.
    Subscript(Box<Expr>, Box<Expr>),
    /// `lower:upper:step`.
    Slice(Option<Box<Expr>>, Option<Box<Expr>>, Option<Box<Expr>>),
    /// `func(args)`.
    Call(Box<Expr>, Box<Args>),
    /// `obj.name(args)`: no bound-method object is built.
    CallMethod(Box<Expr>, Symbol, Box<Args>),
    /// `super().name(...)` and friends resolve `super` like any call; this
    /// marks the zero-argument form, which needs the frame.
    SuperCall,
    /// A call of a built-in that looks at the calling frame (`locals()`,
    /// `dir()`, `vars()`, `eval(...)`, `exec(...)`) by its global name;
    /// if the name is rebound to something else, an ordinary call.
    FrameCall(FrameBuiltin, Box<Expr>, Box<Args>),
    /// `left op right`.
    BinOp(BinOp, Box<Expr>, Box<Expr>),
    /// `op operand`.
    Unary(UnaryOp, Box<Expr>),
    /// `a and b`, `a or b`.
    BoolOp(BoolOp, Vec<Expr>),
    /// `a < b < c`.
    Compare(Box<Expr>, Vec<(CmpOp, Expr)>),
    /// `body if test else orelse`.
    IfExp(Box<Expr>, Box<Expr>, Box<Expr>),
    /// `lambda` (a function made at run time).
    Lambda(Rc<FunctionTemplate>),
    /// `target := value`.
    Walrus(NameRef, Box<Expr>),
    /// `[...]`.
    List(Vec<Elem>),
    /// `(...)`.
    Tuple(Vec<Elem>),
    /// `{a, b}`.
    Set(Vec<Elem>),
    /// `{k: v, **m}`: `None` key marks a `**` entry.
    Dict(Vec<(Option<Expr>, Expr)>),
    /// An inlined list/set/dict comprehension; `cells` are the cells it owns
    /// (made fresh each run).
    Comprehension {
        kind: Box<CompKind>,
        clauses: Vec<CompClause>,
        cells: Vec<u32>,
    },
    /// A generator expression: a generator function called with the first
    /// iterable.
    GeneratorExp(Rc<FunctionTemplate>, Box<Expr>),
    /// An f-string.
    FString(Vec<FPart>),
    /// `await value`.
    Await(Box<Expr>),
    /// `yield value`.
    Yield(Option<Box<Expr>>),
    /// `yield from value`.
    YieldFrom(Box<Expr>),
}

/// An assignment target.
pub enum Target {
    /// A variable.
    Name(NameRef),
    /// `obj.name = ...`.
    Attr(Expr, Symbol),
    /// `obj[index] = ...`.
    Subscript(Expr, Expr),
    /// `a, *b, c = ...`: `star` is the index of the starred target.
    Unpack(Vec<Target>, Option<usize>),
}

/// One `except` clause.
pub struct Handler {
    /// The class (or tuple) matched; `None` catches everything.
    pub typ: Option<Expr>,
    /// Where the exception is bound (and unbound after the clause).
    pub name: Option<NameRef>,
    /// The clause body.
    pub body: Vec<Stmt>,
    /// Where the clause is.
    pub span: Span,
}

/// A statement with its span and whether it can suspend.
pub struct Stmt {
    /// What it does.
    pub kind: StmtKind,
    /// Where it is.
    pub span: Span,
    /// Whether executing it can suspend.
    pub suspends: bool,
}

/// One name imported by `from m import a as b`.
pub struct ImportName {
    /// The attribute read from the module.
    pub name: Symbol,
    /// Where it is bound.
    pub target: NameRef,
}

/// A `match` pattern, resolved.
pub enum Pattern {
    /// `_`.
    Wildcard,
    /// A bare name: binds the subject.
    Capture(NameRef),
    /// A literal or dotted name: matches values equal to it.
    Value(Expr),
    /// `None`, `True`, `False`: matches that very object.
    Singleton(Value),
    /// `[p, *rest, q]`: a sequence (not a string) of matching items; the
    /// star, if any, is at the given index and binds the middle as a list.
    Sequence(Vec<Pattern>, Option<(usize, Option<NameRef>)>),
    /// `{key: p, **rest}`: a mapping with those keys.
    Mapping(Vec<(Expr, Pattern)>, Option<NameRef>),
    /// `Class(p, name=p)`: an instance whose attributes match.
    Class(Expr, Vec<Pattern>, Vec<(Symbol, Pattern)>),
    /// `p | q`: the first alternative that matches.
    Or(Vec<Pattern>),
    /// `p as name`.
    As(Box<Pattern>, NameRef),
}

/// One resolved `case`.
pub struct MatchCase {
    /// The pattern.
    pub pattern: Pattern,
    /// `if guard`.
    pub guard: Option<Expr>,
    /// The block.
    pub body: Vec<Stmt>,
}

/// Statement kinds.
pub enum StmtKind {
    /// `match subject:` and its cases.
    Match(Expr, Vec<MatchCase>),
    /// An expression for its effect.
    Expr(Expr),
    /// `t1 = t2 = value`.
    Assign(Vec<Target>, Expr),
    /// `target op= value` (the target's object and index evaluated once).
    AugAssign(Target, BinOp, Expr),
    /// `if`.
    If(Expr, Vec<Stmt>, Vec<Stmt>),
    /// `while`.
    While(Expr, Vec<Stmt>, Vec<Stmt>),
    /// `[async] for target in iter`.
    For {
        target: Target,
        iter: Expr,
        body: Vec<Stmt>,
        orelse: Vec<Stmt>,
        is_async: bool,
    },
    /// `return`.
    Return(Option<Expr>),
    /// `break`.
    Break,
    /// `continue`.
    Continue,
    /// `pass` and other no-ops.
    Pass,
    /// `def`: decorators (outermost first), the function, where it is bound.
    FunctionDef(Vec<Expr>, Rc<FunctionTemplate>, NameRef),
    /// `class`.
    ClassDef(Box<ClassDef>),
    /// `try`.
    Try {
        body: Vec<Stmt>,
        handlers: Vec<Handler>,
        orelse: Vec<Stmt>,
        finalbody: Vec<Stmt>,
        is_star: bool,
    },
    /// `raise [exc [from cause]]`.
    Raise(Option<Expr>, Option<Expr>),
    /// `[async] with`.
    With {
        items: Vec<(Expr, Option<Target>)>,
        body: Vec<Stmt>,
        is_async: bool,
    },
    /// `del targets`.
    Delete(Vec<Target>),
    /// `assert test, msg`.
    Assert(Expr, Option<Expr>),
    /// `import a.b.c [as d]`: the module path, and where the result is bound
    /// (the top package without `as`, the full module with it).
    Import {
        path: Vec<Symbol>,
        target: NameRef,
        bind_top: bool,
    },
    /// `from a import b as c, ...`.
    ImportFrom(Vec<Symbol>, Vec<ImportName>),
    /// `from a import *`.
    ImportStar(Vec<Symbol>),
}

/// `class Name(bases, **keywords): body`.
pub struct ClassDef {
    /// `__name__`.
    pub name: Symbol,
    /// `__qualname__`.
    pub qualname: Rc<str>,
    /// Decorators, outermost first.
    pub decorators: Vec<Expr>,
    /// Base classes (possibly starred).
    pub bases: Vec<Elem>,
    /// Keywords (`metaclass=` is rejected).
    pub keywords: Vec<(Symbol, Expr)>,
    /// The body, run as a function whose names live in the class namespace.
    pub body: Rc<FunctionTemplate>,
    /// Where the class is bound.
    pub target: NameRef,
}
