//! Private name mangling: inside a class `C`, an identifier `__x` (two or
//! more leading underscores, not ending in two) means `_C__x`.
//!
//! CPython mangles in its symbol table and compiler; here one pass rewrites
//! a copy of the syntax tree before [`super::symtable`] sees it, so both
//! later passes, error messages and the running program agree on the
//! mangled names. The rules are CPython's: names read, bound or deleted,
//! attribute names, parameters, `def`/`class`/`import`/`except ... as`
//! bindings and class-body annotations are mangled; keyword argument names
//! of calls, the `__name__` of functions and classes and the module part of
//! imports are not. A nested class switches to its own name; functions,
//! lambdas and comprehensions inside a class inherit the class's.

use crate::ast::{
    Arg, Comprehension, DictItem, Expr, ExprKind, FStringPart, Module, Params, Stmt, StmtKind,
};
use std::borrow::Cow;

/// `name` as written inside class `class_name`.
#[must_use]
pub fn mangle<'a>(class_name: &str, name: &'a str) -> Cow<'a, str> {
    if !name.starts_with("__") || name.ends_with("__") || name.contains('.') {
        return Cow::Borrowed(name);
    }
    let stripped = class_name.trim_start_matches('_');
    if stripped.is_empty() {
        return Cow::Borrowed(name);
    }
    Cow::Owned(format!("_{stripped}{name}"))
}

/// A copy of `module` with private names mangled, or `None` when nothing
/// needs mangling (no class uses a private name).
#[must_use]
pub fn mangle_module(module: &Module) -> Option<Module> {
    let mut copy = module.clone();
    let mut m = Mangler {
        private: None,
        changed: false,
    };
    for s in &mut copy.body {
        m.stmt(s);
    }
    m.changed.then_some(copy)
}

struct Mangler {
    /// The name of the innermost enclosing class.
    private: Option<String>,
    changed: bool,
}

impl Mangler {
    fn name(&mut self, name: &mut String) {
        let Some(class) = &self.private else {
            return;
        };
        if let Cow::Owned(m) = mangle(class, name) {
            *name = m;
            self.changed = true;
        }
    }

    fn body(&mut self, body: &mut [Stmt]) {
        for s in body {
            self.stmt(s);
        }
    }

    fn opt(&mut self, e: Option<&mut Expr>) {
        if let Some(e) = e {
            self.expr(e);
        }
    }

    fn params(&mut self, params: &mut Params) {
        let Params {
            posonly,
            args,
            vararg,
            kwonly,
            kwarg,
        } = params;
        for p in posonly
            .iter_mut()
            .chain(args.iter_mut())
            .chain(vararg.iter_mut())
            .chain(kwonly.iter_mut())
            .chain(kwarg.iter_mut())
        {
            self.name(&mut p.name.name);
            self.opt(p.default.as_mut());
            self.opt(p.annotation.as_mut());
        }
    }

    fn stmt(&mut self, s: &mut Stmt) {
        match &mut s.kind {
            StmtKind::Expr(e) | StmtKind::Return(Some(e)) => self.expr(e),
            StmtKind::Assign { targets, value } => {
                for t in targets.iter_mut() {
                    self.expr(t);
                }
                self.expr(value);
            }
            StmtKind::AugAssign { target, value, .. } => {
                self.expr(target);
                self.expr(value);
            }
            StmtKind::AnnAssign {
                target,
                annotation,
                value,
            } => {
                self.expr(target);
                self.expr(annotation);
                self.opt(value.as_mut());
            }
            StmtKind::Pass | StmtKind::Break | StmtKind::Continue | StmtKind::Return(None) => {}
            StmtKind::Match { subject, cases } => {
                self.expr(subject);
                for c in cases {
                    self.expr(&mut c.pattern);
                    if let Some(b) = &mut c.binding {
                        self.name(&mut b.name);
                    }
                    self.opt(c.guard.as_mut());
                    self.body(&mut c.body);
                }
            }
            StmtKind::If { test, body, orelse } | StmtKind::While { test, body, orelse } => {
                self.expr(test);
                self.body(body);
                self.body(orelse);
            }
            StmtKind::For {
                target,
                iter,
                body,
                orelse,
                ..
            } => {
                self.expr(target);
                self.expr(iter);
                self.body(body);
                self.body(orelse);
            }
            StmtKind::FunctionDef(def) => {
                def.decorators.iter_mut().for_each(|d| self.expr(d));
                self.name(&mut def.name.name);
                self.params(&mut def.params);
                self.opt(def.returns.as_mut());
                self.body(&mut def.body);
            }
            StmtKind::ClassDef(def) => {
                def.decorators.iter_mut().for_each(|d| self.expr(d));
                def.bases.iter_mut().for_each(|b| self.expr(b));
                def.keywords
                    .iter_mut()
                    .for_each(|k| self.expr(&mut k.value));
                let outer = self.private.replace(def.name.name.clone());
                self.body(&mut def.body);
                self.private = outer;
                self.name(&mut def.name.name);
            }
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
                ..
            } => {
                self.body(body);
                for h in handlers {
                    self.opt(h.typ.as_mut());
                    if let Some(n) = &mut h.name {
                        self.name(&mut n.name);
                    }
                    self.body(&mut h.body);
                }
                self.body(orelse);
                self.body(finalbody);
            }
            StmtKind::Raise { exc, cause } => {
                self.opt(exc.as_mut());
                self.opt(cause.as_mut());
            }
            StmtKind::With { items, body, .. } => {
                for item in items {
                    self.expr(&mut item.context);
                    self.opt(item.target.as_mut());
                }
                self.body(body);
            }
            StmtKind::Global(names) | StmtKind::Nonlocal(names) => {
                for n in names.iter_mut() {
                    self.name(&mut n.name);
                }
            }
            StmtKind::Delete(targets) => targets.iter_mut().for_each(|t| self.expr(t)),
            StmtKind::Assert { test, msg } => {
                self.expr(test);
                self.opt(msg.as_mut());
            }
            StmtKind::Import(aliases) => {
                for a in aliases {
                    match &mut a.asname {
                        Some(n) => self.name(&mut n.name),
                        // `import __x` binds the mangled name to module `__x`.
                        None if self.private.is_some() && !a.name.name.contains('.') => {
                            let bound = a.name.clone();
                            let mut renamed = bound.clone();
                            self.name(&mut renamed.name);
                            if renamed.name != bound.name {
                                a.asname = Some(renamed);
                            }
                        }
                        None => {}
                    }
                }
            }
            StmtKind::ImportFrom { names, .. } => {
                for a in names {
                    if a.name.name == "*" {
                        continue;
                    }
                    if let Some(n) = &mut a.asname {
                        self.name(&mut n.name);
                    } else {
                        let mut renamed = a.name.clone();
                        self.name(&mut renamed.name);
                        if renamed.name != a.name.name {
                            a.asname = Some(renamed);
                        }
                    }
                }
            }
        }
    }

    fn comprehension(&mut self, generators: &mut [Comprehension]) {
        for g in generators {
            self.expr(&mut g.target);
            self.expr(&mut g.iter);
            g.ifs.iter_mut().for_each(|c| self.expr(c));
        }
    }

    fn fstring(&mut self, parts: &mut [FStringPart]) {
        for part in parts {
            if let FStringPart::Field(field) = part {
                self.expr(&mut field.value);
                if let Some(spec) = &mut field.spec {
                    self.fstring(spec);
                }
            }
        }
    }

    fn expr(&mut self, e: &mut Expr) {
        match &mut e.kind {
            ExprKind::Name(n) => self.name(n),
            ExprKind::Constant(_) => {}
            ExprKind::FString(parts) => self.fstring(parts),
            ExprKind::BinOp { left, right, .. } => {
                self.expr(left);
                self.expr(right);
            }
            ExprKind::UnaryOp { operand: v, .. }
            | ExprKind::Starred(v)
            | ExprKind::Await(v)
            | ExprKind::YieldFrom(v) => self.expr(v),
            ExprKind::BoolOp { values, .. }
            | ExprKind::List(values)
            | ExprKind::Tuple(values)
            | ExprKind::Set(values) => values.iter_mut().for_each(|v| self.expr(v)),
            ExprKind::Compare {
                left, comparators, ..
            } => {
                self.expr(left);
                for c in comparators.iter_mut() {
                    self.expr(c);
                }
            }
            ExprKind::IfExp { test, body, orelse } => {
                self.expr(test);
                self.expr(body);
                self.expr(orelse);
            }
            ExprKind::Lambda { params, body } => {
                self.params(params);
                self.expr(body);
            }
            ExprKind::NamedExpr { target, value } => {
                self.name(&mut target.name);
                self.expr(value);
            }
            ExprKind::Call { func, args } => {
                self.expr(func);
                for a in args {
                    match a {
                        Arg::Positional(v) | Arg::Starred(v) | Arg::DoubleStarred(v) => {
                            self.expr(v);
                        }
                        // Keyword names stay as written (CPython 3.11).
                        Arg::Keyword(k) => self.expr(&mut k.value),
                    }
                }
            }
            ExprKind::Attribute { value, attr } => {
                self.expr(value);
                self.name(&mut attr.name);
            }
            ExprKind::Subscript { value, index } => {
                self.expr(value);
                self.expr(index);
            }
            ExprKind::Slice { lower, upper, step } => {
                for part in [lower, upper, step].into_iter().flatten() {
                    self.expr(part);
                }
            }
            ExprKind::Dict(items) => {
                for item in items {
                    match item {
                        DictItem::Pair(k, v) => {
                            self.expr(k);
                            self.expr(v);
                        }
                        DictItem::Unpack(v) => self.expr(v),
                    }
                }
            }
            ExprKind::ListComp { elt, generators }
            | ExprKind::SetComp { elt, generators }
            | ExprKind::GeneratorExp { elt, generators } => {
                self.expr(elt);
                self.comprehension(generators);
            }
            ExprKind::DictComp {
                key,
                value,
                generators,
            } => {
                self.expr(key);
                self.expr(value);
                self.comprehension(generators);
            }
            ExprKind::Yield(v) => {
                if let Some(v) = v {
                    self.expr(v);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::mangle;

    #[test]
    fn follows_cpython_rules() {
        assert_eq!(mangle("C", "__x"), "_C__x");
        assert_eq!(mangle("__D", "__x"), "_D__x");
        assert_eq!(mangle("C", "__init__"), "__init__");
        assert_eq!(mangle("C", "_x"), "_x");
        assert_eq!(mangle("___", "__x"), "__x");
        assert_eq!(mangle("C", "__a.b"), "__a.b");
    }
}
