//! Name resolution: the syntax tree becomes the resolved tree of [`crate::ir`].
//!
//! Private names are mangled first ([`mangle`]). Then two passes, as in
//! CPython: [`symtable`] decides which scope binds every
//! name (and reports misplaced `global`/`nonlocal`), then [`emit`] builds the
//! resolved tree, giving each name a slot and reporting the compiler's
//! static errors (`'return' outside function`, `'await' outside async
//! function`, ...). Before both, nesting depth is bounded so that no
//! later recursive pass can exhaust the stack.

pub mod emit;
pub mod mangle;
pub mod symtable;

use crate::ast::{self, ExprKind, StmtKind};
use crate::ir::Code;
use crate::source::SourceFile;
use crate::syntax_error::SyntaxError;
use crate::value::object::Globals;
pub use emit::ResolveOptions;
use std::rc::Rc;

/// How deeply expressions and blocks may nest. CPython's compiler gives up
/// at a similar depth ("too many nested parentheses" / a RecursionError
/// during compilation); the tree walker needs a bound to stay on its stack.
const MAX_NESTING: usize = 800;

/// Resolves a parsed module against `globals`, whose slots it extends.
pub fn resolve_module(
    module: &ast::Module,
    file: Rc<SourceFile>,
    globals: &Globals,
    options: ResolveOptions,
) -> Result<Rc<Code>, SyntaxError> {
    check_nesting(module)?;
    let mangled = mangle::mangle_module(module);
    let module = mangled.as_ref().unwrap_or(module);
    let table = symtable::build(module)?;
    emit::Emitter::new(&table, globals, file, options).module(module)
}

fn check_nesting(module: &ast::Module) -> Result<(), SyntaxError> {
    module.body.iter().try_for_each(|s| stmt_depth(s, 0))
}

fn too_deep(span: ast::Span) -> SyntaxError {
    SyntaxError::new("too many nested expressions or blocks", span)
}

fn block_depth(body: &[ast::Stmt], depth: usize) -> Result<(), SyntaxError> {
    body.iter().try_for_each(|s| stmt_depth(s, depth))
}

fn stmt_depth(s: &ast::Stmt, depth: usize) -> Result<(), SyntaxError> {
    if depth > MAX_NESTING {
        return Err(too_deep(s.span));
    }
    let d = depth + 1;
    let e = |x: &ast::Expr| expr_depth(x, d);
    match &s.kind {
        StmtKind::Expr(x) | StmtKind::Return(Some(x)) => e(x),
        StmtKind::Assign { targets, value } => {
            targets.iter().try_for_each(e)?;
            e(value)
        }
        StmtKind::AugAssign { target, value, .. } => {
            e(target)?;
            e(value)
        }
        StmtKind::AnnAssign {
            target,
            annotation,
            value,
        } => {
            e(target)?;
            e(annotation)?;
            value.iter().try_for_each(e)
        }
        StmtKind::If { test, body, orelse } | StmtKind::While { test, body, orelse } => {
            e(test)?;
            block_depth(body, d)?;
            block_depth(orelse, d)
        }
        StmtKind::Match { subject, cases } => {
            e(subject)?;
            for c in cases {
                e(&c.pattern)?;
                c.guard.iter().try_for_each(e)?;
                block_depth(&c.body, d)?;
            }
            Ok(())
        }
        StmtKind::For {
            target,
            iter,
            body,
            orelse,
            ..
        } => {
            e(target)?;
            e(iter)?;
            block_depth(body, d)?;
            block_depth(orelse, d)
        }
        StmtKind::FunctionDef(def) => {
            def.decorators.iter().try_for_each(e)?;
            params_depth(&def.params, d)?;
            block_depth(&def.body, d)
        }
        StmtKind::ClassDef(def) => {
            def.decorators.iter().try_for_each(e)?;
            def.bases.iter().try_for_each(e)?;
            block_depth(&def.body, d)
        }
        StmtKind::Try {
            body,
            handlers,
            orelse,
            finalbody,
            ..
        } => {
            block_depth(body, d)?;
            for h in handlers {
                h.typ.iter().try_for_each(e)?;
                block_depth(&h.body, d)?;
            }
            block_depth(orelse, d)?;
            block_depth(finalbody, d)
        }
        StmtKind::Raise { exc, cause } => {
            exc.iter().try_for_each(e)?;
            cause.iter().try_for_each(e)
        }
        StmtKind::With { items, body, .. } => {
            for item in items {
                e(&item.context)?;
                item.target.iter().try_for_each(e)?;
            }
            block_depth(body, d)
        }
        StmtKind::Delete(ts) => ts.iter().try_for_each(e),
        StmtKind::Assert { test, msg } => {
            e(test)?;
            msg.iter().try_for_each(e)
        }
        StmtKind::Return(None)
        | StmtKind::Pass
        | StmtKind::Break
        | StmtKind::Continue
        | StmtKind::Global(_)
        | StmtKind::Nonlocal(_)
        | StmtKind::Import(_)
        | StmtKind::ImportFrom { .. } => Ok(()),
    }
}

fn params_depth(params: &ast::Params, depth: usize) -> Result<(), SyntaxError> {
    let all = params
        .posonly
        .iter()
        .chain(&params.args)
        .chain(&params.vararg)
        .chain(&params.kwonly)
        .chain(&params.kwarg);
    for p in all {
        p.default.iter().try_for_each(|x| expr_depth(x, depth))?;
        p.annotation.iter().try_for_each(|x| expr_depth(x, depth))?;
    }
    Ok(())
}

fn comprehension_depth(gens: &[ast::Comprehension], depth: usize) -> Result<(), SyntaxError> {
    for g in gens {
        expr_depth(&g.target, depth)?;
        expr_depth(&g.iter, depth)?;
        g.ifs.iter().try_for_each(|x| expr_depth(x, depth))?;
    }
    Ok(())
}

fn fstring_depth(parts: &[ast::FStringPart], depth: usize) -> Result<(), SyntaxError> {
    for part in parts {
        if let ast::FStringPart::Field(f) = part {
            expr_depth(&f.value, depth)?;
            if let Some(spec) = &f.spec {
                fstring_depth(spec, depth)?;
            }
        }
    }
    Ok(())
}

fn expr_depth(x: &ast::Expr, depth: usize) -> Result<(), SyntaxError> {
    if depth > MAX_NESTING {
        return Err(too_deep(x.span));
    }
    let d = depth + 1;
    let e = |y: &ast::Expr| expr_depth(y, d);
    match &x.kind {
        ExprKind::Name(_) | ExprKind::Constant(_) => Ok(()),
        ExprKind::FString(parts) => fstring_depth(parts, d),
        ExprKind::BinOp { left, right, .. } => {
            e(left)?;
            e(right)
        }
        ExprKind::UnaryOp { operand: v, .. }
        | ExprKind::Starred(v)
        | ExprKind::Await(v)
        | ExprKind::YieldFrom(v)
        | ExprKind::NamedExpr { value: v, .. }
        | ExprKind::Attribute { value: v, .. } => e(v),
        ExprKind::BoolOp { values, .. }
        | ExprKind::List(values)
        | ExprKind::Tuple(values)
        | ExprKind::Set(values) => values.iter().try_for_each(e),
        ExprKind::Compare {
            left, comparators, ..
        } => {
            e(left)?;
            comparators.iter().try_for_each(e)
        }
        ExprKind::IfExp { test, body, orelse } => {
            e(test)?;
            e(body)?;
            e(orelse)
        }
        ExprKind::Lambda { params, body } => {
            params_depth(params, d)?;
            e(body)
        }
        ExprKind::Call { func, args } => {
            e(func)?;
            for a in args {
                match a {
                    ast::Arg::Positional(v) | ast::Arg::Starred(v) | ast::Arg::DoubleStarred(v) => {
                        e(v)?;
                    }
                    ast::Arg::Keyword(k) => e(&k.value)?,
                }
            }
            Ok(())
        }
        ExprKind::Subscript { value, index } => {
            e(value)?;
            e(index)
        }
        ExprKind::Slice { lower, upper, step } => [lower, upper, step]
            .into_iter()
            .flatten()
            .try_for_each(|v| e(v)),
        ExprKind::Dict(items) => {
            for item in items {
                match item {
                    ast::DictItem::Pair(k, v) => {
                        e(k)?;
                        e(v)?;
                    }
                    ast::DictItem::Unpack(v) => e(v)?,
                }
            }
            Ok(())
        }
        ExprKind::ListComp { elt, generators }
        | ExprKind::SetComp { elt, generators }
        | ExprKind::GeneratorExp { elt, generators } => {
            e(elt)?;
            comprehension_depth(generators, d)
        }
        ExprKind::DictComp {
            key,
            value,
            generators,
        } => {
            e(key)?;
            e(value)?;
            comprehension_depth(generators, d)
        }
        ExprKind::Yield(v) => v.iter().try_for_each(|v| e(v)),
    }
}
