//! Expression statements and assignments (`=`, augmented, annotated).
//!
//! The first expression is parsed once and what follows (`=`, `:`, `+=`,
//! nothing) decides the statement; the targets are checked afterwards.
//! When they are wrong, the second pass reproduces CPython's
//! `invalid_assignment` order: a `=` that was probably meant as `==`
//! first, then the first target that cannot be assigned to.

use chumsky::prelude::*;

use super::expr::Exprs;
use super::named::is_parenthesized;
use super::state::{P, PState, probe, span_of, tok};
use super::targets::{
    TargetKind, expr_name, invalid_target, is_bitwise_or_level, is_single_target, is_star_target,
    starts_with_display,
};
use crate::ast::{BinOp, Expr, ExprKind, Stmt, StmtKind};
use crate::lexer::Tok;
use crate::syntax_error::SyntaxError;

/// What followed the first expression of an expression statement.
#[derive(Clone)]
enum After {
    Nothing,
    Annotation(Expr, Option<Expr>),
    Augmented(BinOp, Expr),
    /// `= value` repeated: each right-hand side with its token span, and
    /// whether a last `=` has nothing after it.
    Assign(Vec<(Expr, SimpleSpan)>, bool),
    /// `:= value` (second pass only): a walrus is no statement.
    Walrus,
}

/// Expression statements and assignments.
pub(super) fn expression_statement<'t, 's: 't>(x: &Exprs<'t, 's>) -> P<'t, 's, Stmt> {
    let value = x.yield_expr.clone().or(x.star_expressions.clone()).boxed();
    let aug_op = select! {
        Tok::PlusEqual => BinOp::Add,
        Tok::MinEqual => BinOp::Sub,
        Tok::StarEqual => BinOp::Mul,
        Tok::AtEqual => BinOp::MatMul,
        Tok::SlashEqual => BinOp::Div,
        Tok::PercentEqual => BinOp::Mod,
        Tok::AmperEqual => BinOp::BitAnd,
        Tok::VBarEqual => BinOp::BitOr,
        Tok::CircumflexEqual => BinOp::BitXor,
        Tok::LeftShiftEqual => BinOp::LShift,
        Tok::RightShiftEqual => BinOp::RShift,
        Tok::DoubleStarEqual => BinOp::Pow,
        Tok::DoubleSlashEqual => BinOp::FloorDiv,
    };
    let assign = tok(Tok::Equal)
        .ignore_then(value.clone().map_with(|v, e| (v, e.span())))
        .repeated()
        .collect::<Vec<_>>()
        .then(tok(Tok::Equal).or_not().map(|eq| eq.is_some()))
        .try_map(|(values, dangling), span| {
            if values.is_empty() && !dangling {
                Err(Cheap::new(span))
            } else {
                Ok(After::Assign(values, dangling))
            }
        })
        .boxed();
    let after = choice((
        tok(Tok::Colon)
            .ignore_then(x.expression.clone())
            .then(tok(Tok::Equal).ignore_then(value.clone()).or_not())
            .map(|(annotation, value)| After::Annotation(annotation, value)),
        aug_op
            .then(value.clone())
            .map(|(op, value)| After::Augmented(op, value)),
        assign.clone(),
        probe(tok(Tok::ColonEqual).ignore_then(x.expression.clone()))
            .try_map(|found, span| found.map(|_| After::Walrus).ok_or_else(|| Cheap::new(span))),
        empty().to(After::Nothing),
    ));
    // A statement starting with `yield` can only be followed by `=` (CPython
    // then says a yield cannot be assigned to).
    let yield_first = x
        .yield_expr
        .clone()
        .map_with(|v, e| (v, e.span()))
        .then(assign.or(empty().to(After::Nothing)));
    let expression_first = x
        .star_expressions
        .clone()
        .map_with(|v, e| (v, e.span()))
        .then(after);
    yield_first
        .or(expression_first)
        .try_map_with(|((first, first_toks), after), e| {
            let span = span_of(e);
            let st: &mut PState = e.state();
            let kind = match after {
                After::Nothing => StmtKind::Expr(first),
                After::Walrus => {
                    if let Some(error) = walrus_error(&first, first_toks, st) {
                        st.raise(error);
                    }
                    return Err(Cheap::new(e.span()));
                }
                After::Annotation(annotation, value) => {
                    if !is_single_target(&first) {
                        if st.diagnosing() {
                            st.raise(annotation_error(&first, first_toks, st));
                        }
                        return Err(Cheap::new(e.span()));
                    }
                    StmtKind::AnnAssign {
                        target: first,
                        annotation,
                        value,
                    }
                }
                After::Augmented(op, value) => {
                    if !is_single_target(&first) {
                        if st.diagnosing() {
                            st.raise(SyntaxError::new(
                                format!(
                                    "'{}' is an illegal expression for augmented assignment",
                                    expr_name(&first)
                                ),
                                first.span,
                            ));
                        }
                        return Err(Cheap::new(e.span()));
                    }
                    StmtKind::AugAssign {
                        target: first,
                        op,
                        value,
                    }
                }
                After::Assign(mut rest, dangling) => {
                    let mut chain = Vec::with_capacity(rest.len() + 1);
                    chain.push((first, first_toks));
                    chain.append(&mut rest);
                    let targets = if dangling {
                        chain.len()
                    } else {
                        chain.len() - 1
                    };
                    let all_valid = chain[..targets].iter().all(|(t, _)| is_star_target(t));
                    if dangling || !all_valid {
                        if st.diagnosing()
                            && let Some(error) = assignment_error(&chain, targets, st)
                        {
                            st.raise(error);
                        }
                        return Err(Cheap::new(e.span()));
                    }
                    let Some((value, _)) = chain.pop() else {
                        return Err(Cheap::new(e.span()));
                    };
                    StmtKind::Assign {
                        targets: chain.into_iter().map(|(t, _)| t).collect(),
                        value,
                    }
                }
            };
            Ok(Stmt { kind, span })
        })
        .boxed()
}

/// CPython's `invalid_named_expression` at statement level: `f() := 1`
/// (a plain name before `:=` is only a misplaced walrus).
fn walrus_error(first: &Expr, toks: SimpleSpan, st: &PState) -> Option<SyntaxError> {
    let (element, element_toks) = match &first.kind {
        ExprKind::Tuple(elts) if !is_parenthesized(st, toks) => {
            let last = elts.last()?;
            (last, element_tokens(st, toks, last))
        }
        _ => (first, toks),
    };
    let single_name = element_toks.end == element_toks.start + 1
        && matches!(st.toks.get(element_toks.start), Some(Tok::Name(_)));
    (!single_name).then(|| {
        SyntaxError::new(
            format!(
                "cannot use assignment expressions with {}",
                expr_name(element)
            ),
            element.span,
        )
    })
}

/// CPython's messages for a bad annotation target (`invalid_assignment`).
fn annotation_error(first: &Expr, toks: SimpleSpan, st: &PState) -> SyntaxError {
    let bracketed = matches!(st.toks.get(toks.start), Some(Tok::LPar | Tok::LSqb));
    match &first.kind {
        ExprKind::Tuple(elts) if !bracketed => SyntaxError::new(
            "only single target (not tuple) can be annotated",
            elts.first().map_or(first.span, |e| e.span),
        ),
        ExprKind::Tuple(_) => SyntaxError::new(
            "only single target (not tuple) can be annotated",
            first.span,
        ),
        ExprKind::List(_) => {
            SyntaxError::new("only single target (not list) can be annotated", first.span)
        }
        _ => SyntaxError::new("illegal target for annotation", first.span),
    }
}

/// CPython's message for an assignment chain with an invalid target (the
/// first `targets` elements are followed by `=`), in the order its second
/// pass would find it.
fn assignment_error(
    chain: &[(Expr, SimpleSpan)],
    targets: usize,
    st: &PState,
) -> Option<SyntaxError> {
    let (first, first_toks) = &chain[0];
    // `invalid_named_expression` on the element right before the first `=`.
    let (last_elt, last_toks) = match &first.kind {
        ExprKind::Tuple(elts) if !is_parenthesized(st, *first_toks) => {
            let last = elts.last()?;
            (last, element_tokens(st, *first_toks, last))
        }
        _ => (first, *first_toks),
    };
    if let Some((rhs, rhs_toks)) = chain.get(1) {
        let continues = targets > 1;
        if let Some(lead) = leading_bitwise_or(rhs, *rhs_toks, st)
            && !(continues && std::ptr::eq(lead, rhs))
            && let Some(error) = named_assign_error(last_elt, last_toks, lead, st)
        {
            return Some(error);
        }
    }
    // `(star_targets '=')* a=star_expressions '='`.
    for (target, _) in &chain[..targets] {
        if is_star_target(target) {
            continue;
        }
        if matches!(target.kind, ExprKind::Yield(_) | ExprKind::YieldFrom(_)) {
            return Some(SyntaxError::new(
                "assignment to yield expression not possible",
                target.span,
            ));
        }
        return invalid_target(target, TargetKind::Star)
            .map(|bad| SyntaxError::new(format!("cannot assign to {}", expr_name(bad)), bad.span));
    }
    None
}

/// The token span of `elt`, an element of the tuple at `toks`.
fn element_tokens(st: &PState, toks: SimpleSpan, elt: &Expr) -> SimpleSpan {
    let start = (toks.start..toks.end)
        .find(|&i| st.tok_span(i).start >= elt.span.start)
        .unwrap_or(toks.start);
    let end = (start..toks.end)
        .find(|&i| st.tok_span(i).start >= elt.span.end)
        .unwrap_or(toks.end);
    SimpleSpan::from(start..end)
}

/// The `bitwise_or` an expression starts with, if it starts with one.
fn leading_bitwise_or<'e>(e: &'e Expr, toks: SimpleSpan, st: &PState) -> Option<&'e Expr> {
    if is_parenthesized(st, toks) {
        return Some(e);
    }
    match &e.kind {
        ExprKind::Tuple(elts) => {
            let first = elts.first()?;
            leading_bitwise_or(first, element_tokens(st, toks, first), st)
        }
        ExprKind::Compare { left, .. } => Some(left),
        ExprKind::BoolOp { values, .. } => {
            let first = values.first()?;
            leading_bitwise_or(first, element_tokens(st, toks, first), st)
        }
        ExprKind::IfExp { body, .. } => {
            leading_bitwise_or(body, element_tokens(st, toks, body), st)
        }
        _ if is_bitwise_or_level(e, false) => Some(e),
        _ => None,
    }
}

/// `invalid_named_expression` at statement level: `target = value` where
/// `==` (or `:=`) was probably meant.
fn named_assign_error(
    target: &Expr,
    toks: SimpleSpan,
    rhs: &Expr,
    st: &PState,
) -> Option<SyntaxError> {
    let first = st.toks.get(toks.start).copied();
    if toks.end == toks.start + 1 && matches!(first, Some(Tok::Name(_))) {
        return Some(SyntaxError::new(
            "invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
            target.span.to(rhs.span),
        ));
    }
    if matches!(first, Some(Tok::True | Tok::False | Tok::None)) {
        return None;
    }
    let start = st.tok_span(toks.start).start;
    let parenthesized = is_parenthesized(st, toks);
    if starts_with_display(target, start) && !parenthesized_group(st, toks) {
        return None;
    }
    if !is_bitwise_or_level(target, parenthesized) || matches!(target.kind, ExprKind::Starred(_)) {
        return None;
    }
    Some(SyntaxError::new(
        format!(
            "cannot assign to {} here. Maybe you meant '==' instead of '='?",
            expr_name(target)
        ),
        target.span,
    ))
}

/// Whether the tokens start with a parenthesized group (not a tuple).
fn parenthesized_group(st: &PState, toks: SimpleSpan) -> bool {
    super::named::parenthesized_group_start(st, toks)
}
