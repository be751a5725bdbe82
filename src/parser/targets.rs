//! Which expressions may be assigned to or deleted, and how CPython names
//! an expression in its error messages.
//!
//! The grammar parses a target as an expression and checks it here
//! afterwards (where CPython has separate target rules). The checks and
//! names follow `_PyPegen_get_invalid_target` and `_PyPegen_get_expr_name`.

use crate::ast::{CmpOp, Constant, Expr, ExprKind, UnaryOp};

/// What a target is being checked for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TargetKind {
    /// Assignment and `with ... as` targets.
    Star,
    /// `for` targets (a comparison is searched, as in `for a in b`).
    For,
    /// `del` targets.
    Del,
}

/// The part of `e` that cannot be a target, if any (CPython's
/// `_PyPegen_get_invalid_target`). Names, attributes and subscripts are
/// fine; lists and tuples are searched element by element.
#[must_use]
pub fn invalid_target(e: &Expr, kind: TargetKind) -> Option<&Expr> {
    match &e.kind {
        ExprKind::List(elts) | ExprKind::Tuple(elts) => {
            elts.iter().find_map(|elt| invalid_target(elt, kind))
        }
        ExprKind::Starred(inner) => {
            if kind == TargetKind::Del {
                Some(e)
            } else {
                invalid_target(inner, kind)
            }
        }
        ExprKind::Compare { left, ops, .. } => {
            if kind == TargetKind::For {
                if ops.first() == Some(&CmpOp::In) {
                    invalid_target(left, kind)
                } else {
                    None
                }
            } else {
                Some(e)
            }
        }
        ExprKind::Name(_) | ExprKind::Subscript { .. } | ExprKind::Attribute { .. } => None,
        _ => Some(e),
    }
}

/// Whether `e` is a valid assignment target as CPython's `star_targets`
/// accepts it. Stricter than `invalid_target(e).is_none()`: a starred
/// expression must hold a plain target, and `parenthesized_starred`
/// (`(*a) = ...`) is refused by the caller.
#[must_use]
pub fn is_star_target(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Name(_) | ExprKind::Subscript { .. } | ExprKind::Attribute { .. } => true,
        ExprKind::List(elts) | ExprKind::Tuple(elts) => elts.iter().all(is_star_target),
        ExprKind::Starred(inner) => {
            !matches!(inner.kind, ExprKind::Starred(_)) && is_star_target(inner)
        }
        _ => false,
    }
}

/// Whether `e` may follow `del` (no starred parts).
#[must_use]
pub fn is_del_target(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Name(_) | ExprKind::Subscript { .. } | ExprKind::Attribute { .. } => true,
        ExprKind::List(elts) | ExprKind::Tuple(elts) => elts.iter().all(is_del_target),
        _ => false,
    }
}

/// Whether `e` is a single target (a name, attribute or subscript), as
/// augmented assignment and annotations require.
#[must_use]
pub fn is_single_target(e: &Expr) -> bool {
    matches!(
        e.kind,
        ExprKind::Name(_) | ExprKind::Subscript { .. } | ExprKind::Attribute { .. }
    )
}

/// CPython's name for the kind of `e` in messages such as "cannot assign
/// to function call".
#[must_use]
pub fn expr_name(e: &Expr) -> &'static str {
    match &e.kind {
        ExprKind::Attribute { .. } => "attribute",
        ExprKind::Subscript { .. } => "subscript",
        ExprKind::Starred(_) => "starred",
        ExprKind::Name(_) => "name",
        ExprKind::List(_) => "list",
        ExprKind::Tuple(_) => "tuple",
        ExprKind::Lambda { .. } => "lambda",
        ExprKind::Call { .. } => "function call",
        ExprKind::BoolOp { .. } | ExprKind::BinOp { .. } | ExprKind::UnaryOp { .. } => "expression",
        ExprKind::GeneratorExp { .. } => "generator expression",
        ExprKind::Yield(_) | ExprKind::YieldFrom(_) => "yield expression",
        ExprKind::Await(_) => "await expression",
        ExprKind::ListComp { .. } => "list comprehension",
        ExprKind::SetComp { .. } => "set comprehension",
        ExprKind::DictComp { .. } => "dict comprehension",
        ExprKind::Dict(_) => "dict literal",
        ExprKind::Set(_) => "set display",
        ExprKind::FString(_) => "f-string expression",
        ExprKind::Constant(c) => match c {
            Constant::None => "None",
            Constant::Bool(false) => "False",
            Constant::Bool(true) => "True",
            Constant::Ellipsis => "ellipsis",
            _ => "literal",
        },
        ExprKind::Compare { .. } => "comparison",
        ExprKind::IfExp { .. } => "conditional expression",
        ExprKind::NamedExpr { .. } => "named expression",
        ExprKind::Slice { .. } => "slice",
    }
}

/// Whether `e` parses at CPython's `bitwise_or` level or tighter (so a
/// following `=` may have been meant as `==`): not a comparison, `not`,
/// boolean operator, conditional, lambda, walrus, starred or yield.
/// `parenthesized` makes anything an atom.
#[must_use]
pub fn is_bitwise_or_level(e: &Expr, parenthesized: bool) -> bool {
    parenthesized
        || !matches!(
            e.kind,
            ExprKind::Compare { .. }
                | ExprKind::BoolOp { .. }
                | ExprKind::UnaryOp {
                    op: UnaryOp::Not,
                    ..
                }
                | ExprKind::IfExp { .. }
                | ExprKind::Lambda { .. }
                | ExprKind::NamedExpr { .. }
                | ExprKind::Starred(_)
                | ExprKind::Yield(_)
                | ExprKind::YieldFrom(_)
        )
}

/// Whether `e`, whose text starts at byte `start`, begins with a list
/// display, a tuple or a generator expression (CPython's
/// `!(list|tuple|genexp|'True'|'None'|'False')` lookahead; the keywords
/// are checked by the caller on the first token).
#[must_use]
pub fn starts_with_display(e: &Expr, start: u32) -> bool {
    let mut e = e;
    loop {
        if e.span.start == start
            && matches!(
                e.kind,
                ExprKind::List(_) | ExprKind::Tuple(_) | ExprKind::GeneratorExp { .. }
            )
        {
            return true;
        }
        e = match &e.kind {
            ExprKind::BinOp { left, .. } => left,
            ExprKind::Call { func, .. } => func,
            ExprKind::Attribute { value, .. } | ExprKind::Subscript { value, .. } => value,
            _ => return false,
        };
    }
}
