//! Second pass: the syntax tree becomes the resolved tree.
//!
//! With the symbol table in hand, every name becomes a slot reference,
//! every literal a pre-built value, every node learns whether it can
//! suspend, and the static errors CPython's compiler reports (`'return'
//! outside function`, `'await' outside async function`, `'break' outside
//! loop`, starred targets...) are raised with their spans.

use super::symtable::{ScopeId, ScopeKind, SymbolTable, node_key};
use crate::ast::{self, Span};
use crate::ir::{
    Args, Capture, ClassDef, Code, CodeKind, CompClause, CompKind, Elem, Expr, ExprKind, FPart,
    FunctionKind, FunctionTemplate, Handler, ImportName, MatchCase, NameRef, ParamLayout, Pattern,
    Stmt, StmtKind, Target,
};
use crate::source::SourceFile;
use crate::syntax_error::SyntaxError;
use crate::value::object::Globals;
use crate::value::{Symbol, Value};
use hashbrown::HashMap;
use std::rc::Rc;

/// Options that change what is legal.
#[derive(Clone, Copy, Debug, Default)]
pub struct ResolveOptions {
    /// Allow `await`, `async for` and `async with` at the top level (the REPL).
    pub top_level_await: bool,
}

type Result<T> = std::result::Result<T, SyntaxError>;

/// Slot and cell allocation for one frame (a module, class body or function;
/// inlined comprehensions allocate in their host's frame).
struct FrameAlloc {
    host: ScopeId,
    slots: HashMap<(ScopeId, Symbol), u32>,
    local_names: Vec<Symbol>,
    cell_index: HashMap<(ScopeId, Symbol), u32>,
    cells: Vec<(Symbol, Option<usize>)>,
    loop_depth: u32,
}

impl FrameAlloc {
    fn slot(&mut self, scope: ScopeId, name: &str) -> u32 {
        let symbol = Symbol::intern(name);
        if let Some(&s) = self.slots.get(&(scope, symbol)) {
            return s;
        }
        let s = self.local_names.len() as u32;
        self.local_names.push(symbol);
        self.slots.insert((scope, symbol), s);
        s
    }

    fn cell(&mut self, scope: ScopeId, name: &str) -> u32 {
        let symbol = Symbol::intern(name);
        if let Some(&c) = self.cell_index.get(&(scope, symbol)) {
            return c;
        }
        let c = self.cells.len() as u32;
        self.cells.push((symbol, None));
        self.cell_index.insert((scope, symbol), c);
        c
    }
}

/// The emitter.
pub struct Emitter<'a> {
    table: &'a SymbolTable,
    globals: &'a Globals,
    file: Rc<SourceFile>,
    options: ResolveOptions,
    frames: Vec<FrameAlloc>,
    /// The scope names are resolved in (a comprehension or a host).
    scope: ScopeId,
    /// Qualified-name prefix of the code being emitted.
    qualname: Vec<String>,
    /// Statements the last emitted statement expands to after itself
    /// (storing an annotation after its assignment).
    after: Vec<Stmt>,
    /// The string constants emitted so far: equal constants of one
    /// compilation unit are one object, as CPython's constant cache makes
    /// them (`"hello" is "hello"`).
    strings: HashMap<String, Value>,
}

impl<'a> Emitter<'a> {
    /// An emitter for one module.
    pub fn new(
        table: &'a SymbolTable,
        globals: &'a Globals,
        file: Rc<SourceFile>,
        options: ResolveOptions,
    ) -> Self {
        Self {
            table,
            globals,
            file,
            options,
            frames: Vec::new(),
            scope: 0,
            qualname: Vec::new(),
            after: Vec::new(),
            strings: HashMap::new(),
        }
    }

    fn frame(&mut self) -> &mut FrameAlloc {
        self.frames.last_mut().expect("a frame is being emitted")
    }

    fn host_kind(&self) -> ScopeKind {
        self.table.scopes[self.frames.last().expect("frame").host].kind
    }

    fn host_is_async(&self) -> bool {
        let host = self.frames.last().expect("frame").host;
        let s = &self.table.scopes[host];
        (s.kind == ScopeKind::Function && s.is_async)
            || (s.kind == ScopeKind::Module && self.options.top_level_await)
    }

    /// Emits the module body.
    pub fn module(&mut self, module: &ast::Module) -> Result<Rc<Code>> {
        self.begin_frame(0, None);
        let body = self.namespace_body(&module.body)?;
        let docstring = docstring(&module.body);
        let kind = if self.options.top_level_await && body.iter().any(|s| s.suspends) {
            FunctionKind::Coroutine
        } else {
            FunctionKind::Plain
        };
        Ok(self.end_frame(
            "<module>".into(),
            "<module>".into(),
            CodeKind::Module,
            kind,
            ParamLayout::default(),
            body,
            Span::default(),
            docstring,
        ))
    }

    fn begin_frame(&mut self, host: ScopeId, params: Option<&ast::Params>) {
        let mut alloc = FrameAlloc {
            host,
            slots: HashMap::new(),
            local_names: Vec::new(),
            cell_index: HashMap::new(),
            cells: Vec::new(),
            loop_depth: 0,
        };
        let scope = &self.table.scopes[host];
        if let Some(params) = params {
            for p in params_in_slot_order(params) {
                alloc.slot(host, &p.name.name);
            }
        } else if scope.kind == ScopeKind::Function {
            // A generator expression: its one parameter is the iterator.
            alloc.slot(host, ".0");
        }
        if scope.kind == ScopeKind::Function {
            for name in &scope.bound {
                if !scope.is_cell(name) && scope.binds(name) {
                    alloc.slot(host, name);
                }
            }
        }
        for name in &scope.cells {
            let c = alloc.cell(host, name);
            let param_slot = alloc
                .slots
                .get(&(host, Symbol::intern(name)))
                .map(|&s| s as usize);
            alloc.cells[c as usize].1 = param_slot;
        }
        self.frames.push(alloc);
        self.scope = host;
    }

    #[expect(
        clippy::too_many_arguments,
        reason = "one call site per code kind; a struct would only rename them"
    )]
    fn end_frame(
        &mut self,
        name: Rc<str>,
        qualname: Rc<str>,
        kind: CodeKind,
        function_kind: FunctionKind,
        params: ParamLayout,
        body: Vec<Stmt>,
        span: Span,
        docstring: Option<Value>,
    ) -> Rc<Code> {
        let alloc = self.frames.pop().expect("frame");
        let host = alloc.host;
        let free_names = self.table.scopes[host]
            .frees
            .iter()
            .map(|n| Symbol::intern(n))
            .collect();
        Rc::new(Code {
            name,
            qualname,
            kind,
            function_kind,
            params,
            body,
            nlocals: alloc.local_names.len(),
            local_names: alloc.local_names,
            ncells: alloc.cells.len(),
            cells: alloc.cells,
            free_names,
            file: self.file.clone(),
            span,
            docstring,
        })
    }

    // ----- names -----

    fn resolve(&mut self, name: &str) -> NameRef {
        self.resolve_in(self.scope, name)
    }

    fn resolve_in(&mut self, scope_id: ScopeId, name: &str) -> NameRef {
        let scope = &self.table.scopes[scope_id];
        let global = |g: &Globals| {
            NameRef::Global(g.slot(Symbol::intern(name)) as u32, Symbol::intern(name))
        };
        match scope.kind {
            ScopeKind::Module => global(self.globals),
            ScopeKind::Class => {
                if scope.globals.contains(name) {
                    global(self.globals)
                } else if scope.is_free(name) && !scope.binds(name) {
                    NameRef::Free(self.free_index(scope_id, name))
                } else {
                    NameRef::ClassBody(Symbol::intern(name))
                }
            }
            ScopeKind::Comprehension => {
                if scope.binds(name) {
                    if scope.is_cell(name) {
                        NameRef::Cell(self.frame().cell(scope_id, name))
                    } else {
                        NameRef::Local(self.frame().slot(scope_id, name))
                    }
                } else {
                    let parent = scope.parent.expect("comprehension has a parent");
                    if self.table.scopes[parent].kind == ScopeKind::Class {
                        // Class-level names are invisible from comprehensions.
                        let class = &self.table.scopes[parent];
                        if class.is_free(name) {
                            NameRef::Free(self.free_index(parent, name))
                        } else {
                            global(self.globals)
                        }
                    } else {
                        self.resolve_in(parent, name)
                    }
                }
            }
            ScopeKind::Function => {
                if scope.globals.contains(name) {
                    global(self.globals)
                } else if scope.is_cell(name) {
                    NameRef::Cell(self.frame().cell(scope_id, name))
                } else if scope.binds(name) {
                    NameRef::Local(self.frame().slot(scope_id, name))
                } else if scope.is_free(name) {
                    NameRef::Free(self.free_index(scope_id, name))
                } else {
                    global(self.globals)
                }
            }
        }
    }

    fn free_index(&self, scope_id: ScopeId, name: &str) -> u32 {
        self.table.scopes[scope_id]
            .frees
            .iter()
            .position(|n| n == name)
            .expect("free variable is listed") as u32
    }

    // ----- statements -----

    fn body(&mut self, stmts: &[ast::Stmt]) -> Result<Vec<Stmt>> {
        let mut out = Vec::with_capacity(stmts.len());
        for s in stmts {
            out.push(self.stmt(s)?);
            out.append(&mut self.after);
        }
        Ok(out)
    }

    /// A module or class body: `__annotations__ = {}` first when it has
    /// annotated assignments (CPython's `SETUP_ANNOTATIONS`).
    fn namespace_body(&mut self, stmts: &[ast::Stmt]) -> Result<Vec<Stmt>> {
        let mut out = Vec::new();
        if stmts.iter().any(has_annotation) {
            let span = Span::default();
            let empty = Expr {
                kind: ExprKind::Dict(Vec::new()),
                span,
                suspends: false,
            };
            let target = Target::Name(self.resolve("__annotations__"));
            out.push(Stmt {
                kind: StmtKind::Assign(vec![target], empty),
                span,
                suspends: false,
            });
        }
        out.extend(self.body(stmts)?);
        Ok(out)
    }

    /// `target: annotation [= value]`. Module and class bodies record a
    /// simple name's annotation in `__annotations__`; function bodies do not
    /// evaluate annotations at all.
    fn ann_assign(
        &mut self,
        target: &ast::Expr,
        annotation: &ast::Expr,
        value: Option<&ast::Expr>,
        span: Span,
    ) -> Result<StmtKind> {
        let in_namespace = matches!(
            self.table.scopes[self.scope].kind,
            ScopeKind::Module | ScopeKind::Class
        );
        let assign = match value {
            Some(v) => {
                let v = self.expr(v)?;
                Some(StmtKind::Assign(vec![self.target(target)?], v))
            }
            None => None,
        };
        let record = if in_namespace {
            let annotation = self.expr(annotation)?;
            Some(match &target.kind {
                ast::ExprKind::Name(n) => {
                    let holder = Expr {
                        kind: ExprKind::Name(self.resolve("__annotations__")),
                        span: annotation.span,
                        suspends: false,
                    };
                    let key = Expr {
                        kind: ExprKind::Const(Value::str(n.as_str())),
                        span: annotation.span,
                        suspends: false,
                    };
                    StmtKind::Assign(vec![Target::Subscript(holder, key)], annotation)
                }
                _ => StmtKind::Expr(annotation),
            })
        } else {
            None
        };
        // Without a value, `obj.attr: T` still evaluates `obj` (and the
        // index of `obj[i]: T`).
        let probe = if assign.is_none() {
            match &target.kind {
                ast::ExprKind::Attribute { value, .. } => Some(StmtKind::Expr(self.expr(value)?)),
                ast::ExprKind::Subscript { value, index } => {
                    let obj = self.expr(value)?;
                    let index = self.expr(index)?;
                    let span = obj.span;
                    Some(StmtKind::Expr(Expr {
                        kind: ExprKind::Tuple(vec![Elem::Single(obj), Elem::Single(index)]),
                        span,
                        suspends: false,
                    }))
                }
                _ => None,
            }
        } else {
            None
        };
        let mut parts: Vec<StmtKind> = [assign, probe, record].into_iter().flatten().collect();
        if parts.is_empty() {
            return Ok(StmtKind::Pass);
        }
        let first = parts.remove(0);
        for kind in parts {
            let suspends = stmt_suspends(&kind);
            self.after.push(Stmt {
                kind,
                span,
                suspends,
            });
        }
        Ok(first)
    }

    fn stmt(&mut self, s: &ast::Stmt) -> Result<Stmt> {
        use ast::StmtKind as S;
        let span = s.span;
        let kind = match &s.kind {
            S::Expr(e) => StmtKind::Expr(self.expr(e)?),
            S::Assign { targets, value } => {
                let value = self.expr(value)?;
                let targets = targets
                    .iter()
                    .map(|t| self.target(t))
                    .collect::<Result<_>>()?;
                StmtKind::Assign(targets, value)
            }
            S::AugAssign { target, op, value } => {
                let value = self.expr(value)?;
                let target = match &target.kind {
                    ast::ExprKind::Name(_)
                    | ast::ExprKind::Attribute { .. }
                    | ast::ExprKind::Subscript { .. } => self.target(target)?,
                    _ => {
                        return Err(SyntaxError::new(
                            format!(
                                "'{}' is an illegal expression for augmented assignment",
                                describe(target)
                            ),
                            target.span,
                        ));
                    }
                };
                StmtKind::AugAssign(target, *op, value)
            }
            S::AnnAssign {
                target,
                annotation,
                value,
            } => self.ann_assign(target, annotation, value.as_ref(), span)?,
            S::Pass => StmtKind::Pass,
            S::Break | S::Continue => {
                if self.frame().loop_depth == 0 {
                    let msg = if matches!(s.kind, S::Break) {
                        "'break' outside loop"
                    } else {
                        "'continue' not properly in loop"
                    };
                    return Err(SyntaxError::new(msg, span));
                }
                if matches!(s.kind, S::Break) {
                    StmtKind::Break
                } else {
                    StmtKind::Continue
                }
            }
            S::Return(value) => {
                if self.host_kind() != ScopeKind::Function {
                    return Err(SyntaxError::new("'return' outside function", span));
                }
                let host = &self.table.scopes[self.frames.last().expect("frame").host];
                if value.is_some() && host.is_async && host.has_yield {
                    return Err(SyntaxError::new(
                        "'return' with value in async generator",
                        span,
                    ));
                }
                StmtKind::Return(value.as_ref().map(|v| self.expr(v)).transpose()?)
            }
            S::If { test, body, orelse } => {
                StmtKind::If(self.expr(test)?, self.body(body)?, self.body(orelse)?)
            }
            S::Match { subject, cases } => {
                let subject = self.expr(subject)?;
                let mut out = Vec::with_capacity(cases.len());
                for c in cases {
                    let mut pattern = self.pattern(&c.pattern)?;
                    if let Some(b) = &c.binding {
                        pattern = Pattern::As(Box::new(pattern), self.resolve(&b.name));
                    }
                    let guard = c.guard.as_ref().map(|g| self.expr(g)).transpose()?;
                    out.push(MatchCase {
                        pattern,
                        guard,
                        body: self.body(&c.body)?,
                    });
                }
                StmtKind::Match(subject, out)
            }
            S::While { test, body, orelse } => {
                let test = self.expr(test)?;
                let body = self.loop_body(body)?;
                StmtKind::While(test, body, self.body(orelse)?)
            }
            S::For {
                target,
                iter,
                body,
                orelse,
                is_async,
            } => {
                if *is_async && !self.host_is_async() {
                    return Err(SyntaxError::new("'async for' outside async function", span));
                }
                let iter = self.expr(iter)?;
                let target = self.target(target)?;
                let body = self.loop_body(body)?;
                StmtKind::For {
                    target,
                    iter,
                    body,
                    orelse: self.body(orelse)?,
                    is_async: *is_async,
                }
            }
            S::FunctionDef(def) => self.function_def(def, span)?,
            S::ClassDef(def) => self.class_def(def, span)?,
            S::Try {
                body,
                handlers,
                orelse,
                finalbody,
                is_star,
            } => {
                let body = self.body(body)?;
                let handlers = handlers
                    .iter()
                    .map(|h| {
                        Ok(Handler {
                            typ: h.typ.as_ref().map(|t| self.expr(t)).transpose()?,
                            name: h.name.as_ref().map(|n| self.resolve(&n.name)),
                            body: self.body(&h.body)?,
                            span: h.span,
                        })
                    })
                    .collect::<Result<_>>()?;
                StmtKind::Try {
                    body,
                    handlers,
                    orelse: self.body(orelse)?,
                    finalbody: self.body(finalbody)?,
                    is_star: *is_star,
                }
            }
            S::Raise { exc, cause } => StmtKind::Raise(
                exc.as_ref().map(|e| self.expr(e)).transpose()?,
                cause.as_ref().map(|e| self.expr(e)).transpose()?,
            ),
            S::With {
                items,
                body,
                is_async,
            } => {
                if *is_async && !self.host_is_async() {
                    return Err(SyntaxError::new(
                        "'async with' outside async function",
                        span,
                    ));
                }
                let items = items
                    .iter()
                    .map(|it| {
                        let ctx = self.expr(&it.context)?;
                        let target = it.target.as_ref().map(|t| self.target(t)).transpose()?;
                        Ok((ctx, target))
                    })
                    .collect::<Result<_>>()?;
                StmtKind::With {
                    items,
                    body: self.body(body)?,
                    is_async: *is_async,
                }
            }
            S::Global(_) | S::Nonlocal(_) => StmtKind::Pass,
            S::Delete(targets) => {
                let targets = targets
                    .iter()
                    .map(|t| self.del_target(t))
                    .collect::<Result<_>>()?;
                StmtKind::Delete(targets)
            }
            S::Assert { test, msg } => StmtKind::Assert(
                self.expr(test)?,
                msg.as_ref().map(|m| self.expr(m)).transpose()?,
            ),
            S::Import(aliases) => {
                // `import a, b` is two statements' worth of work; emit the
                // first here and chain the rest as an If-less block.
                let mut stmts = Vec::new();
                for a in aliases {
                    let path: Vec<Symbol> = a.name.name.split('.').map(Symbol::intern).collect();
                    let (bound, bind_top) = match &a.asname {
                        Some(n) => (n.name.clone(), false),
                        None => (
                            a.name
                                .name
                                .split('.')
                                .next()
                                .unwrap_or_default()
                                .to_string(),
                            true,
                        ),
                    };
                    let target = self.resolve(&bound);
                    stmts.push(Stmt {
                        kind: StmtKind::Import {
                            path,
                            target,
                            bind_top,
                        },
                        span,
                        suspends: false,
                    });
                }
                if stmts.len() == 1 {
                    return Ok(stmts.pop().expect("one import"));
                }
                StmtKind::If(
                    Expr {
                        kind: ExprKind::Const(Value::Bool(true)),
                        span,
                        suspends: false,
                    },
                    stmts,
                    Vec::new(),
                )
            }
            S::ImportFrom {
                module,
                names,
                level,
            } => {
                if *level > 0 {
                    return Err(SyntaxError::new(
                        "attempted relative import with no known parent package",
                        span,
                    ));
                }
                let path: Vec<Symbol> = module.name.split('.').map(Symbol::intern).collect();
                if names.iter().any(|a| a.name.name == "*") {
                    if self.host_kind() != ScopeKind::Module {
                        return Err(SyntaxError::new(
                            "import * only allowed at module level",
                            span,
                        ));
                    }
                    StmtKind::ImportStar(path)
                } else {
                    let names = names
                        .iter()
                        .map(|a| {
                            let bound = a.asname.as_ref().unwrap_or(&a.name);
                            ImportName {
                                name: Symbol::intern(&a.name.name),
                                target: self.resolve(&bound.name),
                            }
                        })
                        .collect();
                    StmtKind::ImportFrom(path, names)
                }
            }
        };
        let suspends = stmt_suspends(&kind);
        Ok(Stmt {
            kind,
            span,
            suspends,
        })
    }

    fn loop_body(&mut self, body: &[ast::Stmt]) -> Result<Vec<Stmt>> {
        self.frame().loop_depth += 1;
        let out = self.body(body);
        self.frame().loop_depth -= 1;
        out
    }

    /// The name of a `def` or `class` as written: its binding may be
    /// mangled (`_C__helper`), its `__name__` is not (`__helper`).
    fn written_name(&self, ident: &ast::Ident) -> String {
        let text = self
            .file
            .text()
            .get(ident.span.start as usize..ident.span.end as usize)
            .unwrap_or_default();
        if text != ident.name && text.starts_with("__") && ident.name.ends_with(text) {
            text.to_string()
        } else {
            ident.name.clone()
        }
    }

    /// The shared object for the string constant `s`.
    fn string_constant(&mut self, s: &str) -> Value {
        if let Some(v) = self.strings.get(s) {
            return v.clone();
        }
        let v = Value::str(s);
        self.strings.insert(s.to_string(), v.clone());
        v
    }

    fn qualified(&self, name: &str) -> Rc<str> {
        // Each entry is already the full dotted prefix of its scope.
        match self.qualname.last() {
            None => name.into(),
            Some(prefix) => format!("{prefix}.{name}").into(),
        }
    }

    /// The qualified name of a `def` or `class` statement: like
    /// CPython, a name declared `global` where it is defined starts a
    /// fresh qualified name.
    fn qualified_def(&self, ident: &ast::Ident, shown: &str) -> Rc<str> {
        if self.table.scopes[self.scope].globals.contains(&ident.name) {
            shown.into()
        } else {
            self.qualified(shown)
        }
    }

    fn function_def(&mut self, def: &ast::FunctionDef, span: Span) -> Result<StmtKind> {
        let decorators = def
            .decorators
            .iter()
            .map(|d| self.expr(d))
            .collect::<Result<_>>()?;
        let scope_id = self.table.by_node[&node_key(def)];
        let shown = self.written_name(&def.name);
        let qualname = self.qualified_def(&def.name, &shown);
        let template = self.function_template(
            scope_id,
            &def.params,
            shown.as_str().into(),
            qualname,
            span,
            FunctionBody::Block(&def.body, def.returns.as_ref()),
        )?;
        let target = self.resolve(&def.name.name);
        Ok(StmtKind::FunctionDef(decorators, template, target))
    }

    /// Defaults, keyword-only defaults and annotations (in CPython's
    /// `__annotations__` order) of a parameter list.
    #[allow(clippy::type_complexity)]
    fn defaults(
        &mut self,
        params: &ast::Params,
    ) -> Result<(Vec<Expr>, Vec<Option<Expr>>, Vec<(Symbol, Expr)>)> {
        let defaults = params
            .posonly
            .iter()
            .chain(&params.args)
            .filter_map(|p| p.default.as_ref())
            .map(|d| self.expr(d))
            .collect::<Result<_>>()?;
        let kwdefaults = params
            .kwonly
            .iter()
            .map(|p| p.default.as_ref().map(|d| self.expr(d)).transpose())
            .collect::<Result<_>>()?;
        let mut annotations = Vec::new();
        for p in params
            .args
            .iter()
            .chain(&params.posonly)
            .chain(&params.vararg)
            .chain(&params.kwonly)
            .chain(&params.kwarg)
        {
            if let Some(a) = &p.annotation {
                annotations.push((Symbol::intern(&p.name.name), self.expr(a)?));
            }
        }
        Ok((defaults, kwdefaults, annotations))
    }

    fn function_template(
        &mut self,
        scope_id: ScopeId,
        params: &ast::Params,
        name: Rc<str>,
        qualname: Rc<str>,
        span: Span,
        body: FunctionBody<'_>,
    ) -> Result<Rc<FunctionTemplate>> {
        let (defaults, kwdefaults, mut annotations) = self.defaults(params)?;
        if let FunctionBody::Block(_, Some(r)) = body {
            annotations.push((Symbol::intern("return"), self.expr(r)?));
        }
        let outer_scope = self.scope;
        let captures = self.captures(scope_id);
        self.begin_frame(scope_id, Some(params));
        self.qualname.push(format!("{qualname}.<locals>"));
        let scope = &self.table.scopes[scope_id];
        let function_kind = match (scope.is_async, scope.has_yield) {
            (false, false) => FunctionKind::Plain,
            (false, true) => FunctionKind::Generator,
            (true, false) => FunctionKind::Coroutine,
            (true, true) => FunctionKind::AsyncGenerator,
        };
        let result = match body {
            FunctionBody::Block(stmts, _) => self.body(stmts).map(|b| (b, docstring(stmts))),
            FunctionBody::Expr(e) => self.expr(e).map(|e| {
                let span = e.span;
                let suspends = e.suspends;
                (
                    vec![Stmt {
                        kind: StmtKind::Return(Some(e)),
                        span,
                        suspends,
                    }],
                    None,
                )
            }),
        };
        self.qualname.pop();
        let (body, doc) = match result {
            Ok(r) => r,
            Err(e) => {
                self.frames.pop();
                self.scope = outer_scope;
                return Err(e);
            }
        };
        let layout = param_layout(params);
        let code = self.end_frame(
            name,
            qualname,
            CodeKind::Function,
            function_kind,
            layout,
            body,
            span,
            doc,
        );
        self.scope = outer_scope;
        Ok(Rc::new(FunctionTemplate {
            code,
            defaults,
            kwdefaults,
            annotations,
            captures,
        }))
    }

    /// How the function opened by `scope_id` gets each of its free cells
    /// from the frame being emitted now.
    fn captures(&mut self, scope_id: ScopeId) -> Vec<Capture> {
        let frees = self.table.scopes[scope_id].frees.clone();
        frees
            .iter()
            .map(|name| match self.resolve(name) {
                NameRef::Cell(c) => Capture::Cell(c),
                NameRef::Free(f) => Capture::Free(f),
                other => unreachable!(
                    "free variable {name} resolves to a cell in its definer, got {other:?}"
                ),
            })
            .collect()
    }

    fn class_def(&mut self, def: &ast::ClassDef, span: Span) -> Result<StmtKind> {
        let decorators = def
            .decorators
            .iter()
            .map(|d| self.expr(d))
            .collect::<Result<_>>()?;
        let bases = def
            .bases
            .iter()
            .map(|b| self.elem(b))
            .collect::<Result<_>>()?;
        let keywords = def
            .keywords
            .iter()
            .map(|k| Ok((Symbol::intern(&k.name.name), self.expr(&k.value)?)))
            .collect::<Result<_>>()?;
        let scope_id = self.table.by_node[&node_key(def)];
        let shown = self.written_name(&def.name);
        let qualname = self.qualified_def(&def.name, &shown);
        let outer_scope = self.scope;
        let captures = self.captures(scope_id);
        self.begin_frame(scope_id, None);
        self.qualname.push(qualname.to_string());
        let body = self.namespace_body(&def.body);
        self.qualname.pop();
        let body = match body {
            Ok(b) => b,
            Err(e) => {
                self.frames.pop();
                self.scope = outer_scope;
                return Err(e);
            }
        };
        let code = self.end_frame(
            shown.as_str().into(),
            qualname.clone(),
            CodeKind::Class,
            FunctionKind::Plain,
            ParamLayout::default(),
            body,
            span,
            docstring(&def.body),
        );
        self.scope = outer_scope;
        let target = self.resolve(&def.name.name);
        Ok(StmtKind::ClassDef(Box::new(ClassDef {
            name: Symbol::intern(&shown),
            qualname,
            decorators,
            bases,
            keywords,
            body: Rc::new(FunctionTemplate {
                code,
                defaults: Vec::new(),
                kwdefaults: Vec::new(),
                annotations: Vec::new(),
                captures,
            }),
            target,
        })))
    }

    // ----- targets -----

    /// A `case` pattern written as an expression, checked and resolved.
    fn pattern(&mut self, p: &ast::Expr) -> Result<Pattern> {
        use ast::{Arg, Constant, DictItem, ExprKind as E};
        let capture = |this: &mut Self, n: &str| (n != "_").then(|| this.resolve(n));
        Ok(match &p.kind {
            E::Name(n) if n == "_" => Pattern::Wildcard,
            E::Name(n) => Pattern::Capture(self.resolve(n)),
            E::Constant(Constant::None) => Pattern::Singleton(Value::None),
            E::Constant(Constant::Bool(b)) => Pattern::Singleton(Value::Bool(*b)),
            E::Constant(_) | E::Attribute { .. } => Pattern::Value(self.expr(p)?),
            E::UnaryOp {
                op: ast::UnaryOp::Neg,
                operand,
            } if matches!(operand.kind, E::Constant(_)) => Pattern::Value(self.expr(p)?),
            E::BinOp {
                op: ast::BinOp::Add | ast::BinOp::Sub,
                ..
            } => Pattern::Value(self.expr(p)?),
            E::BinOp {
                left,
                op: ast::BinOp::BitOr,
                right,
            } => {
                let mut alternatives = Vec::new();
                for side in [left, right] {
                    match self.pattern(side)? {
                        Pattern::Or(more) => alternatives.extend(more),
                        one => alternatives.push(one),
                    }
                }
                Pattern::Or(alternatives)
            }
            E::List(items) | E::Tuple(items) => {
                let mut patterns = Vec::with_capacity(items.len());
                let mut star = None;
                for item in items {
                    if let E::Starred(inner) = &item.kind {
                        let E::Name(n) = &inner.kind else {
                            return Err(SyntaxError::new("invalid syntax", inner.span));
                        };
                        if star.is_some() {
                            return Err(SyntaxError::new(
                                "multiple starred names in sequence pattern",
                                item.span,
                            ));
                        }
                        star = Some((patterns.len(), capture(self, n)));
                    } else {
                        patterns.push(self.pattern(item)?);
                    }
                }
                Pattern::Sequence(patterns, star)
            }
            E::Dict(items) => {
                let mut pairs = Vec::with_capacity(items.len());
                let mut rest = None;
                for item in items {
                    match item {
                        DictItem::Pair(k, v) => pairs.push((self.expr(k)?, self.pattern(v)?)),
                        DictItem::Unpack(r) => {
                            let E::Name(n) = &r.kind else {
                                return Err(SyntaxError::new("invalid syntax", r.span));
                            };
                            rest = capture(self, n);
                        }
                    }
                }
                Pattern::Mapping(pairs, rest)
            }
            E::Call { func, args } => {
                let class = self.expr(func)?;
                let mut positional = Vec::new();
                let mut keywords: Vec<(Symbol, Pattern)> = Vec::new();
                for a in args {
                    match a {
                        Arg::Positional(v) => {
                            if !keywords.is_empty() {
                                return Err(SyntaxError::new(
                                    "positional patterns follow keyword patterns",
                                    v.span,
                                ));
                            }
                            positional.push(self.pattern(v)?);
                        }
                        Arg::Keyword(k) => {
                            keywords.push((Symbol::intern(&k.name.name), self.pattern(&k.value)?));
                        }
                        Arg::Starred(v) | Arg::DoubleStarred(v) => {
                            return Err(SyntaxError::new("invalid syntax", v.span));
                        }
                    }
                }
                Pattern::Class(class, positional, keywords)
            }
            _ => {
                return Err(SyntaxError::new(
                    "patterns may only match literals and attribute lookups",
                    p.span,
                ));
            }
        })
    }

    fn target(&mut self, t: &ast::Expr) -> Result<Target> {
        use ast::ExprKind as E;
        Ok(match &t.kind {
            E::Name(n) => Target::Name(self.resolve(n)),
            E::Attribute { value, attr } => {
                Target::Attr(self.expr(value)?, Symbol::intern(&attr.name))
            }
            E::Subscript { value, index } => {
                Target::Subscript(self.expr(value)?, self.expr(index)?)
            }
            E::Tuple(items) | E::List(items) => {
                let mut star = None;
                let mut targets = Vec::with_capacity(items.len());
                for (i, item) in items.iter().enumerate() {
                    if let E::Starred(inner) = &item.kind {
                        if star.is_some() {
                            return Err(SyntaxError::new(
                                "multiple starred expressions in assignment",
                                t.span,
                            ));
                        }
                        star = Some(i);
                        targets.push(self.target(inner)?);
                    } else {
                        targets.push(self.target(item)?);
                    }
                }
                Target::Unpack(targets, star)
            }
            E::Starred(_) => {
                return Err(SyntaxError::new(
                    "starred assignment target must be in a list or tuple",
                    t.span,
                ));
            }
            _ => {
                return Err(SyntaxError::new(
                    format!("cannot assign to {}", describe(t)),
                    t.span,
                ));
            }
        })
    }

    fn del_target(&mut self, t: &ast::Expr) -> Result<Target> {
        match &t.kind {
            ast::ExprKind::Name(_)
            | ast::ExprKind::Attribute { .. }
            | ast::ExprKind::Subscript { .. } => self.target(t),
            ast::ExprKind::Tuple(items) | ast::ExprKind::List(items) => {
                let targets = items
                    .iter()
                    .map(|i| self.del_target(i))
                    .collect::<Result<_>>()?;
                Ok(Target::Unpack(targets, None))
            }
            _ => Err(SyntaxError::new(
                format!("cannot delete {}", describe(t)),
                t.span,
            )),
        }
    }

    // ----- expressions -----

    fn elem(&mut self, e: &ast::Expr) -> Result<Elem> {
        Ok(match &e.kind {
            ast::ExprKind::Starred(inner) => Elem::Starred(self.expr(inner)?),
            _ => Elem::Single(self.expr(e)?),
        })
    }

    fn boxed(&mut self, e: &ast::Expr) -> Result<Box<Expr>> {
        self.expr(e).map(Box::new)
    }

    fn args(&mut self, args: &[ast::Arg]) -> Result<Args> {
        let mut out = Args {
            positional: Vec::new(),
            keywords: Vec::new(),
            double_starred: Vec::new(),
            simple: true,
        };
        for a in args {
            match a {
                ast::Arg::Positional(e) => out.positional.push(Elem::Single(self.expr(e)?)),
                ast::Arg::Starred(e) => {
                    out.simple = false;
                    out.positional.push(Elem::Starred(self.expr(e)?));
                }
                ast::Arg::Keyword(k) => {
                    let name = Symbol::intern(&k.name.name);
                    if out.keywords.iter().any(|(n, _)| *n == name) {
                        return Err(SyntaxError::new(
                            format!("keyword argument repeated: {}", k.name.name),
                            k.name.span,
                        ));
                    }
                    out.keywords.push((name, self.expr(&k.value)?));
                }
                ast::Arg::DoubleStarred(e) => {
                    out.simple = false;
                    out.double_starred.push(self.expr(e)?);
                }
            }
        }
        Ok(out)
    }

    fn expr(&mut self, e: &ast::Expr) -> Result<Expr> {
        use ast::ExprKind as E;
        let span = e.span;
        let kind = match &e.kind {
            E::Name(n) => ExprKind::Name(self.resolve(n)),
            E::Constant(ast::Constant::Str(s)) => ExprKind::Const(self.string_constant(s.as_str())),
            E::Constant(c) => ExprKind::Const(constant(c)),
            E::FString(parts) => ExprKind::FString(self.fstring(parts)?),
            E::BinOp { left, op, right } => {
                let (left, right) = (self.boxed(left)?, self.boxed(right)?);
                match (op, &left.kind, &right.kind) {
                    // Folded like CPython's AST optimizer, so the result is
                    // a constant shared with equal literals.
                    (
                        ast::BinOp::Add,
                        ExprKind::Const(Value::Str(a)),
                        ExprKind::Const(Value::Str(b)),
                    ) => {
                        let joined = format!("{}{}", a.as_str(), b.as_str());
                        ExprKind::Const(self.string_constant(&joined))
                    }
                    _ => ExprKind::BinOp(*op, left, right),
                }
            }
            E::UnaryOp { op, operand } => ExprKind::Unary(*op, self.boxed(operand)?),
            E::BoolOp { op, values } => ExprKind::BoolOp(
                *op,
                values.iter().map(|v| self.expr(v)).collect::<Result<_>>()?,
            ),
            E::Compare {
                left,
                ops,
                comparators,
            } => {
                let left = self.boxed(left)?;
                let rest = ops
                    .iter()
                    .zip(comparators)
                    .map(|(op, c)| Ok((*op, self.expr(c)?)))
                    .collect::<Result<_>>()?;
                ExprKind::Compare(left, rest)
            }
            E::IfExp { test, body, orelse } => {
                ExprKind::IfExp(self.boxed(test)?, self.boxed(body)?, self.boxed(orelse)?)
            }
            E::Lambda { params, body } => {
                let scope_id = self.table.by_node[&node_key(e)];
                let qualname = self.qualified("<lambda>");
                ExprKind::Lambda(self.function_template(
                    scope_id,
                    params,
                    "<lambda>".into(),
                    qualname,
                    span,
                    FunctionBody::Expr(body),
                )?)
            }
            E::NamedExpr { target, value } => {
                let value = self.boxed(value)?;
                let target = self.resolve(&target.name);
                ExprKind::Walrus(target, value)
            }
            E::Call { func, args } => {
                if let (E::Name(n), true) = (&func.kind, args.is_empty())
                    && n == "super"
                    && matches!(self.resolve(n), NameRef::Global(..))
                {
                    ExprKind::SuperCall
                } else if let E::Name(n) = &func.kind
                    && let Some(which) = crate::ir::FrameBuiltin::named(n)
                    && matches!(self.resolve(n), NameRef::Global(..) | NameRef::ClassBody(_))
                {
                    ExprKind::FrameCall(which, self.boxed(func)?, Box::new(self.args(args)?))
                } else if let E::Attribute { value, attr } = &func.kind {
                    let obj = self.boxed(value)?;
                    ExprKind::CallMethod(
                        obj,
                        Symbol::intern(&attr.name),
                        Box::new(self.args(args)?),
                    )
                } else {
                    ExprKind::Call(self.boxed(func)?, Box::new(self.args(args)?))
                }
            }
            E::Attribute { value, attr } => {
                ExprKind::Attr(self.boxed(value)?, Symbol::intern(&attr.name))
            }
            E::Subscript { value, index } => {
                ExprKind::Subscript(self.boxed(value)?, self.boxed(index)?)
            }
            E::Slice { lower, upper, step } => ExprKind::Slice(
                lower.as_deref().map(|x| self.boxed(x)).transpose()?,
                upper.as_deref().map(|x| self.boxed(x)).transpose()?,
                step.as_deref().map(|x| self.boxed(x)).transpose()?,
            ),
            E::List(items) => {
                ExprKind::List(items.iter().map(|i| self.elem(i)).collect::<Result<_>>()?)
            }
            E::Tuple(items) => {
                ExprKind::Tuple(items.iter().map(|i| self.elem(i)).collect::<Result<_>>()?)
            }
            E::Set(items) => {
                ExprKind::Set(items.iter().map(|i| self.elem(i)).collect::<Result<_>>()?)
            }
            E::Dict(items) => ExprKind::Dict(
                items
                    .iter()
                    .map(|item| match item {
                        ast::DictItem::Pair(k, v) => Ok((Some(self.expr(k)?), self.expr(v)?)),
                        ast::DictItem::Unpack(v) => Ok((None, self.expr(v)?)),
                    })
                    .collect::<Result<_>>()?,
            ),
            E::Starred(_) => {
                return Err(SyntaxError::new("can't use starred expression here", span));
            }
            E::ListComp { elt, generators } => {
                self.comprehension(e, generators, CompSource::List(elt))?
            }
            E::SetComp { elt, generators } => {
                self.comprehension(e, generators, CompSource::Set(elt))?
            }
            E::DictComp {
                key,
                value,
                generators,
            } => self.comprehension(e, generators, CompSource::Dict(key, value))?,
            E::GeneratorExp { elt, generators } => self.generator_exp(e, elt, generators)?,
            E::Await(inner) => {
                if !self.host_is_async() {
                    let msg = if self.host_kind() == ScopeKind::Function {
                        "'await' outside async function"
                    } else {
                        "'await' outside function"
                    };
                    return Err(SyntaxError::new(msg, span));
                }
                ExprKind::Await(self.boxed(inner)?)
            }
            E::Yield(value) => {
                self.check_yield(span)?;
                ExprKind::Yield(value.as_deref().map(|v| self.boxed(v)).transpose()?)
            }
            E::YieldFrom(value) => {
                self.check_yield(span)?;
                let host = &self.table.scopes[self.frames.last().expect("frame").host];
                if host.is_async {
                    return Err(SyntaxError::new("'yield from' inside async function", span));
                }
                ExprKind::YieldFrom(self.boxed(value)?)
            }
        };
        let suspends = expr_suspends(&kind);
        Ok(Expr {
            kind,
            span,
            suspends,
        })
    }

    fn is_genexp_scope(&self) -> bool {
        self.table.scopes[self.scope]
            .bound
            .iter()
            .any(|b| b == ".0")
    }

    fn check_yield(&self, span: Span) -> Result<()> {
        let scope = &self.table.scopes[self.scope];
        if scope.kind == ScopeKind::Comprehension {
            return Err(SyntaxError::new("'yield' inside list comprehension", span));
        }
        if self.is_genexp_scope() {
            return Err(SyntaxError::new(
                "'yield' inside generator expression",
                span,
            ));
        }
        if self.host_kind() != ScopeKind::Function {
            return Err(SyntaxError::new("'yield' outside function", span));
        }
        Ok(())
    }

    fn fstring(&mut self, parts: &[ast::FStringPart]) -> Result<Vec<FPart>> {
        let mut out = Vec::with_capacity(parts.len());
        for part in parts {
            match part {
                ast::FStringPart::Literal(s) => out.push(FPart::Literal(s.as_str().into())),
                ast::FStringPart::Field(field) => {
                    if let Some(text) = &field.debug_text {
                        out.push(FPart::Literal(text.as_str().into()));
                    }
                    let conversion = match (field.conversion, &field.debug_text, &field.spec) {
                        (None, Some(_), None) => Some('r'),
                        (c, _, _) => c,
                    };
                    out.push(FPart::Field {
                        value: self.expr(&field.value)?,
                        conversion,
                        spec: field.spec.as_ref().map(|s| self.fstring(s)).transpose()?,
                    });
                }
            }
        }
        Ok(out)
    }

    fn comp_clauses(
        &mut self,
        generators: &[ast::Comprehension],
        first_iter: Option<Expr>,
    ) -> Result<Vec<CompClause>> {
        let mut clauses = Vec::with_capacity(generators.len());
        let mut first_iter = first_iter;
        for g in generators {
            if g.is_async && !self.host_is_async() {
                return Err(SyntaxError::new(
                    "asynchronous comprehension outside of an asynchronous function",
                    g.iter.span,
                ));
            }
            let iter = match first_iter.take() {
                Some(e) => e,
                None => self.expr(&g.iter)?,
            };
            let target = self.target(&g.target)?;
            let ifs = g.ifs.iter().map(|c| self.expr(c)).collect::<Result<_>>()?;
            clauses.push(CompClause {
                target,
                iter,
                ifs,
                is_async: g.is_async,
            });
        }
        Ok(clauses)
    }

    fn comprehension(
        &mut self,
        e: &ast::Expr,
        generators: &[ast::Comprehension],
        source: CompSource<'_>,
    ) -> Result<ExprKind> {
        // The first iterable is evaluated in the enclosing scope.
        let first = self.expr(&generators[0].iter)?;
        let scope_id = self.table.by_node[&node_key(e)];
        let outer = self.scope;
        self.scope = scope_id;
        let cells: Vec<u32> = self.table.scopes[scope_id]
            .cells
            .clone()
            .iter()
            .map(|name| self.frame().cell(scope_id, name))
            .collect();
        let result = (|| {
            let clauses = self.comp_clauses(generators, Some(first))?;
            let kind = match source {
                CompSource::List(elt) => CompKind::List(self.expr(elt)?),
                CompSource::Set(elt) => CompKind::Set(self.expr(elt)?),
                CompSource::Dict(k, v) => CompKind::Dict(self.expr(k)?, self.expr(v)?),
            };
            Ok(ExprKind::Comprehension {
                kind: Box::new(kind),
                clauses,
                cells,
            })
        })();
        self.scope = outer;
        result
    }

    fn generator_exp(
        &mut self,
        e: &ast::Expr,
        elt: &ast::Expr,
        generators: &[ast::Comprehension],
    ) -> Result<ExprKind> {
        let first = self.boxed(&generators[0].iter)?;
        let scope_id = self.table.by_node[&node_key(e)];
        let is_async = self.table.scopes[scope_id].is_async;
        if is_async && !self.host_is_async() {
            return Err(SyntaxError::new(
                "asynchronous comprehension outside of an asynchronous function",
                e.span,
            ));
        }
        let outer_scope = self.scope;
        let captures = self.captures(scope_id);
        self.begin_frame(scope_id, None);
        let qualname = self.qualified("<genexpr>");
        let result = (|| {
            let iter0 = Expr {
                kind: ExprKind::Name(NameRef::Local(0)),
                span: generators[0].iter.span,
                suspends: false,
            };
            let clauses = self.comp_clauses(generators, Some(iter0))?;
            let value = self.expr(elt)?;
            let span = value.span;
            let yield_expr = Expr {
                kind: ExprKind::Yield(Some(Box::new(value))),
                span,
                suspends: true,
            };
            let mut body = vec![Stmt {
                kind: StmtKind::Expr(yield_expr),
                span,
                suspends: true,
            }];
            for clause in clauses.into_iter().rev() {
                for cond in clause.ifs.into_iter().rev() {
                    let span = cond.span;
                    body = vec![Stmt {
                        kind: StmtKind::If(cond, body, Vec::new()),
                        span,
                        suspends: true,
                    }];
                }
                let span = clause.iter.span;
                body = vec![Stmt {
                    kind: StmtKind::For {
                        target: clause.target,
                        iter: clause.iter,
                        body,
                        orelse: Vec::new(),
                        is_async: clause.is_async,
                    },
                    span,
                    suspends: true,
                }];
            }
            Ok(body)
        })();
        let body = match result {
            Ok(b) => b,
            Err(err) => {
                self.frames.pop();
                self.scope = outer_scope;
                return Err(err);
            }
        };
        let layout = ParamLayout {
            names: vec![Symbol::intern(".0")],
            posonly: 1,
            positional: 1,
            ..ParamLayout::default()
        };
        let code = self.end_frame(
            "<genexpr>".into(),
            qualname,
            CodeKind::Function,
            if is_async {
                FunctionKind::AsyncGenerator
            } else {
                FunctionKind::Generator
            },
            layout,
            body,
            e.span,
            None,
        );
        self.scope = outer_scope;
        Ok(ExprKind::GeneratorExp(
            Rc::new(FunctionTemplate {
                code,
                defaults: Vec::new(),
                kwdefaults: Vec::new(),
                annotations: Vec::new(),
                captures,
            }),
            first,
        ))
    }
}

enum FunctionBody<'a> {
    /// A `def`'s statements and its return annotation.
    Block(&'a [ast::Stmt], Option<&'a ast::Expr>),
    Expr(&'a ast::Expr),
}

enum CompSource<'a> {
    List(&'a ast::Expr),
    Set(&'a ast::Expr),
    Dict(&'a ast::Expr, &'a ast::Expr),
}

fn params_in_slot_order(params: &ast::Params) -> impl Iterator<Item = &ast::Param> {
    params
        .posonly
        .iter()
        .chain(&params.args)
        .chain(&params.kwonly)
        .chain(&params.vararg)
        .chain(&params.kwarg)
}

fn param_layout(params: &ast::Params) -> ParamLayout {
    let sym = |p: &ast::Param| Symbol::intern(&p.name.name);
    ParamLayout {
        names: params
            .posonly
            .iter()
            .chain(&params.args)
            .chain(&params.kwonly)
            .map(sym)
            .collect(),
        posonly: params.posonly.len(),
        positional: params.posonly.len() + params.args.len(),
        kwonly: params.kwonly.len(),
        vararg: params.vararg.as_ref().map(sym),
        kwarg: params.kwarg.as_ref().map(sym),
    }
}

fn docstring(body: &[ast::Stmt]) -> Option<Value> {
    match body.first().map(|s| &s.kind) {
        Some(ast::StmtKind::Expr(ast::Expr {
            kind: ast::ExprKind::Constant(ast::Constant::Str(s)),
            ..
        })) => Some(Value::str(s.as_str())),
        _ => None,
    }
}

/// Whether `s` is, or contains outside nested scopes, an annotated
/// assignment.
fn has_annotation(s: &ast::Stmt) -> bool {
    use ast::StmtKind as S;
    match &s.kind {
        S::AnnAssign { .. } => true,
        S::If { body, orelse, .. }
        | S::While { body, orelse, .. }
        | S::For { body, orelse, .. } => body.iter().chain(orelse).any(has_annotation),
        S::With { body, .. } => body.iter().any(has_annotation),
        S::Try {
            body,
            handlers,
            orelse,
            finalbody,
            ..
        } => body
            .iter()
            .chain(handlers.iter().flat_map(|h| &h.body))
            .chain(orelse)
            .chain(finalbody)
            .any(has_annotation),
        _ => false,
    }
}

fn constant(c: &ast::Constant) -> Value {
    match c {
        ast::Constant::None => Value::None,
        ast::Constant::Bool(b) => Value::Bool(*b),
        ast::Constant::Int(i) => Value::Int(*i),
        ast::Constant::BigInt(b) => Value::from_bigint(b.clone()),
        ast::Constant::Float(f) => Value::Float(*f),
        ast::Constant::Str(s) => Value::str(s.as_str()),
        ast::Constant::Ellipsis => Value::Ellipsis,
    }
}

/// What CPython calls an expression in "cannot assign to ..." messages.
fn describe(e: &ast::Expr) -> &'static str {
    use ast::ExprKind as E;
    match &e.kind {
        E::Call { .. } => "function call",
        E::Constant(ast::Constant::None | ast::Constant::Bool(_) | ast::Constant::Ellipsis) => {
            match &e.kind {
                E::Constant(ast::Constant::None) => "None",
                E::Constant(ast::Constant::Bool(true)) => "True",
                E::Constant(ast::Constant::Bool(false)) => "False",
                _ => "ellipsis",
            }
        }
        E::Constant(_) | E::FString(_) => "literal",
        E::BinOp { .. } | E::UnaryOp { .. } => "expression",
        E::BoolOp { .. } => "expression",
        E::Compare { .. } => "comparison",
        E::IfExp { .. } => "conditional expression",
        E::Lambda { .. } => "lambda",
        E::NamedExpr { .. } => "named expression",
        E::Await(_) => "await expression",
        E::Yield(_) | E::YieldFrom(_) => "yield expression",
        E::ListComp { .. } => "list comprehension",
        E::SetComp { .. } => "set comprehension",
        E::DictComp { .. } => "dict comprehension",
        E::GeneratorExp { .. } => "generator expression",
        E::Dict(_) => "dict literal",
        E::Set(_) => "set display",
        E::Tuple(_) => "tuple",
        E::List(_) => "list",
        _ => "expression",
    }
}

fn elems_suspend(items: &[Elem]) -> bool {
    items.iter().any(|e| match e {
        Elem::Single(x) | Elem::Starred(x) => x.suspends,
    })
}

fn args_suspend(args: &Args) -> bool {
    elems_suspend(&args.positional)
        || args.keywords.iter().any(|(_, e)| e.suspends)
        || args.double_starred.iter().any(|e| e.suspends)
}

fn fparts_suspend(parts: &[FPart]) -> bool {
    parts.iter().any(|p| match p {
        FPart::Literal(_) => false,
        FPart::Field { value, spec, .. } => {
            value.suspends || spec.as_deref().is_some_and(fparts_suspend)
        }
    })
}

/// Whether assigning to `t` can suspend (an `await` in its object or index).
#[must_use]
pub fn target_suspends(t: &Target) -> bool {
    match t {
        Target::Name(_) => false,
        Target::Attr(e, _) => e.suspends,
        Target::Subscript(a, b) => a.suspends || b.suspends,
        Target::Unpack(ts, _) => ts.iter().any(target_suspends),
    }
}

fn template_suspends(t: &FunctionTemplate) -> bool {
    t.defaults.iter().any(|d| d.suspends) || t.kwdefaults.iter().flatten().any(|d| d.suspends)
}

fn expr_suspends(kind: &ExprKind) -> bool {
    match kind {
        ExprKind::Const(_) | ExprKind::Name(_) | ExprKind::SuperCall => false,
        ExprKind::Await(_) | ExprKind::Yield(_) | ExprKind::YieldFrom(_) => true,
        ExprKind::Attr(e, _) | ExprKind::Unary(_, e) | ExprKind::Walrus(_, e) => e.suspends,
        ExprKind::Subscript(a, b) | ExprKind::BinOp(_, a, b) => a.suspends || b.suspends,
        ExprKind::Slice(a, b, c) => [a, b, c].into_iter().flatten().any(|e| e.suspends),
        ExprKind::Call(f, args) | ExprKind::FrameCall(_, f, args) => {
            f.suspends || args_suspend(args)
        }
        ExprKind::CallMethod(o, _, args) => o.suspends || args_suspend(args),
        ExprKind::BoolOp(_, vs) => vs.iter().any(|v| v.suspends),
        ExprKind::Compare(l, rest) => l.suspends || rest.iter().any(|(_, e)| e.suspends),
        ExprKind::IfExp(a, b, c) => a.suspends || b.suspends || c.suspends,
        ExprKind::Lambda(t) => template_suspends(t),
        ExprKind::List(items) | ExprKind::Tuple(items) | ExprKind::Set(items) => {
            elems_suspend(items)
        }
        ExprKind::Dict(items) => items
            .iter()
            .any(|(k, v)| k.as_ref().is_some_and(|k| k.suspends) || v.suspends),
        ExprKind::Comprehension { kind, clauses, .. } => {
            let elt = match &**kind {
                CompKind::List(e) | CompKind::Set(e) => e.suspends,
                CompKind::Dict(k, v) => k.suspends || v.suspends,
            };
            elt || clauses.iter().any(|c| {
                c.is_async
                    || c.iter.suspends
                    || c.ifs.iter().any(|i| i.suspends)
                    || target_suspends(&c.target)
            })
        }
        ExprKind::GeneratorExp(_, first) => first.suspends,
        ExprKind::FString(parts) => fparts_suspend(parts),
    }
}

fn block_suspends(stmts: &[Stmt]) -> bool {
    stmts.iter().any(|s| s.suspends)
}

fn stmt_suspends(kind: &StmtKind) -> bool {
    match kind {
        StmtKind::Expr(e) => e.suspends,
        StmtKind::Assign(ts, v) => v.suspends || ts.iter().any(target_suspends),
        StmtKind::AugAssign(t, _, v) => v.suspends || target_suspends(t),
        StmtKind::If(t, b, o) | StmtKind::While(t, b, o) => {
            t.suspends || block_suspends(b) || block_suspends(o)
        }
        StmtKind::Match(subject, cases) => {
            subject.suspends
                || cases.iter().any(|c| {
                    c.guard.as_ref().is_some_and(|g| g.suspends) || block_suspends(&c.body)
                })
        }
        StmtKind::For {
            target,
            iter,
            body,
            orelse,
            is_async,
        } => {
            *is_async
                || iter.suspends
                || target_suspends(target)
                || block_suspends(body)
                || block_suspends(orelse)
        }
        StmtKind::Return(v) => v.as_ref().is_some_and(|v| v.suspends),
        StmtKind::Break | StmtKind::Continue | StmtKind::Pass => false,
        StmtKind::FunctionDef(decorators, t, _) => {
            decorators.iter().any(|d| d.suspends) || template_suspends(t)
        }
        StmtKind::ClassDef(c) => {
            c.decorators.iter().any(|d| d.suspends)
                || elems_suspend(&c.bases)
                || c.keywords.iter().any(|(_, e)| e.suspends)
        }
        StmtKind::Try {
            body,
            handlers,
            orelse,
            finalbody,
            ..
        } => {
            block_suspends(body)
                || block_suspends(orelse)
                || block_suspends(finalbody)
                || handlers
                    .iter()
                    .any(|h| h.typ.as_ref().is_some_and(|t| t.suspends) || block_suspends(&h.body))
        }
        StmtKind::Raise(a, b) => {
            a.as_ref().is_some_and(|e| e.suspends) || b.as_ref().is_some_and(|e| e.suspends)
        }
        StmtKind::With {
            items,
            body,
            is_async,
        } => {
            *is_async
                || block_suspends(body)
                || items
                    .iter()
                    .any(|(e, t)| e.suspends || t.as_ref().is_some_and(target_suspends))
        }
        StmtKind::Delete(ts) => ts.iter().any(target_suspends),
        StmtKind::Assert(t, m) => t.suspends || m.as_ref().is_some_and(|m| m.suspends),
        StmtKind::Import { .. } | StmtKind::ImportFrom(..) | StmtKind::ImportStar(_) => false,
    }
}
