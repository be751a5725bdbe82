//! First pass: which scope binds each name.
//!
//! Walks the syntax tree once, building a tree of scopes (module, class,
//! function, inlined comprehension) with the names each binds, declares
//! `global`/`nonlocal`, or uses; then decides for every scope which of its
//! names are cells (captured by an inner function) and which are free
//! (captured from an outer one), the way CPython's symtable does.

use crate::ast::{self, Expr, ExprKind, Stmt, StmtKind};
use crate::syntax_error::SyntaxError;
use hashbrown::{HashMap, HashSet};

/// Index of a scope in [`SymbolTable::scopes`].
pub type ScopeId = usize;

/// What kind of scope.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScopeKind {
    /// The module.
    Module,
    /// A class body.
    Class,
    /// A function, lambda or generator expression.
    Function,
    /// A list/set/dict comprehension, inlined into its host frame.
    Comprehension,
}

/// The names of one scope.
#[derive(Debug)]
pub struct Scope {
    /// Module, class, function or comprehension.
    pub kind: ScopeKind,
    /// The enclosing scope.
    pub parent: Option<ScopeId>,
    /// Names bound here, in first-binding order (parameters first).
    pub bound: Vec<String>,
    bound_set: HashSet<String>,
    /// Names declared `global`.
    pub globals: HashSet<String>,
    /// Names declared `nonlocal`.
    pub nonlocals: HashSet<String>,
    /// Names read here.
    pub used: HashSet<String>,
    /// Parameter names.
    pub params: HashSet<String>,
    /// Where each `nonlocal` name was declared, for error carets.
    pub nonlocal_spans: HashMap<String, ast::Span>,
    /// Names bound here that an inner scope captures.
    pub cells: Vec<String>,
    /// Names captured from an enclosing function.
    pub frees: Vec<String>,
    /// `async def` (or a comprehension inside one).
    pub is_async: bool,
    /// Contains `yield` directly.
    pub has_yield: bool,
}

impl Scope {
    fn new(kind: ScopeKind, parent: Option<ScopeId>) -> Self {
        Self {
            kind,
            parent,
            bound: Vec::new(),
            bound_set: HashSet::new(),
            globals: HashSet::new(),
            nonlocals: HashSet::new(),
            used: HashSet::new(),
            params: HashSet::new(),
            nonlocal_spans: HashMap::new(),
            cells: Vec::new(),
            frees: Vec::new(),
            is_async: false,
            has_yield: false,
        }
    }

    /// Whether the scope binds `name` itself (not via global/nonlocal).
    #[must_use]
    pub fn binds(&self, name: &str) -> bool {
        self.bound_set.contains(name)
            && !self.globals.contains(name)
            && !self.nonlocals.contains(name)
    }

    fn bind(&mut self, name: &str) {
        if !self.bound_set.contains(name) {
            self.bound_set.insert(name.to_string());
            self.bound.push(name.to_string());
        }
    }

    /// Whether `name` is a cell of this scope.
    #[must_use]
    pub fn is_cell(&self, name: &str) -> bool {
        self.cells.iter().any(|c| c == name)
    }

    /// Whether `name` is free in this scope.
    #[must_use]
    pub fn is_free(&self, name: &str) -> bool {
        self.frees.iter().any(|c| c == name)
    }
}

/// All scopes of a module, and which syntax node opened each.
pub struct SymbolTable {
    /// The scopes; index 0 is the module.
    pub scopes: Vec<Scope>,
    /// Scope opened by a node, keyed by the node's address.
    pub by_node: HashMap<usize, ScopeId>,
}

/// The address identifying a node that opens a scope.
pub fn node_key<T>(node: &T) -> usize {
    std::ptr::from_ref(node) as usize
}

/// Builds the symbol table of a module.
pub fn build(module: &ast::Module) -> Result<SymbolTable, SyntaxError> {
    let mut b = Builder {
        table: SymbolTable {
            scopes: vec![Scope::new(ScopeKind::Module, None)],
            by_node: HashMap::new(),
        },
        current: 0,
    };
    b.visit_body(&module.body)?;
    b.analyze()?;
    Ok(b.table)
}

struct Builder {
    table: SymbolTable,
    current: ScopeId,
}

impl Builder {
    fn scope(&mut self) -> &mut Scope {
        &mut self.table.scopes[self.current]
    }

    fn push_scope(&mut self, kind: ScopeKind, key: usize) -> ScopeId {
        let id = self.table.scopes.len();
        self.table.scopes.push(Scope::new(kind, Some(self.current)));
        self.table.by_node.insert(key, id);
        self.current = id;
        id
    }

    /// The nearest enclosing scope that is not a comprehension.
    fn host(&self, mut id: ScopeId) -> ScopeId {
        while self.table.scopes[id].kind == ScopeKind::Comprehension {
            id = self.table.scopes[id]
                .parent
                .expect("comprehension has a parent");
        }
        id
    }

    fn bind(&mut self, name: &str, _span: ast::Span) -> Result<(), SyntaxError> {
        self.scope().bind(name);
        Ok(())
    }

    fn use_name(&mut self, name: &str) {
        let used = &mut self.scope().used;
        if !used.contains(name) {
            used.insert(name.to_string());
        }
    }

    fn visit_body(&mut self, body: &[Stmt]) -> Result<(), SyntaxError> {
        body.iter().try_for_each(|s| self.visit_stmt(s))
    }

    fn declare(
        &mut self,
        names: &[ast::Ident],
        global: bool,
        stmt: &Stmt,
    ) -> Result<(), SyntaxError> {
        for ident in names {
            let name = ident.name.as_str();
            let scope = &self.table.scopes[self.current];
            if !global && scope.kind == ScopeKind::Module {
                return Err(SyntaxError::new(
                    "nonlocal declaration not allowed at module level",
                    stmt.span,
                ));
            }
            let keyword = if global { "global" } else { "nonlocal" };
            if scope.params.contains(name) {
                return Err(SyntaxError::new(
                    format!("name '{name}' is parameter and {keyword}"),
                    stmt.span,
                ));
            }
            if scope.bound_set.contains(name)
                && !scope.globals.contains(name)
                && !scope.nonlocals.contains(name)
            {
                return Err(SyntaxError::new(
                    format!("name '{name}' is assigned to before {keyword} declaration"),
                    stmt.span,
                ));
            }
            if scope.used.contains(name)
                && !scope.globals.contains(name)
                && !scope.nonlocals.contains(name)
            {
                return Err(SyntaxError::new(
                    format!("name '{name}' is used prior to {keyword} declaration"),
                    stmt.span,
                ));
            }
            if global {
                if scope.nonlocals.contains(name) {
                    return Err(SyntaxError::new(
                        format!("name '{name}' is nonlocal and global"),
                        stmt.span,
                    ));
                }
                self.scope().globals.insert(name.to_string());
            } else {
                if scope.globals.contains(name) {
                    return Err(SyntaxError::new(
                        format!("name '{name}' is nonlocal and global"),
                        stmt.span,
                    ));
                }
                self.scope().nonlocals.insert(name.to_string());
                self.scope()
                    .nonlocal_spans
                    .insert(name.to_string(), stmt.span);
            }
            self.scope().bind(name);
        }
        Ok(())
    }

    fn visit_stmt(&mut self, stmt: &Stmt) -> Result<(), SyntaxError> {
        match &stmt.kind {
            StmtKind::Expr(e) => self.visit_expr(e),
            StmtKind::Assign { targets, value } => {
                self.visit_expr(value)?;
                targets.iter().try_for_each(|t| self.visit_target(t))
            }
            StmtKind::AugAssign { target, value, .. } => {
                self.visit_expr(value)?;
                if let ExprKind::Name(n) = &target.kind {
                    self.use_name(n);
                }
                self.visit_target(target)
            }
            StmtKind::AnnAssign {
                target,
                annotation,
                value,
            } => {
                self.visit_expr(annotation)?;
                if let Some(v) = value {
                    self.visit_expr(v)?;
                }
                self.visit_target(target)
            }
            StmtKind::Pass | StmtKind::Break | StmtKind::Continue => Ok(()),
            StmtKind::Match { subject, cases } => {
                self.visit_expr(subject)?;
                for case in cases {
                    self.visit_pattern(&case.pattern)?;
                    if let Some(b) = &case.binding {
                        self.bind(&b.name, b.span)?;
                    }
                    if let Some(g) = &case.guard {
                        self.visit_expr(g)?;
                    }
                    self.visit_body(&case.body)?;
                }
                Ok(())
            }
            StmtKind::Return(v) => v.as_ref().map_or(Ok(()), |v| self.visit_expr(v)),
            StmtKind::If { test, body, orelse } | StmtKind::While { test, body, orelse } => {
                self.visit_expr(test)?;
                self.visit_body(body)?;
                self.visit_body(orelse)
            }
            StmtKind::For {
                target,
                iter,
                body,
                orelse,
                ..
            } => {
                self.visit_expr(iter)?;
                self.visit_target(target)?;
                self.visit_body(body)?;
                self.visit_body(orelse)
            }
            StmtKind::FunctionDef(def) => {
                for d in &def.decorators {
                    self.visit_expr(d)?;
                }
                self.visit_defaults(&def.params)?;
                if let Some(r) = &def.returns {
                    self.visit_expr(r)?;
                }
                self.visit_annotations(&def.params)?;
                self.bind(&def.name.name, def.name.span)?;
                let outer = self.current;
                self.push_scope(ScopeKind::Function, node_key(&**def));
                self.scope().is_async = def.is_async;
                self.bind_params(&def.params)?;
                self.visit_body(&def.body)?;
                self.current = outer;
                Ok(())
            }
            StmtKind::ClassDef(def) => {
                for d in &def.decorators {
                    self.visit_expr(d)?;
                }
                for b in &def.bases {
                    self.visit_expr(b)?;
                }
                for k in &def.keywords {
                    self.visit_expr(&k.value)?;
                }
                let outer = self.current;
                self.push_scope(ScopeKind::Class, node_key(&**def));
                self.visit_body(&def.body)?;
                self.current = outer;
                self.bind(&def.name.name, def.name.span)
            }
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
                ..
            } => {
                self.visit_body(body)?;
                for h in handlers {
                    if let Some(t) = &h.typ {
                        self.visit_expr(t)?;
                    }
                    if let Some(n) = &h.name {
                        self.bind(&n.name, n.span)?;
                    }
                    self.visit_body(&h.body)?;
                }
                self.visit_body(orelse)?;
                self.visit_body(finalbody)
            }
            StmtKind::Raise { exc, cause } => {
                if let Some(e) = exc {
                    self.visit_expr(e)?;
                }
                cause.as_ref().map_or(Ok(()), |c| self.visit_expr(c))
            }
            StmtKind::With { items, body, .. } => {
                for item in items {
                    self.visit_expr(&item.context)?;
                    if let Some(t) = &item.target {
                        self.visit_target(t)?;
                    }
                }
                self.visit_body(body)
            }
            StmtKind::Global(names) => self.declare(names, true, stmt),
            StmtKind::Nonlocal(names) => self.declare(names, false, stmt),
            StmtKind::Delete(targets) => targets.iter().try_for_each(|t| self.visit_target(t)),
            StmtKind::Assert { test, msg } => {
                self.visit_expr(test)?;
                msg.as_ref().map_or(Ok(()), |m| self.visit_expr(m))
            }
            StmtKind::Import(aliases) => {
                for a in aliases {
                    let bound = a.asname.as_ref().map_or_else(
                        || {
                            a.name
                                .name
                                .split('.')
                                .next()
                                .unwrap_or_default()
                                .to_string()
                        },
                        |n| n.name.clone(),
                    );
                    self.bind(&bound, a.name.span)?;
                }
                Ok(())
            }
            StmtKind::ImportFrom { names, .. } => {
                for a in names {
                    if a.name.name == "*" {
                        continue;
                    }
                    let bound = a.asname.as_ref().unwrap_or(&a.name);
                    self.bind(&bound.name, bound.span)?;
                }
                Ok(())
            }
        }
    }

    fn visit_defaults(&mut self, params: &ast::Params) -> Result<(), SyntaxError> {
        for p in params
            .posonly
            .iter()
            .chain(&params.args)
            .chain(&params.kwonly)
        {
            if let Some(d) = &p.default {
                self.visit_expr(d)?;
            }
        }
        Ok(())
    }

    fn visit_annotations(&mut self, params: &ast::Params) -> Result<(), SyntaxError> {
        let all = params
            .posonly
            .iter()
            .chain(&params.args)
            .chain(&params.vararg)
            .chain(&params.kwonly)
            .chain(&params.kwarg);
        for p in all {
            if let Some(a) = &p.annotation {
                self.visit_expr(a)?;
            }
        }
        Ok(())
    }

    fn bind_params(&mut self, params: &ast::Params) -> Result<(), SyntaxError> {
        let order = params
            .posonly
            .iter()
            .chain(&params.args)
            .chain(&params.kwonly)
            .chain(&params.vararg)
            .chain(&params.kwarg);
        for p in order {
            self.bind(&p.name.name, p.name.span)?;
            self.scope().params.insert(p.name.name.clone());
        }
        Ok(())
    }

    /// A `case` pattern: capture names are bound, value parts are read.
    fn visit_pattern(&mut self, p: &Expr) -> Result<(), SyntaxError> {
        use crate::ast::{Arg, DictItem};
        match &p.kind {
            ExprKind::Name(n) => {
                if n != "_" {
                    self.bind(n, p.span)?;
                }
                Ok(())
            }
            ExprKind::List(items) | ExprKind::Tuple(items) => {
                for item in items {
                    match &item.kind {
                        ExprKind::Starred(inner) => self.visit_pattern(inner)?,
                        _ => self.visit_pattern(item)?,
                    }
                }
                Ok(())
            }
            ExprKind::Dict(items) => {
                for item in items {
                    match item {
                        DictItem::Pair(k, v) => {
                            self.visit_expr(k)?;
                            self.visit_pattern(v)?;
                        }
                        DictItem::Unpack(rest) => self.visit_pattern(rest)?,
                    }
                }
                Ok(())
            }
            ExprKind::Call { func, args } => {
                self.visit_expr(func)?;
                for a in args {
                    match a {
                        Arg::Positional(v) | Arg::Starred(v) | Arg::DoubleStarred(v) => {
                            self.visit_pattern(v)?;
                        }
                        Arg::Keyword(k) => self.visit_pattern(&k.value)?,
                    }
                }
                Ok(())
            }
            ExprKind::BinOp {
                left,
                op: crate::ast::BinOp::BitOr,
                right,
            } => {
                self.visit_pattern(left)?;
                self.visit_pattern(right)
            }
            _ => self.visit_expr(p),
        }
    }

    fn visit_target(&mut self, target: &Expr) -> Result<(), SyntaxError> {
        match &target.kind {
            ExprKind::Name(n) => self.bind(n, target.span),
            ExprKind::Tuple(items) | ExprKind::List(items) => {
                items.iter().try_for_each(|t| self.visit_target(t))
            }
            ExprKind::Starred(inner) => self.visit_target(inner),
            _ => self.visit_expr(target),
        }
    }

    fn visit_comprehension(
        &mut self,
        key: usize,
        generators: &[ast::Comprehension],
        elts: &[&Expr],
        is_genexp: bool,
    ) -> Result<(), SyntaxError> {
        let first = generators
            .first()
            .expect("a comprehension has a for clause");
        self.visit_expr(&first.iter)?;
        let outer = self.current;
        let kind = if is_genexp {
            ScopeKind::Function
        } else {
            ScopeKind::Comprehension
        };
        self.push_scope(kind, key);
        let host = self.host(outer);
        let outer_async =
            self.table.scopes[host].is_async && self.table.scopes[host].kind == ScopeKind::Function;
        // A generator expression with `async for` is an async generator.
        self.scope().is_async = if is_genexp {
            generators.iter().any(|g| g.is_async)
        } else {
            outer_async
        };
        if is_genexp {
            self.scope().bind(".0");
        }
        for (i, g) in generators.iter().enumerate() {
            if i > 0 {
                self.visit_expr(&g.iter)?;
            }
            self.visit_target(&g.target)?;
            for cond in &g.ifs {
                self.visit_expr(cond)?;
            }
        }
        for e in elts {
            self.visit_expr(e)?;
        }
        self.current = outer;
        Ok(())
    }

    fn visit_expr(&mut self, e: &Expr) -> Result<(), SyntaxError> {
        match &e.kind {
            ExprKind::Name(n) => {
                self.use_name(n);
                Ok(())
            }
            ExprKind::Constant(_) => Ok(()),
            ExprKind::FString(parts) => self.visit_fstring(parts),
            ExprKind::BinOp { left, right, .. } => {
                self.visit_expr(left)?;
                self.visit_expr(right)
            }
            ExprKind::UnaryOp { operand, .. } => self.visit_expr(operand),
            ExprKind::BoolOp { values, .. } => values.iter().try_for_each(|v| self.visit_expr(v)),
            ExprKind::Compare {
                left, comparators, ..
            } => {
                self.visit_expr(left)?;
                comparators.iter().try_for_each(|v| self.visit_expr(v))
            }
            ExprKind::IfExp { test, body, orelse } => {
                self.visit_expr(test)?;
                self.visit_expr(body)?;
                self.visit_expr(orelse)
            }
            ExprKind::Lambda { params, body } => {
                self.visit_defaults(params)?;
                let outer = self.current;
                self.push_scope(ScopeKind::Function, node_key(e));
                self.bind_params(params)?;
                self.visit_expr(body)?;
                self.current = outer;
                Ok(())
            }
            ExprKind::NamedExpr { target, value } => {
                self.visit_expr(value)?;
                // PEP 572: the target binds in the nearest non-comprehension scope.
                let host = self.host(self.current);
                if host != self.current && self.table.scopes[host].kind == ScopeKind::Class {
                    return Err(SyntaxError::new(
                        "assignment expression within a comprehension cannot be used in a class body",
                        e.span,
                    ));
                }
                self.table.scopes[host].bind(&target.name);
                if host != self.current {
                    self.use_name(&target.name);
                }
                Ok(())
            }
            ExprKind::Call { func, args } => {
                self.visit_expr(func)?;
                for a in args {
                    match a {
                        ast::Arg::Positional(v)
                        | ast::Arg::Starred(v)
                        | ast::Arg::DoubleStarred(v) => {
                            self.visit_expr(v)?;
                        }
                        ast::Arg::Keyword(k) => self.visit_expr(&k.value)?,
                    }
                }
                Ok(())
            }
            ExprKind::Attribute { value, .. } => self.visit_expr(value),
            ExprKind::Subscript { value, index } => {
                self.visit_expr(value)?;
                self.visit_expr(index)
            }
            ExprKind::Slice { lower, upper, step } => {
                for part in [lower, upper, step].into_iter().flatten() {
                    self.visit_expr(part)?;
                }
                Ok(())
            }
            ExprKind::List(items) | ExprKind::Tuple(items) | ExprKind::Set(items) => {
                items.iter().try_for_each(|v| self.visit_expr(v))
            }
            ExprKind::Dict(items) => {
                for item in items {
                    match item {
                        ast::DictItem::Pair(k, v) => {
                            self.visit_expr(k)?;
                            self.visit_expr(v)?;
                        }
                        ast::DictItem::Unpack(v) => self.visit_expr(v)?,
                    }
                }
                Ok(())
            }
            ExprKind::Starred(v) | ExprKind::Await(v) | ExprKind::YieldFrom(v) => {
                if matches!(e.kind, ExprKind::YieldFrom(_)) {
                    self.mark_yield();
                }
                if matches!(e.kind, ExprKind::Await(_))
                    && self.scope().bound.iter().any(|b| b == ".0")
                {
                    // `await` inside a generator expression makes it async.
                    self.scope().is_async = true;
                }
                self.visit_expr(v)
            }
            ExprKind::Yield(v) => {
                self.mark_yield();
                v.as_ref().map_or(Ok(()), |v| self.visit_expr(v))
            }
            ExprKind::ListComp { elt, generators } | ExprKind::SetComp { elt, generators } => {
                self.visit_comprehension(node_key(e), generators, &[elt], false)
            }
            ExprKind::GeneratorExp { elt, generators } => {
                self.visit_comprehension(node_key(e), generators, &[elt], true)
            }
            ExprKind::DictComp {
                key,
                value,
                generators,
            } => self.visit_comprehension(node_key(e), generators, &[key, value], false),
        }
    }

    fn mark_yield(&mut self) {
        let id = self.current;
        self.table.scopes[id].has_yield = true;
    }

    fn visit_fstring(&mut self, parts: &[ast::FStringPart]) -> Result<(), SyntaxError> {
        for part in parts {
            if let ast::FStringPart::Field(field) = part {
                self.visit_expr(&field.value)?;
                if let Some(spec) = &field.spec {
                    self.visit_fstring(spec)?;
                }
            }
        }
        Ok(())
    }

    /// Decides cells and free variables, innermost scopes first.
    fn analyze(&mut self) -> Result<(), SyntaxError> {
        for id in (0..self.table.scopes.len()).rev() {
            let scope = &self.table.scopes[id];
            let mut wanted: Vec<String> = scope
                .used
                .iter()
                .filter(|n| !scope.binds(n) && !scope.globals.contains(*n))
                .cloned()
                .collect();
            wanted.extend(scope.nonlocals.iter().cloned());
            // Names an inner scope captured through this one.
            wanted.extend(scope.frees.iter().cloned());
            wanted.sort();
            wanted.dedup();
            for name in wanted {
                if scope_binds_or_declares_global(&self.table.scopes[id], &name)
                    && !self.table.scopes[id].nonlocals.contains(&name)
                {
                    continue;
                }
                self.capture(id, &name)?;
            }
        }
        Ok(())
    }

    /// Looks for `name` in the scopes enclosing `id`; if a function (or
    /// comprehension) binds it, it becomes a cell there and free in every
    /// scope between.
    fn capture(&mut self, id: ScopeId, name: &str) -> Result<(), SyntaxError> {
        let is_nonlocal = self.table.scopes[id].nonlocals.contains(name);
        let mut path = vec![id];
        let mut cur = self.table.scopes[id].parent;
        while let Some(a) = cur {
            let scope = &self.table.scopes[a];
            match scope.kind {
                ScopeKind::Module => break,
                ScopeKind::Class => {
                    path.push(a);
                    cur = scope.parent;
                }
                ScopeKind::Function | ScopeKind::Comprehension => {
                    if scope.globals.contains(name) {
                        break;
                    }
                    if scope.binds(name) {
                        // Direct access from an inlined comprehension to its
                        // host frame needs no cell.
                        let inlined = path
                            .iter()
                            .all(|&p| self.table.scopes[p].kind == ScopeKind::Comprehension);
                        if inlined && !is_nonlocal {
                            return Ok(());
                        }
                        if !self.table.scopes[a].is_cell(name) {
                            self.table.scopes[a].cells.push(name.to_string());
                        }
                        for &p in &path {
                            let s = &mut self.table.scopes[p];
                            if s.kind != ScopeKind::Comprehension && !s.is_free(name) {
                                s.frees.push(name.to_string());
                            }
                        }
                        return Ok(());
                    }
                    path.push(a);
                    cur = scope.parent;
                }
            }
        }
        if is_nonlocal {
            let span = self.table.scopes[id]
                .nonlocal_spans
                .get(name)
                .copied()
                .unwrap_or_default();
            return Err(SyntaxError::new(
                format!("no binding for nonlocal '{name}' found"),
                span,
            ));
        }
        Ok(())
    }
}

fn scope_binds_or_declares_global(scope: &Scope, name: &str) -> bool {
    scope.binds(name) || scope.globals.contains(name)
}
